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
