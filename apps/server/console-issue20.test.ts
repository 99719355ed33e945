/**
 * Issue 20, an IT engineer's try-out of the console: the gateway checks its providers when the server starts
 * (the page showed "last checked —" until "check now"), and the audit trail says which zone its times are
 * shown in (the hospital's, QIHUANG_TIME_ZONE, as every other page) so the console does not use the browser's.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import { loadConfig } from '@qihuang/config';
import { openTestDatabase, startScriptedUpstream, type ScriptedUpstream } from '@qihuang/test-kit';
import { buildApp, type BuiltApp } from './build-app.ts';
import { createTestApp, type TestApp } from './test-support.ts';

describe('the gateway checks its providers at start', () => {
  let upstream: ScriptedUpstream | undefined;
  let built: BuiltApp | undefined;
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await built?.close();
    await close?.();
    await upstream?.close();
  });

  it('a health check of the quick-start provider runs without "check now"', async () => {
    upstream = await startScriptedUpstream({ models: ['qwen'] });
    const database = await openTestDatabase('pglite');
    close = () => database.close();
    const config = loadConfig({
      QIHUANG_DEMO: '0',
      QIHUANG_MODEL_BASE_URL: upstream.url,
      QIHUANG_MODEL_NAME: 'qwen',
    });
    built = await buildApp({ config, database, log: pino({ level: 'silent' }), version: 'test' });
    await vi.waitFor(
      () => expect(upstream!.requests.some((r) => r.method === 'GET' && r.path === '/v1/models')).toBe(true),
      { timeout: 3000 },
    );
  });
});

describe('the audit trail names the zone its times are shown in', () => {
  let t: TestApp;
  afterAll(() => t.closeAll());

  it("the AuditEvent search bundle carries the hospital's time zone", async () => {
    t = await createTestApp('pglite', { timeZone: 'America/New_York' }, undefined, 'required');
    const token = await t.userToken({ username: 'aud', password: 'auditor-password-1', role: 'auditor' });
    const response = await t.request('/fhir/R4/AuditEvent?_count=5', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const bundle = (await response.json()) as {
      meta?: { extension?: { url: string; valueCode?: string }[] };
    };
    const zone = bundle.meta?.extension?.find((e) => e.url.endsWith('/time-zone'));
    expect(zone?.valueCode).toBe('America/New_York');
  });
});

describe('the audit trail names the patients its viewer may see', () => {
  let t: TestApp;
  let patientId = '';
  const tokens: Record<string, string> = {};
  const get = async (path: string, who: string) => {
    const response = await t.request(path, { headers: { Authorization: `Bearer ${tokens[who]}` } });
    expect(response.status, await response.clone().text()).toBe(200);
    return response.json() as Promise<{
      entry: { resource: { entity?: { what?: { reference?: string; display?: string } }[] } }[];
    }>;
  };
  beforeAll(async () => {
    t = await createTestApp('pglite', {}, undefined, 'required');
    tokens.admin = await t.userToken({ username: 'adm', password: 'admin-password-1', role: 'admin' });
    tokens.aud = await t.userToken({ username: 'aud', password: 'auditor-password-1', role: 'auditor' });
    const created = await t.request('/fhir/R4/Patient', {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens.admin}` },
      json: { resourceType: 'Patient', name: [{ text: '王秀英', family: '王', given: ['秀英'] }] },
    });
    patientId = ((await created.json()) as { id: string }).id;
    await get(`/fhir/R4/Patient/${patientId}`, 'admin');
  });
  afterAll(() => t.closeAll());

  const patientEntities = (bundle: Awaited<ReturnType<typeof get>>) =>
    bundle.entry
      .flatMap((e) => e.resource.entity ?? [])
      .filter((en) => en.what?.reference === `Patient/${patientId}`);

  it('an admin (who may read patients) sees the name beside the reference', async () => {
    const entities = patientEntities(await get(`/fhir/R4/AuditEvent?patient=${patientId}`, 'admin'));
    expect(entities.length).toBeGreaterThan(0);
    for (const en of entities) expect(en.what?.display).toBe('王秀英');
  });

  it('an auditor (who may not) sees the reference only', async () => {
    const entities = patientEntities(await get(`/fhir/R4/AuditEvent?patient=${patientId}`, 'aud'));
    expect(entities.length).toBeGreaterThan(0);
    for (const en of entities) expect(en.what?.display).toBeUndefined();
  });
});

describe('a model call names the person, not the id', () => {
  let t: TestApp;
  afterAll(() => t.closeAll());

  it('an entry recorded under the user id (gateway calls) shows the user name as the agent name', async () => {
    t = await createTestApp('pglite', {}, undefined, 'required');
    const token = await t.userToken({ username: 'ops', password: 'admin-password-1', role: 'admin' });
    const user = (await t.identity.listUsers(t.repository.db)).find((u) => u.username === 'ops')!;
    // What the gateway's audit appender writes: the principal id as user name (it knows only the id).
    await t.audit.append(
      t.repository.db,
      {
        requestId: 'r1',
        principal: { id: user.id, kind: 'user', username: user.id, role: 'admin', scopes: [] },
      },
      { action: 'model-call', outcome: 'failure', patientIds: [], detail: { model: 'clinical-copilot' } },
    );
    const response = await t.request('/fhir/R4/AuditEvent?action=E&_count=50', {
      headers: { Authorization: `Bearer ${token}` },
    });
    const bundle = (await response.json()) as {
      entry: { resource: { type?: { code?: string }; agent: { name?: string }[] } }[];
    };
    const call = bundle.entry.find((e) => e.resource.type?.code === 'model-call');
    expect(call?.resource.agent[0]?.name).toBe('ops');
  });
});

describe('a patient search is one audit event, not one per patient', () => {
  let t: TestApp;
  afterAll(() => t.closeAll());

  it('listing 5 patients adds one search event naming all 5 and the result count', async () => {
    t = await createTestApp('pglite', {}, undefined, 'required');
    const token = await t.userToken({ username: 'adm', password: 'admin-password-1', role: 'admin' });
    const headers = { Authorization: `Bearer ${token}` };
    for (let i = 0; i < 5; i++)
      await t.request('/fhir/R4/Patient', {
        method: 'POST',
        headers,
        json: { resourceType: 'Patient', name: [{ family: '张', given: [`${i}`] }] },
      });
    const count = async () =>
      ((await (await t.request('/fhir/R4/AuditEvent?_count=1', { headers })).json()) as { total: number })
        .total;
    const before = await count();
    expect((await t.request('/fhir/R4/Patient?_count=20', { headers })).status).toBe(200);
    // +1 for the search, +1 for the AuditEvent count query itself
    expect(await count()).toBe(before + 2);
  });
});

describe('a patient account links to a Patient that exists', () => {
  let t: TestApp;
  let token = '';
  let patientId = '';
  const post = (path: string, body: unknown, method = 'POST') =>
    t.request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  beforeAll(async () => {
    t = await createTestApp('pglite', {}, undefined, 'required');
    token = await t.userToken({ username: 'adm', password: 'admin-password-1', role: 'admin' });
    const created = await post('/fhir/R4/Patient', { resourceType: 'Patient', name: [{ text: '李娜' }] });
    patientId = ((await created.json()) as { id: string }).id;
  });
  afterAll(() => t.closeAll());

  it('an unknown Patient id is refused with 422 naming the field; no user is created', async () => {
    const refused = await post('/admin/users', {
      username: 'ghost',
      password: 'patient-password-1',
      role: 'patient',
      patientId: 'not-a-real-patient',
    });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/patientId/);
    expect(body.error.message).toContain('not-a-real-patient');
    const users = (await t.identity.listUsers(t.repository.db)).map((u) => u.username);
    expect(users).not.toContain('ghost');
  });

  it('an existing Patient is accepted; changing the link to an unknown one is refused', async () => {
    const ok = await post('/admin/users', {
      username: 'lina',
      password: 'patient-password-1',
      role: 'patient',
      patientId,
    });
    expect(ok.status, await ok.clone().text()).toBe(201);
    const user = (await ok.json()) as { id: string };
    const patch = await post(`/admin/users/${user.id}`, { patientId: 'not-a-real-patient' }, 'PATCH');
    expect(patch.status).toBe(422);
  });
});
