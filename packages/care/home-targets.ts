/**
 * Home (HBPM) and ambulatory targets derived from the office target by the equivalence table (issue 17
 * item 5): the same rule for the care plan, the patient's progress, the panel and the tiles.
 *
 * Local adapter until the engine's own function lands in @qihuang/engines/blood-pressure (the engine team
 * derives the same table); switch the import then and keep these tests.
 */
import type { Guideline } from '@qihuang/engines/blood-pressure';

export interface BpTarget {
  sbp: number;
  dbp?: number;
  rule: string;
  source: string;
}

// REFERENCE §2.1 (ACC/AHA 2017 Table 11) rows office → HBPM: 120/80 → 120/80, 130/80 → 130/80,
// 140/90 → 135/85, 160/100 → 145/90. REFERENCE §2.2: ESH 2023 and China 2018/2024 use the same home
// threshold 135/85 for office 140/90, so one table serves every guideline.
const SBP_ROWS: [number, number][] = [
  [120, 120],
  [130, 130],
  [140, 135],
  [160, 145],
];
const DBP_ROWS: [number, number][] = [
  [80, 80],
  [90, 85],
  [100, 90],
];

/**
 * Office value → home value on the table; between rows linear (office 150 → home 140), outside the table
 * shifted by the nearest row's difference (a documented choice: the table has no rows beyond 120–160).
 */
function onTable(rows: [number, number][], office: number): number {
  if (office <= rows[0]![0]) return office - (rows[0]![0] - rows[0]![1]);
  for (let i = 1; i < rows.length; i++) {
    const [o1, h1] = rows[i]!;
    const [o0, h0] = rows[i - 1]!;
    if (office <= o1) return Math.round(h0 + ((office - o0) * (h1 - h0)) / (o1 - o0));
  }
  const [o, h] = rows[rows.length - 1]!;
  return office - (o - h);
}

const TABLE_SOURCE: Record<Guideline, string> = {
  'acc-aha-2017': 'ACC/AHA 2017 Table 11',
  'esh-2023': 'ACC/AHA 2017 Table 11; ESH 2023 out-of-office thresholds',
  'china-2018': 'ACC/AHA 2017 Table 11; Chinese Hypertension Guidelines 2018 (home BP 135/85)',
  'china-2024': 'ACC/AHA 2017 Table 11; Chinese Hypertension Guidelines 2024 (home BP 135/85)',
};

/** The home-BP target equivalent to an office target (met when home SBP < sbp and DBP < dbp). */
export function homeTargetFor(office: BpTarget, guideline: Guideline): BpTarget {
  const sbp = onTable(SBP_ROWS, office.sbp);
  const dbp = office.dbp === undefined ? undefined : onTable(DBP_ROWS, office.dbp);
  return {
    sbp,
    ...(dbp !== undefined ? { dbp } : {}),
    rule: `home <${sbp}${dbp !== undefined ? `/${dbp}` : ''} (office <${office.sbp}${office.dbp !== undefined ? `/${office.dbp}` : ''}: ${office.rule})`,
    source: `${office.source}; ${TABLE_SOURCE[guideline]}`,
  };
}

/** One verdict per mean: a tile never says "uncontrolled" and "at target" at once. */
export function atTarget(mean: { sbp: number; dbp: number }, target: { sbp: number; dbp?: number }): boolean {
  return mean.sbp < target.sbp && (target.dbp === undefined || mean.dbp < target.dbp);
}
