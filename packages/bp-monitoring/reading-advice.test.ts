import { describe, expect, it } from 'vitest';
import { crisisAdvice, patientLanguage, readingCategory } from './reading-advice.ts';

describe('reading category (REFERENCE §1.5 crisis, §2.1–2.2 home thresholds)', () => {
  it.each([
    // §1.5 / §10: 180/120 exactly is NOT crisis under ACC/AHA and China (">180/120"), it is under ESH (≥180/110).
    ['china-2018', 181, 100, 'crisis'],
    ['china-2018', 170, 121, 'crisis'],
    ['china-2018', 180, 120, 'high'],
    ['acc-aha-2017', 180, 120, 'high'],
    ['esh-2023', 180, 100, 'crisis'],
    ['esh-2023', 150, 110, 'crisis'],
    // §2.2 ESH/China HBPM ≥135/85; §2.1 ACC/AHA HBPM ≥130/80.
    ['china-2018', 135, 80, 'high'],
    ['china-2018', 134, 84, 'normal'],
    ['acc-aha-2017', 130, 70, 'high'],
    ['acc-aha-2017', 129, 79, 'normal'],
  ] as const)('%s %i/%i → %s', (guideline, sbp, dbp, category) => {
    expect(readingCategory({ sbp, dbp }, guideline)).toBe(category);
  });
});

describe('crisis advice for the patient', () => {
  const readings = [
    { id: 'a', time: '2026-03-10T08:00:00+08:00', sbp: 150, dbp: 95 },
    { id: 'b', time: '2026-03-10T08:02:00+08:00', sbp: 186, dbp: 124 },
  ];

  it('is absent below the crisis range', () => {
    expect(crisisAdvice(readings.slice(0, 1), 'china-2018', 'zh-CN')).toBeUndefined();
  });

  it('says repeat after 5 minutes of rest, call 120 with symptoms, clinic today without — in Chinese', () => {
    const advice = crisisAdvice(readings, 'china-2018', 'zh-CN')!;
    expect(advice.readings.map((r) => r.id)).toEqual(['b']);
    expect(advice.title).toContain('186/124');
    expect(advice.steps.join('\n')).toMatch(/休息 5 分钟/);
    expect(advice.steps.join('\n')).toMatch(/胸痛.*呼吸困难.*无力.*说话.*看不清.*头痛.*120/s);
    expect(advice.steps.join('\n')).toMatch(/今天之内联系/);
    expect(advice.source).toContain('中国高血压防治指南 2018');
    expect(JSON.stringify(advice)).not.toMatch(/REFERENCE|UNVERIFIED|[A-Za-z]{4,}\s[a-z]{4,}\s[a-z]{4,}/);
  });

  it('in English, naming the guideline', () => {
    const advice = crisisAdvice(readings, 'acc-aha-2017', 'en')!;
    expect(advice.steps.join(' ')).toMatch(
      /rest quietly for 5 minutes.*call 120 now.*clinic or doctor today/s,
    );
    expect(advice.source).toMatch(/^ACC\/AHA 2017 guideline, section 11\.2/);
    expect(advice.source).not.toContain('§');
    expect(JSON.stringify(advice)).not.toMatch(/REFERENCE|UNVERIFIED|[\u4e00-\u9fff]/);
  });

  it('picks the language from ?lang, then Accept-Language, else Chinese', () => {
    expect(patientLanguage('en', 'zh-CN')).toBe('en');
    expect(patientLanguage(undefined, 'en-GB,en;q=0.9')).toBe('en');
    expect(patientLanguage(undefined, 'fr-FR, zh;q=0.5')).toBe('zh-CN');
    expect(patientLanguage()).toBe('zh-CN');
  });
});

describe('advice follows the crisis alert look-back and names the measured date (decision 0009)', () => {
  const options = { now: '2026-12-06T04:00:00Z', timeZone: 'Asia/Shanghai', lookbackHours: 744 };
  const at = (time: string, sbp = 185, dbp = 125) => [{ id: time, time, sbp, dbp }];

  it.each([
    ['2026-12-06T03:55:00Z', 'zh-CN', '您今天 11:55 测量的 185/125'],
    ['2026-12-06T03:55:00Z', 'en', 'measured today at 11:55 (185/125 mmHg)'],
    ['2026-12-03T00:00:00Z', 'zh-CN', '您 12月3日 测量的 185/125'],
    ['2026-12-02T17:00:00Z', 'en', 'measured on 3 December'], // 01:00 on 3 December in Shanghai
    ['2026-11-06T05:00:00Z', 'zh-CN', '您 11月6日 测量的'], // 743 h: still within the look-back
  ] as const)('%s (%s) → urgent, "%s"', (time, language, text) => {
    const advice = crisisAdvice(at(time), 'china-2018', language, options)!;
    expect(advice.level).toBe('crisis');
    expect(advice.title).toContain(text);
    expect(advice.steps.join(' ')).toMatch(/120/);
  });

  it('older than the look-back: a note to tell the clinic, no call-120 and no urgency, in one language', () => {
    const zh = crisisAdvice(at('2025-11-01T00:00:00Z', 210, 130), 'china-2018', 'zh-CN', options)!;
    expect(zh.level).toBe('old-reading');
    expect(zh.title).toContain('您 2025年11月1日 测量的 210/130');
    expect(zh.steps[0]).toContain('400 天前');
    expect(JSON.stringify(zh)).not.toMatch(/拨打|马上|立即/);
    const en = crisisAdvice(at('2026-11-01T00:00:00Z', 210, 130), 'china-2018', 'en', options)!;
    expect(en.title).toBe('Your blood pressure measured on 1 November (210/130 mmHg) was very high.');
    expect(en.steps[0]).toContain('35 days old');
    expect(JSON.stringify(en)).not.toMatch(/call 120|now:|[\u4e00-\u9fff]/);
  });

  it('a recent crisis reading decides the advice when old ones came in the same upload', () => {
    const advice = crisisAdvice(
      [...at('2026-11-01T00:00:00Z', 220, 130), ...at('2026-12-06T03:00:00Z', 190, 100)],
      'china-2018',
      'en',
      options,
    )!;
    expect(advice.level).toBe('crisis');
    expect(advice.title).toContain('190/100');
    expect(advice.readings).toHaveLength(1);
  });
});
