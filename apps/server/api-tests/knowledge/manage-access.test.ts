/**
 * Managing knowledge needs an admin or an API key with `system/Knowledge.write`; the built-in grounding
 * collections are changed only by an admin (issue 15 item 5). Real keys and users through the whole server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { loadKnowledgePacks } from '@qihuang/knowledge';

describe.each(DATABASE_KINDS)('knowledge management access on %s', (kind) => {
  let t: TestApp;
  const tokens: Record<'admin' | 'clinician' | 'bare' | 'wildcard' | 'scoped', string> = {
    admin: '',
    clinician: '',
    bare: '',
    wildcard: '',
    scoped: '',
  };
  const call = async (who: keyof typeof tokens, method: string, path: string, json?: unknown) =>
    t.request(`/kb${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${tokens[who]}`,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
  const doc = (filename: string) => ({ filename, text: `# ${filename}\n\n氨氯地平 每日一次 100 mg。` });
  const documents = async (collection: string) =>
    (
      (await (await call('admin', 'GET', `/collections/${collection}/documents`)).json()) as {
        documents: { id: string; filename: string }[];
      }
    ).documents.map((d) => d.filename);

  beforeAll(async () => {
    t = await createTestApp(kind, {}, undefined, 'required');
    await loadKnowledgePacks(t.repository.db, { knowledge: t.knowledge });
    tokens.admin = await t.userToken({ username: 'root', password: 'admin-password-1', role: 'admin' });
    tokens.clinician = await t.userToken({
      username: 'doc',
      password: 'doctor-password-1',
      role: 'clinician',
    });
    const key = async (name: string, scopes: string[]) => {
      const response = await t.request('/admin/api-keys', {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name, scopes }),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { key: string }).key;
    };
    tokens.bare = await key('bare', []);
    tokens.wildcard = await key('wildcard', ['system/*.*']);
    tokens.scoped = await key('kb-manager', ['system/Knowledge.write']);
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('refuses a key without the scope, a system/*.* key and a clinician everything that manages', async () => {
    const guidelines = await documents('guidelines');
    for (const who of ['bare', 'wildcard', 'clinician'] as const) {
      expect((await call(who, 'POST', '/collections', { name: `by-${who}` })).status).toBe(403);
      expect((await call(who, 'POST', '/collections/guidelines/documents', doc('x.md'))).status).toBe(403);
      expect((await call(who, 'DELETE', '/collections/drug-monographs')).status).toBe(403);
      // Searching stays open to them.
      expect((await call(who, 'POST', '/search', { query: '高血压' })).status).toBe(200);
    }
    expect(await documents('guidelines')).toEqual(guidelines);
    const names = (
      (await (await call('admin', 'GET', '/collections')).json()) as { collections: { name: string }[] }
    ).collections.map((c) => c.name);
    expect(names.filter((n) => n.startsWith('by-'))).toEqual([]);
  });

  it('lets a key with system/Knowledge.write manage its own collections but not the built-in ones', async () => {
    const created = await call('scoped', 'POST', '/collections', { name: 'hospital-sop' });
    expect(created.status).toBe(201);
    const uploaded = await call('scoped', 'POST', '/collections/hospital-sop/documents', doc('sop.md'));
    expect(uploaded.status).toBe(201);
    const { documentId } = (await uploaded.json()) as { documentId: string };
    expect((await call('scoped', 'DELETE', `/collections/hospital-sop/documents/${documentId}`)).status).toBe(
      204,
    );

    const guidelines = await documents('guidelines');
    const refused = await call('scoped', 'POST', '/collections/guidelines/documents', doc('poison.md'));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/built-in/);
    const [first] = (
      (await (await call('admin', 'GET', '/collections/guidelines/documents')).json()) as {
        documents: { id: string }[];
      }
    ).documents;
    expect((await call('scoped', 'DELETE', `/collections/guidelines/documents/${first!.id}`)).status).toBe(
      403,
    );
    expect((await call('scoped', 'DELETE', '/collections/drug-monographs')).status).toBe(403);
    expect(await documents('guidelines')).toEqual(guidelines);
    expect(await documents('drug-monographs')).toEqual(['drug-monographs.md']);

    expect((await call('scoped', 'DELETE', '/collections/hospital-sop')).status).toBe(204);
  });

  it('lets an admin change a built-in collection', async () => {
    const uploaded = await call(
      'admin',
      'POST',
      '/collections/guidelines/documents',
      doc('local-addendum.md'),
    );
    expect(uploaded.status).toBe(201);
    const { documentId } = (await uploaded.json()) as { documentId: string };
    expect(await documents('guidelines')).toContain('local-addendum.md');
    expect((await call('admin', 'DELETE', `/collections/guidelines/documents/${documentId}`)).status).toBe(
      204,
    );
    expect(await documents('guidelines')).not.toContain('local-addendum.md');
  });
});
