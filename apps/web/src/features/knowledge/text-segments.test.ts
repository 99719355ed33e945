import { describe, expect, it } from 'vitest';
import { claimRuns, highlightRuns, worstVerdict } from './text-segments.ts';

describe('highlightRuns', () => {
  it('marks the given ranges and keeps the rest', () => {
    expect(
      highlightRuns('氨氯地平片常用剂量', [
        [0, 4],
        [7, 9],
      ]),
    ).toEqual([
      { text: '氨氯地平', marked: true },
      { text: '片常用', marked: false },
      { text: '剂量', marked: true },
    ]);
  });

  it('clamps, sorts and merges overlapping ranges; no ranges → one plain run', () => {
    expect(
      highlightRuns('abcdef', [
        [4, 99],
        [1, 3],
        [2, 4],
      ]),
    ).toEqual([
      { text: 'a', marked: false },
      { text: 'bc', marked: true },
      { text: 'd', marked: true },
      { text: 'ef', marked: true },
    ]);
    expect(highlightRuns('abc')).toEqual([{ text: 'abc', marked: false }]);
    expect(highlightRuns('')).toEqual([{ text: '', marked: false }]);
  });
});

describe('claimRuns', () => {
  it('splits the answer at claim boundaries with the claims covering each run', () => {
    const answer = 'A. Amlodipine 50 mg daily [p1]. B.';
    const runs = claimRuns(answer, [
      { start: 3, end: 30 },
      { start: 3, end: 30 },
      { start: 26, end: 30 },
    ]);
    expect(runs.map((r) => r.text)).toEqual(['A. ', 'Amlodipine 50 mg daily ', '[p1]', '. B.']);
    expect(runs.map((r) => r.claims)).toEqual([[], [0, 1], [0, 1, 2], []]);
    expect(runs[2]!.ending).toEqual([0, 1, 2]);
    expect(runs.map((r) => r.text).join('')).toBe(answer);
  });

  it('ignores empty or out-of-range spans', () => {
    expect(claimRuns('abc', [{ start: 5, end: 9 }])).toEqual([{ text: 'abc', claims: [], ending: [] }]);
  });

  it('shows the worst verdict when claims overlap', () => {
    expect(worstVerdict(['supported', 'contradicted', 'unverifiable'])).toBe('contradicted');
    expect(worstVerdict(['supported', 'unverifiable'])).toBe('unverifiable');
    expect(worstVerdict([])).toBe('supported');
  });
});
