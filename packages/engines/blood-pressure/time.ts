/** Local-time helpers (pure): readings carry ISO times; the local day/hour uses a given UTC offset. */
const MINUTE = 60_000;
const DAY = 86_400_000;

export function epochMs(time: string): number {
  return Date.parse(time);
}

/** UTC offset in minutes written in an ISO string (`+08:00` → 480, `Z`/none → 0). */
export function offsetOf(time: string): number {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(time);
  if (!m || !/T/.test(time)) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** Local calendar day number (days since epoch in local time). */
export function localDay(ms: number, offsetMinutes: number): number {
  return Math.floor((ms + offsetMinutes * MINUTE) / DAY);
}

/** Local hour of day as a fraction (e.g. 7.5 = 07:30). */
export function localHour(ms: number, offsetMinutes: number): number {
  const local = (((ms + offsetMinutes * MINUTE) % DAY) + DAY) % DAY;
  return local / 3_600_000;
}

/** Parse "HH:MM" into fractional hours. */
export function parseClock(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`invalid clock time ${hhmm}`);
  return Number(m[1]) + Number(m[2]) / 60;
}

/** True when hour h lies in the window [start, end) that may wrap midnight. */
export function inWindow(h: number, start: number, end: number): boolean {
  return start <= end ? h >= start && h < end : h >= start || h < end;
}

export const MS = { MINUTE, HOUR: 60 * MINUTE, DAY };

/**
 * Minutes east of UTC of an IANA time zone at an instant (Asia/Shanghai → 480; DST zones change over the
 * year). Pure: the zone and the instant are passed in; the zone rules come from the runtime's tz data.
 */
export function zoneOffsetMinutes(timeZone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((local - Math.floor(ms / 1000) * 1000) / MINUTE);
}

/** True when the name is an IANA time zone the runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Local clock hour (0–23) of an ISO time in a zone given as minutes east of UTC, whatever offset it was written with. */
export function zonedHour(time: string, offsetMinutes: number): number {
  return Math.floor(localHour(epochMs(time), offsetMinutes));
}
