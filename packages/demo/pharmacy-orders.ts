/**
 * Recent medication orders for the pharmacist's review queue (前置审方, /pharmacy). The queue lists only orders
 * written within the review window (7 days), and the Synthea orders are years old, so without these the queue of a
 * fresh demo is empty. SYNTHETIC: invented orders for synthetic patients, written by two invented prescribers; not
 * clinical advice. Each order is chosen so that the review engine itself (packages/engines/prescription-review,
 * with the drug knowledge base) finds something of a different kind or severity against the patient's demo chart;
 * no finding is written here:
 *
 * - Gayla Ferry (89, on hydrochlorothiazide and naproxen) — lisinopril: NSAID + ACE inhibitor + diuretic, the
 *   "triple whammy" (REFERENCE §6 row 4, Lapi et al. BMJ 2013) — warning; and the same lisinopril ordered again
 *   by the other prescriber, both awaiting review: each card finds the same drug twice (duplicate ingredient),
 *   naming the other order — critical (issue 20/19: the same-drug pending duplicate, seen in the console).
 * - Marcos Barrows (75, gout, on hydrochlorothiazide) — chlorthalidone: thiazide-like diuretic in gout,
 *   contraindicated (REFERENCE §5.2, China 2018 hypertension guideline) — critical; a switch from his
 *   hydrochlorothiazide ("Switch from hydrochlorothiazide"), so it names that order in priorPrescription: the card
 *   says it replaces it (no same-class duplication) and approval stops it (issue 20/19: both stayed active);
 *   amlodipine 5 mg: above the label's 2.5 mg start dose for older adults (REFERENCE §5.1a, amlodipine US label
 *   §2.1) — info.
 * - George Kutch (59) — amlodipine 5 mg (signed): nothing to find; simvastatin 40 mg with it: above the 20 mg/day
 *   cap with amlodipine (REFERENCE §6 row 6, FDA Drug Safety Communication June 2011, simvastatin label §2.3) —
 *   warning.
 * - Jermaine Breitenberg (52) — amlodipine 20 mg daily: twice the 10 mg/day maximum (REFERENCE §5.1a, amlodipine
 *   US label §2.1), which the engine grades critical as a likely unit or decimal error; losartan 50 mg (signed):
 *   nothing to find.
 *
 * Times are relative to the seed's `now` (1–20 hours earlier), ids are stable, and a setting records that they were
 * written, so they are written once (a demo database seeded before these existed gets them on its next start).
 * A second setting (v2) brings a database seeded with the first set up to date: the orders added since, and the
 * chlorthalidone switch's priorPrescription while that order still awaits its review.
 */
import type { RequestContext } from '@qihuang/contracts';
import {
  AWAITING_REVIEW_REASON,
  SIGNATURE_EXTENSION,
  isAwaitingReview,
  readReview,
} from '@qihuang/pharmacy-review';
import { processTransaction, type FhirRepository, type FhirResource } from '@qihuang/store';

export const PHARMACY_ORDERS_KEY = 'demo-pharmacy-orders-v1';
/** The v2 upgrade: orders added since v1 and the switch's priorPrescription (issue 20/19). */
export const PHARMACY_ORDERS_V2_KEY = 'demo-pharmacy-orders-v2';
/** Marks every resource written here as synthetic demo data. */
export const DEMO_TAG = {
  system: 'urn:qihuang:demo',
  code: 'synthetic',
  display: 'Synthetic demo data',
} as const;

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const UCUM = 'http://unitsofmeasure.org';
const SNOMED = 'http://snomed.info/sct';
const HOUR_MS = 3_600_000;

export const DEMO_PRESCRIBERS = [
  { id: 'demo-prescriber-zhang', family: 'Zhang', given: 'Wei', specialty: 'Cardiology' },
  { id: 'demo-prescriber-li', family: 'Li', given: 'Min', specialty: 'General practice' },
] as const;

