/** A dose change reads "change 5 mg → 10 mg" for the same drug, never two whole orders (issue 20). */
import { describe, expect, it } from 'vitest';
import { doseChange } from './draft-change.ts';

describe('doseChange', () => {
  it('names the drug once and the doses before and after', () => {
    expect(doseChange('Amlodipine 5 mg', 'Amlodipine 10 mg')).toEqual({
      badge: 'care.draftReview.change',
      drug: 'Amlodipine',
      from: '5 mg',
      to: '10 mg',
    });
  });
  it('keeps both names when the drug changes (a replacement)', () => {
    expect(doseChange('Losartan 50 mg', 'Valsartan 80 mg')).toEqual({
      badge: 'care.draftReview.switch',
      drug: '',
      from: 'Losartan 50 mg',
      to: 'Valsartan 80 mg',
    });
  });
  it('matches the drug name regardless of case', () => {
    expect(doseChange('amlodipine 5 mg', 'Amlodipine 10 mg')).toMatchObject({ from: '5 mg', to: '10 mg' });
  });
  // Issue 20 try: 氢氯噻嗪 25 mg → 氨氯地平 2.5 mg carried the 调整剂量 / Dose change badge.
  it('labels a switch of drug 换药/Switch and the same drug at another dose a dose change', () => {
    expect(doseChange('氢氯噻嗪 25 mg', '氨氯地平 2.5 mg').badge).toBe('care.draftReview.switch');
    expect(doseChange('氨氯地平 5 mg', '氨氯地平 10 mg').badge).toBe('care.draftReview.change');
    expect(doseChange('Losartan 50 mg', 'Valsartan 80 mg').badge).toBe('care.draftReview.switch');
  });
});
