/**
 * A small Chinese personal-name model for names written without a cue word (round 5, issue 18): a name is
 * scored from how common its surname is, how typical its given-name characters are, and its context left and
 * right (line start, a chat speaker's colon, 诉/说 after it, 按/找/请 before it); it is a name above a threshold.
 *
 * Sources (tables committed here, nothing is downloaded):
 * - Surname frequency: the order of `SINGLE_SURNAMES` (zh-surnames.ts), after 公安部户政管理研究中心
 *   《二〇一九年全国姓名报告》 (2020) and the 2007/2019 public-security surname rankings (the top 100 surnames
 *   cover about 85 % of the population); weights are rank tiers, not exact shares.
 * - Given-name characters: the most-used given-name characters of the same report (top 50 for men and women:
 *   伟 英 华 玉 秀 明 …) and of the 1990s–2010s birth cohorts it lists (浩 宇 轩 涵 梓 欣 …), in three tiers;
 *   tier C holds name characters that are also common clinical words (平 安 生 心 …), weighted low.
 */
import { ZH_GIVEN_CHARS } from './given-names.ts';
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from './zh-surnames.ts';
import { execAll } from './collect.ts';

/** Tier A: the most-used given-name characters (2019 report, both sexes and recent cohorts). */
const TIER_A =
  '伟英华玉秀明芳丽军敏静杰涛强磊勇艳娟霞红梅兰凤萍玲燕琴桂珍林建国志文德金荣海春云斌峰辉刚波超晓卫东浩宇轩涵梓欣嘉子佳雅婷琳俊鹏宏亮振家光永成福祥瑞慧淑芬娜丹雪颖倩';
/** Tier C: name characters that are also frequent in clinical text. */
const TIER_C = '平安生心全新小大立正一天水清月长利中和喜乐美福春秋冬夏';
/** Surnames that are more often ordinary words (see WORDY_SURNAMES in zh-names.ts). */
const WORDY = '于信容尚都相曾初阴和向方时安明成全常单关连应华车石文平高万从原由元可但利居幸位来那及区计';
/** Characters never found in given names here but common after a surname character in notes. */
const NEVER_GIVEN =
  '因于在是男女主诉既往现年岁以今昨自由被与和及的了为等入出来去到患病诊说称反述之先老医护院科室床号性体曾有无经近均已将把对向从陪同替代签要想也都就还再又讲问请您你我他她它们这那个日周时分次例血压糖症痛炎癌瘤肿咳喘晕吐泻疼酸胀麻痒尿便脉率热龄危险素常规身下期效果量药片粒支剂克毫升';

const NEVER_GIVEN_SET = new Set(NEVER_GIVEN);
const CJK = /[\u4e00-\u9fa5]/;

const given = new Map<string, number>();
for (const c of TIER_C) given.set(c, 0.3);
for (const c of ZH_GIVEN_CHARS) given.set(c, 0.8);
for (const c of '花桂凤卫忠孝义礼智信仁勤俭菊莲香娥翠巧妹珠宝琼晖彪虎豹鑫淼森磊焱') given.set(c, 0.8);
for (const c of TIER_A) given.set(c, 1.2);
for (const c of NEVER_GIVEN) given.delete(c);

/** The weight of a given-name character in the tables (undefined outside them, or never in names). Round 9. */
export const givenWeight = (c: string): number | undefined => given.get(c);

/** A surname character that is more often an ordinary word (于, 和, 但, 那 …). */
export const isWordySurname = (surname: string) => surname.length === 1 && WORDY.includes(surname);

/**
 * Surname weights by rank in the frequency-ordered table (wordy surnames 0.8, compound ones 2), looked up in a
 * map built once (speed, issue 18: these run at every surname character of a text).
 */
const SURNAME_WEIGHT = new Map<string, number>();
[...SINGLE_SURNAMES].forEach((c, rank) => {
  if (SURNAME_WEIGHT.has(c)) return; // the first (highest) rank of a character listed twice
  SURNAME_WEIGHT.set(c, WORDY.includes(c) ? 0.8 : rank < 30 ? 2 : rank < 100 ? 1.6 : rank < 200 ? 1.2 : 0.9);
});
for (const c of COMPOUND_SURNAMES) SURNAME_WEIGHT.set(c, 2);
/** Compound surnames by their first character, in table order. */
const COMPOUND_BY_FIRST = new Map<string, string[]>();
for (const c of COMPOUND_SURNAMES) COMPOUND_BY_FIRST.set(c[0]!, [...(COMPOUND_BY_FIRST.get(c[0]!) ?? []), c]);

