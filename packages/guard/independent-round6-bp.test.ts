/**
 * Round 6 (issue 18), blood-pressure classes from tuning set 15, with fresh sentences (not corpus items), both
 * directions, zh and en:
 * - out of the office there is no "elevated" category: a home or ambulatory value "elevated"/"即为升高" is that
 *   setting's hypertension (office "elevated" stays the ACC/AHA category);
 * - "不必强求 X 以下" denies a target like "不必强求降到 X";
 * - pressures in number words next to "毫米汞柱"/"mmHg" or an axis word, and "stage one/two", are read as digits;
 * - an untreated patient (said so) with office and home readings: white-coat / masked / sustained hypertension by
 *   the untreated matrix (REFERENCE §2.5, worked examples OOB1/OOB2); a bound ("家庭 <135/85") is no reading;
 * - "that is below / 这已超过 the home threshold" said of the reading of the sentence before.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { PatientContext } from './types.ts';

const bad = (answer: string, patient?: PatientContext) =>
  verifyClaims({ answer, passages: [], ...(patient ? { patient } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('"elevated" out of the office', () => {
  it('a home or ambulatory value above the threshold called elevated is not contradicted', () => {
    expect(bad('Under ESH 2023, his home average of 141/84 mmHg is elevated.')).toEqual([]);
    expect(bad('按中国2018指南，夜间动态血压均值126/72 mmHg，已经升高。')).toEqual([]);
  });
  it('a threshold or value on the wrong side is contradicted', () => {
    expect(bad('按中国2018指南，家庭血压平均≥130/80 mmHg即为升高。')).toContain('bp-threshold');
    expect(bad('Under ESH 2023, a home average of 128/79 mmHg is elevated.')).toContain('bp-threshold');
  });
  it('office "elevated" keeps its ACC/AHA meaning', () => {
    expect(bad('Under ACC/AHA 2017, an office reading of 124/76 mmHg is elevated.')).toEqual([]);
    expect(bad('Under ACC/AHA 2017, an office reading of 134/76 mmHg is elevated.')).toContain(
      'bp-threshold',
    );
  });
});

describe('"不必强求 X 以下" denies the target', () => {
  it('denying a target that is not the population’s is not contradicted', () => {
    expect(bad('这位患者82岁，按中国2018指南降到150/90以下就行，不必强求140/90以下。')).toEqual([]);
  });
  it('the wrong target stated for the population still is', () => {
    expect(bad('这位患者82岁，按中国2018指南应降到130/80以下。')).toContain('bp-target');
  });
});

describe('pressures in number words next to their unit or axis word', () => {
  it('a wrong threshold in words is contradicted', () => {
    expect(
      bad('按中国2018指南，2级高血压指收缩压大于等于一百七十毫米汞柱或舒张压大于等于一百毫米汞柱。'),
    ).toContain('bp-threshold');
    expect(
      bad(
        'Under ACC/AHA 2017, stage one hypertension begins at one hundred forty systolic or ninety diastolic.',
      ),
    ).toContain('bp-threshold');
  });
  it('the right one is not', () => {
    expect(
      bad('按中国2018指南，2级高血压指收缩压大于等于一百六十毫米汞柱或舒张压大于等于一百毫米汞柱。'),
    ).toEqual([]);
    expect(
      bad(
        'Under ACC/AHA 2017, stage one hypertension begins at one hundred thirty systolic or eighty diastolic.',
      ),
    ).toEqual([]);
  });
});

describe('an untreated patient’s office and home readings (REFERENCE §2.5 untreated matrix)', () => {
  it('a wrong white-coat or masked label is contradicted', () => {
    expect(
      bad(
        'Under ESH 2023, an untreated man with office 132/84 and home average 141/88 has white-coat hypertension.',
      ),
    ).toContain('bp-threshold');
    expect(bad('按中国2018指南，未服药，诊室152/96，家庭平均139/87，属于白大衣高血压。')).toContain(
      'bp-threshold',
    );
  });
  it('the right label, or a bound beside the readings, is not', () => {
    expect(
      bad(
        'Under ESH 2023, an untreated man with office 132/84 and home average 141/88 has masked hypertension.',
      ),
    ).toEqual([]);
    expect(
      bad('未治疗：诊室 152/96，家庭平均 126/78。诊室 ≥140/90 而家庭 <135/85，属于白大衣高血压。'),
    ).toEqual([]);
  });
});

describe('a reading of the sentence before compared with the guideline’s threshold', () => {
  it('on the wrong side is contradicted', () => {
    expect(
      bad('Her ambulatory daytime mean was 137/86 mmHg. Under ESH 2023 this is under the daytime threshold.'),
    ).toContain('bp-threshold');
    expect(bad('家庭血压平均 132/80 mmHg。按ESH 2023，这已超过家庭血压诊断阈值。')).toContain('bp-threshold');
  });
  it('on the right side is not', () => {
    expect(
      bad('Her ambulatory daytime mean was 131/82 mmHg. Under ESH 2023 this is under the daytime threshold.'),
    ).toEqual([]);
    expect(bad('家庭血压平均 132/80 mmHg。按ESH 2023，这低于家庭血压诊断阈值。')).toEqual([]);
  });
});

describe('a systolic band said to suffice, and "reach below"', () => {
  it('a band above the population’s target is contradicted', () => {
    expect(bad('患者58岁，按ESH 2023，收缩压维持在140–150 mmHg就可以了。')).toContain('bp-target');
    expect(bad('China 2018 asks people aged 70 to reach below 130/80 first.')).toContain('bp-target');
  });
  it('the population’s own band, or a current value, is not', () => {
    expect(bad('患者86岁，按ESH 2023，收缩压维持在140–150 mmHg就可以了。')).toEqual([]);
    expect(bad('患者58岁，目前收缩压维持在140–150 mmHg。')).toEqual([]);
    expect(bad('China 2018 asks people aged 70 to reach below 150/90 first.')).toEqual([]);
  });
});

describe('a grade by the systolic alone (REFERENCE §1.2–§1.4 systolic bands)', () => {
  it('a systolic outside the grade’s band is contradicted', () => {
    expect(bad('按中国2018指南，诊室血压166/84 mmHg，单纯收缩期高血压；按收缩压分级属于3级。')).toContain(
      'bp-threshold',
    );
    expect(bad('Office 183/86 under ESH 2023. Graded by the systolic, it is grade 2.')).toContain(
      'bp-threshold',
    );
  });
  it('inside it is not', () => {
    expect(bad('按中国2018指南，诊室血压166/84 mmHg，单纯收缩期高血压；按收缩压分级属于2级。')).toEqual([]);
    expect(bad('Office 183/86 under ESH 2023. Graded by the systolic, it is grade 3.')).toEqual([]);
  });
});

describe('a Cockcroft–Gault clearance stated from the request’s patient (REFERENCE §4.2)', () => {
  const patient = {
    age: 81,
    sex: 'male' as const,
    weightKg: 64,
    creatinine: { value: 1.9, unit: 'mg/dL' as const },
  };
  it('a wrong result is contradicted', () => {
    expect(bad('His Cockcroft–Gault creatinine clearance is about 40 mL/min.', patient)).toContain(
      'lab-threshold',
    );
  });
  it('the right one, or one from an adjusted weight, is not', () => {
    expect(bad('His Cockcroft–Gault creatinine clearance is about 28 mL/min.', patient)).toEqual([]);
    expect(
      bad(
        'Using adjusted body weight, his Cockcroft–Gault creatinine clearance is about 40 mL/min.',
        patient,
      ),
    ).toEqual([]);
  });
});
