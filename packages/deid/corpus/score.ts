/**
 * Scores the detector on an annotated corpus part.
 * - Recall: an annotated identifier counts as found when every one of its non-space characters lies inside
 *   some detected span (of any category — what matters is that it does not leave the hospital).
 * - Precision: a detected span counts as correct when it overlaps an annotated identifier.
 * Per type: recall by the annotated type, precision by the detected category.
 */
import { detectPhi } from '../detect.ts';
import type { PhiSpan } from '../types.ts';
import type { CorpusFile, CorpusSpan } from './corpus-types.ts';

export interface Tally {
  found: number;
  total: number;
}

export interface Score {
  recall: Tally;
  precision: Tally;
  recallByType: Record<string, Tally>;
  precisionByCategory: Record<string, Tally>;
  misses: { note: string; type: string; text: string; context: string }[];
  falsePositives: { note: string; category: string; text: string; context: string }[];
  chars: number;
}

const context = (text: string, start: number, end: number) =>
  text.slice(Math.max(0, start - 12), Math.min(text.length, end + 12)).replace(/\n/g, '⏎');

function covered(text: string, span: CorpusSpan, detected: readonly PhiSpan[]): boolean {
  for (let i = span.start; i < span.end; i++) {
    if (/\s/.test(text[i]!)) continue;
    if (!detected.some((d) => d.start <= i && i < d.end)) return false;
  }
  return true;
}

const bump = (map: Record<string, Tally>, key: string, hit: boolean) => {
  const t = (map[key] ??= { found: 0, total: 0 });
  t.total++;
  if (hit) t.found++;
};

export function scoreCorpus(
  file: CorpusFile,
  detect: (text: string) => PhiSpan[] = (t) => detectPhi(t),
): Score {
  const score: Score = {
    recall: { found: 0, total: 0 },
    precision: { found: 0, total: 0 },
    recallByType: {},
    precisionByCategory: {},
    misses: [],
    falsePositives: [],
    chars: 0,
  };
  for (const note of file.notes) {
    const detected = detect(note.text);
    score.chars += note.text.length;
    for (const span of note.spans) {
      const hit = covered(note.text, span, detected);
      score.recall.total++;
      if (hit) score.recall.found++;
      bump(score.recallByType, span.type, hit);
      if (!hit)
        score.misses.push({
          note: note.id,
          type: span.type,
          text: span.text,
          context: context(note.text, span.start, span.end),
        });
    }
    for (const d of detected) {
      const hit = note.spans.some((s) => d.start < s.end && d.end > s.start);
      score.precision.total++;
      if (hit) score.precision.found++;
      bump(score.precisionByCategory, d.category, hit);
      if (!hit)
        score.falsePositives.push({
          note: note.id,
          category: d.category,
          text: d.text,
          context: context(note.text, d.start, d.end),
        });
    }
  }
  return score;
}

export const ratio = (t: Tally) => (t.total === 0 ? 1 : t.found / t.total);
