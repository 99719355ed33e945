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

/**
 * Names, per language, of the LOINC vital signs this platform writes itself (home readings, the FHIR vital-signs
 * profile: BP panel 85354-9 and 55284-4, systolic 8480-6, diastolic 8462-4, heart rate 8867-4): their English
 * display would break one language per screen. Other codes show the record's own text (patient data).
 */
const OWN_VITAL_SIGNS: Record<string, { zh: string; en: string }> = {
  '85354-9': { zh: '血压', en: 'Blood pressure' },
  '55284-4': { zh: '血压', en: 'Blood pressure' },
  '8480-6': { zh: '收缩压', en: 'Systolic blood pressure' },
  '8462-4': { zh: '舒张压', en: 'Diastolic blood pressure' },
  '8867-4': { zh: '心率', en: 'Heart rate' },
};

const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';

interface PrimitiveExtensions {
  extension?: {
    url?: string;
    extension?: { url?: string; valueCode?: string; valueString?: string; valueMarkdown?: string }[];
  }[];
}

/**
 * The FHIR translation extension (http://hl7.org/fhir/StructureDefinition/translation) on a primitive's `_text` /
 * `_display` element, for `language`: the exact tag first ("zh-CN"), else the same primary language ("zh").
 */
function translated(element: unknown, language: string): string | undefined {
  const extensions = (element as PrimitiveExtensions | undefined)?.extension ?? [];
  const entries = extensions
    .filter((e) => e.url === TRANSLATION)
    .map((e) => ({
      lang: e.extension?.find((x) => x.url === 'lang')?.valueCode ?? '',
      content:
        e.extension?.find((x) => x.url === 'content')?.valueString ??
        e.extension?.find((x) => x.url === 'content')?.valueMarkdown,
    }))
    .filter((e): e is { lang: string; content: string } => Boolean(e.content));
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  return (
    entries.find((e) => e.lang.toLowerCase() === language.toLowerCase())?.content ??
    entries.find((e) => primary(e.lang) === primary(language))?.content
  );
}

/**
 * A concept as the reader's screen names it. With `language`: the platform's own vital signs by name, else the
 * translation extension on `text` or a coding's `display` for that language (the demo loader adds zh-CN ones to the
 * English Synthea records); else — and on a screen whose language the record is written in — the record's own text.
 */
export function codeText(concept: CodeableConcept | undefined, language?: string): string {
  if (!concept) return '';
  if (language) {
    const loinc = concept.coding?.find(
      (c) => c.system === 'http://loinc.org' && OWN_VITAL_SIGNS[c.code ?? ''],
    );
    const own = loinc ? OWN_VITAL_SIGNS[loinc.code ?? ''] : undefined;
    if (own) return language.startsWith('zh') ? own.zh : own.en;
    const withExtensions = concept as CodeableConcept & { _text?: unknown };
    const fromText = translated(withExtensions._text, language);
    if (fromText) return fromText;
    for (const coding of concept.coding ?? []) {
      const fromDisplay = translated((coding as { _display?: unknown })._display, language);
      if (fromDisplay) return fromDisplay;
    }
  }
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
  const chosen =
    lang === 'zh-CN' ? (chinese ?? official) : (names.find((n) => !isChinese(formatName(n))) ?? official);
  return formatName(chosen) || patient?.id || '';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The hospital's record number (identifier type MR), else an official/usual identifier; else nothing. Never a raw
 * UUID (Synthea writes one as its MR) nor another kind of identifier (SSN, licence) (issue 20).
 */
export function identifierText(identifiers: Identifier[] | undefined): string {
  const shown = (identifiers ?? []).filter((i) => i.value && !UUID.test(i.value.trim()));
  const id =
    shown.find((i) => i.type?.coding?.some((c) => c.code === 'MR')) ??
    shown.find((i) => i.use === 'official' || i.use === 'usual');
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

/** Whether the patient has died (FHIR `Patient.deceased[x]`), the date when known and the age at death. */
export interface DeceasedInfo {
  date?: string;
  ageAtDeath?: number;
}
export function deceasedInfo(patient: {
  birthDate?: string;
  deceasedBoolean?: boolean;
  deceasedDateTime?: string;
}): DeceasedInfo | undefined {
  if (patient.deceasedDateTime) {
    const [y, m = 1, d = 1] = patient.deceasedDateTime.slice(0, 10).split('-').map(Number) as [
      number,
      number?,
      number?,
    ];
    const date = formatDate(patient.deceasedDateTime);
    return { date, ageAtDeath: ageYears(patient.birthDate, new Date(y, m - 1, d)) };
  }
  return patient.deceasedBoolean === true ? {} : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * FHIR date or dateTime → "YYYY-MM-DD[ HH:mm]" in `timeZone` when given (the zone the server bucketed the
 * readings and reminders in), else the browser's, the same in both languages (unambiguous on a ward).
 * Date-only values stay as written.
 */
export function formatDate(
  value: string | undefined,
  _lang?: string,
  withTime = false,
  timeZone?: string,
): string {
  if (!value) return '';
  if (/^\d{4}(-\d{2})?(-\d{2})?$/.test(value)) return value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  if (timeZone) {
    try {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-GB', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        })
          .formatToParts(d)
          .map((p) => [p.type, p.value]),
      );
      const date = `${parts.year}-${parts.month}-${parts.day}`;
      return withTime ? `${date} ${parts.hour}:${parts.minute}` : date;
    } catch {
      // Unknown zone name: fall through to the browser's zone.
    }
  }
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return withTime ? `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}` : date;
}

/** A reading's time as the patient's own clock showed it (the offset written in the value), "YYYY-MM-DD HH:mm". */
export function formatReadingTime(value: string | undefined): string {
  if (!value) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return m ? `${m[1]} ${m[2]}` : formatDate(value, undefined, true);
}

export function formatPeriod(period: Period | undefined, lang: string, timeZone?: string): string {
  if (!period) return '';
  const start = formatDate(period.start, lang, false, timeZone);
  const end = formatDate(period.end, lang, false, timeZone);
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

/**
 * A time zone as the screen's reader names it ("中国标准时间", "China Standard Time"), not its IANA id
 * ("Asia/Shanghai" on a Chinese screen; issue 20 try); the id when the browser has no name for it.
 */
export function zoneDisplayName(zone: string | undefined, lang: string, at: Date = new Date()): string {
  if (!zone) return '';
  try {
    const name = new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'long' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    return name || zone;
  } catch {
    return zone;
  }
}
