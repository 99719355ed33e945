/**
 * A clause reader for checkable claims (issue 18, docs/notes/guard-clauses-2026-12-08.md): an answer sentence is split
 * into clauses (zh and en punctuation, contrast words "but / while / whereas / rather than / 但 / 而 / 且", a table row
 * written on one line "| a | b |" kept whole), and each clause is read once into a triple — SUBJECT (a reading, a
 * setting, a drug or drug pair, a lab, a patient group, a category, or words that refer back), RELATION (is a
 * category, threshold, target, maximum, usual range, start, contraindicated, interacts, attributed to a guideline)
 * and VALUE (a blood-pressure pair or range, a number with its unit, a range), with its POLARITY (negation read with
 * the clinical-language modifiers over the relation or value, plus "not / 不 / 未 / 并非 / rather than").
 *
 * Readers consume the triples instead of re-finding subject, relation and value with patterns of their own: a claim
 * worded in a new way (a new verb, another word order) still has the same triple. Pure: no I/O, no globals written.
 */
import { PSEUDO, TERMINATORS, TRIGGERS } from '@qihuang/clinical-language';
import type { Guideline, Setting } from '@qihuang/engines/blood-pressure';
import { categoriesIn } from './extract-bp-categories.ts';
import { guidelineAt } from './extract-bp-guidelines.ts';
import { bpNumerals } from './extract-bp-numerals.ts';

export interface Clause {
  text: string;
  /** Offsets in the sentence the clause was split from. */
  start: number;
  end: number;
  /** A table row ("| 家庭 | ≥135/85 |"): its cells, the first being the row's subject. */
  cells?: string[];
  /** The clause opens a contrast with what came before ("rather than …", "而不是 …", "instead of …"). */
  contrast?: boolean;
}

export type SubjectKind =
  'setting' | 'reading' | 'drug' | 'lab' | 'population' | 'category' | 'anaphor' | 'guideline';

export type ClauseRelation =
  | 'threshold'
  | 'target'
  | 'maximum'
  | 'usual'
  | 'start'
  | 'category'
  | 'contraindicated'
  | 'interacts'
  | 'attributed';

/** A value with its offsets in the clause (`at`, `end`). */
export type ClauseValue = { at: number; end: number } & (
  | { kind: 'bp'; sbp: number; dbp: number }
  | { kind: 'bp-range'; sbp: [number, number]; dbp: [number, number] }
  | { kind: 'number'; n: number; unit: string }
  | { kind: 'range'; lo: number; hi: number; unit: string }
  | { kind: 'category'; category: string }
);

export interface Triple {
  clause: Clause;
  subject?: { kind: SubjectKind; text: string; setting?: Setting };
  relation?: ClauseRelation;
  /** The words that put subject and value in the relation. */
  cue?: string;
  /** The words between the cue and the value when the cue comes first ("considered hypertensive from| a mean of |140/90"). */
  gap?: string;
  value?: ClauseValue;
  negated: boolean;
  /** The guideline named last before the value in the sentence (a name after it is another stretch's). */
  guideline?: Guideline;
  /** The name nearest before the value is a guideline without its edition ("under ACC/AHA (≥125/75)"). */
  bareGuideline?: boolean;
}

const BARE_NAME =
  /ACC\s*\/\s*AHA|\bAHA\b|\bESH\b|\bESC\b|\bJNC\s*\d*|\bNICE\b|\bISH\b|\bKDIGO\b|中国|美国|欧洲|\bChin(?:a|ese)\b|\bAmerican\b|\bEuropean\b|《/gi;
const FULL_NAME =
  /(?:ACC\s*\/\s*AHA|ESH|ESC|中国|China|Chinese)\D{0,16}(?:19|20)\d\d|(?:19|20)\d\d\s*(?:年\s*)?(?:ACC|ESH|ESC|中国)/gi;

/** Clause boundaries: punctuation (not inside "1,000" or "2:1"), contrast and coordination words. */
const BOUNDARY =
  /(?<!\d)[,:](?!\d)|(?<=\d)[,:](?!\d)|(?<!\d)[,:](?=\d)|[，；;：。！？!?\n]|\s+(?=(?:but|while|whereas|however|although|though|rather than|instead of)\b)|(?<![从进因然继反])(?=而(?:不是|非|是)?)|(?=但(?:是)?)|(?=(?:并且|而且|且)(?![慢]))/gi;

