import { describe, expect, it } from 'vitest';
import { raiseTriage, SUSPECTED_TIA, triage } from './triage.ts';
import type { TriageInput } from './types.ts';

const base: TriageInput = { now: '2026-03-10T10:00:00+08:00', guideline: 'china-2018' };
const TIA_ZH = '昨天下午左手突然没劲，说话也不清楚，十分钟就好了，今天一整天都没事';

// Issues 16 and 20 (decision 0022): an urgent result is same-day care in both languages, as 需当日处理 says — the
// English text must not read like an emergency; the emergency wording stays for emergencies.
describe('triage: urgent is same-day care in English as in Chinese', () => {
  it('a suspected TIA: same-day care, the neurologist named as in Chinese, 120 only if it comes back', () => {
    const r = triage({ ...base, text: TIA_ZH });
    expect(r.display.en).toBe('Same-day care: suspected transient ischaemic attack (symptoms gone)');
    expect(r.display.zh).toBe('需当日处理：疑似短暂性脑缺血发作（症状已缓解）');
    expect(r.instruction.en).toBe(
      'The passing symptoms you describe (weakness or numbness on one side, a drooping face, slurred speech or sudden loss of sight) may have been a transient ischaemic attack ("mini-stroke"). Even though they have gone, contact your care team today or go to a hospital today to see a neurologist. If the symptoms come back, call emergency services (120 in China / 911 in the US) at once.',
    );
    expect(r.instruction.en).not.toMatch(/^Call emergency services/);
    // What the care team's alert is about, by code (packages/care urgent-flag.ts).
    expect(r.inputs.suspectedTia).toBe(true);
  });

  it('a red flag or a typed crisis value without a crisis reading: same-day care', () => {
    expect(triage({ ...base, text: '这两天头痛得厉害' }).display.en).toBe('Same-day care: severe headache');
    const typed = triage({ ...base, text: '今天高压190低压125，没有不舒服' });
    expect(typed.display.en).toBe('Same-day care: 190/125 mmHg');
    expect(typed.inputs.writtenBp).toEqual({ sbp: 190, dbp: 125 });
  });

  it('a suspected TIA beside a crisis reading is still named (the reading decides the rule)', () => {
    const r = triage({
      ...base,
      text: TIA_ZH,
      readings: [{ id: 'r1', time: '2026-03-10T09:00:00+08:00', sbp: 192, dbp: 118 }],
    });
    expect(r.level).toBe('urgent');
    expect(r.display.zh).toBe(`需当日处理：192/118 mmHg；${SUSPECTED_TIA.zh}`);
    expect(r.display.en).toBe(`Same-day care: 192/118 mmHg; ${SUSPECTED_TIA.en}`);
    expect(r.inputs.suspectedTia).toBe(true);
  });

  it('an emergency keeps the emergency wording', () => {
    const r = triage({ ...base, text: '左手突然没劲，说话不清楚，现在还这样' });
    expect(r.display.en).toMatch(/^Emergency: /);
    expect(r.instruction.en).toMatch(/^Call emergency services/);
  });

  it('raised by a second opinion: same-day care in English, Chinese punctuation in Chinese', () => {
    const none = triage({ ...base, text: '有点头晕' });
    const by = { zh: '模型第二意见', en: "the model's second opinion" };
    const urgent = raiseTriage(none, 'urgent', by);
    expect(urgent.display.en).toBe(
      "Same-day care (raised by the model's second opinion; engine: no emergency)",
    );
    const flagged = raiseTriage(triage({ ...base, text: '这两天头痛得厉害' }), 'emergency', by);
    expect(flagged.display.zh).toBe('紧急（模型第二意见提高；引擎判断：需当日处理）：剧烈头痛');
    expect(flagged.display.en).toBe(
      "Emergency (raised by the model's second opinion; engine: same-day care): severe headache",
    );
  });
});
