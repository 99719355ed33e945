import { describe, expect, it } from 'vitest';
import { triage } from './triage.ts';
import type { TriageInput } from './types.ts';

const base: TriageInput = { now: '2026-03-10T10:00:00+08:00', guideline: 'china-2018' };

// Round 7 (issue 16): found by a person trying the product — "血压190/125，头很痛" was read as a plain headache
// (urgent). A headache the writer grades as very bad is the clinical-language severe-headache red flag; with a
// crisis-range reading (>180/120) it is a symptom of possible acute target-organ damage: hypertensive emergency
// (REFERENCE §1.5 — ACC/AHA 2017 §11.2; China 2018 高血压急症: 血压显著升高伴靶器官功能不全表现).
describe('triage: a crisis reading with a headache the writer calls very bad', () => {
  it.each([
    '血压190/125，头很痛',
    'my BP is 190/125 and my head really hurts',
    '刚才量了191/126，头好疼',
    'BP 200/118, head is killing me',
  ])('is an emergency: %s', (text) => {
    const r = triage({ ...base, text });
    expect(r.level).toBe('emergency');
    expect(r.redFlags.map((f) => f.code)).toContain('severe-headache');
  });
  it('a mild or denied headache with the same reading stays an urgency; 180/120 is no crisis', () => {
    expect(triage({ ...base, text: '血压190/125，头有点痛' }).level).toBe('urgent');
    expect(triage({ ...base, text: '血压190/125，头不是很痛' }).level).toBe('urgent');
    expect(triage({ ...base, text: "BP 190/125, my head doesn't really hurt" }).level).toBe('urgent');
    expect(triage({ ...base, text: '血压180/120，头很痛' }).level).toBe('urgent');
  });
});
