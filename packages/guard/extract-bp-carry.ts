/**
 * Categories said of the reading(s) of the sentence before (split from extract-bp.ts): "Your readings average
 * 128/82 mmHg. … this is stage 1", "Both are normal", a restated pressure then "所以归为2级". The sentence's own bare
 * reading — stated without a category, or with categories only asked about ("…112/70，这算高吗？") or only inside a
 * statement the answer reports and rejects ("上一条回复把 R 归为 C，这是错的") — is kept for the next sentence.
 */
import type { Discourse } from './discourse.ts';
import { REFERS_TO_ALL, settingSubject } from './discourse-entities.ts';
import { axisBeforeCategory } from './certainty.ts';
import { isQuestion, rejectedAt } from './certainty-reported.ts';
import {
  AXIS_TALK,
  BACK_TO_ALL,
  BACK_TO_READINGS,
  CATEGORY_FIRST,
  inBrackets,
  overallCategoryAt,
} from './extract-bp-frames.ts';
import { settingAt } from './extract-bp-settings.ts';
import type { Guideline } from '@qihuang/engines/blood-pressure';
import type { BpData } from './types.ts';

interface Value {
  at: number;
  end: number;
  sbp: [number, number | undefined];
  dbp?: [number, number | undefined];
  lead?: string;
}
interface Category {
  category: string;
  negated: boolean;
  at: number;
}