/** Splits one sentence into clauses; a table row stays one clause with its cells. */
export function splitClauses(sentence: string): Clause[] {
  const row = /^\s*\|(.+)\|\s*$/.exec(sentence);
  if (row) {
    const cells = row[1]!.split('|').map((c) => c.trim());
    return [{ text: sentence.trim(), start: 0, end: sentence.length, cells }];
  }
  const out: Clause[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = sentence.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim().replace(/^[，,；;：:。]\s*/, '');
    if (text && /[\p{L}\d]/u.test(text))
      out.push({
        text,
        start: start + lead,
        end,
        ...(/^(?:rather than|instead of|而(?:不是|非))/i.test(text) ? { contrast: true } : {}),
      });
    start = end;
  };
  for (const m of sentence.matchAll(BOUNDARY)) {
    const at = m.index as number;
    if (at > start) push(m[0].length && /^[，,；;：:。！？!?\n]$/.test(m[0]) ? at + 1 : at);
  }
  push(sentence.length);
  return out;
}

const SETTING_WORDS: [Setting, RegExp][] = [
  ['home', /\bhome\b|\bHBPM\b|self-measured|家庭|家测|自测|在家/i],
  ['night', /\bnight(?:-?time)?\b|\bnocturnal\b|\basleep\b|夜间|睡眠/i],
  ['day', /\bday(?:-?time)?\b|\bawake\b|日间|白天/i],
  ['24h', /\b24[- ]?h(?:ou)?r?\b|24\s*小时|全天/i],
  ['office', /\boffice\b|\bclinic\b|诊室|门诊/i],
];
/** The measurement settings a text names. */
export const settingsIn = (text: string): Setting[] =>
  SETTING_WORDS.filter(([, re]) => re.test(text)).map(([s]) => s);

const LAB =
  /\beGFR\b|\bGFR\b|\bCrCl\b|creatinine clearance|\bpotassium\b|\bK\+|K⁺|\bACR\b|血钾|肌酐清除率|肾小球滤过率/i;
const POPULATION =
  /diabet\w*|\bCKD\b|chronic kidney disease|proteinuria|albuminuria|elderly|older (?:adults|patients)|aged? (?:≥|>=)?\s*\d{2}|糖尿病|慢性肾(?:脏)?病|蛋白尿|老年|(?:≥|>=)\s*\d{2}\s*岁|\d{2}\s*岁以上/i;
/** Words that refer back to entities named before (the drugs or readings of the sentence before). */
export const ANAPHOR =
  /^\s*(?:(?:all|both) of (?:these|them|those)|these(?: (?:drugs|medicines|medications|tablets|supplements|products|two|three))?|those(?: two)?|they|both(?: drugs| medicines)?|the (?:two|three)|这些(?:药物?|药品|产品|补充剂)?|上述(?:药物?|几种药|产品)?|这两(?:个|种)?(?:药物?)?|这几(?:个|种)(?:药物?)?|两者|二者|三者|它们)(?=\s|[与和跟同一都均合,，]|$)/i;

/** Relation cues, nearest before the value wins; each a zh/en source matched case-insensitively. */
const RELATIONS: [ClauseRelation, RegExp][] = [
  [
    'threshold',
    /\b(?:from|starting (?:at|from)|begins? at|starts? at|at or above|at least|or (?:higher|above|more)|and above|upwards|reach(?:es|ed|ing)?|cut-?off|threshold|diagnosed (?:at|from|when|if)|defined (?:as|by)|considered (?:hypertensive|high|hypertension) (?:from|at|above))\b|≥|>=|以上|及以上|(?<=\d\s?|mmHg\s?)起|达到|阈值|切点|诊断标准/gi,
  ],
  [
    'target',
    /\btargets?\b|\bgoals?\b|\baim(?:s|ed)? (?:for|at)\b|\b(?:get|keep|bring|lower)\w* (?:\w+ ){0,3}(?:below|under)\b|目标|控制在|控制到|降至|降到|以下(?=[，。,;；]|$)/gi,
  ],
  [
    'maximum',
    /\bmaximum\b|\bmax\b|\bnot (?:to )?exceed\b|\bup to\b|\bat (?:the )?most\b|\bno more than\b|最大|最多|不超过|不宜超过|上限/gi,
  ],
  ['usual', /\busual(?:ly)?\b|\btypical(?:ly)?\b|\bstandard dose\b|常用|常规|通常/gi],
  ['start', /\bstart(?:s|ed|ing)?\b|\binitial\b|起始|开始/gi],
  ['contraindicated', /contraindicat\w*|\bavoid\w*|禁用|禁忌|避免/gi],
  ['interacts', /\binteract\w*|\bcombin\w*|\btogether\b|合用|联用|同服|相互作用|一起(?:用|吃|服)/gi],
  [
    'attributed',
    /\baccording to\b|\bper\b|\bunder\b|\bis part of\b|\bcomes? from\b|\bbelongs? to\b|按照?|根据|依据|来自|出自|属于[^，。]{0,12}(?:分类|标准)/gi,
  ],
  [
    'category',
    /\b(?:is|are|was|were|counts? as|classified as|means?|falls? (?:in|into|under))\b|属于|属|算|即为|为|是/gi,
  ],
];

