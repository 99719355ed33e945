/**
 * Where a prescription draft stands for the prescriber (docs/decisions/0017): unsigned (sign, withdraw), signed
 * and with the pharmacist (not yet the patient's medication: no signing, no acknowledging; withdraw only),
 * returned by the pharmacist (revise or withdraw), signed (active), or another final state.
 */
import type { DraftView } from '../../api/care.ts';

export type DraftPhase = 'unsigned' | 'awaiting-review' | 'returned' | 'signed' | 'closed';

export function draftPhase(draft: Pick<DraftView, 'status' | 'returned' | 'awaitingReview'>): DraftPhase {
  if (draft.status === 'active') return 'signed';
  if (draft.status !== 'draft') return 'closed';
  if (draft.awaitingReview) return 'awaiting-review';
  if (draft.returned) return 'returned';
  return 'unsigned';
}

/** Critical findings are acknowledged only where the draft can be signed. */
export const canAcknowledge = (phase: DraftPhase) => phase === 'unsigned';

/** The open-emergency finding the server puts first on every draft (packages/care emergency-review.ts, issue 20). */
export const isEmergencyFinding = (f: { id: string }): boolean => f.id.startsWith('care.open-emergency:');

/**
 * The drafts after a new proposal (issue 20: the withdrawn draft stayed with a 签署 button): the list just re-read
 * from the server, plus what this page signed or withdrew (kept as the record of what was done here); an unsigned
 * draft the server no longer lists was withdrawn by the proposal and goes.
 */
export function draftsAfterProposal<D extends { id: string; status: string }>(
  current: readonly D[],
  fresh: readonly D[],
): D[] {
  const listed = new Set(fresh.map((d) => d.id));
  const done = current.filter((d) => !listed.has(d.id) && d.status !== 'draft');
  return [...done, ...fresh];
}

export type DraftGroupId = 'toSign' | 'awaiting' | 'approved' | 'done';

/**
 * The drafts by heading: to sign (unsigned, returned), awaiting the pharmacist, approved by the pharmacist (the
 * patient's medication, with its slip; issue 20), done here (signed, withdrawn).
 */
export function draftGroups<D extends Pick<DraftView, 'status' | 'returned' | 'awaitingReview' | 'approved'>>(
  drafts: readonly D[],
): { id: DraftGroupId; drafts: D[] }[] {
  const of = (d: D): DraftGroupId => {
    const phase = draftPhase(d);
    return phase === 'unsigned' || phase === 'returned'
      ? 'toSign'
      : phase === 'awaiting-review'
        ? 'awaiting'
        : phase === 'signed' && d.approved
          ? 'approved'
          : 'done';
  };
  return (['toSign', 'awaiting', 'approved', 'done'] as const)
    .map((id) => ({ id, drafts: drafts.filter((d) => of(d) === id) }))
    .filter((g) => g.drafts.length > 0);
}
