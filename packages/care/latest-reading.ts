/**
 * The readings the consultation's triage reads (issue 20 item 2): the latest measured reading decides. A very
 * high reading followed by a later one is not told as "very high, sit down and measure again" — the patient
 * already measured again, and the later reading is what their blood pressure is now. Readings sharing the
 * latest instant are all kept (a batch at one time). Readings without a valid time are left out (they cannot be
 * placed; the crisis alert rule of bp-monitoring handles stored readings on write, decision 0009). Pure.
 */
export function latestReadings<R extends { time?: string }>(readings: readonly R[]): R[] {
  const timed = readings
    .map((r) => ({ r, t: r.time ? Date.parse(r.time) : NaN }))
    .filter((x) => Number.isFinite(x.t));
  if (timed.length === 0) return [];
  const last = Math.max(...timed.map((x) => x.t));
  return timed.filter((x) => x.t === last).map((x) => x.r);
}
