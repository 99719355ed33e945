/**
 * "X and Y can be combined safely" / "avoid adding Z to X and Y": the drugs named (with the patient's current
 * medicines) against the drug knowledge base's interaction rules, two- and three-drug, with potassium and dose
 * gates (rules.ts), and against the guideline-preferred combinations (an "interaction" between two drugs of a
 * preferred combination is invented).
 */
import { sourceOf, type DrugClassId, type DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { GuardCheck, Mention, Verdict } from '../../types.ts';
import { applyRules, classesOf } from './rules.ts';

// REFERENCE §7.3 (China 2018 preferred two-drug combinations; ESH 2023 RAS blocker + CCB or diuretic, §7.2).
// §7.3 marks the list details UNVERIFIED, but the five first-line classes "can be used … in combination" is
// [V2] (§7.3), so "must never be combined" for these pairs is contradicted by a verified statement.
const PREFERRED: [DrugClassId[], DrugClassId[]][] = [
  [['acei', 'arb'], ['ccb-dhp']],
  [
    ['acei', 'arb'],
    ['thiazide', 'thiazide-like'],
  ],
  [['ccb-dhp'], ['thiazide', 'thiazide-like']],
  [['ccb-dhp'], ['beta-blocker']],
];

export function isPreferredCombination(a: Mention, b: Mention, kb: DrugKnowledgeBase): boolean {
  const ca = classesOf(a, kb);
  const cb = classesOf(b, kb);
  return PREFERRED.some(
    ([x, y]) =>
      (ca.some((c) => x.includes(c)) && cb.some((c) => y.includes(c))) ||
      (cb.some((c) => x.includes(c)) && ca.some((c) => y.includes(c))),
  );
}

const label = (m: Mention) => (m.drug ? m.drug.names.en : m.text);
const SOURCE_PREFERRED = '中国高血压防治指南2018 优化联合方案; ESH 2023';

export const interaction: GuardCheck = {
  id: 'interaction',
  kinds: ['interaction'],
  check(claim, context): Verdict | undefined {
    const i = claim.interaction;
    if (!i) return undefined;
    const kb = context.drugs;
    const potassium = i.potassium ?? context.patient?.potassium;
    const applied = applyRules(i.members, kb, {
      ...(potassium !== undefined ? { potassium } : {}),
      dailyMg: i.dailyMg,
      conditions: [],
    });
    const names = i.members.map(label).join(' + ');
    const evidence = applied.map((a) => ({
      source:
        sourceOf(a.rule.source)
          .label.replace(/REFERENCE\s*§[\d.a-z]+\s*/gi, '')
          .trim() || 'drug knowledge base',
      text: `${a.rule.severity}: ${a.rule.summary.en}${a.gate ? ` (${a.gate})` : ''}. ${a.rule.management.en}`,
    }));
    const live = applied.filter((a) => a.severity !== 'none');
    const serious = live.filter((a) => a.severity === 'contraindicated' || a.severity === 'major');
    if (i.safe) {
      if (serious.length) {
        const s = serious[0]!;
        return {
          verdict: 'contradicted',
          evidence,
          reason: `${s.members.map(label).join(' + ')}: ${s.rule.summary.en}${s.gate ? ` (${s.gate})` : ''}`,
        };
      }
      if (live.length)
        return {
          verdict: 'unverifiable',
          evidence,
          reason: `${names}: usable with monitoring (${live[0]!.rule.summary.en})`,
        };
      if (applied.length)
        return {
          verdict: 'supported',
          evidence,
          reason: `${names}: ${applied.map((a) => a.gate).join('; ')}`,
        };
      const pairs = i.members.flatMap((a, x) => i.members.slice(x + 1).map((b) => [a, b] as const));
      if (pairs.length && pairs.every(([a, b]) => isPreferredCombination(a, b, kb)))
        return {
          verdict: 'supported',
          evidence: [{ source: SOURCE_PREFERRED, text: 'guideline-preferred combination' }],
          reason: `${names} is a guideline-preferred combination`,
        };
      return {
        verdict: 'unverifiable',
        evidence: [],
        reason: `${names}: no interaction rule to check against`,
      };
    }
    if (live.length)
      return { verdict: 'supported', evidence, reason: `${names}: ${live[0]!.rule.summary.en}` };
    if (applied.length)
      return {
        verdict: 'unverifiable',
        evidence,
        reason: `${names}: ${applied.map((a) => a.gate).join('; ')}`,
      };
    if (i.members.length === 2 && isPreferredCombination(i.members[0]!, i.members[1]!, kb))
      return {
        verdict: 'contradicted',
        evidence: [
          {
            source: SOURCE_PREFERRED,
            text: 'guideline-preferred two-drug combination; no interaction in the drug knowledge base',
          },
        ],
        reason: `${names} is a guideline-preferred combination with no known interaction`,
      };
    return {
      verdict: 'unverifiable',
      evidence: [],
      reason: `${names}: no interaction rule to check against`,
    };
  },
};
