import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@qihuang/contracts';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import type { Database } from '@qihuang/store';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base.ts';
import { createKnowledgeRoutes } from './routes.ts';
import { loadKnowledgePacks } from './packs/index.ts';
import { importKnowledgeGraph } from './import-kg.ts';
import { segmentWords } from './segment.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const clinician: Principal = { id: 'u1', kind: 'user', username: 'doc', role: 'clinician', scopes: [] };
const nurse: Principal = { id: 'u2', kind: 'user', username: 'nurse', role: 'nurse', scopes: [] };
const patient: Principal = {
  id: 'u3',
  kind: 'user',
  username: 'pt',
  role: 'patient',
  scopes: [],
  patientId: 'p1',
};
const key: Principal = { id: 'key-42', kind: 'key', username: 'bot', role: 'service', scopes: [] };

/** Deterministic fake embedder: bag of characters hashed into 16 dimensions. */
async function fakeEmbed(texts: string[]): Promise<number[][]> {
  return texts.map((t) => {
    const v = new Array<number>(16).fill(0);
    for (const ch of t) v[(ch.codePointAt(0) as number) % 16]! += 1;
    const norm = Math.hypot(...v) || 1;
    return v.map((x) => x / norm);
  });
}

describe.each(DATABASE_KINDS)('knowledge base on %s', (kind) => {
  let database: Database;
  let kb: KnowledgeBase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    kb = createKnowledgeBase({ db: database.db });
    await kb.createCollection({ name: 'hospital' }, SYSTEM_PRINCIPAL);
    await kb.createCollection(
      { name: 'pharmacy-only', allowedRoles: ['pharmacist'], allowedKeys: ['key-42'] },
      SYSTEM_PRINCIPAL,
    );
    for (const f of [
      'hypertension-note.md',
      'clinic-policy.txt',
      'diabetic-kidney.html',
      'dosing-sheet.pdf',
      'prescribing-policy.docx',
    ]) {
      await kb.ingest({ collection: 'hospital', filename: f, content: fixture(f) }, SYSTEM_PRINCIPAL);
    }
    await kb.ingest(
      {
        collection: 'pharmacy-only',
        filename: 'secret.md',
        content: '# 内部\n\n硝苯地平控释片库存与调配流程。',
      },
      SYSTEM_PRINCIPAL,
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  it('finds a Chinese passage with citation data', async () => {
    const r = await kb.search({ query: '螺内酯 血钾', principal: clinician });
    const top = r.passages[0]!;
    expect(top.text).toContain('螺内酯');
    expect(top).toMatchObject({
      document: 'hypertension-note.md',
      section: '高血压用药要点 > 醛固酮受体拮抗剂',
      collection: 'hospital',
      title: '醛固酮受体拮抗剂',
    });
    expect(top.id).toMatch(/^d[0-9a-f]{8}\.\d+$/);
    expect(top.score).toBeGreaterThan(0);
    expect(r.mode).toBe('keyword');
    expect(r.notes.join()).toContain('no embedding model');
  });

  it('finds English text and page numbers in the PDF; mixed queries work', async () => {
    const r = await kb.search({ query: 'spironolactone potassium', principal: clinician });
    expect(r.passages[0]).toMatchObject({ document: 'dosing-sheet.pdf', page: 2 });
    const mixed = await kb.search({ query: '妊娠期 ACEI 禁用', principal: clinician });
    expect(mixed.passages[0]?.document).toBe('prescribing-policy.docx');
  });

  it('ranks by the rarer term (sub-word 血压 alone is weak evidence)', async () => {
    const r = await kb.search({ query: '糖尿病肾病 UACR', principal: clinician, limit: 3 });
    expect(r.passages[0]?.document).toBe('diabetic-kidney.html');
  });

  it('re-ingesting unchanged content is a no-op; changed content replaces the chunks', async () => {
    const same = await kb.ingest(
      { collection: 'hospital', filename: 'hypertension-note.md', content: fixture('hypertension-note.md') },
      SYSTEM_PRINCIPAL,
    );
    expect(same.status).toBe('unchanged');
    const changed = await kb.ingest(
      {
        collection: 'hospital',
        filename: 'hypertension-note.md',
        content: '# 高血压用药要点\n\n## 利尿剂\n\n氢氯噻嗪 12.5–25 mg 每日一次。',
      },
      SYSTEM_PRINCIPAL,
    );
    expect(changed).toMatchObject({ status: 'replaced', chunks: 1 });
    const gone = await kb.search({
      query: '螺内酯 血钾 复查',
      principal: clinician,
      collections: ['hospital'],
    });
    expect(gone.passages.every((p) => p.document !== 'hypertension-note.md')).toBe(true);
    const fresh = await kb.search({ query: '氢氯噻嗪', principal: clinician });
    expect(fresh.passages[0]?.text).toContain('12.5–25 mg');
    // put the original back for the other tests
    await kb.ingest(
      { collection: 'hospital', filename: 'hypertension-note.md', content: fixture('hypertension-note.md') },
      SYSTEM_PRINCIPAL,
    );
  });

  it('enforces collection access by role and API key', async () => {
    expect(
      (await kb.search({ query: '硝苯地平 库存', principal: clinician })).passages.map((p) => p.collection),
    ).not.toContain('pharmacy-only');
    await expect(
      kb.search({ query: '硝苯地平', principal: clinician, collections: ['pharmacy-only'] }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const pharmacist: Principal = { ...clinician, id: 'u9', role: 'pharmacist' };
    expect((await kb.search({ query: '硝苯地平 库存', principal: pharmacist })).passages[0]?.collection).toBe(
      'pharmacy-only',
    );
    expect((await kb.search({ query: '硝苯地平 库存', principal: key })).passages[0]?.collection).toBe(
      'pharmacy-only',
    );
    expect((await kb.listCollections(patient)).map((c) => c.name)).toEqual([]);
    expect((await kb.listCollections(nurse)).map((c) => c.name)).toEqual(['hospital']);
    await expect(kb.createCollection({ name: 'x' }, clinician)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      kb.ingest({ collection: 'hospital', filename: 'a.md', content: '# a' }, nurse),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('deletes a document and its chunks', async () => {
    const r = await kb.ingest(
      { collection: 'hospital', filename: 'temp.txt', content: '临时文件：阿托伐他汀 20 mg。' },
      SYSTEM_PRINCIPAL,
    );
    expect((await kb.search({ query: '阿托伐他汀', principal: clinician })).passages).toHaveLength(1);
    await kb.deleteDocument('hospital', r.documentId, SYSTEM_PRINCIPAL);
    expect((await kb.search({ query: '阿托伐他汀', principal: clinician })).passages).toHaveLength(0);
    await expect(kb.deleteDocument('hospital', r.documentId, SYSTEM_PRINCIPAL)).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('hybrid retrieval with a (fake) embedder where pgvector exists, keyword-only otherwise', async () => {
    const hybrid = createKnowledgeBase({ db: database.db, embed: fakeEmbed });
    await hybrid.createCollection({ name: 'vectors' }, SYSTEM_PRINCIPAL);
    const res = await hybrid.ingest(
      {
        collection: 'vectors',
        filename: 'v.md',
        content: '# 向量\n\n厄贝沙坦 150 mg 每日一次。\n\n## 另一节\n\n比索洛尔 5 mg。',
      },
      SYSTEM_PRINCIPAL,
    );
    const r = await hybrid.search({ query: '厄贝沙坦', collections: ['vectors'], principal: clinician });
    if (await hybrid.hasVectorColumn()) {
      expect(res.embedded).toBe(true);
      expect(r.mode).toBe('hybrid');
      expect(r.passages[0]?.text).toContain('厄贝沙坦');
      expect(r.passages).toHaveLength(2); // the dense leg also returns the other chunk
    } else {
      expect(r.mode).toBe('keyword');
      expect(r.notes.join()).toContain('pgvector');
    }
  });

  it('serves the HTTP routes (upload base64, search, list, delete) with the caller principal', async () => {
    const app = createKnowledgeRoutes({ knowledge: kb });
    const as = (p: Principal) => {
      const wrapper = new (app.constructor as typeof import('hono').Hono)();
      wrapper.use('*', async (c, next) => {
        c.set('principal' as never, p as never);
        await next();
      });
      wrapper.route('/', app);
      return wrapper;
    };
    const admin = as(SYSTEM_PRINCIPAL);
    const created = await admin.request('/collections', {
      method: 'POST',
      body: JSON.stringify({ name: 'api' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const up = await admin.request(`/collections/${id}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        filename: 'policy.docx',
        contentBase64: Buffer.from(fixture('prescribing-policy.docx')).toString('base64'),
      }),
    });
    expect(up.status).toBe(201);
    const doc = (await up.json()) as { documentId: string; chunks: number };
    expect(doc.chunks).toBe(3);
    const search = await as(clinician).request('/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '拉贝洛尔', collection: 'api' }),
    });
    const body = (await search.json()) as {
      passages: { id: string; document: string; section: string; collection: string }[];
    };
    expect(body.passages[0]).toMatchObject({
      document: 'policy.docx',
      section: '院内降压药处方规范 > 特殊人群',
      collection: 'api',
    });
    const bad = await admin.request('/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":',
    });
    expect(bad.status).toBe(400);
    const forbidden = await as(nurse).request('/collections', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'n' }),
    });
    expect(forbidden.status).toBe(403);
    const del = await admin.request(`/collections/${id}/documents/${doc.documentId}`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    const list = (await (await as(clinician).request('/collections')).json()) as {
      collections: { name: string }[];
    };
    expect(list.collections.map((c) => c.name)).toContain('api');
  });

  it('loads the shipped packs idempotently (guideline summary + drug monographs)', async () => {
    const first = await loadKnowledgePacks(database.db);
    expect(first.map((r) => r.status)).toEqual(['created', 'created']);
    const again = await loadKnowledgePacks(database.db);
    expect(again.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
    const r = await kb.search({
      query: 'ESH 2023 1级高血压',
      principal: clinician,
      collections: ['guidelines'],
    });
    expect(r.passages[0]?.text).toContain('1级高血压 Grade 1 140–159');
    const drug = await kb.search({
      query: '氨氯地平 最大剂量',
      principal: clinician,
      collections: ['drug-monographs'],
    });
    expect(drug.passages[0]?.section).toContain('氨氯地平');
    expect(drug.passages[0]?.text).toMatch(/最大剂量 max 10 mg/);
  });

  it('imports a locally obtained knowledge graph (dict lists + disease records) without shipping it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qh-kg-'));
    mkdirSync(join(dir, 'dict'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'dict', 'disease.txt'), '肾性骨营养不良\n高血压性心脏病\n');
    writeFileSync(join(dir, 'dict', 'deny.txt'), '不\n没\n');
    writeFileSync(
      join(dir, 'data', 'medical.json'),
      `${JSON.stringify({ name: '高血压性心脏病', desc: '长期血压升高导致左心室肥厚。', cure_way: ['降压治疗'], common_drug: ['缬沙坦胶囊'] })}\n`,
    );
    const summary = await importKnowledgeGraph(kb, dir, SYSTEM_PRINCIPAL, { collection: `kg-${kind}` });
    expect(summary.diseases).toBe(1); // dictionary words are added once per process (the second database kind adds none)
    expect(summary.documents.map((d) => d.filename).sort()).toEqual([
      'diseases-001.md',
      'entities-disease.md',
    ]);
    expect(segmentWords('肾性骨营养不良')).toEqual(['肾性骨营养不良']);
    const r = await kb.search({
      query: '高血压性心脏病 常用药',
      principal: clinician,
      collections: [`kg-${kind}`],
    });
    expect(r.passages[0]).toMatchObject({ section: expect.stringContaining('高血压性心脏病') });
    expect(r.passages[0]?.text).toContain('缬沙坦胶囊');
    await expect(importKnowledgeGraph(kb, join(dir, 'nope'), SYSTEM_PRINCIPAL)).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });

  it('search passages carry highlight offsets; a collection can be deleted with its documents', async () => {
    const app = createKnowledgeRoutes({ knowledge: kb });
    const as = (p: Principal) => {
      const wrapper = new (app.constructor as typeof import('hono').Hono)();
      wrapper.use('*', async (c, next) => {
        c.set('principal' as never, p as never);
        await next();
      });
      wrapper.route('/', app);
      return wrapper;
    };
    const json = (method: string, body?: unknown) => ({
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const admin = as(SYSTEM_PRINCIPAL);
    await admin.request('/collections', json('POST', { name: 'short-lived' }));
    await admin.request(
      '/collections/short-lived/documents',
      json('POST', {
        filename: 'x.md',
        text: '# 瑞舒伐他汀\n\n瑞舒伐他汀起始剂量 10 mg，每日一次（zorbexalin）。',
      }),
    );
    const found = (await (
      await as(clinician).request(
        '/search',
        json('POST', { query: '瑞舒伐他汀剂量', collection: 'short-lived' }),
      )
    ).json()) as { terms: string[]; passages: { text: string; highlights: [number, number][] }[] };
    expect(found.terms).toEqual(expect.arrayContaining(['瑞舒伐他汀', '剂量']));
    const p = found.passages[0]!;
    expect(p.highlights.map(([a, b]) => p.text.slice(a, b))).toEqual(['瑞舒伐他汀', '剂量']);

    expect((await as(nurse).request('/collections/short-lived', { method: 'DELETE' })).status).toBe(403);
    expect((await admin.request('/collections/short-lived', { method: 'DELETE' })).status).toBe(204);
    expect((await admin.request('/collections/short-lived', { method: 'DELETE' })).status).toBe(404);
    const after = await kb.search({ query: '瑞舒伐他汀', principal: clinician });
    expect(after.passages.filter((x) => x.collection === 'short-lived')).toHaveLength(0);
    const df = await database.db
      .selectFrom('kb_term' as never)
      .select('df' as never)
      .where('term' as never, '=', 'zorbexalin' as never)
      .executeTakeFirst();
    expect(df).toBeUndefined();
  });
});