/** Synthea demo patients (data/synthea-r4, synthetic) whose charts the orders are reviewed against. */
const PATIENT = {
  gaylaFerry: '77155e2b-5d21-4b47-86f0-4004183d68b2',
  marcosBarrows: 'c4d8bbb7-7214-4260-8a67-065f51f0af18',
  /** Mr Barrows' hydrochlorothiazide 25 mg (Synthea, active): the order his chlorthalidone replaces. */
  barrowsHctz: '9eed5258-33f8-4598-a8db-4c6022ae5f52',
  georgeKutch: 'b3873037-a455-4558-a066-9faaed01b673',
  jermaineBreitenberg: 'c931bf62-c468-49f1-9ef7-93ccbc949a87',
} as const;

export interface DemoOrder {
  id: string;
  patientId: string;
  prescriberId: string;
  hoursAgo: number;
  /** draft = written, not yet signed; active = signed. */
  status: 'draft' | 'active';
  /** RxNorm ingredient code, as the drug knowledge base lists it. */
  rxnorm: { code: string; display: string };
  text: string;
  /** The medicine in Chinese, by the drug knowledge base's zh name (a zh screen shows it; issue 20). */
  textZh: string;
  doseMg: number;
  /** Administrations per day. */
  timesPerDay: number;
  dosage: string;
  note?: string;
  /** The note in Chinese, written beside it as FHIR's translation (the pharmacist's zh card shows it; issue 20). */
  noteZh?: string;
  /** A switch: the patient's order it replaces (priorPrescription), stopped when it is approved (issue 20/19). */
  replaces?: { id: string; display: string };
}

export const DEMO_ORDERS: readonly DemoOrder[] = [
  {
    id: 'demo-rx-ferry-lisinopril',
    patientId: PATIENT.gaylaFerry,
    prescriberId: 'demo-prescriber-zhang',
    hoursAgo: 20,
    status: 'draft',
    rxnorm: { code: '29046', display: 'lisinopril' },
    text: 'Lisinopril 10 mg oral tablet',
    textZh: '赖诺普利 10 mg 片',
    doseMg: 10,
    timesPerDay: 1,
    dosage: '10 mg by mouth once daily',
  },
  {
    id: 'demo-rx-ferry-lisinopril-2',
    patientId: PATIENT.gaylaFerry,
    prescriberId: 'demo-prescriber-li',
    hoursAgo: 2,
    status: 'draft',
    rxnorm: { code: '29046', display: 'lisinopril' },
    text: 'Lisinopril 10 mg oral tablet',
    textZh: '赖诺普利 10 mg 片',
    doseMg: 10,
    timesPerDay: 1,
    dosage: '10 mg by mouth once daily',
  },
  {
    id: 'demo-rx-barrows-chlorthalidone',
    patientId: PATIENT.marcosBarrows,
    prescriberId: 'demo-prescriber-li',
    hoursAgo: 3,
    status: 'draft',
    rxnorm: { code: '2409', display: 'chlorthalidone' },
    text: 'Chlorthalidone 12.5 mg oral tablet',
    textZh: '氯噻酮 12.5 mg 片',
    doseMg: 12.5,
    timesPerDay: 1,
    dosage: '12.5 mg by mouth once daily',
    note: 'Switch from hydrochlorothiazide: home BP above target.',
    noteZh: '由氢氯噻嗪换药：家庭血压高于目标。',
    replaces: { id: PATIENT.barrowsHctz, display: 'Hydrochlorothiazide 25 MG' },
  },
  {
    id: 'demo-rx-barrows-amlodipine',
    patientId: PATIENT.marcosBarrows,
    prescriberId: 'demo-prescriber-li',
    hoursAgo: 3,
    status: 'draft',
    rxnorm: { code: '17767', display: 'amlodipine' },
    text: 'Amlodipine 5 mg oral tablet',
    textZh: '氨氯地平 5 mg 片',
    doseMg: 5,
    timesPerDay: 1,
    dosage: '5 mg by mouth once daily',
  },
  {
    id: 'demo-rx-kutch-amlodipine',
    patientId: PATIENT.georgeKutch,
    prescriberId: 'demo-prescriber-zhang',
    hoursAgo: 9,
    status: 'active',
    rxnorm: { code: '17767', display: 'amlodipine' },
    text: 'Amlodipine 5 mg oral tablet',
    textZh: '氨氯地平 5 mg 片',
    doseMg: 5,
    timesPerDay: 1,
    dosage: '5 mg by mouth once daily',
  },
  {
    id: 'demo-rx-kutch-simvastatin',
    patientId: PATIENT.georgeKutch,
    prescriberId: 'demo-prescriber-zhang',
    hoursAgo: 8,
    status: 'draft',
    rxnorm: { code: '36567', display: 'simvastatin' },
    text: 'Simvastatin 40 mg oral tablet',
    textZh: '辛伐他汀 40 mg 片',
    doseMg: 40,
    timesPerDay: 1,
    dosage: '40 mg by mouth once daily in the evening',
  },
  {
    id: 'demo-rx-breitenberg-amlodipine',
    patientId: PATIENT.jermaineBreitenberg,
    prescriberId: 'demo-prescriber-li',
    hoursAgo: 1,
    status: 'draft',
    rxnorm: { code: '17767', display: 'amlodipine' },
    text: 'Amlodipine 10 mg oral tablet',
    textZh: '氨氯地平 10 mg 片',
    doseMg: 20,
    timesPerDay: 1,
    dosage: '20 mg (two tablets) by mouth once daily',
  },
  {
    id: 'demo-rx-breitenberg-losartan',
    patientId: PATIENT.jermaineBreitenberg,
    prescriberId: 'demo-prescriber-li',
    hoursAgo: 14,
    status: 'active',
    rxnorm: { code: '52175', display: 'losartan' },
    text: 'Losartan potassium 50 mg oral tablet',
    textZh: '氯沙坦钾 50 mg 片',
    doseMg: 50,
    timesPerDay: 1,
    dosage: '50 mg by mouth once daily',
  },
];

