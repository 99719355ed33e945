/** Numbers and drug names in a sentence that cites [id] must appear in the cited passage(s). */
import { findMentions, namesOf } from '../../mentions.ts';
import type { GuardCheck, Verdict } from '../../types.ts';

function passageNumbers(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.normalize('NFKC').matchAll(/\d+(?:\.\d+)?/g)) out.add(String(Number(m[0])));
  return out;
}

export const attribution: GuardCheck = {
  id: 'attribution',
  kinds: ['attribution'],
  check(claim, context): Verdict | undefined {
    const a = claim.attribution;
    if (!a) return undefined;
    const cited = a.citations.map((id) => context.passages.get(id)).filter((p) => p !== undefined);
    if (!cited.length) return undefined; // the citation check reports passages that were not given
    const text = cited.map((p) => `${p.title ?? ''}\n${p.text}`).join('\n');
    const lower = text.normalize('NFKC').toLowerCase();
    const numbers = passageNumbers(text);
    const missingNumbers = a.numbers.filter((n) => !numbers.has(n));
    // A drug counts as named when the passage names it or one of its classes (a class-level statement).
    const passageClasses = new Set(
      findMentions(text, context.drugs)
        .map((m) => m.classId)
        .filter(Boolean),
    );
    const missingDrugs = a.mentions
      .filter((m) => m.drug && !namesOf(m.drug).some((n) => lower.includes(n)))
      .filter((m) => !context.drugs.classesOf(m.drug!).some((c) => passageClasses.has(c)))
      .map((m) => m.text);
    const ids = a.citations.map((c) => `[${c}]`).join('');
    const evidence = cited.map((p) => ({
      source: p.id,
      text: p.text.length > 160 ? `${p.text.slice(0, 160)}…` : p.text,
    }));
    if (missingNumbers.length || missingDrugs.length) {
      const what = [...missingNumbers.map((n) => `number ${n}`), ...missingDrugs.map((d) => `"${d}"`)].join(
        ', ',
      );
      return { verdict: 'contradicted', evidence, reason: `${what} not found in the cited passage ${ids}` };
    }
    return { verdict: 'supported', evidence, reason: `numbers and names found in ${ids}` };
  },
};
