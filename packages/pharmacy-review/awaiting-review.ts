/**
 * A signed order awaiting the pharmacist's review (docs/decisions/0017): with pharmacy review configured, care's
 * signing keeps the MedicationRequest `draft` (FHIR R4: not yet actionable, "requires … verification") with intent
 * `order` and this statusReason; the order it replaces stays active. Approval makes it `active` and completes the
 * replaced order(s) in one transaction; a return leaves it `draft` with the return's statusReason, back with the
 * prescriber. 《医疗机构处方审核规范》(国卫办医发〔2018〕14号): prescriptions are reviewed by a pharmacist before they
 * are charged and dispensed.
 */
import type { FhirResource } from '@qihuang/store';

export const STATUS_REASON_SYSTEM = 'urn:qihuang:pharmacy-review';

/** The prescriber's signature record on a signed order (valueString JSON: by, at, acknowledged) — one URL for care's
 * signing, the slip and the demo's signed orders. */
export const SIGNATURE_EXTENSION = 'urn:qihuang:signed';

/** statusReason of a signed order the pharmacist has not yet reviewed. */
export const AWAITING_REVIEW_REASON = {
  coding: [
    {
      system: STATUS_REASON_SYSTEM,
      code: 'awaiting-pharmacist-review',
      display: 'Awaiting pharmacist review',
    },
  ],
  text: 'Awaiting pharmacist review (待药师审核)',
};

/** statusReason of a signed order the pharmacist returned to the prescriber. */
export const RETURNED_REASON = {
  coding: [
    {
      system: STATUS_REASON_SYSTEM,
      code: 'returned-by-pharmacist',
      display: 'Returned by the pharmacist',
    },
  ],
  text: 'Returned by the pharmacist (药师退回)',
};

interface Shape {
  status?: string;
  intent?: string;
  statusReason?: { coding?: { system?: string; code?: string }[] };
  priorPrescription?: { reference?: string };
}

const reasonCode = (order: FhirResource) =>
  (order as Shape).statusReason?.coding?.find((c) => c.system === STATUS_REASON_SYSTEM)?.code;

/** Signed, not yet reviewed: draft, intent order, statusReason awaiting-pharmacist-review. */
export function isAwaitingReview(order: FhirResource): boolean {
  const mr = order as Shape;
  return mr.status === 'draft' && mr.intent === 'order' && reasonCode(order) === 'awaiting-pharmacist-review';
}

/** Signed, then returned by the pharmacist (still draft, back with the prescriber). */
export function isReturnedSigned(order: FhirResource): boolean {
  const mr = order as Shape;
  return mr.status === 'draft' && mr.intent === 'order' && reasonCode(order) === 'returned-by-pharmacist';
}

/** The order with its statusReason replaced (or removed when `reason` is undefined). */
export function withStatusReason<T extends FhirResource>(order: T, reason: object | undefined): T {
  const { statusReason: _old, ...rest } = order as T & { statusReason?: unknown };
  return (reason ? { ...rest, statusReason: reason } : rest) as T;
}

/** The ids of the orders this one replaces (priorPrescription MedicationRequest/<id>). */
export function priorIdOf(order: FhirResource): string | undefined {
  const ref = (order as Shape).priorPrescription?.reference;
  return ref?.startsWith('MedicationRequest/') ? ref.slice('MedicationRequest/'.length) : undefined;
}
