/**
 * Issue 17 items 2 and 3, end to end on the server: a patient's crisis upload answers with advice in their
 * language; the care team is told at once (console stream, webhook, FHIR Communication); an alert not closed in
 * time is escalated (injected clock); closing needs the action taken (400 and nothing changes without it) and
 * is kept as Task + Communication + Provenance and audited; the timeliness report measures reading → closing
 * (its statistics alone: packages/bp-monitoring/alert-timeliness.test.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T12:00:00Z');

/** Reads server-sent events from a streamed Response. */
function sseReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: { event: string; data: string }[] = [];
  const next = async (type: string, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = events.findIndex((e) => e.event === type);
      if (index >= 0) return events.splice(index, 1)[0]!;
      if (Date.now() > deadline) throw new Error(`no ${type} event within ${timeoutMs} ms`);
      const chunk = await Promise.race([
        reader.read(),
        new Promise<{ done: true; value: undefined }>((resolve) =>
          setTimeout(() => resolve({ done: true, value: undefined }), Math.max(10, deadline - Date.now())),
        ),
      ]);
      if (chunk.value) buffer += decoder.decode(chunk.value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: ?(.*)$/m.exec(block)?.[1];
        const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join('\n');
        if (event) events.push({ event, data });
      }
    }
  };
  return { next, cancel: () => reader.cancel() };
}

