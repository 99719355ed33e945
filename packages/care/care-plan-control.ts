/**
 * Whether the patient's home BP is at the home target when a care plan is set (its phase and follow-up interval):
 * judged on the one current home average every screen shows (decision 0027: the engine's currentHomeMean — 7
 * local days ending today, first day with readings discarded, ESH 2023 / China 2018 home BP monitoring, REFERENCE
 * §2.3), against the home target (REFERENCE §2.1–2.2), on the exact mean. No current average (no readings in the
 * last 7 days): control is unknown, never "controlled". Pure.
 */
import { currentHomeMean, type BpReading, type Guideline } from '@qihuang/engines/blood-pressure';
import { atTarget } from './home-targets.ts';

export function carePlanControl(
  readings: readonly BpReading[],
  at: { now: Date; utcOffsetMinutes: number; guideline: Guideline },
  homeTarget: { sbp: number; dbp?: number },
): { mean?: { sbp: number; dbp: number }; controlled?: boolean } {
  const current = currentHomeMean(readings, {
    guideline: at.guideline,
    now: at.now.toISOString(),
    utcOffsetMinutes: at.utcOffsetMinutes,
    target: homeTarget,
  });
  const mean = current.mean;
  return mean ? { mean, controlled: atTarget(mean, homeTarget) } : {};
}
