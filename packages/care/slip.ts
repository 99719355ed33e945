/**
 * The printed prescription slip (处方笺, issue 20): the order, the patient (name in the language's order, sex,
 * age, MRN), the diagnoses, one Rp line per medicine (the drug knowledge base's name in the reader's language,
 * strength, dose, route, frequency, quantity and days), prescriber, the pharmacist's review and the hospital's
 * name, all in one language. `slipFrom` is pure; `prescriptionSlip` reads the records.
 */
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import { isAwaitingReview, readReview, SIGNATURE_EXTENSION } from '@qihuang/pharmacy-review';
import type { FhirResource } from '@qihuang/store';
import { conditionText, type TranslatableConcept } from './concept-text.ts';
import { assertClinicalSide, nowOf, type CareDeps } from './deps.ts';
import { drugIdOf, drugTextIn } from './drug-text.ts';
import { departmentOf } from './slip-department.ts';
import { careSettings } from './settings.ts';
import { frequencyText, TABLET, unitIn } from './draft-dosage.ts';
import type { PrescriptionSlip } from './api-types/index.ts';

export type { PrescriptionSlip };

type Lang = 'zh' | 'en';
type Drugs = Parameters<typeof drugTextIn>[2];

interface Order {
  id: string;
  status: string;
  authoredOn?: string;
  subject?: { reference?: string };
  requester?: { display?: string };
  medicationCodeableConcept?: {
    text?: string;
    coding?: { system?: string; code?: string; display?: string }[];
  };
  dosageInstruction?: {
    text?: string;
    timing?: { repeat?: { frequency?: number; period?: number; periodUnit?: string; when?: string[] } };
    route?: { text?: string; coding?: { code?: string }[] };
    doseAndRate?: { doseQuantity?: { value?: number; unit?: string; code?: string } }[];
  }[];
  dispenseRequest?: {
    quantity?: { value?: number; unit?: string; code?: string };
    expectedSupplyDuration?: { value?: number; unit?: string; code?: string };
  };
  reasonCode?: TranslatableConcept[];
  extension?: { url: string; valueString?: string }[];
}

interface PatientRecord {
  id?: string;
  gender?: string;
  birthDate?: string;
  name?: { text?: string; family?: string; given?: string[] }[];
  identifier?: { value?: string; system?: string; type?: { coding?: { code?: string }[] } }[];
}

const ORAL = '26643006'; // SNOMED CT oral route
const CJK = /[\u3400-\u9fff]/;
const SEX: Record<string, { zh: string; en: string }> = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
  other: { zh: '其他', en: 'Other' },
  unknown: { zh: '未知', en: 'Unknown' },
};

/**
 * A name as it is written: a Chinese name family first with no space (王秀英) in both languages; a name in Latin
 * letters given first ("Marcos Barrows") in both languages too — a Western name is never turned round on a
 * Chinese slip (issue 20).
 */
export function nameIn(patient: PatientRecord | undefined, _lang: Lang): string | undefined {
  const n = patient?.name?.[0];
  if (!n) return undefined;
  const chinese = CJK.test(`${n.family ?? ''}${(n.given ?? []).join('')}`);
  const given = (n.given ?? []).join(chinese ? '' : ' ');
  if (!n.family && !given) return n.text;
  if (chinese) return `${n.family ?? ''}${given}`.trim();
  return `${given} ${n.family ?? ''}`.trim();
}

/** Year, month and day of an instant on the wall clock of `timeZone` (UTC without one). */
function dayIn(now: Date, timeZone: string | undefined): [number, number, number] {
  if (timeZone) {
    try {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
          .formatToParts(now)
          .map((p) => [p.type, p.value]),
      );
      return [Number(parts.year), Number(parts.month), Number(parts.day)];
    } catch {
      // Unknown zone: UTC below.
    }
  }
  return [now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()];
}

