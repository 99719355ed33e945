import { describe, expect, it } from 'vitest';
import { dosageLine, medicationLine } from './dosage-text.ts';

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

describe('medication name in the screen language', () => {
  it('zh screen: the knowledge base’s Chinese name with the strength and form', () => {
    expect(medicationLine('Chlorthalidone 12.5 mg oral tablet', '氯噻酮', 'zh-CN')).toBe('氯噻酮片 12.5 mg');
    expect(medicationLine('Amlodipine 10 MG Oral Capsule', '氨氯地平', 'zh-CN')).toBe('氨氯地平胶囊 10 mg');
    expect(medicationLine('Losartan potassium 50 mg oral tablet', '氯沙坦', 'zh-CN')).toBe('氯沙坦片 50 mg');
  });

  it('keeps the order’s text on the en screen, when it is already Chinese, or when the drug is unknown', () => {
    expect(medicationLine('Chlorthalidone 12.5 mg oral tablet', '氯噻酮', 'en')).toBe(
      'Chlorthalidone 12.5 mg oral tablet',
    );
    expect(medicationLine('氯噻酮片 12.5mg', '氯噻酮', 'zh-CN')).toBe('氯噻酮片 12.5mg');
    expect(medicationLine('Foo 5 mg tablet', undefined, 'zh-CN')).toBe('Foo 5 mg tablet');
    expect(medicationLine('losartan 50 mg qd', '氯沙坦', 'zh-CN')).toBe('losartan 50 mg qd'); // free text kept
  });
  it('a bare name and strength (the care drafts\' "amlodipine 5 mg") reads in Chinese, issue 20 item 2', () => {
    expect(medicationLine('amlodipine 5 mg', '氨氯地平', 'zh-CN')).toBe('氨氯地平 5 mg');
    expect(medicationLine('amlodipine 5 mg', '氨氯地平', 'en')).toBe('amlodipine 5 mg');
    expect(medicationLine('losartan 50 mg qd', '氯沙坦', 'zh-CN')).toBe('losartan 50 mg qd');
  });
});
