/**
 * Round 16 (issue 18): the English word list (word-list 4.1.0, MIT, 274k lower-case words), read once, lazily,
 * from node_modules (no download), kept sorted in one string for a binary search. Without the package every lookup answers "no list" (null / false).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The sorted words joined by newlines, and where each word starts (≈ 4 MB, not a 30 MB Set). */
interface WordList {
  text: string;
  starts: Uint32Array;
}
let dictionary: WordList | undefined | null;
/** The English word list (lower case, sorted), or null when it is not installed. */
export function englishWords(): WordList | null {
  if (dictionary !== undefined) return dictionary;
  try {
    const entry = createRequire(import.meta.url).resolve('word-list');
    const words = readFileSync(join(dirname(entry), 'words.txt'), 'utf8')
      .split('\n')
      .filter((w) => w.length > 0)
      .sort();
    const starts = new Uint32Array(words.length);
    let at = 0;
    words.forEach((w, i) => {
      starts[i] = at;
      at += w.length + 1;
    });
    dictionary = { text: words.join('\n'), starts };
  } catch {
    dictionary = null;
  }
  return dictionary;
}

/** Is the word (any case) an English dictionary word? False when the list is not installed. Binary search. */
export function isEnglishWord(word: string): boolean {
  const list = englishWords();
  if (!list) return false;
  const target = word.toLowerCase();
  const { text, starts } = list;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const start = starts[mid]!;
    const end = mid + 1 < starts.length ? starts[mid + 1]! - 1 : text.length;
    const candidate = text.slice(start, end);
    if (candidate === target) return true;
    if (candidate < target) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
