/**
 * The one "current home average" every screen shows (decision 0027, issue 20: the patient's home averaged 7 days
 * with day 1, the BP page 7 days ending on the last reading without day 1, the clinician panel 14 days — one patient,
 * three figures). Definition: the home-BP-monitoring protocol of ESH 2023 ("3–7 days, preferably 7 … average of all
 * readings excluding the first day") and China 2018 (家庭血压监测：就诊前连续测量 7 天，取后 6 天血压平均值),
 * REFERENCE §2.3 — over the 7 local calendar days ending today (today included), the first day with readings in that
 * window discarded. Pure: `now` and the zone are arguments.
 */
import type { BpReading, BpValue, Guideline, Text } from './types.ts';
import { summarizeHbpm, type HbpmSummary } from './hbpm.ts';
import { epochMs, localDay } from './time.ts';
import { shownBp } from './display-rounding.ts';

/** REFERENCE §2.3: ESH 2023 "preferably 7" days, first day excluded; China 2018 "连续测量7天，取后6天". */
export const CURRENT_HOME_WINDOW = { days: 7, discardFirstDay: true } as const;

/** How every screen names the window (zh-CN / en). */
export const CURRENT_HOME_WINDOW_LABEL: Text = {
  zh: '近7天（不含第1天）',
  en: 'last 7 days, day 1 excluded',
};

export interface CurrentHomeMean extends HbpmSummary {
  /** First and last local day (YYYY-MM-DD) of the 7-day window; `to` is today. */
  from: string;
  to: string;
  label: Text;
  /** The mean as shown (display-rounding.ts): against the home threshold and the target, when given. */
  shown?: { sbp: string; dbp: string };
}

export interface CurrentHomeMeanOptions {
  guideline: Guideline;
  /** The instant that closes the window (readings after it are left out). */
  now: string;
  utcOffsetMinutes?: number;
  /** The zone's offset at each instant (daylight saving time); replaces `utcOffsetMinutes`. */
  offsetAt?: (epochMs: number) => number;
  /** The patient's home target, if any: the shown figure stays on its side of it too. */
  target?: { sbp: number; dbp?: number };
}

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function currentHomeMean(
  readings: readonly BpReading[],
  options: CurrentHomeMeanOptions,
): CurrentHomeMean {
  const nowMs = epochMs(options.now);
  const offset = options.utcOffsetMinutes ?? 0;
  const today = localDay(nowMs, options.offsetAt ? options.offsetAt(nowMs) : offset);
  const past = readings.filter((r) => epochMs(r.time) <= nowMs);
  const summary = summarizeHbpm(past, {
    guideline: options.guideline,
    utcOffsetMinutes: offset,
    ...(options.offsetAt ? { offsetAt: options.offsetAt } : {}),
    days: CURRENT_HOME_WINDOW.days,
    discardFirstDay: CURRENT_HOME_WINDOW.discardFirstDay,
    endDate: isoDay(today),
  });
  const t = summary.threshold;
  const target = options.target;
  const shown = (m: BpValue) =>
    shownBp(m, {
      sbp: [t.sbp, ...(target ? [target.sbp] : [])],
      dbp: [t.dbp, ...(target?.dbp !== undefined ? [target.dbp] : [])],
    });
  return {
    ...summary,
    from: isoDay(today - CURRENT_HOME_WINDOW.days + 1),
    to: isoDay(today),
    label: CURRENT_HOME_WINDOW_LABEL,
    ...(summary.mean ? { shown: shown(summary.mean) } : {}),
  };
}
