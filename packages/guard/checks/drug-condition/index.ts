/** "X is safe in pregnancy" / "X is contraindicated in gout": drug/class contraindications and pregnancy facts. */
import {
  CONDITIONS,
  DRUG_CLASSES,
  sourceName,
  type ContraindicationFact,
  type DrugClassId,
  type ReproductiveFact,
} from '@qihuang/drug-knowledge';
import { BILATERAL } from '../../drug-frames.ts';
import { neutral, renalVerified } from '../../honesty.ts';
import { drugName, pregnancyTag, say, severityTag } from '../../i18n.ts';
import { hepaticUse } from './hepatic.ts';
import { potassiumUse } from './potassium.ts';
import type { CheckContext, DrugConditionData, GuardCheck, Verdict } from '../../types.ts';

/** "eGFR 25 可以使用二甲双胍": the drug's renal rules at the stated value. */
function renalUse(c: DrugConditionData, context: CheckContext): Verdict | undefined {
  const drug = c.mention.drug;
  const r = c.renal;
  if (!drug || !r) return undefined;
  const lang = context.lang;
  const L = (zh: string, en: string) => say(lang, zh, en);
  const name = drugName(drug, lang);
  const rules = (drug.renal ?? []).filter(
    (x) =>
      (x.measure === r.measure || true) &&
      r.value < x.below &&
      (x.atLeast === undefined || r.value >= x.atLeast),
  );
  const evidence = rules.map((x) => ({
    source: sourceName(x.source, lang, drug.names),
    text: x.text[lang],
  }));
  const blocking = rules.filter(
    (x) =>
      x.action === 'contraindicated' ||
      x.action === 'avoid' ||
      // "no dose adjustment needed" where the label reduces the dose
      (c.noAdjustment === true && x.action === 'reduce-dose'),
  );
  if (c.safe) {
    if (blocking.length)
      return renalVerified(drug, blocking[0]!)
        ? {
            verdict: 'contradicted',
            evidence,
            reason:
              blocking[0]!.action === 'reduce-dose'
                ? L(
                    `${c.conditionLabel} 时${name}需调整剂量：${blocking[0]!.text.zh}`,
                    `${name} needs a dose adjustment at ${c.conditionLabel}: ${blocking[0]!.text.en}`,
                  )
                : L(
                    `${c.conditionLabel} 时不应使用${name}`,
                    `${name} is not to be used at ${c.conditionLabel}`,
                  ),
          }
        : { verdict: 'unverifiable', evidence, reason: `${name}: ${neutral(lang)}` };
    if (rules.length)
      return {
        verdict: 'unverifiable',
        evidence,
        reason: L(
          `${name}：${c.conditionLabel} 时需调整剂量或慎用`,
          `${name}: dose adjustment or caution at ${c.conditionLabel}`,
        ),
      };
    return (drug.renal ?? []).length
      ? {
          verdict: 'supported',
          evidence: [],
          reason: L(
            `${name}：${c.conditionLabel} 时无肾功能限制`,
            `${name}: no renal restriction at ${c.conditionLabel}`,
          ),
        }
      : {
          verdict: 'unverifiable',
          evidence: [],
          reason: L(`${name}：没有可核查的肾功能规则`, `${name}: no renal rule to check against`),
        };
  }
  if (rules.length)
    return {
      verdict: 'supported',
      evidence,
      reason: L(`${name}：${c.conditionLabel} 时受限`, `${name}: restricted at ${c.conditionLabel}`),
    };
  void context;
  return {
    verdict: 'unverifiable',
    evidence: [],
    reason: L(
      `${name}：${c.conditionLabel} 时无已知肾功能限制`,
      `${name}: no renal restriction known at ${c.conditionLabel}`,
    ),
  };
}

export const drugCondition: GuardCheck = {
  id: 'drug-condition',
  kinds: ['drug-condition'],
  check(claim, context): Verdict | undefined {
    const c = claim.condition;
    if (!c) return undefined;
    if (c.renal) return renalUse(c, context);
    if (c.hepatic) return hepaticUse(c, context);
    if (c.potassium !== undefined) return potassiumUse(c, context);
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
    const lang = context.lang;
    const L = (zh: string, en: string) => say(lang, zh, en);
    const name = m.drug ? drugName(m.drug, lang) : m.text;
    const cond =
      Object.values(CONDITIONS).find((x) => x.id === c.conditionId)?.label[lang] ?? c.conditionLabel;
    const evidence = [
      ...facts.map((f) => ({
        source: sourceName(f.source, lang),
        text: `${severityTag(f.severity, lang)}${f.text[lang]}`,
      })),
      ...(pregnancy
        ? [
            {
              source: sourceName(pregnancy.source, lang),
              text: `${pregnancyTag(pregnancy.level, lang)}${pregnancy.text[lang]}`,
            },
          ]
        : []),
    ];
    // "Renal artery stenosis (contraindicated if bilateral or solitary kidney)": the sentence names the form.
    const severeForm = facts.some(
      (f) => /contraindicated if bilateral/i.test(f.text.en) && (c.bilateral || BILATERAL.test(claim.text)),
    );
    const harmful =
      severeForm ||
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
          reason: L(`${cond}时${name}禁用或应避免`, `${name} is contraindicated / to be avoided in ${cond}`),
        };
      if (fine)
        return {
          verdict: 'supported',
          evidence,
          reason: L(`${cond}时可使用${name}`, `${name} is usable in ${cond}`),
        };
      if (cautious)
        return {
          verdict: 'unverifiable',
          evidence,
          reason: L(`${cond}时${name}需慎用`, `${name}: use with caution in ${cond}`),
        };
      return undefined;
    }
    if (harmful || cautious)
      return {
        verdict: 'supported',
        evidence,
        reason: L(
          `${cond}时${name}禁用或慎用，与回答一致`,
          `${name}: contraindication / caution in ${cond} confirmed`,
        ),
      };
    if (fine)
      return {
        verdict: 'contradicted',
        evidence,
        reason: L(
          `${cond}时${name}是推荐或可用的药物`,
          `${name} is a preferred / compatible choice in ${cond}`,
        ),
      };
    return undefined;
  },
};
