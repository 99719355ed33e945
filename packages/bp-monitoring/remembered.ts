/**
 * A BP reading the patient remembered and told in the consultation (packages/care intake: tagged
 * urn:qihuang:provenance|patient-reported, time = when they told us, "time not known"). It is not a measurement
 * at that time: never a reading of the home or office series, never "the latest reading", listed apart and
 * labelled (issue 20 item 2).
 */
import type { PatientLanguage } from './reading-advice.ts';

const REPORTED = { system: 'urn:qihuang:provenance', code: 'patient-reported' };

export function isRememberedReading(resource: { meta?: unknown }): boolean {
  const tags = (resource.meta as { tag?: { system?: string; code?: string }[] } | undefined)?.tag ?? [];
  return tags.some((t) => t.system === REPORTED.system && t.code === REPORTED.code);
}

export const REMEMBERED_LABEL: Record<PatientLanguage, string> = {
  'zh-CN': '记得的读数（时间不详）',
  en: 'remembered reading (time not known)',
};
