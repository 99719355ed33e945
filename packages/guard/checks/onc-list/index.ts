/**
 * "X with Y is one of the 15 ONC high-priority pairs": Phansalkar 2012 (JAMIA 19(5):735–743; REFERENCE §6, 15 pairs
 * [V2 for the count]). PDE-5 inhibitors with nitrates are not on it (REFERENCE §6 correction), and no
 * antihypertensive–antihypertensive pair is; statins with CYP3A4 inhibitors are (#11; which drugs count as
 * inhibitors is the paper's Table 2 — only the strong inhibitors the drug knowledge base tags are credited here).
 */
import type { DrugClassId } from '@qihuang/drug-knowledge';
import { say } from '../../i18n.ts';
import type { GuardCheck, Mention, Verdict } from '../../types.ts';
import { classesOf } from '../interaction/rules.ts';

const SOURCE = 'Phansalkar S, et al. J Am Med Inform Assoc 2012;19(5):735–743';
const ANTIHYPERTENSIVE: DrugClassId[] = [
  'acei',
  'arb',
  'arni',
  'renin-inhibitor',
  'ccb-dhp',
  'ccb-non-dhp',
  'beta-blocker',
  'thiazide',
  'thiazide-like',
  'loop',
  'mra',
  'k-sparing',
  'alpha-blocker',
  'central-alpha2',
  'vasodilator',
];

export const oncList: GuardCheck = {
  id: 'onc-list',
  kinds: ['attribution'],
  check(claim, context): Verdict | undefined {
    const data = claim.oncList;
    if (!data) return undefined;
    const kb = context.drugs;
    const lang = context.lang;
    const [a, b] = data.members as [Mention, Mention];
    const ca = classesOf(a, kb);
    const cb = classesOf(b, kb);
    const pair = (x: DrugClassId, y: DrugClassId) =>
      (ca.includes(x) && cb.includes(y)) || (ca.includes(y) && cb.includes(x));
    const evidence = [
      {
        source: SOURCE,
        text: say(
          lang,
          '15 项高优先级相互作用；PDE-5 抑制剂与硝酸酯、降压药之间的组合均不在其中；他汀与 CYP3A4 抑制剂在其中（第 11 项）',
          '15 high-priority pairs; neither PDE-5 inhibitors with nitrates nor any pair of antihypertensives is among them; statins with CYP3A4 inhibitors are (#11)',
        ),
      },
    ];
    if (pair('pde5i', 'nitrate'))
      return {
        verdict: 'contradicted',
        evidence,
        reason: say(
          lang,
          'PDE-5 抑制剂与硝酸酯不在 Phansalkar 2012 的 15 项高优先级相互作用中（两者合用由 PDE-5 抑制剂说明书列为禁忌）',
          'PDE-5 inhibitors with nitrates are not one of the 15 Phansalkar 2012 high-priority pairs (the combination is contraindicated by the PDE-5 inhibitor labels)',
        ),
      };
    if (ca.some((c) => ANTIHYPERTENSIVE.includes(c)) && cb.some((c) => ANTIHYPERTENSIVE.includes(c)))
      return {
        verdict: 'contradicted',
        evidence,
        reason: say(
          lang,
          'Phansalkar 2012 的 15 项高优先级相互作用中没有两种降压药之间的组合',
          'no pair of antihypertensives is among the 15 Phansalkar 2012 high-priority pairs',
        ),
      };
    const strong = (m: Mention) =>
      !!m.drug &&
      [m.drug, ...kb.ingredients(m.drug)].some((d) => (d.tags ?? []).includes('cyp3a4-strong-inhibitor'));
    if ((ca.includes('statin') && strong(b)) || (cb.includes('statin') && strong(a)))
      return {
        verdict: 'supported',
        evidence,
        reason: say(
          lang,
          '他汀与 CYP3A4 抑制剂是 Phansalkar 2012 高优先级相互作用第 11 项',
          'statins with CYP3A4 inhibitors are pair #11 of Phansalkar 2012',
        ),
      };
    return {
      verdict: 'unverifiable',
      evidence: [],
      reason: say(
        lang,
        '无法核对该组合是否在 Phansalkar 2012 的清单中',
        'whether this pair is on the Phansalkar 2012 list cannot be checked',
      ),
    };
  },
};
