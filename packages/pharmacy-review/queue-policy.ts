/**
 * What belongs in the pharmacist's queue and in which order, and the hospital day.
 *
 * Policy: an order awaits review when it is a MedicationRequest with intent `order`, status `draft` (written, or
 * signed and awaiting review — decision 0017) or `active` (signed without review), has no review yet, and was written within the review window (default the last
 * 7 days, from `authoredOn`, else the version's `lastUpdated`). Chronic orders written long ago are the patient's
 * regimen, not a pharmacist's work: they are not listed and cannot be approved or returned (409). Reviewed orders
 * (approved/returned) are listed whatever their age. Pending items: most severe finding first (critical, warning,
 * info, none), then the longest-waiting first; reviewed items: most recently reviewed first.
 */
import { zoneOffsetMinutes } from '@qihuang/engines/blood-pressure';
import { SEVERITY_RANK, type Severity } from '@qihuang/engines/prescription-review';
import type { FhirResource } from '@qihuang/store';
import { readReview } from './review-state.ts';

export const DEFAULT_REVIEW_WINDOW_DAYS = 7;
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;

/** When the order was written: authoredOn, else the version's lastUpdated. */
export function orderTime(order: FhirResource): string {
  return (
    (order as { authoredOn?: string }).authoredOn ??
    (order.meta as { lastUpdated?: string } | undefined)?.lastUpdated ??
    ''
  );
}

/** An order of a reviewable kind (intent order, status draft or active). */
export function isReviewableOrder(order: FhirResource): boolean {
  const mr = order as { intent?: string; status?: string };
  return mr.intent === 'order' && (mr.status === 'draft' || mr.status === 'active');
}

/** Unreviewed, reviewable, and written within the window before `now`. */
export function awaitsReview(order: FhirResource, now: Date, windowDays: number): boolean {
  if (!isReviewableOrder(order) || readReview(order).state !== 'pending') return false;
  const written = Date.parse(orderTime(order));
  return Number.isFinite(written) && written >= now.getTime() - windowDays * DAY_MS;
}

interface Sortable {
  severity?: Severity;
  authoredOn?: string;
  written: string;
  reviewedAt?: string;
}

const rank = (s: Severity | undefined) => (s === undefined ? -1 : SEVERITY_RANK[s]);

/** Queue order: pending by severity then oldest first; reviewed ones by review time, newest first. */
export function compareQueueItems(a: Sortable, b: Sortable): number {
  if (!a.reviewedAt && !b.reviewedAt)
    return rank(b.severity) - rank(a.severity) || a.written.localeCompare(b.written);
  if (!a.reviewedAt) return -1;
  if (!b.reviewedAt) return 1;
  return b.reviewedAt.localeCompare(a.reviewedAt);
}

/** The calendar date (YYYY-MM-DD) of an instant in the hospital's time zone. */
export function hospitalDate(now: Date, timeZone: string): string {
  const local = now.getTime() + zoneOffsetMinutes(timeZone, now.getTime()) * 60_000;
  return new Date(local).toISOString().slice(0, 10);
}

/** The UTC instants where a hospital calendar day starts and ends (end exclusive; DST days are 23 or 25 h). */
export function hospitalDayBounds(date: string, timeZone: string): { start: Date; end: Date } {
  const midnight = (ymd: string) => {
    const guess = Date.parse(`${ymd}T00:00:00Z`);
    const first = guess - zoneOffsetMinutes(timeZone, guess) * 60_000;
    return new Date(guess - zoneOffsetMinutes(timeZone, first) * 60_000);
  };
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return { start: midnight(date), end: midnight(next) };
}