/** A value said to be below (group 1) or above the threshold ("below the home threshold", "低于家庭血压诊断阈值"). */
const THRESHOLD_SAID =
  /(?:(\b(?:is|are|was|were|remains?|stays?|falls?)\s+(?:still\s+|just\s+|well\s+)?(?:below|under)|\b(?:does|do)(?: not|n't) (?:reach|meet|exceed))|\b(?:is|are|was|were)\s+(?:above|over|at or above)|\b(?:exceeds?|meets?|reaches?|crosses))\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:threshold|cut-?off)\b|(?:(低于|未达到|未超过|没有?达到|没有?超过|不到)|(?:已|已经)?(?:超过|达到|高于))[^，,。；;]{0,10}?(?:阈值|诊断标准)/i;
const OTHER_THRESHOLD =
  /treat|drug|medic|therap|initiat|target|goal|action|intervention|alert|crisis|emergenc|治疗|用药|药物|启动|目标|干预|急症|危象|报警/i;
const ISH_WORD = /isolated systolic hypertension|\bISH\b|单纯收缩期高血压/i;
/** The words right before an average ("average 140/87", "总均值134/82"). */
const AVERAGE_BEFORE =
  /(?:\baverag(?:e|es|ed|ing)|\bmean|总均值|总平均(?:值)?|平均(?:值)?)\s*(?:of\s*|is\s*|was\s*|为|是|[:：])?\s*(?:about\s*|约)?$/i;
/** The reading's setting named as the subject ("家庭血压在正常范围", "home BP is normal"): the reading before. */
const SETTING_SUBJECT =
  /(?:家庭|白天|日间|夜间|24小时|动态|诊室)血压(?:均值)?(?:在|属于|为|是|已)|\b(?:home|daytime|night-time|ambulatory|office) (?:BP|blood pressure|average|mean|readings?) (?:is|are|was|were)\b/i;
/** Words that refer back to the reading of the sentence before. */
const BACK_REF = /\b(?:that|this|it|which|these|those|they)\b|这|此|该|上述/i;

export function carriedReadingClaims(
  t: string,
  d: Discourse,
  s: {
    values: Value[];
    cats: Category[];
    affirmed: Category[];
    specific: Category | undefined;
    withG: { guideline?: Guideline };
    isTargetSentence: boolean;
  },
): BpData[] {
  const { values, cats, affirmed, specific, withG, isTargetSentence } = s;
  const claims: BpData[] = [];
  // "Your readings average 128/82 mmHg. … this is stage 1": a category stated for the previous sentence's reading.
  // Its values, if any, only in brackets ("分级：1级高血压（DBP 90–99）") explain the category, they are no reading.
  const bracketed = values.length > 0 && values.every((v) => inBrackets(t, v.at));
  // "176/112。收缩压是176，还没到180；舒张压112…，所以归为2级": sentences that restate one pressure of the reading
  // before keep it; a category after "所以/因此/overall" is then the reading's.
  const lr = d.lastReading;
  const restates =
    !!lr &&
    AXIS_TALK.test(t) &&
    values.every((v) => v.dbp === undefined) &&
    new RegExp(`(?<![\\d.])(?:${lr.sbp}|${lr.dbp})(?![\\d.])`).test(t);
  const overall = restates && overallCategoryAt(t, affirmed, 0) >= 0;
  // "Both are in the normal range", "这两个数都属于正常": the category of every reading of the sentence before.
  if (!values.length && specific && d.lastReadings && (BACK_TO_ALL.test(t) || REFERS_TO_ALL.test(t)))
    for (const r of d.lastReadings)
      claims.push({
        ...withG,
        category: specific.category,
        setting: r.setting,
        form: 'reading',
        sbp: [r.sbp, undefined],
        dbp: [r.dbp, undefined],
        lowerBoundOnly: true,
      });
  if (
    (overall || ((!values.length || bracketed) && !restates)) &&
    specific &&
    d.lastReading &&
    (/\b(?:this|that|it|which)\b|\bthe (?:same )?(?:reading|value|measurement)\b|这|此|该读数|属于|为/i.test(
      t,
    ) ||
      CATEGORY_FIRST.test(t) ||
      BACK_TO_READINGS.test(t) ||
      SETTING_SUBJECT.test(t))
  ) {
    claims.push({
      ...withG,
      category: specific.category,
      setting: d.lastReading.setting,
      form: 'reading',
      sbp: [d.lastReading.sbp, undefined],
      dbp: [d.lastReading.dbp, undefined],
      lowerBoundOnly: true,
    });
  }
  // "…home readings averaged 136/82 mmHg. Under ESH 2023 that is below the home threshold.": the reading of the
  // sentence before compared with the guideline's own threshold (negated hypertension below, hypertension above).
  const vsThreshold = !values.length && !isTargetSentence && d.lastReading ? THRESHOLD_SAID.exec(t) : null;
  if (
    vsThreshold &&
    d.lastReading &&
    (BACK_REF.test(t.slice(0, vsThreshold.index)) ||
      !!settingSubject(t.slice(0, vsThreshold.index), d.lastReading)) &&
    // "below the treatment threshold", "未达到启动用药的阈值": another threshold than the diagnostic one.
    !OTHER_THRESHOLD.test(vsThreshold[0])
  )
    claims.push({
      ...withG,
      category: 'hypertension',
      setting: d.lastReading.setting,
      form: 'reading',
      sbp: [d.lastReading.sbp, undefined],
      dbp: [d.lastReading.dbp, undefined],
      lowerBoundOnly: true,
      ...(vsThreshold[1] || vsThreshold[2] ? { negated: true } : {}),
    });
  // A reading whose categories are stated for one pressure only ("165/96：收缩压在2级范围，舒张压在1级范围") has no
  // category of its own yet: the next sentence may give it ("因此判为1级高血压").
  const axisOnly = values.length === 1 && axisBeforeCategory(t.slice(values[0]!.end));
  // A reading asked about, or whose category is only a rejected earlier statement's, has no category of its own.
  const ownless = values.length === 1 && (isQuestion(t) || rejectedAt(t, values[0]!.at));
  // "168/88 属于单纯收缩期高血压": isolated systolic hypertension names no grade — the next sentence may give it.
  const ishOnly = ISH_WORD.test(t) && cats.every((c) => c.category === 'hypertension');
  const bare =
    values.length === 1 && (!cats.length || axisOnly || ownless || ishOnly) && !isTargetSentence
      ? values[0]
      : undefined;
  // "Two readings of 144/88 and 136/86 average 140/87", "早晨均值…，晚上均值…，总均值134/82": several readings without a
  // category whose last is their average — the average is what the next sentence classifies.
  const last = values[values.length - 1];
  const average =
    !bare &&
    values.length >= 2 &&
    !cats.length &&
    !isTargetSentence &&
    last &&
    AVERAGE_BEFORE.test(t.slice(0, last.at))
      ? last
      : undefined;
  const kept = bare ?? average;
  if (kept && kept.sbp[1] === undefined && kept.dbp?.[1] === undefined && !kept.lead && kept.dbp)
    d.lastReading = { sbp: kept.sbp[0], dbp: kept.dbp[0], setting: settingAt(t, kept.at) };
  else if (!(restates && !cats.length)) delete d.lastReading;
  const pairs = values.filter((v) => v.dbp && v.sbp[1] === undefined && v.dbp[1] === undefined && !v.lead);
  if (values.length >= 2 && pairs.length === values.length && !cats.length && !isTargetSentence)
    d.lastReadings = pairs.map((v) => ({ sbp: v.sbp[0], dbp: v.dbp![0], setting: settingAt(t, v.at) }));
  else delete d.lastReadings;
  return claims;
}
