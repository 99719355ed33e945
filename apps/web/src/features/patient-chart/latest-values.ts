/** The most recent observation per code for the chart's "latest values" table. Pure. */
import type { Observation } from '@medplum/fhirtypes';
import { codeText } from '../../lib/format.ts';
import { isRememberedReading } from '../blood-pressure/bp-readings.ts';

/**
 * Newest first in, one observation per code out (at most `limit`). A BP the patient remembered in a consultation
 * is left out: its time is when it was told, not measured, so it is never "the latest value" (issue 20).
 */
export function latestPerCode(observations: readonly Observation[], limit = 10): Observation[] {
  const seen = new Set<string>();
  const latest: Observation[] = [];
  for (const o of observations) {
    if (isRememberedReading(o)) continue;
    const key = o.code?.coding?.[0]?.code ?? codeText(o.code);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    latest.push(o);
  }
  return latest.slice(0, limit);
}
