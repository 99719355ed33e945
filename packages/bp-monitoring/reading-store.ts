/**
 * The home-reading store (migration 0400-bp-reading): one compact row per reading, written by a set-based
 * upsert keyed by the reading's stable id. A re-sent reading with the same values changes nothing; with other
 * values it becomes a new version, pending projection into FHIR again (projector.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { BpReading } from '@qihuang/engines/blood-pressure';
import type { ReadingStatus } from './api-types/index.ts';

export type { ReadingStatus };

/** Rows per statement: bounds one bound array (and PGlite's memory) on very large uploads. */
const CHUNK = 5000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any application database that ran migration 0400
export type AnyDb = Kysely<any>;

/** A reading as stored: the engine's reading with the Device resource id its cuff or watch was given. */
export interface StoredReading {
  id: string;
  time: string;
  sbp: number;
  dbp: number;
  heartRate?: number;
  /** Device resource id (no "Device/"). */
  deviceId: string;
  /** The id it takes when its own is held by a different reading (the engine's `distinctId`, issue 20). */
  distinctId?: string;
  /** Its id is the sender's record id (a re-send with other values is a correction), not device and time. */
  byRecord?: boolean;
}

/**
 * Gives each reading whose id is already held by a DIFFERENT reading its distinct id (issue 20): two readings of
 * one device in one minute are two readings, never a new version of the first. A reading known only by device
 * and time moves when the stored one has other SBP/DBP; a named record (device record id, idempotency key) is
 * a correction of the stored one, unless the stored one is `protect`ed (a crisis-range reading is never replaced
 * by a later value). A retry finds the same distinct id (derived from the values). Runs on the executor given.
 */
export async function distinctReadings(
  executor: AnyDb,
  patientId: string,
  readings: readonly StoredReading[],
  protect: (stored: { sbp: number; dbp: number }) => boolean,
): Promise<StoredReading[]> {
  const movable = readings.filter((r) => r.distinctId && r.distinctId !== r.id);
  if (movable.length === 0) return [...readings];
  const held = new Map<string, { sbp: number; dbp: number }>();
  for (let start = 0; start < movable.length; start += CHUNK) {
    const ids = movable.slice(start, start + CHUNK).map((r) => r.id);
    const { rows } = await sql<{ id: string; sbp: number; dbp: number }>`
      select id, sbp, dbp from bp_reading where patient_id = ${patientId} and id = any(${ids}::text[])`.execute(
      executor,
    );
    for (const row of rows) held.set(row.id, { sbp: Number(row.sbp), dbp: Number(row.dbp) });
  }
  return readings.map((r) => {
    const stored = held.get(r.id);
    if (!stored || !r.distinctId || (stored.sbp === r.sbp && stored.dbp === r.dbp)) return r;
    if (r.byRecord && !protect(stored)) return r;
    return { ...r, id: r.distinctId };
  });
}

export interface ReadingRow {
  patient_id: string;
  id: string;
  device_id: string;
  time: string;
  sbp: number;
  dbp: number;
  heart_rate: number | null;
  version: number;
}

/**
 * Upserts one patient's readings; answers the status of each id (stored, updated, or unchanged). Runs on the
 * executor given (the caller's transaction). A withdrawn reading (entered-in-error, withdraw-reading.ts) is never
 * revived by a re-send: it answers unchanged (a correction is a new reading, docs/decisions/0020).
 */
export async function upsertReadings(
  executor: AnyDb,
  patientId: string,
  readings: readonly StoredReading[],
  receivedAt: string,
): Promise<Map<string, ReadingStatus>> {
  const status = new Map<string, ReadingStatus>();
  for (const r of readings) status.set(r.id, 'unchanged');
  for (let start = 0; start < readings.length; start += CHUNK) {
    const chunk = readings.slice(start, start + CHUNK);
    // The changed ids come back as two arrays in one row (cheaper to send and parse than a row per reading).
    const { rows } = await sql<{ stored: string[] | null; updated: string[] | null }>`
      with written as (
      insert into bp_reading as r (patient_id, id, device_id, time, effective_at, sbp, dbp, heart_rate, version, pending, received_at)
      select ${patientId}, x.id, x.device_id, x.time, x.time::timestamptz, x.sbp, x.dbp, x.heart_rate, 1, true, ${receivedAt}::timestamptz
      from unnest(${chunk.map((r) => r.id)}::text[], ${chunk.map((r) => r.deviceId)}::text[],
        ${chunk.map((r) => r.time)}::text[], ${chunk.map((r) => r.sbp)}::float8[], ${chunk.map((r) => r.dbp)}::float8[],
        ${chunk.map((r) => r.heartRate ?? null)}::float8[]) as x(id, device_id, time, sbp, dbp, heart_rate)
      on conflict (patient_id, id) do update set
        device_id = excluded.device_id, time = excluded.time, effective_at = excluded.effective_at,
        sbp = excluded.sbp, dbp = excluded.dbp, heart_rate = excluded.heart_rate,
        version = r.version + 1, pending = true, received_at = excluded.received_at
      where r.status <> 'entered-in-error'
        and (r.device_id, r.time, r.sbp, r.dbp, r.heart_rate)
        is distinct from (excluded.device_id, excluded.time, excluded.sbp, excluded.dbp, excluded.heart_rate)
      returning r.id, r.version)
      select array_agg(id) filter (where version = 1) as stored,
        array_agg(id) filter (where version > 1) as updated from written`.execute(executor);
    for (const id of rows[0]?.stored ?? []) status.set(id, 'stored');
    for (const id of rows[0]?.updated ?? []) status.set(id, 'updated');
  }
  return status;
}

/** The engine's reading for a stored row (FHIR references, as the projection writes them). */
export function readingOf(row: ReadingRow): BpReading {
  return {
    id: row.id,
    time: row.time,
    sbp: Number(row.sbp),
    dbp: Number(row.dbp),
    ...(row.heart_rate === null ? {} : { heartRate: Number(row.heart_rate) }),
    deviceId: `Device/${row.device_id}`,
    patientId: `Patient/${row.patient_id}`,
  };
}

/**
 * One patient's readings not yet projected into FHIR (current version), within [from, to] when given: the
 * assessment adds them to what it reads from the FHIR store, so a large upload counts at once.
 */
export async function pendingReadings(
  db: AnyDb,
  patientId: string,
  window: { from?: string; to?: string } = {},
): Promise<BpReading[]> {
  // As the FHIR search `date=ge…`/`date=le…` the assessment runs: a bare date covers its whole (UTC) day.
  const from = window.from ? new Date(Date.parse(window.from)).toISOString() : null;
  const dateOnly = window.to !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(window.to);
  const before = window.to
    ? new Date(Date.parse(window.to) + (dateOnly ? 86_400_000 : 1)).toISOString()
    : null;
  const { rows } = await sql<ReadingRow>`
    select patient_id, id, device_id, time, sbp, dbp, heart_rate, version from bp_reading
    where patient_id = ${patientId} and pending and status <> 'entered-in-error'
      and (${from}::timestamptz is null or effective_at >= ${from}::timestamptz)
      and (${before}::timestamptz is null or effective_at < ${before}::timestamptz)
    order by effective_at`.execute(db);
  return rows.map(readingOf);
}
