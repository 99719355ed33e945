/**
 * Round 3 on the independent tuning sets (issue 18): generic mechanisms, each tested with fresh sentences (not
 * corpus items) — a planted error caught and a correct answer left unflagged:
 * - "percent"/"per cent" read as "%" in every extractor (an ejection fraction of 35 percent is HFrEF);
 * - "≥A and/or ≥B" read as the pair "≥A/B" (a grade or stage stated with its two bounds);
 * - an amount right before a drug name ("the 20 mg simvastatin ceiling") is that drug's, never the drug before;
 * - a sentence naming only a class ("…或者联合利尿剂") still carries the drug of the sentence before to its amounts;
 * - "服药中" / "在服药" is a treated patient (office + home control matrix);
 * - "within the (permitted) limit" / "在允许范围内" is a safe claim about the drugs of the sentence;
 * - a systolic target range ("a systolic of 140–149") is checked by its upper end against verified targets only.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { GuardPassage, PatientContext } from './types.ts';

const PASSAGES: GuardPassage[] = [
  {
    id: 'r-cap',
    title: 'Simvastatin caps',
    text: 'With amlodipine, simvastatin should not exceed 20 mg daily; with verapamil or diltiazem, 10 mg daily.',
  },
];
const bad = (answer: string, patient?: PatientContext) =>
  verifyClaims({ answer, passages: PASSAGES, ...(patient ? { patient } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('"percent" is read as "%" (LVEF <40 % is HFrEF, drug-knowledge non-DHP CCB contraindication)', () => {
  it('a non-DHP CCB called fine at an ejection fraction of 35 percent is caught; avoiding it is not flagged', () => {
    expect(
      bad('Verapamil is fine for a man with heart failure and an ejection fraction of 35 percent.'),
    ).toContain('drug-condition');
    expect(
      bad('Verapamil should be avoided in heart failure with an ejection fraction of 35 per cent.'),
    ).toEqual([]);
  });
});

describe('"≥A and/or ≥B" is one bound pair (REFERENCE §1.1–§1.3 categories)', () => {
  it('a grade credited to ACC/AHA 2017 (which has stages) is caught; the Chinese grade is not flagged', () => {
    expect(bad('ACC/AHA 2017 defines grade 2 hypertension as ≥160 and/or ≥100 mmHg.')).toContain(
      'bp-threshold',
    );
    expect(bad('ACC/AHA 2017将3级高血压定义为≥180和/或≥110 mmHg。')).toContain('bp-threshold');
    expect(bad('China 2018 defines grade 2 hypertension as ≥160 and/or ≥100 mmHg.')).toEqual([]);
    expect(bad('中国2018指南将3级高血压定义为≥180和/或≥110 mmHg。')).toEqual([]);
  });
});

describe('an amount right before a drug name is that drug’s (REFERENCE §5.1 maxima, §6 caps)', () => {
  it('"the 20 mg simvastatin ceiling" is not a 20 mg amlodipine dose', () => {
    expect(
      bad(
        'Audit: amlodipine 5 mg with simvastatin 40 mg goes over the 20 mg simvastatin ceiling for patients on amlodipine.',
      ),
    ).not.toContain('dose');
  });
  it('the doses of a prescription said to exceed a cap are the patient’s, not numbers credited to the cited passage', () => {
    expect(
      bad(
        'Audit: amlodipine 5 mg with simvastatin 40 mg exceeds the 20 mg simvastatin ceiling when combined with amlodipine [r-cap].',
      ),
    ).toEqual([]);
    // The passage's own cap misquoted stays caught.
    expect(bad('With amlodipine, simvastatin may be given up to 40 mg daily [r-cap].')).toContain('citation');
  });
});

describe('a sentence that names only a class still carries the drug before to its amounts (REFERENCE §5.1)', () => {
  it('"最多可用到每天640毫克，也可以联合利尿剂" is valsartan 640 mg (maximum 320 mg)', () => {
    expect(
      bad('缬沙坦起始每天80毫克。血压不达标时可以加到160毫克，最多可用到每天640毫克，也可以联合利尿剂。'),
    ).toContain('dose');
    expect(
      bad('缬沙坦起始每天80毫克。血压不达标时可以加到160毫克，最多可用到每天320毫克，也可以联合利尿剂。'),
    ).toEqual([]);
  });
});

describe('"服药中" is a treated patient (REFERENCE §2.5 treated white-coat / masked matrix)', () => {
  it('office high, home normal on treatment called uncontrolled is caught; a white-coat effect is not flagged', () => {
    expect(
      bad('目前服药中，诊室152/92 mmHg，家庭自测平均126/76 mmHg。诊室和家庭都偏高，属于未控制高血压。'),
    ).toContain('bp-threshold');
    expect(
      bad('目前服药中，诊室152/92 mmHg，家庭自测平均126/76 mmHg。这属于白大衣效应，家里的血压控制得不错。'),
    ).toEqual([]);
    // "未服药" is no treatment: the treated matrix is not applied.
    expect(
      bad('目前未服药，诊室152/92 mmHg，家庭自测平均126/76 mmHg。诊室和家庭都偏高，属于未控制高血压。'),
    ).not.toContain('bp-threshold');
  });
});

describe('"within the permitted limit" is a safe claim about the drugs of its sentence (REFERENCE §6 caps)', () => {
  it('simvastatin 40 mg with diltiazem "within the limit" is caught; 10 mg is not flagged', () => {
    expect(bad('Simvastatin 40 mg daily alongside diltiazem is within the permitted limit.')).toContain(
      'interaction',
    );
    expect(bad('辛伐他汀每日40毫克与地尔硫䓬同服在允许范围内。')).toContain('interaction');
    expect(bad('Simvastatin 10 mg daily alongside diltiazem is within the permitted limit.')).toEqual([]);
  });
});

describe('a systolic target range is checked by its upper end (REFERENCE §7.1 ACC/AHA ≥65 SBP <130)', () => {
  it('ACC/AHA 2017 "a systolic of 140–149" at 78 is caught; 120–129 and the unverified ESH ≥80 refinement are not', () => {
    expect(bad('For a woman of 78, ACC/AHA 2017 recommends a systolic of 140–149 mmHg.')).toContain(
      'bp-target',
    );
    expect(bad('按ACC/AHA 2017指南，76岁患者的收缩压目标是140–149 mmHg。')).toContain('bp-target');
    expect(bad('For a man of 72, ACC/AHA 2017 recommends a systolic target of 120–129 mmHg.')).toEqual([]);
    // ESH 2023 ≥80: only "<150 systolic" is verified (REFERENCE §7.2), so a lower band is never contradicted.
    expect(
      bad('ESH 2023 recommends a systolic target of 120–129 mmHg for patients aged 80 and over.'),
    ).toEqual([]);
    expect(bad('ESH 2023建议80岁及以上老人收缩压控制在130–139 mmHg（能耐受时）。')).toEqual([]);
  });
});
