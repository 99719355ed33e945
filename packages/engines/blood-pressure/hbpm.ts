/** Home BP monitoring (HBPM) protocol averaging (REFERENCE §2.3) compared with §2.2 thresholds. Pure. */
import type { BpReading, BpValue, Explanation, Guideline } from './types.ts';
import { epochMs, inWindow, localDay, localHour, parseClock } from './time.ts';
import { isHigh, thresholdsFor } from './thresholds.ts';
import { HBPM_SOURCE, OUT_OF_OFFICE_SOURCE } from './citations.ts';
import { mean } from './variability.ts';
import { shownBp } from './display-rounding.ts';

/**
 * The one pair of morning/evening windows (local time, decision 0012): the HBPM means sort readings by them, the
 * monitoring plan asks for them, its reminders and adherence count in them, the BP tab labels them. Operational
 * choices, not guideline numbers — REFERENCE §2.3 names events (morning: within 1 h of waking, before drugs and
 * breakfast; evening: before supper / at bedtime), no hours; wide enough for an early or late riser.
 */
export const HBPM_MORNING_WINDOW: [string, string] = ['04:00', '12:00']; // operational (§2.3 morning session)
export const HBPM_EVENING_WINDOW: [string, string] = ['18:00', '04:00']; // operational (§2.3 evening session)

export interface HbpmOptions {
  guideline: Guideline;
  /** Protocol length in local calendar days ending on `endDay` (default 7; §2.3 "3–7 days, preferably 7"). */
  days?: number;
  /** Discard the first day of the window (default true; §2.3 ESH and China "取后6天"). */
  discardFirstDay?: boolean;
  /**
   * Sufficient data = at least `minReadings` readings OR at least `minDays` days with data, after discarding
   * (REFERENCE §2.3: "require ≥12 readings (ESH practice guideline minimum, UNVERIFIED) or at least 3 days").
   * Default 12.
   */
  minReadings?: number;
  /** Default 3 (§2.3 "or at least 3 days of data"). */
  minDays?: number;
  /** UTC offset (minutes) used to assign readings to local days (default 0). */
  utcOffsetMinutes?: number;
  /**
   * The local zone's offset (minutes east of UTC) at each instant — a zone with daylight saving time changes it
   * over the year. When given it replaces `utcOffsetMinutes` for days and hours (pure: the caller's zone rules).
   */
  offsetAt?: (epochMs: number) => number;
  /** Local date YYYY-MM-DD closing the window (default: the day of the latest reading). */
  endDate?: string;
  /** Morning window, default HBPM_MORNING_WINDOW 04:00–12:00 (§2.3 morning: within 1 h of waking, before drugs/breakfast). */
  morning?: [string, string];
  /** Evening window, default HBPM_EVENING_WINDOW 18:00–04:00 (§2.3 evening: before supper / at bedtime). */
  evening?: [string, string];
}

export interface HbpmSummary extends Explanation {
  guideline: Guideline;
  sufficient: boolean;
  readingsUsed: number;
  daysUsed: number;
  discardedDay?: string;
  mean?: BpValue;
  morningMean?: BpValue;
  eveningMean?: BpValue;
  high?: boolean;
  threshold: BpValue;
  readingIds: string[];
}

function avg(rs: readonly BpReading[]): BpValue | undefined {
  if (!rs.length) return undefined;
  return { sbp: mean(rs.map((r) => r.sbp)), dbp: mean(rs.map((r) => r.dbp)) };
}

