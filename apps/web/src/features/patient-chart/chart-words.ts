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
  // A draft order the pharmacist returned to the prescriber (pharmacy review state, not a FHIR status).
  'returned',
  // AllergyIntolerance.criticality
  'low',
  'high',
  'unable-to-assess',
] as const;

/** The message key of a FHIR status code (`chart.statusWord.<code>`), undefined when not a known one. */
export function statusKey(code: string | undefined): string | undefined {
  return code && (STATUSES as readonly string[]).includes(code) ? `chart.statusWord.${code}` : undefined;
}

const REVIEW_EXTENSION = 'urn:qihuang:pharmacy-review'; // @qihuang/pharmacy-review REVIEW_EXTENSION

/**
 * A MedicationRequest's status as the chart says it: a draft the pharmacist returned is 'returned' (its review
 * state on the order, urn:qihuang:pharmacy-review), not 'draft' (issue 20 item 8); otherwise its FHIR status.
 */
export function medicationStatus(m: {
  status?: string;
  extension?: { url?: string; extension?: { url?: string; valueCode?: string }[] }[];
}): string | undefined {
  const review = m.extension?.find((e) => e.url === REVIEW_EXTENSION);
  const state = review?.extension?.find((e) => e.url === 'state')?.valueCode;
  return m.status === 'draft' && state === 'returned' ? 'returned' : m.status;
}

/** A value text whose heart-rate unit is said in the page language ("87 beats/minute" → "87 次/分"). */
export function unitWord(text: string, lang: string): string {
  const zh = lang.toLowerCase().startsWith('zh');
  return text.replace(/\s(beats\/minute|beats\/min|\/min|\{beats\}\/min)$/, zh ? ' 次/分' : ' beats/min');
}
