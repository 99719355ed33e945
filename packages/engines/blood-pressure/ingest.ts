/** Ingestion entry point: detect format, parse, check plausibility, de-duplicate. Pure: text in, per-record results out. */
import type { BpReading } from './types.ts';
import { fhirResources, parseFhirObservation, type FhirParsed } from './ingest-fhir.ts';
import { isOmh, parseOmh } from './ingest-omh.ts';
import { looksLikeCsv, parseCsv } from './ingest-csv.ts';
import { check, PLAUSIBLE, reject, type Accepted, type Candidate, type Rejection } from './plausibility.ts';
import type { Observation } from '@medplum/fhirtypes';

export type IngestFormat = 'fhir' | 'ndjson' | 'omh' | 'csv';

/** A heart-rate-only record; attached to the BP reading of the same device within 2 minutes when there is one. */
export interface HeartRateRecord {
  index: number;
  status: 'heart-rate';
  time: string;
  heartRate: number;
  attachedTo?: string;
}

export type IngestRecord = Accepted | Rejection | HeartRateRecord;

export interface IngestResult {
  format: IngestFormat;
  records: IngestRecord[];
  readings: BpReading[];
  accepted: number;
  rejected: number;
}

export interface IngestOptions {
  /** Current time (ISO); readings after it (beyond the skew allowance) are rejected. */
  now: string;
  format?: IngestFormat;
  /** Patient reference applied where the source carries none (e.g. "Patient/123"). */
  patientId?: string;
  /** IANA zone of a CSV time written without an offset (the patient's, else the hospital's). */
  timeZone?: string;
}

export function detectFormat(text: string): IngestFormat {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (looksLikeCsv(t)) return 'csv';
  if (t.startsWith('[') || t.startsWith('{')) {
    try {
      const json: unknown = JSON.parse(t);
      return isOmh(json) ? 'omh' : 'fhir';
    } catch {
      return 'ndjson';
    }
  }
  throw new Error(
    'unrecognised input: expected FHIR JSON/NDJSON, Open mHealth JSON or CSV with a header row',
  );
}

function parseJsonLines(text: string): FhirParsed[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      try {
        return fromJson(JSON.parse(line) as unknown, i + 1);
      } catch {
        return reject(i + 1, 'malformed', 'line is not valid JSON');
      }
    });
}

function fromJson(item: unknown, index: number): FhirParsed {
  if (!item || typeof item !== 'object') return reject(index, 'malformed', 'not a JSON object');
  if ((item as { resourceType?: string }).resourceType === 'Observation')
    return parseFhirObservation(item as Observation, index);
  if (isOmh(item)) return parseOmh(item, index);
  return reject(
    index,
    'unsupported',
    `unsupported resource ${(item as { resourceType?: string }).resourceType ?? '(no resourceType)'}`,
  );
}

function parse(text: string, format: IngestFormat, timeZone?: string): FhirParsed[] {
  switch (format) {
    case 'csv':
      return parseCsv(text, timeZone ? { timeZone } : {});
    case 'ndjson':
      return parseJsonLines(text);
    case 'fhir':
    case 'omh': {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return parseJsonLines(text);
      }
      const items = format === 'fhir' ? fhirResources(json) : Array.isArray(json) ? json : [json];
      return items.map((item, i) => fromJson(item, i + 1));
    }
  }
}

export function ingest(text: string, options: IngestOptions): IngestResult {
  const format = options.format ?? detectFormat(text);
  const now = Date.parse(options.now);
  if (!Number.isFinite(now)) throw new Error(`invalid now "${options.now}"`);
  const parsed = parse(text, format, options.timeZone);
  const seen = new Map<string, BpReading>();
  const withPatient = (c: Candidate): Candidate =>
    c.patientId || !options.patientId ? c : { ...c, patientId: options.patientId };
  const records: IngestRecord[] = parsed.map((p) =>
    'status' in p
      ? p
      : p.kind === 'bp'
        ? check(withPatient(p.candidate), now, seen)
        : hrRecord(p.candidate, now),
  );
  const readings = records.filter((r): r is Accepted => r.status === 'accepted').map((r) => r.reading);
  attachHeartRates(records, readings);
  return {
    format,
    records,
    readings,
    accepted: readings.length,
    rejected: records.filter((r) => r.status === 'rejected').length,
  };
}

function hrRecord(c: Candidate, now: number): HeartRateRecord | Rejection {
  const hr = c.heartRate as number;
  if (!c.time || !Number.isFinite(Date.parse(c.time)))
    return reject(c.index, 'missing-time', 'measurement time is required');
  if (hr < PLAUSIBLE.heartRate.min || hr > PLAUSIBLE.heartRate.max)
    return reject(c.index, 'implausible', `heart rate ${hr} outside plausible range`);
  if (Date.parse(c.time) > now + PLAUSIBLE.futureSkewMinutes * 60_000)
    return reject(c.index, 'future-time', `time ${c.time} is after now`);
  return { index: c.index, status: 'heart-rate', time: c.time, heartRate: hr };
}

function attachHeartRates(records: IngestRecord[], readings: BpReading[]): void {
  for (const r of records) {
    if (r.status !== 'heart-rate') continue;
    const t = Date.parse(r.time);
    const match = readings.find(
      (b) => b.heartRate === undefined && Math.abs(Date.parse(b.time) - t) <= 120_000,
    );
    if (match) {
      match.heartRate = r.heartRate;
      r.attachedTo = match.id;
    }
  }
}
