/**
 * Round 9 (issue 18), English text, recall first (with the safety net): Chinese names written in pinyin, which
 * the English name rules (en-names.ts: given-name lists, cues) mostly leave.
 * 1. a pinyin surname with one or two given-name words, every word a run of pinyin syllables, in either order
 *    and in title or upper case ("Wang Xiuying", "XIUYING WANG", "Zhang Wei", "Ouyang Mingde");
 * 2. a pinyin surname with dotted initials ("Wang X.Y.", "Li X. Y.");
 * 3. dotted initials after an initials label ("Initials: W.X.Y.");
 * 4. a two-syllable pinyin given name alone after a verb of contact ("spoke with Xiaoming").
 * Surnames: the romanised forms of the most frequent Chinese surnames (the same 2019 report as zh-surnames.ts).
 * Pure.
 */
import type { PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';

const SURNAMES = new Set(
  (
    'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang ' +
    'han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao jin ' +
    'fu zhong dai cui tan fan liao shi jia xia qian hou fang bai zou meng xiong qin qiu yin xue yan duan lei ' +
    'long tao mao hao gu gong shao wan qin kong kang mo chang lai gan niu ni qi lv lyu zhan ou ouyang shangguan ' +
    'situ sima zhuge'
  ).split(' '),
);
/** A pinyin syllable (initial + final), tones and ü written without marks. */
const SYLLABLE =
  '(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ue|ve|ui|er|a|o|e|i|u|v))';
/** One or two syllables: a given name has one or two characters ("Masala" has three). */
const PINYIN = new RegExp(`^${SYLLABLE}{1,2}$`, 'i');
/** Letter pairs pinyin never writes (Shape: "pe"; "je", "xa"). */
const NOT_PINYIN = /[bpfw]e(?![in])|[jqx][aoe]|[^aeiouvnhgr]$/i;
/** English words that are also pinyin and start sentences or name things (not names here). */
const ENGLISH = new Set(
  'he she me we ye a an in on so to go no do die lie tie pie hue sue bin fan man men ran tan ban can pan ' +
    'hen ten den pen gun bun fun nun run sun sin tin pin win din kin gin fin son ton con don van dong ' +
    'long song tong hang bang gang sang lang tang ming ping ding king sing ring wing zing ta la pa ma na ' +
    'sen ken ben jan jun nan bo mo lo yo no zen chin shin yang yin change chance chain shine china'.split(
      ' ',
    ),
);
/** Herbs and practices written in pinyin (Ma Huang, Huang Qi, Gan Cao): not names. */
const NOT_NAMES = new Set(
  'ma huang|huang qi|huang qin|huang lian|huang bai|gan cao|bai zhu|bai shao|dang gui|he shou wu|wu wei zi|qi gong|gou qi|chai hu|ge gen|du zhong|yin yang'.split(
    '|',
  ),
);
const WORD = '[A-Z][a-z]+|[A-Z]{2,}';
const PAIR = new RegExp(`\\b(${WORD})[ \\t]+(${WORD})(?:[ \\t]+(${WORD}))?\\b`, 'dg');
const INITIALS_AFTER = new RegExp(`\\b(${WORD})[ \\t]+((?:[A-Z]\\.[ \\t]?){1,3})`, 'dg');
const INITIALS_LABEL = /\b[Ii]nitials:?[ \t]+((?:[A-Z]\.){2,4})/dg;
/** A pinyin given name alone after a verb of contact ("spoke with Xiaoming", "called Jianguo"). */
const CONTACT_GIVEN =
  /\b(?:spoke[ \t]+(?:to|with)|speaking[ \t]+(?:to|with)|discussed[ \t]+with|called|phoned|texted|told|asked|reassured|advised)[ \t]+([A-Z][a-z]+)\b/dg;

const isSurname = (word: string) => SURNAMES.has(word.toLowerCase());
/** A given-name word: one or two pinyin syllables, not an English word. */
const isGiven = (word: string) =>
  PINYIN.test(word) && !NOT_PINYIN.test(word) && !ENGLISH.has(word.toLowerCase()) && word.length >= 2;

/** Adds pinyin names to `out`. */
export function findPinyinNames(text: string, out: PhiSpan[]): void {
  const add = (start: number, end: number) =>
    out.push({ category: 'PATIENT_NAME', start, end, text: text.slice(start, end) });
  PAIR.lastIndex = 0;
  for (const m of execAll(PAIR, text)) {
    const words = [m[1]!, m[2]!, m[3]].filter((w): w is string => w !== undefined);
    // Mixed case in a pair is no name written by one hand ("WANG Xiuying" is: surname upper, given title).
    const first = words[0]!;
    const last = words[words.length - 1]!;
    let ok = false;
    if (isSurname(first) && words.slice(1).every(isGiven)) ok = true;
    else if (isSurname(last) && words.slice(0, -1).every(isGiven)) ok = true;
    else if (words.length === 3 && isSurname(first) && isGiven(m[2]!)) {
      // "Wang Xiuying Reports": keep the first two.
      add(m.indices![1]![0], m.indices![2]![1]);
      continue;
    }
    if (!ok) {
      // Retry the first two words alone ("Zhang Wei was"), or the last two ("Pt Liu Jianjun", round 10).
      if (words.length === 3 && isSurname(m[2]!) && isGiven(first)) add(m.indices![1]![0], m.indices![2]![1]);
      else if (words.length === 3 && isSurname(m[2]!) && isGiven(m[3]!) && !ENGLISH.has(m[2]!.toLowerCase()))
        add(m.indices![2]![0], m.indices![3]![1]);
      continue;
    }
    // Every word an English word is no pinyin name ("He Long", "Long Song"), nor an herb ("Ma Huang").
    if (words.every((w) => ENGLISH.has(w.toLowerCase()))) continue;
    if (NOT_NAMES.has(words.join(' ').toLowerCase()) || NOT_NAMES.has(`${first} ${m[2]}`.toLowerCase()))
      continue;
    add(m.indices![1]![0], m.indices![words.length]![1]);
  }
  INITIALS_AFTER.lastIndex = 0;
  for (const m of execAll(INITIALS_AFTER, text)) {
    if (!isSurname(m[1]!) || ENGLISH.has(m[1]!.toLowerCase())) continue;
    add(m.indices![1]![0], m.indices![2]![0] + m[2]!.trimEnd().length);
  }
  CONTACT_GIVEN.lastIndex = 0;
  for (const m of execAll(CONTACT_GIVEN, text)) {
    // Two syllables at least ("Xiaoming", "Jianguo"): one ("Wei", "Li") is too often something else here.
    if (isGiven(m[1]!) && !new RegExp(`^${SYLLABLE}$`, 'i').test(m[1]!))
      add(m.indices![1]![0], m.indices![1]![1]);
  }
  INITIALS_LABEL.lastIndex = 0;
  for (const m of execAll(INITIALS_LABEL, text)) add(m.indices![1]![0], m.indices![1]![1]);
}
