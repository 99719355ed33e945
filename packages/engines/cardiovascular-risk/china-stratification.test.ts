import { describe, expect, it } from 'vitest';
import { stratifyChina2018, type ChinaStratificationInput } from './china-stratification.ts';

// REFERENCE §10.6 RS1–RS8.
describe('China 2018 risk stratification (REFERENCE §3.4, §10.6)', () => {
  it.each([
    ['RS1', { sbp: 150, dbp: 92, riskFactors: 0 }, 'low'],
    ['RS2', { sbp: 150, dbp: 92, riskFactors: 2 }, 'medium'],
    ['RS3', { sbp: 165, dbp: 98, riskFactors: 2 }, 'medium-high'],
    ['RS4', { sbp: 135, dbp: 86, riskFactors: 0, diabetesWithoutComplications: true }, 'medium-high'],
    ['RS5', { sbp: 145, dbp: 88, riskFactors: 0, clinicalComplications: true }, 'very-high'],
    ['RS6', { sbp: 182, dbp: 105, riskFactors: 0 }, 'high'],
    ['RS7', { sbp: 182, dbp: 105, riskFactors: 1 }, 'very-high'],
    ['RS8', { sbp: 128, dbp: 82, riskFactors: 0 }, undefined],
  ] as [string, ChinaStratificationInput, string | undefined][])('%s', (_id, input, level) => {
    expect(stratifyChina2018(input).level).toBe(level);
  });
  it('column boundaries 130/85, 140/90, 160/100, 180/110 and the composite cells', () => {
    const lvl = (sbp: number, dbp: number, o: Partial<ChinaStratificationInput> = {}) =>
      stratifyChina2018({ sbp, dbp, riskFactors: 1, ...o }).level;
    expect([lvl(129, 84), lvl(130, 70), lvl(120, 85), lvl(140, 80), lvl(160, 80), lvl(120, 110)]).toEqual([
      undefined,
      'low',
      'low',
      'medium',
      'medium-high',
      'very-high',
    ]);
    expect(lvl(130, 85, { ckdStage4Plus: true })).toBe('high-very-high');
    expect(lvl(130, 85, { riskFactors: 3 })).toBe('medium-high');
    expect(stratifyChina2018({ sbp: 132, dbp: 80, riskFactors: 0 }).level).toBeUndefined(); // "—" cell
  });
});

// Issue 20: the reason names the clinical complication that decides the level (REFERENCE §10.6 RS5: a prior stroke
// makes grade 1 very high risk by itself).
describe('China 2018 risk: the deciding clinical complication is named (REFERENCE §3.4, RS5)', () => {
  it('RS5 with the stroke named: display and rule say 脑卒中 / stroke', () => {
    const s = stratifyChina2018({
      sbp: 145,
      dbp: 88,
      riskFactors: 2,
      clinicalComplications: true,
      complications: [{ zh: '脑卒中', en: 'stroke' }],
    });
    expect(s.level).toBe('very-high');
    expect(s.display).toEqual({
      zh: '心血管风险分层：很高危（临床并发症：脑卒中）',
      en: 'Cardiovascular risk stratification: very high risk (clinical complication: stroke)',
    });
    expect(s.ruleText?.zh).toBe('1级高血压 × 临床并发症（脑卒中）');
    expect(s.rule).toBe('grade-1 × clinical complications (stroke)');
  });
  it('without names the row is still said; other rows keep their display', () => {
    const s = stratifyChina2018({ sbp: 145, dbp: 88, riskFactors: 0, clinicalComplications: true });
    expect(s.display.zh).toBe('心血管风险分层：很高危（临床并发症）');
    expect(stratifyChina2018({ sbp: 150, dbp: 92, riskFactors: 2 }).display.zh).toBe('心血管风险分层：中危');
    // CKD ≥4 decides row 4 without a complication: not called a clinical complication.
    const ckd = stratifyChina2018({ sbp: 145, dbp: 88, riskFactors: 0, ckdStage4Plus: true });
    expect(ckd.display.zh).toBe('心血管风险分层：很高危');
  });
});