/** Weight of a surname by its rank in the frequency-ordered table; compound surnames are distinctive. */
export function surnameWeight(surname: string): number {
  if (surname.length !== 1 && surname.length !== 2) return 0;
  return SURNAME_WEIGHT.get(surname) ?? 0;
}

/** The compound surname starting `text` at `at`, or undefined. */
function compoundAt(text: string, at: number): string | undefined {
  const list = COMPOUND_BY_FIRST.get(text[at]!);
  if (list) for (const c of list) if (text.startsWith(c, at)) return c;
  return undefined;
}

/** The surname a candidate starts with (compound first), or undefined. */
export function surnameOf(name: string): string | undefined {
  const compound = compoundAt(name, 0);
  if (compound) return compound;
  const first = name[0];
  return first !== undefined && first.length === 1 && SURNAME_WEIGHT.has(first) ? first : undefined;
}

/**
 * Intrinsic score of a candidate name (surname + one or two given characters), or -Infinity when a given
 * character is never in names. `strict`: every given character must be in the tables (no-cue contexts).
 */
export function nameScore(name: string, strict = true): number {
  const surname = surnameOf(name);
  if (!surname) return -Infinity;
  // Given characters by index (speed): any character outside the CJK block (a surrogate half too) scores
  // -Infinity below, so code units and code points give the same result.
  const rest = name.length - surname.length;
  if (rest < 1 || rest > 2) return -Infinity;
  let score = surnameWeight(surname);
  for (let i = surname.length; i < name.length; i++) {
    const c = name[i]!;
    if (NEVER_GIVEN_SET.has(c) || !CJK.test(c)) return -Infinity;
    const w = given.get(c);
    if (w === undefined && strict) return -Infinity;
    score += w ?? -0.5;
  }
  // A surname and one character (王伟) is the more ambiguous shape.
  if (rest === 1) score -= 0.6;
  return score;
}

/** Words that often stand right before a name: 按邓主任, 找李医生, 请王护士, 和老伴. */
const BEFORE_NAME = '按找问请给跟和让叫是向对与同由经被把及等替帮陪带送';

/** Left context: the start of a line or text, punctuation, or a preposition/verb before the name. */
function leftScore(text: string, start: number): number {
  const before = text[start - 1];
  if (before === undefined || !CJK.test(before)) return 1;
  return BEFORE_NAME.includes(before) ? 1 : -1.5;
}

/** The threshold a candidate must reach with its context. */
const THRESHOLD = 3.5;

const SPEAKER = /(?:^|\n)[ \t　]*([\u4e00-\u9fa5]{2,4})[ \t　]*[：:](?=[ \t　]*[^\s\d])/dg;
const NAME_LINE =
  /(?:^|\n)[ \t　]*([\u4e00-\u9fa5]{2,4}(?:[ \t　]*[/／、][ \t　]*[\u4e00-\u9fa5]{2,4})+)[ \t　]*(?=\n|$)/dg;

export interface ModelName {
  start: number;
  end: number;
  text: string;
}

/**
 * Chat speakers without a time ("冼嘉欣：医生您好") and lines made only of names ("钟晓明/施卫平"): every
 * candidate must reach the threshold with the line's context (+1), its given characters all in the tables.
 */
export function findModelNames(text: string): ModelName[] {
  const out: ModelName[] = [];
  SPEAKER.lastIndex = 0;
  for (const m of execAll(SPEAKER, text)) {
    const name = m[1]!;
    if (nameScore(name) + 1 < THRESHOLD) continue;
    const [start, end] = m.indices![1]!;
    out.push({ start, end, text: name });
  }
  NAME_LINE.lastIndex = 0;
  for (const m of execAll(NAME_LINE, text)) {
    let at = m.indices![1]![0];
    const parts = m[1]!.split(/([ \t　]*[/／、][ \t　]*)/);
    const names: ModelName[] = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i % 2 === 0) {
        if (nameScore(part) + 1 < THRESHOLD) {
          names.length = 0;
          break;
        }
        names.push({ start: at, end: at + part.length, text: part });
      }
      at += part.length;
    }
    out.push(...names);
  }
  return out;
}

