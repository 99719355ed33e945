/**
 * Renal dose limits from the drug facts (`@qihuang/drug-knowledge`, REFERENCE §5.3). eGFR stands in for CrCl
 * (engine choice, as for the lisinopril start dose). Pure.
 */
import { BUILT_IN_DRUGS, type RenalFact } from '@qihuang/drug-knowledge';
import type { Text } from '../types.ts';

const RENAL = new Map<string, readonly RenalFact[]>(BUILT_IN_DRUGS.map((d) => [d.id, d.renal ?? []]));

/**
 * User-facing source per agent. Lisinopril: US label quoted by two secondary pages [V1, REFERENCE §5.3];
 * atenolol caps are UNVERIFIED in REFERENCE §5.3, so users see neutral wording.
 */
const RENAL_SOURCE: Record<string, string> = {
  lisinopril: 'Zestril/Prinivil US label (renal dosing)',
  benazepril: 'Lotensin US label (renal dosing)',
};
const NEUTRAL = 'renal dose limit: clinician judgement (confirm with the product label)';

export interface RenalCap {
  maxDailyMg: number;
  text: Text;
  source: string;
}

/** The lowest renal daily maximum that applies to the agent at this eGFR, if any. */
export function renalCap(agent: string, egfr: number | undefined): RenalCap | undefined {
  if (egfr === undefined) return undefined;
  let best: RenalCap | undefined;
  for (const f of RENAL.get(agent) ?? []) {
    const applies = egfr < f.below && (f.atLeast === undefined || egfr >= f.atLeast);
    if (!applies || f.maxDaily === undefined) continue;
    if (!best || f.maxDaily < best.maxDailyMg)
      best = { maxDailyMg: f.maxDaily, text: f.text, source: RENAL_SOURCE[agent] ?? NEUTRAL };
  }
  return best;
}
