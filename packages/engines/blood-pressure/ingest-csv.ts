/**
 * CSV device export → candidates. Columns documented in README.md ("CSV device export") and, for hospital IT,
 * docs/bp-upload-csv.md. Besides our own names (time, sbp, dbp …) the headers common device and app exports
 * write are read (issue 20): systolic/diastolic, SYS/DIA, 收缩压/舒张压, pulse/PUL/脉搏, and a date and a clock time
 * in two columns (Date,Time). Names are case-insensitive, a unit in brackets is ignored ("SYS(mmHg)",
 * "收缩压（mmHg）"). A time written without an offset is local time in `timeZone` when one is given.
 */
import { readCsv } from '@qihuang/csv';
import { kpaToMmHg, reject, type Candidate } from './plausibility.ts';
import type { FhirParsed } from './ingest-fhir.ts';
import { zoneOffsetMinutes } from './time.ts';

export const CSV_COLUMNS = ['time', 'sbp', 'dbp', 'unit', 'heart_rate', 'device_id', 'patient_id'] as const;
type Column = (typeof CSV_COLUMNS)[number] | 'date';

/** Header names read as each column (after lower-casing, dropping a bracketed unit, spaces → "_"). */
const ALIASES: Record<Column, readonly string[]> = {
  time: ['time', 'datetime', 'date_time', 'timestamp', 'measured_at', 'measurement_time', '测量时间', '时间'],
  date: ['date', 'measurement_date', '日期', '测量日期'],
  sbp: ['sbp', 'systolic', 'systolic_bp', 'sys', '收缩压', '高压'],
  dbp: ['dbp', 'diastolic', 'diastolic_bp', 'dia', '舒张压', '低压'],
  unit: ['unit', 'units', '单位'],
  heart_rate: ['heart_rate', 'pulse', 'pul', 'hr', 'pulse_rate', '脉搏', '心率'],
  device_id: ['device_id', 'device', 'serial', '设备'],
  patient_id: ['patient_id'],
};

/** The accepted columns, as the refusal and the documentation name them. */
export const CSV_HEADER_HELP =
  'accepted columns: time (ISO date-time, or date + time in two columns: date/日期 and time/时间), ' +
  'sbp (also systolic, SYS, 收缩压), dbp (also diastolic, DIA, 舒张压); optional unit (mmHg or kPa), ' +
  'heart_rate (also pulse, PUL, 脉搏), device_id, patient_id';

function normalise(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .replace(/[(（[].*?[)）\]]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Column → index in the header row (first header that names it). */
function columnsOf(header: readonly string[]): Map<Column, number> {
  const found = new Map<Column, number>();
  header.forEach((raw, i) => {
    const name = normalise(raw);
    for (const [column, names] of Object.entries(ALIASES) as [Column, readonly string[]][])
      if (names.includes(name) && !found.has(column)) found.set(column, i);
  });
  return found;
}

export function looksLikeCsv(text: string): boolean {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const cols = columnsOf(readCsv(first, { trim: true })[0] ?? []);
  return cols.has('sbp') && cols.has('dbp') && (cols.has('time') || cols.has('date'));
}

const pad = (v: string) => v.padStart(2, '0');

/** "2026/12/8" → "2026-12-08"; undefined when not a date. */
function isoDate(value: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value.trim());
  return m ? `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}` : undefined;
}

/** "7:05" / "21:30:00" → "07:05:00"; undefined when not a clock time. */
function isoClock(value: string): string | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  return m ? `${pad(m[1]!)}:${m[2]}:${m[3] ?? '00'}` : undefined;
}

/**
 * The reading's time from the row's time and date cells: a date-time as written ("2026-12-08 08:00" reads as
 * "2026-12-08T08:00:00"), a date and a clock time joined; without an offset, local time in `timeZone`.
 */
function timeOf(time: string | undefined, date: string | undefined, timeZone?: string): string | undefined {
  let local: string | undefined;
  const day = date ? isoDate(date) : undefined;
  const clock = time ? isoClock(time) : undefined;
  if (day && clock) local = `${day}T${clock}`;
  else if (time) {
    const m =
      /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})[ T](\d{1,2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
        time.trim(),
      );
    if (!m) return time;
    if (m[4]) return time; // an offset: as written
    local = `${isoDate(m[1]!) ?? m[1]}T${isoClock(m[2]!) ?? m[2]}`;
  } else return undefined;
  if (!timeZone) return local;
  // Local wall time → instant: the zone's offset at the instant, computed twice (a DST change in between).
  const asUtc = Date.parse(`${local}Z`);
  if (!Number.isFinite(asUtc)) return local;
  let offset = zoneOffsetMinutes(timeZone, asUtc);
  offset = zoneOffsetMinutes(timeZone, asUtc - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(String(Math.floor(abs / 60)))}:${pad(String(abs % 60))}`;
}

/** Parses the whole file; record index = data row number (1-based, header excluded). */
export function parseCsv(text: string, options: { timeZone?: string } = {}): FhirParsed[] {
  const rows = readCsv(text, { trim: true });
  const columns = columnsOf(rows[0] ?? []);
  const noValues = !columns.has('sbp') || !columns.has('dbp');
  return rows.slice(1).map((cells, i) => {
    const index = i + 1;
    if (noValues)
      return reject(
        index,
        'missing-value',
        `no systolic and diastolic columns in the header; ${CSV_HEADER_HELP}`,
      );
    const get = (name: Column) => {
      const k = columns.get(name);
      const v = k === undefined ? undefined : cells[k];
      return v === '' ? undefined : v;
    };
    const unit = (get('unit') ?? 'mmHg').toLowerCase();
    if (unit !== 'mmhg' && unit !== 'kpa')
      return reject(index, 'bad-unit', `unsupported unit "${get('unit')}"`);
    const num = (name: Column): number | undefined | null => {
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
    const time = timeOf(get('time'), get('date'), options.timeZone);
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
