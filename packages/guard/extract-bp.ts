/**
 * Blood-pressure statements in one sentence: a reading stated with its category ("150/95 mmHg is grade 1
 * hypertension"), a category's range or threshold ("grade 2 is 160–179/100–109", "home hypertension starts at
 * ≥135/85"), each with its setting (office, home, daytime, night-time, 24-h); and treatment targets, with or
 * without the word "target" ("降至140/90 mmHg以下", "treat to below 130/80"). The guideline and population come
 * from the sentence, else from the discourse (earlier sentences, the request).
 */
import { PLAUSIBLE, type Guideline } from '@qihuang/engines/blood-pressure';
import { ageIn, type Discourse } from './discourse.ts';
import { asListThreshold, isListItem } from './discourse-entities.ts';
import { axisValues, type AxisValue as BpValueAt } from './extract-bp-axis.ts';
import { correspondence } from './extract-bp-correspond.ts';
import { categoriesIn } from './extract-bp-categories.ts';
import { bpNumerals, numberWords } from './extract-bp-numerals.ts';
import { wordedReadings } from './extract-bp-worded.ts';
import { carriedReadingClaims } from './extract-bp-carry.ts';
import {
  ageShorthand,
  AXIS_TALK,
  DENIED_CHANGE_BEFORE,
  DENIED_TARGET_AFTER,
  DENIED_TARGET_BEFORE,
  NAMED_AS,
  NOT_ENOUGH,
  NO_CKD,
  unowned,
  SHORTHAND_HINT,
  overallCategoryAt,
  THEN_TO,
  WANTS_BELOW,
} from './extract-bp-frames.ts';
import { relationDenied } from './relation-lexicon.ts';
import {
  CHANGED_FROM,
  CHANGED_TO,
  CHINA_FAMILY,
  clauseOf,
  CONTRAST,
  CORRESPOND,
  CORRESPONDS_TO_STAGE_1,
  CURRENT,
  INITIATION,
  HEDGED,
  NOT_THIS_GUIDELINE,
  PAIR,
  population,
  QUALIFIED,
  SBP_ONLY,
  TARGET_AFTER,
  TARGET_BEFORE,
  TARGET_WORD,
  THRESHOLD_AFTER,
  THRESHOLD_BEFORE,
  TREATED,
  UNCARRIED,
  UPPER_BEFORE,
} from './extract-bp-words.ts';
export { categoriesIn } from './extract-bp-categories.ts';
import {
  bareGuidelinesAt,
  glossedValue,
  categorySpan,
  guidelineAt,
  guidelineIn,
  guidelinesIn,
  RESPECTIVE,
  segmentsAfter,
} from './extract-bp-guidelines.ts';
export { guidelineAt, guidelineIn, guidelinesIn } from './extract-bp-guidelines.ts';
import { namedSetting, outOfOfficeOnly, settingAt } from './extract-bp-settings.ts';
export { settingAt } from './extract-bp-settings.ts';
import type { BpData, TargetData } from './types.ts';

