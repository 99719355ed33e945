/**
 * The review a prescriber's drafts are shown and signed with (issue 20, SAFETY). Each draft is reviewed as its
 * signing and the pharmacist's card review it: against the chart — the active regimen and the patient's other
 * orders signed and awaiting the pharmacist (loadChart) — without the orders it replaces. So a finding the
 * prescriber acknowledges on the card is the finding signing asks for and the pharmacist sees, same id: the
 * duplicate with an order awaiting review was missing from signing and the pharmacist's card while the draft list
 * showed it (reviewed there with every draft, returned ones included, under another id). Findings between the
 * prescriber's unsigned drafts (neither awaiting review nor returned) are added from reviewing those together:
 * each is found again, same id, when the second is signed against the first awaiting review. Pure over its inputs.
 */
import type { Resource } from '@medplum/fhirtypes';
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import {
  buildReviewInput,
  reviewPrescriptions,
  SEVERITY_RANK,
  type Finding,
} from '@qihuang/engines/prescription-review';
import {
  isAwaitingReview,
  isReturnedSigned,
  samePriorFindings,
  type PatientChart,
} from '@qihuang/pharmacy-review';
import type { FhirResource } from '@qihuang/store';
import { replacedIdsOf } from './prior-orders.ts';

/** The given drafts reviewed together against the chart, without themselves and the orders they replace. */
function reviewTogether(
  drugs: DrugKnowledgeBase,
  chart: PatientChart,
  drafts: FhirResource[],
  now: Date,
): Finding[] {
  const ids = new Set(drafts.map((d) => String(d.id)));
  // The orders the drafts replace stop when the change is signed: they are not duplicates of it (issue 20), nor
  // is an order that replaced one of them meanwhile (it is the one signing stops).
  const replaced = replacedIdsOf(drafts, chart.resources);
  const others = chart.resources.filter(
    (r) => !(r.resourceType === 'MedicationRequest' && (ids.has(String(r.id)) || replaced.has(String(r.id)))),
  );
  const input = buildReviewInput(others as unknown as Resource[], {
    now,
    draftOrders: drafts as unknown as Resource[],
  });
  return reviewPrescriptions(input, drugs).findings;
}

export function reviewForSigning(
  drugs: DrugKnowledgeBase,
  chart: PatientChart,
  drafts: FhirResource[],
  now: Date,
): Finding[] {
  if (drafts.length === 0) return [];
  const own = drafts.flatMap((d) => reviewTogether(drugs, chart, [d], now));
  const unsigned = drafts.filter((d) => !isAwaitingReview(d) && !isReturnedSigned(d));
  const between =
    unsigned.length > 1
      ? reviewTogether(drugs, chart, unsigned, now).filter(
          (f) => f.evidence.orders.filter((o) => o.draft).length > 1,
        )
      : [];
  // Two pending changes of one order (pharmacy-review same-prior.ts, issue 20/19): each draft against the orders
  // awaiting the pharmacist, as its card will find it once signed, and the unsigned drafts between them.
  const samePrior = [
    ...drafts.flatMap((d) => samePriorFindings([d], chart.resources, drugs)),
    ...(unsigned.length > 1 ? samePriorFindings(unsigned, chart.resources, drugs) : []),
  ];
  const seen = new Set<string>();
  // Critical first, as one review orders them (a stable sort keeps each review's order within a severity).
  return [...samePrior, ...own, ...between]
    .filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)))
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}
