/**
 * Blood-pressure and heart-rate readings out of vital-signs Observations (REFERENCE §8.1, §8.3), the
 * morning/evening split of home readings (REFERENCE §2.3) and per-guideline chart thresholds (§1, §2).
 * Pure: no I/O, no clock.
 */
import type { Observation } from '@medplum/fhirtypes';
import type { GuidelineId } from '../../api/index.ts';
import { readingHour } from './reading-zone.ts';
import { HOME_WINDOWS } from '@qihuang/bp-monitoring/api-types';

const LOINC = 'http://loinc.org';
// REFERENCE §8.1: 85354-9 is the FHIR R4 bp profile panel; 55284-4 the older panel still seen in data;
// 35094-2 and 55417-0 are also in the VitalSignsBPPanel value set.
export const BP_PANEL_CODES = ['85354-9', '55284-4', '35094-2', '55417-0'];
export const SYSTOLIC = '8480-6'; // REFERENCE §8.1 Systolic blood pressure
export const DIASTOLIC = '8462-4'; // REFERENCE §8.1 Diastolic blood pressure
export const HEART_RATE = '8867-4'; // REFERENCE §8.1 Heart rate
// REFERENCE §8.1 note: home setting carried by the MeasurementSetting extension, SNOMED CT 264362003 "Dwelling".
const DWELLING = '264362003';

export type Setting = 'home' | 'office' | 'unknown';

export interface BpPoint {
  id: string;
  time: string;
  ms: number;
  sbp: number;
  dbp: number;
  heartRate?: number;
  setting: Setting;
}

export interface HrPoint {
  time: string;
  ms: number;
  value: number;
}

function hasCode(
  codes: { system?: string; code?: string }[] | undefined,
  wanted: readonly string[],
): boolean {
  return (codes ?? []).some(
    (c) => (c.system === undefined || c.system === LOINC) && wanted.includes(c.code ?? ''),
  );
}

function effectiveTime(o: Observation): string | undefined {
  return o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.effectiveInstant ?? o.issued;
}

function settingOf(o: Observation): Setting {
  const ext = (o.extension ?? []).find((e) => /measurementsetting/i.test(e.url));
  const codes = ext?.valueCodeableConcept?.coding ?? [];
  if (codes.some((c) => c.code === DWELLING)) return 'home';
  if (codes.length > 0) return 'office';
  const cls = o.encounter?.reference ? 'office' : undefined;
  return cls ?? 'unknown';
}

/**
 * A reading the patient remembered in a consultation (intake tag urn:qihuang:provenance|patient-reported): its
 * time is when it was told, not measured, so it is no point of the chart and never "the latest BP" (issue 20).
 */
export function isRememberedReading(o: Observation): boolean {
  return (o.meta?.tag ?? []).some(
    (t) => t.system === 'urn:qihuang:provenance' && t.code === 'patient-reported',
  );
}

function isUsable(o: Observation): boolean {
  return o.status !== 'entered-in-error' && o.status !== 'cancelled';
}

