/**
 * Blood-pressure, KDIGO and number-form classes found by the eighth and ninth independent answer sets
 * (corpus/tuning-independent-8.txt and -9, ex held-out 10 and 11). Each class is tested with fresh sentences (not
 * corpus items): a planted error caught AND a correct near miss not flagged (issue 18).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const bad = (answer: string) =>
  verifyClaims({ answer, passages: [] })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('KDIGO categories (REFERENCE §4.3 [V2]: G2 60–89, G3a 45–59, G3b 30–44, G4 15–29; A3 >30 mg/mmol)', () => {
  it('a CKD stage in words ("慢性肾脏病3b期", "CKD stage 4") refers back to the eGFR of the sentence before', () => {
    expect(bad('化验单上的 eGFR 是 48 mL/min/1.73㎡。按 KDIGO 分期，这属于慢性肾脏病3b期。')).toEqual([
      'lab-threshold',
    ]);
    expect(bad('化验单上的 eGFR 是 48 mL/min/1.73㎡。按 KDIGO 分期，这属于慢性肾脏病3a期。')).toEqual([]);
    expect(bad('Her eGFR is 26. That puts her in CKD stage 3b.')).toEqual(['lab-threshold']);
    expect(bad('Her eGFR is 26. That puts her in CKD stage 4.')).toEqual([]);
  });
  it('an eGFR reached "works out to about" / "came back at" is the value a category refers back to', () => {
    expect(
      bad('From his creatinine, the eGFR works out to about 64 mL/min/1.73 m². That is in the G3a band.'),
    ).toEqual(['lab-threshold']);
    expect(
      bad('From his creatinine, the eGFR works out to about 64 mL/min/1.73 m². That is in the G2 band.'),
    ).toEqual([]);
    expect(bad('Your eGFR came back at roughly 33. This is G4.')).toEqual(['lab-threshold']);
    expect(bad('Your eGFR came back at roughly 33. This is G3b.')).toEqual([]);
  });
  it('a band in brackets after the category explains it; the value stated before is still classified', () => {
    expect(bad('估算 eGFR 约 27，按 KDIGO 属 G3b（30–44），按 G3b 管理即可。')).toEqual(['lab-threshold']);
    expect(bad('估算 eGFR 约 27，按 KDIGO 属 G4（15–29），需转诊肾内科。')).toEqual([]);
    expect(bad('Estimated GFR about 57, i.e. KDIGO G2 (60–89).')).toEqual(['lab-threshold']);
    expect(bad('Estimated GFR about 57, i.e. KDIGO G3a (45–59).')).toEqual([]);
  });
  it('digits of a year ("ACC/AHA 2017", "CKD-EPI 2021") are never an eGFR value', () => {
    expect(bad('ACC/AHA 2017 对 CKD 3期以上的患者首选 ACEI。')).toEqual([]);
    expect(bad('CKD-EPI 2021 对 G3a 期的分界没有改变。')).toEqual([]);
    expect(bad('Under ACC/AHA 2017, CKD stage 3 or worse calls for an ACE inhibitor first.')).toEqual([]);
  });
  it('"G3b starts below 45": the category begins just under the number (its upper edge)', () => {
    expect(bad('In KDIGO terms, G4 starts below 30 and G5 below 15.')).toEqual([]);
    expect(bad('In KDIGO terms, G3a starts below 60.')).toEqual([]);
    expect(bad('In KDIGO terms, G3b starts below 50.')).toEqual(['lab-threshold']);
    expect(bad('按 KDIGO，G2 从低于 90 开始。')).toEqual([]);
  });
  it('two albuminuria statements in one sentence are read clause by clause', () => {
    expect(
      bad('A urine ACR of 42 mg/mmol is moderately increased (A2), while A3 begins above 300 mg/mmol.'),
    ).toEqual(expect.arrayContaining(['lab-threshold']));
    expect(
      bad('A urine ACR of 22 mg/mmol is moderately increased (A2), while A3 begins above 30 mg/mmol.'),
    ).toEqual([]);
    expect(bad('尿 ACR 18 mg/g 属于 A1，而 A2 从 30 mg/g 开始。')).toEqual([]);
    expect(bad('尿 ACR 45 mg/g 属于 A1，而 A2 从 30 mg/g 开始。')).toEqual(['lab-threshold']);
  });
});

describe('blood-pressure frames (REFERENCE §1.1–§1.4 [V2], §2.1–§2.2 [V2], §1.4 China CPG 2022, §7.2 ESH initiation [V1])', () => {
  it('an upper bound that decides monotherapy vs two drugs is an initiation condition, not a category edge', () => {
    // ESH 2023 §7.2 [V1]: monotherapy for grade 1 low risk with BP <150/95 — not the grade 1 range (140–159/90–99).
    expect(
      bad(
        'Under ESH 2023 a single drug is enough to start with in low-risk grade 1 patients below 150/95 mmHg.',
      ),
    ).toEqual([]);
    expect(bad('ESH 2023 建议：1级低危、血压低于150/95 mmHg 的患者可以先用一种药。')).toEqual([]);
    expect(bad('ESH 2023 单药起始：1级低危且 <150/95 mmHg，其余多数两药联合。')).toEqual([]);
    // the category's own upper edge is still read
    expect(bad('ESH 2023：1级高血压为 <160/100 mmHg。')).toEqual([]);
    expect(bad('ESH 2023：1级高血压为 <150/95 mmHg。')).toEqual(['bp-threshold']);
  });
  it('"the 2022 Chinese Clinical Practice Guideline" is a guideline the guard does not carry', () => {
    expect(
      bad(
        'The 2022 Chinese Clinical Practice Guideline on hypertension lowered the diagnostic threshold to 130/80 mmHg.',
      ),
    ).toEqual([]);
    expect(bad('China CPG 2022 diagnoses hypertension from 130/80 mmHg upwards.')).toEqual([]);
    expect(bad('China 2018 diagnoses hypertension from 130/80 mmHg upwards.')).toEqual(['bp-threshold']);
  });
  it('an adverb before the category word ("is still normal") keeps the category of that reading', () => {
    // ESH 2023 §1.2 [V2]: normal 120–129 and/or 80–84, high-normal 130–139 and/or 85–89.
    expect(bad('Under ESH 2023, 132/82 is high-normal, while 126/82 is still normal.')).toEqual([]);
    expect(bad('Under ESH 2023, 132/82 is high-normal, while 136/82 is still normal.')).toEqual([
      'bp-threshold',
    ]);
    expect(bad('Under ESH 2023, 118/76 is optimal, and 124/82 is also normal.')).toEqual([]);
  });
  it('"取较低者/诊断为" after per-pressure grades gives the whole reading its category (the higher grade applies)', () => {
    // China 2018 §1.3 [V2]: 收缩压和舒张压分属不同级别时，以较高的分级为准.
    expect(
      bad('诊室血压 166/94 mmHg，按中国2018指南收缩压属2级，舒张压属1级，取较低者，诊断为1级高血压。'),
    ).toEqual(['bp-threshold']);
    expect(
      bad('诊室血压 166/94 mmHg，按中国2018指南收缩压属2级，舒张压属1级，取较高者，诊断为2级高血压。'),
    ).toEqual([]);
  });
  it('"才算高" / "就算高" name the diagnostic threshold in plain words; "不算高" denies it', () => {
    // ACC/AHA 2017 §2.1 [V2]: 24-h ≥125/75; ESH 2023 §2.2 [V2]: home ≥135/85.
    expect(bad('按 ACC/AHA 2017 指南，24小时动态血压平均值 ≥130/80 才算高。')).toEqual(['bp-threshold']);
    expect(bad('按 ACC/AHA 2017 指南，24小时动态血压平均值 ≥125/75 就算高。')).toEqual([]);
    expect(bad('按 ESH 2023，家庭血压平均 ≥135/85 才算高。')).toEqual([]);
  });
  it('an out-of-office value that "corresponds to office stage 1" is that setting\'s hypertension threshold', () => {
    // ACC/AHA 2017 Table 11 (§2.1 [V2]): office 130/80 ↔ home and daytime 130/80, 24-h 125/75, night 110/65.
    expect(
      bad('Under ACC/AHA 2017, a home mean of 135/85 mmHg or more corresponds to office stage 1.'),
    ).toEqual(['bp-threshold']);
    expect(
      bad('Under ACC/AHA 2017, a home mean of 130/80 mmHg or more corresponds to office stage 1.'),
    ).toEqual([]);
    expect(
      bad(
        'Under ACC/AHA 2017, a night-time mean of 110/65 mmHg or more is what corresponds to office stage 1 hypertension.',
      ),
    ).toEqual([]);
  });
});

describe('number forms: readings written in Chinese or English number words (REFERENCE §1.2–§1.3 [V2])', () => {
  it('a Chinese-numeral pair ("一百六十二/九十八", "一百四十比九十") is a reading', () => {
    // China 2018 §1.3: grade 1 140–159/90–99, grade 2 160–179/100–109, grade 3 ≥180/≥110.
    expect(bad('您量的是一百六十二/九十八，按中国2018指南属于1级高血压。')).toEqual(['bp-threshold']);
    expect(bad('您量的是一百五十二/九十四，按中国2018指南属于1级高血压。')).toEqual([]);
    expect(bad('血压一百四十比九十，按ESH 2023属于正常高值。')).toEqual(['bp-threshold']);
    expect(bad('血压一百三十五比八十六，按ESH 2023属于正常高值。')).toEqual([]);
  });
  it('an axis written in Chinese numerals ("收缩压一百八十二、舒张压一百零四")', () => {
    expect(bad('收缩压一百八十二、舒张压一百零四，按中国2018指南属于2级高血压。')).toEqual(['bp-threshold']);
    expect(bad('收缩压一百八十二、舒张压一百零四，按中国2018指南属于3级高血压。')).toEqual([]);
  });
  it('a reading read aloud in English words ("one sixty-two over ninety-eight")', () => {
    expect(
      bad('A reading of one sixty-two over ninety-eight is grade 1 hypertension under ESH 2023.'),
    ).toEqual(['bp-threshold']);
    expect(
      bad('A reading of one fifty-two over ninety-four is grade 1 hypertension under ESH 2023.'),
    ).toEqual([]);
    expect(bad('Under ESH 2023, a hundred and forty over ninety is already grade 1 hypertension.')).toEqual(
      [],
    );
    expect(bad('Under ESH 2023, a hundred and sixty over a hundred is grade 1 hypertension.')).toEqual([
      'bp-threshold',
    ]);
  });
  it('numbers in words that are not a pair of pressures are left alone', () => {
    expect(bad('氨氯地平每天一次，一次一片，一百片一瓶，按中国2018指南是常用的降压药。')).toEqual([]);
    expect(bad('Take one tablet a day; forty over ninety days is how long the pack lasts.')).toEqual([]);
  });
});

describe('out-of-office readings called normal (REFERENCE §2.1–§2.2 [V2]: home/daytime ≥135/85 ESH/China, ≥130/80 ACC/AHA; night ≥120/70, ≥110/65)', () => {
  it('"属于正常" / "是正常的" name the normal category in Chinese', () => {
    // High under every guideline: home 138/88; normal under every guideline: home 124/76.
    expect(bad('您一周的家庭血压平均是 138/88 mmHg，属于正常。')).toEqual(['bp-threshold']);
    expect(bad('您一周的家庭血压平均是 124/76 mmHg，属于正常。')).toEqual([]);
    expect(bad('您夜间的平均血压是 126/74 mmHg，这是正常的。')).toEqual(['bp-threshold']);
    expect(bad('您一周的家庭血压平均是 138/88 mmHg，不属于正常。')).toEqual([]);
  });
  it('a category for "both"/"都" refers back to every reading of the sentence before', () => {
    expect(
      bad(
        'Your clinic reading was 118/74 and your daytime ambulatory mean was 139/88. Both are in the normal range.',
      ),
    ).toEqual(['bp-threshold']);
    expect(
      bad(
        'Your clinic reading was 118/74 and your daytime ambulatory mean was 122/76. Both are in the normal range.',
      ),
    ).toEqual([]);
    expect(bad('家庭血压平均 137/87 mmHg，诊室血压 116/72 mmHg。这两个数都属于正常。')).toEqual([
      'bp-threshold',
    ]);
    expect(bad('家庭血压平均 121/77 mmHg，诊室血压 116/72 mmHg。这两个数都属于正常。')).toEqual([]);
  });
  it('reasoning about one pressure does not hide the category given to the reading before', () => {
    expect(
      bad(
        'Your home average this week was 133/88 mmHg. Since your systolic is under 135, your home readings are normal.',
      ),
    ).toEqual(['bp-threshold']);
    expect(
      bad(
        'Your home average this week was 122/76 mmHg. Since your systolic is under 125, your home readings are normal.',
      ),
    ).toEqual([]);
  });
});

describe('renal function computed in the answer (REFERENCE §4.1 CKD-EPI 2021 [V2], §4.2 Cockcroft–Gault)', () => {
  it('a CKD-EPI 2021 eGFR is recomputed from the stated sex, age and creatinine', () => {
    // female 72 y, Scr 1.3 mg/dL → 43.7; male 64 y, Scr 1.5 mg/dL → 51.7 (§4.1 equation).
    expect(bad('女，72 岁，肌酐 1.3 mg/dL：CKD-EPI 2021 估算 eGFR 约 44 mL/min/1.73 m²。')).toEqual([]);
    expect(bad('女，72 岁，肌酐 1.3 mg/dL：CKD-EPI 2021 估算 eGFR 约 58 mL/min/1.73 m²。')).toEqual([
      'lab-threshold',
    ]);
    expect(bad('Male, 64, creatinine 1.5 mg/dL: CKD-EPI 2021 puts his eGFR at about 52.')).toEqual([]);
    expect(bad('Male, 64, creatinine 1.5 mg/dL: CKD-EPI 2021 puts his eGFR at about 72.')).toEqual([
      'lab-threshold',
    ]);
  });
  it('with the sex unknown, a result that fits either sex is not contradicted', () => {
    // 72 y, Scr 1.3: female 43.7, male 58.4.
    expect(bad('72 岁，肌酐 1.3 mg/dL：CKD-EPI 2021 eGFR 约 58。')).toEqual([]);
    expect(bad('72 岁，肌酐 1.3 mg/dL：CKD-EPI 2021 eGFR 约 80。')).toEqual(['lab-threshold']);
  });
  it('a Cockcroft–Gault CrCl applies the 0.85 factor to women only', () => {
    // man 70 y, 80 kg, Scr 1.4 → 55.6; woman 81 y, 50 kg, Scr 1.1 → 31.7 (§4.2).
    expect(
      bad(
        'Man, 70 years old, 80 kg, creatinine 1.4 mg/dL: Cockcroft–Gault CrCl = (140−70)×80/(72×1.4) ≈ 55.6 mL/min.',
      ),
    ).toEqual([]);
    expect(
      bad(
        'Man, 70 years old, 80 kg, creatinine 1.4 mg/dL: Cockcroft–Gault CrCl = (140−70)×80/(72×1.4)×0.85 ≈ 47.2 mL/min.',
      ),
    ).toEqual(['lab-threshold']);
    expect(bad('女，81 岁，体重 50 kg，肌酐 1.1 mg/dL：Cockcroft–Gault 肌酐清除率 ≈ 31.6 mL/min。')).toEqual(
      [],
    );
    expect(bad('女，81 岁，体重 50 kg，肌酐 1.1 mg/dL：Cockcroft–Gault 肌酐清除率 ≈ 37.2 mL/min。')).toEqual([
      'lab-threshold',
    ]);
  });
  it('another equation (CKD-EPI 2009, MDRD) or a missing input is not recomputed', () => {
    expect(bad('Male, 64, creatinine 1.5 mg/dL: MDRD puts his eGFR at about 72.')).toEqual([]);
    expect(bad('Creatinine 1.5 mg/dL: CKD-EPI 2021 puts the eGFR at about 72.')).toEqual([]);
    expect(bad('男，70 岁，肌酐 1.4 mg/dL：Cockcroft–Gault 肌酐清除率 ≈ 47 mL/min。')).toEqual([]);
  });
});

describe('a reading restated one pressure at a time keeps its category (China 2018 §1.3 [V2]: the higher grade applies)', () => {
  it('"收缩压是176…；舒张压112…，所以归为2级" classifies the reading of the sentence before', () => {
    expect(
      bad(
        '您这次量的是176/112 mmHg。收缩压是176，还没到180；舒张压112，也只是刚过110，所以按中国2018指南归为2级高血压。',
      ),
    ).toEqual(['bp-threshold']);
    expect(
      bad(
        '您这次量的是176/112 mmHg。收缩压是176，还没到180；舒张压112，已经超过110，所以按中国2018指南归为3级高血压。',
      ),
    ).toEqual([]);
    expect(
      bad(
        'Your reading was 172/96 mmHg. The systolic of 172 is under 180, so overall this is grade 1 under ESH 2023.',
      ),
    ).toEqual(['bp-threshold']);
    expect(
      bad(
        'Your reading was 172/96 mmHg. The systolic of 172 is under 180, so overall this is grade 2 under ESH 2023.',
      ),
    ).toEqual([]);
  });
  it("a category for one pressure only is not the reading's", () => {
    expect(bad('您这次量的是176/112 mmHg。收缩压176属于2级。')).toEqual([]);
  });
});

describe('the definition of isolated systolic hypertension (REFERENCE §1.2, §1.3 [V2]: SBP ≥140 and DBP <90)', () => {
  it("is checked with the engine's ISH rule at readings around the stated values", () => {
    expect(bad('按中国2018指南，单纯收缩期高血压是指收缩压≥140 mmHg、舒张压≥90 mmHg。')).toEqual([
      'bp-threshold',
    ]);
    expect(bad('按中国2018指南，单纯收缩期高血压是指收缩压≥140 mmHg且舒张压<90 mmHg。')).toEqual([]);
    expect(
      bad('Under ESH 2023, isolated systolic hypertension means systolic ≥150 with diastolic <90 mmHg.'),
    ).toEqual(['bp-threshold']);
    expect(
      bad('Under ESH 2023, isolated systolic hypertension means systolic ≥140 with diastolic below 90 mmHg.'),
    ).toEqual([]);
  });
  it('a statement without both relations is not a definition', () => {
    expect(bad('Isolated systolic hypertension is common in older adults with a systolic of 150.')).toEqual(
      [],
    );
  });
});
