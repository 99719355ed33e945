/** A dose change reads "change 5 mg → 10 mg" for the same drug, never two whole orders (issue 20). */
import { describe, expect, it } from 'vitest';
import { doseChange } from './draft-change.ts';

describe('doseChange', () => {
  it('names the drug once and the doses before and after', () => {
    expect(doseChange('Amlodipine 5 mg', 'Amlodipine 10 mg')).toEqual({
      drug: 'Amlodipine',
      from: '5 mg',
      to: '10 mg',
    });
  });
  it('keeps both names when the drug changes (a replacement)', () => {
    expect(doseChange('Losartan 50 mg', 'Valsartan 80 mg')).toEqual({
      drug: '',
      from: 'Losartan 50 mg',
      to: 'Valsartan 80 mg',
    });
  });
  it('matches the drug name regardless of case', () => {
    expect(doseChange('amlodipine 5 mg', 'Amlodipine 10 mg')).toMatchObject({ from: '5 mg', to: '10 mg' });
  });
});
