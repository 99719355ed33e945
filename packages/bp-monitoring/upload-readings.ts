/**
 * Upload of wearable/device readings for one patient: the engine parses and checks every record (FHIR,
 * Open mHealth, CSV); then, in ONE transaction, the accepted readings go into the home-reading store
 * (reading-store.ts: one set-based upsert by stable id), the patient's cuffs and watches are written as FHIR
 * Devices, and one audit entry records the upload. Nothing is half-written: a failure rolls it all back.
 *
 * Every reading is also a FHIR Observation (BP panel, and heart rate when measured), projected from the store
 * (projector.ts): right after the upload, in the request, for an upload of up to `inlineLimit` readings (a cuff
 * or watch sync), or by the server's background projector for a larger one — the answer's `projection.pending`
 * says how many are not in FHIR yet. The assessment counts pending readings already.
 *
 * The answer lists every record: stored (new), updated (the same reading re-sent with other values: a new
 * version), unchanged (already there), heart-rate (attached to its BP reading) or rejected with the reason.
 */
import { isQihuangError, QihuangError, type AuditRecord, type RequestContext } from '@qihuang/contracts';
import {
  detectFormat,
  ingest,
  stableId,
  type IngestFormat,
  type IngestRecord,
} from '@qihuang/engines/blood-pressure';
import type { FhirRepository, FhirResource } from '@qihuang/store';
import { patientTimeZone } from './local-time.ts';
import { projectAll } from './projector.ts';
import { ALERT_GUIDELINE } from './raise-alerts.ts';
import { readingCategory } from './reading-advice.ts';
import { distinctReadings, upsertReadings, type ReadingStatus, type StoredReading } from './reading-store.ts';
import type { UploadCounts } from './api-types/index.ts';

/** Uploads up to this many readings are projected into FHIR before the answer (default). */
export const INLINE_PROJECTION_LIMIT = 1000;

export interface UploadResult extends UploadCounts {
  /** The crisis-range readings of this upload (values for the patient's advice). */
  crisis: { id: string; time: string; sbp: number; dbp: number }[];
  /** The Patient's own IANA zone (FHIR timezone extension), if it has one. */
  patientTimeZone?: string;
}

export interface UploadOptions {
  now: string;
  format?: IngestFormat;
  /**
   * 'inline' (default): project into FHIR before answering; `{ background: n }`: only when at most n readings
   * were stored or updated, else leave it to the server's projector (which the caller kicks).
   */
  projection?: 'inline' | { background: number };
  /**
   * Called once the readings are stored, before they are projected into FHIR (alert evaluation: the
   * assessment counts pending readings, so the alert does not wait for the projection).
   */
  afterStore?: (stored: number) => Promise<void>;
  /** The hospital's IANA zone: a CSV time without an offset is local to the patient's zone, else this one. */
  timeZone?: string;
}

export function deviceResourceId(patientId: string, deviceIdentifier: string): string {
  return `dev-${stableId(`${patientId}|${deviceIdentifier}`).slice(3)}`;
}

