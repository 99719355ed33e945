/** Shared helper: spans of a regex's first capture group (or whole match), with exact offsets. */
import type { PhiCategory, PhiSpan } from '../types.ts';

export interface PatternRule {
  category: PhiCategory;
  /** Global regex with the `d` flag; group 1 (when present) is the identifier. */
  regex: RegExp;
  validate?: (value: string, text: string, start: number) => boolean;
  /** Re-labels a match from its surroundings (e.g. a phone number after "fax"). */
  relabel?: (text: string, start: number) => PhiCategory | undefined;
}

export function collect(text: string, rules: readonly PatternRule[], out: PhiSpan[]): void {
  for (const rule of rules) {
    rule.regex.lastIndex = 0;
    for (const m of text.matchAll(rule.regex)) {
      const at = m.indices?.[1] ?? m.indices?.[0];
      if (!at) continue;
      const [start, end] = at;
      const value = text.slice(start, end);
      if (value.trim().length < 2) continue;
      if (rule.validate && !rule.validate(value, text, start)) continue;
      out.push({ category: rule.relabel?.(text, start) ?? rule.category, start, end, text: value });
    }
  }
}
