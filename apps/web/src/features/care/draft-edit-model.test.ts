/**
 * The draft edit form (issue 20): starts from the draft's values, checks in the page's language before sending
 * (a dose above the drug's maximum daily dose — amlodipine 10 mg a day, Norvasc US label section 2.1 — is refused,
 * decision 0019), sends only what changed, leaves an untouched quantity to the server, and names refusals.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import type { DraftEditForm } from '../../api/care.ts';
import { editFrom, editRefusal, initialValues } from './draft-edit-model.ts';
import { draftGroups } from './draft-phase.ts';

const form: DraftEditForm = {
  dose: { value: 5, unit: 'mg' },
  frequency: 'qd',
  durationDays: 28,
  quantity: 28,
  units: [{ code: 'mg', label: 'mg' }],
  strengths: [2.5, 5, 10],
  frequencies: [
    { code: 'qd', label: '每日一次' },
    { code: 'bid', label: '每日两次' },
  ],
  maxDaily: { value: 10, unit: 'mg' },
  maxDays: 84,
};

describe('draft edit form', () => {
  it('starts from the draft and sends only what changed; the quantity is counted by the server unless typed', () => {
    const v = initialValues(form);
    expect(v).toEqual({ dose: '5', unit: 'mg', frequency: 'qd', days: '28', quantity: '28' });
    expect(editFrom(form, { ...v, dose: '10' }, false)).toEqual({
      edit: { dose: { value: 10, unit: 'mg' } },
    });
    expect(editFrom(form, { ...v, days: '14', quantity: '20' }, true)).toEqual({
      edit: { durationDays: 14, quantity: 20 },
    });
    expect(editFrom(form, v, false)).toEqual({ edit: {} });
  });

  it('refuses in the page language before sending: no dose, days out of 1–84, a part tablet count, above the maximum', () => {
    const v = initialValues(form);
    expect(editFrom(form, { ...v, dose: '' }, false)).toEqual({ problem: { key: 'careDraft.errors.dose' } });
    expect(editFrom(form, { ...v, days: '85' }, false)).toEqual({
      problem: { key: 'careDraft.errors.days', values: { max: 84 } },
    });
    expect(editFrom(form, { ...v, quantity: '2.5' }, true)).toEqual({
      problem: { key: 'careDraft.errors.quantity' },
    });
    expect(editFrom(form, { ...v, dose: '10', frequency: 'bid' }, false)).toEqual({
      problem: { key: 'careDraft.errors.aboveMax', values: { daily: 20, max: 10, unit: 'mg' } },
    });
  });

  it("names the server's refusals: its own dose text as is, zod 400s generally, a draft now with the pharmacist", () => {
    const above = new ApiError(400, 'invalid-input', '氨氯地平每日 20 mg，超过最大日剂量 10 mg', [
      'care.dose-above-max:20:10:mg: …',
    ]);
    expect(editRefusal(above)).toMatchObject({
      localized: true,
      detail: '氨氯地平每日 20 mg，超过最大日剂量 10 mg',
    });
    expect(editRefusal(new ApiError(400, 'invalid-input', 'durationDays: Too big'))).toMatchObject({
      key: 'careDraft.errors.invalid',
    });
    expect(editRefusal(new ApiError(409, 'conflict', 'x', ['care.awaiting-review: x'])).key).toBe(
      'careSign.errors.awaitingReview',
    );
  });

  it('groups the drafts: to sign (unsigned, returned), awaiting the pharmacist, done here', () => {
    const groups = draftGroups([
      { status: 'draft' },
      { status: 'draft', awaitingReview: true },
      { status: 'draft', returned: { reason: 'x' } },
      { status: 'active' },
      { status: 'cancelled' },
    ]);
    expect(groups.map((g) => [g.id, g.drafts.length])).toEqual([
      ['toSign', 2],
      ['awaiting', 1],
      ['done', 2],
    ]);
  });
});