export async function uploadReadings(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
  text: string,
  options: UploadOptions,
): Promise<UploadResult> {
  if (!text.trim()) throw new QihuangError('invalid-input', 'No readings in the upload (empty body)');
  repo.authorize(ctx, 'Observation', 'write');
  repo.authorize(ctx, 'Device', 'write');
  // 404 for an unknown (or out-of-compartment) patient; its own time zone tells the advice's measured dates.
  const patient = await repo.read(ctx, 'Patient', patientId);
  let result;
  try {
    const format = options.format ?? detectFormat(text);
    const timeZone = patientTimeZone(patient, options.timeZone ?? '');
    result = ingest(text, {
      now: options.now,
      format,
      patientId: `Patient/${patientId}`,
      ...(timeZone ? { timeZone } : {}),
    });
    // Checked only when nothing was accepted: a large valid upload is not parsed twice.
    if (result.readings.length === 0) assertSomeJson(text, format);
  } catch (error) {
    if (isQihuangError(error)) throw error;
    throw new QihuangError('invalid-input', `Could not read the upload: ${(error as Error).message}`);
  }
  assertSomeAccepted(result.records);
  const devices = new Map<string, FhirResource>();
  const readings: StoredReading[] = [];
  for (const reading of result.readings) {
    if (reading.patientId && reading.patientId !== `Patient/${patientId}`) {
      throw new QihuangError(
        'invalid-input',
        `Reading ${reading.time} belongs to ${reading.patientId}, not Patient/${patientId}; nothing was stored`,
      );
    }
    const identifier = reading.deviceId ?? 'unknown-device';
    const deviceId = reading.deviceId?.startsWith('Device/')
      ? reading.deviceId.slice(7)
      : deviceResourceId(patientId, identifier);
    if (!reading.deviceId?.startsWith('Device/') && !devices.has(deviceId)) {
      devices.set(deviceId, {
        resourceType: 'Device',
        id: deviceId,
        status: 'active',
        identifier: [{ system: 'urn:qihuang:device', value: identifier }],
        deviceName: [{ name: identifier, type: 'user-friendly-name' }],
        patient: { reference: `Patient/${patientId}` },
      });
    }
    readings.push({
      id: reading.id,
      time: reading.time,
      sbp: reading.sbp,
      dbp: reading.dbp,
      ...(reading.heartRate === undefined ? {} : { heartRate: reading.heartRate }),
      deviceId,
      ...(reading.distinctId ? { distinctId: reading.distinctId } : {}),
      ...(reading.byRecord ? { byRecord: true } : {}),
    });
  }

  await assertDevicesKnown(repo, ctx, patientId, readings, devices);
  // The id each reading is stored under (its own, or its distinct id when a different reading holds that).
  const storedId = new Map<string, string>();
  const write = () =>
    repo.db.transaction().execute(async (trx) => {
      const placed = await distinctReadings(
        trx,
        patientId,
        readings,
        (held) => readingCategory(held, ALERT_GUIDELINE) === 'crisis',
      );
      placed.forEach((r, i) => storedId.set(readings[i]!.id, r.id));
      const written = await upsertReadings(trx, patientId, placed, repo.now());
      const deviceWrites = devices.size
        ? await repo.bulkUpsert(ctx, [...devices.values()], { transaction: trx, audit: false })
        : undefined;
      const count = (s: ReadingStatus) => [...written.values()].filter((v) => v === s).length;
      const record: AuditRecord = {
        action: 'transaction',
        outcome: 'success',
        resourceType: 'Observation',
        query: 'bp-readings',
        patientIds: [patientId],
        detail: {
          format: result.format,
          records: result.records.length,
          rejected: result.rejected,
          stored: count('stored'),
          updated: count('updated'),
          unchanged: count('unchanged'),
          devicesWritten: (deviceWrites?.created ?? 0) + (deviceWrites?.updated ?? 0),
        },
      };
      await repo.audit(trx, ctx, record);
      return written;
    });
  let status = new Map<string, ReadingStatus>();
  if (readings.length) {
    try {
      status = await write();
    } catch (error) {
      // A parallel upload created the same new Device first: all rolled back; once more, it is found.
      if (!(isQihuangError(error) && error.code === 'version-conflict')) throw error;
      status = await write();
    }
  }

  const changed = [...status].filter(([, s]) => s !== 'unchanged').map(([id]) => id);
  if (status.size > 0) await options.afterStore?.(status.size);
  let projected = 0;
  const inline =
    options.projection === undefined ||
    options.projection === 'inline' ||
    changed.length <= options.projection.background;
  if (changed.length && inline) {
    // Another projector may hold some of them (SKIP LOCKED): those it finishes, and they stay counted pending.
    projected = await projectAll(repo, ctx, { patientId, ids: changed });
  }

  const crisis: UploadResult['crisis'] = [];
  const records: UploadResult['records'] = result.records.map((record) => {
    if (record.status === 'rejected')
      return { index: record.index, status: 'rejected', code: record.code, reason: record.reason };
    if (record.status === 'heart-rate')
      return {
        index: record.index,
        status: 'heart-rate',
        ...(record.attachedTo ? { id: record.attachedTo } : {}),
      };
    const category = readingCategory(record.reading, ALERT_GUIDELINE);
    const id = storedId.get(record.reading.id) ?? record.reading.id;
    if (category === 'crisis') {
      const { time, sbp, dbp } = record.reading;
      crisis.push({ id, time, sbp, dbp });
    }
    return {
      index: record.index,
      status: status.get(id) ?? 'unchanged',
      id,
      category,
    };
  });
  const total = (s: UploadResult['records'][number]['status']) =>
    records.filter((r) => r.status === s).length;
  return {
    format: result.format,
    stored: total('stored'),
    updated: total('updated'),
    unchanged: total('unchanged'),
    rejected: total('rejected'),
    records,
    devices: [...devices.keys()],
    projection: { projected, pending: changed.length - projected },
    crisis,
    ...(patientTimeZone(patient, '') ? { patientTimeZone: patientTimeZone(patient, '') } : {}),
  };
}

