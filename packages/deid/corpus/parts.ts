/**
 * The de-identification corpus's parts in one table (issue 18): which file is tuned on and which is held out,
 * with its history. The bench (`bench/deid.ts`), `build-corpus.ts` and the corpus test read this table; a
 * rotation (a held-out part measured and moved to tuning, a new independent part written) is one edit here plus
 * the file's `%` header. Held-out parts are never opened to tune; the bench prints aggregate figures for them only.
 */
export interface CorpusPart {
  /** File stem: `<part>.marked.txt` is the source, `<part>.json` the generated spans. */
  part: string;
  role: 'tuning' | 'heldout';
  /** Where it came from and, for a former held-out part, the figures it had when measured as held out. */
  history: string;
  /** A part still being written may be absent: the test, the build and the bench step over it. */
  optional?: boolean;
  /**
   * A tuning part newly moved from held-out is studied before its misses are fixed: `false` until then, so the
   * corpus test's "no miss on a tuning part" guard applies to it once its round is done.
   */
  regression?: boolean;
  /**
   * Misses a studied part may still have (round 13: tuning-6 keeps 6 of 868, classes left on purpose in
   * docs/notes/deid-tuning6-study-2026-12-08.md); the guard fails when there are more. Absent means none.
   */
  allowedMisses?: number;
}

