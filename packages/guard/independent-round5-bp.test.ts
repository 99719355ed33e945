/**
 * Round 5 (issue 18), tuning set 14, blood-pressure misses by class with fresh sentences (not corpus items), both
 * directions: "the reading (itself) corresponds to normal" classifies the reading of the sentence before; "lowers
 * BP to below …" is a target sentence (a staged target credited to the wrong guideline is caught).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const bad = (answer: string) =>
  verifyClaims({ answer, passages: [] })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('"the reading corresponds to <category>" (REFERENCE §1.2 ESH 2023 categories)', () => {
  it('refers back to the reading of the sentence before', () => {
    const s = 'One clinic visit gave 104/66 mmHg. Under ESH 2023 the reading corresponds to normal.';
    expect(bad(s)).toContain('bp-threshold');
    expect(bad(s.replace('to normal', 'to optimal'))).toEqual([]);
  });
});

describe('"lowers BP to below …" is a target (REFERENCE §7.2 ESH 2023 targets by age)', () => {
  it('a target credited to ESH 2023 that it does not set is caught; its own is not', () => {
    expect(bad('For patients aged 65–79, ESH 2023 lowers BP to below 150/90 mmHg.')).toContain('bp-target');
    expect(bad('For patients aged 65–79, ESH 2023 lowers BP to below 140/80 mmHg.')).toEqual([]);
  });
});
