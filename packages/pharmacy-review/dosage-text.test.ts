import { describe, expect, it } from 'vitest';
import { dosageLine } from './dosage-text.ts';

const oral = {
  coding: [{ system: 'http://snomed.info/sct', code: '26643006', display: 'Oral route' }],
  text: 'oral',
};
const structured = (frequency: number, value: number) => ({
  text: `${value} mg by mouth once daily`,
  timing: { repeat: { frequency, period: 1, periodUnit: 'd' } },
  route: oral,
  doseAndRate: [{ doseQuantity: { value, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }],
});

describe('dosage line in the screen language', () => {
  it('zh screen: a structured oral dose reads in Chinese, not the English free text', () => {
    expect(dosageLine(structured(1, 12.5), 'zh-CN')).toBe('12.5 mg 口服，每日1次');
    expect(dosageLine(structured(2, 10), 'zh-CN')).toBe('10 mg 口服，每日2次');
  });

  it('en screen: the prescriber’s own text', () => {
    expect(dosageLine(structured(1, 12.5), 'en')).toBe('12.5 mg by mouth once daily');
    const { text: _t, ...noText } = structured(2, 10);
    expect(dosageLine(noText, 'en')).toBe('10 mg by mouth twice daily');
  });

  it('falls back to the free text when the structure is missing or not understood', () => {
    expect(dosageLine({ text: '遵医嘱' }, 'zh-CN')).toBe('遵医嘱');
    expect(
      dosageLine(
        { text: 'as directed', timing: { repeat: { frequency: 1, period: 8, periodUnit: 'h' } } },
        'zh-CN',
      ),
    ).toBe('as directed');
    expect(dosageLine(undefined, 'zh-CN')).toBeUndefined();
  });
});
