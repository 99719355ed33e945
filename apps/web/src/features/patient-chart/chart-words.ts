/**
 * Words a patient reads on their record in the page language (issue 20 finding 11): FHIR status codes
 * ("active", "stopped", "resolved", "finished", allergy criticality "high") and the heart-rate unit ("beats/minute"). Pure.
 */
export const STATUSES = [
  'active',
  'inactive',
  'resolved',
  'remission',
  'recurrence',
  'relapse',
  'stopped',
  'completed',
  'on-hold',
  'cancelled',
  'intended',
  'finished',
  'in-progress',
  'planned',
  'draft',
  // AllergyIntolerance.criticality
  'low',
  'high',
  'unable-to-assess',
] as const;

/** The message key of a FHIR status code (`chart.statusWord.<code>`), undefined when not a known one. */
export function statusKey(code: string | undefined): string | undefined {
  return code && (STATUSES as readonly string[]).includes(code) ? `chart.statusWord.${code}` : undefined;
}

/** A value text whose heart-rate unit is said in the page language ("87 beats/minute" → "87 次/分"). */
export function unitWord(text: string, lang: string): string {
  const zh = lang.toLowerCase().startsWith('zh');
  return text.replace(/\s(beats\/minute|beats\/min|\/min|\{beats\}\/min)$/, zh ? ' 次/分' : ' beats/min');
}
