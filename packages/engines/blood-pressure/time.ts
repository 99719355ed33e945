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
