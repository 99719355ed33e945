/**
 * Issue 20 (safety), decision 0026: a critical alert whose patient was not reached is not handled. A reported chest
 * pain (reported-emergency, critical) "closed" with 未联系到 / 电话未接通 left the inbox and counted as handled. Now
 * the attempt is recorded (FHIR Communication not-done + Provenance, audited, on the alert's history) and the alert
 * stays active in the inbox, its escalation clock running and the timeliness report counting it open; a later
 * contact that reaches the patient, or a recorded hand-over (120 dispatched, referred to the emergency department),
 * closes it. Warnings that are not same-day care may still be closed with an unanswered contact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { sse } from '../care/care-test-support.ts';

const START = new Date('2026-03-10T04:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };

interface Alert {
  id: string;
  kind: string;
  status: string;
  severity: string;
  attempts?: { contactedBy: string; method: string; action: string; by: string; at: string }[];
  acknowledged?: { patientReached?: boolean; handover?: string };
  due?: { overdue: boolean; escalatedAt?: string };
  patientName?: string;
  readingAt?: string;
}

describe.each(DATABASE_KINDS)('an alert whose patient was not reached stays open, on %s', (kind) => {
  let t: TestApp;
  let now = START;
  const send = async (method: string, path: string, json?: unknown) =>
    t.request(path, {
      method,
      ...(json === undefined
        ? {}
        : { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }),
    });
  const chestPain = async (patientId: string): Promise<Alert> => {
    const start = await send('POST', `/api/care/patients/${patientId}/consultations`, { language: 'zh' });
    expect(start.status).toBe(201);
    const { id } = (await start.json()) as { id: string };
    await sse(await send('POST', `/api/care/consultations/${id}/messages`, { text: '胸口疼得厉害，胸闷' }));
    const alerts = await inbox(patientId, 'all');
    const reported = alerts.filter((a) => a.kind === 'reported-emergency');
    expect(reported).toHaveLength(1);
    return reported[0]!;
  };
  const inbox = async (patientId: string, status = 'active') =>
    (await (await send('GET', `/api/bp/alerts?status=${status}&patient=${patientId}`)).json()) as Alert[];
  const notReached = (at: Date) => ({
    contactedBy: '王护士',
    contactedAt: at.toISOString(),
    method: 'phone',
    patientReached: false,
    action: '电话未接通',
  });

  beforeAll(async () => {
    t = await createTestApp(kind, { bpAlertEscalateMinutes: 15 }, () => now);
    for (const id of ['nr-1', 'nr-2', 'nr-3']) {
      await t.repository.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        gender: 'male',
        birthDate: '1960-05-01',
        name: [{ family: '赵', given: ['国强'] }],
      });
    }
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('records the attempt, keeps the alert active in the inbox, escalates it and counts it open', async () => {
    now = START;
    const alert = await chestPain('nr-1');
    expect(alert).toMatchObject({ severity: 'critical', status: 'active' });
    await t.bpAlerts.notifier.sweep();

    now = new Date(START.getTime() + 5 * 60_000);
    const attempt = await send('POST', `/api/bp/alerts/${alert.id}/close`, notReached(now));
    expect(attempt.status).toBe(200);
    const answered = (await attempt.json()) as Alert;
    expect(answered.status).toBe('active');
    expect(answered.acknowledged).toBeUndefined();
    expect(answered.attempts).toMatchObject([
      { contactedBy: '王护士', method: 'phone', action: '电话未接通' },
    ]);

    // Still in the inbox, with its attempt on its history.
    const open = await inbox('nr-1');
    expect(open.map((a) => a.id)).toContain(alert.id);
    const listed = open.find((a) => a.id === alert.id)!;
    expect(listed.attempts).toHaveLength(1);
    // The answer (and the live event the consoles replace the card with) is the alert as the inbox lists it:
    // the patient's name and its clock, not the bare alert (a non-author try saw the card fall back to the
    // patient's id and lose its deadline after an attempt, until a reload; 2026-12-08).
    expect(listed.patientName).toBeTruthy();
    expect(answered.patientName).toBe(listed.patientName);
    expect(answered.due).toEqual(listed.due);
    // Kept as FHIR (Communication not-done, Provenance) and audited as an attempt, not a close.
    const comm = await send('GET', `/fhir/R4/Communication/cv-attempt-${alert.id}-1`);
    expect(comm.status).toBe(200);
    expect(await comm.json()).toMatchObject({
      status: 'not-done',
      statusReason: { text: 'patient not reached' },
      payload: [{ contentString: '电话未接通' }],
    });
    expect((await send('GET', `/fhir/R4/Provenance/cv-attempt-prov-${alert.id}-1`)).status).toBe(200);
    const audited = await sql<{ query: string }>`
      select query from audit_entry where resource_id = ${alert.id} and query like 'bp-alert-%'`.execute(
      t.repository.db,
    );
    expect(audited.rows.map((r) => r.query)).toEqual(['bp-alert-attempt']);

    // The escalation clock runs on: escalated at 15 minutes.
    now = new Date(START.getTime() + 16 * 60_000);
    expect((await t.bpAlerts.notifier.sweep()).escalated).toBe(1);
    expect((await inbox('nr-1')).find((a) => a.id === alert.id)?.due).toMatchObject({ overdue: true });
    // Not counted as handled.
    const report = (await (
      await send('GET', `/api/bp/alerts/timeliness?from=2026-03-10T00:00:00Z`)
    ).json()) as { closed: number; open: number };
    expect(report.closed).toBe(0);

    // A second attempt is recorded too; a contact that reaches the patient closes it.
    now = new Date(START.getTime() + 20 * 60_000);
    expect((await send('POST', `/api/bp/alerts/${alert.id}/close`, notReached(now))).status).toBe(200);
    now = new Date(START.getTime() + 25 * 60_000);
    const reached = await send('POST', `/api/bp/alerts/${alert.id}/close`, {
      ...notReached(now),
      patientReached: true,
      action: '联系到患者家属，已嘱立即拨打 120 就近急诊',
    });
    expect(reached.status).toBe(200);
    const closed = (await reached.json()) as Alert;
    expect(closed.status).toBe('inactive');
    expect(closed.attempts).toHaveLength(2);
    expect(await inbox('nr-1')).toEqual([]);
    const after = (await (
      await send('GET', `/api/bp/alerts/timeliness?from=2026-03-10T00:00:00Z`)
    ).json()) as { closed: number };
    expect(after.closed).toBe(1);
  });

  it('a recorded hand-over (120 dispatched) closes it though the patient was not reached', async () => {
    now = START;
    const alert = await chestPain('nr-2');
    now = new Date(START.getTime() + 5 * 60_000);
    const bad = await send('POST', `/api/bp/alerts/${alert.id}/close`, {
      ...notReached(now),
      handover: 'taxi',
    });
    expect(bad.status).toBe(400);
    const r = await send('POST', `/api/bp/alerts/${alert.id}/close`, {
      ...notReached(now),
      handover: 'ambulance',
      action: '电话未接通，已通知 120 前往患者住址',
    });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({
      status: 'inactive',
      acknowledged: { patientReached: false, handover: 'ambulance' },
    });
    expect(await inbox('nr-2')).toEqual([]);
  });

  it('the refusal of an unknown hand-over is in the caller’s language', async () => {
    now = START;
    const alert = await chestPain('nr-3');
    now = new Date(START.getTime() + 5 * 60_000);
    const r = await send('POST', `/api/bp/alerts/${alert.id}/close?lang=zh-CN`, {
      ...notReached(now),
      handover: 'taxi',
    });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error?: { message?: string }; message?: string };
    expect(JSON.stringify(body)).toContain('转交方式须为已派救护车');
  });
});
