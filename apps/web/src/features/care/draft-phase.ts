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
