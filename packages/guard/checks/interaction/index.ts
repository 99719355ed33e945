/**
 * "X and Y can be combined safely" / "X must not be combined with Y", checked against the drug knowledge base's
 * interaction rules, and against the guideline-preferred combinations (REFERENCE §7.3 China 2018; ESH 2023).
 */
import {
  sourceOf,
  type DrugClassId,
  type DrugKnowledgeBase,
  type DrugSelector,
  type InteractionRule,
} from '@qihuang/drug-knowledge';
import type { GuardCheck, Mention, Verdict } from '../../types.ts';

function classesOf(m: Mention, kb: DrugKnowledgeBase): DrugClassId[] {
  if (m.drug) return kb.classesOf(m.drug);
  return m.classId ? [m.classId as DrugClassId] : [];
}

function selectorMatches(sel: DrugSelector, m: Mention, kb: DrugKnowledgeBase): boolean {
  if ('class' in sel) return classesOf(m, kb).includes(sel.class);
  if ('drug' in sel) {
    if (m.drug) return m.drug.id === sel.drug || kb.ingredients(m.drug).some((d) => d.id === sel.drug);
    const d = kb.getDrug(sel.drug);
    return !!d && !!m.classId && d.classes.includes(m.classId as DrugClassId);
  }
  if (!m.drug) return false;
  return [m.drug, ...kb.ingredients(m.drug)].some((d) => (d.tags ?? []).includes(sel.tag));
}

export function rulesFor(a: Mention, b: Mention, kb: DrugKnowledgeBase): InteractionRule[] {
  return kb.interactions.filter((rule) => {
    if (rule.members.length !== 2) return false;
    const [x, y] = rule.members as [DrugSelector[], DrugSelector[]];
    const ax = x.some((s) => selectorMatches(s, a, kb));
    const by = y.some((s) => selectorMatches(s, b, kb));
    const ay = y.some((s) => selectorMatches(s, a, kb));
    const bx = x.some((s) => selectorMatches(s, b, kb));
    return (ax && by) || (ay && bx);
  });
}

// REFERENCE §7.3 (China 2018 preferred two-drug combinations; also ESH 2023 RAS blocker + CCB or diuretic).
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

const label = (m: Mention) => (m.drug ? `${m.drug.names.zh} ${m.drug.names.en}` : m.text);

export const interaction: GuardCheck = {
  id: 'interaction',
  kinds: ['interaction'],
  check(claim, context): Verdict | undefined {
    const i = claim.interaction;
    if (!i) return undefined;
    const kb = context.drugs;
    const pair = `${label(i.a)} + ${label(i.b)}`;
    const rules = rulesFor(i.a, i.b, kb);
    const serious = rules.filter((r) => r.severity === 'contraindicated' || r.severity === 'major');
    const evidence = rules.map((r) => ({
      source: sourceOf(r.source).label,
      text: `${r.severity}: ${r.summary.zh} ${r.summary.en}. ${r.management.en}`,
    }));
    if (i.safe) {
      if (serious.length)
        return {
          verdict: 'contradicted',
          evidence,
          reason: `${pair}: the knowledge base has a ${serious[0]?.severity} interaction (${serious[0]?.summary.en})`,
        };
      if (rules.length)
        return {
          verdict: 'unverifiable',
          evidence,
          reason: `${pair}: moderate interaction — usable with monitoring`,
        };
      if (isPreferredCombination(i.a, i.b, kb)) {
        return {
          verdict: 'supported',
          evidence: [
            {
              source: 'REFERENCE §7.3 (China 2018), ESH 2023',
              text: 'guideline-preferred two-drug combination',
            },
          ],
          reason: `${pair} is a guideline-preferred combination`,
        };
      }
      return undefined;
    }
    if (rules.length) return { verdict: 'supported', evidence, reason: `${pair}: ${rules[0]?.summary.en}` };
    if (isPreferredCombination(i.a, i.b, kb)) {
      return {
        verdict: 'contradicted',
        evidence: [
          {
            source: 'REFERENCE §7.3 (China 2018), ESH 2023',
            text: 'guideline-preferred two-drug combination; no interaction rule in the drug knowledge base',
          },
        ],
        reason: `${pair} is a guideline-preferred combination with no interaction in the knowledge base (invented interaction)`,
      };
    }
    return undefined;
  },
};
