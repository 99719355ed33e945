/**
 * "奈必洛尔在重度肝功能不全（Child-Pugh C）中可以使用": a drug said usable / not usable at a stated level of hepatic
 * impairment, against the drug knowledge base's hepatic facts (e.g. nebivolol Child-Pugh C contraindicated, REFERENCE
 * §5.3 / US label). A fact applies from its level up. No fact is not evidence of safety: unverifiable.
 */
import { sourceName } from '@qihuang/drug-knowledge';
import { drugName, say } from '../../i18n.ts';
import type { CheckContext, DrugConditionData, Verdict } from '../../types.ts';

const RANK = { mild: 1, moderate: 2, severe: 3 } as const;
const LEVEL = {
  mild: { zh: '轻度肝功能不全', en: 'mild hepatic impairment' },
  moderate: { zh: '中度肝功能不全', en: 'moderate hepatic impairment' },
  severe: { zh: '重度肝功能不全', en: 'severe hepatic impairment' },
} as const;

export function hepaticUse(c: DrugConditionData, context: CheckContext): Verdict | undefined {
  const drug = c.mention.drug;
  const level = c.hepatic;
  if (!drug || !level) return undefined;
  const lang = context.lang;
  const name = drugName(drug, lang);
  const where = LEVEL[level][lang];
  const facts = (drug.hepatic ?? []).filter(
    (f) => RANK[f.from] <= RANK[level] && !/UNVERIFIED/.test(f.text.en),
  );
  const evidence = facts.map((f) => ({ source: sourceName(f.source, lang, drug.names), text: f.text[lang] }));
  const blocking = facts.filter((f) => f.action === 'contraindicated' || f.action === 'avoid');
  if (c.safe && blocking.length)
    return {
      verdict: 'contradicted',
      evidence,
      reason: say(
        lang,
        `${where}时${name}禁用或应避免`,
        `${name} is contraindicated / to be avoided in ${where}`,
      ),
    };
  if (!c.safe && facts.length)
    return {
      verdict: 'supported',
      evidence,
      reason: say(
        lang,
        `${where}时${name}受限，与回答一致`,
        `${name}: restricted in ${where}, as the answer says`,
      ),
    };
  return {
    verdict: 'unverifiable',
    evidence,
    reason: facts.length
      ? say(lang, `${where}时${name}需调整剂量或慎用`, `${name}: dose adjustment or caution in ${where}`)
      : say(lang, `${name}：没有可核查的肝功能规则`, `${name}: no hepatic rule to check against`),
  };
}