const ALL_ARE_BEFORE_BRACKET =
  /\b(?:all (?:three|two|four|of them)|both)\s+(?:are|were)\s+(?:\w+[- ])?\w+\s*\([^()]*$|(?:三个|两个|三项|两项)?(?:都|均)(?:属于|是|为)?[^（(，,。]{0,6}[（(][^（）()]*$/i;
/** Two guidelines said to agree on one value ("both ask for", "agree", "两者都", "一致"). */
const BOTH_AGREE = /\bboth\b|\bagree\b|\bthe same\b|两者都|二者都|都(?:要求|建议|推荐|是)|一致|相同/i;
const BOTH_DIFFER = /\bdiffer|\bwhereas\b|\bwhile\b|\bbut\b|\bunlike\b|不同|而|但|不一致/i;

const GUIDELINE_NAMES = /ACC\s*\/\s*AHA|ESH|中国|China|Chinese|2017\s*(?:年\s*)?ACC/i;

export interface BpClaimParts {
  bp: BpData[];
  targets: TargetData[];
}

/** BP claims of one sentence (text without citation markers). */
export function bpClaims(text: string, d: Discourse): BpClaimParts {
  // "74F, eGFR 44.", "At 75, …": the age in shorthand carries like any stated age; "无 CKD" is not CKD.
  if (SHORTHAND_HINT.test(text)) {
    const short = ageIn(text) === undefined ? ageShorthand(text) : undefined;
    if (short !== undefined) d.age = short;
  }
  if (d.ckd && NO_CKD.test(text)) delete d.ckd;
  // "…thresholds: home: ≥135/85; daytime ABPM: ≥135/85; 24-hour ABPM: ≥135/85.": an item of a list of thresholds
  // continued over ';' is a threshold too (its setting its own label).
  const item = d.listThreshold && isListItem(text) && !categoriesIn(text).length;
  // Readings in number words ("一百四十六/九十二", "one sixty over ninety") are read as digits.
  const parts = bpClaimsWithin(numberWords(item ? asListThreshold(text) : text), d);
  if (/[;；]\s*$/.test(text) && parts.bp.some((b) => b.form === 'threshold' && b.category === 'hypertension'))
    d.listThreshold = true;
  else if (!/[;；]\s*$/.test(text) || !item) delete d.listThreshold;
  // The setting carries to following sentences that name none ("You asked about home readings. The threshold is …").
  const named = namedSetting(text.normalize('NFKC'));
  if (named) d.setting = named;
  else if (named === null) delete d.setting;
  return parts;
}

function bpClaimsWithin(text: string, d: Discourse): BpClaimParts {
  // "138/86 daytime is normal under ESH 2023, because the daytime threshold is 140/90": the reason clause is a
  // statement of its own (under the guideline named before it).
  const because = /,\s*because\s+|，因为/i.exec(text);
  if (because && because.index > 0) {
    const first = text.slice(0, because.index);
    const a = bpClaimsOf(first, d);
    const saved = d.guideline;
    const g = guidelineIn(first.normalize('NFKC'));
    if (g) d.guideline = g;
    const b = bpClaimsOf(text.slice(because.index), d);
    if (saved) d.guideline = saved;
    else delete d.guideline;
    return { bp: [...a.bp, ...b.bp], targets: [...a.targets, ...b.targets] };
  }
  return bpClaimsOf(text, d);
}

function bpClaimsOf(text: string, d: Discourse): BpClaimParts {
  const out: BpClaimParts = { bp: [], targets: [] };
  if (
    !/\d{2,3}\s*\/\s*[<≥>＜=]*\s*\d{2,3}|\d{2,3}\s*[–-]\s*\d{2,3}\s*(?:mmHg\s*)?(?:and\/or|和\/或|or|或)\s*\d|收缩压|舒张压|systolic|diastolic|SBP|DBP|高压|低压|\d\s*over\s*\d/i.test(
      text,
    ) &&
    !(
      (d.lastReading || d.lastReadings) &&
      /stage|grade|级|期|high-normal|正常高值|optimal|理想|elevated|升高|normal|正常|threshold|cut-?off|阈值|诊断标准/i.test(
        text,
      )
    )
  ) {
    delete d.lastReading;
    delete d.lastReadings;
    return out;
  }
  // Ranges written with words: "between 140 and 159", "在140到159之间" read as "140–159".
  const t = bpNumerals(text.normalize('NFKC'))
    .replace(/\bbetween (\d{2,3}) and (\d{2,3})\b/gi, '$1–$2')
    .replace(/在\s*(\d{2,3})\s*(?:到|至|和|与|-|–)\s*(\d{2,3})\s*(mmHg)?\s*之间/g, '$1–$2 $3')
    // "120–129 and/or 80–84 mmHg", "1期130–139或80–89，…": two ranges joined by and/or are a systolic/diastolic pair
    // of ranges (without mmHg only where the first is systolic and the second diastolic).
    .replace(
      /(\d{2,3})(\s*[–-]\s*\d{2,3})\s*(?:mmHg\s*)?(?:and\/or|和\/或|or|或)\s*(\d{2,3})(\s*[–-]\s*\d{2,3})(?=\s*mmHg|\s*[，,；;。]|\s*$)/gi,
      (m, a: string, ar: string, b: string, br: string, at: number, all: string) =>
        /^\s*mmHg/i.test(all.slice(at + m.length)) || (Number(a) >= 100 && Number(b) < 100)
          ? `${a}${ar}/${b}${br}`
          : m,
    )
    // "140/90–159/99 mmHg": a range of pairs (increasing on both axes; "from 140/90 to 130/80" is a change).
    .replace(
      /(\d{2,3})\s*\/\s*(\d{2,3})\s*(?:[–—~～-]|to|至|到)\s*(\d{2,3})\s*\/\s*(\d{2,3})/gi,
      (m, a: string, b: string, c: string, e: string) =>
        Number(a) < Number(c) && Number(b) < Number(e) ? `${a}–${c}/${b}–${e}` : m,
    );
  // "…的是2022年的《中国高血压临床实践指南》，而不是中国2018指南" / "…, not China 2018": the values are
  // attributed away from a guideline (often to one the guard does not carry) — too uncertain to check.
  if (NOT_THIS_GUIDELINE.test(t)) return out;
  // "清晨血压≥135/85 为清晨高血压": a measurement time the engine has no setting for (morning, evening) — unless the
  // sentence also names a setting it has ("morning home readings").
  if (/清晨|晨起|晨峰|\bmorning\b|\bevening\b|傍晚|睡前/i.test(t) && namedSetting(t) === undefined)
    return out;
  // "诊室外阈值：≥135/85" with no setting named before: out-of-office values of a setting not known.
  if (outOfOfficeOnly(t) && (!d.setting || d.setting === 'office')) return out;
  const guideline = guidelineIn(t) ?? d.guideline;
  // Chinese texts name ACC/AHA stages "1级/2级高血压": under ACC/AHA a "级" is its stage.
  const cats = categoriesIn(t).map((c) =>
    guideline === 'acc-aha-2017' && /^grade-[12]$/.test(c.category) && /^[12一二]\s*级/.test(t.slice(c.at))
      ? { ...c, category: c.category.replace('grade', 'stage') }
      : c,
  );
  const affirmed = cats.filter((c) => !c.negated);
  const specific = affirmed.find((c) => c.category !== 'hypertension');
  const generic = cats.find((c) => c.category === 'hypertension');
  const isTargetSentence = TARGET_WORD.test(t) || WANTS_BELOW.test(t) || NOT_ENOUGH.test(t);
  // A sentence naming no setting is in the setting an earlier sentence named (else office).
  const carried = namedSetting(t) === undefined ? d.setting : undefined;
  const withG = guideline ? { guideline } : {};

  // Values: pairs first, then separate systolic / diastolic statements.
  const values: {
    at: number;
    end: number;
    sbp: [number, number | undefined];
    dbp?: [number, number | undefined];
    dbpUpperOnly: boolean;
    lead?: string;
  }[] = [];
  for (const m of t.matchAll(PAIR)) {
    const sbp = Number(m[2]);
    const dbp = Number(m[5]);
    // Values outside the blood-pressure engine's plausibility limits (PLAUSIBLE), or doses of a combination pill
    // ("160/25 mg"), are not blood pressures.
    if (/^\s*(?:mg|毫克)/i.test(t.slice((m.index as number) + m[0].length))) continue;
    if (
      sbp < PLAUSIBLE.sbp.min ||
      sbp > PLAUSIBLE.sbp.max ||
      dbp < PLAUSIBLE.dbp.min ||
      dbp > PLAUSIBLE.dbp.max ||
      sbp <= dbp
    )
      continue;
    values.push({
      at: m.index as number,
      end: (m.index as number) + m[0].length,
      sbp: [sbp, m[3] ? Number(m[3]) : undefined],
      dbp: [dbp, m[6] ? Number(m[6]) : undefined],
      dbpUpperOnly: m[4] === '<' || m[4] === '＜',
      ...(m[1] ? { lead: m[1] } : {}),
    });
  }
  if (!values.length) {
    const v = axisValues(t, specific?.category, isTargetSentence);
    if (v) values.push(v);
  }

  // "The 24-h value corresponding to office 130/80 is 135/85": an office value and its out-of-office counterpart
  // (extract-bp-correspond.ts).
  // "诊室130/80对应的24小时动态血压也是130/80，因此24小时均值127/77不算升高": the pair the correspondence joins, a
  // value in a later clause aside.
  const paired =
    values.length === 2 ||
    (values.length > 2 &&
      CORRESPOND.test(t.slice(values[0]!.end, values[1]!.at)) &&
      /[，,；;]/.test(t.slice(values[1]!.end, values[2]!.at)));
  if (guideline && paired && CORRESPOND.test(t)) {
    const c = correspondence(t, values.slice(0, 2) as [BpValueAt, BpValueAt], guideline, settingAt);
    if (c) {
      out.bp.push(c);
      return out;
    }
  }
  // "grades 1 to 3 starting at 140/90, 160/100 and 180/110": each value takes its category in order.
  const span = categorySpan(t);
  const listed = span ? values.filter((w) => w.at > span.end) : [];
  const spanCategory = new Map<number, string>();
  if (span && listed.length === span.categories.length)
    listed.forEach((w, i) => spanCategory.set(w.at, span.categories[i] as string));
  for (const v of values) {
    // "ESH 2023: all three are normal (135/85 daytime, 120/70 night, …)": the values in brackets after a category
    // said of readings given before are the thresholds it rests on, not readings of that category.
    if (ALL_ARE_BEFORE_BRACKET.test(t.slice(Math.max(0, v.at - 80), v.at))) continue;
    // A value in brackets glossing the one before ("≥125/75（对应诊室130/80）") takes that value's guideline.
    const gv = glossedValue(t, values, v);
    const prevEnd = [...values].reverse().find((w) => w.end <= gv.at)?.end ?? 0;
    // Bare names in the value's own stretch ("ESH/中国 ≥140/90，ACC/AHA ≥130/80").
    const bare = bareGuidelinesAt(t, gv.at, prevEnd);
    // "一个是130/80，一个是140/90", or values after a span of categories they cannot be paired with: no guideline or
    // category is tied to the value with certainty.
    if (!bare && !guidelineIn(t.slice(prevEnd, v.at)) && RESPECTIVE.test(t)) continue;
    if (span && v.at > span.end && !spanCategory.has(v.at)) continue;
    // "把诊断阈值降到 130/80 的是2022年的《中国高血压临床实践指南》，而2024年…仍是 ≥140/90": a value goes with a
    // carried guideline only when its own clause names one and no uncarried one.
    if (UNCARRIED.test(t)) {
      const clause = clauseOf(t, v.at);
      if (UNCARRIED.test(clause) || !guidelineIn(clause)) continue;
    }
    const before = t.slice(Math.max(0, v.at - 40), v.at);
    const after = t.slice(v.end, v.end + 40);
    // "未下调至 130/80", "was not lowered to 130/80": the value is what the guideline did not adopt.
    if (DENIED_CHANGE_BEFORE.test(before)) continue;
    const isRange = v.sbp[1] !== undefined || v.dbp?.[1] !== undefined;
    const isThreshold =
      !isRange &&
      (v.lead === '≥' ||
        THRESHOLD_BEFORE.test(before) ||
        THRESHOLD_AFTER.test(after) ||
        /≥|>=/.test(t.slice(v.at, v.end)) ||
        (/threshold|cut-?off|诊断标准|诊断阈值|标准为|标准是/i.test(before) && !specific));
    const isTarget =
      !isRange &&
      !isThreshold &&
      isTargetSentence &&
      // "您目前服药后血压控制在 128/78 mmHg，这很好": the current reading of a treated patient, not a target.
      !(CURRENT.test(before) && !/目标|target|goal|应|should|aim/i.test(t)) &&
      (v.lead === '<' ||
        v.lead === '＜' ||
        TARGET_BEFORE.test(before) ||
        THEN_TO.test(before) ||
        TARGET_AFTER.test(after));
    if (isTarget) {
      const where = carried ?? settingAt(t, v.at);
      const gt = guidelineAt(t, v.at) ?? d.guideline;
      // "ESH 2023 and the Chinese 2018 guideline agree: both ask first for below 150/90": the target is each one's.
      const named = guidelinesIn(t);
      const gs = named.length >= 2 && BOTH_AGREE.test(t) && !BOTH_DIFFER.test(t) ? named : [gt];
      for (const g of gs)
        out.targets.push({
          ...(g ? { guideline: g } : {}),
          ...(where !== 'office' ? { setting: where } : {}),
          sbp: v.sbp[0],
          ...(v.dbp ? { dbp: v.dbp[0] } : {}),
          population: population(t, d, v.at),
          ...(DENIED_TARGET_BEFORE.test(before) ||
          DENIED_TARGET_AFTER.test(after) ||
          // The target relation of the value's clause negated ("does not ask … to get below", "并没有要求…降到"):
          // the shared lexicon's cue read with the clinical-language modifiers (relation-lexicon.ts).
          relationDenied(clauseBefore(t, v.at), 'target')
            ? { negated: true }
            : {}),
        });
      continue;
    }
    const setting = carried ?? settingAt(t, v.at);
    // One reading judged under several guidelines in turn ("按ACC/AHA 2017 属于…，按ESH 2023 或中国指南则不算高血压"):
    // a claim per stretch, with the category (or denied hypertension) of that stretch.
    const segs = isRange || isThreshold ? [] : segmentsAfter(t, v.end);
    if (segs.length) {
      for (const seg of segs) {
        const c = cats.find((x) => x.at >= seg.from && x.at < seg.to);
        if (!c || (c.negated && c.category !== 'hypertension')) continue;
        if (c.category === 'hypertension' && (QUALIFIED.test(t) || TREATED.test(t))) continue;
        const one = seg.gs.length === 1;
        out.bp.push({
          ...(one ? { guideline: seg.gs[0] as Guideline } : { family: seg.gs }),
          category: c.category,
          setting,
          form: 'reading',
          sbp: v.sbp,
          ...(v.dbp && !v.dbpUpperOnly ? { dbp: v.dbp } : {}),
          lowerBoundOnly: true,
          ...(c.negated ? { negated: true } : {}),
        });
      }
      continue;
    }
    // Several readings in one sentence: each takes the category named right after it (before the next value).
    const nextValue = values.find((w) => w.at > v.at)?.at ?? t.length;
    const catAfter = affirmed.find((c) => c.category !== 'hypertension' && c.at >= v.end && c.at < nextValue);
    const prevValueEnd = [...values].reverse().find((w) => w.end <= v.at)?.end ?? 0;
    const catBefore = [...affirmed]
      .reverse()
      .find((c) => c.category !== 'hypertension' && c.at < v.at && c.at >= prevValueEnd);
    // A range or threshold follows its category ("正常血压为120–129/80–84，正常高值为130–139/85–89"); a reading
    // precedes it ("150/95 is grade 1, 165/100 is grade 2").
    const ranged = v.sbp[1] !== undefined || v.dbp?.[1] !== undefined;
    // A range with no category before it, whose category after it leads the next value: the category is the next
    // value's — this one's is unknown.
    // "把130–139/85–89称为high-normal，120–129/80–84另称normal": a name after the range is the range's.
    const namedAfter = catAfter && NAMED_AS.test(t.slice(v.end, catAfter.at)) ? catAfter : undefined;
    if (ranged && !catBefore && !namedAfter && catAfter && values.some((w) => w.at > catAfter.at)) continue;
    // "174/112，收缩压属于2级范围，舒张压在3级范围，因此总体属于3级": the category after "因此总体" is the reading's.
    const overallAt = ranged ? -1 : overallCategoryAt(t, affirmed, v.end);
    const listedAs = spanCategory.get(v.at);
    const own =
      (listedAs ? { at: v.end, category: listedAs, negated: false } : undefined) ??
      affirmed.find((c) => c.at === overallAt) ??
      (ranged ? (namedAfter ?? catBefore ?? catAfter) : (catAfter ?? catBefore)) ??
      [...affirmed].reverse().find((c) => c.category !== 'hypertension' && c.at < v.at);
    // "124/71 meets the criterion, even though your daytime values are normal": a category after a concessive or
    // contrasting word belongs to another subject — this reading's category is not read.
    // "118/86：SBP <120 但 DBP 86，属正常血压": a contrast between the reading's own pressures keeps the subject.
    const between = own && own.at > v.end ? t.slice(v.end, own.at) : '';
    if (CONTRAST.test(between) && !AXIS_TALK.test(between)) continue;
    // "it is stage 2, and it does not meet the '>180/120' crisis flag": a qualified value in its own clause does not
    // take a category from another clause.
    if (
      own &&
      /[，,；;]/.test(t.slice(Math.min(own.at, v.end), Math.max(own.at, v.at))) &&
      /severe|重度|急症|emergenc|urgenc|crisis|危象/i.test(clauseOf(t, v.at))
    )
      continue;
    // "130/84 is high-normal, while 129/84 is still …": a category between two readings is the first one's.
    if (unowned(t, v, { ranged, catAfter, own, catBefore, prevValueEnd, isThreshold })) continue;
    // "为≥140/90，因此家庭血压尚属正常": a "≥" threshold is no edge of "normal"/"optimal" (a reading's category).
    const lowest = (c?: { category: string }) =>
      isThreshold && c && /^(?:normal|optimal)$/.test(c.category) ? undefined : c?.category;
    const category =
      lowest(own) ??
      lowest(specific) ??
      (generic
        ? 'hypertension'
        : /threshold|cut-?off|阈值|诊断|标准|(?<!\bnot )\babnormal\b|异常/i.test(t)
          ? 'hypertension'
          : undefined);
    if (!category) continue;
    // "≥160/110 is severe hypertension", "hypertensive emergency", "isolated systolic …": not the diagnostic
    // threshold the guideline tables define — left to the assertion listing.
    if (category === 'hypertension' && QUALIFIED.test(t)) continue;
    // "A treated patient at 132/84 is still hypertensive": the diagnosis persists under treatment — not a
    // classification of the reading. A threshold ("夜间平均≥120/70 就算升高") is a definition, treated or not.
    if (category === 'hypertension' && TREATED.test(t) && !isThreshold && !isRange) continue;
    const form: BpData['form'] = isRange
      ? 'range'
      : isThreshold || (listedAs && span?.starts)
        ? 'threshold'
        : 'reading';
    const negated =
      form === 'reading' &&
      category === 'hypertension' &&
      (cats.some((c) => c.category === 'hypertension' && c.negated) ||
        /\b(?:is|are|remains?|stays?|falls?)\s+(?:still\s+)?(?:below|under)\b|not (?:yet )?(?:reach|meet|hypertens)|未达到|未超过|低于|没有达到|不到/i.test(
          t.slice(v.end),
        ));
    if (form === 'reading' && !specific && !generic && !/threshold|阈值/i.test(t)) continue;
    // "正常血压：<120/80", "optimal is below 120/80": an upper bound is the category's upper edge, not a reading.
    if (
      form === 'reading' &&
      (v.lead === '<' || v.lead === '＜' || v.lead === '≤' || UPPER_BEFORE.test(before))
    ) {
      // "monotherapy for grade 1 low risk below 150/95": a condition for the first step, not the category's edge.
      if (INITIATION.test(t)) continue;
      const gUpper = guidelineIn(t) ?? d.guideline;
      // Like a range, an upper bound follows its category ("理想血压为<120/80，正常血压为…").
      const cu = catBefore ?? (catAfter && !values.some((w) => w.at > catAfter.at) ? catAfter : undefined);
      if (cu && cu.category !== 'hypertension' && v.dbp && !v.dbpUpperOnly)
        out.bp.push({
          ...(gUpper ? { guideline: gUpper } : {}),
          category: cu.category,
          setting,
          form: 'upper',
          sbp: v.sbp,
          dbp: v.dbp,
          lowerBoundOnly: false,
        });
      continue;
    }
    // "office readings of 150/95 may be normal at home": a hedged reading is not a classification.
    if (form === 'reading' && HEDGED.test(t.slice(v.end, (own?.at ?? v.end + 40) + 1))) continue;
    // "lowered the threshold from 140/90 to 130/80", "从140/90下调到130/80": the value changed from is the old one.
    if (CHANGED_FROM.test(before) && CHANGED_TO.test(t)) continue;
    // "Usually 140/90 …, although the 2017 ACC/AHA guideline uses 130/80": a guideline named only after a
    // contrast belongs to the values after it.
    const named = guidelineIn(t);
    const namedAt = named ? t.search(GUIDELINE_NAMES) : -1;
    const contrasted =
      named !== undefined &&
      namedAt > v.end &&
      /although|though|but|whereas|while|however|而|但|不过|然而/i.test(t.slice(v.end, namedAt)) &&
      !AXIS_TALK.test(t.slice(v.end, namedAt));
    const gFor =
      bare?.length === 1
        ? bare[0]
        : bare
          ? undefined
          : contrasted
            ? d.guideline
            : (guidelineAt(t, gv.at) ?? d.guideline);
    // "按照中国指南", "the Chinese guideline": no edition named — the Chinese editions the engine carries.
    const family =
      bare && bare.length > 1
        ? { family: bare }
        : !gFor && CHINA_FAMILY.test(t)
          ? { family: ['china-2018', 'china-2024'] as Guideline[] }
          : {};
    // "a home mean of ≥130/80 corresponds to office stage 1": the setting's hypertension threshold.
    const corresponds = form === 'threshold' && setting !== 'office' && CORRESPONDS_TO_STAGE_1.test(t);
    out.bp.push({
      ...(gFor ? { guideline: gFor } : {}),
      ...family,
      category: corresponds ? 'hypertension' : category,
      setting,
      form,
      sbp: v.sbp,
      ...(v.dbp && !v.dbpUpperOnly ? { dbp: v.dbp } : {}),
      lowerBoundOnly: form !== 'range',
      ...(negated ? { negated: true } : {}),
    });
  }

  // Categories said of the reading(s) of the sentence before; this sentence's bare reading kept for the next.
  out.bp.push(...carriedReadingClaims(t, d, { values, cats, affirmed, specific, withG, isTargetSentence }));

  // Systolic-only targets ("a systolic target below 130 mmHg").
  if (!out.targets.length && isTargetSentence) {
    const s = SBP_ONLY.exec(t);
    if (s) out.targets.push({ ...withG, sbp: Number(s[1] ?? s[2] ?? s[3]), population: population(t, d) });
  }
  // Readings the clinical-language package finds that the patterns above missed (e.g. "高压150低压95").
  if (!values.length && (specific || generic) && !isTargetSentence)
    out.bp.push(...wordedReadings(t, specific?.category ?? 'hypertension', withG));
  return out;
}

/** The value's clause up to the value. */
function clauseBefore(t: string, at: number): string {
  const from = Math.max(...[...'，,；;。'].map((c) => t.lastIndexOf(c, at - 1)));
  return t.slice(from + 1, at);
}