function componentValue(o: Observation, code: string): number | undefined {
  const c = (o.component ?? []).find((x) => hasCode(x.code?.coding, [code]));
  const v = c?.valueQuantity?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function extractVitals(observations: readonly Observation[]): { bp: BpPoint[]; hr: HrPoint[] } {
  const bp: BpPoint[] = [];
  const hr: HrPoint[] = [];
  for (const o of observations) {
    if (!isUsable(o)) continue;
    const time = effectiveTime(o);
    if (!time) continue;
    const ms = Date.parse(time);
    if (!Number.isFinite(ms)) continue;
    if (hasCode(o.code?.coding, BP_PANEL_CODES)) {
      if (isRememberedReading(o)) continue;
      const sbp = componentValue(o, SYSTOLIC);
      const dbp = componentValue(o, DIASTOLIC);
      if (sbp === undefined || dbp === undefined) continue;
      bp.push({
        id: o.id ?? `${time}-${sbp}-${dbp}`,
        time,
        ms,
        sbp,
        dbp,
        heartRate: componentValue(o, HEART_RATE),
        setting: settingOf(o),
      });
    } else if (hasCode(o.code?.coding, [HEART_RATE])) {
      const v = o.valueQuantity?.value;
      if (typeof v === 'number' && Number.isFinite(v)) hr.push({ time, ms, value: v });
    }
  }
  bp.sort((a, b) => a.ms - b.ms);
  hr.sort((a, b) => a.ms - b.ms);
  // Heart rate recorded as a separate Observation at the same moment as a BP reading belongs to it.
  const hrByMs = new Map(hr.map((h) => [h.ms, h.value]));
  for (const p of bp) if (p.heartRate === undefined && hrByMs.has(p.ms)) p.heartRate = hrByMs.get(p.ms);
  for (const p of bp)
    if (p.heartRate !== undefined && !hrByMs.has(p.ms))
      hr.push({ time: p.time, ms: p.ms, value: p.heartRate });
  hr.sort((a, b) => a.ms - b.ms);
  return { bp, hr };
}

export interface PeriodMean {
  n: number;
  sbp?: number;
  dbp?: number;
  heartRate?: number;
}

function meanOf(xs: readonly number[]): number | undefined {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined;
}

function summarize(points: readonly BpPoint[]): PeriodMean {
  const hr = points.map((p) => p.heartRate).filter((v): v is number => v !== undefined);
  return {
    n: points.length,
    sbp: meanOf(points.map((p) => p.sbp)),
    dbp: meanOf(points.map((p) => p.dbp)),
    heartRate: meanOf(hr),
  };
}

/**
 * The morning and evening windows: the blood-pressure engine's, the same the care plan asks for (decision 0012, one
 * pair; REFERENCE §2.3 names the sessions by events, the hours are operational), from the bp-monitoring contract.
 */
export { HOME_WINDOWS };

/** `{ from, to }` of a window, for the 'bp.morning' / 'bp.evening' labels. */
export function windowWords(w: readonly [string, string]): { from: string; to: string } {
  return { from: w[0], to: w[1] };
}

function hourIn(hour: number, w: readonly [string, string]): boolean {
  const s = Number(w[0].slice(0, 2)) + Number(w[0].slice(3)) / 60;
  const e = Number(w[1].slice(0, 2)) + Number(w[1].slice(3)) / 60;
  return s <= e ? hour >= s && hour < e : hour >= s || hour < e;
}

/**
 * Morning and evening local time — HOME_WINDOWS, the blood-pressure engine's HBPM windows
 * (REFERENCE §2.3: morning within 1 h of waking before drugs; evening before supper or at bedtime). Office
 * readings are left out when the setting is known. Local time is the reading's clock in `timeZone` (the IANA
 * zone the server names), converted per reading (daylight saving time); a reading whose local clock is unknown
 * (sent with an offset or "Z" and no zone given) is counted in `unplaced`, never guessed with a fixed offset.
 * The page shows the server's morning/evening means (split-view.ts); this is for counts and heart rate only.
 */
export function morningEvening(
  points: readonly BpPoint[],
  timeZone: string | undefined,
): { morning: PeriodMean; evening: PeriodMean; unplaced: number } {
  const home = points.filter((p) => p.setting !== 'office');
  const hours = home.map((p) => ({ p, hour: readingHour(p.time, timeZone) }));
  const placed = (w: readonly [string, string]) =>
    hours.filter((x) => x.hour !== undefined && hourIn(x.hour, w)).map((x) => x.p);
  const morning = placed(HOME_WINDOWS.morning);
  const evening = placed(HOME_WINDOWS.evening);
  return {
    morning: summarize(morning),
    evening: summarize(evening),
    unplaced: hours.filter((x) => x.hour === undefined).length,
  };
}

export interface Threshold {
  sbp: number;
  dbp: number;
}

export interface GuidelineThresholds {
  office: Threshold;
  home: Threshold;
}

/** Chart lines per guideline (a reading is high if SBP ≥ sbp or DBP ≥ dbp). */
export const THRESHOLDS: Record<GuidelineId, GuidelineThresholds> = {
  'acc-aha-2017': {
    office: { sbp: 130, dbp: 80 }, // REFERENCE §1.1 ACC/AHA 2017 stage 1 hypertension ≥130/80
    home: { sbp: 130, dbp: 80 }, // REFERENCE §2.1 Table 11: HBPM 130/80 ↔ office 130/80
  },
  'esh-2023': {
    office: { sbp: 140, dbp: 90 }, // REFERENCE §1.2 / §2.2 ESH 2023 office hypertension ≥140/90
    home: { sbp: 135, dbp: 85 }, // REFERENCE §2.2 ESH 2023 HBPM ≥135/85
  },
  'china-2018': {
    office: { sbp: 140, dbp: 90 }, // REFERENCE §1.3 / §2.2 China 2018 hypertension ≥140/90
    home: { sbp: 135, dbp: 85 }, // REFERENCE §2.2 China 2018 HBPM ≥135/85
  },
};

export function isHigh(value: { sbp?: number; dbp?: number }, t: Threshold): boolean {
  return (value.sbp ?? 0) >= t.sbp || (value.dbp ?? 0) >= t.dbp;
}

/** Phenotypes whose name states a control status (REFERENCE §2.5 treated matrix). */
const SAYS_UNCONTROLLED = new Set(['uncontrolled-hypertension', 'masked-uncontrolled-hypertension']);
const SAYS_CONTROLLED = new Set(['controlled-hypertension']);

/**
 * What the phenotype tile may say: one verdict only (issue 17 item 5). The phenotype is judged on the
 * out-of-office hypertension threshold, the target on the (age-specific) home target: where they disagree —
 * e.g. an 82-year-old at 138/86 is above 135/85 but below the home target — the target check decides and the
 * phenotype name that contradicts it is not shown.
 */
export function phenotypeVerdict(
  phenotype: string | undefined,
  targetMet: boolean | undefined,
): { phenotype?: string; verdict?: 'at-target' | 'above-target' } {
  const verdict = targetMet === undefined ? undefined : targetMet ? 'at-target' : 'above-target';
  if (!phenotype) return verdict ? { verdict } : {};
  const conflict =
    (targetMet === true && SAYS_UNCONTROLLED.has(phenotype)) ||
    (targetMet === false && SAYS_CONTROLLED.has(phenotype));
  return { ...(conflict ? {} : { phenotype }), ...(verdict ? { verdict } : {}) };
}
