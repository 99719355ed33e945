/**
 * Blood-pressure, KDIGO and attribution classes found by the sixth and seventh independent answer sets
 * (corpus/tuning-independent-6.txt and -7, ex held-out 8 and 9). Each class is tested with fresh sentences (not corpus
 * items): a planted error caught AND a correct near miss not flagged (issue 18).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const bad = (answer: string) =>
  verifyClaims({ answer, passages: [] })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('targets in copilot shorthand and staged targets (independent sets 6 and 7)', () => {
  it('the age in shorthand ("At 78,", "68F", "82 M") selects the age band', () => {
    // China 2018 §7.3 [V2]: 65–79 first <150/90, if tolerated <140/90 (REFERENCE §7.3).
    expect(
      bad('At 70, China 2018 wants your blood pressure below 130/80 mmHg from the very first month.'),
    ).toEqual(['bp-target']);
    expect(bad('At 70, China 2018 wants your blood pressure below 150/90 mmHg first.')).toEqual([]);
    expect(bad('68F, no diabetes. China 2018 target: <130/80 mmHg straight away.')).toEqual(['bp-target']);
    expect(bad('68F, no diabetes. China 2018 target: <150/90 mmHg first.')).toEqual([]);
  });
  it('"无 CKD" / "no CKD" is not CKD (the general target applies)', () => {
    // China 2018 §7.3 [V2]: 65–79 <150/90; ≥80 <150/90.
    expect(bad('男，71 岁，无 CKD、无糖尿病。按中国2018指南，目标是一开始就降到 <130/80 mmHg。')).toEqual([
      'bp-target',
    ]);
    expect(bad('男，71 岁，无 CKD、无糖尿病。按中国2018指南，目标是先降到 <150/90 mmHg。')).toEqual([]);
  });
  it('the later step of a staged target ("and then to …") is a target of its own', () => {
    // China 2018 §7.3 [V2]: 65–79 first <150/90, then <140/90 if tolerated.
    expect(
      bad(
        'For a 72-year-old, China 2018 says to lower BP below 150/90 first, and then to 120/70 if tolerated.',
      ),
    ).toEqual(['bp-target']);
    expect(
      bad(
        'For a 72-year-old, China 2018 says to lower BP below 150/90 first, and then to 140/90 if tolerated.',
      ),
    ).toEqual([]);
  });
  it('a change the sentence denies ("未下调至", "was not lowered to") is no threshold', () => {
    // China 2024 §1.4 [V1]: the office threshold remains ≥140/90.
    expect(bad('ESH 2023 的诊室诊断阈值仍为 ≥140/90 mmHg，并未下调至 130/80。')).toEqual([]);
    expect(bad('In ESH 2023 the office threshold was not lowered to 130/80; it stays at 140/90.')).toEqual(
      [],
    );
    expect(bad('ESH 2023 的诊室诊断阈值为 ≥130/80 mmHg。')).toEqual(['bp-threshold']);
  });
});

describe('a reading classified in the next sentence, with the band in brackets (independent set 7)', () => {
  it('"BP 156/98. 分级：2级（SBP 160–179）" classifies the reading of the sentence before', () => {
    // China 2018 §1.3 / ESH 2023 §1.2: 140–159/90–99 is grade 1; ACC/AHA 2017 §1.1: DBP 80–89 is stage 1.
    expect(bad('诊室血压 156/98 mmHg。分级：2级高血压（SBP 160–179）。')).toEqual(['bp-threshold']);
    expect(bad('诊室血压 156/98 mmHg。分级：1级高血压（SBP 140–159 和/或 DBP 90–99）。')).toEqual([]);
    expect(bad('Clinic BP 118/84 mmHg. ACC/AHA 2017: normal (SBP <120).')).toEqual(['bp-threshold']);
    expect(bad('Clinic BP 118/84 mmHg. ACC/AHA 2017: stage 1 (DBP 80–89).')).toEqual([]);
  });
  it('a KDIGO category after the eGFR sentence, its band in brackets, classifies that eGFR', () => {
    // KDIGO 2012 (REFERENCE §4.3): G3a 45–59, G3b 30–44.
    expect(bad('81M, eGFR 57. KDIGO G3b (30–44).')).toEqual(['lab-threshold']);
    expect(bad('81M, eGFR 57. KDIGO G3a (45–59).')).toEqual([]);
    expect(bad('eGFR 33 mL/min/1.73 m²。分期：G3a（45～59）。')).toEqual(['lab-threshold']);
    expect(bad('eGFR 33 mL/min/1.73 m²。分期：G3b（30～44）。')).toEqual([]);
  });
});

describe('per-pressure statements and the category of the whole reading (independent sets 6 and 7)', () => {
  it('"收缩压…，舒张压…，因此总体属于 N 级" is the reading\'s category (the higher one)', () => {
    // China 2018 §1.3: SBP and DBP in different grades → the higher grade; DBP ≥110 is grade 3.
    expect(bad('您的血压 168/114 mmHg，收缩压在2级范围，舒张压也在2级范围，因此总体属于2级高血压。')).toEqual(
      ['bp-threshold'],
    );
    expect(bad('您的血压 168/114 mmHg，收缩压在2级范围，舒张压在3级范围，因此总体属于3级高血压。')).toEqual(
      [],
    );
    expect(
      bad(
        'BP 150/104: systolic in the grade 1 range, diastolic in grade 2, so overall grade 1 under ESH 2023.',
      ),
    ).toEqual(['bp-threshold']);
  });
  it('a contrast between the two pressures of one reading keeps the reading as the subject', () => {
    // China 2018 §1.3: DBP 80–89 is high-normal even with SBP <120.
    expect(bad('BP 116/84 mmHg：SBP <120 但 DBP 84，按中国2018分类属正常血压。')).toEqual(['bp-threshold']);
    expect(bad('BP 116/84 mmHg：SBP <120 但 DBP 84，按中国2018分类属正常高值。')).toEqual([]);
  });
});

describe('a category credited to the wrong guideline (attribution, independent set 6)', () => {
  it('a guideline named as calling/defining a category it does not have is contradicted', () => {
    // Categories: ACC/AHA 2017 §1.1 normal/elevated/stage 1–2; ESH 2023 §1.2 optimal/normal/high-normal/grade 1–3;
    // China 2018 §1.3 正常/正常高值/1–3级.
    expect(bad('ESH 2023 calls a reading of 120–129/<80 mmHg "elevated blood pressure".')).toEqual([
      'bp-threshold',
    ]);
    expect(bad('ACC/AHA 2017 calls a reading of 120–129/<80 mmHg "elevated blood pressure".')).toEqual([]);
    expect(bad('中国2018指南把 130–139/85–89 mmHg 称为“理想血压”。')).toEqual(['bp-threshold']);
    expect(bad('中国2018指南把 120–139/80–89 mmHg 称为“正常高值”。')).toEqual([]);
    expect(
      bad('The "high-normal" category of 130–139/85–89 mmHg comes from the ACC/AHA 2017 guideline.'),
    ).toEqual(['bp-threshold']);
    expect(
      bad('The "high-normal" category of 130–139/85–89 mmHg comes from the ESH 2023 guideline.'),
    ).toEqual([]);
  });
  it('"the 2024 revision of the Chinese guideline" names the edition', () => {
    // China 2024 §1.4 [V1]: the office threshold remains ≥140/90.
    expect(
      bad('The 2024 revision of the Chinese guideline set the office threshold at ≥130/80 mmHg.'),
    ).toEqual(['bp-threshold']);
    expect(
      bad('The 2024 revision of the Chinese guideline keeps the office threshold at ≥140/90 mmHg.'),
    ).toEqual([]);
  });
});

describe('several guidelines in one sentence (false alarms of independent sets 6 and 7)', () => {
  it('bare names in a value\'s own stretch ("ESH/中国 ≥140/90，ACC/AHA ≥130/80") give its guideline', () => {
    // Office thresholds: ACC/AHA 2017 §1.1 ≥130/80; ESH 2023 §1.2 and China 2018 §1.3 ≥140/90.
    expect(bad('ACC/AHA 2017 讲得很清楚。诊室诊断阈值：美国 ≥130/80，欧洲和中国 ≥140/90。')).toEqual([]);
    expect(bad('ACC/AHA 2017 讲得很清楚。诊室诊断阈值：美国 ≥140/90，欧洲和中国 ≥140/90。')).toEqual([
      'bp-threshold',
    ]);
    expect(bad('Office thresholds differ: ESH and China ≥140/90, ACC/AHA ≥130/80.')).toEqual([]);
    expect(bad('Office thresholds differ: ESH and China ≥130/80, ACC/AHA ≥130/80.')).toEqual([
      'bp-threshold',
    ]);
  });
  it('"一个是…，一个是…" / "respectively" values are not tied to the carried guideline', () => {
    expect(bad('按中国2018指南这只是正常高值。两部指南的阈值不同，一个是130/80，一个是140/90。')).toEqual([]);
    expect(
      bad('Under China 2018 this is high-normal. The two thresholds are 130/80 and 140/90 respectively.'),
    ).toEqual([]);
  });
  it('one reading judged under several guidelines: each stretch takes its own guideline', () => {
    // 24-h thresholds (REFERENCE §2.1–§2.2): ACC/AHA 2017 ≥125/75; ESH 2023 and China ≥130/80.
    expect(
      bad('24小时平均 127/77 mmHg：按ACC/AHA 2017 已属高血压，按ESH 2023 或中国指南则不算高血压。'),
    ).toEqual([]);
    expect(
      bad('24小时平均 127/77 mmHg：按ACC/AHA 2017 不算高血压，按ESH 2023 或中国指南也不算高血压。'),
    ).toEqual(['bp-threshold']);
    // Office: 136/86 is stage 1 (ACC/AHA 2017) and high-normal (ESH 2023).
    expect(
      bad('For 136/86 mmHg, ACC/AHA 2017 says stage 1 hypertension, while ESH 2023 says high-normal.'),
    ).toEqual([]);
    expect(
      bad('For 136/86 mmHg, ACC/AHA 2017 says stage 1 hypertension, while ESH 2023 says normal.'),
    ).toEqual(['bp-threshold']);
  });
  it('a span of categories takes its values in order ("grades 1 to 3 starting at …", "≥140/90 为2期")', () => {
    // ESH 2023 §1.2 grade 1–3 from 140/90, 160/100, 180/110; ACC/AHA 2017 §1.1 stage 2 ≥140/90.
    expect(bad('Under ESH 2023, grades 1 to 3 start at 140/90, 160/100 and 180/110 mmHg.')).toEqual([]);
    expect(bad('Under ESH 2023, grades 1 to 3 start at 140/90, 150/95 and 180/110 mmHg.')).toEqual([
      'bp-threshold',
    ]);
    expect(bad('按ACC/AHA 2017，130–139/80–89 mmHg 为1期，≥140/90 mmHg 为2期。')).toEqual([]);
    expect(bad('按ACC/AHA 2017，130–139/80–89 mmHg 为1期，≥150/95 mmHg 为2期。')).toEqual(['bp-threshold']);
  });
});

describe('a target the answer denies (independent sets 5 and 7)', () => {
  it('"advises against going below X" / "<X is not enough" contradicts a verified target X of that population', () => {
    // China 2018 §7.3 [V2]: general <140/90, <130/80 if tolerated; 65–79 <150/90, <140/90 if tolerated.
    expect(
      bad('For a 55-year-old, China 2018 advises against going below 130/80 mmHg even if tolerated.'),
    ).toEqual(['bp-target']);
    expect(bad('For a 72-year-old, China 2018 advises against going below 130/80 mmHg at first.')).toEqual(
      [],
    );
    expect(bad('中国2018指南：一般患者 <140/90 还不够。')).toEqual(['bp-target']);
    expect(bad('中国2018指南：一般患者 <150/90 还不够。')).toEqual([]);
  });
});
