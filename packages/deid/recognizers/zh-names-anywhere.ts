/**
 * Round 9 (issue 18): Chinese names anywhere in running text, not only in person positions. Independently
 * written notes name people as a sentence's subject before any verb (董建国既往高血压10年, 程刚血压150/95),
 * after a time word (下午王芳护士测血压) or in schedules (周二 彭丽); the round 8 rules need a verb, a pause or a
 * field around the name. Here a candidate is a single surname (one that is more often a word — 和, 高, 于 — only in three
 * characters that reach a higher bar: 上午高红梅来电)
 * with one or two Han characters that
 * - is no ordinary word (zh-words.ts) and reaches the name model's bar (zh-name-model.ts nameScore: a
 *   two-character name needs table given characters; a three-character one may have one character outside them);
 * - stands on word boundaries: what is on its left ends a word (a pause, a one-character preposition, or a
 *   two-character dictionary word: 上午, 通知) and does not make a word with the surname (为何志: 为何), and its last
 *   character does not start a word with what follows (李军医 → 军医) unless what follows is itself a word
 *   (李军|医师). The two-character words are jieba's dictionary (zh-words.ts isWord2).
 * Familiar names (老张, 小李, 王哥, 刘姨) are taken at the same boundaries when a verb a person does or a pause follows.
 * The bar was chosen on fresh labelled sentences and the false-positive rate on names-free outside text
 * (CMExam, Toyhom MedQA, MIE dialogues; packages/deid/corpus/README.md round 9). Recall first, like the net.
 */
import type { PhiCategory, PhiSpan } from '../types.ts';
import { codesOf, givenWeight, isWordySurname, nameScore } from './zh-name-model.ts';
import { SINGLE_SURNAMES } from './zh-surnames.ts';
import { isCommonWord, isWord2, isWord2At } from './zh-words.ts';

const CJK = /[\u4e00-\u9fa5]/;
const SURNAMES = new Set(SINGLE_SURNAMES);
const SURNAME_CODES = codesOf(SURNAMES);
/** What a familiar name can start with: 老, 小, 阿 or a surname. */
const FAMILIAR_START_CODES = codesOf([...SURNAMES, '老', '小', '阿']);
/** One-character words after which a name may start (由王芳签字, 给马云飞开药, 问林晓). */
const LEFT_ONE = '由经与和同跟请让叫给对向据及陪带送找问了见是为等嘱转约交将把被称的妻夫侄孙孫甥婿媳';
/** A quantity or an ordinal before the surname: 3周, 第三. */
const NUMBER_LEFT = new Set('0123456789０１２３４５６７８９一二三四五六七八九十两几半第');
/** Greeting or chemical endings (祝健康, 乌鸡白凤丸, 马钱子碱) are not names. */
const NOT_NAME_END = /[酮碱酸钠钾钙胺醇唑嗪啶苷酯肽膏丸汤酶素片剂散颗]$/;
/**
 * Name-model bars (nameScore; lenient for one character outside the tables in a three-character name). Chosen on
 * the outside text (spans per 10,000 characters, all rules): two characters at 2.0 → 1.5 cost 8.11 → 8.37
 * (乌梅, 尤佳, 项强 in CMExam's herbal prose) and find 韩冰, 邝丽 (surnames ranked 100–200); 1.0 cost 8.83.
 */
const BAR = 2.0;
const BAR_TWO = 1.5;
/** A surname that is more often a word needs a likelier name (高红梅 3.2; 和朋友 2.4). */
const WORDY_BAR = 3.0;
/** Titles after a name: the person is staff. */
const STAFF_RIGHT = /^(?:医生|医师|大夫|主任|护士|护师|药师|技师|教授|院长|主治|主刀|查房|会诊)/;
/** What follows a familiar name (老张说, 王哥开车送来): a verb a person does, a time word or a pause. */
const FAMILIAR_RIGHT =
  /^(?:[，,。；;、！!？?）)\s]|$|说|诉|讲|问|称|来|去|在|今|昨|明|已|又|也|都|帮|陪|开|送|带|打|给|和|与|的|是|让|叫)/;

/** Is the left side of `start` a word boundary a name may start at? */
function leftBoundary(text: string, start: number): boolean {
  const prev = text[start - 1];
  if (prev === undefined || !CJK.test(prev)) return !(prev !== undefined && NUMBER_LEFT.has(prev));
  if (NUMBER_LEFT.has(prev)) return false;
  // The two characters before it as a word (isWord2At: no string made, speed).
  const twoWord = start >= 2 && isWord2At(text, start - 2);
  // The surname continues the word on its left (为何, 如何) unless the two before it are a word themselves.
  if (isWord2At(text, start - 1) && !twoWord) return false;
  return LEFT_ONE.includes(prev) || twoWord;
}

