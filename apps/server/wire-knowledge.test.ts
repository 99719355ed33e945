import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MemoryAuditSink,
  MemoryUsageStore,
  createGatewayRuntime,
  createStaticGatewayAuth,
  gatewayConfigFrom,
  parseGatewayConfig,
} from '@qihuang/gateway';
import { loadConfig } from '@qihuang/config';
import { startScriptedUpstream, type ReceivedRequest, type ScriptedUpstream } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from './test-support.ts';
import { wireKnowledgeModels } from './wire-knowledge.ts';

/** A toy embedding space: one axis per topic, so a query with no shared keyword still finds its passage. */
function topicVector(text: string): number[] {
  return [
    /夜间|nocturnal|night/i.test(text) ? 1 : 0,
    /饮食|diet|salt/i.test(text) ? 1 : 0,
    0.05, // keeps every vector non-zero (cosine distance is undefined for a zero vector)
  ];
}

const embeddingReply = (request: ReceivedRequest) => {
  const raw = request.body?.input;
  const inputs: string[] = Array.isArray(raw) ? raw.map(String) : [String(raw ?? '')];
  return { embeddings: inputs.map(topicVector) };
};

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('knowledge base and guard call models through the gateway (QIHUANG_MODEL_* quick start)', () => {
  let upstream: ScriptedUpstream;
  let t: TestApp;
  let collectionId = '';

  beforeAll(async () => {
    upstream = await startScriptedUpstream({ models: ['qwen-embed'] });
    upstream.setDefault((request) =>
      request.path.endsWith('/embeddings') ? embeddingReply(request) : { content: 'unused' },
    );
    t = await createTestApp('pglite', {
      model: {
        baseUrl: upstream.url,
        name: 'qwen-embed',
        embeddingName: 'qwen-embed',
        location: 'on-premises',
      },
    });
  });
  afterAll(async () => {
    await t?.closeAll();
    await upstream?.close();
  });

  it('ingestion stores vectors from the embedding model (embed-zh) and search fuses both legs', async () => {
    const created = await t.request('/kb/collections', json({ name: 'vectors-e2e' }));
    expect(created.status).toBe(201);
    collectionId = ((await created.json()) as { id: string }).id;

    const upload = async (filename: string, text: string) => {
      const r = await t.request(`/kb/collections/${collectionId}/documents`, json({ filename, text }));
      expect(r.status).toBe(201);
      return (await r.json()) as { embedded: boolean; chunks: number };
    };
    expect(
      (await upload('night.md', '# 夜间血压\n\n夜间血压下降不足10%称为非杓型血压，应做动态血压监测。'))
        .embedded,
    ).toBe(true);
    expect((await upload('diet.md', '# 饮食\n\n低盐饮食：每日食盐少于5克，有助于降低血压。')).embedded).toBe(
      true,
    );

    const embeddingCalls = upstream.modelRequests().filter((r) => r.path.endsWith('/embeddings'));
    expect(embeddingCalls.length).toBeGreaterThanOrEqual(2);
    expect(embeddingCalls[0]!.body.model).toBe('qwen-embed');

    const stored = await t.repository.db
      .selectFrom('kb_chunk' as never)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('collection_id' as never, '=', collectionId as never)
      .where('embedding' as never, 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBeGreaterThanOrEqual(2);

    // No keyword in common with either passage: only the dense leg can find it.
    const dense = await t.request(
      '/kb/search',
      json({ query: 'nocturnal dipping pattern', collection: collectionId }),
    );
    expect(dense.status).toBe(200);
    const denseBody = (await dense.json()) as {
      mode: string;
      notes: string[];
      passages: { document: string; highlights?: unknown[] }[];
    };
    expect(denseBody.mode).toBe('hybrid');
    expect(denseBody.notes).toEqual([]);
    expect(denseBody.passages[0]!.document).toBe('night.md');

    // Both legs agree: the keyword match is fused with the vector match and highlighted.
    const both = await t.request('/kb/search', json({ query: '低盐饮食', collection: collectionId }));
    const bothBody = (await both.json()) as {
      mode: string;
      terms: string[];
      passages: { document: string; text: string; highlights: [number, number][]; score: number }[];
    };
    expect(bothBody.mode).toBe('hybrid');
    const top = bothBody.passages[0]!;
    expect(top.document).toBe('diet.md');
    expect(top.highlights.map(([s, e]) => top.text.slice(s, e))).toEqual(expect.arrayContaining(['低盐']));
    // Reciprocal-rank fusion score of a passage first in both lists: 2 / (60 + 1).
    expect(top.score).toBeCloseTo(2 / 61, 5);
  });

  it("the guard's revise policy asks clinical-copilot once through the gateway", async () => {
    upstream.when((r) => r.path.endsWith('/chat/completions'), {
      content: 'Start amlodipine 5 mg once daily.',
    });
    const r = await t.request(
      '/guard/check',
      json({ answer: 'Start amlodipine 50 mg once daily.', passages: [], policy: 'revise' }),
    );
    expect(r.status).toBe(200);
    const result = (await r.json()) as { action: string; answer: string; notes: string[] };
    expect(result.notes).toEqual([]);
    expect(result.action).toBe('revise');
    expect(result.answer).toBe('Start amlodipine 5 mg once daily.');
    const chat = upstream.modelRequests().filter((q) => q.path.endsWith('/chat/completions'));
    expect(chat).toHaveLength(1);
    expect(chat[0]!.body.model).toBe('qwen-embed');
  });
});

describe('without an embedding model', () => {
  it('keyword search works, the search says why, and the server logs once that vectors are off', async () => {
    const t = await createTestApp('pglite');
    try {
      await t.request('/kb/collections', json({ name: 'plain' }));
      const up = await t.request(
        '/kb/collections/plain/documents',
        json({ filename: 'a.md', text: '# 高血压\n\n高血压的诊断标准。' }),
      );
      expect(((await up.json()) as { embedded: boolean }).embedded).toBe(false);
      const r = (await (await t.request('/kb/search', json({ query: '高血压诊断' }))).json()) as {
        mode: string;
        notes: string[];
        passages: unknown[];
      };
      expect(r.mode).toBe('keyword');
      expect(r.passages.length).toBe(1);
      expect(r.notes.join()).toContain('no embedding model');
    } finally {
      await t.closeAll();
    }

    const lines: string[] = [];
    const runtime = createGatewayRuntime({
      config: parseGatewayConfig({}),
      auth: createStaticGatewayAuth(),
      audit: new MemoryAuditSink(),
      usageStore: new MemoryUsageStore(),
    });
    const models = wireKnowledgeModels(runtime, {
      info: (m) => lines.push(`info ${m}`),
      warn: (m) => lines.push(`warn ${m}`),
    });
    expect(models.vectorsEnabled()).toBe(false);
    expect(models.vectorsEnabled()).toBe(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warn knowledge: dense vectors off/);
    await expect(models.complete([{ role: 'user', content: 'x' }])).rejects.toThrow(/clinical-copilot/);
    await runtime.close();
  });

  it('a chat model alone (QIHUANG_MODEL_* without an embedding name) leaves vectors off and says how to turn them on', async () => {
    const upstream = await startScriptedUpstream({ models: ['qwen-chat'] });
    const runtime = createGatewayRuntime({
      config: gatewayConfigFrom(
        loadConfig({ QIHUANG_MODEL_BASE_URL: upstream.url, QIHUANG_MODEL_NAME: 'qwen-chat' }),
      ),
      auth: createStaticGatewayAuth(),
      audit: new MemoryAuditSink(),
      usageStore: new MemoryUsageStore(),
    });
    const lines: string[] = [];
    const models = wireKnowledgeModels(runtime, {
      info: (m) => lines.push(`info ${m}`),
      warn: (m) => lines.push(`warn ${m}`),
    });
    try {
      expect(models.vectorsEnabled()).toBe(false);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^warn knowledge: dense vectors off .*keyword search only/);
      expect(lines[0]).toContain('QIHUANG_MODEL_EMBEDDING_NAME');
      expect(upstream.requests).toHaveLength(0);
    } finally {
      await runtime.close();
      await upstream.close();
    }
  });

  it('an embedding model that fails pauses vectors instead of slowing every search', async () => {
    const upstream = await startScriptedUpstream();
    upstream.setDefault({ status: 404, errorMessage: 'no embeddings here' });
    let clock = 1_000_000;
    const runtime = createGatewayRuntime({
      config: parseGatewayConfig({
        providers: [
          {
            id: 'p',
            kind: 'openai-compatible',
            baseUrl: upstream.url,
            model: 'chat-only',
            location: 'on-premises',
            capabilities: { chat: true, embeddings: true },
          },
        ],
        virtualModels: [{ name: 'embed-zh', targets: [{ provider: 'p' }], retry: { attempts: 1 } }],
      }),
      auth: createStaticGatewayAuth(),
      audit: new MemoryAuditSink(),
      usageStore: new MemoryUsageStore(),
    });
    const lines: string[] = [];
    const models = wireKnowledgeModels(
      runtime,
      { info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`) },
      { now: () => clock },
    );
    try {
      expect(models.vectorsEnabled()).toBe(true);
      await expect(models.embed(['高血压'])).rejects.toThrow();
      expect(models.vectorsEnabled()).toBe(false);
      clock += 61_000;
      expect(models.vectorsEnabled()).toBe(true);
      expect(lines.filter((l) => l.startsWith('warn'))).toHaveLength(1);
    } finally {
      await runtime.close();
      await upstream.close();
    }
  });
});
