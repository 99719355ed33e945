/** Value helpers shared by index extraction and search parsing: date ranges, string normalisation, references. */

export const NEG_INFINITY = '-infinity';
export const POS_INFINITY = 'infinity';

const DATE_RE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * Parses a FHIR date / dateTime / instant (or a search date value) into the instant range it covers,
 * [start, end) with end EXCLUSIVE. Values without a timezone are read as UTC. Returns undefined if invalid.
 * `2020` → [2020-01-01T00:00:00.000Z, 2021-01-01T00:00:00.000Z); `2020-03-04T10:00` → one minute;
 * seconds with fraction `…:05.123` → one millisecond.
 */
export function dateRange(text: string): { start: string; end: string } | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const year = Number(y);
  const month = mo === undefined ? undefined : Number(mo);
  const day = d === undefined ? undefined : Number(d);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month ?? 1))) return undefined;
  if (h !== undefined && (Number(h) > 24 || Number(mi) > 59 || (s !== undefined && Number(s) > 60)))
    return undefined;
  const offsetMinutes = tz === undefined || tz === 'Z' ? 0 : tzMinutes(tz);
  const ms = frac === undefined ? 0 : Math.floor(Number(`0${frac}`) * 1000);
  const base = Date.UTC(
    year,
    (month ?? 1) - 1,
    day ?? 1,
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(s ?? 0),
    ms,
  );
  if (Number.isNaN(base)) return undefined;
  let endMs: number;
  if (month === undefined) endMs = Date.UTC(year + 1, 0, 1);
  else if (day === undefined) endMs = Date.UTC(year, month, 1);
  else if (h === undefined) endMs = Date.UTC(year, month - 1, day + 1);
  else if (s === undefined) endMs = base + 60_000;
  else if (frac === undefined) endMs = base + 1000;
  else endMs = base + 1;
  const shift = h === undefined ? 0 : offsetMinutes * 60_000;
  return { start: iso(base - shift), end: iso(endMs - shift) };
}

function tzMinutes(tz: string): number {
  const sign = tz.startsWith('-') ? -1 : 1;
  return sign * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(4, 6)));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(ms: number): string {
  // Years before 0 or after 9999 would produce ±YYYYYY forms; FHIR dates are 4-digit years.
  return new Date(ms).toISOString();
}

/** Lower-case, strip accents (NFD + remove combining marks), NFKC, collapse whitespace, trim. */
export function normaliseString(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const RELATIVE_RE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/([A-Za-z0-9\-.]{1,64}))?$/;
const ABSOLUTE_RE =
  /^https?:\/\/\S+\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/** Splits a reference string into type and id when it is `Type/id[/_history/v]` or `http(s)://…/Type/id`. */
export function parseReference(reference: string): { targetType: string | null; targetId: string | null } {
  const rel = RELATIVE_RE.exec(reference);
  if (rel) return { targetType: rel[1] ?? null, targetId: rel[2] ?? null };
  const abs = ABSOLUTE_RE.exec(reference);
  if (abs) return { targetType: abs[1] ?? null, targetId: abs[2] ?? null };
  return { targetType: null, targetId: null };
}

export const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;
