/** Plausibility checks and unit conversion for incoming readings (pure). */
import type { BpReading, Text } from './types.ts';
import { stableId } from './stable-id.ts';

/** 1 mmHg = 133.322387415 Pa (conventional millimetre of mercury; ISO 80000-4 / BIPM SI brochure table 8) → 1 kPa = 7.50062 mmHg. */
export const MMHG_PER_KPA = 1000 / 133.322387415;

export function kpaToMmHg(kpa: number): number {
  return Math.round(kpa * MMHG_PER_KPA * 10) / 10;
}

/**
 * Outer limits beyond which a value is treated as a device/transcription error, not a reading.
 * Not in REFERENCE.md: operational limits (UNVERIFIED), chosen wider than the measurement range of common
 * validated oscillometric upper-arm devices (cuff pressure 0–299 mmHg; pulse 40–180/min) so that no real
 * extreme (e.g. crisis values, REFERENCE §1.5) is rejected.
 */
export const PLAUSIBLE = {
  sbp: { min: 50, max: 300 }, // operational limit (UNVERIFIED)
  dbp: { min: 20, max: 200 }, // operational limit (UNVERIFIED)
  heartRate: { min: 20, max: 300 }, // operational limit (UNVERIFIED)
  /** Accept times up to this many minutes after `now` (device clock skew). */
  futureSkewMinutes: 5,
} as const;

export type RejectCode =
  | 'malformed'
  | 'unsupported'
  | 'missing-value'
  | 'missing-time'
  | 'bad-unit'
  | 'implausible'
  | 'dbp-not-below-sbp'
  | 'future-time'
  | 'duplicate'
  | 'conflicting-duplicate'
  | 'not-a-reading';

export interface Rejection {
  index: number;
  status: 'rejected';
  code: RejectCode;
  reason: string;
}

export interface Accepted {
  index: number;
  status: 'accepted';
  reading: BpReading;
}

export type RecordResult = Accepted | Rejection;

/** A candidate parsed from any format before checks; values already in mmHg. */
export interface Candidate {
  index: number;
  time?: string;
  sbp?: number;
  dbp?: number;
  heartRate?: number;
  deviceId?: string;
  patientId?: string;
  /** The sender's own id of this record (FHIR Observation.identifier, Open mHealth header.id). */
  recordId?: string;
}

export const reject = (index: number, code: RejectCode, reason: string): Rejection => ({
  index,
  status: 'rejected',
  code,
  reason,
});

export const REJECT_TEXT: Record<RejectCode, Text> = {
  malformed: { zh: '记录格式错误', en: 'malformed record' },
  unsupported: { zh: '不支持的记录类型', en: 'unsupported record type' },
  'missing-value': { zh: '缺少收缩压或舒张压', en: 'missing systolic or diastolic value' },
  'missing-time': { zh: '缺少测量时间', en: 'missing measurement time' },
  'bad-unit': { zh: '不支持的单位', en: 'unsupported unit' },
  implausible: { zh: '数值超出可能范围', en: 'value outside the plausible range' },
  'dbp-not-below-sbp': { zh: '舒张压不低于收缩压', en: 'diastolic not below systolic' },
  'future-time': { zh: '测量时间晚于当前时间', en: 'measurement time in the future' },
  duplicate: { zh: '重复记录（重新同步）', en: 'duplicate record (re-sync)' },
  'conflicting-duplicate': {
    zh: '同一设备同一时间的数值不一致',
    en: 'same device and time with different values',
  },
  'not-a-reading': { zh: '不是单次测量（统计值）', en: 'not a single measurement (statistic)' },
};

/** Checks one candidate; `seen` tracks device+time keys for duplicate detection across the batch. */
export function check(c: Candidate, now: number, seen: Map<string, BpReading>): RecordResult {
  if (c.sbp === undefined || c.dbp === undefined || !Number.isFinite(c.sbp) || !Number.isFinite(c.dbp)) {
    return reject(c.index, 'missing-value', 'systolic and diastolic values are required');
  }
  if (!c.time) return reject(c.index, 'missing-time', 'measurement time is required');
  const t = Date.parse(c.time);
  if (!Number.isFinite(t) || !/T\d{2}:\d{2}/.test(c.time))
    return reject(c.index, 'missing-time', `unparseable time "${c.time}"`);
  for (const [name, value, lim] of [
    ['SBP', c.sbp, PLAUSIBLE.sbp],
    ['DBP', c.dbp, PLAUSIBLE.dbp],
    ['heart rate', c.heartRate, PLAUSIBLE.heartRate],
  ] as const) {
    if (value !== undefined && (value < lim.min || value > lim.max)) {
      return reject(c.index, 'implausible', `${name} ${value} outside plausible range ${lim.min}–${lim.max}`);
    }
  }
  if (c.dbp >= c.sbp) return reject(c.index, 'dbp-not-below-sbp', `DBP ${c.dbp} ≥ SBP ${c.sbp}`);
  if (t > now + PLAUSIBLE.futureSkewMinutes * 60_000)
    return reject(c.index, 'future-time', `time ${c.time} is after now`);
  const utc = new Date(t).toISOString();
  // Identity (issue 20): the sender's record id when it gives one; else device and time — and a record of the
  // same device and time with OTHER values is another reading (two readings in one minute), not a re-send.
  const key = c.recordId
    ? `${c.patientId ?? ''}|${c.deviceId ?? ''}|record:${c.recordId}`
    : `${c.patientId ?? ''}|${c.deviceId ?? ''}|${utc}`;
  const distinctKey = `${key}|${c.sbp}/${c.dbp}`;
  const reading: BpReading = { id: stableId(key), time: c.time, sbp: c.sbp, dbp: c.dbp };
  reading.distinctId = stableId(distinctKey);
  if (c.recordId) reading.byRecord = true;
  if (c.heartRate !== undefined) reading.heartRate = c.heartRate;
  if (c.deviceId !== undefined) reading.deviceId = c.deviceId;
  if (c.patientId !== undefined) reading.patientId = c.patientId;
  const prior = seen.get(key);
  if (prior) {
    if (prior.sbp === c.sbp && prior.dbp === c.dbp)
      return reject(c.index, 'duplicate', `same device, time and values as an earlier record (${prior.id})`);
    if (c.recordId)
      return reject(c.index, 'conflicting-duplicate', `same record id as ${prior.id} with different values`);
    const same = seen.get(distinctKey);
    if (same)
      return reject(c.index, 'duplicate', `same device, time and values as an earlier record (${same.id})`);
    // Another reading of the same minute: its own id, derived from its values (a re-send finds it again).
    reading.id = reading.distinctId;
    seen.set(distinctKey, reading);
    return { index: c.index, status: 'accepted', reading };
  }
  seen.set(key, reading);
  return { index: c.index, status: 'accepted', reading };
}
