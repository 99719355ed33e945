/**
 * Paraphrase probe (issue 18): fresh correct / planted-error pairs for the two general mechanisms (claim scope for
 * members; one relation lexicon with scoped modifiers). Prints caught and flagged per mechanism and holds the floors
 * measured when the mechanisms landed (docs/notes/guard-mechanisms-2026-12-08.md).
 */
import { describe, expect, it } from 'vitest';
import { MEMBER_PAIRS } from './paraphrase-probe/members.ts';
import { RELATION_PAIRS } from './paraphrase-probe/relations.ts';
import { runProbe } from './paraphrase-probe/probe.ts';

const report = (name: string, r: ReturnType<typeof runProbe>) =>
  console.log(
    `${name}: caught ${r.caught}/${r.pairs}, flagged ${r.flagged}/${r.pairs}\n  ` +
      [...r.misses.map((m) => `missed ${m}`), ...r.flags.map((f) => `flag ${f}`)].join('\n  '),
  );

describe('paraphrase probe', () => {
  it('has at least 20 pairs per mechanism in both languages', () => {
    for (const pairs of [MEMBER_PAIRS, RELATION_PAIRS]) {
      expect(pairs.length).toBeGreaterThanOrEqual(20);
      expect(pairs.some((p) => /[\u4e00-\u9fff]/.test(p.bad))).toBe(true);
      expect(pairs.some((p) => !/[\u4e00-\u9fff]/.test(p.bad))).toBe(true);
    }
  });
  it('claim scope for members', () => {
    const r = runProbe(MEMBER_PAIRS);
    report('members', r);
    // Before the mechanism (495b6d8): 14/22 caught, 3/22 flagged.
    expect(r.caught).toBeGreaterThanOrEqual(20);
    expect(r.flagged).toBe(0);
  });
  it('relation lexicon and modifier scope', () => {
    const r = runProbe(RELATION_PAIRS);
    report('relations', r);
    // Before the mechanism (495b6d8): 15/24 caught, 2/24 flagged.
    expect(r.caught).toBeGreaterThanOrEqual(22);
    expect(r.flagged).toBe(0);
  });
});