/** Reasons quoted in the refusal's message (all are in its issues). */
const QUOTED_REASONS = 3;

/**
 * An upload of which no record is a reading (every one rejected, or none at all) is bad input: 422 with each
 * record's code and reason as issues (`records[n]`, n the record's 1-based index), nothing stored (issue 20).
 * Before, it answered 200 like a re-send. Heart-rate records alone attach to no reading and are no reading.
 */
function assertSomeAccepted(records: readonly IngestRecord[]): void {
  if (records.some((r) => r.status === 'accepted')) return;
  const rejected = records.filter(
    (r): r is Extract<IngestRecord, { status: 'rejected' }> => r.status === 'rejected',
  );
  const reasons = [...new Set(rejected.map((r) => `${r.code}: ${r.reason}`))];
  const quoted = reasons.slice(0, QUOTED_REASONS).join('; ');
  const more = reasons.length > QUOTED_REASONS ? ` (and ${reasons.length - QUOTED_REASONS} more)` : '';
  throw new QihuangError(
    'invalid-input',
    records.length === 0
      ? 'The upload holds no records; nothing was stored'
      : `None of the ${records.length} records was accepted as a reading; nothing was stored — ${quoted}${more}`,
    {
      status: 422,
      issues: records.map((r) => ({
        severity: r.status === 'rejected' ? ('error' as const) : ('information' as const),
        code: r.status === 'rejected' ? 'invalid' : 'informational',
        message:
          r.status === 'rejected'
            ? `${r.code}: ${r.reason}`
            : 'heart rate only: no blood-pressure reading to attach to',
        expression: [`records[${r.index}]`],
      })),
    },
  );
}

/**
 * A JSON upload (FHIR, Open mHealth, NDJSON) of which not even one line is JSON is a malformed request (400,
 * nothing stored), not one rejected record. NDJSON with some bad lines still answers per line. The parser's
 * message is not repeated: it quotes the body.
 */
function assertSomeJson(text: string, format: IngestFormat): void {
  if (format === 'csv') return;
  const parses = (s: string) => {
    try {
      JSON.parse(s);
      return true;
    } catch {
      return false;
    }
  };
  if (parses(text)) return;
  if (text.split(/\r?\n/).some((line) => line.trim() !== '' && parses(line))) return;
  throw new QihuangError(
    'invalid-input',
    'The upload is not valid JSON (nor NDJSON, one JSON object per line); nothing was stored',
  );
}

/**
 * A reading that names an existing `Device/…` must name one this caller can read (a patient: only their own)
 * and that is this patient's or no one's: checked here, through the repository (access control, audit),
 * because the Observation that references it is written later by the projector.
 */
async function assertDevicesKnown(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
  readings: readonly StoredReading[],
  written: ReadonlyMap<string, FhirResource>,
): Promise<void> {
  const named = [...new Set(readings.map((r) => r.deviceId))].filter((id) => !written.has(id));
  for (const id of named) {
    const device = (await repo.read(ctx, 'Device', id).catch((error: unknown) => {
      if (isQihuangError(error) && (error.code === 'not-found' || error.code === 'gone'))
        throw new QihuangError('invalid-input', `Device/${id} is not known; nothing was stored`);
      throw error;
    })) as { patient?: { reference?: string } };
    const owner = device.patient?.reference;
    if (owner && owner !== `Patient/${patientId}`)
      throw new QihuangError(
        'invalid-input',
        `Device/${id} belongs to ${owner}, not Patient/${patientId}; nothing was stored`,
      );
  }
}
