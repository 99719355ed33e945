/** Display helpers for FHIR data types, language-aware. */
import type {
  CodeableConcept,
  HumanName,
  Identifier,
  Patient,
  Period,
  Quantity,
  Reference,
} from '@medplum/fhirtypes';

export function codeText(concept: CodeableConcept | undefined): string {
  if (!concept) return '';
  return concept.text ?? concept.coding?.find((c) => c.display)?.display ?? concept.coding?.[0]?.code ?? '';
}

function isChinese(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

/** A HumanName as people read it: Chinese names family+given without space, others "Given Family". */
export function formatName(name: HumanName | undefined): string {
  if (!name) return '';
  if (name.text) return name.text;
  const family = name.family ?? '';
  const given = (name.given ?? []).join(isChinese(family) ? '' : ' ');
  if (isChinese(family) || isChinese(given)) return `${family}${given}`;
  return [given, family].filter(Boolean).join(' ');
}

/** Prefer the official name; if the UI is Chinese prefer a name written in Chinese. */
export function patientName(patient: Patient | undefined, lang: string): string {
  const names = patient?.name ?? [];
  const chinese = names.find((n) => isChinese(formatName(n)));
  const official = names.find((n) => n.use === 'official') ?? names[0];
  const chosen = lang === 'zh-CN' ? (chinese ?? official) : (names.find((n) => !isChinese(formatName(n))) ?? official);
  return formatName(chosen) || patient?.id || '';
}

export function identifierText(identifiers: Identifier[] | undefined): string {
  const id = identifiers?.find((i) => i.use === 'official' || i.use === 'usual') ?? identifiers?.[0];
  return id?.value ?? '';
}

export function referenceText(ref: Reference | undefined): string {
  return ref?.display ?? ref?.reference ?? '';
}

export function quantityText(q: Quantity | undefined): string {
  if (!q || q.value === undefined) return '';
  const unit = q.unit ?? q.code ?? '';
  const value = Number.isInteger(q.value) ? String(q.value) : q.value.toFixed(1);
  return unit ? `${value} ${unit === 'mm[Hg]' ? 'mmHg' : unit}` : value;
}

/** Age in whole years at `now` from a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD). */
export function ageYears(birthDate: string | undefined, now: Date = new Date()): number | undefined {
  if (!birthDate) return undefined;
  const [y, m = 1, d = 1] = birthDate.split('-').map(Number) as [number, number?, number?];
  if (!Number.isFinite(y)) return undefined;
  let age = now.getFullYear() - y;
  if (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d)) age -= 1;
  return age;
}

/** FHIR date or dateTime → localized text. Date-only values stay date-only; no time-zone shifting of dates. */
export function formatDate(value: string | undefined, lang: string, withTime = false): string {
  if (!value) return '';
  if (/^\d{4}(-\d{2})?(-\d{2})?$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
  }).format(date);
}

export function formatPeriod(period: Period | undefined, lang: string): string {
  if (!period) return '';
  const start = formatDate(period.start, lang);
  const end = formatDate(period.end, lang);
  return end && end !== start ? `${start} – ${end}` : start;
}

export function errorMessageKey(error: unknown): { key: string; detail?: string } {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { status: number }).status;
    const message = (error as { message?: string }).message;
    if (status === 0) return { key: 'common.networkError' };
    if (status === 403) return { key: 'common.forbidden', detail: message };
    if (status === 404 || status === 501) return { key: 'common.notAvailable' };
    return { key: 'common.error', detail: message };
  }
  return { key: 'common.error', detail: error instanceof Error ? error.message : String(error) };
}
