/** Helpers for the modifier-class tests: the triage call, and a mention's modifiers as the evaluator writes them. */
import { analyze, emergencyCall } from '../analyze.ts';
import { modsOf } from '../eval.ts';

export const emergency = (text: string): boolean => emergencyCall(analyze(text)).emergency;

/** The modifiers of the first mention of a red flag or concept (neg+hist+hyp+fam+unc; '-' for none). */
export function mods(text: string, group: string): string {
  const m = analyze(text).mentions.find((x) => (x.redFlag ?? x.concept) === group || x.concept === group);
  if (!m) return 'not found';
  return modsOf(m).join('+') || '-';
}