function dayLabel(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function summarizeHbpm(readings: readonly BpReading[], options: HbpmOptions): HbpmSummary {
  const offset = options.utcOffsetMinutes ?? 0;
  const days = options.days ?? 7; // §2.3 preferably 7 days
  const minReadings = options.minReadings ?? 12; // §2.3 ≥12 readings (UNVERIFIED)
  const minDays = options.minDays ?? 3; // §2.3 at least 3 days
  const [ms, me] = (options.morning ?? HBPM_MORNING_WINDOW).map(parseClock) as [number, number];
  const [es, ee] = (options.evening ?? HBPM_EVENING_WINDOW).map(parseClock) as [number, number];
  const offsetAt = options.offsetAt ?? (() => offset);
  const dated = readings
    .map((r) => ({ r, t: epochMs(r.time) }))
    .filter((x) => Number.isFinite(x.t))
    .map((x) => ({ ...x, off: offsetAt(x.t) }))
    .map((x) => ({ ...x, day: localDay(x.t, x.off) }));
  const lastDay = options.endDate
    ? Math.floor(Date.parse(`${options.endDate}T00:00:00Z`) / 86_400_000)
    : Math.max(...dated.map((x) => x.day));
  const firstDay = lastDay - days + 1;
  const inWindowReadings = dated.filter((x) => x.day >= firstDay && x.day <= lastDay);
  const presentDays = [...new Set(inWindowReadings.map((x) => x.day))].sort((a, b) => a - b);
  const discard = (options.discardFirstDay ?? true) && presentDays.length > 1 ? presentDays[0] : undefined;
  const used = inWindowReadings
    .filter((x) => x.day !== discard)
    .sort((a, b) => a.t - b.t || a.r.id.localeCompare(b.r.id));
  const usedReadings = used.map((x) => x.r);
  const daysUsed = new Set(used.map((x) => x.day)).size;
  // §2.3 "≥12 readings … or at least 3 days of data" (either suffices)
  const sufficient = usedReadings.length > 0 && (usedReadings.length >= minReadings || daysUsed >= minDays);
  const threshold = thresholdsFor(options.guideline).home;
  const m = avg(usedReadings);
  const high = m && sufficient ? isHigh(m, threshold) : undefined;
  // Shown in whole mmHg, one decimal where that would cross the home threshold (display-rounding.ts, decision
  // 0027); `mean` keeps the exact values.
  const fmt = (v?: BpValue) => {
    if (!v) return '—';
    const s = shownBp(v, { sbp: [threshold.sbp], dbp: [threshold.dbp] });
    return `${s.sbp}/${s.dbp}`;
  };
  const summary: HbpmSummary = {
    guideline: options.guideline,
    sufficient,
    readingsUsed: usedReadings.length,
    daysUsed,
    threshold,
    readingIds: usedReadings.map((r) => r.id),
    rule: `mean of days 2–${days} (first day discarded), ≥${minReadings} readings or ≥${minDays} days; high if ≥${threshold.sbp}/${threshold.dbp}`,
    ruleText: {
      zh: `取第2–${days}天均值（第1天舍弃），≥${minReadings}次读数或≥${minDays}天；≥${threshold.sbp}/${threshold.dbp}为升高`,
      en: `mean of days 2–${days} (first day discarded), ≥${minReadings} readings or ≥${minDays} days; high if ≥${threshold.sbp}/${threshold.dbp}`,
    },
    source: `${HBPM_SOURCE[options.guideline]}; ${OUT_OF_OFFICE_SOURCE[options.guideline]}`, // REFERENCE §2.3, §2.1/§2.2
    inputs: { readings: readings.length, days, utcOffsetMinutes: offset, guideline: options.guideline },
    display: {
      zh: `家庭血压均值 ${fmt(m)} mmHg（${daysUsed} 天 ${usedReadings.length} 次）${!sufficient ? '，数据不足' : high ? '，高于家庭血压诊断阈值' : '，未达家庭血压诊断阈值'}`,
      en: `Home BP mean ${fmt(m)} mmHg (${usedReadings.length} readings on ${daysUsed} days)${!sufficient ? ', insufficient data' : high ? ', above the home threshold' : ', below the home threshold'}`,
    },
  };
  if (discard !== undefined) summary.discardedDay = dayLabel(discard);
  if (m) summary.mean = m;
  const morning = avg(used.filter((x) => inWindow(localHour(x.t, x.off), ms, me)).map((x) => x.r));
  const evening = avg(used.filter((x) => inWindow(localHour(x.t, x.off), es, ee)).map((x) => x.r));
  if (morning) summary.morningMean = morning;
  if (evening) summary.eveningMean = evening;
  if (high !== undefined) summary.high = high;
  return summary;
}
