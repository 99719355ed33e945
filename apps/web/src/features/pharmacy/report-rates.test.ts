import { describe, expect, it } from 'vitest';
import { rateText } from './report-rates.ts';

describe('daily report rates', () => {
  it('show "—" over nothing and a percentage with counts otherwise', () => {
    expect(rateText(0, 0)).toBe('—');
    expect(rateText(0, 0, true)).toBe('—');
    expect(rateText(1, 3)).toBe('33.3%');
    expect(rateText(2, 4, true)).toBe('50.0% (2/4)');
    expect(rateText(0, 5, true)).toBe('0.0% (0/5)');
  });
  // Issue 20: ASCII brackets around numbers on a zh screen.
  it('bracket the counts full-width on a Chinese screen', () => {
    expect(rateText(2, 4, true, 'zh-CN')).toBe('50.0%（2/4）');
    expect(rateText(2, 4, true, 'en')).toBe('50.0% (2/4)');
  });
});
