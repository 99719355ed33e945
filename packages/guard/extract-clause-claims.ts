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
import { readClauses, settingsIn, splitClauses, type Triple } from './clauses.ts';
import { categoriesIn } from './extract-bp-categories.ts';
import { guidelinesIn } from './extract-bp-guidelines.ts';
import type { DrugEntry, DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { BpData, DoseData, Mention } from './types.ts';

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

/** A drug followed straight by a combine word, then the amount: the pair is the clause's subject ("辛伐他汀和氨氯地平同用时
 * 每天最多20 mg", "simvastatin and amlodipine together: no more than 20 mg"). */
const PAIR_THEN_VALUE =
  /^\s*(?:同用|合用|联用|一起用|一起服用|同服|同时服用|联合使用|together|combined|in combination|co-?prescribed)[^\d，,。;；]{0,14}$/i;

/** Whether drug-knowledge caps `capped` in combination with `partner` (REFERENCE §6 dose caps). */
function capsWith(kb: DrugKnowledgeBase, capped: string, partner: DrugEntry): boolean {
  const classes = kb.classesOf(partner);
  return kb.interactions.some(
    (rule) =>
      rule.doseCap?.drug === capped &&
      rule.members.some((sel) =>
        sel.some((x) =>
          'drug' in x ? x.drug === partner.id : 'class' in x ? classes.includes(x.class) : false,
        ),
      ),
  );
}

/**
 * The amount of a clause whose subject is a drug pair belongs to the member whose dose the combination caps, not to
 * the drug named last before it: "辛伐他汀和氨氯地平同用时每天最多20 mg" is simvastatin's cap, not amlodipine's maximum.
 */
export function pairSubjectDose(
  text: string,
  dose: DoseData,
  mentions: Mention[],
  kb: DrugKnowledgeBase,
): DoseData {
  const from = text.indexOf(dose.raw);
  const at = from + dose.raw.search(/\d+(?:\.\d+)?\s*(?:mg|毫克)/i);
  if (from < 0 || at < from || !dose.with?.length) return dose;
  const before = mentions.filter((m) => m.drug && m.end <= at);
  const last = before[before.length - 1];
  if (last?.drug?.id !== dose.drug.id || !PAIR_THEN_VALUE.test(text.slice(last.end, at))) return dose;
  // The drug named last is itself capped by a partner: the amount is its own.
  if (dose.with.some((m) => m.drug && m.drug.id !== dose.drug.id && capsWith(kb, dose.drug.id, m.drug)))
    return dose;
  for (const p of dose.with)
    if (p.drug && p.drug.id !== dose.drug.id && capsWith(kb, p.drug.id, dose.drug))
      return { ...dose, drug: p.drug, with: [last, ...dose.with.filter((m) => m !== p)] };
  return dose;
}

const CATEGORY_FILLER =
  /^\s*(?:(?:a|an|the|of|at|from|is|are|as|mean|average|values?|readings?|mmHg|(?:stage|grade)\s*(?:\d|I{1,3})|[1-3一二三]\s*[期级](?:高血压)?|hypertension|为|是|从|在|:|：)\s*){0,6}$/i;
const TREATMENT = /\btreat\w*|\bdrugs?\b|\bmedicat\w*|\btherapy\b|治疗|用药|服药|药物|起始|开始/i;

/** An office category in a threshold or start relation to a pressure pair ("puts the start of stage 2 at 160/100",
 * "1级高血压从140/90起") is that category's lower threshold (REFERENCE §1.1–§1.3). */
export function categoryThresholdsIn(text: string, carried?: Guideline): BpData[] {
  const out: BpData[] = [];
  for (const t of readClauses(text)) {
    if (t.subject?.kind !== 'category' || (t.relation !== 'threshold' && t.relation !== 'start')) continue;
    if (t.negated || t.bareGuideline || t.value?.kind !== 'bp' || t.gap === undefined) continue;
    const c = t.clause.text;
    if (!CATEGORY_FILLER.test(t.gap) || TREATMENT.test(c) || NOT_THRESHOLD.test(c)) continue;
    // An out-of-office value or a correspondence ("夜间对应诊室1期的阈值") is another setting's.
    if (settingsIn(c).some((x) => x !== 'office') || /对应|correspond|equivalent|相当于/i.test(c)) continue;
    const guideline = t.guideline ?? carried;
    if (!guideline) continue;
    out.push({
      guideline,
      category: t.subject.text,
      setting: 'office',
      form: 'threshold',
      sbp: [t.value.sbp, undefined],
      dbp: [t.value.dbp, undefined],
      lowerBoundOnly: true,
    });
  }
  return out;
}

const SBP_HEAD = /收缩压|\bSBP\b|systolic|高压/i;
const DBP_HEAD = /舒张压|\bDBP\b|diastolic|低压/i;
const CELL_RANGE = /^(\d{2,3})\s*[–~～-]\s*(\d{2,3})$/;
const CELL_BOUND = /^(?:≥|>=)\s*(\d{2,3})$/;

/** A table row under a header naming the systolic and diastolic columns ("| 分级 | 收缩压 | 舒张压 |" then "| 1级高血压 |
 * 130–139 | 80–89 |"): the row's category with its ranges (REFERENCE §1.1–§1.3). */
export function tableRowCategory(row: string, header: string, carried?: Guideline): BpData | undefined {
  const [r] = splitClauses(row.normalize('NFKC'));
  const [h] = splitClauses(header.normalize('NFKC'));
  if (!r?.cells || !h?.cells || r.cells.length !== h.cells.length) return undefined;
  const si = h.cells.findIndex((x) => SBP_HEAD.test(x));
  const di = h.cells.findIndex((x) => DBP_HEAD.test(x));
  const cats = categoriesIn(r.cells[0] ?? '').filter((x) => !x.negated && x.category !== 'hypertension');
  if (si < 1 || di < 1 || cats.length !== 1 || !carried) return undefined;
  const read = (cell: string): [number, number | undefined] | undefined => {
    const x = cell.replace(/\s*mmHg$/i, '').trim();
    const range = CELL_RANGE.exec(x);
    if (range) return [+range[1]!, +range[2]!];
    const bound = CELL_BOUND.exec(x);
    return bound ? [+bound[1]!, undefined] : undefined;
  };
  const sbp = read(r.cells[si]!);
  const dbp = read(r.cells[di]!);
  if (!sbp || !dbp || (sbp[1] === undefined) !== (dbp[1] === undefined)) return undefined;
  const bound = sbp[1] === undefined;
  return {
    guideline: carried,
    category: cats[0]!.category,
    setting: 'office',
    form: bound ? 'threshold' : 'range',
    sbp,
    dbp,
    lowerBoundOnly: bound,
  };
}
