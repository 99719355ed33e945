/**
 * Orders awaiting the pharmacist's review are already ordered (issue 20/19, SAFETY; a try on Marcos Barrows: gout,
 * on hydrochlorothiazide, amlodipine 5 mg awaiting review — the proposal drafted amlodipine 2.5 mg, a critical
 * duplicate). A `pending` current medication counts as on board: no order of its drug or class is proposed again,
 * no step-up is made on BP measured before it takes effect (REFERENCE §7.4 regimen settle, decision 0023), and the
 * proposal says "awaiting pharmacist review: …" instead. Safety changes of active agents still stand.
 */
import { describe, expect, it } from 'vitest';
import { proposeTreatment } from './treatment.ts';
import type { CurrentMedication, TreatmentInput } from './types.ts';

function input(over: Partial<TreatmentInput> = {}): TreatmentInput {
  return {
    guideline: 'china-2018',
    age: 72,
    sex: 'male',
    bp: { sbp: 156, dbp: 92 },
    bpSource: 'home',
    conditions: {},
    current: [],
    ...over,
  };
}
const med = (agent: string, cls: CurrentMedication['cls'], dailyDoseMg: number, pending = false) =>
  ({ agent, cls, dailyDoseMg, ...(pending ? { pending: true } : {}) }) as CurrentMedication;

describe('a proposal with orders awaiting pharmacist review', () => {
  it('untreated but amlodipine 5 mg awaiting review: no amlodipine or other calcium-channel blocker, says it awaits review', () => {
    const p = proposeTreatment(input({ current: [med('amlodipine', 'ccb-dhp', 5, true)] }));
    expect(p.orders.filter((o) => o.agent === 'amlodipine' || o.classes.includes('ccb-dhp'))).toEqual([]);
    // No step-up on BP from before it takes effect.
    expect(p.orders).toEqual([]);
    expect(p.decision).toBe('too-early');
    expect(p.notes.map((n) => n.en)).toContainEqual(
      expect.stringContaining('Awaiting pharmacist review: Amlodipine 5 mg/day'),
    );
    expect(p.notes.map((n) => n.zh)).toContainEqual(expect.stringContaining('待药师审核：氨氯地平 5 mg/日'));
    expect(p.display.en).toContain('Too early to judge the current regimen');
  });

  it('without it pending the same input steps up (the test can fail)', () => {
    const p = proposeTreatment(input({ current: [med('amlodipine', 'ccb-dhp', 5)] }));
    expect(p.orders.length).toBeGreaterThan(0);
  });

  it('gout with the thiazide switch and amlodipine awaiting review: nothing proposed again for either', () => {
    const p = proposeTreatment(
      input({
        conditions: { gout: true },
        current: [med('chlorthalidone', 'thiazide', 12.5, true), med('amlodipine', 'ccb-dhp', 5, true)],
      }),
    );
    const touched = [...p.orders, ...p.stops].filter(
      (o) =>
        o.agent === 'amlodipine' ||
        o.agent === 'chlorthalidone' ||
        ('replaces' in o && o.replaces === 'chlorthalidone'),
    );
    expect(touched).toEqual([]);
    expect(p.orders.flatMap((o) => o.classes)).not.toContain('ccb-dhp');
    // The contraindication of the pending switch is said, as advice on the order awaiting review.
    expect(p.notes.map((n) => n.en)).toContainEqual(
      expect.stringContaining('Chlorthalidone (awaiting pharmacist review): '),
    );
  });

  it('a safety change of an active agent still stands beside a pending order of another class', () => {
    const p = proposeTreatment(
      input({
        labs: { potassium: 6.2, egfr: 70 },
        current: [med('lisinopril', 'acei', 20), med('amlodipine', 'ccb-dhp', 5, true)],
      }),
    );
    expect(p.stops.map((s) => s.agent)).toContain('lisinopril');
    expect(p.orders.flatMap((o) => o.classes)).not.toContain('ccb-dhp');
  });
});