const NEGATION =
  /\bnot\b|n't\b|\bnever\b|\bno\b(?! (?:more|less|later|lower|higher) than)|\bneither\b|\bnor\b|\brather than\b|\binstead of\b|不是|并非|并不|不算|不属于|不会|未|没有|无(?!论)|而非|不(?=[是算属会能可宜应用致])/i;

const BP_RANGE = /(\d{2,3})\s*[–~～-]\s*(\d{2,3})\s*\/\s*(\d{2,3})\s*[–~～-]\s*(\d{2,3})/g;
const BP = /(?<![\d.\/–-])(\d{2,3})\s*\/\s*(\d{2,3})(?!\d|\.\d|\s*[–~～-]\s*\d)/g;
const NUM_RANGE =
  /(?<![\d.\/])(\d+(?:\.\d+)?)\s*(?:[–~～-]|to|至|到)\s*(\d+(?:\.\d+)?)\s*(mg|毫克|mmol\/L|mL\/min|%|mmHg|岁|years?)/gi;
const NUM =
  /(?<![\d.\/–-])(\d+(?:\.\d+)?)\s*(mg|毫克|mmol\/L|mL\/min|%|mmHg|岁|years?|h\b|hours?|小时)(?![a-z])(?!\s*(?:动态|平均|均值|血压|ambulatory|mean|average|BP|blood|[≥>≤<:：]|\d))/gi;

function valuesIn(t: string): ClauseValue[] {
  const out: ClauseValue[] = [];
  const free = (a: number, b: number) => !out.some((v) => a < v.end && v.at < b);
  const at = (m: RegExpMatchArray) => ({ at: m.index as number, end: (m.index as number) + m[0].length });
  const add = (v: ClauseValue) => {
    if (free(v.at, v.end)) out.push(v);
  };
  for (const m of t.matchAll(BP_RANGE))
    add({ kind: 'bp-range', sbp: [+m[1]!, +m[2]!], dbp: [+m[3]!, +m[4]!], ...at(m) });
  for (const m of t.matchAll(BP)) add({ kind: 'bp', sbp: +m[1]!, dbp: +m[2]!, ...at(m) });
  for (const m of t.matchAll(NUM_RANGE))
    add({ kind: 'range', lo: +m[1]!, hi: +m[2]!, unit: m[3]!.toLowerCase(), ...at(m) });
  for (const m of t.matchAll(NUM)) add({ kind: 'number', n: +m[1]!, unit: m[2]!.toLowerCase(), ...at(m) });
  // Category words are values too ("118/84 并不是 elevated"), unless inside a number already taken.
  for (const c of categoriesIn(t))
    if (free(c.at, c.at + 1)) out.push({ kind: 'category', category: c.category, at: c.at, end: c.at + 1 });
  return out.sort((a, b) => a.at - b.at);
}

const global = (re: RegExp) => new RegExp(re.source, 'gi');
const SETTING_G = SETTING_WORDS.map(([s, re]) => [s, global(re)] as const);
const LAB_G = global(LAB);
const POPULATION_G = global(POPULATION);
const READING_G = /(?<![\d.\/])\d{2,3}\s*\/\s*\d{2,3}(?!\d|\.\d)/g;

function subjectOf(t: string, from: number, valueAt: number): Triple['subject'] {
  // The entity nearest the value after the value before it ("24小时≥130/80、白天≥135/85": each value its own setting);
  // else the clause's first (its subject carried over the clause's values).
  return (
    entityIn(t.slice(from, Math.max(from, valueAt)), true) ??
    entityIn(t.slice(0, Math.max(0, valueAt)), false)
  );
}

function entityIn(head: string, last: boolean): Triple['subject'] {
  const anaphor = ANAPHOR.exec(head);
  if (anaphor) return { kind: 'anaphor', text: anaphor[0].trim() };
  const found: { at: number; s: NonNullable<Triple['subject']> }[] = [];
  const scan = (re: RegExp, make: (m: string) => NonNullable<Triple['subject']>) => {
    for (const m of head.matchAll(re)) found.push({ at: m.index as number, s: make(m[0]) });
  };
  for (const [setting, re] of SETTING_G) scan(re, (m) => ({ kind: 'setting', text: m, setting }));
  scan(LAB_G, (m) => ({ kind: 'lab', text: m }));
  scan(POPULATION_G, (m) => ({ kind: 'population', text: m }));
  // "home hypertension", "夜间高血压": the generic word is what the setting's value is about, not the subject.
  for (const c of categoriesIn(head))
    if (c.category !== 'hypertension') found.push({ at: c.at, s: { kind: 'category', text: c.category } });
  scan(READING_G, (m) => ({ kind: 'reading', text: m }));
  found.sort((a, b) => a.at - b.at);
  return (last ? found[found.length - 1] : found[0])?.s;
}

