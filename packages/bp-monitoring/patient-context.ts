/**
 * Reads what the engines need about one patient from the FHIR store, through the repository (so access
 * control and audit apply): demographics, BP observations (home vs office), labs, conditions, smoking.
 * Office readings are BP observations taken in an Encounter; everything else counts as out-of-office.
 */
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import { ingest, type BpReading } from '@qihuang/engines/blood-pressure';
import { drivesClinicalCalculations, humanNameText, isPatientRecorded, resourceName } from '@qihuang/fhir';
import { chartConditionKeys, type ConditionCoding } from './condition-keys.ts';
import { isRememberedReading } from './remembered.ts';
import type { FhirRepository, FhirResource } from '@qihuang/store';
import { patientTimeZone } from './local-time.ts';
import { pendingReadings } from './reading-store.ts';

// LOINC codes: REFERENCE §8.1 (BP panel 85354-9; legacy Synthea panel 55284-4).
export const BP_PANEL_CODES = ['85354-9', '55284-4'];
// Heart rate (8867-4, §8.1): read with the BP panels; the engine attaches each to its BP reading (same device,
// within 2 minutes), as it does on upload.
const HEART_RATE = '8867-4';
const VITALS = [...BP_PANEL_CODES, HEART_RATE];
/** The `code` search parameter for BP panels and heart rates. */
export const BP_READING_SEARCH_CODES = VITALS.map((c) => `http://loinc.org|${c}`).join(',');
const LABS = {
  totalCholesterol: '2093-3', // Cholesterol [Mass/volume] in Serum or Plasma
  hdl: '2085-9', // HDL cholesterol
  creatinine: '2160-0', // Creatinine [Mass/volume] in Serum or Plasma
  potassium: '2823-3',
  smoking: '72166-2', // Tobacco smoking status
} as const;
// Albumin/creatinine ratio in urine (LOINC 9318-7 and 14959-1 mass, 32294-1 and 14958-3 molar; standard LOINC,
// not in REFERENCE §8.1), the same codes as care chart-factors.ts: UACR ≥30 mg/g is albuminuria (REFERENCE §3.4).
export const UACR_CODES: readonly string[] = ['9318-7', '14959-1', '32294-1', '14958-3'];
export interface LabValue {
  value: number;
  unit: string;
  date: string;
}

export interface PatientContext {
  patientId: string;
  name?: string;
  sex?: 'female' | 'male';
  birthDate?: string;
  age?: number;
  home: BpReading[];
  office: BpReading[];
  /** Of `home`: uploaded readings whose FHIR Observations are not written yet (projector.ts). */
  pendingProjection: number;
  /** Latest value of each lab; `uacr` is the latest urine albumin/creatinine ratio (any of UACR_CODES). */
  labs: Partial<Record<keyof typeof LABS | 'uacr', LabValue>>;
  smoker?: boolean;
  /** Active conditions read by the one chart reader (condition-keys.ts: codes first, then text with exclusions). */
  diabetes: boolean;
  ckd: boolean;
  /** Stroke or TIA (cerebrovascular disease). */
  stroke: boolean;
  /** Coronary heart disease: CAD, angina, myocardial infarction. */
  coronary: boolean;
  /** A coded albuminuria/proteinuria Condition (the UACR value is in `labs.uacr`). */
  albuminuria: boolean;
  treated: boolean;
  conditions: { code?: string; display?: string }[];
  /** The patient's own IANA time zone (FHIR timezone extension), when the Patient carries a known one. */
  timeZone?: string;
}

function searchAll(
  repo: FhirRepository,
  ctx: RequestContext,
  type: string,
  params: [string, string][],
  max = 5000,
): Promise<FhirResource[]> {
  return repo.searchAll(ctx, type, params, max);
}

export function ageAt(birthDate: string, now: string): number {
  const b = new Date(birthDate);
  const n = new Date(now);
  let age = n.getUTCFullYear() - b.getUTCFullYear();
  if (
    n.getUTCMonth() < b.getUTCMonth() ||
    (n.getUTCMonth() === b.getUTCMonth() && n.getUTCDate() < b.getUTCDate())
  )
    age--;
  return age;
}

function readings(resources: FhirResource[], now: string, patientId: string): BpReading[] {
  if (resources.length === 0) return [];
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource) => ({ resource })),
  };
  const result = ingest(JSON.stringify(bundle), { now, format: 'fhir', patientId: `Patient/${patientId}` });
  // A reading is named by its Observation id (record index = entry position, 1-based), not the engine's id
  // derived from patient, device and time: a projected reading names its Device resource, its upload did not,
  // and the alerts of a pending reading and of its Observation must name the same reading (issue 17).
  const observationId = new Map<string, string>();
  for (const record of result.records) {
    if (!('reading' in record) || !record.reading) continue;
    const source = resources[record.index - 1];
    if (source?.resourceType === 'Observation' && typeof source.id === 'string')
      observationId.set(record.reading.id, source.id);
  }
  return result.readings.map((r) => {
    const id = observationId.get(r.id);
    return id ? { ...r, id } : r;
  });
}

