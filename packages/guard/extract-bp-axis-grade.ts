/**
 * A grade stated by the systolic pressure alone ("178/88 … 按收缩压分级属于1级", "graded on the systolic, it is grade
 * 1"): the systolic value must lie in that grade's systolic band of the guideline (REFERENCE §1.2–§1.4, bands read
 * from the engine by the bp-threshold check). The value is the sentence's own systolic or single reading, else the
 * single reading of the sentence before.
 */
import type { Guideline } from '@qihuang/engines/blood-pressure';
import { guidelineIn } from './extract-bp-guidelines.ts';
import type { BpData } from './types.ts';

const BY_SYSTOLIC =
  /(?:按|根据|按照|依据?)\s*收缩压(?:水平)?\s*(?:来)?(?:分级|分)?\s*[，,]?\s*(?:应)?(?:属于|为|是|算|定为|属|归为)\s*([123一二三])\s*级|\b(?:by|on|based on|graded (?:by|on)|going by) (?:the |its )?systolic(?: (?:value|pressure|level|alone))?,? (?:it |this |that )?(?:is|falls (?:in|into)|counts as|would be|sits in) grade ([123])\b/i;
const DENIED = /不属于|不是|并非|不算|\bnot\b|n't\b/i;
const CN: Record<string, string> = { 一: '1', 二: '2', 三: '3' };
const PAIR = /(?<![\d.])(\d{2,3})\s*\/\s*(\d{2,3})(?![\d.])/g;
const SYSTOLIC = /(?:收缩压|\bsystolic(?: of)?|\bSBP)\s*(?:为|是|[:：])?\s*(\d{2,3})(?![\d./])/i;

const onePair = (t: string): number | undefined => {
  const pairs = [...t.matchAll(PAIR)].filter((m) => Number(m[1]) > Number(m[2]));
  return pairs.length === 1 ? Number(pairs[0]![1]) : undefined;
};

export function axisGradeIn(text: string, previous: string, carried?: Guideline): BpData | undefined {
  if (!/收缩压|systolic/i.test(text)) return undefined;
  const t = text.normalize('NFKC');
  const m = BY_SYSTOLIC.exec(t);
  if (!m || DENIED.test(t.slice(Math.max(0, m.index - 6), m.index + m[0].length).replace(m[0], '')))
    return undefined;
  const grade = m[1] ? (CN[m[1]] ?? m[1]) : m[2];
  const own = SYSTOLIC.exec(t);
  const sbp = own ? Number(own[1]) : (onePair(t) ?? onePair(previous.normalize('NFKC')));
  const guideline = guidelineIn(t) ?? guidelineIn(previous.normalize('NFKC')) ?? carried;
  if (sbp === undefined || !guideline || guideline === 'acc-aha-2017') return undefined;
  return {
    guideline,
    category: `grade-${grade}`,
    setting: 'office',
    form: 'reading',
    sbp: [sbp, undefined],
    lowerBoundOnly: true,
    axisOnly: 'sbp',
  };
}
