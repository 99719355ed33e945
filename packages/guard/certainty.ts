/**
 * The one place where a contradiction must show a complete parse (decision record 0008, issue 18): a claim is
 * contradicted only when its entity, number, relation and guideline/setting/population were read with certainty.
 * A `contradicted` verdict whose sentence carries something the claim frame did not read — a denied or reported
 * statement, a value attributed to another source, a hedge, a category stated for one pressure only — becomes
 * `unverifiable` with the reason. Checks stay as they are; this gate runs after them in `verifyClaims`.
 */
import { categoriesIn } from './extract-bp-categories.ts';
import { FROM_CARRIED, overallCategoryAt } from './extract-bp-frames.ts';
import { isQuestion, notTheAverage, onlyInRecordQuote, onlyInRejected } from './certainty-reported.ts';
import { say } from './i18n.ts';
import type { Claim } from './types.ts';

interface Gate {
  /** Claim kinds the gate applies to. */
  kinds: readonly Claim['kind'][];
  /** Whether the claim's sentence has the unparsed qualifier. */
  test(claim: Claim, text: string, next: string): boolean;
  zh: string;
  en: string;
}

const BP = ['bp-threshold', 'bp-target'] as const;
const BP_AND_LAB = ['bp-threshold', 'bp-target', 'lab-threshold'] as const;

/** A denied statement or change ("并没有把标准降到130/80", "did not lower the threshold to …"). */
const DENIED =
  /并没有|并未|没有把|没有将|未将|并非把|did not|didn't|has not|hasn't|have not|haven't|never (?:lowered|changed|set|adopted)/i;
/** A value attributed to another source or reported from elsewhere ("来自…", "comes from …", "you may have read"). */
const ELSEWHERE =
  /来自|源自|出自|源于|您看到的|你看到的|听说|网上|comes? from|came from|is from|taken from|you (?:may|might) have (?:read|heard|seen)|some (?:sources|people) say/i;
/** A hedge on the relation ("可能", "may", "might", "perhaps"). */
const HEDGE = /可能|也许|或许|大概|\bmay\b|\bmight\b|\bperhaps\b|\bpossibly\b/i;
/** A category stated for one pressure only ("收缩压处在1级范围", "the systolic is in the grade 2 range"). */
export const ONE_AXIS =
  /(?:收缩压|舒张压|高压|低压|systolic|diastolic)(?:\s*(?:值|读数|reading|pressure|number|value))?\s*(?:处在|处于|落在|位于|在|属于|达到|is in|is within|falls (?:in|within)|lies (?:in|within)|sits in|is at)/i;

/** The one-pressure phrase comes before the first category word ("158/102：收缩压处在1级范围"), not after it in a
 * "because" clause ("158/102 属于1级，因为收缩压在140–159之间" names the category of the whole reading). */
export function axisBeforeCategory(text: string): boolean {
  const t = text.normalize('NFKC');
  const axis = ONE_AXIS.exec(t);
  const cats = categoriesIn(t);
  const first = cats[0];
  // "…，舒张压在3级范围，因此总体属于3级": a category stated for the whole reading after the per-pressure ones.
  if (axis && overallCategoryAt(t, cats, axis.index) >= 0) return false;
  return !!axis && (!first || axis.index < first.at);
}

/** A value attributed to other people or to the past ("some experts suggest", "your previous target", "以前"). */
const REPORTED =
  /\bsome (?:experts|doctors|people|clinicians|guidelines|studies|sources)\b|\bothers\b|有(?:些|的)?(?:专家|医生|人|研究)|previous(?:ly)?|formerly|used to|\bold(?:er)? (?:target|threshold|guideline)|以前|过去|原来|之前|旧版/i;

/** The clause (between commas, semicolons and "but") that states the claim's systolic value. */
function clauseWithValue(claim: Claim, text: string): string | undefined {
  const sbp = claim.target?.sbp ?? claim.bp?.sbp?.[0];
  if (sbp === undefined) return undefined;
  return text
    .normalize('NFKC')
    .split(/[,;，；]|\bbut\b|\bwhereas\b|但是?|而/)
    .find((c) => new RegExp(`(?<!\\d)${sbp}(?!\\d)`).test(c));
}