/** Age in whole years on the day `now` falls on in the hospital's zone (issue 20: 00:33 in Shanghai is 12-08). */
export function ageAt(birthDate: string | undefined, now: Date, timeZone?: string): number | undefined {
  const m = birthDate?.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  const [ny, nm, nd] = dayIn(now, timeZone);
  let age = ny - y;
  if (nm < mo || (nm === mo && nd < d)) age -= 1;
  return age >= 0 ? age : undefined;
}

function mrnOf(patient: PatientRecord | undefined): string | undefined {
  const ids = patient?.identifier ?? [];
  const mr = ids.find((i) => i.type?.coding?.some((c) => c.code === 'MR')) ?? ids[0];
  return mr?.value;
}

const STRENGTH = /\s*((?:[\d.]+\s*(?:mg|g|µg|mcg)?\s*\/\s*)*[\d.]+\s*(?:mg|g|µg|mcg))\b.*$/i;

/** A quantity in tablets: UCUM {tbl}, or 'tablet'/'片' as another system writes it (said in the slip's language). */
const isTablet = (q: { unit?: string; code?: string }) =>
  q.code === '{tbl}' || q.unit === TABLET || q.unit === '片';

function lineOf(order: Order, lang: Lang, drugs: Drugs): PrescriptionSlip['lines'][number] {
  const text = order.medicationCodeableConcept?.text ?? '';
  const strength = text.match(STRENGTH)?.[1]?.replace(/\s+/g, ' ');
  const name = strength ? text.replace(STRENGTH, '') : text;
  const drug = drugTextIn(name, lang, drugs, drugIdOf(order.medicationCodeableConcept)) || text;
  const d = order.dosageInstruction?.[0];
  const q = d?.doseAndRate?.[0]?.doseQuantity;
  // Tablets (a combination's edited dose, {tbl}) in the reader's language: 2片 / 2 tablets (issue 20).
  const tablets = q?.code === '{tbl}' || q?.unit === TABLET;
  const dose =
    q?.value === undefined
      ? undefined
      : tablets
        ? `${q.value} ${unitIn(TABLET, lang, q.value)}`
        : `${q.value} ${q.unit ?? q.code ?? ''}`.trim();
  const oral = d?.route?.coding?.some((c) => c.code === ORAL) || /^oral$/i.test(d?.route?.text ?? '');
  const route = oral ? (lang === 'zh' ? '口服' : 'Oral') : d?.route?.text;
  // Daily 1–4 times, or once nightly (qn) after an edit.
  const frequency = frequencyText(d, lang);
  const qty = order.dispenseRequest?.quantity;
  const supply = order.dispenseRequest?.expectedSupplyDuration;
  const days =
    supply?.value !== undefined && /^(d|day|days|天)$/i.test(supply.code ?? supply.unit ?? 'd')
      ? supply.value
      : undefined;
  return {
    drug,
    ...(strength ? { strength } : {}),
    ...(dose ? { dose } : {}),
    ...(route ? { route } : {}),
    ...(frequency ? { frequency } : {}),
    ...(qty?.value !== undefined
      ? {
          quantity:
            `${qty.value} ${isTablet(qty) ? unitIn(TABLET, lang, qty.value) : (qty.unit ?? '')}`.trim(),
        }
      : {}),
    ...(days !== undefined ? { days } : {}),
  };
}

function activeDiagnoses(conditions: FhirResource[], lang: Lang): string[] {
  const out = conditions
    .map(
      (c) =>
        c as unknown as {
          clinicalStatus?: { coding?: { code?: string }[] };
          verificationStatus?: { coding?: { code?: string }[] };
          code?: TranslatableConcept;
        },
    ) // prettier-ignore
    .filter((c) => {
      const status = c.clinicalStatus?.coding?.[0]?.code;
      const verification = c.verificationStatus?.coding?.[0]?.code;
      return (
        (!status || status === 'active') &&
        verification !== 'entered-in-error' &&
        verification !== 'refuted' &&
        // A condition the patient reported and no clinician has confirmed is no diagnosis on a prescription (issue 20).
        verification !== 'unconfirmed'
      );
    })
    // The concept lexicon's name in the slip's language when the record has none, never a SNOMED tag (issue 20).
    .map((c) => conditionText(c.code, lang))
    .filter(Boolean);
  return [...new Set(out)];
}

