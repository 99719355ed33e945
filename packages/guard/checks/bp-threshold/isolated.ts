/**
 * The definition of isolated systolic hypertension, checked with the blood-pressure engine's ISH flag
 * (classifyOfficeBp().isolatedSystolic; REFERENCE §1.2 ESH 2023, §1.3 China 2018 [V2]) at readings around the stated
 * values: the stated rule and the engine's must agree at every one. ACC/AHA 2017 has no such category.
 */
import { classifyOfficeBp, type Guideline } from '@qihuang/engines/blood-pressure';
import { guidelineName, say, type Lang } from '../../i18n.ts';
import type { BpData, Verdict } from '../../types.ts';

const SOURCE: Partial<Record<Guideline, string>> = {
  'esh-2023': 'ESH 2023 office BP classification',
  'china-2018': '中国高血压防治指南2018 血压水平分类和定义',
};

export function judgeIsolated(bp: BpData, g: Guideline, lang: Lang): Verdict {
  const name = guidelineName(g, lang);
  const source = SOURCE[g];
  const rel = bp.isolated;
  if (!source || !rel || !bp.sbp || !bp.dbp)
    return {
      verdict: 'unverifiable',
      evidence: [],
      reason: say(
        lang,
        `${name}：没有单纯收缩期高血压的定义可核查`,
        `${name}: no isolated systolic hypertension definition to check`,
      ),
    };
  const a = bp.sbp[0];
  const b = bp.dbp[0];
  const stated = (s: number, d: number) =>
    (rel.sbp === 'ge' ? s >= a : s < a) && (rel.dbp === 'ge' ? d >= b : d < b);
  const engine = (s: number, d: number) => classifyOfficeBp({ sbp: s, dbp: d }, g).isolatedSystolic;
  const probes = [a - 1, a, a + 15].flatMap((s) => [b - 1, b, b + 10].map((d) => [s, d] as const));
  const wrong = probes.find(([s, d]) => s > d && stated(s, d) !== engine(s, d));
  const evidence = [
    {
      source:
        lang === 'en'
          ? source.replace(
              /中国高血压防治指南2018.*/,
              'Chinese hypertension guideline 2018, BP classification',
            )
          : source,
      text: say(lang, '单纯收缩期高血压', 'isolated systolic hypertension'),
    },
  ];
  if (!wrong)
    return {
      verdict: 'supported',
      evidence,
      reason: say(
        lang,
        `${name}：单纯收缩期高血压的定义正确`,
        `${name}: isolated systolic hypertension definition matches`,
      ),
    };
  const [s, d] = wrong;
  return {
    verdict: 'contradicted',
    evidence,
    reason: say(
      lang,
      `${name}：${s}/${d} mmHg ${engine(s, d) ? '属于' : '不属于'}单纯收缩期高血压，与所述定义不符`,
      `${name}: ${s}/${d} mmHg ${engine(s, d) ? 'is' : 'is not'} isolated systolic hypertension, unlike the stated definition`,
    ),
  };
}
