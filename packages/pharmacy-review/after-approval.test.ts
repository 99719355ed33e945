/**
 * A finding that appeared after the pharmacist approved the order (issue 20 try: a potassium of 5.8 measured the
 * day after approval showed on the approved card as if the pharmacist had approved over it): it is marked, with the
 * time of the result behind it when that came after the approval.
 */
import type { Finding } from '@qihuang/engines/prescription-review';
import { describe, expect, it } from 'vitest';
import { afterApproval } from './after-approval.ts';
import type { ReviewRecord } from './api-types/index.ts';

const finding = (id: string, facts: string[]): Finding =>
  ({
    id,
    ruleId: id,
    type: 'lab',
    severity: 'critical',
    summary: { zh: '', en: '' },
    detail: { zh: '', en: '' },
    drugs: [],
    evidence: { orders: [], facts },
    source: { id: 's', label: 'label' },
  }) as unknown as Finding;
const approved: ReviewRecord = {
  state: 'approved',
  at: '2026-03-10T02:00:00Z',
  findings: [{ id: 'seen', type: 'interaction', severity: 'warning' }],
};
const context = {
  conditions: [],
  allergies: [],
  medications: [],
  labs: {
    potassium: { value: 5.8, at: '2026-03-11T01:30:00Z' },
    egfr: { value: 50, at: '2026-01-05T00:00:00Z' },
  },
};

describe('findings after the approval', () => {
  it('a finding the pharmacist saw is not marked; a new one is, with the later lab time', () => {
    expect(afterApproval(finding('seen', []), approved, context)).toBeUndefined();
    expect(afterApproval(finding('k-high', ['lab:potassium=5.8', 'rule:x']), approved, context)).toEqual({
      at: '2026-03-11T01:30:00Z',
    });
  });
  it('a new finding on a result older than the approval is marked without a time', () => {
    expect(afterApproval(finding('renal', ['renal:x', 'egfr=50']), approved, context)).toEqual({});
  });
  it('pending and returned orders are never marked', () => {
    const f = finding('k-high', ['lab:potassium=5.8']);
    expect(afterApproval(f, { state: 'pending', findings: [] }, context)).toBeUndefined();
    expect(afterApproval(f, { ...approved, state: 'returned' }, context)).toBeUndefined();
  });
});
