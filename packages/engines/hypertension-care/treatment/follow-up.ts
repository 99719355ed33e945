/** Treatment step "follow-up": intervals per guideline edition (REFERENCE §7.1, §7.3, §7.4). Pure. */
import { editionFor } from '../guidelines/registry.ts';
import type { FollowUp } from '../guidelines/types.ts';
import type { Guideline } from '../types.ts';

/**
 * Follow-up interval in days after a start/change (`changed`) or when controlled (REFERENCE §7.1, §7.3, §7.4;
 * all UNVERIFIED there). Choices: ACC/AHA "1 month" → 30, controlled "3–6 months" → 90 (lower bound);
 * ESH "2–4 weeks–2 months" → 28 (end of the 2–4-week window, the earliest common value), controlled "3–6 months"
 * → 90; China "每2–4周随访直至达标" → 28 (4 weeks, time for the full drug effect), "达标后每3个月" → 90.
 * The numbers live in each edition's folder (`guidelines/<edition>/index.ts`).
 */
export function followUpDays(guideline: Guideline, changed: boolean): FollowUp {
  const f = editionFor(guideline).followUp;
  return changed ? { ...f.changed } : { ...f.controlled };
}

/** Lifestyle-first re-assessment interval (days). */
export function lifestyleFollowUp(guideline: Guideline): FollowUp {
  return { ...editionFor(guideline).followUp.lifestyle };
}
