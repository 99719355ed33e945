/**
 * Tokenisation for search: Chinese with jieba (search mode, so 高血压 also yields 血压) plus a medical user
 * dictionary (drug names from @qihuang/drug-knowledge + dict/medical-terms-zh.txt) so 氨氯地平, 螺内酯 and
 * 糖尿病肾病 stay whole; English lower-cased, lightly stemmed, stop words dropped. Tokens contain only letters
 * and digits, so a space-joined token string is safe input for to_tsvector('simple', …).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { BUILT_IN_DRUGS } from '@qihuang/drug-knowledge';

/**
 * jieba (a native addon, ~100 ms with its 5 MB dictionary read at import) is loaded on the first segmentation,
 * not when this module is imported: every CLI command and the server import the knowledge package, few segment
 * at start-up (issue 19 item 4, start-up).
 */
const load = createRequire(import.meta.url);

const ZH_STOP = new Set(
  (
    '的 了 是 在 和 与 及 或 等 我 你 他 她 它 们 吗 呢 吧 啊 呀 哦 嗯 这 那 这个 那个 有 也 都 就 而 但 一 个 把 被 让 给 ' +
    '对 为 以 于 之 其 此 从 到 向 着 过 很 还 又 再 才 只 该 会 能 可 要 想 请问 怎么 怎么办 什么 如何 为什么 哪些 ' +
    '是否 可以 需要 一下 一些 现在 已经 因为 所以 如果 但是 而且 以及 还是 就是 没有 不是 吃 医生 您好 你好 谢谢 问题'
  ).split(/\s+/),
);
const EN_STOP = new Set(
  (
    'a an and are as at be but by for from has have he her his i if in into is it its me my no not of on or our ' +
    'she so than that the their them then there these they this to was we were what when which who will with you your ' +
    'can do does did should would could may might also been being how about after before over under more most very'
  ).split(/\s+/),
);

let jieba: Jieba | undefined;

/** Extra user-dictionary words (e.g. from an imported knowledge graph) loaded into the shared segmenter. */
const extraWords = new Set<string>();

export function medicalDictionary(): string[] {
  const words = new Set<string>();
  const file = readFileSync(new URL('./dict/medical-terms-zh.txt', import.meta.url), 'utf8');
  for (const line of file.split('\n')) {
    const w = line.trim();
    if (w && !w.startsWith('#')) words.add(w);
  }
  for (const d of BUILT_IN_DRUGS) {
    for (const name of [d.names.zh, ...(d.synonyms ?? []), ...(d.brands ?? []).map((b) => b.zh)]) {
      if (name && /\p{Script=Han}/u.test(name) && !/\s/.test(name)) words.add(name);
    }
  }
  return [...words];
}

function segmenter(): Jieba {
  if (!jieba) {
    const { Jieba: JiebaClass } = load('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = load('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');
    jieba = JiebaClass.withDict(dict);
    const words = [...medicalDictionary(), ...extraWords];
    jieba.loadDict(Buffer.from(words.map((w) => `${w} 100000 n`).join('\n')));
  }
  return jieba;
}

/** Adds words to the medical dictionary (e.g. disease names from a licensed knowledge graph). */
export function addDictionaryWords(words: Iterable<string>): number {
  const fresh = [...words].map((w) => w.trim()).filter((w) => w && !/\s/.test(w) && !extraWords.has(w));
  for (const w of fresh) extraWords.add(w);
  if (jieba && fresh.length) jieba.loadDict(Buffer.from(fresh.map((w) => `${w} 100000 n`).join('\n')));
  return fresh.length;
}

/** Light English stemming: plural and a few common suffixes (keeps drug names like "losartan" intact). */
export function stemEnglish(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is'))
    return word.slice(0, -1);
  return word;
}

const HAN = /\p{Script=Han}/u;
const PIECES = /[\p{L}\p{N}]+(?:\.\d+)?/gu;

function normalizeToken(raw: string, out: string[]): void {
  for (const m of raw.normalize('NFKC').toLowerCase().matchAll(PIECES)) {
    const t = m[0];
    if (HAN.test(t)) {
      if (!ZH_STOP.has(t)) out.push(t);
    } else if (/^[\p{L}]/u.test(t)) {
      if (!EN_STOP.has(t) && t.length > 1) out.push(stemEnglish(t));
    } else {
      out.push(t); // numbers (doses, thresholds) are searchable
    }
  }
}

/** Index-time tokens: jieba search mode (whole words and their sub-words). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const jb = segmenter();
  // Segment per line: keeps memory flat on long documents.
  for (const line of text.split(/\n+/)) {
    if (!line.trim()) continue;
    for (const w of jb.cutForSearch(line, true)) normalizeToken(w, out);
  }
  return out;
}

/** Plain segmentation (whole words, no sub-words) — for display and tests. */
export function segmentWords(text: string): string[] {
  const out: string[] = [];
  for (const w of segmenter().cut(text.normalize('NFKC'), true)) normalizeToken(w, out);
  return out;
}

/** Query tokens: the same analysis as indexing, de-duplicated in order. */
export function queryTerms(query: string): string[] {
  return [...new Set(tokenize(query))];
}

/**
 * Where the query terms occur in a passage, as [start, end) UTF-16 offsets into `text` (sorted, overlaps merged),
 * found with the same segmenter and normalisation as indexing: a whole word matches when its normalised form is a
 * query term (高血压, amlodipine ← "Amlodipine"), and a long Chinese word also yields its search-mode sub-words
 * (血压 inside 高血压), so the console highlights exactly what the index matched.
 */
export function highlightRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const wanted = new Set(terms);
  if (wanted.size === 0 || !text) return [];
  const jb = segmenter();
  const found: Array<[number, number]> = [];
  const matches = (word: string) => {
    const out: string[] = [];
    normalizeToken(word, out);
    return out.some((t) => wanted.has(t));
  };
  let cursor = 0;
  for (const word of jb.cut(text, true)) {
    const at = text.indexOf(word, cursor);
    if (at < 0) continue;
    cursor = at + word.length;
    if (!/[\p{L}\p{N}]/u.test(word)) continue;
    if (matches(word)) {
      found.push([at, at + word.length]);
      continue;
    }
    if (!HAN.test(word) || word.length < 3) continue;
    for (const sub of new Set(jb.cutForSearch(word, true))) {
      if (sub === word || !matches(sub)) continue;
      for (let i = word.indexOf(sub); i >= 0; i = word.indexOf(sub, i + 1)) {
        found.push([at + i, at + i + sub.length]);
      }
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of found) {
    const last = merged[merged.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}
