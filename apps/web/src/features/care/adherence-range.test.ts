import { describe, expect, it } from 'vitest';
import { adherenceRange } from './adherence-range.ts';

describe('the monitoring line’s period (issue 20 try: "（100%） (2026-12-08 – 2026-12-08)")', () => {
  it('a single day is shown once', () => {
    expect(adherenceRange('2026-12-08', '2026-12-08')).toEqual({
      key: 'care.home.adherenceDay',
      values: { date: '2026-12-08' },
    });
  });
  it('a period shows both ends', () => {
    expect(adherenceRange('2026-11-25', '2026-12-08')).toEqual({
      key: 'care.home.adherenceRange',
      values: { from: '2026-11-25', to: '2026-12-08' },
    });
  });
});
