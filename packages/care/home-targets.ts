/**
 * Home (HBPM) and ambulatory targets derived from the office target by the equivalence table (issue 17
 * item 5): the same rule for the care plan, the patient's progress, the panel and the tiles.
 *
 * The conversion is the engine's (equivalentOutOfOffice: REFERENCE §2.1 ACC/AHA 2017 Table 11 rows, linear
 * between rows); here it is applied to the target a care plan stored, so an old plan gets the same rule.
 */
import { equivalentOutOfOffice, type Guideline } from '@qihuang/engines/blood-pressure';
import type { BpTarget } from './api-types/index.ts';

export type { BpTarget };

// The home target corresponds to the office target by the ACC/AHA 2017 Table 11 rows (linear between rows,
// decision 0005); the guideline's own home thresholds (e.g. 135/85 for hypertension) are diagnostic, not this
// target, so they are not cited beside it (issue 17/20 follow-up 4).
const DERIVATION = 'home target corresponding to the office target: ACC/AHA 2017 Table 11';
const TABLE_SOURCE: Record<Guideline, string> = {
  'acc-aha-2017': DERIVATION,
  'esh-2023': DERIVATION,
  'china-2018': DERIVATION,
  'china-2024': DERIVATION,
};

/** The home-BP target equivalent to an office target (met when home SBP < sbp and DBP < dbp). */
export function homeTargetFor(office: BpTarget, guideline: Guideline): BpTarget {
  const v = equivalentOutOfOffice(office, 'home');
  const round = (x: number) => Math.round(x * 10) / 10;
  const sbp = round(v.sbp);
  const dbp = v.dbp === undefined ? undefined : round(v.dbp);
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
