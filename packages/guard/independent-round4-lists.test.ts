/**
 * Round 4 (issue 18), false alarms of training set 13 by cause, fresh sentences with near misses:
 * - targets by age band in one sentence: each target takes the band of its own clause (extract-bp-age-bands.ts);
 * - a category used to name a group of patients ("1级高血压低–中危者", "Grade 1 patients at low risk") does not
 *   classify the reading of the sentence before;
 * - an amount in a sentence naming no drug, after a sentence naming several, is the drug that sentence gave amounts
 *   for — never merely the last one named;
 * - drugs and classes listed on both sides of a copula pair in order ("A与B属于CCB+β阻滞剂");
 * - a dose cap stated for one partner that is the cap of another partner is a mix-up (REFERENCE §6 rows 6–8).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { Guideline } from '@qihuang/engines/blood-pressure';
import type { PatientContext } from './types.ts';

const bad = (answer: string, guideline?: Guideline, patient?: PatientContext) =>
  verifyClaims({ answer, passages: [], ...(guideline ? { guideline } : {}), ...(patient ? { patient } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('targets by age band, one per clause (REFERENCE §7 ESH 2023 targets by age)', () => {
  it('each target is checked against its own band', () => {
    expect(
      bad('ESH 2023 recommends under 130/80 for ages 18–64, and under 140/80 for ages 65–79.', 'esh-2023'),
    ).toEqual([]);
    expect(bad('按ESH 2023：18–64岁目标<130/80，65–79岁<140/80，能耐受者可<130/80。', 'esh-2023')).toEqual(
      [],
    );
  });
  it('near misses: a wrong target for its band is still caught', () => {
    expect(
      bad('ESH 2023 recommends under 130/80 for ages 18–64, and under 150/90 for ages 65–79.', 'esh-2023'),
    ).toContain('bp-target');
    expect(bad('按ESH 2023：18–64岁目标<140/90，65–79岁<140/80。', 'esh-2023')).toContain('bp-target');
  });
});

describe('a category naming a group of patients (REFERENCE §1.2)', () => {
  it('does not classify the reading of the sentence before', () => {
    expect(bad('血压180/110应尽快启动治疗；1级高血压低–中危者可先生活方式干预3个月。', 'esh-2023')).toEqual(
      [],
    );
    expect(
      bad(
        'A reading of 180/110 needs treatment at once. Grade 1 patients at low risk may start with lifestyle changes.',
        'esh-2023',
      ),
    ).toEqual([]);
  });
  it('near miss: a category said of the reading before is still checked', () => {
    expect(bad('血压180/110应尽快启动治疗；这属于1级高血压。', 'esh-2023')).toContain('bp-threshold');
  });
});

describe('an amount after a sentence naming several drugs (REFERENCE §5.1, §6 rows 6–8)', () => {
  it('goes to the drug the sentence before gave amounts for', () => {
    expect(
      bad(
        'With amlodipine, simvastatin should not exceed 20 mg a day; with diltiazem the cap is 10 mg. Her 20 mg dose is at the limit.',
        undefined,
        { drugs: ['simvastatin', 'amlodipine'] },
      ),
    ).toEqual([]);
    expect(
      bad(
        'With amlodipine, simvastatin should not exceed 20 mg a day; with verapamil or diltiazem the cap is 10 mg. Her 20 mg dose is at the limit.',
        undefined,
        { drugs: ['simvastatin', 'amlodipine'] },
      ),
    ).toEqual([]);
  });
  it('near misses: a dose above the drug’s cap, and a cap mixed up between partners, are caught', () => {
    expect(bad('Simvastatin is started at 20 mg. Its maximum is 120 mg a day.')).toContain('dose');
    expect(bad('Simvastatin taken with amlodipine is capped at 10 mg a day.')).toContain('dose');
    expect(bad('辛伐他汀与氨氯地平合用时每日最多10 mg。')).toContain('dose');
    // One amount per partner: the partner of each amount is not certain, nothing is flagged.
    expect(bad('辛伐他汀与维拉帕米合用上限10 mg/日，与氨氯地平合用上限20 mg/日。')).toEqual([]);
  });
});

describe('drugs and classes listed on both sides pair in order (drug-knowledge classes)', () => {
  it('each drug takes the class in its place', () => {
    expect(bad('氨氯地平与美托洛尔属于二氢吡啶CCB+β阻滞剂，是常用的联合方案。')).toEqual([]);
    expect(bad('Amlodipine and losartan are a CCB and an ARB.')).toEqual([]);
  });
  it('near misses: a wrong pairing or a wrong single class is caught', () => {
    expect(bad('氨氯地平与美托洛尔分别属于β阻滞剂和二氢吡啶CCB。')).toContain('attribution');
    expect(bad('Amlodipine and losartan are a CCB and an ACE inhibitor.')).toContain('attribution');
    expect(bad('氯沙坦属于ACEI。')).toContain('attribution');
  });
});
