/**
 * Round 16 (issue 18): the English word list (word-list 4.1.0, MIT, 274k lower-case words), read once, lazily,
 * from node_modules (no download). Without the package every lookup answers "no list" (null / false).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let dictionary: Set<string> | undefined | null;
/** The English word list (lower case), or null when it is not installed. */
export function englishWords(): Set<string> | null {
  if (dictionary !== undefined) return dictionary;
  try {
    const entry = createRequire(import.meta.url).resolve('word-list');
    const text = readFileSync(join(dirname(entry), 'words.txt'), 'utf8');
    dictionary = new Set(text.split('\n'));
  } catch {
    dictionary = null;
  }
  return dictionary;
}

/** Is the word (any case) an English dictionary word? False when the list is not installed. */
export function isEnglishWord(word: string): boolean {
  return englishWords()?.has(word.toLowerCase()) ?? false;
}
