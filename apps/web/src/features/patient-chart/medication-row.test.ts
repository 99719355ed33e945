import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { enCareDraft } from '../../i18n/en-care-draft.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { zhCNCareDraft } from '../../i18n/zh-CN-care-draft.ts';
import {
  medicationStatusKey,
  medicationStatusText,
  onMedicationList,
  replacementOf,
  slipPath,
} from './medication-row.ts';

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

// Issue 20 (H10): after a switch is approved the old order read only '已停用'; the chart now says what replaced it
// and when, from the new order's priorPrescription (the reverse link), so the doctor need not hunt for it.
describe('chart medication list: a stopped order says what replaced it', () => {
  const i18n = i18next.createInstance();
  const ready = i18n.init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
  const tIn = (lang: string) =>
    i18n.getFixedT(lang) as unknown as (k: string, o?: Record<string, unknown>) => string;
  const REPLACED = {
    coding: [{ system: 'urn:qihuang:order-status-reason', code: 'replaced' }],
    text: 'Replaced by a new order (已由新医嘱替换)',
  };
  const zhText = (content: string) => ({
    extension: [
      {
        url: 'http://hl7.org/fhir/StructureDefinition/translation',
        extension: [
          { url: 'lang', valueCode: 'zh-CN' },
          { url: 'content', valueString: content },
        ],
      },
    ],
  });
  const hctz = {
    id: 'hctz',
    status: 'stopped',
    statusReason: REPLACED,
    authoredOn: '2020-01-01T00:00:00Z',
    medicationCodeableConcept: { text: 'Hydrochlorothiazide 25 MG Oral Tablet' },
  };
  // Approved by the pharmacist at 16:40 UTC on 7 December: 8 December in Shanghai, the review record's time.
  const chlorthalidone = {
    id: 'ctd',
    status: 'active',
    intent: 'order',
    authoredOn: '2026-12-07T03:00:00Z',
    priorPrescription: { reference: 'MedicationRequest/hctz', display: 'Hydrochlorothiazide 25 MG' },
    medicationCodeableConcept: {
      text: 'Chlorthalidone 12.5 mg oral tablet',
      _text: zhText('氯噻酮 12.5 mg 片'),
    },
    extension: [
      {
        url: 'urn:qihuang:pharmacy-review',
        extension: [
          { url: 'state', valueCode: 'approved' },
          { url: 'at', valueDateTime: '2026-12-07T16:40:00Z' },
          { url: 'stopped', valueString: 'MedicationRequest/hctz' },
        ],
      },
    ],
  };
  const orders = [hctz, chlorthalidone];
  const zone = 'Asia/Shanghai';

  it('names the new order and the day it took effect, in the page language', async () => {
    await ready;
    expect(medicationStatusText(hctz, orders, tIn('zh-CN'), 'zh-CN', zone)).toBe(
      '已停用（由 氯噻酮 12.5 mg 替换，2026-12-08）',
    );
    expect(medicationStatusText(hctz, orders, tIn('en'), 'en', zone)).toBe(
      'stopped (replaced by Chlorthalidone 12.5 mg on 2026-12-08)',
    );
    expect(replacementOf(hctz, orders)).toEqual({ order: chlorthalidone, at: '2026-12-07T16:40:00Z' });
  });

  it('takes the signature time when the change needed no pharmacist (it took effect at signing)', async () => {
    await ready;
    const signed = {
      ...chlorthalidone,
      extension: [{ url: 'urn:qihuang:signed', valueString: '{"by":"dr.li","at":"2026-12-06T02:00:00Z"}' }],
    };
    expect(replacementOf(hctz, [hctz, signed])?.at).toBe('2026-12-06T02:00:00Z');
    expect(medicationStatusText(hctz, [hctz, signed], tIn('zh-CN'), 'zh-CN', zone)).toBe(
      '已停用（由 氯噻酮 12.5 mg 替换，2026-12-06）',
    );
  });

  it('does not take a draft, a returned or a withdrawn order naming it as what replaced it', async () => {
    await ready;
    const awaiting = { ...chlorthalidone, status: 'draft', extension: [] };
    const withdrawn = { ...chlorthalidone, status: 'cancelled', extension: [] };
    expect(replacementOf(hctz, [hctz, awaiting, withdrawn])).toBeUndefined();
    // Replaced, but the new order is not on this page of the list: said so, without a name.
    expect(medicationStatusText(hctz, [hctz], tIn('zh-CN'), 'zh-CN', zone)).toBe('已停用（已由新医嘱替换）');
    expect(medicationStatusText(hctz, [hctz], tIn('en'), 'en', zone)).toBe(
      'stopped (replaced by a new order)',
    );
  });

  it('leaves other statuses as they were', async () => {
    await ready;
    expect(medicationStatusText({ status: 'stopped' }, [], tIn('zh-CN'), 'zh-CN', zone)).toBe('已停用');
    expect(medicationStatusText(chlorthalidone, orders, tIn('zh-CN'), 'zh-CN', zone)).toBe('当前');
    expect(medicationStatusText({ status: 'odd-code' }, [], tIn('en'), 'en', zone)).toBe('odd-code');
  });
});
