import { describe, expect, it } from 'vitest';
import { dosageLine } from './draft-text.ts';

describe('dosage in the screen language (issue 20 item 1: "5 mg once daily" on 我的用药)', () => {
  const daily = { timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } } };
  it('a dose and a daily frequency read in Chinese', () => {
    expect(
      dosageLine(
        { text: '5 mg once daily', ...daily, doseAndRate: [{ doseQuantity: { value: 5, unit: 'mg' } }] },
        'zh',
      ),
    ).toBe('5 mg，每日一次');
  });
  it('a frequency with no dose still reads in Chinese; en keeps the text', () => {
    expect(dosageLine({ text: 'once daily', ...daily }, 'zh')).toBe('每日一次');
    expect(dosageLine({ text: 'once daily', ...daily }, 'en')).toBe('once daily');
  });
});
