/** Open mHealth `blood-pressure` (1.x–4.x) and `heart-rate` JSON → candidates. Data-point envelopes or bare bodies. */
import { kpaToMmHg, reject, type Candidate } from './plausibility.ts';
import type { FhirParsed } from './ingest-fhir.ts';

interface UnitValue {
  value?: number;
  unit?: string;
}
interface OmhBody {
  systolic_blood_pressure?: UnitValue;
  diastolic_blood_pressure?: UnitValue;
  heart_rate?: UnitValue;
  effective_time_frame?: {
    date_time?: string;
    time_interval?: { start_date_time?: string; end_date_time?: string };
  };
  descriptive_statistic?: string;
}
interface OmhDataPoint {
  header?: {
    id?: string;
    schema_id?: { name?: string };
    acquisition_provenance?: { source_name?: string };
    user_id?: string;
  };
  body?: OmhBody;
}

export function isOmh(json: unknown): boolean {
  const items = Array.isArray(json) ? json : [json];
  return items.some((x) => {
    if (!x || typeof x !== 'object') return false;
    const body = ((x as OmhDataPoint).body ?? x) as OmhBody;
    return body.systolic_blood_pressure !== undefined || body.heart_rate !== undefined;
  });
}

function value(uv: UnitValue | undefined, units: readonly string[]): number | string | undefined {
  if (!uv || uv.value === undefined) return undefined;
  if (uv.unit === 'kPa' && units.includes('mmHg')) return kpaToMmHg(uv.value);
  if (uv.unit === undefined || units.includes(uv.unit)) return uv.value;
  return `unsupported unit "${uv.unit}"`;
}

export function parseOmh(item: unknown, index: number): FhirParsed {
  if (!item || typeof item !== 'object') return reject(index, 'malformed', 'not a JSON object');
  const dp = item as OmhDataPoint;
  const body = (dp.body ?? item) as OmhBody;
  const c: Candidate = { index };
  const tf = body.effective_time_frame;
  const time = tf?.date_time ?? tf?.time_interval?.start_date_time;
  if (time) c.time = time;
  const device = dp.header?.acquisition_provenance?.source_name;
  if (device) c.deviceId = device;
  if (dp.header?.user_id) c.patientId = dp.header.user_id;
  if (dp.header?.id) c.recordId = dp.header.id;
  if (body.descriptive_statistic)
    return reject(
      index,
      'not-a-reading',
      `descriptive statistic "${body.descriptive_statistic}" is not a single reading`,
    );
  if (tf?.time_interval && !tf.time_interval.start_date_time)
    return reject(index, 'missing-time', 'time interval without an exact start time');
  if (body.systolic_blood_pressure !== undefined || body.diastolic_blood_pressure !== undefined) {
    const s = value(body.systolic_blood_pressure, ['mmHg']);
    const d = value(body.diastolic_blood_pressure, ['mmHg']);
    if (typeof s === 'string' || typeof d === 'string')
      return reject(index, 'bad-unit', (typeof s === 'string' ? s : d) as string);
    if (s !== undefined) c.sbp = s;
    if (d !== undefined) c.dbp = d;
    const hr = value(body.heart_rate, ['beats/min']);
    if (typeof hr === 'number') c.heartRate = hr;
    return { kind: 'bp', candidate: c };
  }
  if (body.heart_rate !== undefined) {
    const hr = value(body.heart_rate, ['beats/min']);
    if (typeof hr === 'string') return reject(index, 'bad-unit', hr);
    if (hr === undefined) return reject(index, 'missing-value', 'heart rate value missing');
    return { kind: 'hr', candidate: { ...c, heartRate: hr } };
  }
  return reject(index, 'unsupported', 'neither blood-pressure nor heart-rate body');
}
