/** Alert rules over a home-monitoring series (pure; `now` is an input). Thresholds are configurable. */
import type { BpReading, BpValue, Guideline, Text } from './types.ts';
import { HBPM_SOURCE } from './citations.ts';
import { summarizeHbpm } from './hbpm.ts';
import { epochMs, MS } from './time.ts';
import { mean } from './variability.ts';

export type AlertKind =
  'crisis' | 'sustained-above-target' | 'rapid-rise' | 'rapid-fall' | 'missed-measurements';

export interface AlertConfig {
  /** Crisis: SBP > sbp or DBP > dbp (default 180/120, REFERENCE §1.5 strict ">180/120"). */
  crisis: { sbp: number; dbp: number; lookbackHours: number };
  /**
   * Sustained: the HBPM protocol mean (REFERENCE §2.3: window of `days` local days ending today, first day
   * discarded unless `discardFirstDay` is false, sufficient with ≥ minReadings readings or ≥ minDays days) is
   * at/above the target.
   */
  sustained: { days: number; minReadings: number; minDays?: number; discardFirstDay?: boolean };
  /** Rapid change: mean SBP of the last `recentDays` vs the `baselineDays` before, change ≥ sbpDelta. */
  rapidChange: { recentDays: number; baselineDays: number; sbpDelta: number; minReadings: number };
  /** Missed: no reading for more than `hours`. */
  missed: { hours: number };
  /** Do not repeat an alert of the same kind within this many hours (crisis alerts dedupe by reading). */
  dedupHours: number;
}

// Defaults: crisis per REFERENCE §1.5; the others are operational choices (not guideline numbers), configurable.
export const DEFAULT_ALERT_CONFIG: AlertConfig = {
  crisis: { sbp: 180, dbp: 120, lookbackHours: 24 }, // §1.5 >180/120
  sustained: { days: 7, minReadings: 12, minDays: 3, discardFirstDay: true }, // §2.3 HBPM 7 days, ≥12 readings or ≥3 days
  rapidChange: { recentDays: 3, baselineDays: 7, sbpDelta: 20, minReadings: 4 }, // operational choice
  missed: { hours: 48 }, // operational choice
  dedupHours: 24, // operational choice
};

export interface PreviousAlert {
  kind: AlertKind;
  raisedAt: string;
  readingIds?: string[];
}

export interface Alert {
  /** Stable key: kind + triggering readings (crisis) or kind + day of `now`. */
  key: string;
  kind: AlertKind;
  severity: 'critical' | 'warning' | 'info';
  raisedAt: string;
  /** The readings that triggered the alert (why). */
  readingIds: string[];
  values: Record<string, number>;
  rule: string;
  source: string;
  display: Text;
}

export interface AlertInput {
  readings: readonly BpReading[];
  now: string;
  /** Target upper limits (from checkTarget/targetFor). */
  target: BpValue;
  guideline: Guideline;
  config?: Partial<AlertConfig>;
  previous?: readonly PreviousAlert[];
  /** UTC offset (minutes) that assigns readings to the patient's local days for the HBPM protocol (default 0). */
  utcOffsetMinutes?: number;
  /** The zone's offset at each instant (daylight saving time); replaces `utcOffsetMinutes` when given. */
  offsetAt?: (epochMs: number) => number;
}

