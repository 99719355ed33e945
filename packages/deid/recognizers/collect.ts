/** Shared helper: spans of a regex's first capture group (or whole match), with exact offsets. */
import type { PhiCategory, PhiSpan } from '../types.ts';

export interface PatternRule {
  category: PhiCategory;
  /** Global regex with the `d` flag; group 1 (when present) is the identifier. */
  regex: RegExp;
  validate?: (value: string, text: string, start: number) => boolean;
  /** Speed (issue 18): what the text must hold for the rule to match at all (an e-mail's @), tested first. */
  gate?: RegExp;
  /** Re-labels a match from its surroundings (e.g. a phone number after "fax"). */
  relabel?: (text: string, start: number) => PhiCategory | undefined;
}

/**
 * The matches of a global regex, as `text.matchAll(regex)` gives them, without the copy of the regex matchAll
 * makes at every call (speed, issue 18: a few hundred scans per text), collected in an array (no generator per
 * scan). The regex's lastIndex is reset first.
 */
export function execAll(regex: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0] === '') {
      const code = regex.unicode || regex.flags.includes('v') ? text.codePointAt(regex.lastIndex) : undefined;
      regex.lastIndex += code !== undefined && code > 0xffff ? 2 : 1;
    }
    matches.push(m);
  }
  return matches;
}

export function collect(text: string, rules: readonly PatternRule[], out: PhiSpan[]): void {
  for (const rule of rules) {
    if (rule.gate && !rule.gate.test(text)) continue;
    for (const m of execAll(rule.regex, text)) {
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
