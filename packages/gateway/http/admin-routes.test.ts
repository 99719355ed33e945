import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startHarness, type Harness } from '../test-support/gateway-harness.ts';

describe('/admin/gateway', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      config: () => ({ virtualModels: [{ name: 'clinical-copilot', targets: [{ provider: 'local' }] }] }),
    });
  });
  afterAll(() => h.close());
  const admin = (path: string, init: RequestInit = {}) =>
    h.fetch(`/admin/gateway${path}`, { ...init, key: ADMIN_KEY });

  it('adds a provider and a virtual model, which the API serves at once; never returns a literal key', async () => {
    const put = await admin('/providers/ollama-local', {
      method: 'PUT',
      body: JSON.stringify({
        kind: 'ollama',
        baseUrl: h.upstreams.local!.url,
        model: 'qwen3:8b',
        location: 'on-premises',
        apiKey: { value: 'secret-literal' },
      }),
    });
    expect(put.status).toBe(201);
    expect(JSON.stringify(await put.json())).not.toContain('secret-literal');
    const vm = await admin('/virtual-models/rx-explainer', {
      method: 'PUT',
      body: JSON.stringify({ targets: [{ provider: 'ollama-local' }] }),
    });
    expect(vm.status).toBe(201);
    const answer = await h
      .client()
      .chat.completions.create({ model: 'rx-explainer', messages: [{ role: 'user', content: '你好' }] });
    expect(answer.choices[0]?.message.content).toBe('你好');
    const last = h.upstreams.local!.modelRequests().at(-1)!;
    expect(last.body.model).toBe('qwen3:8b');
    expect(last.headers.authorization).toBe('Bearer secret-literal');
    const config = await admin('/config').then((r) => r.text());
    expect(config).not.toContain('secret-literal');
  });

  it('rejects an invalid provider naming the field, and deleting a provider still in use', async () => {
    const bad = await admin('/providers/x', {
      method: 'PUT',
      body: JSON.stringify({ kind: 'vllm', baseUrl: 'ftp://x', model: 'm', location: 'on-premises' }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('baseUrl');
    const del = await admin('/providers/local', { method: 'DELETE' });
    expect(del.status).toBe(409);
  });

  it('reports target health and runs checks on demand', async () => {
    h.upstreams.local!.setHealthy(false);
    await admin('/health/check', { method: 'POST' });
    const health = (await admin('/health').then((r) => r.json())) as {
      data: { provider: string; health: string; status: string }[];
    };
    expect(health.data.find((d) => d.provider === 'local')).toMatchObject({ health: 'down', status: 'down' });
    h.upstreams.local!.setHealthy(true);
    await admin('/health/check', { method: 'POST' });
    const again = (await admin('/health').then((r) => r.json())) as {
      data: { provider: string; status: string }[];
    };
    expect(again.data.find((d) => d.provider === 'local')?.status).toBe('up');
  });

  it('requires the admin role', async () => {
    expect((await h.fetch('/admin/gateway/providers')).status).toBe(403);
    expect((await h.fetch('/admin/gateway/providers', { key: 'nope' })).status).toBe(401);
  });
});
