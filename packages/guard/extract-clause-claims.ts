/**
 * Claims read from the clause triples of `clauses.ts` (issue 18, docs/notes/guard-clauses-2026-12-08.md): the readers
 * here ask only subject / relation / value / polarity, so a new wording of the same claim gives the same triple.
 *
 * - An out-of-office setting with a threshold relation to a pressure pair ("home blood pressure is considered
 *   hypertensive from 140/90", "| 家庭 | ≥135/85 |", "夜间血压从120/70起就算高") is that setting's diagnostic threshold
 *   (checked against REFERENCE §2.2 by the bp-threshold check).
 * - A category credited to a guideline by an attribution relation ('the "elevated BP" category … is part of the ESH
 *   2023 classification') is a claim about that guideline's own categories (REFERENCE §1.1–§1.4).
 * - Words that refer back ("these", "这些", "两者") as the subject of an interaction relation stand for the drugs of
 *   the sentence before.
 * - Categories a clause denies ("118/84 并不是 elevated", "rather than stage 2") are a contrast, not what the sentence
 *   says a cited passage states.
 */
import type { Guideline } from '@qihuang/engines/blood-pressure';
import { readClauses, type Triple } from './clauses.ts';
import { categoriesIn } from './extract-bp-categories.ts';
import { guidelinesIn } from './extract-bp-guidelines.ts';
import type { BpData } from './types.ts';

/** The clause names the diagnosis (a threshold of hypertension, not of a drug start or a target). */
const DIAGNOSIS =
  /hypertensi\w*|\bhigh\b|\braised\b|\belevated\b|diagnos\w*|threshold|cut-?off|高血压|诊断|阈值|切点|(?:就|即|才)?算(?:是)?高|偏高|升高/i;
/** A change of value ("from 140/90 to 135/85") or a treatment decision is no threshold. */
const NOT_THRESHOLD =
  /\bfrom\b[^,;]{0,30}\bto\b\s*\d|从[^，；]{0,20}(?:降|调|改)(?:到|至|为)|\b(?:start|begin|initiat)\w* (?:treatment|drugs?|medication)|开始(?:药物)?治疗|启动|用药|target|goal|目标|控制/i;

const FILLER =
  /^\s*(?:(?:a|an|the|mean|average|of|values?|readings?|mmHg|均值|平均值?|的|为|是|值|在|:|：)\s*){0,4}$/i;

/** Out-of-office diagnostic thresholds stated as a setting's threshold relation. */
export function settingThresholdsIn(text: string, carried?: Guideline): BpData[] {
  const out: BpData[] = [];
  for (const t of readClauses(text)) {
    if (t.subject?.kind !== 'setting' || t.subject.setting === 'office' || !t.subject.setting) continue;
    if (t.relation !== 'threshold' || t.negated || t.value?.kind !== 'bp') continue;
    // The cue stands right before the value (filler words only): a value after "threshold of" or "达到" with other
    // words between is a reading compared with the threshold, not the threshold.
    if (t.gap === undefined || !FILLER.test(t.gap)) continue;
    const c = t.clause.cells ? t.clause.cells.join(' ') : t.clause.text;
    if (NOT_THRESHOLD.test(c)) continue;
    // A table row is a threshold by its ≥; a clause must name the diagnosis it is the threshold of.
    if (!t.clause.cells && !DIAGNOSIS.test(c)) continue;
    if (t.bareGuideline) continue;
    const guideline = t.guideline ?? carried;
    if (!guideline) continue;
    out.push({
      guideline,
      category: 'hypertension',
      setting: t.subject.setting,
      form: 'threshold',
      sbp: [t.value.sbp, undefined],
      dbp: [t.value.dbp, undefined],
      lowerBoundOnly: true,
    });
  }
  return out;
}

/** Attribution cues whose guideline follows them ("is part of the ESH 2023 classification", "出自中国2018"). */
const CREDIT_CUE =
  /\bis part of\b|\bcomes? from\b|\bbelongs? to\b|\b(?:is|are) (?:an? )?(?:term|category|concept) (?:of|from|in)\b|来自|出自|源自|属于/i;
const AS_TERM = /["“”「」『』]|\bcategor(?:y|ies)\b|\bterm\b|分类|类别|术语/i;

/** A category credited to one guideline by an attribution relation, values or another guideline's name aside. */
export function creditedCategoriesIn(text: string): BpData[] {
  const out: BpData[] = [];
  for (const t of readClauses(text)) {
    if (t.relation !== 'attributed' || t.negated || !t.cue || !CREDIT_CUE.test(t.cue)) continue;
    const c = t.clause.text;
    const cueAt = c.search(CREDIT_CUE);
    const after = guidelinesIn(c.slice(cueAt));
    if (after.length !== 1 || !AS_TERM.test(c)) continue;
    const named = categoriesIn(c.slice(0, cueAt)).filter((x) => !x.negated && x.category !== 'hypertension');
    if (named.length !== 1) continue;
    const g = after[0]!;
    if (out.some((b) => b.category === named[0]!.category && b.guideline === g)) continue;
    out.push({
      guideline: g,
      category: named[0]!.category,
      setting: 'office',
      form: 'range',
      lowerBoundOnly: false,
    });
  }
  return out;
}

/** Words opening a clause that refer back to the drugs before, as the subject of an interaction or a harm. */
export function anaphorSubjectAt(text: string): { index: number; text: string } | undefined {
  const first: Triple | undefined = readClauses(text)[0];
  if (first?.subject?.kind !== 'anaphor') return undefined;
  if (first.relation !== 'interacts' && first.relation !== 'contraindicated') return undefined;
  const index = text.indexOf(first.subject.text);
  return index < 0 ? undefined : { index, text: first.subject.text };
}

/** Category ids a sentence denies in one of its clauses (a contrast: "并不是 elevated，而是1期"). */
export function deniedCategories(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of readClauses(text))
    if (t.value?.kind === 'category' && t.negated && t.relation === 'category') out.add(t.value.category);
  return out;
}

/** Effect verbs: what a combination does ("引起高钾", "raise potassium", "affect the kidneys"). */
const EFFECT =
  /引起|导致|增加|升高|影响|造成|\bcause\w*|\brais\w*|\bincreas\w*|\baffect\w*|\blead\w* to\b|\bresult\w* in\b/i;
/** Effect nouns after "without / no" ("without any rise in potassium", "无血钾升高"). */
const EFFECT_NOUN = /\b(?:rise|increase|elevation|change|effect|impact)\b|升高|增高|影响|风险/i;
const NEGATED_EFFECT = new RegExp(
  `(?:不会|并不会|不|没有|并没有|无|未|won't|will not|does not|doesn't|do not|don't|not)\\s*(?:\\S{0,2}\\s*)?(?:${EFFECT.source})|\\b(?:without|with no|no)\\s+(?:any\\s+|a\\s+)?(?:\\w+\\s+)?(?:${EFFECT_NOUN.source})`,
  'i',
);

/** An interaction clause whose effect is denied after the combine word ("这些与 ACEI 合用不会引起高钾", "taken together
 * they do not raise potassium"): the interaction is denied outright. */
export function deniedEffectOfCombination(text: string): boolean {
  return readClauses(text).some((t) => {
    if (t.relation !== 'interacts' || !t.negated || !t.cue) return false;
    const c = t.clause.text;
    const cueAt = c.toLowerCase().lastIndexOf(t.cue.toLowerCase());
    return cueAt >= 0 && NEGATED_EFFECT.test(c.slice(cueAt + t.cue.length));
  });
}
