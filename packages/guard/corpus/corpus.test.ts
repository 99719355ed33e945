/** The guard on its own labelled answer sets (issue 18 targets: ≥95 % planted errors caught, ≤2 % correct flagged). */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from '../check-answer.ts';
import { existsSync } from 'node:fs';
import { corpusPath, loadCorpus, loadPassages, type CorpusItem, type CorpusName } from './parse.ts';

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

// Held-out 10 and 11 are being written independently (never opened to tune); each counts once its file exists. Their
// items are only counted here — never printed or evaluated item by item.
const heldoutParts = [
  ...loadCorpus('heldout'),
  ...loadCorpus('heldout-2'),
  ...(['heldout-10', 'heldout-11'] as const).flatMap((p) => (existsSync(corpusPath(p)) ? loadCorpus(p) : [])),
];
const tuningParts = (
  [
    'tuning',
    'tuning-independent',
    'tuning-independent-2',
    'tuning-independent-3',
    'tuning-independent-4',
    'tuning-independent-5',
    'tuning-independent-6',
    'tuning-independent-7',
  ] as const
).flatMap((p) => loadCorpus(p));
// The held-out quarter is counted against ALL parts, the tuning-independent ones included. With held-out 8 and 9
// moved to tuning (2026-12-07) it fails until held-out 10 and 11 land — expected.

describe('labelled answer sets', () => {
  it('the sets are the size the issue asks for (≥300 answers, zh and en, about half with one planted error)', () => {
    const all = [...tuningParts, ...heldoutParts];
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(all.filter((c) => c.lang === 'zh').length).toBeGreaterThan(100);
    expect(all.filter((c) => c.error).length / all.length).toBeGreaterThan(0.4);
    expect(all.every((c) => c.sources.length > 0)).toBe(true);
  });
  it('held-out parts are ≥25 % of all parts (tuning-independent included)', () => {
    expect(heldoutParts.length / (tuningParts.length + heldoutParts.length)).toBeGreaterThanOrEqual(0.25);
  });
  // tuning-independent(-2): written independently as held-out sets 3 and 4, evaluated once, then tuned on (their
  // misses were read).
  for (const part of ['tuning', 'tuning-independent', 'heldout', 'heldout-2'] as const)
    it(`${part}: ≥95 % caught, ≤2 % flagged, no internal reference shown to users, reasons in the answer's language`, () => {
      const r = rates(loadCorpus(part));
      expect(r.caught).toBeGreaterThanOrEqual(0.95);
      expect(r.flagged).toBeLessThanOrEqual(0.02);
      // Held-out parts: counts only (their items are never printed).
      if (part.startsWith('heldout')) expect([r.leaks.length, r.mixed.length]).toEqual([0, 0]);
      else {
        expect(r.leaks).toEqual([]);
        expect(r.mixed).toEqual([]);
      }
    });
  // Ex held-out 4 and 5: being tuned (issue 18); the floors only rise — at the moves: set 4 81.4 % caught / 13.4 %
  // flagged, set 5 73.6 % caught / 13.0 % flagged; misses fixed by class.
  for (const [part, caughtFloor, flaggedCeiling] of FLOORS)
    it(`${part}: no worse than measured, no internal reference shown, reasons in the answer language`, () => {
      const r = rates(loadCorpus(part));
      expect(r.caught).toBeGreaterThanOrEqual(caughtFloor);
      expect(r.flagged).toBeLessThanOrEqual(flaggedCeiling);
      expect(r.leaks).toEqual([]);
      expect(r.mixed).toEqual([]);
    });
});

const FLOORS: [CorpusName, number, number][] = [
  ['tuning-independent-2', 70 / 70, 0],
  ['tuning-independent-3', 53 / 53, 0],
  // Ex held-out 6: 65.9 % caught / 6.1 % flagged at the move (2026-12-06); 82/82 after the class-level
  // interaction fix (2026-12-07).
  ['tuning-independent-4', 82 / 82, 0],
  // Ex held-out 7: 71.1 % caught / 3.6 % flagged at the move (2026-12-07); classes fixed with fresh sentences
  // (independent-5-classes.test.ts): 80/83 caught, 0/83 flagged; 82/83 after the drug frames of sets 6 and 7.
  ['tuning-independent-5', 82 / 83, 0],
  // Ex held-out 8: 86.4 % caught / 3.7 % flagged at the move (2026-12-07); 125/125, 0/135 after the classes of
  // sets 6 and 7 (independent-6-classes, independent-6-citations, bp-lab-classes-6 tests).
  ['tuning-independent-6', 125 / 125, 0],
  // Ex held-out 9: 80.0 % caught / 3.1 % flagged at the move (2026-12-07); 99/100, 0/98 after those classes.
  ['tuning-independent-7', 99 / 100, 0],
];
