/**
 * Claim scope for members (claim-scope.ts), fresh sentences: explicit references to the patient's medicines, drugs
 * withheld or switched away from, and the current medicines joining only through a reference (REFERENCE §6 rows:
 * dual RAAS blockade, triple whammy, non-DHP CCB + β-blocker, simvastatin caps).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import { refersToRegimen, switchedAway, withheld } from './claim-scope.ts';
import type { PatientContext } from './types.ts';

const at = (text: string, word: string) => {
  const start = text.indexOf(word);
  return { start, end: start + word.length };
};
const bad = (answer: string, patient?: PatientContext) =>
  verifyClaims({ answer, passages: [], ...(patient ? { patient } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('references to the patient’s medicines', () => {
  it('reads explicit references in zh and en', () => {
    expect(refersToRegimen('Celecoxib is fine with all of these.')).toBe(true);
    expect(refersToRegimen('Keep taking your blood pressure tablets.')).toBe(true);
    expect(refersToRegimen('当前处方里可以再加一种药。')).toBe(true);
    expect(refersToRegimen('您现在吃的降压药不用换。')).toBe(true);
    expect(refersToRegimen('Amlodipine pairs well with losartan.')).toBe(false);
  });
});

describe('drugs that are not members', () => {
  it('a drug switched away from', () => {
    const en = 'After moving from ramipril to candesartan, candesartan can go with indapamide.';
    expect(switchedAway(en, at(en, 'ramipril'))).toBe(true);
    expect(switchedAway(en, at(en, 'indapamide'))).toBe(false);
    const zh = '把贝那普利换成厄贝沙坦后，可以和氢氯噻嗪一起吃。';
    expect(switchedAway(zh, at(zh, '贝那普利'))).toBe(true);
  });
  it('a drug withheld by the verb or a negation before it, not one after a denied harm', () => {
    const en = 'Candesartan and amlodipine are fine together, but never add diclofenac.';
    expect(withheld(en, at(en, 'diclofenac'), 'but never add diclofenac.')).toBe(true);
    const zh = '氯沙坦和氨氯地平可以同服，别再加萘普生。';
    expect(withheld(zh, at(zh, '萘普生'), '别再加萘普生。')).toBe(true);
    const ok = '氯沙坦和氨氯地平可以同服，加萘普生也不会有问题。';
    expect(withheld(ok, at(ok, '萘普生'), '加萘普生也不会有问题。')).toBe(false);
  });
});

describe('the current medicines join a claim only through a reference', () => {
  it('a pair named by the sentence is judged alone', () => {
    const patient = { drugs: ['simvastatin', 'diltiazem'] };
    expect(bad('Losartan and indapamide can be taken together.', patient)).toEqual([]);
    expect(bad('Candesartan and ramipril can be taken together.', patient)).toContain('interaction');
  });
  it('a reference brings them in', () => {
    const patient = { drugs: ['candesartan', 'indapamide'] };
    expect(bad('Naproxen can be taken alongside both of these.', patient)).toContain('interaction');
    expect(bad('这两个药可以和萘普生一起吃。', { drugs: ['坎地沙坦', '吲达帕胺'] })).toContain('interaction');
  });
  it('a drug switched away from does not join from the patient’s list', () => {
    const patient = { drugs: ['ramipril'] };
    expect(
      bad('After moving from ramipril to candesartan, candesartan can go with indapamide.', patient),
    ).toEqual([]);
  });
});