/**
 * The best name ending at `end` (before a title: "按邓主任", "王建国主任"): the surname alone or with one or two
 * given characters, scored with its left context; undefined when no candidate is plausible.
 */
export function bestNameBefore(
  text: string,
  end: number,
  accept: (name: string) => boolean,
): number | undefined {
  let best: number | undefined;
  let bestScore = 0;
  for (let length = 1; length <= 4; length++) {
    const start = end - length;
    if (start < 0) break;
    const name = text.slice(start, end);
    if (!CJK.test(name[0]!) || [...name].some((c) => !CJK.test(c))) break;
    const surname = surnameOf(name);
    if (!surname || !accept(name)) continue;
    // A doubled character is a word, not a surname (谢谢医生, 姐姐).
    if (text[start - 1] === name[0]) continue;
    const intrinsic = name === surname ? surnameWeight(surname) : nameScore(name, false);
    const score = intrinsic + leftScore(text, start);
    if (score > bestScore) {
      best = start;
      bestScore = score;
    }
  }
  return best;
}

/** Right context: punctuation or the end, or a word that often follows a person (说, 的, 是, 来, 和 …). */
const AFTER_NAME =
  '说诉讲问答的是在来去到和与也都就今昨明已又还打沟商阿叔第每让给跟被把再才刚从要想觉认表称讲告同';
function rightScore(text: string, end: number): number {
  const after = text[end];
  if (after === undefined || !CJK.test(after)) return 0.5;
  return AFTER_NAME.includes(after) ? 1 : 0;
}
/** Left context for running prose: also after 了/到/见/看 ("遇到了邹德华", "看了金海燕的化验单"). */
const leftProse = (text: string, start: number) =>
  '了到见看'.includes(text[start - 1] ?? '') ? 0.5 : leftScore(text, start);

const SURNAME_STARTS = new Set([...SINGLE_SURNAMES, ...COMPOUND_SURNAMES.map((s) => s[0]!)]);
/**
 * The same by character code (speed, issue 18): a per-character loop tests the code first, so no one-character
 * string is made for the many characters that start no name.
 */
export const codesOf = (chars: Iterable<string>) =>
  new Set([...chars].filter((c) => c.length === 1).map((c) => c.charCodeAt(0)));
const SURNAME_START_CODES = codesOf(SURNAME_STARTS);

/** The bar a no-cue name in running prose must reach with its context (intrinsic + left + right). */
const PROSE_THRESHOLD = 4.6;

/**
 * Names in running prose without any cue (经与汪志勇沟通, 邹德华的血压, 甘德胜是本村村民): at every surname, the
 * three-character candidate (compound surnames: three or four) whose given characters are all in the tables,
 * scored with its left and right context.
 */
export function findProseNames(text: string): ModelName[] {
  const out: ModelName[] = [];
  for (let i = 0; i < text.length - 2; i++) {
    if (!SURNAME_START_CODES.has(text.charCodeAt(i))) continue;
    const compound = compoundAt(text, i);
    // Speed: a single surname's candidate needs both given characters in the tables (nameScore is strict).
    if (!compound && (!given.has(text[i + 1]!) || !given.has(text[i + 2]!))) continue;
    const lengths = compound ? [compound.length + 2, compound.length + 1] : [3];
    for (const length of lengths) {
      const name = text.slice(i, i + length);
      if (name.length < length) continue;
      const score = nameScore(name) + leftProse(text, i) + rightScore(text, i + length);
      if (score >= PROSE_THRESHOLD) {
        out.push({ start: i, end: i + length, text: name });
        i += length - 1;
        break;
      }
    }
  }
  return out;
}

/** A no-cue candidate (BARE: "，王建国血压…") with every given character in the tables, above a lower bar. */
export function isLikelyName(name: string): boolean {
  return nameScore(name) >= 2.4;
}
