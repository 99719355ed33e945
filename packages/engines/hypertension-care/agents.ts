/**
 * Antihypertensive agents the treatment engine proposes or titrates: ids equal the drug knowledge base ids
 * (packages/drug-knowledge/data/*.ts — a test checks it), doses from REFERENCE §5.1 / §5.1a.
 * `ladder` = the daily doses (mg/day) the engine steps through, ascending; its last value is the highest daily
 * dose the engine proposes ("max" for titration). Start doses are chosen in treatment.ts.
 */
import type { AntihypertensiveClass, Text } from './types.ts';

export interface AgentSpec {
  id: string;
  cls: AntihypertensiveClass;
  name: Text;
  /** Daily doses in mg/day, ascending; last = engine maximum. */
  ladder: readonly number[];
  timesPerDay: number;
  source: string;
}

function agent(
  id: string,
  cls: AntihypertensiveClass,
  en: string,
  zh: string,
  ladder: number[],
  timesPerDay: number,
  source: string,
): AgentSpec {
  return { id, cls, name: { en, zh }, ladder, timesPerDay, source };
}

export const AGENTS: Readonly<Record<string, AgentSpec>> = Object.fromEntries(
  [
    // --- DHP CCB
    agent(
      'amlodipine',
      'ccb-dhp',
      'Amlodipine',
      '氨氯地平',
      [2.5, 5, 10],
      1,
      'US label: amlodipine 5 mg qd (2.5 mg elderly/fragile), max 10 mg',
    ), // §5.1a [V2]
    agent(
      'nifedipine',
      'ccb-dhp',
      'Nifedipine extended-release',
      '硝苯地平控释片',
      [30, 60, 90, 120],
      1,
      'US label: nifedipine ER 30–60 mg qd, max 120 mg',
    ), // §5.1a [V1]
    agent(
      'felodipine',
      'ccb-dhp',
      'Felodipine ER',
      '非洛地平缓释片',
      [2.5, 5, 10],
      1,
      'ACC/AHA 2017 Table 18: felodipine 2.5–10 mg/d',
    ), // §5.1 Table 18
    // --- ARB
    agent(
      'losartan',
      'arb',
      'Losartan',
      '氯沙坦',
      [25, 50, 100],
      1,
      'US label: losartan 50 mg qd, max 100 mg/d',
    ), // §5.1a [V2]
    agent(
      'valsartan',
      'arb',
      'Valsartan',
      '缬沙坦',
      [80, 160, 320],
      1,
      'US label: valsartan 80–160 mg qd, max 320 mg/d',
    ), // §5.1a [V2]
    agent(
      'telmisartan',
      'arb',
      'Telmisartan',
      '替米沙坦',
      [20, 40, 80],
      1,
      'US label: telmisartan 40 mg qd, max 80 mg',
    ), // §5.1a [V2]
    agent(
      'irbesartan',
      'arb',
      'Irbesartan',
      '厄贝沙坦',
      [150, 300],
      1,
      'US label: irbesartan 150 mg qd, max 300 mg',
    ), // §5.1a
    agent(
      'olmesartan',
      'arb',
      'Olmesartan',
      '奥美沙坦酯',
      [20, 40],
      1,
      'US label: olmesartan 20 mg qd, max 40 mg',
    ), // §5.1a
    agent(
      'candesartan',
      'arb',
      'Candesartan',
      '坎地沙坦',
      [8, 16, 32],
      1,
      'US label: candesartan 16 mg qd (8–32), max 32 mg',
    ), // §5.1a
    // --- ACEi
    agent(
      'lisinopril',
      'acei',
      'Lisinopril',
      '赖诺普利',
      [5, 10, 20, 40],
      1,
      'US label: lisinopril 10 mg qd (5 mg if on a diuretic), practical max 40 mg',
    ), // §5.1a [V1]
    agent(
      'enalapril',
      'acei',
      'Enalapril',
      '依那普利',
      [2.5, 5, 10, 20, 40],
      1,
      'US label: enalapril 5 mg qd (2.5 mg if on a diuretic), max 40 mg/d',
    ), // §5.1a [V2]
    agent(
      'benazepril',
      'acei',
      'Benazepril',
      '贝那普利',
      [5, 10, 20, 40],
      1,
      'US label: benazepril 10 mg qd (5 mg if on a diuretic), 20–40 mg',
    ), // §5.1a [V1]
    agent(
      'ramipril',
      'acei',
      'Ramipril',
      '雷米普利',
      [2.5, 5, 10, 20],
      1,
      'US label: ramipril 2.5 mg qd, max 20 mg/d',
    ), // §5.1a
    agent(
      'perindopril',
      'acei',
      'Perindopril',
      '培哚普利',
      [4, 8],
      1,
      'US label: perindopril erbumine 4–8 mg' /* §5.1a; 16 mg label max UNVERIFIED */,
    ), // §5.1a [V1 4–8]
    // --- thiazide / thiazide-like
    agent(
      'hydrochlorothiazide',
      'thiazide',
      'Hydrochlorothiazide',
      '氢氯噻嗪',
      [12.5, 25, 50],
      1,
      'US label: hydrochlorothiazide 12.5–25 mg qd, max 50 mg/d',
    ), // §5.1a [V2]
    agent(
      'chlorthalidone',
      'thiazide',
      'Chlorthalidone',
      '氯噻酮',
      [12.5, 25],
      1,
      'ACC/AHA 2017 Table 18: chlorthalidone 12.5–25 mg/d',
    ), // §5.1
    agent(
      'indapamide',
      'thiazide',
      'Indapamide',
      '吲达帕胺',
      [1.25, 2.5, 5],
      1,
      'US label: indapamide 1.25 mg qd, max 5 mg/d',
    ), // §5.1a [V2]
    // --- loop, MRA
    agent(
      'furosemide',
      'loop',
      'Furosemide',
      '呋塞米',
      [40, 80],
      2,
      'ACC/AHA 2017 Table 18: furosemide 20–80 mg/d in 2 doses; loop preferred at eGFR <30 (ACC/AHA 2017 §9.3)',
    ), // §5.1
    agent(
      'spironolactone',
      'mra',
      'Spironolactone',
      '螺内酯',
      [25, 50, 100],
      1,
      'spironolactone 25–100 mg/d (ACC/AHA 2017 Table 18)' /* §5.1a [V2 for range]; resistant HTN §5.3 */,
    ), // §5.1a [V2 range]
    // --- β-blockers
    agent(
      'bisoprolol',
      'beta-blocker',
      'Bisoprolol',
      '比索洛尔',
      [2.5, 5, 10],
      1,
      'ACC/AHA 2017 Table 18: bisoprolol 2.5–10 mg qd',
    ), // §5.1 ✓J
    agent(
      'metoprolol-succinate',
      'beta-blocker',
      'Metoprolol succinate ER',
      '琥珀酸美托洛尔缓释片',
      [50, 100, 200],
      1,
      'ACC/AHA 2017 Table 18: metoprolol succinate 50–200 mg qd',
    ), // §5.1 (label max 400 UNVERIFIED)
    agent(
      'atenolol',
      'beta-blocker',
      'Atenolol',
      '阿替洛尔',
      [25, 50, 100],
      1,
      'US label: atenolol 50 mg qd, max 100 mg/d',
    ), // §5.1a [V2]
    agent(
      'nebivolol',
      'beta-blocker',
      'Nebivolol',
      '奈必洛尔',
      [5, 10, 20, 40],
      1,
      'US label: nebivolol 5 mg qd, max 40 mg/d',
    ), // §5.1a [V1]
    agent(
      'carvedilol',
      'beta-blocker',
      'Carvedilol',
      '卡维地洛',
      [12.5, 25, 50],
      2,
      'US label: carvedilol 6.25 mg bid, max 50 mg/d',
    ), // §5.1a [V1]
    agent(
      'labetalol',
      'beta-blocker',
      'Labetalol',
      '拉贝洛尔',
      [200, 400, 800],
      2,
      'US label: labetalol 100 mg bid, usual 200–800 mg/d',
    ), // §5.1a, §5.2 pregnancy
    // --- centrally acting
    agent(
      'methyldopa',
      'central',
      'Methyldopa',
      '甲基多巴',
      [500, 1000],
      2,
      'ACC/AHA 2017 Table 18: methyldopa 250–1000 mg/d in 2 doses',
    ), // §5.1, §5.2 pregnancy
  ].map((a) => [a.id, a]),
);

