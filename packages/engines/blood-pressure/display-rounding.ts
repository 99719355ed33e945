/**
 * How a blood-pressure mean is shown (decision 0027). Readings are whole mmHg (REFERENCE "Conventions": integer
 * readings; upper-arm devices display whole mmHg), so a mean is shown in whole mmHg — except where whole-mmHg
 * rounding would carry it onto the other side of a threshold it is judged against: then one decimal, cut toward
 * the exact value (134.6 against 135 shows "134.6", 134.96 shows "134.9", never "135" or "135.0"). A figure
 * never reads as on the other side of a threshold than its classification (issue 20: a home mean of 134.6 shown as
 * "135" while classified below 135/85). No guideline prescribes how a mean is rounded for display: an operational
 * choice, made once here. Classification and target checks always use the exact mean. Half rounds up elsewhere.
 */
import type { BpValue } from './types.ts';

export const mmHg = (x: number): number => Math.round(x);

/**
 * One mean as shown: whole mmHg unless that crosses one of `thresholds` (each judged "≥ threshold" / "< threshold",
 * as the classification bands and targets are), then one decimal toward the exact value.
 */
export function shownMmHg(x: number, thresholds: readonly number[] = []): string {
  if (!Number.isFinite(x)) return '—';
  const whole = mmHg(x);
  const crosses = thresholds.some((t) => x < t !== whole < t);
  if (!crosses) return String(whole);
  // Toward the exact value's side: down when the value is below the threshold it would have reached.
  const below = thresholds.some((t) => x < t && whole >= t);
  const tenth = below ? Math.floor(x * 10 + 1e-9) / 10 : Math.ceil(x * 10 - 1e-9) / 10;
  return tenth.toFixed(1);
}

/** A mean pair as shown, each component against its own thresholds (e.g. home 135/85, the patient's target). */
export function shownBp(
  bp: BpValue,
  thresholds: { sbp?: readonly number[]; dbp?: readonly number[] } = {},
): { sbp: string; dbp: string } {
  return { sbp: shownMmHg(bp.sbp, thresholds.sbp), dbp: shownMmHg(bp.dbp, thresholds.dbp) };
}