function codes(resource: FhirResource): string[] {
  const code = resource.code as { coding?: { code?: string }[] } | undefined;
  return (code?.coding ?? []).map((c) => c.code ?? '');
}

export async function loadPatientContext(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
  options: {
    now: string;
    from?: string;
    to?: string;
    /** The patient's resources already read (FhirRepository.patientResources): no further reads. */
    preloaded?: readonly FhirResource[];
  },
): Promise<PatientContext> {
  const [[patient, bp, labResources, conditions, medications], pending] = await Promise.all([
    options.preloaded
      ? fromPreloaded(options.preloaded, patientId, options)
      : loadResources(repo, ctx, patientId, options),
    // Uploaded readings whose Observations the projector has not written yet (projector.ts): counted now.
    pendingReadings(repo.db, patientId, options),
  ]);
  // A pending reading's Observation id is the reading's id: an older projected version gives way to it.
  const ids = new Set(pending.flatMap((r) => [r.id, `hr-${r.id.slice(3)}`]));
  const projected = ids.size ? bp.filter((o) => !ids.has(o.id ?? '')) : bp;
  const context = contextFrom(
    patientId,
    patient,
    projected,
    labResources,
    conditions,
    medications,
    options.now,
  );
  if (pending.length === 0) return context;
  const home = [...context.home, ...pending].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  return { ...context, home, pendingProjection: pending.length };
}

/** LOINC codes the context reads: BP panels and the labs (for FhirRepository.patientResources). */
export const CONTEXT_OBSERVATION_CODES: readonly string[] = [
  ...VITALS,
  ...Object.values(LABS),
  ...UACR_CODES,
];
/** The lab codes alone (no BP): what the target population needs besides the Conditions (raise-alerts.ts). */
export const CONTEXT_LAB_CODES: readonly string[] = [...Object.values(LABS), ...UACR_CODES];

const effective = (o: FhirResource): string => {
  const r = o as {
    effectiveDateTime?: string;
    effectivePeriod?: { start?: string; end?: string };
    issued?: string;
  };
  return r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.effectivePeriod?.end ?? r.issued ?? '';
};

type Loaded = [FhirResource, FhirResource[], FhirResource[], FhirResource[], FhirResource[]];

function fromPreloaded(
  resources: readonly FhirResource[],
  patientId: string,
  options: { from?: string; to?: string },
): Loaded {
  const patient = resources.find((r) => r.resourceType === 'Patient' && r.id === patientId);
  if (!patient) throw new QihuangError('not-found', `Patient/${patientId} is not known`);
  const from = options.from ? Date.parse(options.from) : -Infinity;
  const to = options.to ? Date.parse(options.to) : Infinity;
  const observations = resources.filter((r) => r.resourceType === 'Observation');
  const bp = observations.filter((o) => {
    if (!codes(o).some((c) => VITALS.includes(c))) return false;
    const t = Date.parse(effective(o));
    return Number.isNaN(t) || (t >= from && t <= to);
  });
  const labCodes: string[] = [...Object.values(LABS), ...UACR_CODES];
  const labs = observations
    .filter((o) => codes(o).some((c) => labCodes.includes(c)))
    .sort((a, b) => effective(b).localeCompare(effective(a)));
  const conditions = resources.filter((r) => r.resourceType === 'Condition');
  const medications = resources.filter(
    (r) => r.resourceType === 'MedicationRequest' && (r as { status?: string }).status === 'active',
  );
  return [patient, bp, labs, conditions, medications];
}

async function loadResources(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
  options: { from?: string; to?: string },
): Promise<Loaded> {
  const dateParams: [string, string][] = [];
  if (options.from) dateParams.push(['date', `ge${options.from}`]);
  if (options.to) dateParams.push(['date', `le${options.to}`]);
  // Independent reads run together: on PostgreSQL they use several pool connections, and their audit
  // entries are written in one group commit.
  const [patient, bp, labResources, conditions, medications] = await Promise.all([
    repo.read(ctx, 'Patient', patientId),
    searchAll(
      repo,
      ctx,
      'Observation',
      [['patient', patientId], ['code', BP_READING_SEARCH_CODES], ...dateParams],
      20_000,
    ), // years of 4 readings a day, each with its heart rate
    searchAll(
      repo,
      ctx,
      'Observation',
      [
        ['patient', patientId],
        ['code', [...Object.values(LABS), ...UACR_CODES].map((c) => `http://loinc.org|${c}`).join(',')],
        ['_sort', '-date'],
      ],
      1000,
    ),
    searchAll(repo, ctx, 'Condition', [['patient', patientId]], 1000),
    searchAll(
      repo,
      ctx,
      'MedicationRequest',
      [
        ['patient', patientId],
        ['status', 'active'],
      ],
      1000,
    ),
  ]);
  return [patient, bp, labResources, conditions, medications];
}

