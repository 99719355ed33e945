/**
 * One relation lexicon for every claim kind (issue 18, docs/notes/guard-generalisation-2026-12-07.md mechanism 1):
 * the words that put a value or a drug in a relation — a maximum, a target, the first / if-tolerated qualifier of a
 * target, an interval between two drugs, a combination called usable or standard, a denied interaction — in one
 * table, zh and en. Readers ask `hasRelation(text, relation)` or `relationRegex(relation)` instead of keeping phrase
 * lists of their own, and read negation and hedging over a relation's cue with the clinical-language modifier reader
 * (`relationsIn`, `relationDenied`), not per extractor. Numbers and units are normalised before (number words,
 * 克/g, extract-bp-numerals.ts, doseAndRenalNumberWords).
 */
import { modifiersAt } from '@qihuang/clinical-language';

export type Relation =
  | 'maximum'
  | 'target'
  | 'first'
  | 'tolerated'
  | 'interval'
  | 'permit'
  | 'combine'
  | 'approve'
  | 'pairing'
  | 'no-interaction'
  | 'withhold';

interface Entry {
  relation: Relation;
  lang: 'zh' | 'en';
  /** A regular-expression source, matched case-insensitively. */
  cue: string;
}

const e = (relation: Relation, lang: 'zh' | 'en', ...cues: string[]): Entry[] =>
  cues.map((cue) => ({ relation, lang, cue }));

