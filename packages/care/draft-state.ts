/**
 * Where a prescription draft stands (docs/decisions/0017): an unsigned proposal, signed and with the pharmacist
 * (awaiting review — `draft`, intent `order`, statusReason awaiting-pharmacist-review), or returned by the
 * pharmacist to the prescriber. Pure.
 */
import { isAwaitingReview, readReview } from '@qihuang/pharmacy-review';
import type { FhirResource } from '@qihuang/store';

export const PROPOSAL_TAG = { system: 'urn:qihuang:care', code: 'treatment-proposal' };

interface Shape {
  status?: string;
  intent?: string;
  meta?: { tag?: { code?: string }[] };
}

const tagged = (d: FhirResource) =>
  (d as Shape).meta?.tag?.some((t) => t.code === PROPOSAL_TAG.code) ?? false;

/** The engine's proposal, not yet signed (intent proposal, status draft). */
export function isUnsignedProposal(d: FhirResource): boolean {
  const mr = d as Shape;
  return mr.status === 'draft' && mr.intent !== 'order' && tagged(d);
}

/** The proposals a new proposal withdraws: unsigned ones only (a signed order awaiting review stays). */
export function unsignedProposals(drafts: FhirResource[]): FhirResource[] {
  return drafts.filter(isUnsignedProposal);
}

/** Returned by the pharmacist and still a draft: back with the prescriber. */
export function isReturnedDraft(d: FhirResource): boolean {
  return (d as Shape).status === 'draft' && readReview(d).state === 'returned';
}

/** A draft the prescriber has to act on (sign, revise or withdraw): not one waiting for the pharmacist. */
export function needsPrescriber(d: FhirResource): boolean {
  if (isAwaitingReview(d)) return false;
  return isUnsignedProposal(d) || isReturnedDraft(d);
}
