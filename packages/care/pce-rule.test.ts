import { describe, expect, it } from 'vitest';
import { pceRule } from './pce-rule.ts';

describe('the PCE rule as the clinician reads it (issue 20 item 8)', () => {
  const engine = 'PCE white men: 1 − 0.9144^exp(IndSum − 61.18)';
  const negative = 'PCE 白人男性方程：1 − 0.9665^exp(IndSum − -29.18)';
  it('names the equation; the formula is a detail, its signs correct', () => {
    expect(pceRule(negative, 'zh')).toEqual({
      rule: 'PCE 合并队列方程（Goff 2013）',
      detail: 'PCE 白人男性方程：1 − 0.9665^exp(IndSum + 29.18)',
    });
    expect(pceRule(engine, 'en')).toEqual({
      rule: 'Pooled Cohort Equations (Goff 2013)',
      detail: engine,
    });
    expect(pceRule('x − -1.5 and − −2', 'en').detail).toBe('x + 1.5 and + 2');
  });
});
