/**
 * A drug said fit (or not) to start or add at a stated serum potassium, checked against the drug knowledge base's
 * potassium gates (drug and class `labs`, e.g. REFERENCE §5.2/§5.3: do not start a mineralocorticoid receptor
 * antagonist if K⁺ >5.0 mmol/L). Only critical gates contradict; no gate → abstain (unverifiable).
 */
import { DRUG_CLASSES, sourceName, type DrugClassId, type LabFact } from '@qihuang/drug-knowledge';
import { drugName, say } from '../../i18n.ts';
import type { CheckContext, DrugConditionData, Verdict } from '../../types.ts';

export function potassiumUse(c: DrugConditionData, context: CheckContext): Verdict | undefined {
  const k = c.potassium;
  if (k === undefined) return undefined;
  const kb = context.drugs;
  const m = c.mention;
  const classIds: DrugClassId[] = m.drug ? kb.classesOf(m.drug) : m.classId ? [m.classId as DrugClassId] : [];
  const gates: LabFact[] = [
    ...(m.drug ? kb.ingredients(m.drug).flatMap((d) => d.labs ?? []) : []),
    ...(m.drug?.labs ?? []),
    ...classIds.flatMap((id) => DRUG_CLASSES[id]?.labs ?? []),
  ].filter((g) => g.lab === 'potassium' && g.above !== undefined && g.severity === 'critical');
  const fired = gates.filter((g) => k > (g.above as number));
  if (!fired.length) return undefined;
  const lang = context.lang;
  const name = m.drug ? drugName(m.drug, lang) : m.text;
  const evidence = fired.map((g) => ({
    // A potassium gate cited to the renal section (ref-5.3) is named by the potassium labels it comes from (ref-6.3).
    source: sourceName(g.source === 'ref-5.3' ? 'ref-6.3' : g.source, lang),
    text: g.text[lang],
  }));
  return c.safe
    ? {
        verdict: 'contradicted',
        evidence,
        reason: say(
          lang,
          `血钾 ${k} mmol/L 时不应启用${name}`,
          `${name} is not to be started at K⁺ ${k} mmol/L`,
        ),
      }
    : {
        verdict: 'supported',
        evidence,
        reason: say(
          lang,
          `血钾 ${k} mmol/L 时不应启用${name}：正确`,
          `${name} is not to be started at K⁺ ${k} mmol/L: correct`,
        ),
      };
}
