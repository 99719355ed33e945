import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { medicationAdherenceLine } from './medication-adherence.ts';

const i18n = i18next.createInstance();
await i18n.init({
  lng: 'zh-CN',
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  interpolation: { escapeValue: false },
});
const percent = (f: number) => `${Math.round(f * 100)}%`;
const day = (i: number, taken: boolean | null) => ({
  date: `2026-03-${String(i + 1).padStart(2, '0')}`,
  taken,
});

describe('medicationAdherenceLine (issue 20 item 9: unrecorded days apart)', () => {
  const days = Array.from({ length: 14 }, (_, i) => day(i, i === 13 ? true : i === 12 ? false : null));
  const a = { fraction: 0.5, takenDays: 1, missedDays: 1, unrecordedDays: 12, days };

  it('says the unrecorded days apart and the percentage of recorded days', () => {
    const zh = medicationAdherenceLine(a, i18n.getFixedT('zh-CN'), percent);
    expect(zh).toBe('近 14 天：已记录 2 天，其中服药 1 天（50%）；12 天未记录');
    const enLine = medicationAdherenceLine(a, i18n.getFixedT('en'), percent);
    expect(enLine).toBe('Last 14 days: taken on 1 of the 2 days you recorded (50%); 12 days not recorded');
  });
  it('no day recorded: no percentage, never 0 % "not taken"', () => {
    const none = {
      fraction: 0,
      takenDays: 0,
      missedDays: 0,
      unrecordedDays: 14,
      days: days.map((d) => ({ ...d, taken: null })),
    };
    expect(medicationAdherenceLine(none, i18n.getFixedT('zh-CN'), percent)).toBe('近 14 天：还没有记录');
  });
});
