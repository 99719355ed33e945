/** Issue 20: the treatment proposal's text shows the BP mean in whole mmHg like every screen (display-rounding.ts). */
import { describe, expect, it } from 'vitest';
import { proposeTreatment } from './treatment.ts';

describe('the proposal’s BP is whole mmHg', () => {
  it('the treatment proposal’s text: whole mmHg', () => {
    const p = proposeTreatment({
      guideline: 'china-2018',
      age: 55,
      sex: 'male',
      bp: { sbp: 152.6, dbp: 94.8 },
      bpSource: 'home',
      conditions: {},
      current: [],
    });
    expect(p.display.zh).toContain('153/95 mmHg');
    expect(p.display.zh).not.toContain('152.6');
    expect(p.display.en).toContain('153/95 mmHg');
  });
});
