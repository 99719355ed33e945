import { describe, expect, it } from 'vitest';
import { dosageText, withoutSemanticTag } from './chart-dosage.ts';
import { conditionNameZh } from './condition-names.ts';

const daily = (frequency: number) => ({ timing: { repeat: { frequency, period: 1, periodUnit: 'd' } } });
const dose = (value: number) => ({ doseAndRate: [{ doseQuantity: { value, unit: 'mg' } }] });

describe('the chart’s dosage line in the page language (issue 20)', () => {
  it('Chinese from the structured fields: 每日一次，每次2.5 mg (was "2.5 mg once daily")', () => {
    expect(dosageText({ text: '2.5 mg once daily', ...daily(1), ...dose(2.5) }, 'zh-CN')).toBe(
      '每日一次，每次2.5 mg',
    );
    expect(
      dosageText(
        { text: '10 mg twice daily', ...daily(2), ...dose(10), route: { coding: [{ code: '26643006' }] } },
        'zh',
      ),
    ).toBe('口服，每日两次，每次10 mg');
    expect(dosageText({ ...daily(1) }, 'zh-CN')).toBe('每日一次');
  });
  it('Chinese from the common sig words when there are no fields; a Chinese text stays', () => {
    expect(dosageText({ text: '2.5 mg once daily' }, 'zh-CN')).toBe('每日一次，每次2.5 mg');
    expect(dosageText({ text: 'amlodipine 5 mg qd by mouth' }, 'zh-CN')).toBe('amlodipine 5 mg qd by mouth');
    expect(dosageText({ text: '5 mg bid' }, 'zh-CN')).toBe('每日两次，每次5 mg');
    expect(dosageText({ text: '遵医嘱' }, 'zh-CN')).toBe('遵医嘱');
  });
  it('English keeps the text, else is written from the fields; never Chinese', () => {
    expect(dosageText({ text: '2.5 mg once daily', ...daily(1), ...dose(2.5) }, 'en')).toBe(
      '2.5 mg once daily',
    );
    expect(dosageText({ text: '每日一次', ...daily(1), ...dose(5) }, 'en')).toBe('5 mg once daily');
    expect(dosageText({ ...daily(2), asNeededBoolean: true }, 'en')).toBe('twice daily as needed');
    expect(dosageText(undefined, 'en')).toBeUndefined();
  });
  it('drops the SNOMED semantic tag', () => {
    expect(withoutSemanticTag('Essential hypertension (disorder)')).toBe('Essential hypertension');
    expect(withoutSemanticTag('Encounter for check up (procedure)')).toBe('Encounter for check up');
    expect(withoutSemanticTag('Body mass index 30+ - obesity (finding)')).toBe(
      'Body mass index 30+ - obesity',
    );
    expect(withoutSemanticTag('Hypertension')).toBe('Hypertension');
  });
});

describe('condition names on a zh chart with no translation (issue 20)', () => {
  it('names the care conditions by their SNOMED CT code, else nothing', () => {
    const snomed = (code: string) => ({ coding: [{ system: 'http://snomed.info/sct', code }] });
    expect(conditionNameZh(snomed('59621000'))).toBe('原发性高血压');
    expect(conditionNameZh(snomed('44054006'))).toBe('2型糖尿病');
    expect(conditionNameZh(snomed('230690007'))).toBe('脑卒中');
    expect(conditionNameZh(snomed('1234'))).toBeUndefined();
    expect(
      conditionNameZh({ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: '59621000' }] }),
    ).toBe(undefined);
  });
});
