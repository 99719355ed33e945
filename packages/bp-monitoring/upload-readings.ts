/**
 * Upload of wearable/device readings for one patient: the engine parses and checks every record (FHIR,
 * Open mHealth, CSV), then all accepted readings and their devices are written in ONE transaction by stable
 * id, so a re-sync or re-upload writes nothing new. The answer lists every record: stored, unchanged
 * (already there), heart-rate (attached) or rejected with the reason.
 *
 * The write is the store's set-based bulk upsert (FhirRepository.bulkUpsert: one key lookup, one statement
 * per table, one audit entry for the batch); `writer: 'transaction'` uses the general transaction-Bundle path
 * instead (same result, row-by-row work; kept as the reference for the equivalence test and the benchmark).
 */
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import {
  ingest,
  stableId,
  toFhirBpObservation,
  toFhirHeartRateObservation,
  type IngestFormat,
} from '@qihuang/engines/blood-pressure';
import { processTransaction, type FhirRepository, type FhirResource } from '@qihuang/store';

export interface UploadResult {
  format: IngestFormat;
  stored: number;
  unchanged: number;
  rejected: number;
  records: {
    index: number;
    status: 'stored' | 'unchanged' | 'rejected' | 'heart-rate';
    id?: string;
    code?: string;
    reason?: string;
  }[];
  devices: string[];
}

export function deviceResourceId(patientId: string, deviceIdentifier: string): string {
  return `dev-${stableId(`${patientId}|${deviceIdentifier}`).slice(3)}`;
}

export async function uploadReadings(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
  text: string,
  options: { now: string; format?: IngestFormat; writer?: 'bulk' | 'transaction' },
): Promise<UploadResult> {
  if (!text.trim()) throw new QihuangError('invalid-input', 'No readings in the upload (empty body)');
  await repo.read(ctx, 'Patient', patientId); // 404 for an unknown (or out-of-compartment) patient
  let result;
  try {
    result = ingest(text, { now: options.now, format: options.format, patientId: `Patient/${patientId}` });
  } catch (error) {
    throw new QihuangError('invalid-input', `Could not read the upload: ${(error as Error).message}`);
  }
  const devices = new Map<string, FhirResource>();
  const resources: FhirResource[] = [];
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
    const linked = { ...reading, patientId: `Patient/${patientId}`, deviceId: `Device/${deviceId}` };
    resources.push(toFhirBpObservation(linked) as unknown as FhirResource);
    const hr = toFhirHeartRateObservation(linked);
    if (hr) resources.push(hr as unknown as FhirResource);
  }
  const all = [...devices.values(), ...resources];
  const created =
    options.writer === 'transaction'
      ? await writeAsTransaction(repo, ctx, all)
      : await writeInBulk(repo, ctx, all, result);
  const records: UploadResult['records'] = result.records.map((record) => {
    if (record.status === 'rejected')
      return { index: record.index, status: 'rejected', code: record.code, reason: record.reason };
    if (record.status === 'heart-rate')
      return {
        index: record.index,
        status: 'heart-rate',
        ...(record.attachedTo ? { id: record.attachedTo } : {}),
      };
    return {
      index: record.index,
      status: created.has(record.reading.id) ? 'stored' : 'unchanged',
      id: record.reading.id,
    };
  });
  return {
    format: result.format,
    stored: records.filter((r) => r.status === 'stored').length,
    unchanged: records.filter((r) => r.status === 'unchanged').length,
    rejected: records.filter((r) => r.status === 'rejected').length,
    records,
    devices: [...devices.keys()],
  };
}

/** Ids of the resources newly created (an existing reading, even if re-versioned, counts as unchanged). */
async function writeInBulk(
  repo: FhirRepository,
  ctx: RequestContext,
  all: FhirResource[],
  result: ReturnType<typeof ingest>,
): Promise<Set<string>> {
  if (all.length === 0) return new Set();
  const written = await repo.bulkUpsert(ctx, all, {
    audit: {
      query: 'bp-readings',
      detail: { format: result.format, records: result.records.length, rejected: result.rejected },
    },
  });
  return new Set(written.outcomes.filter((o) => o.status === 'created').map((o) => o.id));
}

async function writeAsTransaction(
  repo: FhirRepository,
  ctx: RequestContext,
  all: FhirResource[],
): Promise<Set<string>> {
  if (all.length === 0) return new Set();
  const summary = await processTransaction(repo, ctx, {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: all.map((resource) => ({
      resource,
      request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` },
    })),
  });
  const created = new Set<string>();
  for (const entry of summary.bundle.entry as { resource?: { id: string }; response: { status: string } }[])
    if (entry.resource && entry.response.status.startsWith('201')) created.add(entry.resource.id);
  return created;
}
