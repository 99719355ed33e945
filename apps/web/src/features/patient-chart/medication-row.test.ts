import { describe, expect, it } from 'vitest';
import { enCareDraft } from '../../i18n/en-care-draft.ts';
import { zhCNCareDraft } from '../../i18n/zh-CN-care-draft.ts';
import { medicationStatusKey, onMedicationList, slipPath } from './medication-row.ts';

// The chart Overview's 用药 list (issue 20 follow-up): an order signed and with the pharmacist reads 待药师审核, not
// 草稿 (the doctor would draft it again); an order signed here and active (approved) offers its 处方笺.
const AWAITING = {
  coding: [{ system: 'urn:qihuang:pharmacy-review', code: 'awaiting-pharmacist-review' }],
};
const SIGNED = { url: 'urn:qihuang:signed', valueString: '{"by":"dr.li","at":"2026-12-07T16:33:00Z"}' };

describe('chart medication list: status words and the slip', () => {
  it('says 待药师审核 / Awaiting pharmacist review for a signed order with the pharmacist, 草稿 for a draft', () => {
    const awaiting = { status: 'draft', intent: 'order', statusReason: AWAITING, extension: [SIGNED] };
    expect(medicationStatusKey(awaiting)).toBe('careDraft.groups.awaiting');
    expect(zhCNCareDraft.groups.awaiting).toBe('待药师审核');
    expect(enCareDraft.groups.awaiting).toBe('Awaiting pharmacist review');
    expect(medicationStatusKey({ status: 'draft', intent: 'proposal' })).toBe('chart.statusWord.draft');
    expect(medicationStatusKey({ status: 'active' })).toBe('chart.statusWord.active');
    const returned = {
      status: 'draft',
      intent: 'order',
      extension: [
        { url: 'urn:qihuang:pharmacy-review', extension: [{ url: 'state', valueCode: 'returned' }] },
      ],
    };
    expect(medicationStatusKey(returned)).toBe('chart.statusWord.returned');
  });

  it('offers the 处方笺 of an active order signed on this platform only', () => {
    expect(slipPath({ id: 'mr 1', status: 'active', extension: [SIGNED] })).toBe(
      '/prescriptions/mr%201/print',
    );
    // Imported history and orders written elsewhere carry no signature here; drafts are not prescriptions yet.
    expect(slipPath({ id: 'mr2', status: 'active' })).toBeUndefined();
    expect(
      slipPath({ id: 'mr3', status: 'draft', statusReason: AWAITING, extension: [SIGNED] }),
    ).toBeUndefined();
    expect(slipPath({ id: 'mr4', status: 'completed', extension: [SIGNED] })).toBeUndefined();
  });
});

// Issue 20 try: the superseded '氨氯地平 2.5 mg 已取消' draft and the '已退回' order stood among the medications.
describe('chart medication list: what it lists', () => {
  const REVIEW = 'urn:qihuang:pharmacy-review';
  it('leaves out cancelled, entered-in-error and returned orders (history and the Care tab keep them)', () => {
    expect(onMedicationList({ status: 'cancelled', intent: 'proposal' })).toBe(false);
    expect(onMedicationList({ status: 'entered-in-error' })).toBe(false);
    const returned = {
      status: 'draft',
      intent: 'order',
      extension: [{ url: REVIEW, extension: [{ url: 'state', valueCode: 'returned' }] }],
    };
    expect(onMedicationList(returned)).toBe(false);
  });
  it('keeps active, awaiting review, unsigned draft, stopped and completed orders', () => {
    expect(onMedicationList({ status: 'active' })).toBe(true);
    expect(onMedicationList({ status: 'draft', intent: 'order', statusReason: AWAITING })).toBe(true);
    expect(onMedicationList({ status: 'draft', intent: 'proposal' })).toBe(true);
    expect(onMedicationList({ status: 'stopped' })).toBe(true);
    expect(onMedicationList({ status: 'completed' })).toBe(true);
  });
});