export const CORPUS_PARTS: readonly CorpusPart[] = [
  {
    part: 'tuning',
    role: 'tuning',
    history: 'own notes, rounds 1–4 (t3-…, t4-… written against the misses of held-out 2 in new own notes)',
    regression: true,
  },
  {
    part: 'tuning-2',
    role: 'tuning',
    history:
      'formerly held-out 2, written independently 2026-12-07 (32 notes, 336 identifiers); measured three times as held out: recall 81.0 %, 86.9 %, 87.8 % (precision 99.3 %, –, 98.4 %); moved to tuning 2026-12-07; its misses fixed by class in round 5 (deid-round5.test.ts), guarded since',
    regression: true,
  },
  {
    part: 'tuning-3',
    role: 'tuning',
    history:
      'formerly held-out 3, written independently 2026-12-07 (fourth session: 38 notes, 502 identifiers); measured twice as held out: recall 81.9 % / precision 98.4 % on the session-start code (23cff2d), 86.5 % / 98.7 % after round 5; moved to tuning 2026-12-07; its misses fixed by class in round 6 (deid-round6.test.ts), guarded since',
    regression: true,
  },
  {
    part: 'tuning-4',
    role: 'tuning',
    history:
      'formerly held-out 4, written independently 2026-12-07 (fourth session: 41 notes, 520 identifiers; 转科/转院, 家庭医生随访, pasted spreadsheets, complaints, minority and HK/TW names, GP letters); measured three times as held out: recall 69.0 % / precision 98.7 % on 92b5192 (before round 6), 76.2 % / 99.5 % on e2720d8 (before round 8), 81.0 % / 99.8 % on 21469c1 (before round 10); moved to tuning 2026-12-07; its misses fixed by class in round 10 (deid-round10*.test.ts: recall 81.0 % → 100 %), guarded since',
    regression: true,
  },
  {
    part: 'tuning-5',
    role: 'tuning',
    history:
      'formerly held-out 5, written independently (2026-12-07, fifth session: 40 notes, 593 identifiers; 家庭医生签约随访, 长处方申请, 转诊/转科, 心理门诊, 互联网医院聊天, English referrals, ED and care-home notes, claims; names without cues, nicknames, compound surnames); measured as held out: recall 74.2 % / precision 98.3 % (e2720d8), 80.9 % then 81.8 % / 98.4 % (sixth session, e6ef864); moved to tuning 2026-12-07 (seventh session, round 11) so that its misses can be studied; round 11 fixed them by class (deid-round11.test.ts: 81.8 % → 99.2 %), round 12 the last five (deid-round12.test.ts: 99.2 % → 100 %, precision 98.7 %), guarded since',
    regression: true,
  },
  {
    part: 'tuning-6',
    role: 'tuning',
    history:
      'formerly held-out 6, written independently (2026-12-07, sixth session: 40 notes, 868 identifiers; 病程记录 with staff signatures, 会诊, 护理交班, 危急值, 手术/麻醉记录, 死亡讨论, 医保结算清单, 新生儿记录, 短信群发, 病案复印申请, 体检报告, CRF, 退药登记, 司法鉴定委托, English nursing handover, ICU notes, insurance appeals, critical-value call logs, research screening logs; six notes of traps); measured three times as held out: recall 81.5 % / precision 97.0 % (21469c1), 83.8 % / 96.7 % after round 11, 83.8 % / 96.7 % after round 12 (eighth session); moved to tuning 2026-12-07 (eighth session) so that its misses can be studied; studied 2026-12-08 (ninth session, round 13: docs/notes/deid-tuning6-study-2026-12-08.md) and its misses fixed by class with general mechanisms (deid-round13.test.ts: pipe tables by header, persons by role/department/kinship/title position, names by shape, month/day dates): recall 83.8 % → 99.3 % (862/868), precision 96.7 % → 97.1 %; six misses left (given names that are words with no cue, a wordy surname after a bed number, a name after a list comma starting with a word, a mixed-script name, an address after a split city name), guarded since',
    regression: true,
    allowedMisses: 6,
  },
  {
    part: 'tuning-7',
    role: 'tuning',
    regression: true,
    allowedMisses: 12,
    history:
      'written independently (2026-12-07, seventh session: 44 notes, 860 identifiers; 门诊电子病历, 检验报告单, 影像申请单, 输血记录, 院感上报, 随访短信, 授权委托书, 120 出车记录, 医保异地备案, 知情同意签字页, 微信群截图, 透析排班, 长护险评估, English ED triage, GP referral e-mails, pharmacy labels, home-care logs, data-request forms, police/court requests; names in tables, initials, pinyin and foreign names, ~20 date forms); before any tuning, on the session-start code (9f9f3f0 = e6ef864 detectors): recall 83.8 % (721/860), precision 98.4 %; measured as held out 87.0 % / 98.3 % (0e85bbf, eighth session), 87.0 % / 98.3 % (3a95dc51), 87.7 % / 97.9 % after round 13 (ninth session); moved to tuning 2026-12-08 (ninth session) so that its misses can be studied; round 14 (recall first, docs/notes/deid-recall-first-2026-12-08.md) listed its misses by class without studying it in full and built person fields by label shape: recall 87.7 % → 89.9 % (773/860), precision 97.9 % → 98.0 %; round 15 (docs/notes/deid-round15-2026-12-08.md) studied it: 98.4 % (846/860); round 16 (general name evidence: pinyin forms of found names, person lists, field values whose surname is no English word): 98.6 % (848/860), precision 98.1 %; guarded since round 16 with its 12 misses left (nicknames 老李头/李头/颜队, a rare surname 芶, a name after a department with no cue, transliterated names beside Latin ones, a city alone, two English street addresses, a brand employer, initials whose full name is not in the note)',
  },
  {
    part: 'held-out',
    role: 'heldout',
    history: 'own notes written with the first round, never used to tune',
  },
  {
    part: 'held-out-8',
    role: 'heldout',
    history:
      'written independently (2026-12-07, eighth session: 40 notes, 813 identifiers; nursing handover sheets, ambulance run sheets, county-to-city referral letters, insurance claim forms, outpatient prescriptions with pharmacist notes, family-doctor contract records, lab reports with sample IDs, consent forms with witnesses, WeChat group exports, English discharge summaries from an international clinic; names that are common words, minority and compound surnames, pinyin and split names, identifiers broken across lines, lunar and Minguo dates); before any tuning, on the session-start code (0e85bbf): recall 82.3 % (669/813), precision 97.9 %',
  },
  {
    part: 'held-out-9',
    role: 'heldout',
    history:
      'written independently (2026-12-08, ninth session: 40 notes, 858 identifiers; health-check reports, insurance settlement slips, pathology requests, consultation records, a death-certificate draft, family-doctor follow-ups, internet-hospital chats, pharmacy slips, 120 run records; English ED triage, prior-authorisation letters, consent logs, home-care visits, pharmacy faxes, radiology requests; names that are words, nicknames, minority and compound names, clinicians mid-sentence, lunar and Minguo dates, split IDs, many device-serial shapes); before any tuning, on the session-start code (3a95dc51): recall 82.5 % (708/858), precision 96.9 %',
  },
  {
    part: 'held-out-10',
    role: 'heldout',
    history:
      "written independently (2026-12-08, tenth session: 40 notes, 847 identifiers; prescription slips, lab request forms, theatre rosters, follow-up call transcripts, dispute mediation records, record-copy requests, birth certificates, occupational-disease diagnoses, parents' group chains, couriers, insurance claim e-mails, deposit receipts, intern handover chats; English dental charts, school nurse logs, trial SAE reports, court medical reports, telehealth transcripts, refill voicemails, care-home incident forms); before any tuning, on the session-start code (f188cc3): recall 77.3 % (655/847), precision 97.9 %",
  },
];

export const tuningParts = (): CorpusPart[] => CORPUS_PARTS.filter((p) => p.role === 'tuning');
export const heldoutParts = (): CorpusPart[] => CORPUS_PARTS.filter((p) => p.role === 'heldout');
