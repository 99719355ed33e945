/**
 * A `datetime-local` field in a named zone (issue 20): the browser reads such a field in its own zone, while the
 * care screens show every time in the patient's own zone, else the hospital's (patient-time-zone.ts). These two
 * convert between an instant and the zone's wall clock "YYYY-MM-DDTHH:mm" (daylight saving time included).
 * Without a usable zone, the browser's (as a plain field would). Pure.
 */
const pad = (n: number) => String(n).padStart(2, '0');

function wallClock(at: Date, timeZone: string | undefined): number[] | undefined {
  if (!timeZone) return undefined;
  try {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(at)
        .map((p) => [p.type, p.value]),
    );
    return ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) => Number(parts[k]));
  } catch {
    return undefined;
  }
}

/** The instant as the zone's wall clock, for a `datetime-local` value. */
export function zonedInputValue(at: Date, timeZone: string | undefined): string {
  const w = wallClock(at, timeZone);
  if (!w) {
    const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 16);
  }
  const [y, mo, d, h, mi] = w as [number, number, number, number, number];
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`;
}

/** Minutes east of UTC of `timeZone` at an instant. */
function offsetMinutes(ms: number, timeZone: string): number | undefined {
  const w = wallClock(new Date(ms), timeZone);
  if (!w) return undefined;
  const [y, mo, d, h, mi, s] = w as [number, number, number, number, number, number];
  return Math.round((Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The instant a typed wall clock "YYYY-MM-DDTHH:mm" names in the zone; undefined when it is not one. */
export function instantFromZonedInput(value: string, timeZone: string | undefined): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (!timeZone || offsetMinutes(asUtc, timeZone) === undefined) {
    const local = new Date(y, mo - 1, d, h, mi);
    return Number.isNaN(local.getTime()) ? undefined : local;
  }
  // The offset at the guessed instant, then at the corrected one (it differs across a daylight-saving change).
  let at = asUtc - offsetMinutes(asUtc, timeZone)! * 60_000;
  at = asUtc - offsetMinutes(at, timeZone)! * 60_000;
  return new Date(at);
}
