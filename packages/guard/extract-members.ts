/**
 * The members of a combination claim: alternatives ("ACEI/ARB", "A or B") give one member set per choice; a drug
 * given as an example of a class named before it stands in that class's slot; a drug proposed in place of a current
 * one of its family replaces it.
 */
import type { Mention } from './types.ts';

/**
 * "ACEI/ARB 联合 CCB", "an ACE inhibitor or ARB plus a thiazide": names joined by "/", "或", "or" are
 * alternatives, not a combination — one member set per choice.
 */
export function alternatives(members: Mention[], text: string): Mention[][] {
  const sorted = [...members].sort((a, b) => a.start - b.start);
  const groups: Mention[][] = [];
  for (const m of sorted) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.end <= m.start && /^\s*(?:\/|或|或者|or)\s*$/i.test(text.slice(prev.end, m.start)))
      last!.push(m);
    else groups.push([m]);
  }
  let sets: Mention[][] = [[]];
  for (const g of groups) sets = sets.flatMap((s) => g.map((m) => [...s, m])).slice(0, 8);
  return sets;
}

/** "ACEI/ARB 加 CCB，例如贝那普利加氨氯地平", "e.g. benazepril": a drug given as an example of a class named before
 * the example word stands in that class's slot — it is not one more member (nor combined with the class's
 * alternatives). */
const EXAMPLE = /例如|比如|譬如|\be\.g\.|\bsuch as\b|\bfor (?:example|instance)\b/i;
export function withoutExamples(members: Mention[], text: string): Mention[] {
  const ex = EXAMPLE.exec(text);
  if (!ex) return members;
  return members.filter(
    (m) =>
      !(
        m.drug &&
        m.start > ex.index &&
        members.some((c) => !c.drug && c.end <= ex.index && sameFamily(c, m))
      ),
  );
}

/** "X is the better choice", "instead", "改用": the drug named takes the place of a current one of its family. */
export const REPLACES =
  /更合适|更好的选择|更好的选项|更适合|\binstead\b|rather than|better (?:choice|option)|改用|换用|换成|替代|替换|\breplac\w*|\bswitch\w*/i;
/** Class family: the class ids of a mention, with the two calcium-channel-blocker classes as one family. */
const families = (m: Mention): string[] =>
  (m.drug ? m.drug.classes : m.classId ? [m.classId] : []).map((c) =>
    // "二氢吡啶类CCB", "dihydropyridine CCBs": a class named with its subclass excludes verapamil and diltiazem.
    c.startsWith('ccb') && !(m.classId && DHP_NAMED.test(m.text)) ? 'ccb' : c,
  );
const DHP_NAMED = /二氢吡啶|dihydropyridine|\bDHP\b|非二氢吡啶|non-dihydropyridine/i;
export const sameFamily = (a: Mention, b: Mention) => families(a).some((f) => families(b).includes(f));

export const same = (a: Mention, b: Mention) =>
  a.drug && b.drug ? a.drug.id === b.drug.id : !a.drug && !b.drug && a.classId === b.classId;
