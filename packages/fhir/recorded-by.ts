/**
 * Who recorded a resource, carried in its content so that every reader applies one rule (docs/decisions/0003,
 * "Patient-recorded values"). The store stamps each version from its author (`fhir_resource.author`): a
 * version written by or for a patient carries the tag `urn:qihuang:recorded-by|patient`; any other writer's
 * version carries none (a clinician who saves the resource, changed or not, confirms it). Clients cannot set
 * or remove it: the store replaces whatever they send.
 *
 * Rule: a patient-recorded value never drives a clinical calculation (eGFR, drug dosing and prescription
 * review, risk stratification, targets) until a clinician confirms it. The exception is what patients are
 * meant to record: home blood pressure and heart rate (they feed home monitoring); see
 * drivesClinicalCalculations for what counts.
 */
export const RECORDED_BY_SYSTEM = 'urn:qihuang:recorded-by';
export const PATIENT_RECORDED_TAG = {
  system: RECORDED_BY_SYSTEM,
  code: 'patient',
  display: 'Patient-recorded, not confirmed by a clinician',
} as const;

/** LOINC: BP panels (85354-9, legacy 55284-4), systolic 8480-6, diastolic 8462-4, heart rate 8867-4. */
export const HOME_MONITORING_CODES: ReadonlySet<string> = new Set([
  '85354-9',
  '55284-4',
  '8480-6',
  '8462-4',
  '8867-4',
]);

type Tagged = { meta?: Record<string, unknown> };
type Coding = { system?: unknown; code?: unknown };

const isRecordedByTag = (tag: unknown) => (tag as Coding | null)?.system === RECORDED_BY_SYSTEM;

/**
 * The content to store for a version whose author is `author` (`Patient/<id>` for a patient, anything else
 * for staff, keys and services): the recorded-by tag added or removed. Returns the resource itself when it is
 * already right.
 */
export function stampRecordedBy<T extends Tagged>(resource: T, author: string): T {
  const byPatient = author.startsWith('Patient/');
  const tags = Array.isArray(resource.meta?.tag) ? (resource.meta.tag as unknown[]) : [];
  const others = tags.filter((t) => !isRecordedByTag(t));
  const current = tags.filter(isRecordedByTag);
  const right = byPatient
    ? current.length === 1 && (current[0] as Coding).code === PATIENT_RECORDED_TAG.code
    : current.length === 0;
  if (right) return resource;
  const tag = byPatient ? [...others, { ...PATIENT_RECORDED_TAG }] : others;
  const { tag: _old, ...meta } = resource.meta ?? {};
  const nextMeta = tag.length ? { ...meta, tag } : meta;
  const { meta: _meta, ...rest } = resource;
  return (Object.keys(nextMeta).length ? { ...rest, meta: nextMeta } : rest) as T;
}

/** Whether the stored version was recorded by (or for) the patient and no clinician has confirmed it. */
export function isPatientRecorded(resource: unknown): boolean {
  const tags = (resource as Tagged | null)?.meta?.tag;
  return (
    Array.isArray(tags) &&
    tags.some((t) => isRecordedByTag(t) && (t as Coding).code === PATIENT_RECORDED_TAG.code)
  );
}

/** Home BP or heart rate (an Observation coded with one of HOME_MONITORING_CODES). */
function isHomeMonitoring(resource: unknown): boolean {
  const r = resource as { resourceType?: unknown; code?: { coding?: Coding[] } } | null;
  if (r?.resourceType !== 'Observation') return false;
  const codings = Array.isArray(r.code?.coding) ? r.code.coding : [];
  return codings.some((c) => typeof c?.code === 'string' && HOME_MONITORING_CODES.has(c.code));
}

/**
 * The one rule: may this resource drive a clinical calculation? Everything a clinician, an import or a
 * service recorded may. Of what a patient recorded: an Observation only when it is a home BP or heart-rate
 * reading, a Condition never (both set eGFR, doses, targets and risk); allergies, medications taken and
 * family history the patient reports still count, because they can only add a warning or a risk factor,
 * never make a drug or a patient look safer.
 */
export function drivesClinicalCalculations(resource: unknown): boolean {
  if (!isPatientRecorded(resource)) return true;
  const type = (resource as { resourceType?: unknown }).resourceType;
  if (type === 'Observation') return isHomeMonitoring(resource);
  return type !== 'Condition';
}