export function slipFrom(input: {
  order: FhirResource;
  patient?: FhirResource;
  conditions: FhirResource[];
  hospital?: string;
  department?: string;
  lang: Lang;
  drugs: Drugs;
  now: Date;
  /** The hospital's IANA zone: the age is counted on its day. */
  timeZone?: string;
}): PrescriptionSlip {
  const order = input.order as unknown as Order;
  const patient = input.patient as unknown as PatientRecord | undefined;
  const { lang } = input;
  const signature = order.extension?.find((e) => e.url === SIGNATURE_EXTENSION)?.valueString;
  const signed = signature ? (JSON.parse(signature) as { by?: string; at?: string }) : undefined;
  const review = readReview(input.order);
  const diagnoses = activeDiagnoses(input.conditions, lang);
  const name = nameIn(patient, lang);
  const sex = patient?.gender ? SEX[patient.gender]?.[lang] : undefined;
  const ageYears = ageAt(patient?.birthDate, input.now, input.timeZone);
  const mrn = mrnOf(patient);
  const prescriber = signed?.by ?? order.requester?.display;
  return {
    id: order.id,
    status: order.status,
    signed: order.status === 'active' || order.status === 'completed',
    // Signed and with the pharmacist: not a prescription to dispense until approved (decision 0017).
    ...(isAwaitingReview(input.order) ? { awaitingReview: true as const } : {}),
    ...(input.hospital ? { hospital: input.hospital } : {}),
    patient: {
      id: (order.subject?.reference ?? '').replace(/^Patient\//, ''),
      ...(name ? { name } : {}),
      ...(sex ? { sex } : {}),
      ...(ageYears !== undefined ? { ageYears } : {}),
      ...(mrn ? { mrn } : {}),
    },
    ...(input.department ? { department: input.department } : {}),
    diagnoses:
      diagnoses.length > 0
        ? diagnoses
        : (order.reasonCode ?? []).map((c) => conditionText(c, lang)).filter(Boolean),
    lines: [lineOf(order, lang, input.drugs)],
    ...(prescriber ? { prescriber } : {}),
    ...(signed?.at ? { signedAt: signed.at } : {}),
    ...(order.authoredOn ? { authoredOn: order.authoredOn } : {}),
    ...(review.state !== 'pending'
      ? {
          review: {
            state: review.state,
            ...((review.byName ?? review.by) ? { by: review.byName ?? review.by } : {}),
            ...(review.at ? { at: review.at } : {}),
          },
        }
      : {}),
  };
}

/** The slip of one MedicationRequest, for the care team (patients and others: 404/403 as elsewhere). */
export async function prescriptionSlip(
  deps: CareDeps & { hospitalName?: string },
  ctx: RequestContext,
  mrid: string,
  lang: Lang,
): Promise<PrescriptionSlip> {
  assertClinicalSide(ctx);
  const order = await deps.repository.read(ctx, 'MedicationRequest', mrid).catch(() => undefined);
  if (!order) throw new QihuangError('not-found', `MedicationRequest/${mrid} is not known`);
  const ref = (order as { subject?: { reference?: string } }).subject?.reference ?? '';
  const patientId = ref.replace(/^Patient\//, '');
  const [patient, conditions, department] = await Promise.all([
    deps.repository.read(ctx, 'Patient', patientId).catch(() => undefined),
    deps.repository.searchAll(ctx, 'Condition', [['patient', patientId]]),
    departmentOf(deps, ctx, order, lang),
  ]);
  return slipFrom({
    order,
    ...(patient ? { patient } : {}),
    conditions,
    ...(deps.hospitalName ? { hospital: deps.hospitalName } : {}),
    ...(department ? { department } : {}),
    lang,
    drugs: deps.drugs,
    now: nowOf(deps),
    timeZone: careSettings(deps).timeZone,
  });
}