function contextFrom(
  patientId: string,
  patient: FhirResource,
  bp: FhirResource[],
  labResources: FhirResource[],
  conditions: FhirResource[],
  medications: FhirResource[],
  now: string,
): PatientContext {
  const options = { now };
  // What a patient recorded drives nothing until a clinician confirms it, except home BP and heart rate
  // (drivesClinicalCalculations, docs/decisions/0003); a patient's own BP is a home reading, never an office one.
  // A reading remembered in a consultation (time not known) is no reading of either series (issue 20 item 2).
  bp = bp.filter((o) => !isRememberedReading(o));
  const office = bp.filter((o) => o.encounter !== undefined && !isPatientRecorded(o));
  const home = bp.filter((o) => o.encounter === undefined || isPatientRecorded(o));
  labResources = labResources.filter(drivesClinicalCalculations);
  conditions = conditions.filter(drivesClinicalCalculations);
  const labs: PatientContext['labs'] = {};
  let smoker: boolean | undefined;
  for (const [key, code] of Object.entries(LABS) as [keyof typeof LABS, string][]) {
    const latest = labResources.find((o) => codes(o).includes(code));
    if (!latest) continue;
    if (key === 'smoking') {
      const value = (
        latest.valueCodeableConcept as { coding?: { code?: string; display?: string }[] } | undefined
      )?.coding?.[0];
      // Smoking status answers as Synthea / US Core code them (SNOMED 449868002 every-day smoker,
      // 428041000124106 some-day smoker, 77176002 smoker, 65568007 cigarette smoker); not in REFERENCE.md.
      smoker =
        ['449868002', '428041000124106', '77176002', '65568007'].includes(value?.code ?? '') ||
        /current/i.test(value?.display ?? '');
      continue;
    }
    const quantity = latest.valueQuantity as { value?: number; unit?: string; code?: string } | undefined;
    if (typeof quantity?.value === 'number') {
      labs[key] = {
        value: quantity.value,
        unit: quantity.code ?? quantity.unit ?? '',
        date: String(latest.effectiveDateTime ?? ''),
      };
    }
  }
  const uacr = labResources.find((o) => codes(o).some((c) => UACR_CODES.includes(c)));
  const uacrQuantity = uacr?.valueQuantity as { value?: number; unit?: string; code?: string } | undefined;
  if (uacr && typeof uacrQuantity?.value === 'number')
    labs.uacr = {
      value: uacrQuantity.value,
      unit: uacrQuantity.code ?? uacrQuantity.unit ?? '',
      date: String(uacr.effectiveDateTime ?? ''),
    };
  const active = conditions.filter((c) => {
    const status = (c.clinicalStatus as { coding?: { code?: string }[] } | undefined)?.coding?.[0]?.code;
    return status === undefined || status === 'active' || status === 'recurrence' || status === 'relapse';
  });
  const keys = chartConditionKeys(
    active.map((c) => {
      const code = c.code as { coding?: ConditionCoding[]; text?: string } | undefined;
      return { ...(code?.text ? { text: code.text } : {}), codes: code?.coding ?? [] };
    }),
  );
  const gender = patient.gender === 'female' || patient.gender === 'male' ? patient.gender : undefined;
  const birthDate = typeof patient.birthDate === 'string' ? patient.birthDate : undefined;
  const timeZone = patientTimeZone(patient, '');
  return {
    ...(timeZone ? { timeZone } : {}),
    patientId,
    name: resourceName(patient),
    sex: gender,
    birthDate,
    age: birthDate ? ageAt(birthDate, options.now) : undefined,
    home: readings(home, options.now, patientId),
    office: readings(office, options.now, patientId),
    pendingProjection: 0,
    labs,
    smoker,
    diabetes: keys.has('diabetes'),
    ckd: keys.has('ckd'),
    stroke: keys.has('stroke'),
    coronary: keys.has('coronary'),
    albuminuria: keys.has('albuminuria'),
    treated: medications.length > 0,
    conditions: active.map((c) => {
      const coding = (c.code as { coding?: { code?: string; display?: string }[] } | undefined)?.coding?.[0];
      return { code: coding?.code, display: coding?.display };
    }),
  };
}

/** "Given Family" for Western names; family name first and no space for Chinese, Japanese and Korean names. */
export function displayName(name: { given?: string[]; family?: string }): string | undefined {
  return humanNameText({
    ...(name.family ? { family: name.family } : {}),
    ...(name.given ? { given: name.given } : {}),
  });
}
