/**
 * A reading's wall clock in the zone the server names (the patient's own IANA zone, else the hospital's
 * QIHUANG_TIME_ZONE — GET /api/care/time-zones). Each reading is converted on its own with Intl.DateTimeFormat,
 * so daylight saving time is honoured (New York is UTC−5 in January, UTC−4 in July). There is no fixed default
 * offset: without a zone name a reading written with an offset or "Z" has no known local clock and is not
 * bucketed by the console (issue: a fixed UTC+8 turned New York morning readings into evening ones).
 * Pure: no I/O, no clock.
 */

export interface WallClock {
  /** Local clock hour, 0–23. */
  hour: number;
  /** The local date and time as if it were UTC (for a chart axis drawn with useUTC). */
  wallMs: number;
  /** Local date "YYYY-MM-DD". */
  date: string;
}

const FLOATING = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    try {
      formatters.set(
        timeZone,
        new Intl.DateTimeFormat('en-GB', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
          hourCycle: 'h23',
        }),
      );
    } catch {
      formatters.set(timeZone, null);
    }
  }
  return formatters.get(timeZone) ?? null;
}

/** Whether the runtime knows this IANA zone name. */
export function isKnownZone(timeZone: string | undefined): timeZone is string {
  return !!timeZone && formatterFor(timeZone) !== null;
}

function clock(y: number, mo: number, d: number, h: number, mi: number, s: number): WallClock {
  const wallMs = Date.UTC(y, mo - 1, d, h, mi, s);
  return { hour: h % 24, wallMs, date: new Date(wallMs).toISOString().slice(0, 10) };
}

/**
 * The reading's local clock: a dateTime written without an offset is already the patient's clock (FHIR allows
 * it only without a time, but devices send it); otherwise the instant in `timeZone`. Undefined when neither is
 * known — never guessed from a fixed offset.
 */
export function wallClock(time: string, timeZone: string | undefined): WallClock | undefined {
  const floating = FLOATING.exec(time);
  if (floating) {
    const [, y, mo, d, h, mi, s] = floating.map(Number) as number[];
    return clock(y!, mo!, d!, h!, mi!, Number.isFinite(s) ? s! : 0);
  }
  const ms = Date.parse(time);
  const format = timeZone ? formatterFor(timeZone) : null;
  if (!format || Number.isNaN(ms)) return undefined;
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const n = (k: string) => Number(parts[k]);
  return clock(n('year'), n('month'), n('day'), n('hour'), n('minute'), n('second'));
}

/** Clock hour 0–23 of the reading in `timeZone` (see wallClock), or undefined when unknown. */
export function readingHour(time: string, timeZone: string | undefined): number | undefined {
  return wallClock(time, timeZone)?.hour;
}

/**
 * Chart x values: in a known zone each point's local wall clock as a UTC instant (the chart then draws with
 * useUTC, so its labels and tooltip read the zone's clock); else the instant itself in the browser's clock.
 */
export function chartTimes(timeZone: string | undefined): {
  useUTC: boolean;
  at: (p: { time: string; ms: number }) => number;
} {
  if (!isKnownZone(timeZone)) return { useUTC: false, at: (p) => p.ms };
  return { useUTC: true, at: (p) => wallClock(p.time, timeZone)?.wallMs ?? p.ms };
}
