/** Full assessment of one patient's home series: HBPM protocol mean, phenotype, target check, variability, alerts. */
import type { BpReading, BpValue, Guideline } from './types.ts';
import { classifyOfficeBp, type Classification } from './classify.ts';
import { currentHomeMean, type CurrentHomeMean } from './current-home-mean.ts';
import { shownBp } from './display-rounding.ts';
import { classifyPhenotype, type PhenotypeResult } from './phenotype.ts';
import { checkTarget, type TargetCheck, type TargetPopulation } from './targets.ts';
import { evaluateAlerts, type Alert, type AlertConfig, type PreviousAlert } from './alerts.ts';
import { variability, type Variability } from './variability.ts';
import { epochMs } from './time.ts';

export interface AssessInput {
  readings: readonly BpReading[];
  guideline: Guideline;
  now: string;
  utcOffsetMinutes?: number;
  /** The zone's offset at each instant (daylight saving time); replaces `utcOffsetMinutes` when given. */
  offsetAt?: (epochMs: number) => number;
  population?: TargetPopulation;
  /**
   * Where the home window closes: 'now' (every screen's current average, decision 0027) or the latest reading
   * (default: a file or record assessed on its own, e.g. the CLI's `bp assess FILE`).
   */
  homeWindowEnd?: 'now' | 'latest-reading';
  /** Office BP (mean), if known: enables white-coat/masked classification. */
  office?: BpValue;
  treated?: boolean;
  alertConfig?: Partial<AlertConfig>;
  previousAlerts?: readonly PreviousAlert[];
}

export interface Assessment {
  guideline: Guideline;
  now: string;
  readings: number;
  /** The one current home average (current-home-mean.ts, decision 0027): 7 days ending `now`, day 1 excluded. */
  hbpm: CurrentHomeMean;
  /** Classification of the HBPM mean with the office table — informative only (home thresholds differ, §2.2). */
  homeMeanClassification?: Classification;
  officeClassification?: Classification;
  phenotype?: PhenotypeResult;
  target?: TargetCheck;
  variability?: { sbp: Variability; dbp: Variability };
  alerts: Alert[];
}

export function assessHomeSeries(input: AssessInput): Assessment {
  const offset = input.utcOffsetMinutes ?? 0;
  const nowMs = epochMs(input.now);
  const past = input.readings.filter((r) => epochMs(r.time) <= nowMs);
  const zone = input.offsetAt ? { offsetAt: input.offsetAt } : {};
  const latest = past.reduce((m, r) => Math.max(m, epochMs(r.time)), -Infinity);
  const closes =
    input.homeWindowEnd === 'now' || !Number.isFinite(latest) ? input.now : new Date(latest).toISOString();
  const hbpm = currentHomeMean(past, {
    guideline: input.guideline,
    now: closes,
    utcOffsetMinutes: offset,
    ...zone,
  });
  // Unknown age stays unknown (the target says what is missing); never a default age.
  const population = input.population ?? {};
  const result: Assessment = {
    guideline: input.guideline,
    now: input.now,
    readings: past.length,
    hbpm,
    alerts: [],
  };
  // The home mean is compared with the home target derived from the office target (REFERENCE §2.1, §2.2).
  const target = checkTarget(hbpm.mean ?? { sbp: NaN, dbp: NaN }, input.guideline, population, 'home');
  if (hbpm.mean) {
    // The shown figure also stays on its side of the patient's home target (display-rounding.ts).
    const t = target.target;
    hbpm.shown = shownBp(hbpm.mean, {
      sbp: [hbpm.threshold.sbp, t.sbp],
      dbp: [hbpm.threshold.dbp, ...(t.dbp !== undefined ? [t.dbp] : [])],
    });
    result.homeMeanClassification = classifyOfficeBp(hbpm.mean, input.guideline);
    result.target = target;
    const ids = new Set(hbpm.readingIds);
    const window = past.filter((r) => ids.has(r.id)).sort((a, b) => epochMs(a.time) - epochMs(b.time));
    result.variability = {
      sbp: variability(window.map((r) => r.sbp)),
      dbp: variability(window.map((r) => r.dbp)),
    };
  }
  if (input.office) {
    result.officeClassification = classifyOfficeBp(input.office, input.guideline);
    if (hbpm.mean && hbpm.sufficient) {
      result.phenotype = classifyPhenotype({
        guideline: input.guideline,
        office: input.office,
        treated: input.treated ?? false,
        home: hbpm.mean,
      });
    }
  }
  const t = target.target;
  result.alerts = evaluateAlerts({
    readings: past,
    now: input.now,
    guideline: input.guideline,
    target: { sbp: t.sbp, dbp: t.dbp ?? Infinity },
    ...(input.alertConfig ? { config: input.alertConfig } : {}),
    ...(input.previousAlerts ? { previous: input.previousAlerts } : {}),
    utcOffsetMinutes: offset,
    ...zone,
  });
  return result;
}
