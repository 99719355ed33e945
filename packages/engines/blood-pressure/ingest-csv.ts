/** CSV device export → candidates. Columns documented in README.md ("CSV device export"). */
import { readCsv } from '@qihuang/csv';
import { kpaToMmHg, reject, type Candidate } from './plausibility.ts';
import type { FhirParsed } from './ingest-fhir.ts';

export const CSV_COLUMNS = ['time', 'sbp', 'dbp', 'unit', 'heart_rate', 'device_id', 'patient_id'] as const;

export function looksLikeCsv(text: string): boolean {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const cols = readCsv(first.toLowerCase(), { trim: true })[0] ?? [];
  return cols.includes('sbp') && cols.includes('dbp') && cols.includes('time');
}

/** Parses the whole file; record index = data row number (1-based, header excluded). */
export function parseCsv(text: string): FhirParsed[] {
  const rows = readCsv(text, { trim: true });
  const header = (rows[0] ?? []).map((name) => name.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  return rows.slice(1).map((cells, i) => {
    const index = i + 1;
    const get = (name: string) => {
      const k = col(name);
      const v = k >= 0 ? cells[k] : undefined;
      return v === '' ? undefined : v;
    };
    const unit = (get('unit') ?? 'mmHg').toLowerCase();
    if (unit !== 'mmhg' && unit !== 'kpa')
      return reject(index, 'bad-unit', `unsupported unit "${get('unit')}"`);
    const num = (name: string): number | undefined | null => {
      const v = get(name);
      if (v === undefined) return undefined;
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    };
    const s = num('sbp');
    const d = num('dbp');
    const hr = num('heart_rate');
    if (s === null || d === null || hr === null) return reject(index, 'malformed', 'non-numeric value');
    const conv = (v: number | undefined) => (v === undefined ? undefined : unit === 'kpa' ? kpaToMmHg(v) : v);
    const c: Candidate = { index };
    const time = get('time');
    if (time) c.time = time;
    const sv = conv(s);
    const dv = conv(d);
    if (sv !== undefined) c.sbp = sv;
    if (dv !== undefined) c.dbp = dv;
    if (hr !== undefined) c.heartRate = hr;
    const device = get('device_id');
    if (device) c.deviceId = device;
    const patient = get('patient_id');
    if (patient) c.patientId = patient;
    return { kind: 'bp', candidate: c };
  });
}
