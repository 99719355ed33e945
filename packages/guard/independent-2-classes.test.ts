/**
 * Classes of false flags found by the second independent answer set (corpus/tuning-independent-2.txt, ex held-out
 * 4), each with fresh sentences (not corpus items): the guard contradicts only when it is sure (issue 18).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const bad = (answer: string) =>
  verifyClaims({ answer, passages: [] })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('false-flag classes (independent set 2)', () => {
  it('a sentence after a number ending in "." before a capital is its own sentence', () => {
    expect(
      bad(
        'Her 24-hour mean is 126/76 under ACC/AHA 2017, above its 125/75. It is below the ESH 2023 24-hour threshold of 130/80.',
      ),
    ).toEqual([]);
  });
  it('"generally" is not the general population; "the patient is 83" is an age', () => {
    expect(
      bad('We use ESH 2023 for this 75-year-old. Aim generally for office pressure under 140/80 mmHg.'),
    ).toEqual([]);
    expect(
      bad('The patient is 83. Under ESH 2023 the systolic target below 150 mmHg is generally fine.'),
    ).toEqual([]);
  });
  it('albuminuria categories are not eGFR values', () => {
    expect(bad('An eGFR of 100 mL/min/1.73 m² with ACR 10 mg/g is G1 A1.')).toEqual([]);
  });
  it('a reading of a treated patient is not classified as untreated', () => {
    expect(bad('A man taking losartan with office BP 124/76 mmHg is still hypertensive.')).toEqual([]);
    expect(bad('正在服用降压药、血压126/80 mmHg的患者仍属于高血压。')).toEqual([]);
  });
  it('a denied licence ("并不表示…可以联用") is not a safety claim', () => {
    expect(bad('说明这些药物类别并不表示ARB和ACEI可以一起使用。')).toEqual([]);
  });
  it('values attributed away from a guideline are not checked against it', () => {
    expect(bad('130/80 mmHg的诊断标准来自其他指南，而不是中国2018指南。')).toEqual([]);
  });
  it('"N mg of <drug>" and "With <drug> the cap" do not give the amount to the co-medication', () => {
    expect(
      bad(
        'On verapamil, do not exceed 10 mg of simvastatin per day. With amlodipine the cap is 20 mg daily.',
      ),
    ).toEqual([]);
  });
  it('a low start for severe renal impairment or dialysis is a renal adjustment; at milder levels still checked', () => {
    expect(bad('Below 10 mL/min or on dialysis, start lisinopril at 2.5 mg.')).toEqual([]);
    expect(bad('With a creatinine clearance of 50 mL/min, start lisinopril at 2.5 mg daily.')).toContain(
      'dose',
    );
  });
});

describe('miss classes (independent set 2)', () => {
  it('a guideline named as defining a stage/grade it does not have is a wrong attribution', () => {
    expect(bad('The ESH 2023 guideline classifies stage 2 hypertension as 140–159/90–99 mmHg.')).toContain(
      'bp-threshold',
    );
    expect(bad('ACC/AHA 2017 defines grade 2 hypertension as 160–179/100–109 mmHg.')).toContain(
      'bp-threshold',
    );
    // near miss: a China grade named next to ACC/AHA without saying ACC/AHA defines it stays unchecked
    expect(bad('Grade 2 hypertension is 160–179/100–109 mmHg; ACC/AHA 2017 calls this stage 2.')).toEqual([]);
  });
  it('"不会被视为高血压" / "is not considered hypertension" denies the category', () => {
    expect(bad('按ESH 2023，家庭血压均值140/88 mmHg不会被视为高血压。')).toContain('bp-threshold');
    expect(bad('按ESH 2023，家庭血压均值128/78 mmHg不会被视为高血压。')).toEqual([]);
  });
  it('a "because" clause is checked as a statement of its own under the guideline named before it', () => {
    expect(
      bad('Under ESH 2023 a daytime mean of 131/82 is fine, because the daytime threshold is 145/95 mmHg.'),
    ).toContain('bp-threshold');
    expect(
      bad('Under ESH 2023 a daytime mean of 131/82 is fine, because the daytime threshold is 135/85 mmHg.'),
    ).toEqual([]);
  });
  it('"can be routinely combined", "is recommended" and "gives extra protection" call a combination safe', () => {
    expect(bad('Verapamil can be routinely combined with atenolol.')).toContain('interaction');
    expect(bad('Adding valsartan to lisinopril gives extra heart protection.')).toContain('interaction');
    // near miss: a safe pair stays unflagged
    expect(bad('Amlodipine can be routinely combined with losartan.')).toEqual([]);
  });
  it('"a patient on X and Y" names current medicines for a combination', () => {
    expect(
      bad('Ibuprofen is a reasonable choice for back pain in a patient on ramipril and hydrochlorothiazide.'),
    ).toContain('interaction');
  });
  it('the setting compared with ("与诊室血压相同/不同", "same as the office") is not the subject of the threshold', () => {
    expect(bad('按ESH 2023，家庭血压的高血压标准和诊室一样，都是≥140/90 mmHg。')).toContain('bp-threshold');
    expect(bad('按ESH 2023，家庭血压的高血压标准和诊室不同，是≥135/85 mmHg。')).toEqual([]);
  });
  it('"可以用到每日 N mg" states a maximum, checked against the cap with the co-medication', () => {
    expect(bad('服用地尔硫䓬的患者，辛伐他汀可以用到每日40 mg。')).toContain('dose');
    expect(bad('服用氨氯地平的患者，辛伐他汀可以用到每日20 mg。')).toEqual([]);
  });
  it('recommending doses above the maximum daily dose is contradicted; warning against them is not', () => {
    expect(bad('For stubborn hypertension, amlodipine doses over 10 mg a day are recommended.')).toContain(
      'dose',
    );
    expect(bad('Amlodipine doses over 10 mg a day are not recommended.')).toEqual([]);
  });
  it('a systolic range alone stated as a grade/stage range is checked on the systolic axis', () => {
    expect(bad('按ESH 2023，收缩压150–169 mmHg属于2级高血压。')).toContain('bp-threshold');
    expect(bad('按ESH 2023，收缩压160–179 mmHg属于2级高血压。')).toEqual([]);
  });
});
