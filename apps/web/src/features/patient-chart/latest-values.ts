/** The most recent observation per code for the chart's "latest values" table. Pure. */
import type { Observation } from '@medplum/fhirtypes';
import { codeText, quantityText } from '../../lib/format.ts';
import { BP_PANEL_CODES, DIASTOLIC, SYSTOLIC, isRememberedReading } from '../blood-pressure/bp-readings.ts';
import { unitWord } from './chart-words.ts';

/**
 * Newest first in, one observation per code out (at most `limit`). A BP the patient remembered in a consultation
 * is left out: its time is when it was told, not measured, so it is never "the latest value" (issue 20).
 */
/** A reading withdrawn as entered in error (decision 0020) or cancelled is no value of the patient's. */
const withdrawn = (o: Observation): boolean => o.status === 'entered-in-error' || o.status === 'cancelled';

export function latestPerCode(observations: readonly Observation[], limit = 10): Observation[] {
  const seen = new Set<string>();
  const latest: Observation[] = [];
  for (const o of observations) {
    if (isRememberedReading(o) || withdrawn(o)) continue;
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

/**
 * How far back a crisis reading is looked for beside the latest BP: the alert look-back of the server
 * (bp-monitoring ALERT_WINDOW_DAYS, 31 days), so the chart shows the reading an open crisis alert is about.
 */
export const CRISIS_WINDOW_DAYS = 31;

const bpValues = (o: Observation) => {
  const get = (code: string) =>
    o.component?.find((c) => c.code?.coding?.some((x) => x.code === code))?.valueQuantity?.value;
  return { sbp: get(SYSTOLIC), dbp: get(DIASTOLIC) };
};

/** Crisis range, strict >180 and/or >120 mmHg (REFERENCE §1.5, ACC/AHA 2017 and China 2018 crisis screen). */
export function isCrisisPanel(o: Observation): boolean {
  const { sbp, dbp } = bpValues(o);
  return (sbp ?? 0) > 180 || (dbp ?? 0) > 120;
}

/**
 * The newest crisis-range BP (measured, not remembered) within the alert window when the latest BP is not itself
 * one (issue 20 item 1: a 118/76 taken a minute after 192/126 hid the crisis on the overview). Input newest first.
 */
export function crisisBeside(
  observations: readonly Observation[],
  latest: Observation,
  now: string,
): Observation | undefined {
  if (!latest.code?.coding?.some((c) => BP_PANEL_CODES.includes(c.code ?? ''))) return undefined;
  if (isCrisisPanel(latest)) return undefined;
  const since = Date.parse(now) - CRISIS_WINDOW_DAYS * 86_400_000;
  return observations.find((o) => {
    if (o === latest || isRememberedReading(o) || withdrawn(o)) return false;
    if (!o.code?.coding?.some((c) => BP_PANEL_CODES.includes(c.code ?? ''))) return false;
    const at = Date.parse(o.effectiveDateTime ?? o.effectivePeriod?.start ?? '');
    return at >= since && isCrisisPanel(o);
  });
}
