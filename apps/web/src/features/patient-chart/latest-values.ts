/** The most recent observation per code for the chart's "latest values" table. Pure. */
import type { Observation } from '@medplum/fhirtypes';
import { codeText, quantityText } from '../../lib/format.ts';
import { BP_PANEL_CODES, DIASTOLIC, SYSTOLIC, isRememberedReading } from '../blood-pressure/bp-readings.ts';
import { unitWord } from './chart-words.ts';

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

/**
 * The value of a latest observation as the chart shows it, to every viewer alike: a BP panel as "150/95 mmHg",
 * a heart rate's unit in the page language ("87 次/分" on zh, "87 beats/min" on en; issue 20 item 4: the
 * clinician's overview said "87 beats/minute" on a zh screen while the patient's said "87 次/分").
 */
export function latestValueText(o: Observation, language: string): string {
  if (o.code?.coding?.some((c) => BP_PANEL_CODES.includes(c.code ?? ''))) {
    const get = (code: string) =>
      o.component?.find((c) => c.code?.coding?.some((x) => x.code === code))?.valueQuantity?.value;
    return `${get(SYSTOLIC) ?? '?'}/${get(DIASTOLIC) ?? '?'} mmHg`;
  }
  const text = quantityText(o.valueQuantity) || o.valueString || codeText(o.valueCodeableConcept, language);
  return unitWord(text, language);
}
