/**
 * Issue 20 (a try of the inbox): the header said "6 条超时未处置" and no card said which. `GET /api/bp/alerts`
 * now gives each open critical alert its clock — due at raised + target, `overdue` past it, `escalatedAt` once
 * escalated — and the (earliest) reading's measurement time; the cards marked overdue are exactly the report's
 * `openPastTarget`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import type { StoredAlert, TimelinessReport } from '@qihuang/bp-monitoring/api-types';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T12:00:00Z');

describe.each(DATABASE_KINDS)('alert clocks in the inbox on %s', (kind) => {
  let t: TestApp;
  let now = NOW;
  beforeAll(async () => {
    t = await createTestApp(kind, { bpAlertEscalateMinutes: 15 }, () => now);
    for (const id of ['due-p1', 'due-p2'])
      await t.request(`/fhir/R4/Patient/${id}`, {
        method: 'PUT',
        json: { resourceType: 'Patient', id, gender: 'female', birthDate: '1955-05-05' },
      });
  });
  afterAll(async () => t.closeAll());

  const alerts = async () => (await (await t.request('/api/bp/alerts')).json()) as StoredAlert[];
  const upload = (patient: string, body: string) =>
    t.request(`/api/bp/patients/${patient}/readings`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body,
    });

  it('an open critical alert is due after the target, overdue past it, then escalated; counts agree', async () => {
    expect((await upload('due-p1', 'time,sbp,dbp\n2026-03-10T19:50:00+08:00,190,125')).status).toBe(201);
    now = new Date(NOW.getTime() + 5 * 60_000);
    expect((await upload('due-p2', 'time,sbp,dbp\n2026-03-10T19:54:00+08:00,192,126')).status).toBe(201);

    now = new Date(NOW.getTime() + 10 * 60_000);
    let list = await alerts();
    const first = list.find((a) => a.patientId === 'due-p1' && a.severity === 'critical')!;
    expect(first.readingAt).toBe('2026-03-10T11:50:00.000Z');
    expect(first.due).toEqual({ at: '2026-03-10T12:15:00.000Z', targetMinutes: 15, overdue: false });

    now = new Date(NOW.getTime() + 16 * 60_000);
    list = await alerts();
    const overdue = list.filter((a) => a.due?.overdue);
    expect(overdue.map((a) => a.patientId)).toEqual(['due-p1']);
    expect(overdue[0]!.due?.escalatedAt).toBeUndefined();
    const report = (await (await t.request('/api/bp/alerts/timeliness')).json()) as TimelinessReport;
    expect(report.openPastTarget).toBe(overdue.length);

    await t.bpAlerts.notifier.sweep(); // notifies
    await t.bpAlerts.notifier.sweep(); // escalates what is past the target
    list = await alerts();
    expect(list.find((a) => a.patientId === 'due-p1' && a.severity === 'critical')!.due?.escalatedAt).toBe(
      now.toISOString(),
    );
    expect(list.find((a) => a.patientId === 'due-p2' && a.severity === 'critical')!.due).toMatchObject({
      overdue: false,
    });

    now = new Date(NOW.getTime() + 25 * 60_000);
    list = await alerts();
    const report2 = (await (await t.request('/api/bp/alerts/timeliness')).json()) as TimelinessReport;
    expect(list.filter((a) => a.due?.overdue)).toHaveLength(2);
    expect(report2.openPastTarget).toBe(2);
  });
});