function practitioner(p: (typeof DEMO_PRESCRIBERS)[number]): FhirResource {
  return {
    resourceType: 'Practitioner',
    id: p.id,
    meta: { tag: [DEMO_TAG] },
    active: true,
    name: [{ family: p.family, given: [p.given], prefix: ['Dr'] }],
    qualification: [{ code: { text: p.specialty } }],
  };
}

/** Chinese for a text element, as FHIR's translation extension (a zh screen reads it; issue 20). */
function zhTranslation(content: string) {
  return {
    extension: [
      {
        url: 'http://hl7.org/fhir/StructureDefinition/translation',
        extension: [
          { url: 'lang', valueCode: 'zh-CN' },
          { url: 'content', valueString: content },
        ],
      },
    ],
  };
}

/** The order as the review engine reads it: medication coding/text, dose, frequency, requester, authoredOn, status. */
export function demoMedicationRequest(order: DemoOrder, now: Date): FhirResource {
  const authoredOn = new Date(now.getTime() - order.hoursAgo * HOUR_MS).toISOString();
  const prescriber = DEMO_PRESCRIBERS.find((p) => p.id === order.prescriberId);
  // A draft order in the queue is one the prescriber signed and the pharmacist has not yet reviewed (decision 0017):
  // the awaiting statusReason and care's signature record (the extension care's signing writes),
  // so the doctor's screens show it as signed and awaiting review, and approval activates it.
  const awaiting =
    order.status === 'draft'
      ? {
          statusReason: AWAITING_REVIEW_REASON,
          extension: [
            {
              url: SIGNATURE_EXTENSION,
              valueString: JSON.stringify({
                by: prescriber ? `Dr ${prescriber.given} ${prescriber.family}` : 'Dr',
                at: authoredOn,
                acknowledged: [],
              }),
            },
          ],
        }
      : {};
  return {
    resourceType: 'MedicationRequest',
    id: order.id,
    meta: { tag: [DEMO_TAG] },
    status: order.status,
    intent: 'order',
    ...awaiting,
    medicationCodeableConcept: {
      coding: [{ system: RXNORM, code: order.rxnorm.code, display: order.rxnorm.display }],
      text: order.text,
      _text: zhTranslation(order.textZh),
    },
    subject: { reference: `Patient/${order.patientId}` },
    authoredOn,
    requester: { reference: `Practitioner/${order.prescriberId}` },
    ...(order.replaces
      ? {
          priorPrescription: {
            reference: `MedicationRequest/${order.replaces.id}`,
            display: order.replaces.display,
          },
        }
      : {}),
    ...(order.note
      ? {
          note: [{ text: order.note, ...(order.noteZh ? { _text: zhTranslation(order.noteZh) } : {}) }],
        }
      : {}),
    dosageInstruction: [
      {
        text: order.dosage,
        timing: { repeat: { frequency: order.timesPerDay, period: 1, periodUnit: 'd' } },
        route: { coding: [{ system: SNOMED, code: '26643006', display: 'Oral route' }], text: 'oral' },
        doseAndRate: [{ doseQuantity: { value: order.doseMg, unit: 'mg', system: UCUM, code: 'mg' } }],
      },
    ],
  };
}