describe.each(DATABASE_KINDS)('critical-value loop on %s', (kind) => {
  let t: TestApp;
  let now = NOW;
  let hook: Server;
  const received: { type: string; alert: string; signature?: string; timestamp?: string }[] = [];
  let nurse = '';
  let clinician = '';
  let patient = '';
  let flagId = '';
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const action = {
    contactedBy: 'Nurse Wang',
    contactedAt: '2026-03-10T12:20:00Z',
    method: 'phone',
    patientReached: true,
    action: 'Repeated reading 178/108 after rest; no symptoms; amlodipine taken; clinic visit tomorrow',
  };

  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const parsed = JSON.parse(body) as { type: string; alert: string };
        received.push({
          type: parsed.type,
          alert: parsed.alert,
          signature: String(req.headers['x-qihuang-signature'] ?? ''),
          timestamp: String(req.headers['x-qihuang-timestamp'] ?? ''),
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const port = (hook.address() as AddressInfo).port;
    t = await createTestApp(
      kind,
      {
        careWebhookUrl: `http://127.0.0.1:${port}/hook`,
        careWebhookSecret: 'hook-secret',
        bpAlertEscalateMinutes: 15,
      },
      () => now,
      'required',
    );
    clinician = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    nurse = await t.userToken({ username: 'nurse', password: 'nurse-password-1', role: 'nurse' });
    const put = await t.request('/fhir/R4/Patient/cv-p1', {
      method: 'PUT',
      headers: auth(clinician),
      json: { resourceType: 'Patient', id: 'cv-p1', gender: 'female', birthDate: '1955-05-05' },
    });
    expect(put.status).toBeLessThan(300);
    patient = await t.userToken({
      username: 'pat',
      password: 'patient-password-1',
      role: 'patient',
      patientId: 'cv-p1',
    });
  });
  afterAll(async () => {
    await t.closeAll();
    await new Promise((resolve) => hook.close(resolve));
  });

  it('tells the patient at once and the care team live, by webhook and as a FHIR Communication', async () => {
    const accept = { accept: 'text/event-stream' };
    expect(
      (await t.request('/api/bp/alerts/stream', { headers: { ...auth(patient), ...accept } })).status,
    ).toBe(403);
    expect((await t.request('/api/bp/alerts/stream', { headers: auth(nurse) })).status).toBe(406);
    const stream = await t.request('/api/bp/alerts/stream', { headers: { ...auth(nurse), ...accept } });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const events = sseReader(stream);
    await events.next('ready');

    const started = performance.now();
    const upload = await t.request('/api/bp/patients/cv-p1/readings?lang=en', {
      method: 'POST',
      headers: { ...auth(patient), 'content-type': 'text/csv' },
      body: 'time,sbp,dbp,unit\n2026-03-10T19:50:00+08:00,150,92,mmHg\n2026-03-10T19:55:00+08:00,188,122,mmHg',
    });
    expect(upload.status).toBe(201);
    const answer = (await upload.json()) as {
      alertEvaluation: string;
      records: { category: string }[];
      advice: { title: string; steps: string[]; source: string };
    };
    expect(answer.alertEvaluation).toBe('done');
    expect(answer.records.map((r) => r.category)).toEqual(['high', 'crisis']);
    expect(answer.advice.title).toContain('188/122');
    expect(answer.advice.steps.join(' ')).toMatch(/5 minutes.*call 120 now.*clinic or doctor today/s);
    expect(answer.advice.source).toContain('Chinese Guidelines for the Management of Hypertension 2018');

    const live = await events.next('alert');
    expect(performance.now() - started).toBeLessThan(5000);
    const alert = JSON.parse(live.data) as { id: string; kind: string; severity: string; patientId: string };
    expect(alert).toMatchObject({ kind: 'crisis', severity: 'critical', patientId: 'cv-p1' });
    flagId = alert.id;
    expect(received.filter((r) => r.type === 'bp-critical-alert').map((r) => r.alert)).toEqual([
      `Flag/${flagId}`,
    ]);
    expect(received[0]!.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(received[0]!.timestamp).toMatch(/^\d{10}$/); // signed with a timestamp: no replay (webhook-signature.ts)
    const notice = await t.request(`/fhir/R4/Communication/cv-notify-${flagId}`, {
      headers: auth(clinician),
    });
    expect(notice.status).toBe(200);
    expect(((await notice.json()) as { about: { reference: string }[] }).about[0]!.reference).toBe(
      `Flag/${flagId}`,
    );
    // Chinese by default for the same patient.
    const zh = await t.request('/api/bp/patients/cv-p1/readings', {
      method: 'POST',
      headers: { ...auth(patient), 'content-type': 'text/csv' },
      body: 'time,sbp,dbp,unit\n2026-03-10T19:55:00+08:00,188,122,mmHg',
    });
    expect(((await zh.json()) as { advice: { steps: string[] } }).advice.steps[1]).toContain('拨打 120');

    // Not closed within 15 minutes: escalated once (webhook, Communication, console).
    now = new Date(NOW.getTime() + 14 * 60_000);
    expect((await t.bpAlerts.notifier.sweep()).escalated).toBe(0);
    now = new Date(NOW.getTime() + 16 * 60_000);
    await t.bpAlerts.notifier.sweep();
    await t.bpAlerts.notifier.sweep(); // once only
    expect(received.filter((r) => r.type === 'bp-critical-alert-escalated')).toHaveLength(1);
    expect(JSON.parse((await events.next('escalated')).data)).toMatchObject({ id: flagId });
    expect(
      (await t.request(`/fhir/R4/Communication/cv-escalate-${flagId}`, { headers: auth(clinician) })).status,
    ).toBe(200);
    await events.cancel();
  });

  it('is closed only with the action taken: 400 and nothing changes without it', async () => {
    const counts = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from fhir_history`.execute(t.repository.db))
        .rows[0]!.n;
    const before = await counts();
    for (const body of [undefined, {}, { ...action, contactedBy: '' }, { ...action, method: 'telepathy' }]) {
      const response = await t.request(`/api/bp/alerts/${flagId}/acknowledge`, {
        method: 'POST',
        headers: { ...auth(nurse), 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(response.status).toBe(400);
    }
    expect(await counts()).toBe(before);
    const flag = (await (await t.request(`/fhir/R4/Flag/${flagId}`, { headers: auth(nurse) })).json()) as {
      status: string;
    };
    expect(flag.status).toBe('active');
    const byPatient = await t.request(`/api/bp/alerts/${flagId}/acknowledge`, {
      method: 'POST',
      headers: { ...auth(patient), 'content-type': 'application/json' },
      body: JSON.stringify(action),
    });
    expect(byPatient.status).toBe(403);

    now = new Date(NOW.getTime() + 25 * 60_000);
    const closed = await t.request(`/api/bp/alerts/${flagId}/acknowledge`, {
      method: 'POST',
      headers: { ...auth(nurse), 'content-type': 'application/json' },
      body: JSON.stringify(action),
    });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({
      status: 'inactive',
      acknowledged: { by: 'nurse', contactedBy: 'Nurse Wang', method: 'phone', patientReached: true },
    });
    const read = async (path: string) =>
      (await (await t.request(`/fhir/R4/${path}`, { headers: auth(clinician) })).json()) as Record<
        string,
        unknown
      >;
    expect(await read(`Task/cv-task-${flagId}`)).toMatchObject({
      status: 'completed',
      focus: { reference: `Flag/${flagId}` },
      note: [{ text: action.action }],
    });
    expect(await read(`Communication/cv-contact-${flagId}`)).toMatchObject({
      status: 'completed',
      sent: action.contactedAt,
      payload: [{ contentString: action.action }],
    });
    expect(await read(`Provenance/cv-prov-${flagId}`)).toMatchObject({
      agent: [{ who: { display: 'user/nurse' } }],
    });
    const audited = await sql<{ principal_kind: string; query: string }>`
      select principal_kind, query from audit_entry where query = 'bp-alert-close'`.execute(t.repository.db);
    expect(audited.rows).toEqual([{ principal_kind: 'user', query: 'bp-alert-close' }]);
    const again = await t.request(`/api/bp/alerts/${flagId}/acknowledge`, {
      method: 'POST',
      headers: { ...auth(nurse), 'content-type': 'application/json' },
      body: JSON.stringify(action),
    });
    expect(again.status).toBe(409);
  });

  it('reports reading → closing times like a critical-value timeliness report', async () => {
    expect((await t.request('/api/bp/alerts/timeliness', { headers: auth(patient) })).status).toBe(403);
    const response = await t.request('/api/bp/alerts/timeliness?target=30', { headers: auth(clinician) });
    expect(response.status).toBe(200);
    // Reading 11:55Z, alert 12:00Z, closed 12:25Z.
    expect(await response.json()).toMatchObject({
      targetMinutes: 30,
      alerts: 1,
      closed: 1,
      open: 0,
      readingToClose: { count: 1, medianMinutes: 30, p90Minutes: 30, withinTargetPercent: 100 },
      alertToClose: { count: 1, medianMinutes: 25, p90Minutes: 25, withinTargetPercent: 100 },
    });
    expect((await t.request('/api/bp/alerts/timeliness?target=0', { headers: auth(clinician) })).status).toBe(
      400,
    );
  });
});
