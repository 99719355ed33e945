/**
 * Issue 20, the audit page: an AuditEvent's agent carries the person's name (agent.name = the user's display
 * name) and role next to the user name and id (who.display, who.identifier), so the console shows
 * "Dr Li (Clinician)" and keeps the id at hand; a user without a display name keeps the user name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from './test-support.ts';

interface Agent {
  name?: string;
  altId?: string;
  role?: { coding?: { code?: string }[] }[];
  who?: { display?: string; identifier?: { value?: string } };
}

describe.each(DATABASE_KINDS)('AuditEvent agents name the person on %s', (kind) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  async function login(username: string, password: string): Promise<string> {
    const response = await t.request('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username, password }),
      headers: { 'content-type': 'application/json' },
    });
    return ((await response.json()) as { access_token: string }).access_token;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, {}, undefined, 'required');
    const db = t.repository.db;
    await t.identity.createUser(db, {
      username: 'dr.li',
      password: 'doctor-password-1',
      role: 'clinician',
      displayName: '李医生',
    });
    await t.identity.createUser(db, { username: 'aud', password: 'auditor-password-1', role: 'auditor' });
    tokens.doc = await login('dr.li', 'doctor-password-1');
    tokens.aud = await login('aud', 'auditor-password-1');
    await t.request('/fhir/R4/Patient?_count=1', { headers: auth('doc') });
  });
  afterAll(() => t.closeAll());

  it('agent.name is the display name; user name, id and role stay', async () => {
    const response = await t.request('/fhir/R4/AuditEvent?agent=dr.li&_count=50', { headers: auth('aud') });
    expect(response.status, await response.clone().text()).toBe(200);
    const bundle = (await response.json()) as { entry: { resource: { agent: Agent[] } }[] };
    expect(bundle.entry.length).toBeGreaterThan(0);
    for (const { resource } of bundle.entry) {
      const agent = resource.agent[0]!;
      expect(agent.name).toBe('李医生');
      expect(agent.who?.display).toBe('dr.li');
      expect(agent.who?.identifier?.value).toMatch(/\S/);
      expect(agent.role?.[0]?.coding?.[0]?.code).toBe('clinician');
    }
  });

  it('a user without a display name keeps the user name as the name', async () => {
    const response = await t.request('/fhir/R4/AuditEvent?agent=aud&_count=50', { headers: auth('aud') });
    const bundle = (await response.json()) as { entry: { resource: { agent: Agent[] } }[] };
    expect(bundle.entry.length).toBeGreaterThan(0);
    for (const { resource } of bundle.entry) expect(resource.agent[0]!.name ?? 'aud').toBe('aud');
  });
});
