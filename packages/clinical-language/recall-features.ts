/**
 * Features of the recall net (issue 16; pure): the message normalised as the engine reads it (full → half width,
 * traditional → simplified, lower case), digits folded to 0; Chinese runs give character 1–3 grams, English runs
 * give words, word pairs and character 3–5 grams of each word with its boundaries. Each feature counts once.
 */
import { normalize } from './normalize.ts';

const CJK = /[\u3400-\u9fff]/;

export function recallFeatures(text: string): string[] {
  const norm = normalize(text).norm.replace(/[0-9]/g, '0');
  const out = new Set<string>();
  // Chinese: runs of CJK characters, with a run boundary marker so that an opening or closing character counts.
  for (const run of norm.match(/[\u3400-\u9fff]+/g) ?? []) {
    const s = `^${run}$`;
    for (let n = 1; n <= 3; n++)
      for (let i = 0; i + n <= s.length; i++) {
        const g = s.slice(i, i + n);
        if (g !== '^' && g !== '$') out.add(`c:${g}`);
      }
  }
  // English: words (with apostrophes), pairs of neighbouring words, and character 3–5 grams of " word ".
  const words = (norm.match(/[a-z0][a-z0']*/g) ?? []).filter((w) => !CJK.test(w));
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    out.add(`w:${w}`);
    if (i + 1 < words.length) out.add(`b:${w} ${words[i + 1]}`);
    const s = ` ${w} `;
    for (let n = 3; n <= 5; n++) for (let k = 0; k + n <= s.length; k++) out.add(`g:${s.slice(k, k + n)}`);
  }
  return [...out];
}
