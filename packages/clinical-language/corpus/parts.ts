/**
 * The labelled corpus's parts in one table (issue 16): which file is tuned on and which is held out, with its
 * history. The bench (`bench/clinical-language.ts`) and the corpus test read this table; a rotation (a held-out
 * part measured and moved to tuning, a new independent part written) is one edit here plus the file's header.
 * Held-out parts are never opened to tune; the bench prints aggregate figures for them only.
 */
export interface CorpusPart {
  file: string;
  name: string;
  role: 'tuning' | 'heldout';
  /** Where it came from and, for a former held-out part, the figures it had when measured as held out. */
  history: string;
  /** A part still being written may be absent: the test and the bench step over it. */
  optional?: boolean;
  /**
   * A tuning part newly moved from held-out is studied before its misses are fixed: `false` until then, so the
   * corpus test's "no missed emergency on any tuning part" guard applies to it once its round is done.
   */
  regression?: boolean;
}

export const CORPUS_PARTS: readonly CorpusPart[] = [
  { file: 'tuning.txt', name: 'tuning', role: 'tuning', history: 'own messages, first round' },
  {
    file: 'tuning-2.txt',
    name: 'tuning 2 (effect style)',
    role: 'tuning',
    history: 'effect-style messages written for the compositional rules (compose.ts)',
  },
  {
    file: 'tuning-3.txt',
    name: 'tuning 3 (effect style, second batch)',
    role: 'tuning',
    history: 'written after tuning-2 had been used',
  },
  {
    file: 'tuning-4.txt',
    name: 'tuning 4 (effect style, third batch)',
    role: 'tuning',
    history: 'regional, mixed, abbreviations; written after parts 2 and 3',
  },
  {
    file: 'tuning-5.txt',
    name: 'tuning 5 (effect style, fourth batch)',
    role: 'tuning',
    history: 'long messages, elderly wording, clinician shorthand',
  },
  {
    file: 'tuning-independent.txt',
    name: 'tuning independent (formerly held-out 3)',
    role: 'tuning',
    history:
      'written independently; measured twice as held out (83.2 % then 84.8 % sensitivity), moved to tuning 2026-12-06',
  },
  {
    file: 'tuning-independent-2.txt',
    name: 'tuning independent 2 (formerly held-out 4)',
    role: 'tuning',
    history:
      'measured once: 76.8 % sensitivity, 5.1 % false emergencies, modifier F1 0.700; moved 2026-12-06',
  },
  {
    file: 'tuning-independent-3.txt',
    name: 'tuning independent 3 (formerly held-out 5)',
    role: 'tuning',
    history: 'measured once: 91.2 %, 5.7 %, 0.864; moved 2026-12-06',
  },
  {
    file: 'tuning-independent-4.txt',
    name: 'tuning independent 4 (formerly held-out 6)',
    role: 'tuning',
    history: 'measured once: 94.9 %, 2.9 %, 0.856; moved 2026-12-07',
  },
  {
    file: 'tuning-independent-5.txt',
    name: 'tuning independent 5 (formerly held-out 7)',
    role: 'tuning',
    history: 'measured once: 86.0 %, 5.7 %, 0.779; moved 2026-12-07',
  },
  {
    file: 'tuning-independent-6.txt',
    name: 'tuning independent 6 (formerly held-out 8)',
    role: 'tuning',
    history: 'measured once: 89.7 %, 3.2 %, 0.826; moved 2026-12-07',
  },
  {
    file: 'tuning-independent-7.txt',
    name: 'tuning independent 7 (formerly held-out 9)',
    role: 'tuning',
    history: 'measured twice: 83.1 %, 5.5 %, 0.680; moved 2026-12-07',
  },
  {
    file: 'tuning-independent-8.txt',
    name: 'tuning independent 8 (formerly held-out 10)',
    role: 'tuning',
    history: 'measured: 84.6 %, 8.5 %, 0.832; moved 2026-12-07',
  },
  {
    file: 'tuning-independent-9.txt',
    name: 'tuning independent 9 (formerly held-out 11)',
    role: 'tuning',
    history: 'measured: 87.0 %, 4.5 %, 0.715; moved 2026-12-07',
  },
  {
    file: 'tuning-independent-10.txt',
    name: 'tuning independent 10 (formerly held-out 12)',
    role: 'tuning',
    history:
      'measured twice as held out: 92.7 %, 4.4 % then 2.5 %, 0.818 then 0.841; moved 2026-12-07 (third session); its misses studied and fixed by class, guarded since',
  },
  {
    file: 'tuning-independent-11.txt',
    name: 'tuning independent 11 (formerly held-out 13)',
    role: 'tuning',
    history:
      'measured twice as held out: 94.9 % then 95.6 %, 9.4 % then 8.8 %, 0.823 then 0.836; moved 2026-12-07 (third session); its misses studied and fixed by class, guarded since',
  },
  {
    file: 'tuning-independent-12.txt',
    name: 'tuning independent 12 (formerly held-out 14)',
    role: 'tuning',
    history:
      'written independently after parts 9–11 were moved to tuning; measured twice as held out: 88.8 % then 90.8 % sensitivity, 7.6 % false emergencies, modifier F1 0.803 (second measure); moved 2026-12-07 (fourth session); its missed emergencies studied and fixed by class, guarded since',
  },
  {
    file: 'tuning-independent-13.txt',
    name: 'tuning independent 13 (formerly held-out 15)',
    role: 'tuning',
    history:
      'written independently (2026-12-07, third session): online triage chat, slang, pregnancy; measured three times as held out: 94.6 % → 95.3 % → 95.9 % sensitivity, 3.1 % → 2.5 % false emergencies, modifier F1 0.804 → 0.807; moved 2026-12-07 (fourth session); its missed emergencies studied and fixed by class (100 % sensitivity), guarded since',
  },
  {
    file: 'tuning-independent-14.txt',
    name: 'tuning independent 14 (formerly held-out 16)',
    role: 'tuning',
    history:
      'written independently (2026-12-07, third session): voice input about elderly parents, dialects, nursing homes; measured three times as held out: 93.5 % → 94.2 % → 96.4 % sensitivity, 7.5 % → 6.8 % false emergencies, modifier F1 0.785 → 0.796; moved 2026-12-07 (fourth session); its missed fit (第一次抽, 没醒透) and false emergencies fixed by class in round 3 (100 % sensitivity, 0.0 % false emergencies), guarded since',
    regression: true,
  },
  {
    file: 'tuning-independent-15.txt',
    name: 'training part 15',
    role: 'tuning',
    history:
      'written independently as a TRAINING part (2026-12-07, fifth session; never a held-out part): rural and elderly patients in regional Chinese, voice-to-text run-ons, homophone slips, older English writers with typos, grandchildren writing for grandparents; met fresh by the engine of e2720d8: 93.4 % sensitivity, 0.7 % false emergencies, modifier F1 0.763; round 3 fixed its misses by class (100 % sensitivity, 0.0 % false emergencies), guarded since',
    regression: true,
  },
  {
    file: 'tuning-independent-16.txt',
    name: 'training part 16',
    role: 'tuning',
    history:
      'written independently as a TRAINING part (2026-12-07, fifth session; never a held-out part): nurses, ward handovers and clinician relays, 120 dispatch transcripts, telehealth forms, pharmacy counter questions, zh/en shorthand, quoting doctors and apps; met fresh by the engine of e2720d8: 98.5 %, 4.7 %, 0.761; round 3 fixed its misses by class (100 % sensitivity, 0.0 % false emergencies), guarded since',
    regression: true,
  },
  {
    file: 'tuning-independent-17.txt',
    name: 'training part 17',
    role: 'tuning',
    history:
      'written independently as a TRAINING part (2026-12-07, fifth session; never a held-out part): parents of babies and teenagers, pregnancy and postpartum, students and office workers, accidents, long rambling stories, follow-ups, minimisers and catastrophisers; met fresh by the engine of e2720d8: 93.6 %, 3.5 %, 0.761; round 3 fixed its misses by class (100 % sensitivity, 0.0 % false emergencies), guarded since',
    regression: true,
  },
  {
    file: 'tuning-independent-18.txt',
    name: 'training part 18',
    role: 'tuning',
    history:
      'written independently as a TRAINING part (2026-12-07, fifth session; never a held-out part): post-discharge medication messages with an emergency buried in a long message, timelines, EMS and nursing-home shorthand, negation inside a phrase, self-corrections, one current symptom among past ones; met fresh by the engine of 0cdcafb (after round 3): 92.4 % sensitivity, 3.4 % false emergencies, modifier F1 0.784; round 4 fixed its misses by class (100 % sensitivity, 0.0 % false emergencies), guarded since',
    regression: true,
  },
  {
    file: 'tuning-independent-19.txt',
    name: 'training part 19',
    role: 'tuning',
    history:
      'written independently as a TRAINING part (2026-12-07, fifth session; never a held-out part): WeChat family-group forwards, screening and kiosk notes, forum titles, hotline notes, non-native English, carers of bedridden and dementia patients, metaphors, casual scary idioms; met fresh by the engine of 0cdcafb (after round 3): 90.3 %, 4.3 %, 0.749',
    regression: false,
  },
  {
    file: 'tuning-independent-20.txt',
    name: 'tuning independent 20 (formerly held-out 19)',
    role: 'tuning',
    history:
      'written independently (2026-12-07, fourth session): post-discharge and medication messages, buried emergencies, timelines, EMS shorthand, infix negation; negation labels added by a second annotator who did not see the engine; measured as held out: 84.7 % sensitivity, 11.2 % false emergencies, modifier F1 0.721 (23cff2d), 87.3 %, 10.6 % (e2720d8), 87.3 %, 10.0 % (21469c1); moved to tuning 2026-12-07 (sixth session); round 5 fixed its misses and false emergencies by class (100 % sensitivity, 0.0 % false emergencies), guarded since',
    regression: true,
  },
  {
    file: 'tuning-independent-21.txt',
    name: 'tuning independent 21 (formerly held-out 17)',
    role: 'tuning',
    history:
      'written independently (2026-12-07, third session): English-heavy portal messages, metaphors, relays; measured four times as held out, last 94.0 % sensitivity, 4.0 % false emergencies, modifier F1 0.861 (e6ef864); moved to tuning 2026-12-07 (seventh session) so that its misses can be studied; round 6 (classes: English superlative headache, disorientation, similes of chest pressure, explanations that do not take a new sign away, study and general questions, a past-day fit): 100.0 % sensitivity, 0.0 % false emergencies, modifier F1 0.895',
    regression: true,
  },
  {
    file: 'tuning-independent-22.txt',
    name: 'tuning independent 22 (formerly held-out 25)',
    role: 'tuning',
    history:
      'written independently (2026-12-07, seventh session): smart-speaker and car voice dictation, elderly writers with wrong characters and pinyin, Taiwanese wording, Malaysian/Singapore English, overseas students, heat, dialysis, post-stroke rehab, insulin users, pregnancy and postpartum, relatives on the phone, buried emergencies, hard non-emergencies; measured twice as held out: 87.6 % then 89.2 % sensitivity, 5.5 % then 4.5 % false emergencies (first on the session-start code 9f9f3f0 = e6ef864 engines, modifier F1 0.750); moved to tuning 2026-12-07 (round 7) so that its misses can be studied; round 7 fixed its misses and false emergencies by class (compose11.ts and the rules named in its commit): 100 % sensitivity, 0.0 % false emergencies, modifier F1 0.841, guarded since',
    regression: true,
  },
  {
    file: 'tuning-independent-23.txt',
    name: 'tuning independent 23 (formerly held-out 18)',
    role: 'tuning',
    history:
      'written independently (2026-12-07, fourth session): family-group forwards, nurse follow-up calls, BP-app diaries, Cantonese/traditional, symptoms denied in a list; negation labels added by a second annotator who did not see the engine; measured as held out: 90.4 % sensitivity, 5.7 % false emergencies, modifier F1 0.727 (23cff2d, before any tuning), last 134/146 = 91.8 %, 10/174 = 5.7 %, 0.768 (f188cc3, round 9 start); moved to tuning 2026-12-08 (round 9) so that its misses can be studied; round 9 fixed its missed and false emergencies by class (lexicon/variants8.ts, scope8.ts and the scopes named in its commit): 100 % sensitivity, 0.0 % false emergencies, modifier F1 0.768 → 0.879 mentions only (0.909 with decision 0030), guarded since',
    regression: true,
  },
  { file: 'heldout.txt', name: 'held-out', role: 'heldout', history: 'own messages, never used to tune' },
  {
    file: 'heldout-2.txt',
    name: 'held-out 2',
    role: 'heldout',
    history: 'written after the first evaluation round; never used to tune',
  },
  {
    file: 'heldout-20.txt',
    name: 'held-out 20',
    role: 'heldout',
    history:
      'written independently (2026-12-07, fourth session): young adults, search queries and forum titles, bot replies, quoted doctors, humour, several people in one message; before round 2, on bba443e: 95.7 % sensitivity, 10.6 % false emergencies, modifier F1 0.661',
  },
  {
    file: 'heldout-21.txt',
    name: 'held-out 21',
    role: 'heldout',
    history:
      'written independently (2026-12-07, fourth session): chronic patients telling new from old symptoms, carers, pregnancy and postpartum, pasted text, self-corrections, casual scary words; before round 2, on bba443e: 94.3 % sensitivity, 7.4 % false emergencies, modifier F1 0.688',
  },
  {
    file: 'heldout-22.txt',
    name: 'held-out 22',
    role: 'heldout',
    history:
      'written independently (2026-12-07, fifth session): family-group forwards, screening stations, forum titles, hotline notes, non-native English, carers of bedridden and dementia patients, metaphors, casual scary idioms; before any tuning, on the session-start code (e2720d8): 89.9 % sensitivity, 2.9 % false emergencies, modifier F1 0.727',
  },
  {
    file: 'heldout-23.txt',
    name: 'held-out 23',
    role: 'heldout',
    history:
      'written independently (2026-12-07, sixth session): voice-input homophones, dialects (东北, 四川, 粤, 上海, 闽南), pharmacy counter and OTC, night-shift and delivery workers, gym and marathon, altitude and travel, students and school nurses, rural elderly and village doctors, worksite first aid, SMS shorthand, expat English, buried emergencies; before any tuning, on the session-start code (21469c1): 93.8 % sensitivity, 4.5 % false emergencies, modifier F1 0.763',
  },
  {
    file: 'heldout-24.txt',
    name: 'held-out 24',
    role: 'heldout',
    history:
      'written independently by hand (2026-12-07, sixth session): ward inpatients, deaf writers through caption apps, parents of teenagers, drivers, fishermen and farmers, banquets after alcohol, pet owners, mahjong tables, funerals, partners on video calls, insurance agents, one-handed broken messages, pasted smartwatch alerts; before any tuning, on the session-start code (21469c1): 92.6 % sensitivity, 6.1 % false emergencies, modifier F1 0.774',
  },
  {
    file: 'heldout-26.txt',
    name: 'held-out 26',
    role: 'heldout',
    history:
      'written independently (2026-12-07, eighth session): grandchildren typing for grandparents, voice-to-text without punctuation, community nurse notes, aphasia and after throat surgery, factory shift workers, tourists writing English, Hong Kong and Macau wording, minority-region Mandarin, patients on anticoagulants, CKD and dialysis, migraine (usual vs new headache), COPD and asthma (usual vs worse breathlessness), anxiety and panic history, emoji, long messages with one buried red flag, two-to-six-character messages; before any tuning, on the session-start code (0e85bbf): 184/194 = 94.8 % sensitivity, 2/230 = 0.9 % false emergencies, modifier F1 0.863 (four texts another part already held were taken out)',
  },
  {
    file: 'heldout-27.txt',
    name: 'held-out 27',
    role: 'heldout',
    history:
      'written independently (2026-12-07, eighth session, second part): discharge follow-up calls, pharmacists relaying a customer, teachers about a colleague, coaches and gym staff, drivers about a passenger, hotel desks, temple and church volunteers, game chat and livestream comments, smartwatch fall alerts, visitors from Korea and Japan in English, dialysis days, after surgery, after COVID or flu, shift nurses about themselves; before any tuning, on the session-start code (0e85bbf): 86/91 = 94.5 % sensitivity, 2/109 = 1.8 % false emergencies, modifier F1 0.700',
  },
  {
    file: 'heldout-28.txt',
    name: 'held-out 28',
    role: 'heldout',
    history:
      'written independently (2026-12-08, ninth session): rural clinic WeChat voice-to-text, construction workers and delivery riders, fishermen, long-haul truck drivers, dorm roommates, new mothers, retirement-community boards, insurance claim phone notes, family abroad about parents in China, translations from Cantonese and Minnan speakers; before any tuning, on the session-start code (3a95dc51): 125/141 = 88.7 % sensitivity, 18/192 = 9.4 % false emergencies, modifier F1 0.691',
  },
  {
    file: 'heldout-29.txt',
    name: 'held-out 29',
    role: 'heldout',
    history:
      'written independently (2026-12-08, tenth session): school nurses, exam halls, care-app voice messages, the hospital switchboard, hiking and ski groups, ports of entry, jail sick calls, marathons, parents of students abroad, train and flight crew, square-dance and mahjong groups, weddings, karaoke, dialect wording; before any tuning, on the session-start code (f188cc3): 123/135 = 91.1 % sensitivity, 10/194 = 5.2 % false emergencies, modifier F1 0.721',
  },
];

export const tuningParts = (): CorpusPart[] => CORPUS_PARTS.filter((p) => p.role === 'tuning');
export const heldoutParts = (): CorpusPart[] => CORPUS_PARTS.filter((p) => p.role === 'heldout');
