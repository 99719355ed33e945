/**
 * The red flags a triage names, as one line in the screen language: "、" between items on a Chinese screen,
 * ", " on an English one (issue 20: one language per screen, punctuation included).
 */
import { careLanguage, pick } from './care-model.ts';

export function flagList(
  flags: readonly { display: { zh: string; en: string } }[],
  uiLanguage: string,
): string {
  const separator = careLanguage(uiLanguage) === 'zh' ? '、' : ', ';
  return flags.map((f) => pick(f.display, uiLanguage)).join(separator);
}
