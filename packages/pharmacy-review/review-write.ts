/**
 * Writes the pharmacist's decision onto the order. An order signed in care and awaiting review (decision 0017)
 * changes status with the decision: approval makes it `active` and completes the still-active order(s) it
 * replaces (priorPrescription) in the same transaction; a return leaves it `draft` with the return's
 * statusReason, and the replaced order untouched. Any other order only gets the review record (its status is the
 * prescriber's). Version-checked against the order that was reviewed.
 */
import type { RequestContext } from '@qihuang/contracts';
import { processTransaction, type FhirRepository, type FhirResource } from '@qihuang/store';
import { isAwaitingReview, priorIdOf, RETURNED_REASON, withStatusReason } from './awaiting-review.ts';
import { withReview, type ReviewRecord } from './review-state.ts';

export async function writeDecision(
  repo: FhirRepository,
  ctx: RequestContext,
  order: FhirResource,
  record: ReviewRecord,
): Promise<FhirResource> {
  const id = String(order.id);
  const versionId = (order.meta as { versionId?: string } | undefined)?.versionId;
  const ifMatch = versionId ? { ifMatch: `W/"${versionId}"` } : {};
  const reviewed = withReview(order, record);
  if (!isAwaitingReview(order)) {
    return (await repo.update(ctx, 'MedicationRequest', id, reviewed, ifMatch)).resource;
  }
  const approved = record.state === 'approved';
  const next = approved
    ? { ...withStatusReason(reviewed, undefined), status: 'active' }
    : withStatusReason(reviewed, RETURNED_REASON);
  const priorId = approved ? priorIdOf(order) : undefined;
  const prior = priorId
    ? await repo.read(ctx, 'MedicationRequest', priorId).catch(() => undefined)
    : undefined;
  const stop = prior && (prior as { status?: string }).status === 'active' ? [prior] : [];
  await processTransaction(repo, ctx, {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { resource: next, request: { method: 'PUT', url: `MedicationRequest/${id}`, ...ifMatch } },
      ...stop.map((p) => {
        const v = (p.meta as { versionId?: string } | undefined)?.versionId;
        return {
          resource: { ...p, status: 'completed' },
          request: {
            method: 'PUT',
            url: `MedicationRequest/${String(p.id)}`,
            ...(v ? { ifMatch: `W/"${v}"` } : {}),
          },
        };
      }),
    ],
  });
  return repo.read(ctx, 'MedicationRequest', id);
}
