import { describe, expect, it } from 'vitest';
import { SOURCE_TIA, triage } from './triage.ts';
import type { TriageInput } from './types.ts';

const base: TriageInput = { now: '2026-03-10T10:00:00+08:00', guideline: 'china-2018' };

// Decision 0021: a suspected TIA on one of the last days is no 120 call (corpus conventions) but same-day care —
// NICE NG128 (2019) recommendation 1.1.5: specialist assessment within 24 hours of onset.
describe('triage: a recent stroke-like episode that is over', () => {
  it('is urgent (today), never none, and says why in the screen language', () => {
    const r = triage({ ...base, text: '昨天下午左手突然没劲，说话也不清楚，十分钟就好了，今天一整天都没事' });
    expect(r.level).toBe('urgent');
    expect(r.stop).toBe(false);
    expect(r.source).toBe(SOURCE_TIA);
    expect(r.display.zh).toBe('需当日处理：疑似短暂性脑缺血发作（症状已缓解）');
    expect(r.instruction.zh).toContain('今天就联系');
    expect(r.instruction.zh).toContain('120');
    expect(r.instruction.en).toContain('today');
    expect(r.display.en).toMatch(/^Same-day care: suspected transient ischaemic attack/);
  });

  it('in English too', () => {
    const r = triage({
      ...base,
      text: 'On Monday my face drooped for a few minutes. It has been fine every day since.',
    });
    expect(r.level).toBe('urgent');
  });

  it('a stroke years ago or a denied sign stays none; a sign now stays an emergency', () => {
    expect(triage({ ...base, text: '三年前中风过，现在恢复得不错' }).level).toBe('none');
    expect(triage({ ...base, text: '昨天没有手麻，也没有说话不清' }).level).toBe('none');
    expect(triage({ ...base, text: '左手突然没劲，说话不清楚，现在还这样' }).level).toBe('emergency');
  });

  // Round 7 (issue 16): found by a person trying the product — a past-day episode that went away, with no
  // "fine since" written, was read as an emergency (120).
  it('without "fine since": urgent, not an emergency; today or still there stays an emergency', () => {
    for (const text of [
      'Yesterday I had slurred speech for ten minutes. It went away.',
      '昨天右手突然没劲说话不清，十几分钟就好了',
    ]) {
      const r = triage({ ...base, text });
      expect(r.level, text).toBe('urgent');
      expect(r.source, text).toBe(SOURCE_TIA);
    }
    expect(triage({ ...base, text: '今天上午右手突然没劲说话不清，十几分钟就好了' }).level).toBe('emergency');
    expect(triage({ ...base, text: '昨天右手突然没劲，十几分钟就好了，今天又没劲了' }).level).toBe(
      'emergency',
    );
  });

  // Round 8 (issue 16, brief C): a transient speech deficit dated by a count of days that resolved after half an hour
  // is a resolved episode, and triage keeps it same-day (urgent) — never downgraded to none, never a 120 call.
  it('dated by a count of days ("3天前", "3 days ago"), resolved after half an hour: urgent, suspected TIA', () => {
    for (const text of [
      '3天前说话不清，半小时后好了',
      'Three days ago my speech was slurred for half an hour, then it was fine',
      '3 days ago I couldn\u2019t talk properly, it was fine half an hour later',
    ]) {
      const r = triage({ ...base, text });
      expect(r.level, text).toBe('urgent');
      expect(r.source, text).toBe(SOURCE_TIA);
      expect(r.stop, text).toBe(false);
    }
    expect(triage({ ...base, text: '3天前说话不清，半小时后好了' }).display.zh).toContain(
      '疑似短暂性脑缺血发作',
    );
    // Still there, or today: an emergency.
    expect(triage({ ...base, text: '3天前开始说话不清，到现在还没好' }).level).toBe('emergency');
    expect(triage({ ...base, text: '今天说话不清，半小时后好了' }).level).toBe('emergency');
  });
});
