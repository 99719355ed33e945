import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { STATUSES, medicationStatus, statusKey, unitWord } from './chart-words.ts';

describe('chart words for a patient (one language per screen)', () => {
  it('maps FHIR status codes to message keys, unknown codes to none', () => {
    expect(statusKey('active')).toBe('chart.statusWord.active');
    expect(statusKey('stopped')).toBe('chart.statusWord.stopped');
    expect(statusKey('resolved')).toBe('chart.statusWord.resolved');
    expect(statusKey('finished')).toBe('chart.statusWord.finished');
    expect(statusKey('entered-in-error')).toBeUndefined();
    expect(statusKey(undefined)).toBeUndefined();
    // Allergy criticality is a code too ("high" on a Chinese screen was English).
    expect(statusKey('high')).toBe('chart.statusWord.high');
  });
  it('every status and criticality code has a word in both languages, the Chinese one in Chinese', () => {
    for (const code of STATUSES) {
      expect(en.chart.statusWord[code]).toBeTruthy();
      expect(zhCN.chart.statusWord[code]).toMatch(/\p{Script=Han}/u);
    }
  });
  it('an order the pharmacist returned reads 已退回 / returned, not 草稿 / draft (issue 20 item 8)', () => {
    const review = (state: string) => ({
      url: 'urn:qihuang:pharmacy-review',
      extension: [{ url: 'state', valueCode: state }],
    });
    expect(medicationStatus({ status: 'draft', extension: [review('returned')] })).toBe('returned');
    expect(medicationStatus({ status: 'draft', extension: [review('pending')] })).toBe('draft');
    expect(medicationStatus({ status: 'draft' })).toBe('draft');
    expect(medicationStatus({ status: 'active', extension: [review('approved')] })).toBe('active');
    expect(zhCN.chart.statusWord.returned).toBe('已退回');
    expect(en.chart.statusWord.returned).toBe('returned by pharmacy');
  });
  it('turns UCUM heart-rate units into the page language', () => {
    expect(unitWord('87 beats/minute', 'zh-CN')).toBe('87 次/分');
    expect(unitWord('87 /min', 'zh-CN')).toBe('87 次/分');
    expect(unitWord('87 beats/minute', 'en')).toBe('87 beats/min');
    expect(unitWord('120/80 mmHg', 'zh-CN')).toBe('120/80 mmHg');
  });
});
