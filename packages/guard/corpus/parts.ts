/**
 * The guard's labelled answer sets in one table (issue 18): which set is tuned on and which is held out, with its
 * history and, for a tuning set, the floor its figures may not fall below. The corpus test and the bench
 * (`bench/guard.ts`) read this table; a rotation (a held-out set measured and moved to tuning, a new independent
 * set written) is one edit here plus the file's header. Held-out sets are never opened to tune: totals only.
 */
export interface GuardCorpusPart {
  name: string;
  label: string;
  role: 'tuning' | 'heldout';
  history: string;
  /** Tuning sets at the targets: ≥95 % caught, ≤2 % flagged. */
  atTarget?: boolean;
  /** Tuning sets being brought up: [caught floor, flagged ceiling] (the floors only rise). */
  floor?: [number, number];
  /** A set still being written may be absent: the test and the bench step over it. */
  optional?: boolean;
}

export const GUARD_CORPUS_PARTS: readonly GuardCorpusPart[] = [
  { name: 'tuning', label: 'tuning', role: 'tuning', history: 'own answers', atTarget: true },
  {
    name: 'tuning-independent',
    label: 'tuning (independent, ex held-out 3)',
    role: 'tuning',
    history:
      'written independently as held-out set 3, measured once (61.8 % caught / 4.8 % flagged), moved to tuning',
    atTarget: true,
  },
  {
    name: 'tuning-independent-2',
    label: 'tuning (independent 2, ex held-out 4)',
    role: 'tuning',
    history: 'held-out set 4, measured once (81.4 % / 13.4 %, 2026-12-06)',
    floor: [70 / 70, 0],
  },
  {
    name: 'tuning-independent-3',
    label: 'tuning (independent 3, ex held-out 5)',
    role: 'tuning',
    history: 'held-out set 5, measured once (73.6 % / 13.0 %, 2026-12-06)',
    floor: [53 / 53, 0],
  },
  {
    name: 'tuning-independent-4',
    label: 'tuning (independent 4, ex held-out 6)',
    role: 'tuning',
    history:
      'held-out set 6, measured once (65.9 % / 6.1 %, 2026-12-06); 82/82 after the class-level interaction fix',
    floor: [82 / 82, 0],
  },
  {
    name: 'tuning-independent-5',
    label: 'tuning (independent 5, ex held-out 7)',
    role: 'tuning',
    history:
      'held-out set 7, measured once (71.1 % / 3.6 %, 2026-12-07); 82/83 after the drug frames of sets 6 and 7',
    floor: [82 / 83, 0],
  },
  {
    name: 'tuning-independent-6',
    label: 'tuning (independent 6, ex held-out 8)',
    role: 'tuning',
    history:
      'held-out set 8, measured once (86.4 % / 3.7 %, 2026-12-07); 125/125, 0/135 after the classes of sets 6 and 7',
    floor: [125 / 125, 0],
  },
  {
    name: 'tuning-independent-7',
    label: 'tuning (independent 7, ex held-out 9)',
    role: 'tuning',
    history: 'held-out set 9, measured once (80.0 % / 3.1 %, 2026-12-07); 99/100, 0/98 after those classes',
    floor: [99 / 100, 0],
  },
  {
    name: 'tuning-independent-8',
    label: 'tuning (independent 8, ex held-out 10)',
    role: 'tuning',
    history:
      'held-out set 10 (patient chatbot), measured twice (60.5 % / 7.8 %, then 68.4 % / 6.9 %); moved 2026-12-07 (third session)',
    floor: [104 / 114, 0 / 116],
  },
  {
    name: 'tuning-independent-9',
    label: 'tuning (independent 9, ex held-out 11)',
    role: 'tuning',
    history:
      'held-out set 11 (clinician copilot), measured twice (59.4 % / 11.3 %, then 62.3 % / 11.3 %); moved 2026-12-07 (third session)',
    floor: [91 / 106, 0 / 124],
  },
  {
    name: 'tuning-independent-10',
    label: 'tuning (independent 10, ex held-out 12)',
    role: 'tuning',
    history:
      'held-out set 12 (community-doctor copilot), measured twice (70.9 % / 5.0 %, then 77.3 % / 3.3 %); moved 2026-12-07 09:20 UTC; 0/120 flagged after its false-alarm classes',
    floor: [105 / 110, 0 / 120],
  },
  {
    name: 'tuning-independent-11',
    label: 'tuning (independent 11, ex held-out 13)',
    role: 'tuning',
    history:
      'held-out set 13 (discharge leaflets, medication reconciliation, guideline comparisons), measured twice (79.0 % / 8.7 %, then 84.9 % / 5.2 %); moved 2026-12-07 09:20 UTC; 0/115 flagged after its false-alarm classes',
    floor: [116 / 119, 0 / 115],
  },
  {
    name: 'tuning-independent-12',
    label: 'tuning (independent 12, ex held-out 14)',
    role: 'tuning',
    history:
      'held-out set 14 (ask-the-pharmacist answers, prescription-review summaries), measured three times (70.5 % / 4.3 %, then 77.0 % / 7.2 %, then 78.7 % / 5.8 %); moved 2026-12-07 10:40 UTC (fourth session); 49/61, 1/69 after its false-alarm classes; 51/61 after number words; 56/61, 0/69 after the round-3 generic frames',
    floor: [58 / 61, 0 / 69],
  },
  {
    name: 'tuning-independent-13',
    label: 'tuning (independent 13, a training set)',
    role: 'tuning',
    history:
      'written independently as a TRAINING set (2026-12-07, fifth session; never held out): pharmacists, GP copilots, leaflets, insurance review, ward rounds, telemedicine, exam tutors; many hard correct answers; met fresh by the guard of 4b47332 (after round 3): 68/82 = 82.9 % caught, 21/158 = 13.3 % flagged; the writer planted errors on verified facts only (fact=verified); 16/158 after the first causes of round 4 (denied categories, partial tables, rejected reports); 10/158 after its frame causes (arrow tables, KDIGO codes and distances, single readings, settings after a value or in brackets); 5/158 after age bands per clause, categories naming a group, amounts after several drugs, paired class lists; 3/158 after "with" a condition and maxima per dose; 2/158 after records quoted for review; 71/82 after albuminuria edges, list units and combined codes; 73/82 after thresholds led by their own category after a range; 75/82 after 定为/列为 attributions and ranges joined by 或',
    floor: [79 / 82, 2 / 158],
  },
  {
    name: 'tuning-independent-14',
    label: 'tuning (independent 14, ex held-out 17)',
    role: 'tuning',
    history:
      'held-out set 17 (FAQ pages, Q&A pairs, corrections, SOAP, footnoted citations, traditional Chinese; seeded templates), measured twice (89.9 % / 6.1 % at e2720d8, then 86.8 % / 6.1 % at 21469c1); moved 2026-12-07 (sixth session); round 5 by class: 117/129, 7/131 after lost catches (prohibitions naming an excess, readings asked about, rejected corrections); 0/131 after its false-alarm classes (risks to watch, out-of-office settings, risks given as reasons); 125/129 after drug classes; 127/129 after "corresponds to", "lowers to"; 128/129 with traditional characters',
    floor: [128 / 129, 0 / 131],
  },
  {
    name: 'tuning-independent-15',
    label: 'tuning (independent 15, ex held-out 15)',
    role: 'tuning',
    history:
      'held-out set 15 (patient education, junior-doctor questions, inline tables, hedged answers, carried-over context; written independently 2026-12-07, fourth session), measured as held out: 80.6 % caught / 5.9 % flagged at 23cff2d, 102/124 = 82.3 % / 6/135 = 4.4 % at e6ef864; moved 2026-12-07 (seventh session) so that its misses can be studied; round 6 by class: 0/135 flagged after its false-alarm classes (pairs set against the one before, switched-away drugs, out-of-office "elevated", "不必强求", "不要两者合用"); 113/124 after drug and number-word classes (grams, lisinopril starts, renal bands, untreated phenotypes, threshold back-references); 124/124 after claim frames (denied harms, maxima after the amount, switch intervals, credited categories, heat map, CKD chronicity, threshold lists, suffice bands, grades by systolic, Cockcroft–Gault from the request)',
    floor: [124 / 124, 0 / 135],
  },
  {
    name: 'tuning-independent-16',
    label: 'tuning (independent 16, ex held-out 16)',
    role: 'tuning',
    history:
      'held-out set 16 (community nurses and pharmacists, discharge counselling, telemedicine chat, readings tables, whole medication lists; written independently 2026-12-07, fourth session), measured as held out: 80.6 % caught / 5.9 % flagged at 23cff2d, 146/170 = 85.9 % / 10/169 = 5.9 % at 0e85bbf; moved 2026-12-07 (eighth session) so that its misses can be studied; round 7 by class: 2/169 flagged after its false-alarm classes (drugs absent in brackets, effects read as conditions, caps on drugs not named, pairs by themselves, categories with bracketed values, table rows, settings closing list items, cited caps after a "时" clause); 165/170 after interaction (monitoring alone, no potassium checks, intervals after a prohibition, dose caps, triple whammy), attribution (categories listed as a guideline\'s own, age bands, shared targets, "from the start"), dose-maximum, pregnancy, carried-average and phenotype classes; 168/170, 1/169 after the ONC-list check, later correspondences, "satisfied once", "as the first target" and thresholds in brackets after "all three are normal"',
    floor: [168 / 170, 1 / 169],
  },
  {
    name: 'heldout',
    label: 'held-out',
    role: 'heldout',
    history: 'own answers, never used to tune',
    atTarget: true,
  },
  {
    name: 'heldout-2',
    label: 'held-out 2',
    role: 'heldout',
    history: 'written after the rebuild, never used to tune',
    atTarget: true,
  },
  {
    name: 'heldout-18',
    label: 'held-out 18 (independent)',
    role: 'heldout',
    history:
      'ward-round teaching, MDT summaries, pharmacist phone consults, leaflets, restated questions, hedges, two-guideline comparisons, tables in text, unit variants, corrections and rejections, passages quoted right and wrong; written independently from templates (2026-12-07, sixth session); before any tuning, on the session-start code (21469c1): 115/150 = 76.7 % caught, 12/150 = 8.0 % flagged',
  },
  {
    name: 'heldout-19',
    label: 'held-out 19 (independent)',
    role: 'heldout',
    history:
      'written by hand, answer by answer (2026-12-07, sixth session): a GP quick reply, a hospital pharmacist, a nephrology fellow, a plain-words chatbot, a Hong Kong clinician in traditional Chinese, NHS-style English, DeepSeek-style headings, Qwen-style numbered lists; before any tuning, on the session-start code (21469c1): 36/50 = 72.0 % caught, 4/50 = 8.0 % flagged',
  },
  {
    name: 'heldout-20',
    label: 'held-out 20 (independent)',
    role: 'heldout',
    history:
      'written by hand, answer by answer (2026-12-07, seventh session): ED quick consults, a cardiology resident, a community health-worker script, medication reconciliation, insurance pre-authorisation, a friendly patient app, teaching quizzes, discharge letters, self-corrections, comparisons across China 2018 / ESH 2023 / ACC/AHA 2017 / KDIGO, passages cited right and wrong, drugs no earlier set named; before any tuning, on the session-start code (9f9f3f0 = e6ef864 guard): 80/166 = 48.2 % caught, 17/166 = 10.2 % flagged',
  },
  {
    name: 'heldout-21',
    label: 'held-out 21 (independent)',
    role: 'heldout',
    history:
      'written by hand, answer by answer, by a writer who read only the corpus format and REFERENCE (2026-12-07, eighth session): a pharmacist WeChat reply, a night-shift handover, a village doctor, markdown assistant answers, a patient-education poster, a formulary note, an insurance reviewer, an exam answer, a care-home nurse, a traditional-Chinese telehealth bot, an English locum letter, two guidelines side by side, numbers in Chinese words, errors late in long answers; before any tuning, on the session-start code (0e85bbf): 109/189 = 57.7 % caught, 13/211 = 6.2 % flagged (errors on verified facts 104/168 = 61.9 %)',
  },
  {
    name: 'heldout-22',
    label: 'held-out 22 (independent)',
    role: 'heldout',
    history:
      'written by hand by a writer who read only the corpus format and REFERENCE (2026-12-08, ninth session): a hospital WeChat article (zh and en), a ward pharmacist consult note, a dietitian, a rural insurance auditor, a med-school quiz key, LLM answers with markdown tables, a discharge sheet, a portal reply, a nursing protocol, CME speaker notes, English by a Chinese doctor; renal-dose errors labelled dose; before any tuning, on the session-start code (3a95dc51): 90/135 = 66.7 % caught, 15/165 = 9.1 % flagged (errors on verified facts 89/125 = 71.2 %)',
  },
  {
    name: 'heldout-23',
    label: 'held-out 23 (independent)',
    role: 'heldout',
    history:
      'written by hand by a writer who read only the corpus format and REFERENCE (2026-12-08, tenth session): a health-check report explainer, a Zhihu answerer, a radio health programme, an occupational-health doctor, an emergency triage nurse and others not used before; patient keys normalised to the corpus format by the lead before any run; before any tuning, on the session-start code (f188cc3): 85/135 = 63.0 % caught, 13/165 = 7.9 % flagged (errors on verified facts 80/119 = 67.2 %)',
  },
];
