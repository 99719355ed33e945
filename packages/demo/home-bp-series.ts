/**
 * Synthetic home blood-pressure series for demos and tests. SYNTHETIC DATA: generated from a seeded PRNG,
 * describes no real person. Same inputs → same output (no Math.random, no clock).
 */
import type { Observation } from '@medplum/fhirtypes';
import {
  stableId,
  toFhirBpObservation,
  toFhirHeartRateObservation,
  type BpReading,
  type BpValue,
} from '@qihuang/engines/blood-pressure';

export type HomeBpProfile = 'controlled' | 'uncontrolled' | 'white-coat' | 'masked' | 'crisis-episode';
export const HOME_BP_PROFILES: readonly HomeBpProfile[] = [
  'controlled',
  'uncontrolled',
  'white-coat',
  'masked',
  'crisis-episode',
];

export interface HomeBpSeriesOptions {
  patientId: string;
  seed: number;
  profile: HomeBpProfile;
  /** Last day of the series, YYYY-MM-DD (local); default: the local day of `now`. */
  endDate?: string;
  /**
   * The clock (ISO instant), e.g. the seeding time: no reading lies after it, so a series seeded at 13:27 ends
   * with that morning's readings, not the evening's still to come. One of `endDate` or `now` is required.
   */
  now?: string;
  days?: number;
  /** Readings per occasion (morning and evening), default 2. */
  readingsPerOccasion?: number;
  utcOffsetMinutes?: number;
}

export interface HomeBpSeries {
  synthetic: true;
  profile: HomeBpProfile;
  /** Office BP that goes with the profile (e.g. high for white-coat, normal for masked). */
  office: BpValue;
  readings: BpReading[];
  observations: Observation[];
}

/** mulberry32: small deterministic PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Illustrative profile means (synthetic, not clinical data): home mean, office mean, heart rate.
const PROFILES: Record<HomeBpProfile, { home: BpValue; office: BpValue; hr: number }> = {
  controlled: { home: { sbp: 124, dbp: 77 }, office: { sbp: 128, dbp: 80 }, hr: 68 },
  uncontrolled: { home: { sbp: 152, dbp: 95 }, office: { sbp: 158, dbp: 98 }, hr: 76 },
  'white-coat': { home: { sbp: 124, dbp: 78 }, office: { sbp: 152, dbp: 94 }, hr: 70 },
  masked: { home: { sbp: 143, dbp: 89 }, office: { sbp: 128, dbp: 80 }, hr: 74 },
  'crisis-episode': { home: { sbp: 146, dbp: 91 }, office: { sbp: 150, dbp: 94 }, hr: 78 },
};

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

function localIso(ms: number, offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${new Date(ms + offset * 60_000).toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}

export function generateHomeBpSeries(options: HomeBpSeriesOptions): HomeBpSeries {
  const rand = mulberry32(options.seed);
  const days = options.days ?? 60;
  const per = options.readingsPerOccasion ?? 2;
  const offset = options.utcOffsetMinutes ?? 480;
  const p = PROFILES[options.profile];
  const patient = `Patient/${options.patientId}`;
  const device = `Device/demo-cuff-${options.patientId}`.slice(0, 71);
  const nowMs = options.now === undefined ? Infinity : Date.parse(options.now);
  if (Number.isNaN(nowMs)) throw new Error(`generateHomeBpSeries: not an instant "${options.now}"`);
  const endDate =
    options.endDate ?? (Number.isFinite(nowMs) ? localIso(nowMs, offset).slice(0, 10) : undefined);
  if (!endDate) throw new Error('generateHomeBpSeries: endDate or now is required');
  const endMidnightUtc = Date.parse(`${endDate}T00:00:00Z`) - offset * 60_000;
  const readings: BpReading[] = [];
  for (let d = days - 1; d >= 0; d--) {
    const dayStart = endMidnightUtc - d * 86_400_000;
    const dayNoise = gaussian(rand) * 4;
    const crisis = options.profile === 'crisis-episode' && d <= 2 && d >= 1;
    for (const [hour, bump] of [
      [7, 5],
      [21, 0],
    ] as const) {
      const start = dayStart + hour * 3_600_000 + Math.floor(rand() * 40) * 60_000;
      for (let k = 0; k < per; k++) {
        const ms = start + k * 60_000;
        let sbp = p.home.sbp + bump + dayNoise + gaussian(rand) * 6 - k * 2;
        let dbp = p.home.dbp + bump / 2 + dayNoise / 2 + gaussian(rand) * 4 - k;
        if (crisis) {
          sbp += 42;
          dbp += 32;
        }
        sbp = Math.round(sbp);
        dbp = Math.min(Math.round(dbp), sbp - 20);
        // Readings after `now` come last, so dropping them never changes the earlier ones.
        if (ms > nowMs) continue;
        const utc = new Date(ms).toISOString();
        readings.push({
          id: stableId(`${patient}|${device}|${utc}`),
          time: localIso(ms, offset),
          sbp,
          dbp,
          heartRate: Math.round(p.hr + gaussian(rand) * 5),
          deviceId: device,
          patientId: patient,
        });
      }
    }
  }
  const observations = readings.flatMap((r) => {
    const hr = toFhirHeartRateObservation(r);
    return hr ? [toFhirBpObservation(r), hr] : [toFhirBpObservation(r)];
  });
  return { synthetic: true, profile: options.profile, office: p.office, readings, observations };
}
