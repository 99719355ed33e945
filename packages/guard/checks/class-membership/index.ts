/**
 * A drug said to belong to a class, against the drug knowledge base's classes (`classesOf`). A generic name the
 * vocabulary reads as a first-line subclass ("calcium channel blocker" → dihydropyridine, "diuretic" → thiazide,
 * decision record 0008) accepts any class of that family: only a named subclass can be wrong about the subclass.
 */
import { DRUG_CLASSES, type DrugClassId } from '@qihuang/drug-knowledge';
import { drugName, say } from '../../i18n.ts';
import type { GuardCheck, Verdict } from '../../types.ts';

const FAMILY: [RegExp, RegExp][] = [
  // generic wording → class ids of the family
  [/^(?:ccb|calcium[- ]channel blockers?|calcium antagonists?|钙通道阻滞剂|钙拮抗剂)$/i, /^ccb-/],
  [/^(?:diuretics?|利尿剂)$/i, /thiazide|loop|mra|k-sparing/],
];

export const classMembership: GuardCheck = {
  id: 'class-membership',
  kinds: ['attribution'],
  check(claim, context): Verdict | undefined {
    const ms = claim.membership;
    if (!ms?.mention.drug || !ms.classMention.classId) return undefined;
    const kb = context.drugs;
    const classes = kb.ingredients(ms.mention.drug).flatMap((d) => kb.classesOf(d) as string[]);
    const stated = ms.classMention.classId;
    const generic = FAMILY.find(([name]) => name.test(ms.classMention.text.trim()));
    const ok = generic ? classes.some((c) => generic[1].test(c)) : classes.includes(stated);
    const lang = context.lang;
    const name = drugName(ms.mention.drug, lang);
    const names = classes
      .map((c) => DRUG_CLASSES[c as DrugClassId]?.names[lang] ?? c)
      .join(say(lang, '、', ', '));
    const evidence = [{ source: say(lang, '药物知识库', 'drug knowledge base'), text: `${name}: ${names}` }];
    return ok
      ? {
          verdict: 'supported',
          evidence,
          reason: say(lang, `${name}属于${names}`, `${name} is in: ${names}`),
        }
      : {
          verdict: 'contradicted',
          evidence,
          reason: say(
            lang,
            `${name}属于${names}，不是${ms.classMention.text}`,
            `${name} belongs to ${names}, not ${ms.classMention.text}`,
          ),
        };
  },
};