/** Single-pill combinations the engine proposes (ids from drug-knowledge data/combinations.ts). */
export interface SpcSpec {
  id: string;
  name: Text;
  /** Components with their start daily dose (mg/day, once daily). */
  parts: readonly { agent: string; doseMg: number }[];
  classes: readonly AntihypertensiveClass[];
  source: string;
}

export const SPCS: readonly SpcSpec[] = [
  {
    id: 'amlodipine-valsartan',
    name: { en: 'Amlodipine/valsartan', zh: '氨氯地平缬沙坦' },
    parts: [
      { agent: 'amlodipine', doseMg: 5 }, // §5.1a amlodipine start 5 mg
      { agent: 'valsartan', doseMg: 80 }, // §5.1a valsartan start 80 mg
    ],
    classes: ['ccb-dhp', 'arb'],
    source: 'US label start doses of the components (amlodipine 5 mg, valsartan 80 mg)',
  },
  {
    id: 'amlodipine-benazepril',
    name: { en: 'Amlodipine/benazepril', zh: '氨氯地平贝那普利' },
    parts: [
      { agent: 'amlodipine', doseMg: 5 }, // §5.1a amlodipine start 5 mg
      { agent: 'benazepril', doseMg: 10 }, // §5.1a benazepril start 10 mg
    ],
    classes: ['ccb-dhp', 'acei'],
    source: 'US label start doses of the components (amlodipine 5 mg, benazepril 10 mg)',
  },
  {
    id: 'losartan-hydrochlorothiazide',
    name: { en: 'Losartan/hydrochlorothiazide', zh: '氯沙坦钾氢氯噻嗪' },
    parts: [
      { agent: 'losartan', doseMg: 50 }, // §5.1a losartan start 50 mg
      { agent: 'hydrochlorothiazide', doseMg: 12.5 }, // §5.1a HCTZ start 12.5 mg
    ],
    classes: ['arb', 'thiazide'],
    source: 'US label start doses of the components (losartan 50 mg, hydrochlorothiazide 12.5 mg)',
  },
];

