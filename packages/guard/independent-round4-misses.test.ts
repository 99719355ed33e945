/**
 * Round 4 (issue 18), missed planted errors of training set 13 by cause, fresh sentences with correct neighbours that
 * must stay unflagged (REFERENCE §4.3 KDIGO albuminuria: A1 <30, A2 30–300, A3 >300 mg/g; <3, 3–30, >30 mg/mmol):
 * - a bound said to be a category's edge ("A3 >500 mg/g", "A3：≥50 mg/mmol") must be that edge — a value in the
 *   category ("ACR above 500 mg/g is A3") is not an edge;
 * - one unit for a list reaches the values written without it ("按mg/mmol计：A1 <3，A2 3–30，A3 >50");
 * - the albuminuria half of a combined code ("G2A2") is read against the ACR the sentence states;
 * - a threshold led by its own category after a range ("2级160–179/100–109，3级为≥190/110", "grade 3 starts at 200
 *   and/or 110") is read with that category (REFERENCE §1.2, §1.3: grade 3 ≥180/110);
 * - a guideline said to "定为/列为" a category it lacks is a wrong attribution, and two ranges joined by "或/or"
 *   without mmHg (systolic first, diastolic second) are one pair (REFERENCE §1.1 ACC/AHA 2017 stages).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const bad = (answer: string, guideline?: 'china-2018' | 'esh-2023') =>
  verifyClaims({ answer, passages: [], ...(guideline ? { guideline } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('albuminuria category edges (REFERENCE §4.3)', () => {
  it('a wrong edge is caught, in mg/g and in mg/mmol written once', () => {
    expect(bad('Albuminuria: A1 below 30 mg/g, A2 30–300 mg/g, A3 above 1000 mg/g.')).toContain(
      'lab-threshold',
    );
    expect(bad('白蛋白尿分级：A1 <30 mg/g，A2 30–300 mg/g，A3 ≥500 mg/g。')).toContain('lab-threshold');
    expect(bad('按mg/mmol计：A1 <3，A2 3–30，A3 >70 mg/mmol。')).toContain('lab-threshold');
  });
  it('correct edges and values inside a category are not flagged', () => {
    expect(bad('Albuminuria: A1 below 30 mg/g, A2 30–300 mg/g, A3 above 300 mg/g.')).toEqual([]);
    expect(bad('按mg/mmol计：A1 <3，A2 3–30，A3 >30 mg/mmol。')).toEqual([]);
    expect(bad('An ACR above 500 mg/g is A3.')).toEqual([]);
    expect(bad('尿白蛋白肌酐比超过1000 mg/g，属于A3。')).toEqual([]);
  });
});

describe('a combined code against the stated ACR (REFERENCE §4.1, §4.3)', () => {
  it('the A half is checked against the ACR', () => {
    expect(bad('eGFR 72, ACR 420 mg/g: KDIGO G2A2.')).toContain('lab-threshold');
    expect(bad('eGFR 72、ACR 120 mg/g，分期为G2A2。')).toEqual([]);
  });
});

describe('a threshold after a range, led by its own category (REFERENCE §1.2 ESH 2023, §1.3 China 2018)', () => {
  it('a wrong grade-3 threshold after the grade-2 range is caught', () => {
    expect(bad('中国2018：2级160–179/100–109，3级为≥185/110。', 'china-2018')).toContain('bp-threshold');
    expect(
      bad('ESH 2023: grade 2 is 160–179 and/or 100–109, and grade 3 begins at 190 and/or 110.', 'esh-2023'),
    ).toContain('bp-threshold');
  });
  it('the right thresholds, and a reading after another reading, are not flagged', () => {
    expect(bad('中国2018：2级160–179/100–109，3级为≥180/110。', 'china-2018')).toEqual([]);
    expect(
      bad('ESH 2023: grade 2 is 160–179 and/or 100–109, and grade 3 begins at 180 and/or 110.', 'esh-2023'),
    ).toEqual([]);
    expect(bad('按中国2018，130/84属于正常高值，而129/84仍需复测。', 'china-2018')).toEqual([]);
  });
});

describe('a category a guideline lacks, and ranges joined by or (REFERENCE §1.1, §1.3)', () => {
  it('stages credited to China 2018 or ESH 2023 are caught', () => {
    expect(bad('中国2018指南把≥140/90列为2期高血压。')).toContain('bp-threshold');
    expect(bad('ESH 2023将高血压分为两期：1期130–139或80–89，2期160或以上。')).toContain('bp-threshold');
  });
  it('the same shapes with the right guideline are not flagged', () => {
    expect(bad('中国2018指南把≥140/90定为1级高血压。')).toEqual([]);
    expect(bad('ACC/AHA 2017: stage 1 is 130–139 or 80–89.')).toEqual([]);
    expect(bad('ACC/AHA 2017：1期为130–139或80–89。')).toEqual([]);
  });
});
