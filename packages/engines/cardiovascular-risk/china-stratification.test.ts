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