export const CLASS_TEXT: Record<AntihypertensiveClass, Text> = {
  acei: { zh: 'ACEI', en: 'ACE inhibitor' },
  arb: { zh: 'ARB', en: 'ARB' },
  'ccb-dhp': { zh: '二氢吡啶类CCB', en: 'dihydropyridine CCB' },
  'ccb-nondhp': { zh: '非二氢吡啶类CCB', en: 'non-dihydropyridine CCB' },
  thiazide: { zh: '噻嗪类（样）利尿剂', en: 'thiazide(-like) diuretic' },
  loop: { zh: '袢利尿剂', en: 'loop diuretic' },
  mra: { zh: '醛固酮受体拮抗剂', en: 'mineralocorticoid receptor antagonist' },
  'beta-blocker': { zh: 'β受体阻滞剂', en: 'β-blocker' },
  'alpha-blocker': { zh: 'α1受体阻滞剂', en: 'α1-blocker' },
  central: { zh: '中枢性降压药', en: 'centrally acting agent' },
  other: { zh: '其他降压药', en: 'other antihypertensive' },
};

/** Next daily dose on the ladder above `current`, or undefined at/above the engine maximum. */
export function nextDose(spec: AgentSpec, current: number): number | undefined {
  return spec.ladder.find((d) => d > current + 1e-9);
}
