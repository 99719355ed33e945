/**
 * Round 8 (issue 18): the exclusion vocabulary of the generic Chinese name rules — is a candidate such as
 * 高兴, 程度, 安静, 普通 an ordinary word rather than a name?
 * - jieba's dictionary (`@node-rs/jieba`, already a dependency; its dict.txt lists 349k words with a
 *   frequency and a part of speech): a word that starts with a surname character and is tagged other than a
 *   person name (nr, nrt, nrfg), or tagged a person name but frequent (安静 1199 nr: mis-tagged words), is a word.
 *   Person names in the dictionary (王建军 5 nr, 陈志强 3 nr) stay candidates.
 * - the clinical-language lexicon's Chinese surface forms and the built-in drug names (packages below deid),
 *   and the older rules' list of words that start with a surname character (zh-names.ts NOT_NAMES).
 * The dictionary is read once, on the first Chinese text a generic rule looks at (not at import: the gateway
 * and the CLI import deid and most of them never de-identify). Loading is synchronous so the public API stays
 * synchronous; without the file (an install without jieba) the set holds the lexicon alone, the same every time.
 * Behaviour is a function of the text: no clock, no randomness.
 */
import { createRequire } from 'node:module';
import { LEXICON } from '@qihuang/clinical-language';
import { BUILT_IN_DRUGS } from '@qihuang/drug-knowledge';
import { nameScore, surnameOf, surnameWeight } from './zh-name-model.ts';
import { NOT_NAMES as ZH_NOT_NAMES } from './zh-names.ts';
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from './zh-surnames.ts';

/**
 * A dictionary word tagged as a person name is still a word when this frequent (安静 1199 nr, 黄芩 49 nr, 丁基
 * 70 nr) unless it is shaped like a name; names of ordinary people are rare in the dictionary (王建军 5 nr).
 */
const NAME_TAG_WORD_FREQUENCY = 20;

let words: Set<string> | undefined;
/** Round 9: every two-character dictionary word (not a person or other proper name: nr, nz), for word boundaries around a name. */
let words2: Set<string> | undefined;
/**
 * The Chinese pairs of words2 by their two character codes (speed, issue 18: looked up at every surname of a text
 * without making the pair's string); a number below 2^30 (a small integer for V8).
 */
let words2Codes: Set<number> | undefined;
const CJK_FIRST = 0x4e00;
const CJK_SPAN = 0x5200; // 0x4e00–0x9fff
const pairCode = (a: number, b: number) =>
  a >= 0 && a < CJK_SPAN && b >= 0 && b < CJK_SPAN ? a * CJK_SPAN + b : undefined;
/** A two-character word of jieba's dictionary this frequent marks a boundary (rarer entries are noise). */
const WORD2_MIN_FREQUENCY = 3;

/** A frequent nr-tagged entry that is shaped like a name (李娜 438 nr, 李强 159 nrfg) stays a name. */
const looksLikeName = (word: string) => nameScore(word) >= 2.4 && surnameWeight(surnameOf(word) ?? '') >= 1;

/**
 * Round 10: Chinese materia medica, TCM terms and drugs that start with a surname character and that jieba tags as
 * person names or lacks (马钱子 17 nr, 乌梅 17 nr, 杨梅 67 nr), found as names in CMExam's herbal prose (outside
 * text, corpus/README.md round 10). Their first two and three characters count as words (杨梅舌, 马钱子碱).
 */
export const TCM_WORDS =
  '马钱子 马齿苋 马兜铃 马勃 乌梅 乌药 乌头 杨梅 何首乌 白芍 白术 白芷 白及 白果 白茅根 白头翁 白花蛇舌草 黄芪 黄连 黄芩 黄柏 ' +
  '黄精 连翘 桑叶 桑枝 桑白皮 桑寄生 桑椹 杜仲 牛膝 牛黄 牛蒡子 车前子 车前草 金银花 金樱子 石斛 石膏 石菖蒲 柏子仁 秦艽 秦皮 ' +
  '苏子 苏叶 苏木 葛根 莲子 莲心 钩藤 龙骨 龙胆 龙眼肉 熊胆 麦冬 麦芽 甘遂 贝母 郁金 姜黄 干姜 高良姜 艾叶 竹茹 竹叶 柴胡 ' +
  '胡椒 胡黄连 胡芦巴 党参 沙参 沙苑子 丁香 荆芥 防风 防己 羌活 陈皮 吴茱萸 益母草 蒲黄 蒲公英 常山 商陆 甘松 檀香 沉香 ' +
  '项强 阳损 阴损 阳虚 阴虚 尤佳 舒芬太尼 瑞芬太尼 芬太尼 阿芬太尼';

