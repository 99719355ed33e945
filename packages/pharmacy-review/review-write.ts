/**
 * Writes the pharmacist's decision onto the order. An order signed in care and awaiting review (decision 0017)
 * changes status with the decision: approval makes it `active` and stops the order it replaces (priorPrescription;
 * refused with 409 when another change replaced that order since: same-prior.ts) — `stopped`, statusReason replaced, named in the
 * review record (`stopped`) beside the pharmacist and time — in the same transaction (audited as one); a return leaves it `draft` with the return's statusReason, and
 * the replaced order untouched. Any other order only gets the review record (its status is the prescriber's).
 * Version-checked against the order that was reviewed and the order stopped.
 */
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import { processTransaction, type FhirRepository, type FhirResource } from '@qihuang/store';
import { isAwaitingReview, priorIdOf, RETURNED_REASON, withStatusReason } from './awaiting-review.ts';
import { currentPrior, stoppedAsReplaced } from './replaced-order.ts';
import { withReview, type ReviewRecord } from './review-state.ts';
import { medicationText, patientIdOf } from './review-order.ts';

const ifMatchOf = (r: FhirResource) => {
  const v = (r.meta as { versionId?: string } | undefined)?.versionId;
  return v ? { ifMatch: `W/"${v}"` } : {};
};

/** The patient's order the approved one replaces now (undefined when it names none or none is current). */
async function replacedOrder(
  repo: FhirRepository,
  ctx: RequestContext,
  order: FhirResource,
): Promise<FhirResource | undefined> {
  const priorId = priorIdOf(order);
  const patientId = patientIdOf(order);
  if (!priorId || !patientId) return undefined;
  const current = await repo.searchAll(ctx, 'MedicationRequest', [
    ['patient', patientId],
    ['status', 'active,on-hold'],
  ]);
  return currentPrior(priorId, current);
}

export async function writeDecision(
  repo: FhirRepository,
  ctx: RequestContext,
  order: FhirResource,
  record: ReviewRecord,
): Promise<FhirResource> {
  const id = String(order.id);
  if (!isAwaitingReview(order)) {
    const reviewed = withReview(order, record);
    return (await repo.update(ctx, 'MedicationRequest', id, reviewed, ifMatchOf(order))).resource;
  }
  const approved = record.state === 'approved';
  const prior = approved ? await replacedOrder(repo, ctx, order) : undefined;
  // The order it names was replaced by another change since it was signed (same-prior.ts, issue 20/19): approving
  // would stop that change and start this one with no one choosing — refused (the route says it in the caller's words).
  if (prior && String(prior.id) !== priorIdOf(order))
    throw new QihuangError(
      'conflict',
      `MedicationRequest/${id} cannot be approved: the order it replaces was already replaced by MedicationRequest/${String(prior.id)}`,
    );
  // The review record names the order the approval stopped: who stopped it, when and why stay on the record.
  const reviewed = withReview(
    order,
    prior ? { ...record, stopped: `MedicationRequest/${String(prior.id)}` } : record,
  );
  const next = approved
    ? {
        ...withStatusReason(reviewed, undefined),
        status: 'active',
        // The order it actually replaced (the one named may have been replaced meanwhile).
        ...(prior
          ? {
              priorPrescription: {
                reference: `MedicationRequest/${String(prior.id)}`,
                display: medicationText(prior),
              },
            }
          : {}),
      }
    : withStatusReason(reviewed, RETURNED_REASON);
  await processTransaction(repo, ctx, {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { resource: next, request: { method: 'PUT', url: `MedicationRequest/${id}`, ...ifMatchOf(order) } },
      ...(prior
        ? [
            {
              resource: stoppedAsReplaced(prior),
              request: { method: 'PUT', url: `MedicationRequest/${String(prior.id)}`, ...ifMatchOf(prior) },
            },
          ]
        : []),
    ],
  });
  return repo.read(ctx, 'MedicationRequest', id);
}
