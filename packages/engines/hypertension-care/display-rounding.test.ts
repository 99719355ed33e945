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

// Decision 0027 "Not yet" (issue 20): the proposal's text rounded a home mean of 134.6 to "135" beside "目标 <135/85
// （已达标）" — the figure read as the wrong side of the target its own verdict judged. The one rule
// (shownBp, blood-pressure/display-rounding.ts) keeps it on its side.
describe('the proposal’s BP never crosses the target it is judged against', () => {
  const home = (sbp: number, dbp: number) =>
    proposeTreatment({
      guideline: 'china-2018',
      age: 55,
      sex: 'male',
      bp: { sbp, dbp },
      bpSource: 'home',
      conditions: {},
      current: [],
    });

  it('134.6/84.2 against the home target <135/85: "134.6/84", at target', () => {
    const p = home(134.6, 84.2);
    expect(p.display.zh).toContain('家庭血压 134.6/84 mmHg，目标 <135/85（已达标）');
    expect(p.display.en).toContain('Home BP 134.6/84 mmHg vs target <135/85 (at target)');
    expect(p.display.zh).not.toContain('135/84 mmHg');
  });

  it('134.96 shows 134.9 (never "135.0"); 84.5 shows 84.5; 134.4 stays whole', () => {
    expect(home(134.96, 80).display.en).toContain('134.9/80 mmHg');
    expect(home(130, 84.5).display.en).toContain('130/84.5 mmHg');
    expect(home(134.4, 80).display.en).toContain('134/80 mmHg');
  });

  it('a crisis-range mean is shown, not raw (182.33 → 182)', () => {
    const p = home(182.333333, 100);
    expect(p.notes.map((n) => n.en).join(' ')).not.toContain('182.33');
    expect(p.urgent?.display.en).toContain('BP 182/100 mmHg');
  });
});

describe('a crisis-range figure stays in the crisis range as shown', () => {
  it('180.4 against the strict ">180" (China 2018, REFERENCE §1.5) shows 180.4, not 180', () => {
    const p = proposeTreatment({
      guideline: 'china-2018',
      age: 55,
      sex: 'male',
      bp: { sbp: 180.4, dbp: 100 },
      bpSource: 'home',
      conditions: {},
      current: [],
    });
    expect(p.urgent?.display.zh).toContain('血压 180.4/100 mmHg 达危象范围');
  });
});
