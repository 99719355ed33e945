/** A dose change reads "change 5 mg → 10 mg" for the same drug, never two whole orders (issue 20). */
import { describe, expect, it } from 'vitest';
import { doseChange, pendingChangeKey } from './draft-change.ts';

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

// Issue 20/19 try: an unsigned draft said "(the current order stops when this is signed)" with pharmacist review on,
// where the order stops on approval (the signed card and the sign dialog already said so).
describe('pendingChangeKey', () => {
  const dose = doseChange('Amlodipine 5 mg', 'Amlodipine 10 mg');
  const swap = doseChange('Hydrochlorothiazide 25 mg', 'Chlorthalidone 12.5 mg');
  it('an unsigned draft with pharmacist review on: the current order stops on approval', () => {
    const draft = { signing: { pharmacistReview: true } };
    expect(pendingChangeKey(dose, draft)).toBe('care.draftReview.changeDoseOnApproval');
    expect(pendingChangeKey(swap, draft)).toBe('care.draftReview.changeFromToOnApproval');
  });
  it('an unsigned draft without pharmacist review: it stops when signed', () => {
    const draft = { signing: { pharmacistReview: false } };
    expect(pendingChangeKey(dose, draft)).toBe('care.draftReview.changeDose');
    expect(pendingChangeKey(swap, draft)).toBe('care.draftReview.changeFromTo');
  });
  it('a signed order awaiting review: it stops on approval', () => {
    expect(pendingChangeKey(dose, { awaitingReview: true })).toBe('care.draftReview.changeDoseOnApproval');
  });
});
