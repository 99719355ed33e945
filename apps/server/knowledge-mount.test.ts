import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgePacks } from '@qihuang/knowledge';
import { createTestApp, type TestApp } from './test-support.ts';

describe('knowledge base and guard mounted in the server', () => {
  let t: TestApp;
  let token = '';
  beforeAll(async () => {
    t = await createTestApp('pglite', {}, undefined, 'required');
    await loadKnowledgePacks(t.repository.db);
    await t.identity.createUser(t.repository.db, {
      username: 'doc',
      password: 'doctor-password-1',
      role: 'clinician',
    });
    const login = await t.request('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'doc', password: 'doctor-password-1' }),
      headers: { 'content-type': 'application/json' },
    });
    token = ((await login.json()) as { access_token: string }).access_token;
  });
  afterAll(async () => t.closeAll());

  it('searches the shipped guideline pack in Chinese with citation data', async () => {
    const response = await t.request('/kb/search', {
      method: 'POST',
      body: JSON.stringify({ query: '高血压 诊断 标准', limit: 5 }),
      headers: { 'content-type': 'application/json', Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      passages: { id: string; title: string; text: string; document: string }[];
    };
    expect(body.passages.length).toBeGreaterThan(0);
    expect(body.passages[0]!.id).toBeTruthy();
    expect(body.passages[0]!.document).toBeTruthy();
    expect(
      (
        await t.request('/kb/search', {
          method: 'POST',
          body: '{"query":"x"}',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(401);
  });

  it('guard marks an overdose as contradicted', async () => {
    const response = await t.request('/guard/check', {
      method: 'POST',
      body: JSON.stringify({ answer: 'Start amlodipine 50 mg once daily.', passages: [] }),
      headers: { 'content-type': 'application/json', Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { claims: { kind: string; verdict: string }[] };
    expect(result.claims.some((c) => c.verdict === 'contradicted')).toBe(true);
  });
});
