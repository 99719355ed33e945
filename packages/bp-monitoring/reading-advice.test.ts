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
    expect(advice.source).toMatch(/^ACC\/AHA 2017 guideline §11\.2/);
    expect(JSON.stringify(advice)).not.toMatch(/REFERENCE|UNVERIFIED|[\u4e00-\u9fff]/);
  });

  it('picks the language from ?lang, then Accept-Language, else Chinese', () => {
    expect(patientLanguage('en', 'zh-CN')).toBe('en');
    expect(patientLanguage(undefined, 'en-GB,en;q=0.9')).toBe('en');
    expect(patientLanguage(undefined, 'fr-FR, zh;q=0.5')).toBe('zh-CN');
    expect(patientLanguage()).toBe('zh-CN');
  });
});