/**
 * Writes the prescribers and the orders once (setting PHARMACY_ORDERS_KEY), then brings a database seeded with
 * an earlier set up to date (PHARMACY_ORDERS_V2_KEY); orders of a demo patient that is not in the database are
 * left out. Returns how many orders were written (0 when already done).
 */
export async function seedPharmacyOrders(
  repo: FhirRepository,
  ctx: RequestContext,
  now: Date,
): Promise<number> {
  const first = await seedFirstSet(repo, ctx, now);
  return first + (await upgradeOrders(repo, ctx, now));
}

const settingDone = async (repo: FhirRepository, key: string) =>
  !!(await repo.db.selectFrom('kv_setting').select('key').where('key', '=', key).executeTakeFirst());

/**
 * v2 (issue 20/19): the orders added since v1 (Mrs Ferry's second lisinopril), and the chlorthalidone switch's
 * priorPrescription on an order still awaiting its review (a reviewed one keeps what the pharmacist decided on).
 */
async function upgradeOrders(repo: FhirRepository, ctx: RequestContext, now: Date): Promise<number> {
  if (await settingDone(repo, PHARMACY_ORDERS_V2_KEY)) return 0;
  let written = 0;
  for (const order of DEMO_ORDERS) {
    const patient = await repo.read(ctx, 'Patient', order.patientId).catch(() => undefined);
    if (!patient) continue;
    const stored = await repo.read(ctx, 'MedicationRequest', order.id).catch(() => undefined);
    if (!stored) {
      await repo.update(ctx, 'MedicationRequest', order.id, demoMedicationRequest(order, now));
      written += 1;
    } else if (
      order.replaces &&
      !(stored as { priorPrescription?: unknown }).priorPrescription &&
      isAwaitingReview(stored) &&
      readReview(stored).state === 'pending'
    ) {
      const priorPrescription = {
        reference: `MedicationRequest/${order.replaces.id}`,
        display: order.replaces.display,
      };
      await repo.update(ctx, 'MedicationRequest', order.id, { ...stored, priorPrescription });
    }
  }
  await repo.db
    .insertInto('kv_setting')
    .values({
      key: PHARMACY_ORDERS_V2_KEY,
      value: JSON.stringify({ at: now.toISOString(), orders: written }),
    })
    .execute();
  return written;
}

async function seedFirstSet(repo: FhirRepository, ctx: RequestContext, now: Date): Promise<number> {
  if (await settingDone(repo, PHARMACY_ORDERS_KEY)) return 0;
  const present = new Set<string>();
  for (const id of new Set(DEMO_ORDERS.map((o) => o.patientId)))
    if (
      await repo.read(ctx, 'Patient', id).then(
        () => true,
        () => false,
      )
    )
      present.add(id);
  const orders = DEMO_ORDERS.filter((o) => present.has(o.patientId));
  if (orders.length > 0) {
    const resources = [
      ...DEMO_PRESCRIBERS.map(practitioner),
      ...orders.map((o) => demoMedicationRequest(o, now)),
    ];
    await processTransaction(repo, ctx, {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: resources.map((resource) => ({
        resource,
        request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` },
      })),
    });
  }
  await repo.db
    .insertInto('kv_setting')
    .values({
      key: PHARMACY_ORDERS_KEY,
      value: JSON.stringify({ at: now.toISOString(), orders: orders.length }),
    })
    .execute();
  return orders.length;
}
