/**
 * The order a change replaces (issue 20/19, SAFETY). A switch (由氢氯噻嗪换药) or a dose change names the order it
 * replaces in FHIR R4 `MedicationRequest.priorPrescription`. When the change becomes actionable (signed without
 * pharmacy review, or approved by the pharmacist, decision 0017), that order becomes `stopped` — R4: "actions
 * implied by the prescription are to be permanently halted, before all of the administrations occurred"; not
 * `completed`, which says they all occurred — with statusReason `replaced`, in the same transaction as the change;
 * who stopped it is recorded (the signature's Provenance, or the pharmacist's review record `stopped`). The order named may itself have been replaced in the
 * meantime (a dose change approved first): the patient's current order in that chain is the one replaced, so the
 * old and the new drug are never active together.
 */
import type { FhirResource } from '@qihuang/store';
import { priorIdOf } from './awaiting-review.ts';

/** Code system of our own MedicationRequest status reasons (R4's example value set has no "replaced"). */
export const ORDER_STATUS_REASON_SYSTEM = 'urn:qihuang:order-status-reason';

/** statusReason of an order stopped because a change (switch or dose change) replaced it. */
export const REPLACED_REASON = {
  coding: [{ system: ORDER_STATUS_REASON_SYSTEM, code: 'replaced', display: 'Replaced by a new order' }],
  text: 'Replaced by a new order (已由新医嘱替换)',
};

const CURRENT = new Set(['active', 'on-hold']);
const statusOf = (r: FhirResource) => (r as { status?: string }).status ?? '';
const isOrder = (r: FhirResource) => r.resourceType === 'MedicationRequest';

/**
 * The patient's current (active or on-hold) order that `priorId` stands for: that order while it is current, else
 * its current successor — the order whose priorPrescription names it — followed down the chain. Undefined when
 * the chain ends in no current order (the drug was stopped altogether). `orders`: the patient's orders.
 */
export function currentPrior(
  priorId: string | undefined,
  orders: readonly FhirResource[],
): FhirResource | undefined {
  const seen = new Set<string>();
  let id = priorId;
  while (id && !seen.has(id)) {
    seen.add(id);
    const named = orders.find((r) => isOrder(r) && r.id === id);
    if (named && CURRENT.has(statusOf(named))) return named;
    const next = orders.find((r) => isOrder(r) && CURRENT.has(statusOf(r)) && priorIdOf(r) === id);
    id = next ? String(next.id) : undefined;
  }
  return undefined;
}

/** The replaced order as it is stored: `stopped`, statusReason replaced (other fields kept). */
export function stoppedAsReplaced(prior: FhirResource): FhirResource {
  return { ...prior, status: 'stopped', statusReason: REPLACED_REASON } as FhirResource;
}

/**
 * The Provenance of a stop made by a clinician's signature (no pharmacy review): the replaced order, the order
 * replacing it, who and when. (A pharmacist's approval records it on the review record: pharmacists write orders.)
 */
export function replacementProvenance(
  priorId: string,
  newId: string,
  at: string,
  who: { reference?: string; display: string },
): FhirResource {
  return {
    resourceType: 'Provenance',
    target: [{ reference: `MedicationRequest/${priorId}` }],
    recorded: at,
    activity: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation',
          code: 'ABORT',
          display: 'abort',
        },
      ],
      text: `Stopped: replaced by MedicationRequest/${newId}`,
    },
    agent: [
      {
        type: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
              code: 'author',
            },
          ],
        },
        who,
      },
    ],
    entity: [{ role: 'revision', what: { reference: `MedicationRequest/${newId}` } }],
  } as FhirResource;
}
