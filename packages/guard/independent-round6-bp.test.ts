/**
 * Round 6 (issue 18), blood-pressure classes from tuning set 15, with fresh sentences (not corpus items), both
 * directions, zh and en:
 * - out of the office there is no "elevated" category: a home or ambulatory value "elevated"/"即为升高" is that
 *   setting's hypertension (office "elevated" stays the ACC/AHA category);
 * - "不必强求 X 以下" denies a target like "不必强求降到 X".
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
