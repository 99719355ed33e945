import { describe, expect, it } from 'vitest';
import type { BpAlert } from '../../api/bp.ts';
import { cardReading, readingLabel, inboxOrder, isOverdue } from './alert-overdue.ts';

const base: BpAlert = {
  id: 'a',
  patientId: 'p',
  status: 'active',
  kind: 'crisis',
  severity: 'critical',
  summary: { zh: '血压危急值 192/126 mmHg', en: 'BP crisis 192/126 mmHg' },
  createdAt: '2026-03-10T12:00:00.000Z',
  readings: ['r1'],
  values: { sbp: 192, dbp: 126 },
  rule: '',
  source: '',
};
const NOW = Date.parse('2026-03-10T12:10:00Z');

describe('inbox overdue marks (issue 20)', () => {
  it('marks what the server says is overdue or escalated, and what passed its due time on the page', () => {
    const due = { at: '2026-03-10T12:15:00.000Z', targetMinutes: 15, overdue: false };
    expect(isOverdue({ ...base, due }, NOW)).toBe(false);
    expect(isOverdue({ ...base, due }, Date.parse('2026-03-10T12:16:00Z'))).toBe(true);
    expect(isOverdue({ ...base, due: { ...due, overdue: true } }, NOW)).toBe(true);
    expect(isOverdue({ ...base, due: { ...due, escalatedAt: '2026-03-10T12:16:00Z' } }, NOW)).toBe(true);
    expect(isOverdue({ ...base, due }, NOW, true)).toBe(true);
    expect(isOverdue({ ...base, severity: 'warning' }, NOW)).toBe(false);
  });

  it('puts overdue cards first, oldest deadline first, then severity and newest', () => {
    const a = (id: string, severity: string, createdAt: string, dueAt?: string): BpAlert => ({
      ...base,
      id,
      severity,
      createdAt,
      ...(dueAt ? { due: { at: dueAt, targetMinutes: 15, overdue: true } } : {}),
    });
    const list = [
      a('warn-new', 'warning', '2026-03-10T12:09:00Z'),
      a('crit-open', 'critical', '2026-03-10T12:08:00Z'),
      a('late-2', 'critical', '2026-03-10T11:50:00Z', '2026-03-10T12:05:00Z'),
      a('late-1', 'critical', '2026-03-10T11:40:00Z', '2026-03-10T11:55:00Z'),
    ];
    const order = inboxOrder(
      list,
      (x) => isOverdue(x, NOW),
      (s) => (s === 'critical' ? 0 : 1),
    );
    expect(order.map((x) => x.id)).toEqual(['late-1', 'late-2', 'crit-open', 'warn-new']);
  });

  it('a reported emergency shows the BP the patient typed, with when it was reported or measured', () => {
    const reported: BpAlert = {
      ...base,
      kind: 'reported-emergency',
      summary: {
        zh: '患者问诊中报告急症症状：胸痛',
        en: 'Emergency symptoms reported in the consultation: chest pain',
      },
      values: { sbp: 190, dbp: 125 },
      readings: ['typed-0'],
    };
    expect(cardReading(reported)).toEqual({ value: '190/125 mmHg', time: base.createdAt, measured: false });
    expect(cardReading({ ...reported, readingAt: '2026-03-10T11:58:00.000Z' })).toEqual({
      value: '190/125 mmHg',
      time: '2026-03-10T11:58:00.000Z',
      measured: true,
    });
    // A crisis alert's text already names its values.
    expect(cardReading(base)).toBeUndefined();
    expect(cardReading({ ...reported, values: {} })).toBeUndefined();
  });
});

// Issue 20 (second non-author try): a consultation's emergency alert showing the patient's recorded 184/124 labelled it
// "BP the patient reported" — a clinician could dismiss a measured reading as hearsay.
describe('readingLabel', () => {
  const alert = (kind: string) => ({ kind }) as unknown as Parameters<typeof readingLabel>[0];
  it('a recorded reading is a blood pressure, also on a consultation alert; only a told one is reported', () => {
    const measured = { value: '184/124 mmHg', time: '2026-12-08T06:00:00Z', measured: true };
    const told = { value: '190/125 mmHg', time: '2026-12-08T06:00:00Z', measured: false };
    expect(readingLabel(alert('reported-emergency'), measured)).toBe('alertDue.reading');
    expect(readingLabel(alert('reported-emergency'), told)).toBe('alertDue.reportedReading');
    expect(readingLabel(alert('crisis'), measured)).toBe('alertDue.reading');
  });
});
