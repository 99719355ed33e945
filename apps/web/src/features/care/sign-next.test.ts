/**
 * Issue 20 (non-author try): the sign dialog said "Once signed it is the patient's medication at once" for drafts
 * that signing sent to the pharmacist, and never said the order being replaced stops. The next step follows the
 * server's `signing.pharmacistReview` (the rule signing follows) and names the order it replaces.
 */
import { describe, expect, it } from 'vitest';
import { signNextStep } from './sign-next.ts';

const signing = (pharmacistReview: boolean) => ({ signing: { pharmacistReview } });
const prior = { priorPrescription: { id: 'h', display: '氢氯噻嗪 25 mg' } };

describe('signNextStep', () => {
  it('to the pharmacist, with or without an order it replaces', () => {
    expect(signNextStep(signing(true))).toEqual({ key: 'careSign.toPharmacist' });
    expect(signNextStep({ ...signing(true), ...prior })).toEqual({
      key: 'careSign.toPharmacistReplaces',
      values: { prior: '氢氯噻嗪 25 mg' },
    });
  });
  it('active at once, with or without an order it replaces', () => {
    expect(signNextStep(signing(false))).toEqual({ key: 'careSign.activeAtOnce' });
    expect(signNextStep({ ...signing(false), ...prior })).toEqual({
      key: 'careSign.activeReplaces',
      values: { prior: '氢氯噻嗪 25 mg' },
    });
  });
  it('an unnamed replaced order is still said to stop', () => {
    const unnamed = { priorPrescription: { id: 'h', display: ' ' } };
    expect(signNextStep({ ...signing(true), ...unnamed })).toEqual({
      key: 'careSign.toPharmacistReplacesUnnamed',
    });
    expect(signNextStep({ ...signing(false), ...unnamed })).toEqual({
      key: 'careSign.activeReplacesUnnamed',
    });
  });
  it('no routing known: no claim', () => {
    expect(signNextStep({})).toBeUndefined();
  });
});
