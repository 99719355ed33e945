/**
 * Round 4 (issue 18), drug false alarms of training set 13 by cause, fresh sentences with near misses:
 * - "with" naming a condition ("With gout, thiazides are best avoided", "in patients with asthma") is no
 *   combination with the patient's current medicines; "with" naming a drug still is;
 * - a maximum stated per dose ("25 mg per dose", "每次最多25 mg") is not the daily maximum.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { PatientContext } from './types.ts';

const bad = (answer: string, patient?: PatientContext) =>
  verifyClaims({ answer, passages: [], ...(patient ? { patient } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('"with" a condition is no combination (REFERENCE §6 preferred combinations, §5 contraindications)', () => {
  it('a class avoided because of a condition is not said of the patient’s current medicines', () => {
    expect(
      bad('With gout, a thiazide diuretic is best avoided; amlodipine suits him.', {
        drugs: ['amlodipine'],
        conditions: ['gout'],
      }),
    ).toEqual([]);
    expect(
      bad('In patients with asthma, beta-blockers should be avoided.', { drugs: ['amlodipine'] }),
    ).toEqual([]);
  });
  it('near miss: "with" a drug is a combination, and a wrong harm on it is caught', () => {
    expect(
      bad('With amlodipine, a thiazide diuretic should be avoided.', { drugs: ['amlodipine'] }),
    ).toContain('interaction');
  });
});

describe('a maximum per dose is not the daily maximum (REFERENCE §5.1 carvedilol 25 mg twice daily)', () => {
  it('is not flagged as a low daily maximum', () => {
    expect(bad('Carvedilol: the maximum is 25 mg per dose, taken twice daily.')).toEqual([]);
    expect(bad('卡维地洛：每次最大剂量为25 mg，每日两次。')).toEqual([]);
  });
  it('near misses: a daily maximum stated too low, or a per-dose maximum too high, are caught', () => {
    expect(bad('The maximum daily dose of valsartan is 160 mg.')).toContain('dose');
    expect(bad('Carvedilol: the maximum is 100 mg per dose.')).toContain('dose');
  });
});
