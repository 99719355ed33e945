/**
 * A crisis message tied to the reading it is about (issue 20 finding 6): a session card says "very high" only
 * when a very high reading was measured in that session (its date and window, in the zone the server counts the
 * days in), and a red box about an earlier reading, once newer readings exist, says what to do now instead of
 * "sit down for 5 minutes and measure again" (the patient already did). Pure.
 */
import { formatDate } from '../../lib/format.ts';

export interface TimedReading {
  time: string;
  sbp: number;
  dbp: number;
  category?: string;
}

/** "YYYY-MM-DD HH:mm" of a reading in `timeZone` (else the browser's). */
function local(time: string, timeZone: string | undefined): string {
  return formatDate(time, undefined, true, timeZone);
}

/** The calendar day after a "YYYY-MM-DD" date. */
function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Whether a session card (its date and window "HH:mm"–"HH:mm", end "24:00" allowed; an end at or before the start
 * runs into the next day, as the evening 18:00–04:00 of decision 0012) holds a very high reading: one of
 * `readings` in the crisis range measured inside that session.
 */
export function sessionHasCrisis(
  session: { date: string; window: readonly [string, string] | string[] },
  readings: readonly TimedReading[],
  timeZone: string | undefined,
): boolean {
  const [start = '00:00', end = '24:00'] = session.window;
  const wraps = end <= start;
  return readings.some((r) => {
    if (r.category !== 'crisis') return false;
    const [date, clock = ''] = local(r.time, timeZone).split(' ');
    if (!wraps) return date === session.date && clock >= start && clock < end;
    return (date === session.date && clock >= start) || (date === nextDate(session.date) && clock < end);
  });
}

/** The latest time among the readings the advice is about (ISO), if any. */
export function adviceTime(advice: { readings?: readonly { time: string }[] }): string | undefined {
  const times = (advice.readings ?? []).map((r) => r.time).filter((t) => !Number.isNaN(Date.parse(t)));
  if (times.length === 0) return undefined;
  return times.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
}

/** Readings measured after `time`, newest first. */
export function readingsAfter<R extends TimedReading>(time: string, readings: readonly R[]): R[] {
  const after = Date.parse(time);
  return readings
    .filter((r) => Date.parse(r.time) > after)
    .sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
}

export interface NowWords {
  /**
   * "You measured again N times since; the latest, at {time}, was {sbp}/{dbp} mmHg. No need to re-measure for
   * {earlier}" — `earlier` names the reading the box is about ("192/126 mmHg", else its local time).
   */
  measuredSince: (p: { count: number; time: string; sbp: number; dbp: number; earlier: string }) => string;
  /** Call 120 for chest pain, shortness of breath … (the emergency step, always kept). */
  symptoms: string;
  /**
   * What to do about the earlier reading now (contact the clinic; with an alert: the care team was told); empty when
   * the title already says it (no step then).
   */
  contact: string;
}

/**
 * The advice as it applies now: unchanged when nothing was measured after the reading it is about; else its
 * title (which names the reading and its date) with steps for now — the newer readings, the emergency symptoms
 * with 120, and contacting the clinic — instead of "measure again".
 */
export function adviceNow<
  A extends { title: string; steps: string[]; readings?: readonly { time: string }[] },
>(advice: A, readings: readonly TimedReading[], words: NowWords, timeZone: string | undefined): A {
  const about = adviceTime(advice);
  if (!about) return advice;
  const newer = readingsAfter(about, readings);
  const latest = newer[0];
  if (!latest) return advice;
  const at = Date.parse(about);
  const before = [...(advice.readings ?? []), ...readings].find(
    (r): r is TimedReading => Date.parse(r.time) === at && 'sbp' in r && 'dbp' in r,
  );
  const earlier = before ? `${before.sbp}/${before.dbp} mmHg` : local(about, timeZone);
  return {
    ...advice,
    steps: [
      words.measuredSince({
        count: newer.length,
        time: local(latest.time, timeZone),
        sbp: latest.sbp,
        dbp: latest.dbp,
        earlier,
      }),
      words.symptoms,
      ...(words.contact ? [words.contact] : []),
    ],
  };
}
