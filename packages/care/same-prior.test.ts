/**
 * The refusal of a second pending replacement of one order (same-prior.ts, issue 20/19): in the request's language,
 * naming the order and both changes by medicine (no resource ids), telling the prescriber to withdraw one; none when
 * the other change replaces another order or is not awaiting the pharmacist.
 */
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { AWAITING_REVIEW_REASON } from '@qihuang/pharmacy-review';
import type { FhirResource } from '@qihuang/store';
import { SECOND_REPLACEMENT, secondReplacementRefusal } from './same-prior.ts';

const drugs = createDrugKnowledgeBase();
const order = (id: string, drug: string, text: string, extra: Record<string, unknown> = {}) =>
  ({
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'proposal',
    subject: { reference: 'Patient/p' },
    medicationCodeableConcept: { text, coding: [{ system: 'urn:qihuang:drug', code: drug }] },
    ...extra,
  }) as FhirResource;
const replacing = (id: string) => ({ priorPrescription: { reference: `MedicationRequest/${id}` } });
const hctz = order('hctz', 'hydrochlorothiazide', 'Hydrochlorothiazide 25 mg', {
  status: 'active',
  intent: 'order',
});
const ctd = order('ctd', 'chlorthalidone', 'Chlorthalidone 12.5 mg', {
  ...replacing('hctz'),
  intent: 'order',
  statusReason: AWAITING_REVIEW_REASON,
});
const half = order('half', 'hydrochlorothiazide', 'Hydrochlorothiazide 12.5 mg', replacing('hctz'));

describe('secondReplacementRefusal', () => {
  it('refuses in Chinese and in English, by medicine names, never resource ids', () => {
    const zh = secondReplacementRefusal(half, [hctz, ctd], drugs, 'zh');
    expect(zh?.status).toBe(409);
    expect(zh?.message).toBe(
      '不能签署：两个待生效的变更替换同一医嘱（氢氯噻嗪 25 mg）：氢氯噻嗪 12.5 mg；氯噻酮 12.5 mg，待药师审核。同一医嘱只能有一个待生效的变更，确认警示也不能签署：请撤回其中一个——本草稿，或待药师审核的那个变更。',
    );
    expect(zh?.issues[0]?.message.startsWith(`${SECOND_REPLACEMENT}: `)).toBe(true);
    const en = secondReplacementRefusal(half, [hctz, ctd], drugs, 'en');
    expect(en?.message).toContain('This draft cannot be signed: Two pending changes replace the same order');
    for (const e of [zh, en]) expect(JSON.stringify(e?.issues)).not.toMatch(/MedicationRequest|hctz|ctd/);
  });

  it('is undefined when the other change replaces another order, or is not awaiting the pharmacist', () => {
    const elsewhere = { ...ctd, priorPrescription: { reference: 'MedicationRequest/other' } } as FhirResource;
    const unsigned = { ...ctd, intent: 'proposal', statusReason: undefined } as FhirResource;
    expect(secondReplacementRefusal(half, [hctz, elsewhere], drugs, 'zh')).toBeUndefined();
    expect(secondReplacementRefusal(half, [hctz, unsigned], drugs, 'zh')).toBeUndefined();
    expect(secondReplacementRefusal(half, [hctz], drugs, 'en')).toBeUndefined();
  });
});
