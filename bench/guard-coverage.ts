/**
 * Extraction coverage of the grounding guard (issue 18): every number an answer states should be part of a
 * checkable claim (a reading, target, KDIGO value, dose, lab value …), or it is counted as a coverage miss. A number
 * is covered when its value appears in the data of a claim (not an `assertion` or `citation`) of its own sentence.
 * Not counted: years ("ACC/AHA 2017", "2025-09"), list markers ("1."), the "1.73 m²" of an eGFR unit, citation ids.
 */
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { extractClaims, splitSentences, type Claim } from '@qihuang/guard';
import type { CorpusItem } from '@qihuang/guard/corpus';

const kb = createDrugKnowledgeBase();
const SKIP_KEYS = new Set(['start', 'end', 'context', 'citations', 'text', 'kind']);

function valuesOf(x: unknown, out: Set<number>, key = ''): void {
  if (SKIP_KEYS.has(key)) return;
  if (typeof x === 'number') out.add(Math.round(x * 100) / 100);
  else if (Array.isArray(x)) for (const y of x) valuesOf(y, out);
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) valuesOf(v, out, k);
}

/** The numbers a sentence states that count for coverage. */
export function numbersIn(sentence: string): number[] {
  const t = sentence
    .normalize('NFKC')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\/\s*1[.,]73\s*(?:m\s*(?:2|²)|平方米)/gi, ' ')
    .replace(/(?<![\d.])(?:19|20)\d\d(?:\s*[-/年]\s*\d{1,2}(?:\s*[-/月]\s*\d{1,2})?)?(?![\d.])/g, ' ')
    .replace(/^\s*\d{1,2}[.、)）]\s/gm, ' ');
  return [...t.matchAll(/(?<![\d.])\d+(?:\.\d+)?(?![\d.])/g)].map((m) => Number(m[1] ?? m[0]));
}

export function coverage(items: CorpusItem[]): { covered: number; total: number } {
  let covered = 0;
  let total = 0;
  for (const c of items) {
    const claims = extractClaims(c.answer, kb, c.guideline, c.patient);
    for (const s of splitSentences(c.answer)) {
      const own = claims.filter(
        (x: Claim) => x.start === s.start && x.kind !== 'assertion' && x.kind !== 'citation',
      );
      const values = new Set<number>();
      for (const x of own) valuesOf(x, values);
      for (const n of numbersIn(s.text)) {
        total++;
        if (values.has(Math.round(n * 100) / 100)) covered++;
      }
    }
  }
  return { covered, total };
}