export function evaluateAlerts(input: AlertInput): Alert[] {
  const cfg: AlertConfig = { ...DEFAULT_ALERT_CONFIG, ...input.config };
  const now = epochMs(input.now);
  const rs = input.readings
    .map((r) => ({ r, t: epochMs(r.time) }))
    .filter((x) => x.t <= now)
    .sort((a, b) => a.t - b.t || a.r.id.localeCompare(b.r.id));
  const since = (ms: number, until = now) => rs.filter((x) => x.t > until - ms && x.t <= until);
  const day = input.now.slice(0, 10);
  const out: Alert[] = [];
  // REFERENCE §1.5: the crisis alert uses the strict >180/120 of ACC/AHA 2017 §11.2 and China 2018 for every guideline
  const base = { raisedAt: input.now, source: 'ACC/AHA 2017 §11.2；中国高血压防治指南 2018（高血压急症）' };

  const severe = since(cfg.crisis.lookbackHours * MS.HOUR).filter(
    (x) => x.r.sbp > cfg.crisis.sbp || x.r.dbp > cfg.crisis.dbp,
  );
  if (severe.length) {
    const worst = severe.reduce((a, b) => (b.r.sbp > a.r.sbp ? b : a));
    // A reading that arrived late (older than a day) says when it was measured, so no one takes it for today's.
    const measured = now - worst.t > MS.DAY ? worst.r.time.slice(0, 10) : undefined;
    out.push({
      ...base,
      key: `crisis:${severe.map((x) => x.r.id).join(',')}`,
      kind: 'crisis',
      severity: 'critical',
      readingIds: severe.map((x) => x.r.id),
      values: { sbp: worst.r.sbp, dbp: worst.r.dbp },
      rule: `SBP >${cfg.crisis.sbp} or DBP >${cfg.crisis.dbp} within ${cfg.crisis.lookbackHours} h`,
      display: {
        zh: `血压重度升高 ${worst.r.sbp}/${worst.r.dbp} mmHg（${severe.length} 次读数${measured ? `，测量于 ${measured}` : ''}），请立即评估有无靶器官损害症状。`,
        en: `Severe BP ${worst.r.sbp}/${worst.r.dbp} mmHg (${severe.length} reading(s)${measured ? `, measured ${measured}` : ''}); assess urgently for target-organ damage`,
      },
    });
  }

  const offset = input.utcOffsetMinutes ?? 0;
  const hbpm = summarizeHbpm(
    rs.map((x) => x.r),
    {
      guideline: input.guideline,
      days: cfg.sustained.days,
      minReadings: cfg.sustained.minReadings,
      ...(cfg.sustained.minDays === undefined ? {} : { minDays: cfg.sustained.minDays }),
      discardFirstDay: cfg.sustained.discardFirstDay ?? true,
      utcOffsetMinutes: offset,
      ...(input.offsetAt ? { offsetAt: input.offsetAt } : {}),
      endDate: new Date(now + (input.offsetAt?.(now) ?? offset) * MS.MINUTE).toISOString().slice(0, 10),
    },
  );
  if (hbpm.sufficient && hbpm.mean) {
    const m = hbpm.mean;
    if (m.sbp >= input.target.sbp || m.dbp >= input.target.dbp) {
      out.push({
        ...base,
        source: `${HBPM_SOURCE[input.guideline]}; treatment target`, // REFERENCE §2.3, §7.4
        key: `sustained-above-target:${day}`,
        kind: 'sustained-above-target',
        severity: 'warning',
        readingIds: hbpm.readingIds,
        values: { meanSbp: m.sbp, meanDbp: m.dbp, targetSbp: input.target.sbp, targetDbp: input.target.dbp },
        rule: `HBPM protocol mean of the last ${cfg.sustained.days} days ≥ target <${input.target.sbp}/${input.target.dbp}`,
        display: {
          zh: `近 ${cfg.sustained.days} 天家庭血压均值 ${m.sbp.toFixed(0)}/${m.dbp.toFixed(0)} mmHg，未达目标 <${input.target.sbp}/${input.target.dbp}`,
          en: `Home BP mean over ${cfg.sustained.days} days ${m.sbp.toFixed(0)}/${m.dbp.toFixed(0)} mmHg is above target <${input.target.sbp}/${input.target.dbp}`,
        },
      });
    }
  }

  const rc = cfg.rapidChange;
  const last = since(rc.recentDays * MS.DAY);
  const before = since(rc.baselineDays * MS.DAY, now - rc.recentDays * MS.DAY);
  if (last.length >= rc.minReadings && before.length >= rc.minReadings) {
    const delta = mean(last.map((x) => x.r.sbp)) - mean(before.map((x) => x.r.sbp));
    if (Math.abs(delta) >= rc.sbpDelta) {
      const kind: AlertKind = delta > 0 ? 'rapid-rise' : 'rapid-fall';
      out.push({
        ...base,
        source: 'operational rule (configurable; no guideline cut-off)',
        key: `${kind}:${day}`,
        kind,
        severity: 'warning',
        readingIds: [...before, ...last].map((x) => x.r.id),
        values: { deltaSbp: delta },
        rule: `mean SBP of last ${rc.recentDays} days vs previous ${rc.baselineDays} days changed by ≥${rc.sbpDelta} mmHg`,
        display: {
          zh: `收缩压较前 ${rc.baselineDays} 天平均${delta > 0 ? '上升' : '下降'} ${Math.abs(delta).toFixed(0)} mmHg`,
          en: `Mean SBP ${delta > 0 ? 'rose' : 'fell'} by ${Math.abs(delta).toFixed(0)} mmHg vs the previous ${rc.baselineDays} days`,
        },
      });
    }
  }

  const lastReading = rs[rs.length - 1];
  const gapHours = lastReading ? (now - lastReading.t) / MS.HOUR : Infinity;
  if (gapHours > cfg.missed.hours) {
    out.push({
      ...base,
      source: 'operational rule (configurable); home monitoring schedule', // HBPM schedule REFERENCE §2.3
      key: `missed-measurements:${day}`,
      kind: 'missed-measurements',
      severity: 'info',
      readingIds: lastReading ? [lastReading.r.id] : [],
      values: { hoursSinceLast: Number.isFinite(gapHours) ? gapHours : -1 },
      rule: `no reading for more than ${cfg.missed.hours} h`,
      display: {
        zh: lastReading ? `已 ${Math.floor(gapHours)} 小时未测量血压` : '尚无血压测量记录',
        en: lastReading ? `No BP reading for ${Math.floor(gapHours)} hours` : 'No BP readings yet',
      },
    });
  }
  return dedupe(out, input.previous ?? [], now, cfg.dedupHours);
}

function dedupe(alerts: Alert[], previous: readonly PreviousAlert[], now: number, hours: number): Alert[] {
  return alerts.filter((a) => {
    if (a.kind === 'crisis') {
      const seen = new Set(previous.filter((p) => p.kind === 'crisis').flatMap((p) => p.readingIds ?? []));
      return a.readingIds.some((id) => !seen.has(id));
    }
    return !previous.some((p) => p.kind === a.kind && now - epochMs(p.raisedAt) < hours * MS.HOUR);
  });
}