/**
 * Does the character at `end - 1` start a word with what follows (李军医 → 军医), the rest being no word? A last
 * character outside the name tables or of the low tier (一, 平, 安) that starts a word always does (魏东一同来诊 → 一同).
 */
function rightSplits(text: string, end: number): boolean {
  const next = text[end];
  if (next === undefined || !CJK.test(next)) return false;
  if (!isWord2At(text, end - 1)) return false;
  return (givenWeight(text[end - 1]!) ?? 0) < 0.5 || !isWord2At(text, end);
}

/** The candidate's name-model score, or -Infinity when it is a word, a word's part or no Han name. */
function candidate(text: string, start: number, length: number): number {
  const name = text.slice(start, start + length);
  if (name.length !== length || [...name].some((c) => !CJK.test(c))) return -Infinity;
  if (isCommonWord(name) || (length === 3 && isCommonWord(name.slice(0, 2)))) return -Infinity;
  if (isWord2(name.slice(0, 2)) || name[1] === name[0]) return -Infinity;
  // Given characters that make a word (明显, 红色) need both in the tables (建国, 海燕).
  const strict = length === 2 || isWord2(name.slice(1));
  if (rightSplits(text, start + length)) return -Infinity;
  // 素 is a given-name character before another one (葛素芬, 王素琴), a clinical one elsewhere (激素, 核黄素).
  if (length === 3 && name[1] === '素' && givenWeight(name[2]!) !== undefined)
    return nameScore(`${name[0]}莉${name[2]}`, strict);
  return nameScore(name, strict);
}

const FAMILIAR = /[老小阿]|[哥姐叔姨伯婶嫂]/;

/** Adds round 9's names anywhere to `out`. */
export function findNamesAnywhere(text: string, out: PhiSpan[]): void {
  const add = (start: number, end: number) => {
    const category: PhiCategory = STAFF_RIGHT.test(text.slice(end, end + 2))
      ? 'CLINICIAN_NAME'
      : 'PATIENT_NAME';
    out.push({ category, start, end, text: text.slice(start, end) });
  };
  for (let i = 0; i < text.length - 1; i++) {
    if (!SURNAME_CODES.has(text.charCodeAt(i))) continue; // speed: no string made (codesOf)
    const c = text[i]!;
    if (!SURNAMES.has(c) || c === '祝') continue;
    if (isWordySurname(c)) {
      // A surname that is more often a word (高, 和, 于): three characters, both given ones in the tables.
      if (
        leftBoundary(text, i) &&
        !isWord2At(text, i + 1) &&
        candidate(text, i, 3) >= WORDY_BAR &&
        nameScore(text.slice(i, i + 3)) >= WORDY_BAR
      ) {
        add(i, i + 3);
        i += 2;
      }
      continue;
    }
    // Cheap filter first (speed): one given character at least must be in the name tables.
    const b = text[i + 1]!;
    const bw = givenWeight(b);
    if (bw === undefined && givenWeight(text[i + 2] ?? '') === undefined) continue;
    if (!leftBoundary(text, i)) continue;
    // A drug or herbal name (乌鸡白凤丸, 马钱子碱) is no name, nor its first characters.
    if (NOT_NAME_END.test(text.slice(i, i + 3)) || NOT_NAME_END.test(text.slice(i, i + 4))) continue;
    for (const length of bw === undefined ? [3] : [3, 2]) {
      if (candidate(text, i, length) >= (length === 2 ? BAR_TWO : BAR)) {
        add(i, i + length);
        i += length - 1;
        break;
      }
    }
  }
  if (FAMILIAR.test(text)) familiarNames(text, add);
}

/** 老张, 小李, 阿芳 and 王哥, 刘姨 at a boundary, before a verb a person does or a pause. */
function familiarNames(text: string, add: (start: number, end: number) => void): void {
  for (let i = 0; i < text.length - 1; i++) {
    if (!FAMILIAR_START_CODES.has(text.charCodeAt(i))) continue; // speed: no string made
    const a = text[i]!;
    const b = text[i + 1]!;
    let ok = false;
    if ('老小'.includes(a)) ok = SURNAMES.has(b) && !isWordySurname(b);
    else if (a === '阿')
      ok = nameScore(`王${b}`) > 2; // 阿芳, 阿强: a given-name character
    else if (SURNAMES.has(a) && !isWordySurname(a)) ok = '哥姐叔姨伯婶嫂'.includes(b);
    if (!ok || isWord2(a + b) || isCommonWord(a + b) || !leftBoundary(text, i)) continue;
    if (!FAMILIAR_RIGHT.test(text.slice(i + 2, i + 3))) continue;
    add(i, i + 2);
    i++;
  }
}
