/**
 * Build a review input from FHIR R4 resources: Patient, Condition, AllergyIntolerance, Observation (labs by
 * LOINC, BP, weight, pregnancy status), MedicationRequest / MedicationStatement (active → current medications;
 * MedicationRequest status "draft" → draft orders, except a signed order awaiting the pharmacist — the regimen,
 * marked pending — and one the pharmacist returned — neither), dispenseRequest (days, quantity), Medication (for
 * medicationReference). Pure: `now` is an argument (age is computed from it).
 */
import type {
  AllergyIntolerance,
  Bundle,
  CodeableConcept,
  Condition,
  Dosage,
  Medication,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Patient,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import type { Coding } from '@qihuang/drug-knowledge';
import { drivesClinicalCalculations, isPatientRecorded } from '@qihuang/fhir';
import type { LabValue, MedicationInput, PatientContext, ReviewInput } from './types.ts';

export const LOINC = {
  creatinineMass: '2160-0', // REFERENCE §8 / LOINC: Creatinine [Mass/volume] in Serum or Plasma
  creatinineMoles: '14682-9', // Creatinine [Moles/volume] in Serum or Plasma
  egfr: ['33914-3', '62238-1', '98979-8'],
  potassium: ['2823-3', '6298-4'],
  bpPanel: ['85354-9', '55284-4'], // REFERENCE §8.1
  systolic: '8480-6',
  diastolic: '8462-4',
  bodyWeight: '29463-7',
  heartRate: '8867-4', // REFERENCE §8.1 (FHIR heart-rate vital-signs profile)
  pregnancyStatus: '82810-3',
} as const;

const UMOL_PER_MG_DL = 88.4; // REFERENCE §4.1 unit conversion
const INACTIVE_CLINICAL = new Set(['inactive', 'resolved', 'remission']);
const REFUTED = new Set(['refuted', 'entered-in-error']);

export interface FhirReviewOptions {
  /** Reference time for age and "latest" selection (engines take now as an argument). */
  now: Date;
  /** Draft orders given separately (CDS Hooks context.draftOrders); every MedicationRequest in it is a draft. */
  draftOrders?: Resource[];
  lactating?: boolean;
}

/** The resources in a Bundle or list, Bundles inside it flattened (entries in order). */
export function resourcesOf(input: Bundle | Resource[] | undefined | null): Resource[] {
  const out: Resource[] = [];
  collectResources(input, out);
  return out;
}

function collectResources(input: Bundle | Resource[] | undefined | null, out: Resource[]): void {
  if (!input) return;
  if (Array.isArray(input)) {
    // forEach skips holes, as flatMap did.
    input.forEach((r) => (r.resourceType === 'Bundle' ? collectResources(r, out) : out.push(r)));
    return;
  }
  if (input.resourceType === 'Bundle') {
    (input.entry ?? []).forEach((e) => {
      if (e.resource) collectResources([e.resource], out);
    });
    return;
  }
  out.push(input);
}

const codings = (cc: CodeableConcept | undefined): Coding[] =>
  (cc?.coding ?? []).map((c) => ({ system: c.system, code: c.code, display: c.display }));
const hasLoinc = (o: Observation, codes: readonly string[]) =>
  (o.code?.coding ?? []).some((c) => c.system === 'http://loinc.org' && !!c.code && codes.includes(c.code));
const when = (o: Observation) =>
  o.effectiveDateTime ?? o.effectivePeriod?.end ?? o.effectivePeriod?.start ?? o.issued ?? '';

function ageAt(birthDate: string | undefined, now: Date): number | undefined {
  if (!birthDate || !/^\d{4}/.test(birthDate)) return undefined;
  const [y, m = 1, d = 1] = birthDate.split('-').map(Number);
  let age = now.getUTCFullYear() - y!;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age--;
  return age;
}

/**
 * The latest usable observation at `limit` (ISO time): not entered-in-error/cancelled, not after `limit`; of
 * equally late ones the first (as a stable descending sort would give).
 */
function latest(observations: Observation[], limit: string): Observation | undefined {
  let best: Observation | undefined;
  let bestWhen = '';
  for (const o of observations) {
    if (o.status === 'entered-in-error' || o.status === 'cancelled') continue;
    const at = when(o);
    if (at !== '' && at > limit) continue;
    if (best === undefined || at.localeCompare(bestWhen) > 0) {
      best = o;
      bestWhen = at;
    }
  }
  return best;
}

function componentValue(o: Observation | undefined, code: string): number | undefined {
  return o?.component?.find((c) => c.code.coding?.some((x) => x.code === code))?.valueQuantity?.value;
}

function labValue(
  o: Observation | undefined,
  convert?: (value: number, unit: string) => number,
): LabValue | undefined {
  const q = o?.valueQuantity;
  if (!o || typeof q?.value !== 'number') return undefined;
  const value = convert ? convert(q.value, (q.code ?? q.unit ?? '').toLowerCase()) : q.value;
  const at = when(o);
  return at ? { value, at } : { value };
}

function timesPerDay(dosage: Dosage | undefined): number | undefined {
  const r = dosage?.timing?.repeat;
  if (!r?.frequency) return undefined;
  const days: Record<string, number> = {
    s: 1 / 86400,
    min: 1 / 1440,
    h: 1 / 24,
    d: 1,
    wk: 7,
    mo: 30,
    a: 365,
  };
  const period = (r.period ?? 1) * (days[r.periodUnit ?? 'd'] ?? 1);
  return r.frequency / period;
}

function medication(
  id: string,
  concept: CodeableConcept | undefined,
  ref: Reference | undefined,
  dosage: Dosage | undefined,
  meds: Map<string, Medication>,
): MedicationInput {
  const referenced = ref?.reference
    ? (meds.get(ref.reference.replace(/^#/, '')) ?? meds.get(ref.reference))
    : undefined;
  const cc = concept ?? referenced?.code;
  const text = [cc?.text ?? cc?.coding?.find((c) => c.display)?.display ?? ref?.display, dosage?.text]
    .filter(Boolean)
    .join(' ');
  const out: MedicationInput = { id, codes: codings(cc) };
  if (text) out.text = text;
  const dq =
    dosage?.doseAndRate?.[0]?.doseQuantity ??
    (dosage as { doseQuantity?: { value?: number; unit?: string; code?: string } } | undefined)?.doseQuantity;
  if (typeof dq?.value === 'number' && (dq.code ?? dq.unit))
    out.dose = { value: dq.value, unit: (dq.code ?? dq.unit)! };
  const tpd = timesPerDay(dosage);
  if (tpd !== undefined) out.timesPerDay = tpd;
  const route = dosage?.route?.text ?? dosage?.route?.coding?.[0]?.display;
  if (route) out.route = route;
  return out;
}

/** The zh-CN content of a FHIR translation extension (http://hl7.org/fhir/StructureDefinition/translation). */
function zhTranslationOf(element: unknown): string | undefined {
  type Ext = { url?: string; valueCode?: string; valueString?: string; extension?: Ext[] };
  for (const e of (element as { extension?: Ext[] } | undefined)?.extension ?? []) {
    if (!e.url?.endsWith('/translation')) continue;
    const lang = e.extension?.find((x) => x.url === 'lang')?.valueCode ?? '';
    const content = e.extension?.find((x) => x.url === 'content')?.valueString;
    if (content && lang.toLowerCase().startsWith('zh')) return content;
  }
  return undefined;
}

/**
 * Qihuang's pharmacy-review workflow (docs/decisions/0017; packages/pharmacy-review awaiting-review.ts): a signed
 * order awaiting the pharmacist stays `draft` with intent `order` and this statusReason; a returned one likewise
 * with `returned-by-pharmacist`.
 */
const WORKFLOW_SYSTEM = 'urn:qihuang:pharmacy-review';
const AWAITING_REVIEW = 'awaiting-pharmacist-review';
const RETURNED = 'returned-by-pharmacist';

function workflowReason(mr: MedicationRequest): string | undefined {
  if (mr.status !== 'draft') return undefined;
  return mr.statusReason?.coding?.find((c) => c.system === WORKFLOW_SYSTEM)?.code;
}

/** UCUM duration codes in days. */
const DAYS_PER: Record<string, number> = { d: 1, wk: 7 };

/** Days of supply and total quantity from dispenseRequest, when both are there. */
function supplyOf(mr: MedicationRequest): MedicationInput['supply'] {
  const q = mr.dispenseRequest?.quantity;
  const d = mr.dispenseRequest?.expectedSupplyDuration;
  const per = DAYS_PER[d?.code ?? (d?.unit === 'days' || d?.unit === 'day' ? 'd' : '')];
  const unit = q?.code ?? q?.unit;
  if (typeof q?.value !== 'number' || !unit || typeof d?.value !== 'number' || per === undefined)
    return undefined;
  return { days: d.value * per, quantity: { value: q.value, unit } };
}

export function buildReviewInput(resources: Resource[], options: FhirReviewOptions): ReviewInput {
  // A patient-recorded lab or condition drives no review until a clinician confirms it (docs/decisions/0003).
  const all = resourcesOf(resources).filter(drivesClinicalCalculations);
  const draftList = resourcesOf(options.draftOrders);
  const meds = new Map<string, Medication>();
  for (const r of [...all, ...draftList]) {
    if (r.resourceType === 'Medication' && r.id) meds.set(`Medication/${r.id}`, r).set(r.id, r);
    for (const c of (r as { contained?: Resource[] }).contained ?? [])
      if (c.resourceType === 'Medication' && c.id) meds.set(c.id, c);
  }
  const patient = all.find((r): r is Patient => r.resourceType === 'Patient');
  const obs = all.filter((r): r is Observation => r.resourceType === 'Observation');
  const limit = options.now.toISOString();
  const ctx: PatientContext = { conditions: [], allergies: [], medications: [], labs: {}, asOf: limit };
  if (patient?.id) ctx.id = patient.id;
  const age = ageAt(patient?.birthDate, options.now);
  if (age !== undefined) ctx.ageYears = age;
  if (patient?.gender) ctx.sex = patient.gender;
  if (options.lactating) ctx.lactating = true;

  for (const c of all.filter((r): r is Condition => r.resourceType === 'Condition')) {
    const clinical = c.clinicalStatus?.coding?.[0]?.code;
    const verification = c.verificationStatus?.coding?.[0]?.code;
    if ((clinical && INACTIVE_CLINICAL.has(clinical)) || (verification && REFUTED.has(verification)))
      continue;
    ctx.conditions.push({ codes: codings(c.code), ...(c.code?.text ? { text: c.code.text } : {}) });
  }
  for (const a of all.filter((r): r is AllergyIntolerance => r.resourceType === 'AllergyIntolerance')) {
    const clinical = a.clinicalStatus?.coding?.[0]?.code;
    const verification = a.verificationStatus?.coding?.[0]?.code;
    if ((clinical && clinical !== 'active') || (verification && REFUTED.has(verification))) continue;
    const text = a.code?.text ?? a.code?.coding?.find((c) => c.display)?.display;
    const textZh = zhTranslationOf((a.code as { _text?: unknown } | undefined)?._text);
    ctx.allergies.push({
      codes: codings(a.code),
      ...(text ? { text } : {}),
      ...(textZh ? { textZh } : {}),
      ...(a.criticality ? { criticality: a.criticality } : {}),
      // Unconfirmed (the patient's report, issue 20) still counts; the finding names it as patient-reported.
      ...(verification === 'unconfirmed' || isPatientRecorded(a) ? { unconfirmed: true } : {}),
    });
  }

  const scrMass = labValue(
    latest(
      obs.filter((o) => hasLoinc(o, [LOINC.creatinineMass])),
      limit,
    ),
    (v, u) => (u.includes('umol') || u.includes('µmol') ? v / UMOL_PER_MG_DL : v),
  );
  const scrMoles = labValue(
    latest(
      obs.filter((o) => hasLoinc(o, [LOINC.creatinineMoles])),
      limit,
    ),
    (v) => v / UMOL_PER_MG_DL,
  );
  const scr = [scrMass, scrMoles]
    .filter((x): x is LabValue => !!x)
    .sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''))[0];
  if (scr) ctx.labs.creatinine = { ...scr, value: Math.round(scr.value * 100) / 100 };
  const egfr = labValue(
    latest(
      obs.filter((o) => hasLoinc(o, LOINC.egfr)),
      limit,
    ),
  );
  if (egfr) ctx.labs.egfr = egfr;
  const k = labValue(
    latest(
      obs.filter((o) => hasLoinc(o, LOINC.potassium)),
      limit,
    ),
  );
  if (k) ctx.labs.potassium = k;
  const weight = labValue(
    latest(
      obs.filter((o) => hasLoinc(o, [LOINC.bodyWeight])),
      limit,
    ),
    (v, u) => (u === '[lb_av]' || u === 'lb' ? v * 0.45359237 : v),
  );
  if (weight) ctx.weightKg = Math.round(weight.value * 10) / 10;
  const bp = latest(
    obs.filter((o) => hasLoinc(o, LOINC.bpPanel)),
    limit,
  );
  const sbp = componentValue(bp, LOINC.systolic);
  const dbp = componentValue(bp, LOINC.diastolic);
  if (sbp !== undefined && dbp !== undefined)
    ctx.bp = { systolic: sbp, diastolic: dbp, ...(bp && when(bp) ? { at: when(bp) } : {}) };
  // Heart rate: its own Observation, else a component of the latest BP panel.
  const hrInPanel = componentValue(bp, LOINC.heartRate);
  const hr =
    labValue(
      latest(
        obs.filter((o) => hasLoinc(o, [LOINC.heartRate])),
        limit,
      ),
    ) ??
    (hrInPanel === undefined ? undefined : { value: hrInPanel, ...(bp && when(bp) ? { at: when(bp) } : {}) });
  if (hr) ctx.heartRate = hr;
  const preg = latest(
    obs.filter((o) => hasLoinc(o, [LOINC.pregnancyStatus])),
    limit,
  );
  const pregCode = preg?.valueCodeableConcept?.coding?.map((c) => c.code);
  if (pregCode?.includes('77386006'))
    ctx.pregnant = true; // SNOMED Pregnant
  else if (pregCode?.includes('60001007')) ctx.pregnant = false; // SNOMED Not pregnant

  const drafts: MedicationInput[] = [];
  const draftIds = new Set(draftList.map((r) => `${r.resourceType}/${r.id}`));
  const draftSet = new Set(draftList);
  for (const [index, r] of [...all, ...draftList].entries()) {
    const key = `${r.resourceType}/${r.id ?? `unidentified-${index}`}`;
    if (r.resourceType === 'MedicationRequest') {
      const mr = r as MedicationRequest;
      const m = medication(
        key,
        mr.medicationCodeableConcept,
        mr.medicationReference,
        mr.dosageInstruction?.[0],
        meds,
      );
      const supply = supplyOf(mr);
      if (supply) m.supply = supply;
      if (draftSet.has(r)) {
        if (!drafts.some((d) => d.id === key)) drafts.push(m);
      } else if (workflowReason(mr) === AWAITING_REVIEW) {
        // Signed, with the pharmacist (issue 20): reviewed against, as the regimen to be, and named as pending.
        if (!draftIds.has(key)) ctx.medications.push({ ...m, pending: true });
      } else if (mr.status === 'draft') {
        // A returned order is back with the prescriber: neither medication nor under review unless given as one.
        if (workflowReason(mr) !== RETURNED && !drafts.some((d) => d.id === key)) drafts.push(m);
      } else if ((mr.status === 'active' || mr.status === 'on-hold') && !draftIds.has(key))
        ctx.medications.push(m);
    } else if (r.resourceType === 'MedicationStatement') {
      const ms = r as MedicationStatement;
      if (ms.status === 'active' || ms.status === 'intended')
        ctx.medications.push(
          medication(key, ms.medicationCodeableConcept, ms.medicationReference, ms.dosage?.[0], meds),
        );
    }
  }
  return { patient: ctx, drafts };
}