export const RELATION_LEXICON: readonly Entry[] = [
  // A maximum: the value is the highest allowed ("tops out at 100 mg", "should not go above", "不超过", "最多").
  ...e(
    'maximum',
    'en',
    'maximum',
    '\\bmax\\b',
    'up to',
    'not (?:to )?exceed',
    "\\b(?:not|never|n't) (?:go|be (?:raised|increased|titrated|pushed)|climb|rise) (?:above|over|beyond|past)\\b",
    '\\b(?:no|never) more than',
    '\\bat (?:the )?most\\b',
    '\\btops? out at\\b',
    '\\btopping out at\\b',
    '\\bmax(?:es|ed)? out at\\b',
    'ceiling',
    'or less',
    'titrated? (?:up )?to',
    'increased? to',
    '\\bcap(?:ped)?\\b',
    'limited to',
    '\\blimit\\s+(?:\\w+\\s+){0,3}?to\\b',
    '\\bupper limit\\b',
    '\\bhighest (?:daily )?dose\\b',
  ),
  ...e(
    'maximum',
    'zh',
    '最大(?:日)?剂量',
    '最大',
    '最高(?:日)?剂量',
    '(?:不|不宜|不得)超过',
    '最多',
    '至多',
    '顶多',
    '可用至',
    '可加量至',
    '加量至',
    '加至',
    '增加到',
    '增至',
    '可加到',
    '(?:可以|可)用到',
    '用到最多',
    '上限',
    '封顶',
    '限制在',
    '限定在',
    '限于',
  ),
  // A target: the value to get below ("asks … to reach", "happy with anything under", "控制在…即可").
  ...e(
    'target',
    'en',
    "\\b(?:asks?|wants?|expects?|requires?|tells?|advises?|recommends?)\\s+(?:[\\w'-]+\\s+){0,6}?to\\s+(?:reach|get|be|stay|come|go|bring|keep|lower)\\b",
    '\\b(?:happy|content|satisfied|fine|okay|ok) with (?:anything|any (?:reading|value|pressure)|a (?:reading|pressure|value)|readings?|values?|(?:a )?(?:BP|blood pressure))\\s+(?:\\w+\\s+){0,2}?(?:under|below|less than)\\b',
    '\\b(?:initial|first|main|treatment) (?:goal|aim|target)\\b',
    '\\b(?:aims?|goals?|targets?) (?:is|are|of)\\b',
    '\\bfirst aim\\b',
  ),
  ...e(
    'target',
    'zh',
    '控制在[^，。,;；]{0,16}?(?:即可|就行|就可以|为宜)',
    '(?:要求|希望|建议)[^，。,;；]{0,16}?(?:降到|降至|低于|控制在|达到|小于)',
    '只要求',
  ),
  // The first target itself, not the one "if tolerated" ("from the start", "initial goal", "首先").
  ...e(
    'first',
    'en',
    '\\bfrom the (?:start|outset|beginning)\\b',
    '\\b(?:initial|first)(?: treatment)? (?:goal|target|aim|step)\\b',
    '\\bas the first (?:target|goal|aim|step)\\b',
    '\\bto begin with\\b',
    '\\binitially\\b',
    '\\bat first\\b',
    '\\bin the first (?:instance|place|step)\\b',
    '\\b(?:below|under|<)\\s*\\d{2,3}\\s*\\/\\s*\\d{2,3}(?:\\s*mmHg)? first\\b',
  ),
  ...e('first', 'zh', '首先', '一开始就?(?:要)?', '首要目标', '第一步', '初始目标', '起初', '起步目标'),
  // The target if tolerated ("if tolerated", "如能耐受").
  ...e('tolerated', 'en', 'tolerat\\w*'),
  ...e('tolerated', 'zh', '耐受'),
  // An interval between two drugs ("隔…就可以", "once N hours have passed since", "N hours after the last dose").
  ...e(
    'interval',
    'en',
    '\\bapart\\b',
    '\\bspaced?\\b',
    '\\bseparated? by\\b',
    '\\bstagger\\w*',
    '\\b(?:once|after|when|until) (?:\\w+[- ])?(?:\\w+ )?(?:hours?|days?) (?:have|has) (?:passed|elapsed|gone by)\\b',
    '\\b(?:hours?|days?|h) (?:after|since|from) (?:the |your |his |her )?(?:last|final)\\b',
    '\\bno sooner than\\b',
    '\\bas soon as \\d',
    '\\b(?:at least|a full|a minimum of) [\\w-]+ (?:hours?|days?)\\b',
  ),
  ...e(
    'interval',
    'zh',
    '错开',
    '间隔',
    '隔开',
    '分开(?:服用|吃)',
    '(?<!间)隔[^，。,;；]{1,10}?(?:就|即|才|再|后)?(?:可以|可|能|服用|使用|用)',
    '满[^，。,;；]{1,8}?(?:小时|天)',
  ),
  // A combination said usable: a permission and a combine verb in one clause ("可以和 Y 一起服用", "can go with").
  ...e(
    'permit',
    'en',
    "\\b(?:can|may|could)\\b(?!['’]t|not| not| never)",
    '\\b(?:fine|safe|ok|okay|alright) to\\b',
    '\\b(?:is|are) fine\\b',
  ),
  ...e('permit', 'zh', '可以', '(?<![不未])可(?![能是])', '(?<![不未])能(?!否)', '没问题'),
  ...e(
    'combine',
    'en',
    '\\btogether\\b',
    '\\bcombin\\w*',
    '\\bpair(?:ed|ing)?\\b',
    '\\balongside\\b',
    '\\bco-?prescri\\w*',
  ),
  ...e(
    'combine',
    'zh',
    '一起(?:服用|吃|用|使用)?',
    '同服',
    '合用',
    '联用',
    '联合',
    '搭配',
    '同时(?:服用|使用|吃|用)',
  ),
  // A pair called standard or sensible ("a sensible pairing", "a standard two-drug start", "常用的搭配").
  ...e(
    'approve',
    'en',
    '\\b(?:sensible|standard|common|usual|typical|good|reasonable|recommended|classic|well-established|sound|logical)\\b',
  ),
  ...e('approve', 'zh', '常用', '标准', '经典', '合理', '推荐', '常见', '理想', '合适'),
  ...e(
    'pairing',
    'en',
    '\\bpairing\\b',
    '\\bcombination\\b',
    '\\b(?:two|three|dual|triple)[- ]drug (?:start|regimen|therapy|combination|approach)\\b',
    '\\bduo\\b',
  ),
  ...e('pairing', 'zh', '搭配', '组合', '联合(?:方案|用药)?', '配伍', '方案'),
  // An interaction denied outright ("don't interact", "没有相互作用").
  ...e(
    'no-interaction',
    'en',
    "(?:don't|do not|doesn't|does not|won't|will not) interact",
    'no (?:meaningful |significant |clinically (?:relevant |significant )?|relevant )?(?:interaction|effect on (?:potassium|each other))',
  ),
  ...e(
    'no-interaction',
    'zh',
    '(?:没有|无|不会有|不存在|并无)(?:什么|明显|明确|显著)?(?:的)?(?:相互)?(?:影响|相互作用|冲突)',
  ),
  // A drug withheld by the verb before it ("do not add", "不要再加", "别合用"): a prohibition with a combine verb.
  ...e(
    'withhold',
    'en',
    "\\b(?:do not|don't|never|avoid|without)\\s+(?:also\\s+|then\\s+)?(?:add(?:ing)?|combin\\w*|tak(?:e|ing)|us(?:e|ing)|start(?:ing)?)\\s+(?:\\w+\\s+)?$",
  ),
  ...e(
    'withhold',
    'zh',
    '(?:不要|别|勿|不宜|不应|不能|不可|避免|切勿|请勿|不必|不用|无需|不需要)(?:再|另外|同时|额外|自行)?(?:加用|加上|加|合用|联用|服用|吃|用|搭配)\\s*$',
  ),
];

