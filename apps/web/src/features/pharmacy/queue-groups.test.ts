/**
 * Issue 20 (brief P item 4): the pharmacist's queue grouped by patient — one patient's orders together, the patient
 * named once, the open emergency line once per patient — keeping the server's order by priority (severity, then age).
 */
import { describe, expect, it } from 'vitest';
import type { QueueItem, ReviewFinding } from './pharmacy-api.ts';
import { groupByPatient } from './queue-groups.ts';

const LINE =
  '患者有未处理的血压危急值预警（血压重度升高 205/124 mmHg）：请与处方医生确认已先评估有无高血压急症';
const emergency = (order: string): ReviewFinding =>
  ({
    id: `care.open-emergency:${order}`,
    ruleId: 'care.open-emergency',
    severity: 'critical',
    summary: LINE,
  }) as unknown as ReviewFinding;
const other = (id: string): ReviewFinding =>
  ({ id, ruleId: 'dup', severity: 'warning', summary: id }) as unknown as ReviewFinding;
const item = (id: string, patient: string, findings: ReviewFinding[], openEmergency?: string[]) =>
  ({
    id,
    patient: { id: patient, name: patient === 'p1' ? '王秀英' : '陈静' },
    findings,
    ...(openEmergency ? { openEmergency } : {}),
  }) as unknown as QueueItem;

describe('groupByPatient', () => {
  // Server order by priority: p1's critical order, p2's warning, p1's second order, p2's plain order.
  const items = [
    item('a', 'p1', [emergency('a'), other('dup:a')], [LINE]),
    item('b', 'p2', [other('dup:b')]),
    item('c', 'p1', [emergency('c')], [LINE]),
    item('d', 'p2', []),
  ];
  const groups = groupByPatient(items);

  it('one group per patient, in the order of each patient’s most urgent order; orders keep their order', () => {
    expect(groups.map((g) => g.patient.id)).toEqual(['p1', 'p2']);
    expect(groups.map((g) => g.items.map((i) => i.item.id))).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
  });

  it('the open emergency once per patient, not on each order; the other findings stay on their order', () => {
    expect(groups[0]!.emergency.lead.map((f) => f.id)).toEqual(['care.open-emergency:a']);
    expect(groups[0]!.emergency.lines).toEqual([]);
    expect(groups[0]!.items.map((i) => i.findings.map((f) => f.id))).toEqual([['dup:a'], []]);
    expect(groups[1]!.emergency).toEqual({ lead: [], lines: [] });
  });

  it('the finding and the line said once though one ends its bracket with a full stop (seen in Chromium)', () => {
    const withStop = { ...emergency('s'), summary: LINE.replace('mmHg）', 'mmHg。）') } as ReviewFinding;
    const g = groupByPatient([item('s', 'p1', [withStop], [LINE]), item('t', 'p1', [], [LINE])]);
    expect(g[0]!.emergency.lead).toHaveLength(1);
    expect(g[0]!.emergency.lines).toEqual([]);
  });

  it('a line no finding says is kept once for the patient', () => {
    const g = groupByPatient([item('x', 'p1', [], [LINE]), item('y', 'p1', [], [LINE])]);
    expect(g).toHaveLength(1);
    expect(g[0]!.emergency.lines).toEqual([LINE]);
  });
});
