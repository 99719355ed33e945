import { describe, expect, it } from 'vitest';
import { tiaEpisodeOf, tiaNotice, tiaReported } from './tia-episode.ts';

// Issue 16 (H12's try): a passing TIA reported in the consultation ("昨天右手没劲说话不清，十几分钟就好了") is told
// back in plain words with its day and same-day care (NICE NG128 (2019) 1.1.5), never as 疑似短暂性脑缺血发作.
const AT = '2026-12-07T13:11:00Z'; // 21:11 in Shanghai
const ZONE = 'Asia/Shanghai';

describe('tiaEpisodeOf: what happened and on which day, read once when the message arrives', () => {
  it('Chinese: the patient words, yesterday as a date in their zone', () => {
    expect(tiaEpisodeOf('昨天右手没劲说话不清，十几分钟就好了', AT, ZONE)).toEqual({
      words: ['右手没劲', '说话不清'],
      concepts: ['limb-weakness', 'speech-difficulty'],
      day: '2026-12-06',
    });
  });
  it('the day is the patient zone day (23:30 UTC is the next morning in Shanghai)', () => {
    expect(tiaEpisodeOf('前天左手没劲，十分钟就好了', '2026-12-07T23:30:00Z', ZONE)?.day).toBe('2026-12-06');
    expect(tiaEpisodeOf('3天前左手没劲，十分钟就好了', AT, ZONE)?.day).toBe('2026-12-04');
  });
  it('English', () => {
    const e = tiaEpisodeOf(
      'Yesterday my right arm went weak for ten minutes. I have been fine since.',
      AT,
      ZONE,
    );
    expect(e).toMatchObject({ concepts: ['limb-weakness'], day: '2026-12-06' });
  });
  it('nothing passing: undefined', () => {
    expect(tiaEpisodeOf('没有不舒服', AT, ZONE)).toBeUndefined();
  });
});

describe('tiaNotice: the consultation answer', () => {
  const episode = tiaEpisodeOf('昨天右手没劲说话不清，十几分钟就好了', AT, ZONE);
  it('Chinese: what they reported, yesterday, warning sign of a stroke, a doctor today, 120 if it comes back', () => {
    const zh = tiaNotice(episode, '2026-12-07').zh;
    expect(zh).toBe(
      '您报告昨天右手没劲、说话不清，之后好转了——这可能是中风的先兆。即使现在已经好了，也请今天就去医院看医生（神经内科），或今天联系您的医疗团队。如果症状再次出现或没有消退，请立即拨打120。',
    );
    expect(zh).not.toMatch(/短暂性脑缺血|TIA/);
  });
  it('English in plain English words (no Chinese words, no jargon)', () => {
    const en = tiaNotice(episode, '2026-12-07').en;
    expect(en).toContain(
      'You reported weakness or numbness on one side and slurred speech or trouble speaking yesterday, which then went away — this may be a warning sign of a stroke.',
    );
    expect(en).toContain('see a doctor today');
    expect(en).toContain(
      'If it comes back or does not go away, call emergency services (120 in China / 911 in the US) now.',
    );
    expect(en).not.toMatch(/\p{Script=Han}|transient ischaemic/u);
  });
});

describe('tiaReported: the home box line says the day from today', () => {
  const episode = tiaEpisodeOf('昨天右手没劲说话不清，十几分钟就好了', AT, ZONE);
  it('yesterday while it is, then the date', () => {
    expect(tiaReported(episode, '2026-12-07').zh).toBe(
      '昨天右手没劲、说话不清，之后好转了——这可能是中风的先兆',
    );
    expect(tiaReported(episode, '2026-12-08').zh).toMatch(/^前天/);
    expect(tiaReported(episode, '2026-12-10').zh).toMatch(/^12月6日右手没劲/);
    expect(tiaReported(episode, '2026-12-10').en).toContain('on 2026-12-06');
  });
  it('a report stored before the episode was kept: plain words, no medical name', () => {
    const t = tiaReported(undefined, '2026-12-07');
    expect(t.zh).toContain('中风的先兆');
    expect(t.zh).not.toContain('短暂性脑缺血');
    expect(t.en).not.toContain('transient ischaemic');
  });
});
