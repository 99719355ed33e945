/**
 * Round 5 (issue 18), tuning set 14, the catches lost to the round-3/4 "stated nothing" rules, by class, with fresh
 * sentences (not corpus items), both directions:
 * - a prohibition that names an excess ("别把 X 加到每天超过 N 毫克", "never push X beyond N mg", "别让 X 超过 N")
 *   states a maximum and is checked; a prohibition of an amount ("不要把 X 加到 N 毫克") still states no dose;
 * - a reading asked about ("…112/70，这算高吗？") keeps no category of its own: the next sentence classifies it;
 * - a correction: an earlier reply's statement rejected ("上一条回复把 R 归为 C，这是错的", "my previous answer called
 *   R C, which was wrong") is not the answer's claim, and the corrected category in the next sentence is.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const bad = (answer: string) =>
  verifyClaims({ answer, passages: [] })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('a prohibition naming an excess states a maximum (REFERENCE §5.1 maxima, §6 simvastatin caps)', () => {
  it('a wrong maximum is caught, the right one is not flagged (zh)', () => {
    expect(bad('千万别把氨氯地平加到每天超过20毫克，加量前先复查血压。')).toContain('dose');
    expect(bad('千万别把氨氯地平加到每天超过10毫克，加量前先复查血压。')).toEqual([]);
    expect(bad('服用地尔硫䓬的病人，别让辛伐他汀每天超过20毫克。')).not.toEqual([]);
    expect(bad('服用地尔硫䓬的病人，别让辛伐他汀每天超过10毫克。')).toEqual([]);
  });
  it('a wrong maximum is caught, the right one is not flagged (en)', () => {
    expect(bad('Never push amlodipine beyond 20 mg a day; recheck the pressure first.')).toContain('dose');
    expect(bad('Never push amlodipine beyond 10 mg a day; recheck the pressure first.')).toEqual([]);
    expect(bad('Do not let valsartan go above 640 mg per day.')).toContain('dose');
  });
  it('an amount prohibited without an excess word is still no dose the answer gives', () => {
    expect(bad('别自己把氨氯地平加到20毫克，最多每天10毫克。')).toEqual([]);
    expect(bad("Don't raise amlodipine to 20 mg on your own; 10 mg a day is the most.")).toEqual([]);
  });
});

describe('a reading asked about is classified by the next sentence (REFERENCE §1.1, §1.2)', () => {
  it('the answer after the question is checked against the reading (zh and en)', () => {
    expect(bad('诊室量的是112/70 mmHg，这算高吗？按ESH 2023，这个读数属于正常高值。')).toContain(
      'bp-threshold',
    );
    expect(bad('诊室量的是112/70 mmHg，这算高吗？按ESH 2023，这个读数属于理想血压。')).toEqual([]);
    expect(
      bad('Is an office reading of 112/70 mmHg high? Under ESH 2023 this reading is high-normal.'),
    ).toContain('bp-threshold');
    expect(bad('Is an office reading of 112/70 mmHg high? Under ESH 2023 this reading is optimal.')).toEqual(
      [],
    );
  });
  it('the question alone states nothing', () => {
    expect(bad('诊室量的是112/70 mmHg，这算高血压吗？')).toEqual([]);
  });
});

describe('a correction: the rejected earlier statement is not checked, the corrected one is (REFERENCE §1.3)', () => {
  it('zh: "上一条回复把 R 归为 C，这是错的" / "说成了 C，有误"', () => {
    const ok =
      '纠正：我上一条回复把134/96 mmHg归为3级高血压，这是错的。按中国2018指南，这个读数应为1级高血压。';
    expect(bad(ok)).toEqual([]);
    expect(bad(ok.replace('应为1级高血压', '应为正常高值'))).toContain('bp-threshold');
    const ok2 = '前面的回答把134/96 mmHg说成了3级高血压，有误。按中国2018指南，该读数属于1级高血压。';
    expect(bad(ok2)).toEqual([]);
    expect(bad(ok2.replace('属于1级高血压', '属于正常血压'))).toContain('bp-threshold');
  });
  it('en: "my previous answer called R C, which was wrong"', () => {
    const ok =
      'Correction: my previous answer called 134/96 mmHg grade 3 hypertension, which was wrong. Under the 2018 Chinese guideline this reading is grade 1 hypertension.';
    expect(bad(ok)).toEqual([]);
    expect(bad(ok.replace('is grade 1 hypertension', 'is high-normal'))).toContain('bp-threshold');
  });
  it('an earlier statement reported without a rejection is still the answer’s', () => {
    expect(bad('我上一条回复把134/96 mmHg归为3级高血压。')).toContain('bp-threshold');
  });
});
