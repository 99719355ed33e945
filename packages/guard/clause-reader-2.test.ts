/**
 * Clause triples, second round (issue 18): a drug pair as the subject of a clause's amount, an office category in a
 * threshold or start relation, and table rows written on one line under a header of pressure columns. Fresh
 * sentences (not corpus items), zh and en; facts: simvastatin caps REFERENCE §6 (with amlodipine ≤20 mg), amlodipine
 * maximum §5.1a (10 mg), office categories §1.1 (ACC/AHA 2017 stage 1 130–139/80–89, stage 2 ≥140/≥90) and §1.3
 * (China 2018 grade 1 140–159/90–99, high-normal 120–139/80–89, grade 3 ≥180/≥110).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const bad = (answer: string) =>
  verifyClaims({ answer, passages: [] })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('the amount of a clause whose subject is a drug pair belongs to the member the combination caps', () => {
  it('"A和B同用时每天最多N mg" is the capped drug’s limit, not the other drug’s maximum', () => {
    expect(bad('辛伐他汀和氨氯地平同用时每天最多20 mg。')).toEqual([]);
    expect(bad('辛伐他汀和氨氯地平同用时每天最多20 mg，氨氯地平本身最多10 mg。')).toEqual([]);
    expect(bad('Amlodipine and simvastatin together: simvastatin no more than 20 mg a day.')).toEqual([]);
    expect(bad('辛伐他汀和氨氯地平同用时每天最多40 mg。')).not.toEqual([]);
    // A maximum stated for one drug alone is still that drug's.
    expect(bad('氨氯地平每日最大剂量为20 mg。')).toContain('dose');
  });
});

describe('an office category in a threshold or start relation is that category’s lower threshold', () => {
  it('catches a wrong start however it is worded, and keeps each category with its own value', () => {
    expect(bad('ACC/AHA 2017 puts the start of stage 2 at 160/100.')).toContain('bp-threshold');
    expect(bad('Under ESH 2023 grade 1 hypertension begins at 130/85 mmHg.')).toContain('bp-threshold');
    expect(bad('ACC/AHA 2017 puts the start of stage 2 at 140/90.')).toEqual([]);
    expect(bad('ACC/AHA 2017 puts the start of stage 1 at 130/80 and stage 2 at 140/90.')).toEqual([]);
  });
  it('leaves out-of-office values that correspond to an office category alone', () => {
    expect(
      bad('按ACC/AHA 2017，夜间对应诊室1期高血压的阈值为≥110/65 mmHg；按ESH 2023夜间阈值≥120/70 mmHg。'),
    ).toEqual([]);
  });
});

describe('table rows on one line under a header naming the systolic and diastolic columns', () => {
  it('reads each row’s category with its ranges under the carried guideline', () => {
    expect(bad('按中国2018指南：\n| 分级 | 收缩压 | 舒张压 |\n| 1级高血压 | 130–139 | 80–89 |')).toContain(
      'bp-threshold',
    );
    expect(
      bad(
        '按中国2018指南：\n| 分级 | 收缩压 | 舒张压 |\n| 正常高值 | 120–139 | 80–89 |\n| 1级高血压 | 140–159 | 90–99 |\n| 3级高血压 | ≥180 | ≥110 |',
      ),
    ).toEqual([]);
    expect(
      bad(
        'ACC/AHA 2017:\n| Category | SBP | | DBP |\n| Stage 1 | 130–139 | or | 80–89 |\n| Stage 2 | ≥140 | or | ≥90 |',
      ),
    ).toEqual([]);
    expect(bad('ACC/AHA 2017:\n| Category | SBP | | DBP |\n| Stage 1 | 140–159 | or | 90–99 |')).toContain(
      'bp-threshold',
    );
  });
});

describe('a clause that states a value and ends by rejecting it is not the answer’s claim', () => {
  it('"之前说的每日40 mg不对" / "… mentioned earlier was wrong" leave the rejected amount unverifiable', () => {
    expect(bad('关于辛伐他汀与氨氯地平：之前说的每日40 mg不对。辛伐他汀每日不超过20 mg。')).toEqual([]);
    expect(bad('The 20 mg of amlodipine mentioned earlier was wrong; the maximum is 10 mg a day.')).toEqual(
      [],
    );
  });
  it('a rejection denied, or no rejection, keeps the amount the answer’s own', () => {
    expect(bad('Amlodipine can go up to 20 mg a day, which is not wrong.')).toContain('dose');
    expect(bad('氨氯地平每日最多20 mg，没有错误。')).toContain('dose');
  });
});
