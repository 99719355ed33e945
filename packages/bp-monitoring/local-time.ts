/**
 * The time zone a patient's readings are bucketed in (decision 0007): the Patient's own (FHIR extension
 * `http://hl7.org/fhir/StructureDefinition/timezone`, valueCode an IANA name; an R5 core extension usable in R4),
 * else the hospital's (QIHUANG_TIME_ZONE, default Asia/Shanghai). Offsets are taken per instant from the runtime's
 * time-zone data, so a zone with daylight saving time puts each reading on its own local day.
 */
import { isTimeZone } from '@qihuang/engines/blood-pressure';

export const PATIENT_TIME_ZONE_URL = 'http://hl7.org/fhir/StructureDefinition/timezone';
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The patient's own zone when it carries a known one, else `fallback`. */
export function patientTimeZone(patient: unknown, fallback: string = DEFAULT_TIME_ZONE): string {
  const extensions = (patient as { extension?: { url?: string; valueCode?: string }[] } | undefined)
    ?.extension;
  const code = extensions?.find((e) => e.url === PATIENT_TIME_ZONE_URL)?.valueCode;
  return code && isTimeZone(code) ? code : fallback;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const HOUR = 3_600_000;

/**
 * Minutes east of UTC of `timeZone` at each instant (Intl, daylight saving time included). A zone changes its
 * offset at most a few times a year and always at a quarter hour of UTC, so the offset is computed once per UTC
 * quarter hour and remembered for the life of the function (one evaluation).
 */
export function zoneOffsets(timeZone: string): (epochMs: number) => number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const bySlot = new Map<number, number>();
  return (ms: number) => {
    const slot = Math.floor(ms / (HOUR / 4));
    let offset = bySlot.get(slot);
    if (offset === undefined) {
      const at = slot * (HOUR / 4);
      const parts: Record<string, number> = {};
      for (const p of format.formatToParts(new Date(at))) parts[p.type] = Number(p.value);
      const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
      offset = Math.round((local - at) / 60_000);
      bySlot.set(slot, offset);
    }
    return offset;
  };
}

/** The local calendar day (YYYY-MM-DD) of an instant, given the zone's offset at each instant. */
export function localDay(time: string, offsetAt: (epochMs: number) => number): string {
  const ms = Date.parse(time);
  return new Date(ms + offsetAt(ms) * 60_000).toISOString().slice(0, 10);
}
