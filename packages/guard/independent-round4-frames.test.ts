/**
 * Round 4 (issue 18), false alarms of training set 13 by cause (the frame misread the sentence), fresh sentences
 * with near misses that still carry a real error:
 * - a table "reading → category" gives each reading the category after its arrow ("→ 正常" is the category);
 * - a combined KDIGO code ("G3bA1", "G2A3") holds no eGFR value;
 * - a distance ("差1就到45", "one short of 45") is no eGFR value;
 * - a single reading said not to change the average's category ("单次138/86不影响平均值的分级") is not classified;
 * - a setting named right after a value ("≥140/90 in the office", "≥135/85（家庭）") is that value's, and a setting
 *   named inside brackets ("（对应诊室130/80）") is not a later value's.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { Guideline } from '@qihuang/engines/blood-pressure';

const bad = (answer: string, guideline?: Guideline) =>
  verifyClaims({ answer, passages: [], ...(guideline ? { guideline } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('a table of readings with arrows (REFERENCE §1.3 China 2018 categories)', () => {
  it('each reading takes the category after its arrow', () => {
    expect(bad('分级表：112/74 → 正常 126/84 → 正常高值 150/96 → 1级', 'china-2018')).toEqual([]);
    expect(bad('Readings: 112/74 → normal, 126/84 → high-normal, 150/96 → grade 1', 'china-2018')).toEqual(
      [],
    );
  });
  it('near miss: a wrong row is still caught', () => {
    expect(bad('分级表：112/74 → 正常 136/84 → 正常 150/96 → 1级', 'china-2018')).toContain('bp-threshold');
  });
});

describe('KDIGO codes and distances hold no eGFR value (REFERENCE §4.1)', () => {
  it('combined codes and distances are not read as values', () => {
    expect(bad('风险矩阵：G2A1为低风险，G3bA2为高风险，G4无论A分级如何都是极高风险。')).toEqual([]);
    expect(
      bad('Heat map: G3aA1 is moderately increased risk and G5 is very high risk whatever the A category.'),
    ).toEqual([]);
    expect(bad('eGFR 59，差1就到60，但仍属G3a（45–59），不是G2。')).toEqual([]);
    expect(bad('An eGFR of 29 is one short of 30, so it is still G4, not G3b.')).toEqual([]);
  });
  it('near misses: a wrong category for a stated value is still caught', () => {
    expect(bad('eGFR 59，属于G2期。')).toContain('lab-threshold');
    expect(bad('An eGFR of 29 is G3b.')).toContain('lab-threshold');
  });
});

describe('a single reading beside the average (REFERENCE §1.2 ESH 2023 grades)', () => {
  it('a single reading said not to change the average’s category is not classified', () => {
    expect(
      bad('三次读数平均为146/88。按ESH 2023属1级高血压，单次136/84不影响平均值的分级。', 'esh-2023'),
    ).toEqual([]);
    expect(
      bad(
        'The average is 146/88, grade 1 under ESH 2023; the single reading of 136/84 does not change the category of the mean.',
        'esh-2023',
      ),
    ).toEqual([]);
  });
  it('near miss: a single reading classified on its own is still caught', () => {
    expect(bad('按ESH 2023，单次读数136/84属1级高血压。', 'esh-2023')).toContain('bp-threshold');
  });
});

describe('the setting of a value named after it or inside brackets (REFERENCE §2.2 ESH 2023 out-of-office)', () => {
  it('a setting right after a value is its own, one inside brackets is not a later value’s', () => {
    expect(
      bad(
        'For ESH 2023 the night-time mean threshold is ≥120/70, compared with ≥140/90 in the office.',
        'esh-2023',
      ),
    ).toEqual([]);
    expect(bad('ESH 2023：夜间均值≥120/70，而≥140/90（诊室）是诊室标准。', 'esh-2023')).toEqual([]);
    expect(bad('24小时动态血压阈值：ACC/AHA用≥125/75（相当于诊室130/80），ESH 2023用≥130/80。')).toEqual([]);
  });
  it('near misses: a wrong value for the setting is still caught', () => {
    expect(
      bad(
        'For ESH 2023 the night-time mean threshold is ≥120/70, compared with ≥130/80 in the office.',
        'esh-2023',
      ),
    ).toContain('bp-threshold');
    expect(bad('24小时动态血压阈值：ACC/AHA用≥125/75（相当于诊室130/80），ESH 2023用≥135/85。')).toContain(
      'bp-threshold',
    );
  });
});
