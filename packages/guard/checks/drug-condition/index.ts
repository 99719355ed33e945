/** "X is safe in pregnancy" / "X is contraindicated in gout": drug/class contraindications and pregnancy facts. */
import {
  DRUG_CLASSES,
  sourceOf,
  type ContraindicationFact,
  type DrugClassId,
  type ReproductiveFact,
} from '@qihuang/drug-knowledge';
import { NEUTRAL, renalVerified } from '../../honesty.ts';
import type { CheckContext, DrugConditionData, GuardCheck, Verdict } from '../../types.ts';

/** "eGFR 25 可以使用二甲双胍": the drug's renal rules at the stated value. */
function renalUse(c: DrugConditionData, context: CheckContext): Verdict | undefined {
  const drug = c.mention.drug;
  const r = c.renal;
  if (!drug || !r) return undefined;
  const name = `${drug.names.zh} ${drug.names.en}`;
  const rules = (drug.renal ?? []).filter(
    (x) =>
      (x.measure === r.measure || true) &&
      r.value < x.below &&
      (x.atLeast === undefined || r.value >= x.atLeast),
  );
  const evidence = rules.map((x) => ({
    source: sourceOf(x.source).label,
    text: `${x.text.zh} ${x.text.en}`,
  }));
  const blocking = rules.filter((x) => x.action === 'contraindicated' || x.action === 'avoid');
  if (c.safe) {
    if (blocking.length)
      return renalVerified(drug, blocking[0]!)
        ? { verdict: 'contradicted', evidence, reason: `${name} is not to be used at ${c.conditionLabel}` }
        : { verdict: 'unverifiable', evidence, reason: `${name}: ${NEUTRAL}` };
    if (rules.length)
      return {
        verdict: 'unverifiable',
        evidence,
        reason: `${name}: dose adjustment or caution at ${c.conditionLabel}`,
      };
    return (drug.renal ?? []).length
      ? { verdict: 'supported', evidence: [], reason: `${name}: no renal restriction at ${c.conditionLabel}` }
      : { verdict: 'unverifiable', evidence: [], reason: `${name}: no renal rule to check against` };
  }
  if (rules.length)
    return { verdict: 'supported', evidence, reason: `${name}: restricted at ${c.conditionLabel}` };
  void context;
  return {
    verdict: 'unverifiable',
    evidence: [],
    reason: `${name}: no renal restriction known at ${c.conditionLabel}`,
  };
}

export const drugCondition: GuardCheck = {
  id: 'drug-condition',
  kinds: ['drug-condition'],
  check(claim, context): Verdict | undefined {
    const c = claim.condition;
    if (!c) return undefined;
    if (c.renal) return renalUse(c, context);
    const kb = context.drugs;
    const m = c.mention;
    const classIds: DrugClassId[] = m.drug
      ? kb.classesOf(m.drug)
      : m.classId
        ? [m.classId as DrugClassId]
        : [];
    const facts: ContraindicationFact[] = [
      ...(m.drug ? kb.ingredients(m.drug).flatMap((d) => d.contraindications ?? []) : []),
      ...(m.drug?.contraindications ?? []),
      ...classIds.flatMap((id) => DRUG_CLASSES[id]?.contraindications ?? []),
    ].filter((f) => f.condition.id === c.conditionId);
    let pregnancy: ReproductiveFact | undefined;
    if (c.conditionId === 'pregnancy')
      pregnancy = m.drug?.pregnancy ?? classIds.map((id) => DRUG_CLASSES[id]?.pregnancy).find(Boolean);
    const name = m.drug ? `${m.drug.names.zh} ${m.drug.names.en}` : m.text;
    const evidence = [
      ...facts.map((f) => ({
        source: sourceOf(f.source).label,
        text: `${f.severity}: ${f.text.zh} ${f.text.en}`,
      })),
      ...(pregnancy
        ? [
            {
              source: sourceOf(pregnancy.source).label,
              text: `pregnancy ${pregnancy.level}: ${pregnancy.text.zh} ${pregnancy.text.en}`,
            },
          ]
        : []),
    ];
    const harmful =
      facts.some((f) => f.severity === 'contraindicated') ||
      pregnancy?.level === 'contraindicated' ||
      pregnancy?.level === 'avoid';
    const cautious = facts.length > 0 || pregnancy?.level === 'caution';
    const fine = pregnancy?.level === 'preferred' || pregnancy?.level === 'compatible';
    if (c.safe) {
      if (harmful)
        return {
          verdict: 'contradicted',
          evidence,
          reason: `${name} is contraindicated / to be avoided in ${c.conditionLabel}`,
        };
      if (fine) return { verdict: 'supported', evidence, reason: `${name} is usable in ${c.conditionLabel}` };
      if (cautious)
        return {
          verdict: 'unverifiable',
          evidence,
          reason: `${name}: use with caution in ${c.conditionLabel}`,
        };
      return undefined;
    }
    if (harmful || cautious)
      return {
        verdict: 'supported',
        evidence,
        reason: `${name}: contraindication / caution in ${c.conditionLabel} confirmed`,
      };
    if (fine)
      return {
        verdict: 'contradicted',
        evidence,
        reason: `${name} is a preferred / compatible choice in ${c.conditionLabel}`,
      };
    return undefined;
  },
};
