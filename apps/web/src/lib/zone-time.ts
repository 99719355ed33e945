/**
 * Times in the zone the server counts them in (the patient's own, else the hospital's — issue 17 item 1), never
 * silently in the browser's: "YYYY-MM-DD HH:mm", followed by the zone's abbreviation (e.g. "GMT+8", "EST") when
 * the browser's clock would show a different time for the same instant.
 */
import { formatDate } from './format.ts';

/** The browser's own IANA zone ('' when the runtime does not say). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    return '';
  }
}

function isZone(zone: string | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The clock hour (0–23) of an instant in `timeZone`; undefined for an unknown zone or a bad time. */
export function zoneHour(value: string, timeZone: string): number | undefined {
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || !isZone(timeZone)) return undefined;
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' })
    .formatToParts(at)
    .find((p) => p.type === 'hour')?.value;
  return hour === undefined ? undefined : Number(hour) % 24;
}

/** The zone's short name at that instant in the page language ("GMT+8", "EST", "GMT-5"). */
export function zoneAbbreviation(timeZone: string, at: Date, lang: string): string {
  try {
    return (
      new Intl.DateTimeFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US', { timeZone, timeZoneName: 'short' })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')?.value ?? timeZone
    );
  } catch {
    return timeZone;
  }
}

/**
 * An instant shown in `timeZone` (with time unless `withTime` is false). The abbreviation is added when the
 * zone's wall clock differs from the browser's at that instant; without a known zone the browser's is used,
 * as before. Date-only values stay as written.
 */
export function formatInZone(
  value: string | undefined,
  timeZone: string | undefined,
  lang: string,
  options: { withTime?: boolean; browserZone?: string } = {},
): string {
  const withTime = options.withTime ?? true;
  if (!value) return '';
  if (!isZone(timeZone)) return formatDate(value, lang, withTime);
  const shown = formatDate(value, lang, withTime, timeZone);
  const at = new Date(value);
  if (!withTime || Number.isNaN(at.getTime()) || /^\d{4}(-\d{2})?(-\d{2})?$/.test(value)) return shown;
  const browser = options.browserZone ?? browserTimeZone();
  const same = isZone(browser)
    ? formatDate(value, lang, true, browser) === formatDate(value, lang, true, timeZone)
    : false;
  return same ? shown : `${shown} ${zoneAbbreviation(timeZone, at, lang)}`;
}
