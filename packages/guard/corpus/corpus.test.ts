/** The guard on its own labelled answer sets (issue 18 targets: ≥95 % planted errors caught, ≤2 % correct flagged). */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from '../check-answer.ts';
import { loadCorpus, loadPassages, type CorpusItem } from './parse.ts';

const passages = loadPassages();

function rates(items: CorpusItem[]) {
  let caught = 0;
  let planted = 0;
  let flagged = 0;
  let correct = 0;
  const leaks: string[] = [];
  const mixed: string[] = [];
  for (const c of items) {
    const claims = verifyClaims({ answer: c.answer, passages, patient: c.patient, guideline: c.guideline });
    for (const x of claims)
      if (
        /REFERENCE|UNVERIFIED/.test(`${x.reason} ${x.evidence.map((e) => `${e.source} ${e.text}`).join(' ')}`)
      )
        leaks.push(c.id);
    // One language per answer: an English answer's reasons have no Chinese; a Chinese answer's reasons are Chinese.
    for (const x of claims) {
      const han = /\p{Script=Han}/u.test(x.reason);
      if ((c.lang === 'en' && han) || (c.lang === 'zh' && !han)) mixed.push(`${c.id}: ${x.reason}`);
    }
    const bad = claims.some((x) => x.verdict === 'contradicted');
    if (c.error) {
      planted++;
      if (bad) caught++;
    } else {
      correct++;
      if (bad) flagged++;
    }
  }
  return { caught: caught / planted, flagged: flagged / correct, leaks, mixed };
}

describe('labelled answer sets', () => {
  it('the sets are the size the issue asks for (≥300 answers, zh and en, about half with one planted error)', () => {
    const all = [...loadCorpus('tuning'), ...loadCorpus('heldout'), ...loadCorpus('heldout-2')];
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(all.filter((c) => c.lang === 'zh').length).toBeGreaterThan(100);
    expect(all.filter((c) => c.error).length / all.length).toBeGreaterThan(0.4);
    expect(all.every((c) => c.sources.length > 0)).toBe(true);
    expect(
      (loadCorpus('heldout').length + loadCorpus('heldout-2').length) / all.length,
    ).toBeGreaterThanOrEqual(0.25);
  });
  // tuning-independent: written independently as held-out set 3, evaluated once, then tuned on (its misses were read).
  for (const part of ['tuning', 'tuning-independent', 'heldout', 'heldout-2'] as const)
    it(`${part}: ≥95 % caught, ≤2 % flagged, no internal reference shown to users, reasons in the answer's language`, () => {
      const r = rates(loadCorpus(part));
      expect(r.caught).toBeGreaterThanOrEqual(0.95);
      expect(r.flagged).toBeLessThanOrEqual(0.02);
      expect(r.leaks).toEqual([]);
      expect(r.mixed).toEqual([]);
    });
});
