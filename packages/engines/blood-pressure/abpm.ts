/** ABPM summaries, nocturnal dipping, morning surge and load (REFERENCE §2.2, §2.4, §2.6). Pure. */
import { DIPPING_SOURCE, OUT_OF_OFFICE_SOURCE, VARIABILITY_SOURCE } from './citations.ts';
import type { BpReading, BpValue, Explanation, Guideline, Text } from './types.ts';
import { epochMs, inWindow, localHour, parseClock } from './time.ts';
import { isHigh, thresholdsFor } from './thresholds.ts';
import { mean, variability, type Variability } from './variability.ts';

export type DippingClass = 'extreme-dipper' | 'dipper' | 'non-dipper' | 'reverse-dipper';

export interface AbpmOptions {
  guideline: Guideline;
  utcOffsetMinutes?: number;
  /** Daytime window; default 10:00–20:00 (§2.4 fixed narrow window, UNVERIFIED). Prefer diary wake/sleep times. */
  day?: [string, string];
  /** Night-time window; default 00:00–06:00 (§2.4 fixed narrow window, UNVERIFIED). */
  night?: [string, string];
  /** Wake-up time for the pre-waking morning surge; default = end of the night window. */
  wake?: string;
}

export interface PeriodSummary {
  n: number;
  mean?: BpValue;
  high?: boolean;
  threshold: BpValue;
  sbp?: Variability;
  /** % of readings at or above the period threshold (BP load; not a guideline criterion, values only). */
  loadPercent?: number;
}

export interface Dipping extends Explanation {
  dipPercent: number;
  nightDayRatio: number;
  dippingClass: DippingClass;
}

export interface AbpmSummary {
  guideline: Guideline;
  '24h': PeriodSummary;
  day: PeriodSummary;
  night: PeriodSummary;
  /** ≥20 daytime and ≥7 night-time readings (§2.4 ESH 2013/2018, UNVERIFIED). */
  valid: boolean;
  dipping?: Dipping;
  /** Pre-waking morning surge: mean SBP 2 h after waking − mean SBP 2 h before (Kario 2003; not in REFERENCE, UNVERIFIED). */
  morningSurge?: number;
  source: string;
}

const DIP_LABEL: Record<DippingClass, Text> = {
  'extreme-dipper': { zh: '深杓型', en: 'extreme dipper' },
  dipper: { zh: '杓型', en: 'dipper' },
  'non-dipper': { zh: '非杓型', en: 'non-dipper' },
  'reverse-dipper': { zh: '反杓型', en: 'reverse dipper (riser)' },
};

/** Dipping from daytime and night-time mean SBP (§2.4). Boundaries: dipper = 10 ≤ dip ≤ 20 (§2.4 documented choice). */
export function classifyDipping(daySbp: number, nightSbp: number): Dipping {
  const dipPercent = ((daySbp - nightSbp) / daySbp) * 100; // §2.4 dipping %
  const nightDayRatio = nightSbp / daySbp; // §2.4 night/day ratio
  let dippingClass: DippingClass;
  if (dipPercent > 20)
    dippingClass = 'extreme-dipper'; // §2.4 >20 %
  else if (dipPercent >= 10)
    dippingClass = 'dipper'; // §2.4 10–20 %
  else if (dipPercent >= 0)
    dippingClass = 'non-dipper'; // §2.4 0–<10 %
  else dippingClass = 'reverse-dipper'; // §2.4 <0 %
  const label = DIP_LABEL[dippingClass];
  return {
    dipPercent,
    nightDayRatio,
    dippingClass,
    rule: 'dip = (day SBP − night SBP) / day SBP × 100; >20 extreme, 10–20 dipper, 0–<10 non-dipper, <0 reverse',
    ruleText: {
      zh: '下降率 =（白天收缩压 − 夜间收缩压）/ 白天收缩压 × 100；>20 超杓型，10–20 杓型，0–<10 非杓型，<0 反杓型',
      en: 'dip = (day SBP − night SBP) / day SBP × 100; >20 extreme, 10–20 dipper, 0–<10 non-dipper, <0 reverse',
    },
    source: DIPPING_SOURCE, // REFERENCE §2.4
    inputs: { daySbp, nightSbp },
    display: {
      zh: `夜间血压下降率 ${dipPercent.toFixed(1)}%：${label.zh}`,
      en: `Nocturnal dip ${dipPercent.toFixed(1)}%: ${label.en}`,
    },
  };
}

function period(rs: readonly BpReading[], threshold: BpValue): PeriodSummary {
  if (!rs.length) return { n: 0, threshold };
  const m = { sbp: mean(rs.map((r) => r.sbp)), dbp: mean(rs.map((r) => r.dbp)) };
  const load = rs.filter((r) => isHigh(r, threshold)).length / rs.length;
  return {
    n: rs.length,
    mean: m,
    high: isHigh(m, threshold),
    threshold,
    sbp: variability(rs.map((r) => r.sbp)),
    loadPercent: load * 100,
  };
}

export function summarizeAbpm(readings: readonly BpReading[], options: AbpmOptions): AbpmSummary {
  const offset = options.utcOffsetMinutes ?? 0;
  const [ds, de] = (options.day ?? ['10:00', '20:00']).map(parseClock) as [number, number]; // §2.4 daytime default
  const [ns, ne] = (options.night ?? ['00:00', '06:00']).map(parseClock) as [number, number]; // §2.4 night default
  const wake = options.wake ? parseClock(options.wake) : ne;
  const sorted = [...readings].map((r) => ({ r, t: epochMs(r.time) })).sort((a, b) => a.t - b.t);
  const withHour = sorted.map((x) => ({ ...x, h: localHour(x.t, offset) }));
  const th = thresholdsFor(options.guideline);
  const dayR = withHour.filter((x) => inWindow(x.h, ds, de)).map((x) => x.r);
  const nightR = withHour.filter((x) => inWindow(x.h, ns, ne)).map((x) => x.r);
  const summary: AbpmSummary = {
    guideline: options.guideline,
    '24h': period(
      sorted.map((x) => x.r),
      th['24h'],
    ),
    day: period(dayR, th.day),
    night: period(nightR, th.night),
    valid: dayR.length >= 20 && nightR.length >= 7, // §2.4 validity (UNVERIFIED)
    source: `${OUT_OF_OFFICE_SOURCE[options.guideline]}; ${DIPPING_SOURCE}; ${VARIABILITY_SOURCE}`, // REFERENCE §2.1/§2.2, §2.4, §2.6
  };
  if (summary.day.mean && summary.night.mean)
    summary.dipping = classifyDipping(summary.day.mean.sbp, summary.night.mean.sbp);
  const after = withHour.filter((x) => inWindow(x.h, wake, (wake + 2) % 24)).map((x) => x.r.sbp);
  const before = withHour.filter((x) => inWindow(x.h, (wake + 22) % 24, wake)).map((x) => x.r.sbp);
  if (after.length && before.length) summary.morningSurge = mean(after) - mean(before);
  return summary;
}
