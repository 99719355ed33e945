/**
 * Issue 20 (non-author try, 2026-12-08): the clinician's Care tab still led with the red "Emergency — contact the
 * patient now" box after the reported emergency's alert was closed as "patient reached" (the Flag inactive, the
 * patient's home already saying handled). The summary's urgency box (Care tab, overview, BP page banner) follows
 * the open alert: kept while it is open or after a "not reached" attempt (decision 0026), gone once it is closed
 * with its action; the proposal and the drafts' emergency lead read the same open alerts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { sse } from './care-test-support.ts';

const START = new Date('2026-03-10T04:00:00Z'); // 12:00 in Shanghai
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
const PATIENT = 'ebc-chest';

interface Summary {
  triage?: { level: string; instruction: { zh: string; en: string } };
  alerts: { id: string; kind: string }[];
}

describe.each(DATABASE_KINDS)('the Care tab emergency box follows the open alert, on %s', (kind) => {
  let t: TestApp;
  let now = START;
  const tokens: Record<string, string> = {};
  const send = async (who: string, method: string, path: string, json?: unknown) =>
    t.request(path, {
      method,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
  const summary = async (): Promise<Summary> => {
    const r = await send('doc', 'GET', `/api/care/patients/${PATIENT}/summary?guideline=china-2018&lang=zh`);
    expect(r.status, await r.clone().text()).toBe(200);
    return (await r.json()) as Summary;
  };
  const drafts = async () => {
    const r = await send('doc', 'GET', `/api/care/patients/${PATIENT}/drafts?lang=zh`);
    expect(r.status, await r.clone().text()).toBe(200);
    return (await r.json()) as { drafts: { findings: { id: string }[] }[] };
  };
  const closeWith = async (how: Record<string, unknown>) => {
    const r = await send('doc', 'GET', `/api/bp/alerts?status=active&patient=${PATIENT}`);
    const open = ((await r.json()) as { id: string; kind: string }[]).filter(
      (a) => a.kind === 'reported-emergency',
    );
    expect(open).toHaveLength(1);
    const closed = await send('doc', 'POST', `/api/bp/alerts/${open[0]!.id}/close`, {
      contactedBy: 'Dr Li',
      contactedAt: now.toISOString(),
      method: 'phone',
      action: 'advised',
      ...how,
    });
    expect(closed.status, await closed.clone().text()).toBe(200);
    return (await closed.json()) as { status: string };
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { timeZone: 'Asia/Shanghai' }, () => now, 'required');
    await t.repository.update(system, 'Patient', PATIENT, {
      resourceType: 'Patient',
      id: PATIENT,
      gender: 'male',
      birthDate: '1958-02-11',
    });
    tokens[PATIENT] = await t.userToken({
      username: PATIENT,
      password: 'patient-password-1',
      role: 'patient',
      patientId: PATIENT,
    });
    tokens.doc = await t.userToken({ username: 'doc-ebc', password: 'doctor-password-1', role: 'clinician' });
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('open, then not reached: the box stays; closed with the patient reached: it goes', async () => {
    now = new Date(START.getTime() + 5 * 60_000);
    const started = await send(PATIENT, 'POST', `/api/care/patients/${PATIENT}/consultations`, {
      language: 'zh',
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const r = await send(PATIENT, 'POST', `/api/care/consultations/${id}/messages`, {
      text: '胸口疼得厉害，喘不上气',
    });
    expect(r.status, await r.clone().text()).toBe(200);
    expect((await sse(r)).find((e) => e.event === 'triage')?.data).toMatchObject({ level: 'emergency' });

    expect((await summary()).triage?.level).toBe('emergency');

    // Not reached (decision 0026): an attempt, the alert open, the box kept.
    now = new Date(START.getTime() + 20 * 60_000);
    expect((await closeWith({ patientReached: false })).status).toBe('active');
    const attempted = await summary();
    expect(attempted.triage?.level).toBe('emergency');
    expect(attempted.alerts.map((a) => a.kind)).toContain('reported-emergency');

    // Reached: closed with its action — no box, no open alert.
    now = new Date(START.getTime() + 30 * 60_000);
    expect((await closeWith({ patientReached: true })).status).toBe('inactive');
    const closed = await summary();
    expect(closed.triage).toBeUndefined();
    expect(closed.alerts).toEqual([]);
    // The drafts' emergency lead reads the same open alerts (none).
    const lead = (await drafts()).drafts.flatMap((d) => d.findings.map((f) => f.id));
    expect(lead.filter((f) => f.startsWith('care.open-emergency:'))).toEqual([]);

    // Another emergency reported later: a new open alert, the box again.
    now = new Date(START.getTime() + 90 * 60_000);
    const again = await send(PATIENT, 'POST', `/api/care/patients/${PATIENT}/consultations`, {
      language: 'zh',
    });
    const second = (await again.json()) as { id: string };
    const r2 = await send(PATIENT, 'POST', `/api/care/consultations/${second.id}/messages`, {
      text: '又胸口疼得厉害，喘不上气',
    });
    expect(r2.status).toBe(200);
    await sse(r2);
    expect((await summary()).triage?.level).toBe('emergency');
  });
});
