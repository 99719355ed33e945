/**
 * The morning/evening rows of the BP tab. The means and their verdict are the server's (GET
 * /api/bp/patients/{id}/assessment → home.hbpm.morningMean / eveningMean / threshold): the server buckets each
 * reading in the patient's zone with that zone's rules, so the console never re-buckets the clinical figure
 * itself. The console adds only the count and mean heart rate of the same readings (home.hbpm.readingIds),
 * bucketed in the IANA zone the server names, and shows them only when its mean agrees with the server's. The
 * figures are the server's as shown (morningShown / eveningShown, decision 0027), never rounded here.
 * Pure: no I/O, no clock.
 */
import type { HbpmSummary } from '../../api/bp.ts';
import { isHigh, morningEvening, type BpPoint, type PeriodMean, type Threshold } from './bp-readings.ts';
import { isKnownZone } from './reading-zone.ts';

export interface SplitRowView {
  /** Readings in the period; undefined when the console cannot count them as the server did. */
  n?: number;
  sbp?: number;
  dbp?: number;
  heartRate?: number;
  high?: boolean;
  /** The server's figure as shown (decision 0027: never across the home threshold). */
  shown?: { sbp: string; dbp: string };
}

/** The row's mean as shown: the server's figure, else whole mmHg; undefined without a mean. */
export function splitMeanText(row: SplitRowView): string | undefined {
  if (row.sbp === undefined || row.dbp === undefined) return undefined;
  if (row.shown) return `${row.shown.sbp}/${row.shown.dbp}`;
  return `${Math.round(row.sbp)}/${Math.round(row.dbp)}`;
}

function shownOf(v: unknown): { sbp: string; dbp: string } | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { sbp, dbp } = v as { sbp?: unknown; dbp?: unknown };
  return typeof sbp === 'string' && typeof dbp === 'string' ? { sbp, dbp } : undefined;
}

export interface SplitView {
  /** 'server': the assessment's HBPM protocol window; 'console': the shown range, bucketed in the named zone. */
  source: 'server' | 'console';
  morning: SplitRowView;
  evening: SplitRowView;
  threshold: Threshold;
}

interface Value {
  sbp: number;
  dbp: number;
}

function value(v: unknown): Value | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { sbp, dbp } = v as { sbp?: unknown; dbp?: unknown };
  return typeof sbp === 'number' && Number.isFinite(sbp) && typeof dbp === 'number' && Number.isFinite(dbp)
    ? { sbp, dbp }
    : undefined;
}

// The server's means are of the same readings: they agree to rounding when both bucket in the same zone.
const AGREE_MMHG = 0.05;

function serverRow(
  mean: Value | undefined,
  mine: PeriodMean | undefined,
  threshold: Threshold,
  shown: { sbp: string; dbp: string } | undefined,
): SplitRowView {
  if (!mean) return { n: 0 };
  const agrees =
    mine !== undefined &&
    mine.n > 0 &&
    Math.abs((mine.sbp ?? NaN) - mean.sbp) < AGREE_MMHG &&
    Math.abs((mine.dbp ?? NaN) - mean.dbp) < AGREE_MMHG;
  return {
    sbp: mean.sbp,
    dbp: mean.dbp,
    high: isHigh(mean, threshold),
    ...(shown ? { shown } : {}),
    ...(agrees ? { n: mine.n, ...(mine.heartRate !== undefined ? { heartRate: mine.heartRate } : {}) } : {}),
  };
}

function consoleRow(mine: PeriodMean, threshold: Threshold): SplitRowView {
  const mean = value(mine);
  return {
    n: mine.n,
    ...(mean ? { sbp: mean.sbp, dbp: mean.dbp, high: isHigh(mean, threshold) } : {}),
    ...(mine.heartRate !== undefined ? { heartRate: mine.heartRate } : {}),
  };
}

/**
 * The rows to show: the server's when the assessment has a home summary; else (assessment service absent) the
 * console's own split of `shown` — only in a zone the server named, and only when every reading could be
 * placed. Undefined: nothing trustworthy to show.
 */
export function splitView(input: {
  hbpm: HbpmSummary | undefined;
  /** All extracted readings (the server's readingIds are looked up here). */
  all: readonly BpPoint[];
  /** The readings of the selected range (console fallback only). */
  shown: readonly BpPoint[];
  timeZone: string | undefined;
  homeThreshold: Threshold;
}): SplitView | undefined {
  const { hbpm, timeZone, homeThreshold } = input;
  if (hbpm && (value(hbpm.mean) || typeof hbpm.readingsUsed === 'number')) {
    const threshold = value(hbpm.threshold) ?? homeThreshold;
    const ids = Array.isArray(hbpm.readingIds) ? new Set(hbpm.readingIds as unknown[]) : undefined;
    const used = ids ? input.all.filter((p) => ids.has(p.id)) : [];
    const mine = isKnownZone(timeZone) && used.length ? morningEvening(used, timeZone) : undefined;
    const placed = mine && mine.unplaced === 0 ? mine : undefined;
    return {
      source: 'server',
      threshold,
      morning: serverRow(value(hbpm.morningMean), placed?.morning, threshold, shownOf(hbpm.morningShown)),
      evening: serverRow(value(hbpm.eveningMean), placed?.evening, threshold, shownOf(hbpm.eveningShown)),
    };
  }
  if (!isKnownZone(timeZone) || input.shown.length === 0) return undefined;
  const mine = morningEvening(input.shown, timeZone);
  if (mine.unplaced > 0) return undefined;
  return {
    source: 'console',
    threshold: homeThreshold,
    morning: consoleRow(mine.morning, homeThreshold),
    evening: consoleRow(mine.evening, homeThreshold),
  };
}
