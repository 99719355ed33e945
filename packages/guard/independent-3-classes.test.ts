/**
 * Classes of misses and false flags found by the third independent answer set (corpus/tuning-independent-3.txt,
 * ex held-out 5), each with fresh sentences (not corpus items) and a near miss: the guard contradicts only a claim
 * parsed with certainty; anything partial is unverifiable (issue 18).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import { langOf } from './i18n.ts';

const bad = (answer: string, patient?: Parameters<typeof verifyClaims>[0]['patient']) =>
  verifyClaims({ answer, passages: [], ...(patient ? { patient } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('answer language (independent set 3)', () => {
  it('an English answer quoting a Chinese term stays English; a Chinese answer with drug abbreviations stays Chinese', () => {
    expect(
      langOf('Under the Chinese 2018 guideline, 128/84 mmHg is "high-normal" (正常高值), not hypertension.'),
    ).toBe('en');
    expect(langOf('ACEI与ARB不宜联用，eGFR下降时需要监测血钾。')).toBe('zh');
  });
});

const cited = (answer: string, passage: { id: string; title: string; text: string }) =>
  verifyClaims({ answer, passages: [passage] })
    .filter((c) => c.kind === 'citation')
    .map((c) => c.verdict);

const TARGETS = {
  id: 'p1',
  title: 'ESH 2023 targets',
  text: 'ESH 2023: most patients should be treated to below 140/80 mmHg, and to 120–129 mmHg systolic if tolerated.',
};
const DOSING = {
  id: 'p2',
  title: 'Lisinopril dosing',
  text: 'Lisinopril starts at 10 mg once daily (5 mg in older patients); the maximum is 80 mg a day.',
};

describe('citations (independent set 3)', () => {
  it('a pair or a range is one value; qualifiers after a value stop at the next value', () => {
    expect(cited('ESH 2023 treats most patients to below 140/80 mmHg [p1].', TARGETS)).toEqual(['supported']);
    expect(cited('With ESH 2023, aim for 120–129 mmHg systolic if tolerated [p1].', TARGETS)).toEqual([
      'supported',
    ]);
    expect(
      cited('Lisinopril: start at 10 mg (5 mg in older patients), at most 80 mg a day [p2].', DOSING),
    ).toEqual(['supported']);
    // near miss: a different pair for the same qualifiers is still contradicted
    expect(cited('With ESH 2023, aim for 130–139 mmHg systolic if tolerated [p1].', TARGETS)).toEqual([
      'contradicted',
    ]);
  });
  it('a passage from another guideline, or without any blood pressure, cited for a blood-pressure value', () => {
    expect(cited('ACC/AHA 2017 treats most adults to below 130/80 mmHg [p1].', TARGETS)).toEqual([
      'contradicted',
    ]);
    expect(cited('Home hypertension starts at a mean of 135/85 mmHg [p2].', DOSING)).toEqual([
      'contradicted',
    ]);
    // near misses: no guideline named; a dosing sentence citing the dosing passage
    expect(cited('Most patients are treated to below 140/80 mmHg [p1].', TARGETS)).toEqual(['supported']);
    expect(cited('Lisinopril can be given at 20 mg once daily [p2].', DOSING)).toEqual(['unverifiable']);
  });
});

describe('doses (independent set 3)', () => {
  it('an amount after a co-medication belongs to the subject drug, with the co-medications of its own clause', () => {
    expect(
      bad('Cap simvastatin at 10 mg/day in patients taking diltiazem, and at 20 mg/day with amlodipine.'),
    ).toEqual([]);
    expect(bad('辛伐他汀每日最多 40 mg。与地尔硫䓬或维拉帕米合用时上限更低，为每日 10 mg。')).toEqual([]);
    // near misses: the cap with the co-medication is exceeded
    expect(
      bad('Cap simvastatin at 10 mg/day in patients taking diltiazem, and at 40 mg/day with amlodipine.'),
    ).toEqual(['dose']);
    expect(bad('辛伐他汀每日最多 40 mg。与地尔硫䓬或维拉帕米合用时上限为每日 20 mg。')).toEqual(['dose']);
  });
  it('"每日总量" / "a total of" is a daily amount', () => {
    expect(bad('美托洛尔最大 100 mg 每日两次，即每日总量 200 mg。')).toEqual([]);
    // near miss: a single dose above the single maximum is still wrong
    expect(bad('卡维地洛最大单次剂量为 50 mg，每日两次。')).toEqual(['dose']);
  });
});

describe('blood-pressure readings and guidelines (independent set 3)', () => {
  it('a treated patient "on two drugs" / "still has hypertension" is not a classified reading', () => {
    expect(bad('A man whose BP is now 126/78 on three drugs still has hypertension under ESH 2023.')).toEqual(
      [],
    );
    expect(bad('按中国2018指南，血压已降到 130/80 mmHg 的患者仍然诊断为高血压。')).toEqual([]);
    // near miss: an untreated reading stated as hypertension is still classified
    expect(bad('Under ESH 2023, an office BP of 126/78 mmHg is hypertension.')).toEqual(['bp-threshold']);
  });
  it('a current reading "controlled at" is not a target', () => {
    expect(bad('您现在用药后血压控制在 126/76 mmHg，很好。按中国2018指南继续随访。')).toEqual([]);
    // near miss: a stated target is still checked
    expect(bad('按中国2018指南，一般高血压患者的血压应控制在 120/70 mmHg 以下。')).toEqual(['bp-target']);
  });
  it('values in the clause of a guideline the guard does not carry are not checked against a carried one', () => {
    expect(
      bad(
        '把诊断标准降到 130/80 mmHg 的是2022年的《中国高血压临床实践指南》，而中国2018指南的诊断标准是 ≥140/90 mmHg。',
      ),
    ).toEqual([]);
    // near miss: the carried guideline's own clause is still checked
    expect(
      bad(
        '把诊断标准降到 130/80 mmHg 的是2022年的《中国高血压临床实践指南》，而中国2018指南的诊断标准是 ≥150/90 mmHg。',
      ),
    ).toEqual(['bp-threshold']);
  });
});

describe('category wording variants (independent set 3)', () => {
  it('a systolic range with "diastolic below N" is the category range; a systolic "or higher" is its threshold', () => {
    expect(bad('ACC/AHA 2017 defines elevated BP as systolic 120–129 with diastolic below 80 mmHg.')).toEqual(
      [],
    );
    expect(bad('ACC/AHA 2017 defines elevated BP as systolic 120–135 with diastolic below 80 mmHg.')).toEqual(
      ['bp-threshold'],
    );
    expect(bad('Under ESH 2023, grade 3 starts at a systolic pressure of 180 mmHg or higher.')).toEqual([]);
    expect(bad('Under ESH 2023, grade 3 starts at a systolic pressure of 190 mmHg or higher.')).toEqual([
      'bp-threshold',
    ]);
    // near miss: a single systolic reading is not classified
    expect(bad('Under ESH 2023, a systolic pressure of 190 mmHg is grade 1.')).toEqual([]);
  });
  it('"cut-off" and "abnormal" name the out-of-office hypertension threshold', () => {
    expect(bad('Under ESH 2023 the home cut-off is a mean of 135/85 mmHg.')).toEqual([]);
    expect(bad('Under ESH 2023 the home cut-off is a mean of 140/90 mmHg, as in the office.')).toEqual([
      'bp-threshold',
    ]);
    expect(bad('ESH 2023 calls a night-time mean abnormal at 120/70 mmHg or above.')).toEqual([]);
    expect(bad('ESH 2023 calls a night-time mean abnormal at 130/80 mmHg or above.')).toEqual([
      'bp-threshold',
    ]);
    // near miss: a reading called abnormal is not classified
    expect(bad('Under ESH 2023 a night-time mean of 118/68 mmHg is not abnormal.')).toEqual([]);
  });
});

describe('office ↔ out-of-office correspondence (independent set 3)', () => {
  it('an out-of-office value said to correspond to an office value on a row of ACC/AHA 2017 Table 11', () => {
    expect(
      bad('Under ACC/AHA 2017, a home mean of 145/90 corresponds to an office BP of 160/100 mmHg.'),
    ).toEqual([]);
    expect(bad('按ACC/AHA 2017，与诊室 160/100 mmHg 对应的家庭血压是 160/100 mmHg。')).toEqual([
      'bp-threshold',
    ]);
    // near misses: between rows the table is interpolated; another guideline's table is not ACC/AHA's
    expect(
      bad('Under ACC/AHA 2017, a home mean of 150/95 corresponds to an office BP of 170/105 mmHg.'),
    ).toEqual([]);
    expect(bad('Under ESH 2023, a home mean of 150/95 corresponds to an office BP of 160/100 mmHg.')).toEqual(
      [],
    );
  });
});

describe('renal starting doses through the drug knowledge base (independent set 3)', () => {
  it("a start above the renal starting dose at the patient's renal function is contradicted", () => {
    // "无需调整" / "needs no renal adjustment" is a renal statement of its own (drug-condition) too.
    expect(
      bad('肌酐清除率 18 mL/min 的患者，贝那普利起始剂量仍为 10 mg，无需调整。', { crcl: 18 }),
    ).toContain('dose');
    expect(
      bad('With an eGFR of 22, lisinopril needs no renal adjustment. Start at 10 mg daily.', { egfr: 22 }),
    ).toEqual(['drug-condition', 'dose']);
    expect(bad('At a CrCl of 25 mL/min, start nebivolol at 2.5 mg once daily.', { crcl: 25 })).toEqual([]);
  });
  it('near misses: the usual start stated as general information, or a start for normal renal function', () => {
    expect(
      bad('Nebivolol starts at 2.5 mg below CrCl 30; the usual starting dose is 5 mg daily.', { crcl: 25 }),
    ).toEqual([]);
    expect(bad('In normal renal function, lisinopril is started at 10 mg daily.', { egfr: 22 })).toEqual([]);
  });
});

describe('maxima and dose-gated combinations (independent set 3)', () => {
  it('"should not exceed N mg per day" states the maximum; a starting step does not', () => {
    expect(bad('Valsartan should not exceed 80 mg per day.')).toEqual(['dose']);
    expect(bad('Valsartan should not exceed 320 mg per day.')).toEqual([]);
    // near miss: a starting dose "not exceeding" N is a step, not the maximum
    expect(bad('Start valsartan at a dose that should not exceed 80 mg per day.')).toEqual([]);
  });
  it('"is fine alongside" is a combination claim, checked with the dose', () => {
    expect(bad('Simvastatin 40 mg is fine alongside amlodipine.')).toEqual(['interaction']);
    // near miss: within the cap with the co-medication
    expect(bad('Simvastatin 20 mg is fine alongside amlodipine.')).toEqual([]);
  });
});

describe('hepatic impairment through the drug knowledge base (independent set 3)', () => {
  it('a drug said usable at a level of hepatic impairment where it is contraindicated', () => {
    expect(bad('Nebivolol can be used normally in Child-Pugh C liver disease.')).toEqual(['drug-condition']);
    expect(bad('重度肝功能不全的患者禁用奈必洛尔。')).toEqual([]);
    // near misses: a lower level than the fact's; a drug without a hepatic fact
    expect(bad('Nebivolol can be used in mild hepatic impairment.')).toEqual([]);
    expect(bad('Losartan can be used in severe hepatic impairment.')).toEqual([]);
  });
});

describe('precision of the new classes (independent set 3)', () => {
  it('a sentence sharing a drug with a dosing passage is not off-topic for its blood-pressure figure', () => {
    expect(
      cited('Lisinopril 10 mg once daily lowers office BP by about 10 mmHg [p2].', DOSING),
    ).not.toContain('contradicted');
  });
  it('a co-medication\'s own amount after "at" or a comma stays its own', () => {
    expect(bad('Start losartan 50 mg along with hydrochlorothiazide at 12.5 mg daily.')).toEqual([]);
  });
});

describe('a diagnostic threshold cited to a targets passage (independent set 3)', () => {
  const GOALS = {
    id: 'p3',
    title: 'Targets',
    text: 'Most patients are treated to below 140/90 mmHg, and to below 130/80 mmHg if tolerated.',
  };
  it('is contradicted; a target cited to it is not', () => {
    expect(cited('Night-time hypertension is defined as ≥120/70 mmHg [p3].', GOALS)).toEqual([
      'contradicted',
    ]);
    expect(cited('Most patients are treated to below 140/90 mmHg [p3].', GOALS)).toEqual(['supported']);
  });
});
