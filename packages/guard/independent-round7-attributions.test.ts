/**
 * Round 7 (issue 18), attribution and reading classes from tuning set 16 (ex held-out 16) and the older sets'
 * remaining misses, with fresh sentences (not corpus items), both directions:
 * - "ESH 2023 has only four categories: …": each category listed is the guideline's own (REFERENCE §1.1–§1.3);
 * - a quoted category before "blood pressure" ('defines "normal" blood pressure as …') names the category;
 * - "for ages 65–79" is an age band; "below 150/90 first, then …" is a target (REFERENCE §7.2 [V2], §7.3 [V2]);
 * - several readings whose last is their average: the next sentence's category is the average's; "家庭血压在正常
 *   范围" is said of the home reading before (REFERENCE §2.1, §1.3).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const bad = (answer: string) =>
  verifyClaims({ answer, passages: [] })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('categories listed as a guideline’s own', () => {
  it('a category the guideline does not have is contradicted', () => {
    expect(bad('ESH 2023 uses five categories: optimal, normal, elevated, grade 1 and grade 2.')).toContain(
      'bp-threshold',
    );
    expect(bad('中国2018指南只有四个分类：正常血压、血压升高、1期和2期高血压。')).toContain('bp-threshold');
  });
  it('its own categories are not', () => {
    expect(
      bad('ACC/AHA 2017 has four categories: normal, elevated, stage 1 and stage 2 hypertension.'),
    ).toEqual([]);
  });
});

describe('a quoted category before "blood pressure"', () => {
  it('a wrong range is contradicted', () => {
    expect(
      bad('The 2018 Chinese guideline defines "normal" blood pressure as 120–139/80–89 mmHg.'),
    ).toContain('bp-threshold');
  });
  it('the right one is not', () => {
    expect(bad('ESH 2023 defines "normal" blood pressure as 120–129/80–84 mmHg.')).toEqual([]);
  });
});

describe('"for ages 65–79" and "below X first"', () => {
  it('a target credited to the wrong guideline is contradicted', () => {
    expect(bad('Aiming below 150/90 first for ages 65–79 is the ESH 2023 approach.')).toContain('bp-target');
  });
  it('the right guideline is not', () => {
    expect(
      bad(
        'Aiming below 150/90 first for ages 65–79, then below 140/90 if tolerated, is the Chinese 2018 approach.',
      ),
    ).toEqual([]);
  });
});

describe('the average of several readings, classified in the next sentence', () => {
  it('a wrong category for the average is contradicted', () => {
    expect(
      bad(
        'Readings of 146/92 and 138/86 mmHg average 142/89 mmHg. Under ESH 2023 this average is high-normal.',
      ),
    ).toContain('bp-threshold');
    expect(
      bad(
        '家庭血压：早晨均值138/86 mmHg，晚上均值134/84 mmHg，总均值136/85 mmHg。按ESH 2023，家庭血压在正常范围。',
      ),
    ).toContain('bp-threshold');
  });
  it('the right one is not', () => {
    expect(
      bad('Readings of 146/92 and 138/86 mmHg average 142/89 mmHg. Under ESH 2023 this average is grade 1.'),
    ).toEqual([]);
    expect(
      bad(
        '家庭血压：早晨均值128/80 mmHg，晚上均值124/78 mmHg，总均值126/79 mmHg。按ESH 2023，家庭血压在正常范围。',
      ),
    ).toEqual([]);
  });
});

describe('a reading called isolated systolic hypertension, graded in the next sentence (REFERENCE §1.2)', () => {
  it('a grade by the diastolic is contradicted', () => {
    expect(bad('172/84 mmHg属于单纯收缩期高血压；ESH 2023中这类读数一律归为1级高血压。')).toContain(
      'bp-threshold',
    );
  });
  it('the grade by the systolic is not', () => {
    expect(bad('172/84 mmHg属于单纯收缩期高血压；ESH 2023中这类读数按收缩压归为2级高血压。')).toEqual([]);
  });
});

describe('targets: "as for younger adults", two guidelines that "agree", "from the start" (REFERENCE §7.2, §7.3)', () => {
  it('the younger adults’ band claimed for ≥80 under ESH 2023 is contradicted', () => {
    expect(
      bad('ESH 2023 advises a systolic target of 120–129 mmHg at age 85, as for younger adults.'),
    ).toContain('bp-target');
  });
  it('the band for 18–64 is not', () => {
    expect(bad('ESH 2023 advises a systolic target of 120–129 mmHg at age 50.')).toEqual([]);
  });
  it('a target two guidelines are said to share is checked against each', () => {
    expect(
      bad('For a 70-year-old, ESH 2023 and China 2018 agree: both aim first for below 150/90 mmHg.'),
    ).toContain('bp-target');
    expect(
      bad(
        'For a 70-year-old, ESH 2023 aims for below 140/80 mmHg, while China 2018 aims first for below 150/90 mmHg.',
      ),
    ).toEqual([]);
  });
  it('"from the start" is the first target, not the one if tolerated', () => {
    expect(bad('按中国2018指南，70岁患者一开始就要降到140/90以下，这是目标。')).toContain('bp-target');
    expect(bad('按中国2018指南，70岁患者先降到150/90以下，能耐受再降到140/90以下。')).toEqual([]);
  });
});

describe('phenotypes from an office and a daytime ambulatory mean, "On X:" (REFERENCE §2.5)', () => {
  it('a masked pattern called white-coat or controlled is contradicted', () => {
    expect(
      bad('未服药患者诊室126/76 mmHg，白天动态血压均值140/88 mmHg。按ESH 2023，这属于白大衣高血压。'),
    ).toContain('bp-threshold');
    expect(
      bad('On amlodipine: office 128/80 mmHg, home mean 142/88 mmHg. This is controlled hypertension.'),
    ).toContain('bp-threshold');
  });
  it('the right pattern is not', () => {
    expect(
      bad('未服药患者诊室126/76 mmHg，白天动态血压均值140/88 mmHg。按ESH 2023，这属于隐蔽性高血压。'),
    ).toEqual([]);
    expect(
      bad('On amlodipine: office 128/80 mmHg, home mean 126/78 mmHg. This is controlled hypertension.'),
    ).toEqual([]);
  });
});

describe('a correspondence beside a later reading, "satisfied once", "as the first target" (REFERENCE §2.1, §7.2, §7.3)', () => {
  it('a wrong corresponding value is contradicted though a reading follows', () => {
    expect(
      bad('按ACC/AHA 2017表11，诊室130/80 mmHg对应的家庭血压是135/85 mmHg，因此家庭均值132/78不算升高。'),
    ).toContain('bp-threshold');
    expect(
      bad('按ACC/AHA 2017表11，诊室130/80 mmHg对应的家庭血压是130/80 mmHg，因此家庭均值128/78不算升高。'),
    ).toEqual([]);
  });
  it('a looser target said to satisfy the guideline is contradicted', () => {
    expect(bad('For a 50-year-old, ESH 2023 is satisfied once office BP is below 140/90 mmHg.')).toContain(
      'bp-target',
    );
    expect(bad('For a 50-year-old, ESH 2023 is satisfied once office BP is below 130/80 mmHg.')).toEqual([]);
  });
  it('the "if tolerated" target given as the first target is contradicted', () => {
    expect(
      bad('China 2018 brings every hypertensive patient below 130/80 mmHg as the first target.'),
    ).toContain('bp-target');
    expect(
      bad('China 2018 brings most hypertensive patients below 140/90 mmHg as the first target.'),
    ).toEqual([]);
  });
});
