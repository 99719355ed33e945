/** FHIR R4 Observation → candidates (BP panel 85354-9 / older 55284-4 with 8480-6/8462-4; heart rate 8867-4). REFERENCE §8.1–§8.3. */
import type { Observation, Quantity } from '@medplum/fhirtypes';
import { kpaToMmHg, type Candidate, type Rejection, reject } from './plausibility.ts';
import { READING_IDENTIFIER_SYSTEM } from './to-fhir.ts';

export const LOINC = 'http://loinc.org';
export const BP_PANEL_CODES = ['85354-9', '55284-4'] as const; // §8.1 BP panel (current) and older panel
export const SBP_CODE = '8480-6'; // §8.1
export const DBP_CODE = '8462-4'; // §8.1
export const HR_CODE = '8867-4'; // §8.1 (UNVERIFIED there; standard FHIR vital-signs code)

export type FhirParsed =
  { kind: 'bp'; candidate: Candidate } | { kind: 'hr'; candidate: Candidate } | Rejection;

function hasCode(
  cc: { coding?: { system?: string; code?: string }[] } | undefined,
  codes: readonly string[],
): boolean {
  return (cc?.coding ?? []).some(
    (c) => (c.system === undefined || c.system === LOINC) && c.code !== undefined && codes.includes(c.code),
  );
}

/** Quantity → mmHg; undefined value → NaN; unsupported unit → string error. */
function mmHg(q: Quantity | undefined): number | string | undefined {
  if (!q || q.value === undefined) return undefined;
  const unit = q.code ?? q.unit ?? 'mm[Hg]';
  if (unit === 'mm[Hg]' || unit === 'mmHg') return q.value;
  if (unit === 'kPa') return kpaToMmHg(q.value);
  return `unsupported unit "${unit}"`;
}

function refId(
  ref: { reference?: string; identifier?: { value?: string }; display?: string } | undefined,
): string | undefined {
  return ref?.reference ?? ref?.identifier?.value ?? undefined;
}

export function parseFhirObservation(obs: Observation, index: number): FhirParsed {
  if (obs.status === 'entered-in-error' || obs.status === 'cancelled')
    return reject(index, 'not-a-reading', `status ${obs.status}`);
  const time = obs.effectiveDateTime ?? obs.effectivePeriod?.start ?? obs.effectiveInstant;
  const base: Candidate = { index };
  if (time) base.time = time;
  const device = refId(obs.device);
  if (device) base.deviceId = device;
  const subject = refId(obs.subject);
  if (subject) base.patientId = subject;
  // The sender's own record id (a device's record number, the phone page's idempotency key): a re-send of the
  // same record is the same reading whatever its time (issue 20).
  // Our own reading identifier (to-fhir.ts: device | UTC time) is not a sender's record id — it is the device and
  // time already read — so re-ingesting our own output gives the same reading ids.
  const own = obs.identifier?.find((i) => i.value && i.system !== READING_IDENTIFIER_SYSTEM);
  if (own?.value) base.recordId = `${own.system ?? ''}|${own.value}`;
  if (hasCode(obs.code, BP_PANEL_CODES)) {
    const comp = (code: string) => (obs.component ?? []).find((c) => hasCode(c.code, [code]));
    const s = mmHg(comp(SBP_CODE)?.valueQuantity);
    const d = mmHg(comp(DBP_CODE)?.valueQuantity);
    if (typeof s === 'string' || typeof d === 'string')
      return reject(index, 'bad-unit', (typeof s === 'string' ? s : d) as string);
    const hr = (obs.component ?? []).find((c) => hasCode(c.code, [HR_CODE]))?.valueQuantity?.value;
    const candidate: Candidate = { ...base };
    if (s !== undefined) candidate.sbp = s;
    if (d !== undefined) candidate.dbp = d;
    if (hr !== undefined) candidate.heartRate = hr;
    return { kind: 'bp', candidate };
  }
  if (hasCode(obs.code, [HR_CODE])) {
    const q = obs.valueQuantity;
    if (!q || q.value === undefined) return reject(index, 'missing-value', 'heart rate value missing');
    if (q.code && q.code !== '/min')
      return reject(index, 'bad-unit', `unsupported heart-rate unit "${q.code}"`);
    return { kind: 'hr', candidate: { ...base, heartRate: q.value } };
  }
  return reject(
    index,
    'unsupported',
    'Observation code is neither a BP panel (85354-9/55284-4) nor heart rate (8867-4)',
  );
}

/** Flattens a Bundle, a single resource or an array into resources (no validation beyond resourceType). */
export function fhirResources(json: unknown): unknown[] {
  if (Array.isArray(json)) return json.flatMap(fhirResources);
  if (json && typeof json === 'object' && (json as { resourceType?: string }).resourceType === 'Bundle') {
    return ((json as { entry?: { resource?: unknown }[] }).entry ?? []).map((e) => e.resource);
  }
  return [json];
}
