/**
 * Times on a review-queue card (when the order was written, when it was reviewed) in the hospital's time zone —
 * the zone the daily report counts its day in (the server names it, QIHUANG_TIME_ZONE) — never silently in the
 * browser's: the zone's abbreviation follows when the browser's clock would show another time.
 */
import { formatInZone } from '../../lib/zone-time.ts';
import type { QueueItem } from './pharmacy-api.ts';

export interface CardTimes {
  written: string;
  reviewed: string;
}

export function cardTimes(
  item: Pick<QueueItem, 'authoredOn' | 'review'>,
  timeZone: string | undefined,
  lang: string,
  browserZone?: string,
): CardTimes {
  const options = browserZone === undefined ? {} : { browserZone };
  return {
    written: formatInZone(item.authoredOn, timeZone, lang, options),
    reviewed: formatInZone(item.review.at, timeZone, lang, options),
  };
}

/** The day of a lab: a date as written, a date-time as the hospital's calendar day. */
export function labDay(at: string | undefined, timeZone: string | undefined): string {
  if (!at) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at.slice(0, 10);
  return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? 'UTC' }).format(d);
}
