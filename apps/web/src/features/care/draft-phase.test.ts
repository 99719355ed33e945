import { describe, expect, it } from 'vitest';
import { canAcknowledge, draftPhase } from './draft-phase.ts';

describe('draft phase (decision 0017)', () => {
  it('tells unsigned, awaiting the pharmacist, returned and signed apart', () => {
    expect(draftPhase({ status: 'draft' })).toBe('unsigned');
    expect(draftPhase({ status: 'draft', awaitingReview: true })).toBe('awaiting-review');
    expect(draftPhase({ status: 'draft', returned: { reason: 'K+ not checked' } })).toBe('returned');
    expect(draftPhase({ status: 'active' })).toBe('signed');
    expect(draftPhase({ status: 'cancelled' })).toBe('closed');
  });

  it('offers the acknowledge box only on a draft that can be signed (not returned, not with the pharmacist)', () => {
    expect(canAcknowledge('unsigned')).toBe(true);
    expect(canAcknowledge('returned')).toBe(false);
    expect(canAcknowledge('awaiting-review')).toBe(false);
  });
});
