/**
 * Round 6 (issue 18), claim frames from tuning set 15, with fresh sentences (not corpus items), both directions,
 * zh and en:
 * - a harm denied with a copula ("并不属于禁忌", "不是禁忌") is a safe statement;
 * - a maximum word right after the amount ("没超过 20 mg 的上限", "under the 20 mg cap") states a maximum, so a
 *   combination cap is checked;
 * - "started … after stopping X" is a switch with its interval;
 * - categories credited to a guideline without values ("come from", "出自") are checked against its own categories;
 * - the patient's eGFR and ACR beside their codes do not hide a KDIGO heat-map statement;
 * - the chronicity of a CKD definition (REFERENCE §4.3: more than 3 months);
 * - an item of a list of thresholds continued over ';' ("24-hour ABPM: ≥135/85") is a threshold.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { PatientContext } from './types.ts';

const bad = (answer: string, patient?: PatientContext) =>
  verifyClaims({ answer, passages: [], ...(patient ? { patient } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('a harm denied with a copula', () => {
  it('"并不属于禁忌" for a contraindicated use is contradicted', () => {
    expect(bad('妊娠期使用ACEI并不属于禁忌。')).toContain('drug-condition');
    expect(bad('In pregnancy, losartan is not a contraindication.')).toContain('drug-condition');
  });
  it('a denied harm where there is none is not', () => {
    expect(bad('妊娠期使用拉贝洛尔并不属于禁忌。')).toEqual([]);
  });
});

describe('a maximum word right after the amount', () => {
  const patient = { drugs: ['verapamil', 'simvastatin'] };
  it('a cap above the combination’s is contradicted', () => {
    expect(bad('维拉帕米加辛伐他汀 20 mg：在 20 mg 的上限以内，可以。', patient)).not.toEqual([]);
    expect(bad('Simvastatin 20 mg with verapamil stays under the 20 mg cap.', patient)).not.toEqual([]);
  });
  it('the combination’s own cap is not', () => {
    expect(bad('维拉帕米加辛伐他汀 10 mg：在 10 mg 的上限以内，可以。', patient)).toEqual([]);
  });
});

describe('"started … after stopping X" (REFERENCE §6 row 14: 36 hours)', () => {
  it('a short interval is contradicted', () => {
    expect(bad('Entresto may be started a day after discontinuing enalapril.')).toContain('interaction');
  });
  it('36 hours is not', () => {
    expect(bad('Entresto may be started 36 hours after discontinuing enalapril.')).toEqual([]);
  });
});

describe('categories credited to a guideline without values (REFERENCE §1.1–§1.4)', () => {
  it('a category the guideline lacks is contradicted', () => {
    expect(bad('“理想血压”这一分类来自ACC/AHA 2017。')).toContain('bp-threshold');
    expect(bad('The "elevated" and "stage 1" categories come from the ESH 2023 guideline.')).toContain(
      'bp-threshold',
    );
  });
  it('its own categories, or a denied attribution, are not', () => {
    expect(bad('“理想血压”这一分类来自ESH 2023。')).toEqual([]);
    expect(bad('The "elevated" category does not come from the ESH 2023 guideline.')).toEqual([]);
  });
});

describe('a KDIGO heat-map risk with the values beside their codes', () => {
  it('the wrong risk is contradicted', () => {
    expect(
      bad('eGFR 38 (G3b) with ACR 12 mg/g (A1) sits in the low-risk cell of the KDIGO heat map.'),
    ).toContain('lab-threshold');
  });
  it('the right one is not', () => {
    expect(
      bad('eGFR 38 (G3b) with ACR 12 mg/g (A1) sits in the high-risk cell of the KDIGO heat map.'),
    ).toEqual([]);
  });
});

describe('the chronicity in a CKD definition (REFERENCE §4.3: >3 months)', () => {
  it('another duration is contradicted', () => {
    expect(bad('按KDIGO标准，诊断慢性肾脏病需要肾功能下降持续超过2周。')).toContain('lab-threshold');
    expect(
      bad('The KDIGO definition of CKD requires albuminuria present for at least six months.'),
    ).toContain('lab-threshold');
  });
  it('three months, or a follow-up interval, is not', () => {
    expect(bad('按KDIGO标准，诊断慢性肾脏病需要肾功能下降持续超过3个月。')).toEqual([]);
    expect(bad('Check the eGFR again in two weeks.')).toEqual([]);
  });
});

describe('a list of thresholds continued over ";"', () => {
  it('a wrong item is contradicted', () => {
    expect(bad('China 2018 ambulatory thresholds: daytime: ≥135/85; night-time: ≥125/75.')).toContain(
      'bp-threshold',
    );
  });
  it('right items are not', () => {
    expect(bad('China 2018 ambulatory thresholds: daytime: ≥135/85; night-time: ≥120/70.')).toEqual([]);
  });
});

describe('near misses of the round-6 frames', () => {
  it('another value raised, another threshold, or categories of another guideline’s stretch are not read', () => {
    expect(bad('按中国2018指南，家庭血压平均 131/83 mmHg，血钾已经升高。')).toEqual([]);
    expect(bad('Under ESH 2023 her daytime mean is 128/79 mmHg, but her creatinine is elevated.')).toEqual(
      [],
    );
    expect(
      bad('His home average was 137/86 mmHg. Under ESH 2023 that is below the drug-treatment threshold.'),
    ).toEqual([]);
    expect(bad('The label "elevated" is from ACC/AHA 2017, whereas ESH uses "high-normal".')).toEqual([]);
  });
});
