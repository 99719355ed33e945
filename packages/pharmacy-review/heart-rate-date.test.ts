/**
 * Issue 18/20: the pharmacist's card shows the date of the heart rate a finding rests on as the hospital's local date
 * (never a raw ISO date-time), and a reading older than the vital-sign window (decision 0028) is "recheck", not the
 * critical contraindication.
 */
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { reviewOrder } from './review-order.ts';

const drugs = createDrugKnowledgeBase();
const order = {
  resourceType: 'MedicationRequest',
  id: 'new',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text: 'verapamil SR 240 mg qd' },
};
const chart = (value: number, at: string) =>
  ({
    resources: [
      { resourceType: 'Patient', id: 'p1', gender: 'male', birthDate: '1958-05-01' },
      {
        resourceType: 'Observation',
        id: 'hr',
        status: 'final',
        subject: { reference: 'Patient/p1' },
        code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
        effectiveDateTime: at,
        valueQuantity: { value, unit: '/min' },
      },
    ],
  }) as never;
const now = new Date('2026-12-08T02:00:00Z');
const hrOf = (r: ReturnType<typeof reviewOrder>) =>
  r.findings.filter((f) => f.evidence.facts.some((x) => x.startsWith('heart-rate:')));

describe('heart rate on the pharmacist’s card', () => {
  it('a recent HR 46 at 23:30 UTC: critical, dated the next day in Shanghai, no ISO time', () => {
    const f = hrOf(
      reviewOrder(order as never, chart(46, '2026-12-01T23:30:00Z'), drugs, now, undefined, 'Asia/Shanghai'),
    );
    expect(f).toEqual([expect.objectContaining({ ruleId: 'ndhp-hr-50', severity: 'critical' })]);
    expect(f[0]!.summary.zh).toContain('（2026-12-02）');
    expect(JSON.stringify([f[0]!.summary, f[0]!.detail])).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('HR 46 from 2019: info, "recheck", not critical', () => {
    const f = hrOf(
      reviewOrder(
        order as never,
        chart(46, '2019-03-02T08:30:00+08:00'),
        drugs,
        now,
        undefined,
        'Asia/Shanghai',
      ),
    );
    expect(f).toEqual([expect.objectContaining({ ruleId: 'ndhp-hr-50-old-reading', severity: 'info' })]);
    expect(f[0]!.summary.zh).toContain('2019-03-02');
  });
});
