/**
 * Splits text into runs for display: search passages with the query terms marked (offsets from the server), and a
 * guard answer with each claim's span marked. Pure, so it is unit-tested without a browser.
 */
import type { CheckedClaim, Verdict } from '../../api/knowledge.ts';

export interface HighlightRun {
  text: string;
  marked: boolean;
}

/** Runs of `text`, marked where a [start, end) range covers them (ranges clamped, sorted, overlaps merged). */
export function highlightRuns(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]> = [],
): HighlightRun[] {
  const clean = ranges
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const runs: HighlightRun[] = [];
  let at = 0;
  for (const [s, e] of clean) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    if (from > at) runs.push({ text: text.slice(at, from), marked: false });
    runs.push({ text: text.slice(from, e), marked: true });
    at = e;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), marked: false });
  return runs.filter((r) => r.text.length > 0 || runs.length === 1);
}

const SEVERITY: Record<Verdict, number> = { contradicted: 2, unverifiable: 1, supported: 0 };

/** The verdict to show for text several claims cover: contradicted over unverifiable over supported. */
export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((w, v) => (SEVERITY[v] > SEVERITY[w] ? v : w), 'supported');
}

export interface ClaimRun {
  text: string;
  /** Indexes into the claims array of the claims covering this run (empty: plain text). */
  claims: number[];
  /** Claims whose span ends with this run (where their reference marker goes). */
  ending: number[];
}

/** Runs of the answer with the claims covering each (claims may share or overlap spans). */
export function claimRuns(
  answer: string,
  claims: ReadonlyArray<Pick<CheckedClaim, 'start' | 'end'>>,
): ClaimRun[] {
  const spans = claims
    .map((c, i) => ({
      i,
      start: Math.max(0, Math.min(c.start, answer.length)),
      end: Math.max(0, Math.min(c.end, answer.length)),
    }))
    .filter((c) => c.end > c.start);
  const cuts = [...new Set([0, answer.length, ...spans.flatMap((c) => [c.start, c.end])])].sort(
    (a, b) => a - b,
  );
  const runs: ClaimRun[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k] as number;
    const b = cuts[k + 1] as number;
    const covering = spans.filter((c) => c.start <= a && c.end >= b).map((c) => c.i);
    const ending = spans.filter((c) => c.end === b).map((c) => c.i);
    runs.push({ text: answer.slice(a, b), claims: covering, ending });
  }
  if (runs.length === 0) runs.push({ text: answer, claims: [], ending: [] });
  return runs;
}