/** The relation whose cue stands nearest before the value (else the first after it). */
function relationOf(
  t: string,
  valueAt: number,
): { relation: ClauseRelation; cue: string; at: number } | undefined {
  let best: { relation: ClauseRelation; cue: string; at: number } | undefined;
  for (const [relation, re] of RELATIONS)
    for (const m of t.matchAll(re)) {
      const at = m.index as number;
      if (at > valueAt) continue;
      // The category copula is a weak cue: a relation before the value wins over it ("the target is 130/80"), except an
      // attribution frame ("按照 ACC/AHA 2017，118/84 并不是 elevated").
      const weak = (r: ClauseRelation) => r === 'category' || r === 'attributed';
      if (best && relation === 'category' && !weak(best.relation)) continue;
      if (!best || at > best.at || (best.relation === 'category' && relation !== 'category'))
        best = { relation, cue: m[0], at };
    }
  if (best) return best;
  for (const [relation, re] of RELATIONS) {
    re.lastIndex = 0;
    const m = re.exec(t.slice(valueAt));
    if (m) return { relation, cue: m[0], at: valueAt + m.index };
  }
  return undefined;
}

/** The clinical-language negation rules as data (ConText forward negation triggers, their pseudo-triggers and the
 * terminators that end a negation's scope), compiled once: the full modifier reader costs ~7 ms a call. */
const rules = (xs: readonly { re: string }[]) => new RegExp(xs.map((x) => `(?:${x.re})`).join('|'), 'gi');
const NEG_TRIGGER = rules(TRIGGERS.filter((r) => r.category === 'negated' && r.direction === 'forward'));
const NEG_PSEUDO = rules(PSEUDO.filter((r) => r.categories.includes('negated')));
const NEG_END = rules(TERMINATORS.filter((r) => r.categories.includes('negated')));

function ruleNegated(t: string): boolean {
  const low = t.toLowerCase();
  const pseudo = [...low.matchAll(NEG_PSEUDO)].map((m) => [
    m.index as number,
    (m.index as number) + m[0].length,
  ]);
  for (const m of low.matchAll(NEG_TRIGGER)) {
    const at = m.index as number;
    if (!m[0] || pseudo.some(([a, b]) => at >= a! && at < b!)) continue;
    NEG_END.lastIndex = 0;
    if (!NEG_END.test(low.slice(at + m[0].length))) return true;
  }
  return false;
}

/** Negation before the value in its clause: the word list, else the clinical-language triggers over the relation. */
function negatedAt(t: string, from: number, to: number, relation: ClauseRelation | undefined): boolean {
  const before = t.slice(0, Math.max(from, to));
  if (NEGATION.test(before)) return true;
  if (relation !== 'interacts' && relation !== 'contraindicated') return false;
  return ruleNegated(t.slice(0, Math.max(to, from + 1)));
}

const memo = new Map<string, Triple[]>();

/** The triples of a sentence: one per value of each clause (a clause without a value gives one without it). */
export function readClauses(sentence: string): Triple[] {
  const hit = memo.get(sentence);
  if (hit) return hit;
  const norm = bpNumerals(sentence.normalize('NFKC'));
  const out: Triple[] = [];
  for (const clause of splitClauses(norm)) {
    const t = clause.cells ? clause.cells.join(': ') : clause.text;
    const values = valuesIn(t);
    const slots = values.length ? values : [undefined];
    let from = 0;
    for (const value of slots) {
      const at = value?.at ?? t.length;
      const rel = relationOf(t, at);
      const subject = subjectOf(t, from, at);
      const gap = rel && rel.at < at ? t.slice(rel.at + rel.cue.length, at) : undefined;
      // A category word does not end a value's stretch ("≥120/70 即为高血压" keeps its subject).
      if (value && value.kind !== 'category') from = value.end;
      const pos = clause.cells ? clause.start : clause.start + at;
      const guideline = guidelineAt(norm.slice(0, pos), pos);
      const full = [...norm.slice(0, pos).matchAll(FULL_NAME)].map((m) => (m.index as number) + m[0].length);
      const bare = [...norm.slice(0, pos).matchAll(BARE_NAME)].map((m) => m.index as number);
      const lastFull = Math.max(-1, ...full);
      const bareGuideline = bare.some((b) => b >= lastFull && b >= clause.start);
      out.push({
        clause,
        ...(subject ? { subject } : {}),
        ...(rel ? { relation: rel.relation, cue: rel.cue } : {}),
        ...(gap !== undefined ? { gap } : {}),
        ...(value ? { value } : {}),
        negated: !!clause.contrast || negatedAt(t, rel?.at ?? at, at, rel?.relation),
        ...(guideline ? { guideline } : {}),
        ...(bareGuideline ? { bareGuideline } : {}),
      });
    }
  }
  if (memo.size > 4000) memo.clear();
  memo.set(sentence, out);
  return out;
}
