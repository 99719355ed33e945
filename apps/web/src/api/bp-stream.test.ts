import { describe, expect, it } from 'vitest';
import type { BpAlert } from './bp.ts';
import { alertStreamEvent } from './bp.ts';

const alert: BpAlert = {
  id: 'alert-1',
  patientId: 'p1',
  status: 'active',
  kind: 'crisis',
  severity: 'critical',
  summary: { zh: '血压危急', en: 'BP crisis' },
  createdAt: '2026-03-10T08:00:00+08:00',
  readings: ['r1'],
  values: { sbp: 190, dbp: 125 },
  rule: 'crisis',
  source: 'ACC/AHA 2017 §11.2',
  joined: [
    {
      id: 'r2',
      time: '2026-03-10T09:00:00+08:00',
      sbp: 195,
      dbp: 126,
      joinedAt: '2026-03-10T09:00:05+08:00',
    },
  ],
};

describe('alert stream events', () => {
  it('reads every event type the server publishes, including a reading joining an open alert', () => {
    for (const type of ['alert', 'escalated', 'closed', 'joined'] as const)
      expect(alertStreamEvent({ event: type, data: JSON.stringify(alert) })).toEqual({ type, alert });
  });
  it('ignores other events and bodies that are not an alert', () => {
    expect(alertStreamEvent({ event: 'ping', data: JSON.stringify(alert) })).toBeUndefined();
    expect(alertStreamEvent({ event: 'alert', data: '"x"' })).toBeUndefined();
  });
});
