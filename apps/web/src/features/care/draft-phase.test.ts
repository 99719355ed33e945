import { describe, expect, it } from 'vitest';
import {
  canAcknowledge,
  draftGroups,
  draftPhase,
  draftsAfterProposal,
  isEmergencyFinding,
} from './draft-phase.ts';

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

describe('the drafts after a new proposal (issue 20)', () => {
  it('drops an unsigned draft the server withdrew, keeps what was signed or withdrawn here, then the fresh list', () => {
    const current = [
      { id: 'old-0', status: 'draft' },
      { id: 'signed-0', status: 'active' },
      { id: 'gone-0', status: 'cancelled' },
      { id: 'awaiting-0', status: 'draft' },
    ];
    const fresh = [
      { id: 'awaiting-0', status: 'draft' },
      { id: 'new-0', status: 'draft' },
    ];
    expect(draftsAfterProposal(current, fresh).map((d) => d.id)).toEqual([
      'signed-0',
      'gone-0',
      'awaiting-0',
      'new-0',
    ]);
  });

  it('knows the open-emergency finding by its id', () => {
    expect(isEmergencyFinding({ id: 'care.open-emergency:alert-1' })).toBe(true);
    expect(isEmergencyFinding({ id: 'duplication:MedicationRequest/a' })).toBe(false);
  });
});

describe('the drafts by heading (issue 20)', () => {
  it('an order the pharmacist approved has its own group, after the drafts and those awaiting review', () => {
    const groups = draftGroups([
      { id: 'done-0', status: 'cancelled' },
      { id: 'approved-0', status: 'active', approved: { at: '2026-03-10T04:00:00Z' } },
      { id: 'signed-0', status: 'active' },
      { id: 'awaiting-0', status: 'draft', awaitingReview: true },
      { id: 'new-0', status: 'draft' },
    ]);
    expect(groups.map((g) => [g.id, g.drafts.map((d) => d.id)])).toEqual([
      ['toSign', ['new-0']],
      ['awaiting', ['awaiting-0']],
      ['approved', ['approved-0']],
      ['done', ['done-0', 'signed-0']],
    ]);
  });
});