/** A future or conditional change ("如果降到 44 以下", "if it drops below 60, that would be …"). */
const CONDITION = /如果|假如|若|一旦|\bif\b|\bonce\b|\bwould\b|\bshould it\b|\bwhen it\b/i;

const ALL_BUT_CITATIONS = [
  'dose',
  'bp-threshold',
  'bp-target',
  'lab-threshold',
  'interaction',
  'drug-condition',
  'attribution',
] as const;

const GATES: Gate[] = [
  {
    kinds: ALL_BUT_CITATIONS,
    test: (_c, t) => isQuestion(t),
    zh: '该句是提问，不是陈述',
    en: 'the sentence asks a question; it states nothing',
  },
  {
    kinds: ['bp-threshold'],
    test: (c, t) => notTheAverage(c, t),
    zh: '该分级是针对几次读数的平均值，而不是每一次读数',
    en: 'the category is stated for the average of the readings, not for each one',
  },
  {
    kinds: ALL_BUT_CITATIONS,
    test: (c, t, next) => onlyInRejected(c, t, next),
    zh: '该说法是回答转述并予以否定的说法',
    en: 'the answer reports this statement in order to reject it',
  },
  {
    kinds: ALL_BUT_CITATIONS,
    test: (c, t) => onlyInRecordQuote(c, t),
    zh: '该说法引自病历等记录，是被审核的内容，不是回答本身的说法',
    en: 'the statement is quoted from a record under review, not stated by the answer',
  },
  {
    kinds: ['lab-threshold'],
    // A bound in a conditional is the edge the patient may cross, not the category's edge.
    test: (c, t) =>
      (c.lab?.form === 'below' || c.lab?.form === 'at-least' || !!c.acr?.bound) && CONDITION.test(t),
    zh: '该界值出现在假设的变化中，不是分级的界值',
    en: "the bound is part of a hypothetical change, not the category's edge",
  },
  {
    kinds: BP,
    test: (c, t) => REPORTED.test(clauseWithValue(c, t) ?? ''),
    zh: '该数值出自他人观点或以往情况，不是所述指南的说法',
    en: "the value is someone else's view or a past one, not what the guideline states",
  },
  {
    kinds: BP,
    // A reading the answer denies is read with its own negation (BpData.negated); other forms are not.
    test: (c, t) => DENIED.test(t) && !c.bp?.negated,
    zh: '该句否认了一项说法或变更，关系未能确定读取',
    en: 'the sentence denies a statement or a change; the relation was not read with certainty',
  },
  {
    kinds: BP_AND_LAB,
    // …unless the source named is a guideline the guard carries ("comes from the ESH 2023 guideline").
    test: (_c, t) => ELSEWHERE.test(t) && !FROM_CARRIED.test(t.normalize('NFKC')),
    zh: '该数值被归于其他来源，无法确定其所指的指南',
    en: 'the value is attributed to another source; the guideline it refers to is not certain',
  },
  {
    kinds: BP_AND_LAB,
    test: (_c, t) => HEDGE.test(t),
    zh: '该说法带有不确定措辞，无法确定核查',
    en: 'the statement is hedged; it cannot be checked with certainty',
  },
  {
    kinds: ['bp-threshold'],
    test: (c, t) =>
      c.bp?.form === 'reading' && c.bp.sbp !== undefined && c.bp.dbp !== undefined && axisBeforeCategory(t),
    zh: '分级针对的是收缩压或舒张压之一，而不是整个读数',
    en: 'the category is stated for one pressure only, not for the whole reading',
  },
];

/** Why a contradicted claim was not read with certainty, or undefined when its parse is complete (`next`: the
 * answer's text after the claim's sentence, where a rejection of a reported statement may stand). */
export function uncertainty(claim: Claim, lang: 'zh' | 'en', next = ''): string | undefined {
  for (const g of GATES)
    if (g.kinds.includes(claim.kind) && g.test(claim, claim.text, next)) return say(lang, g.zh, g.en);
  return undefined;
}
