/**
 * The card's "replaces" line in words (issue 20): while the order awaits the pharmacist (or is back with the
 * prescriber) it says what approval will do — never that the switch already happened; when the order it replaces
 * was replaced meanwhile, or stopped outright by a clinician after signing, it says so (approval of the latter goes
 * through, packages/pharmacy-review replaced-order.ts, so the pharmacist is told). Once approved: what happened.
 * `date` formats an instant in the card's zone and language. Pure.
 */
import type { QueueItem } from './pharmacy-api.ts';

type ReviewState = QueueItem['review']['state'];

type Replaces = NonNullable<QueueItem['replaces']>;

export interface ReplacesWords {
  key: string;
  values: Record<string, string>;
}

export function replacesWords(r: Replaces, state: ReviewState, date: (iso: string) => string): ReplacesWords {
  const medication = r.medication;
  if (state === 'approved') return { key: 'pharmacy.replaces.stopped', values: { medication } };
  if (r.replacedBy)
    return { key: 'pharmacy.replaces.pendingReplacedMeanwhile', values: { medication, by: r.replacedBy } };
  if (['active', 'on-hold'].includes(r.status))
    return { key: 'pharmacy.replaces.pending', values: { medication } };
  return r.stoppedAt
    ? { key: 'pharmacy.replaces.pendingStopped', values: { medication, date: date(r.stoppedAt) } }
    : { key: 'pharmacy.replaces.pendingStoppedUndated', values: { medication } };
}