const SURNAME_START = new Set([...SINGLE_SURNAMES, ...COMPOUND_SURNAMES.map((s) => s[0]!)]);

function addSurnameWords(set: Set<string>, word: string): void {
  // Every prefix of 2–3 characters counts: 贝那普利 makes 贝那 and 贝那普 words too.
  if (!SURNAME_START.has(word[0]!)) return;
  for (let n = 2; n <= Math.min(3, word.length); n++) set.add(word.slice(0, n));
}

function jiebaDictionary(): string | undefined {
  try {
    const load = createRequire(import.meta.url);
    const { dict } = load('@node-rs/jieba/dict.js') as { dict: Buffer };
    return dict.toString('utf8');
  } catch {
    return undefined;
  }
}

function build(): Set<string> {
  const set = new Set<string>();
  const dict = jiebaDictionary();
  words2 = new Set<string>();
  words2Codes = new Set<number>();
  if (dict) {
    for (const line of dict.split('\n')) {
      const space = line.indexOf(' ');
      if (space < 2) continue;
      if (
        space === 2 &&
        !/ n[rz]/.test(line) &&
        Number(line.slice(3, line.indexOf(' ', 3))) >= WORD2_MIN_FREQUENCY
      ) {
        words2.add(line.slice(0, 2));
        const code = pairCode(line.charCodeAt(0) - CJK_FIRST, line.charCodeAt(1) - CJK_FIRST);
        if (code !== undefined) words2Codes.add(code);
      }
      // Words starting with a surname character, and two-character words ending in one (主管, 值班: the
      // word a surname before a title may end).
      if (!SURNAME_START.has(line[0]!) && !(space === 2 && SURNAME_START.has(line[1]!))) continue;
      const [word, frequency, tag] = line.split(' ') as [string, string, string | undefined];
      if (tag?.startsWith('nr') && (Number(frequency) < NAME_TAG_WORD_FREQUENCY || looksLikeName(word)))
        continue;
      // A longer word makes its first two and three characters words too (谷丙转氨酶: 谷丙, 谷丙转).
      if (space > 3) addSurnameWords(set, word);
      else set.add(word);
    }
  }
  for (const word of ZH_NOT_NAMES) set.add(word); // the older rules' list (谷丙, 钙通, 左心 …)
  for (const word of TCM_WORDS.split(' ')) addSurnameWords(set, word);
  for (const concept of LEXICON) for (const form of concept.zh) addSurnameWords(set, form);
  for (const drug of BUILT_IN_DRUGS)
    for (const name of [drug.names.zh, ...(drug.synonyms ?? []), ...(drug.brands ?? []).map((b) => b.zh)])
      if (name) addSurnameWords(set, name);
  return set;
}

/** Is a two- or three-character candidate an ordinary (non-name) word? */
export function isCommonWord(candidate: string): boolean {
  words ??= build();
  return words.has(candidate);
}

/** isWord2(text.slice(at, at + 2)), without making the string when both characters are Chinese (speed). */
export function isWord2At(text: string, at: number): boolean {
  if (!words2) words = build();
  const code = pairCode(text.charCodeAt(at) - CJK_FIRST, text.charCodeAt(at + 1) - CJK_FIRST);
  if (code !== undefined) return words2Codes!.has(code);
  return at >= 0 && at + 2 <= text.length && words2!.has(text.slice(at, at + 2));
}

/** Is a two-character string a dictionary word other than a proper name (上午, 血压, 军医, 为何)? Round 9. */
export function isWord2(pair: string): boolean {
  if (!words2) words = build();
  return words2!.has(pair);
}
