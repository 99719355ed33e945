/**
 * Issue 18/20 (non-author try of `qihuang rx review`): verapamil at heart rate 55 printed "[提示] 禁忌：…慎用"; a
 * 2019 heart rate of 46 printed the critical finding with a raw ISO time. Now: "[警告] 慎用…" and an info recheck dated.
 */
import { describe, expect, it } from 'vitest';
import { reviewDocument, rxText } from './rx.ts';

const bundle = (hr: number, at: string) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { resource: { resourceType: 'Patient', id: 'p1', gender: 'male', birthDate: '1958-05-01' } },
    {
      resource: {
        resourceType: 'Observation',
        id: 'hr',
        status: 'final',
        subject: { reference: 'Patient/p1' },
        code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
        effectiveDateTime: at,
        valueQuantity: { value: hr, unit: '/min' },
      },
    },
    {
      resource: {
        resourceType: 'MedicationRequest',
        id: 'new',
        status: 'draft',
        intent: 'order',
        subject: { reference: 'Patient/p1' },
        medicationCodeableConcept: { text: 'verapamil SR 240 mg qd' },
      },
    },
  ],
});
const now = new Date('2026-12-08T02:00:00Z');

describe('rx review text: heart-rate cautions', () => {
  it('HR 55: a warning headed 慎用, never 禁忌', async () => {
    const r = await reviewDocument(bundle(55, '2026-12-05T09:00:00+08:00'), { now });
    const zh = rxText(r.findings, 'zh-CN');
    expect(zh).toMatch(/^\[警告\] 慎用维拉帕米：心率 55 次\/分（2026-12-05）/);
    expect(zh.split('\n')[0]).not.toMatch(/禁忌|禁用/); // the source line names the guideline's contraindication table
    expect(rxText(r.findings, 'en')).toMatch(
      /^\[WARNING\] Caution: use verapamil with care at heart rate 55\/min \(2026-12-05\)/,
    );
  });

  it('HR 46 from 2019: an info recheck with the date, no ISO time, not critical', async () => {
    const r = await reviewDocument(bundle(46, '2019-03-02T08:30:00+08:00'), { now });
    const en = rxText(r.findings, 'en');
    expect(en).toMatch(/^\[INFO\] Caution: verapamil — last heart rate 46\/min on 2019-03-02 — recheck/);
    expect(en).not.toMatch(/CRITICAL|T08:30/);
  });
});