const compiled = new Map<Relation, RegExp>();
/** The relation's cues as one regular expression (case-insensitive, no global state). */
export function relationRegex(relation: Relation): RegExp {
  let re = compiled.get(relation);
  if (!re) {
    re = new RegExp(
      RELATION_LEXICON.filter((x) => x.relation === relation)
        .map((x) => `(?:${x.cue})`)
        .join('|'),
      'i',
    );
    compiled.set(relation, re);
  }
  return re;
}

const compiledAll = new Map<Relation, RegExp>();
/** The relation's cues as a global regular expression (for `matchAll`; `matchAll` clones it, so no shared state). */
function relationRegexAll(relation: Relation): RegExp {
  let re = compiledAll.get(relation);
  if (!re) compiledAll.set(relation, (re = new RegExp(relationRegex(relation).source, 'gi')));
  return re;
}

export const hasRelation = (text: string, relation: Relation): boolean => relationRegex(relation).test(text);

/** A drug withheld by the verb right before it ("do not add naproxen", "不要再加布洛芬"). */
export const WITHHELD_BEFORE = relationRegex('withhold');

const NEGATION_WORD = /不|没|无|未|非|勿|别|\bno\b|\bnot\b|n't|\bnever\b|\bwithout\b|\bnone\b/i;
const NEAR_NEGATION_EN = /(?:\b(?:not|never|no)|n't)\s+(?:[\w'-]+\s+)?$/i;
const NEAR_NEGATION_ZH = /(?:不|没有|没|未|并未|并没有|并非|非|无需|不必)[\u4e00-\u9fff]?$/;
/** A negation word right before a cue: two English words, or the Chinese characters next to it. */
const negatedBefore = (text: string, at: number): boolean =>
  NEAR_NEGATION_EN.test(text.slice(Math.max(0, at - 24), at)) ||
  NEAR_NEGATION_ZH.test(text.slice(Math.max(0, at - 4), at));

/** The relation's cue in `text` is negated or hedged: the clinical-language modifier reader over the cue, or a
 * negation word right before it ("does not ask", "并没有要求", "不必强求"). */
export function relationDenied(text: string, relation: Relation): boolean {
  if (!relationRegex(relation).test(text) || !NEGATION_WORD.test(text)) return false;
  const cues = [...text.matchAll(relationRegexAll(relation))];
  if (!cues.length) return false;
  const mods = modifiersAt(
    text,
    cues.map((c) => ({ start: c.index, end: c.index + c[0].length, kind: 'finding' as const })),
  );
  return cues.some((c, i) => mods[i]?.modifiers.negated === true || negatedBefore(text, c.index));
}

/** Within one clause, a permission and a combine verb ("可以和比索洛尔一起服用", "can safely go together"), or a word
 * of approval before a pairing noun ("a sensible pairing", "常用的搭配") — not negated. */
export function usableCombination(clause: string): boolean {
  const within = (a: Relation, b: Relation, gap: number) => {
    if (!relationRegex(a).test(clause) || !relationRegex(b).test(clause)) return false;
    for (const m of clause.matchAll(relationRegexAll(a))) {
      const rest = clause.slice(m.index + m[0].length, m.index + m[0].length + gap);
      if (!relationRegex(b).test(rest)) continue;
      if (negatedBefore(clause, m.index)) continue;
      return true;
    }
    return false;
  };
  return within('permit', 'combine', 30) || within('approve', 'pairing', 28);
}
