/**
 * Issue 20, the gateway page: a provider that is not "up" says why (the failing health check and its answer,
 * the last failed request, the circuit), with when, as codes the console words in its own language; and a
 * provider that the environment configures (QIHUANG_MODEL_*) is marked as such and cannot be deleted (it
 * would come back at the next start).
 */
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthAnswer, ProviderList } from '../api-types/index.ts';
import { ADMIN_KEY, startHarness, type Harness } from '../test-support/gateway-harness.ts';
import { createGatewayAdminRoutes } from './admin-routes.ts';

describe('/admin/gateway: why a provider is not up, and providers from the environment', () => {
  let h: Harness;
  let app: Hono;
  beforeAll(async () => {
    h = await startHarness({
      config: (providers = []) => ({
        providers: [
          ...providers,
          // Nothing listens there: connection refused.
          { ...providers[0]!, id: 'nowhere', baseUrl: 'http://127.0.0.1:9/v1' },
        ],
        virtualModels: [{ name: 'clinical-copilot', targets: [{ provider: 'local' }] }],
      }),
    });
    app = new Hono();
    app.route(
      '/admin/gateway',
      createGatewayAdminRoutes({
        runtime: h.runtime,
        environmentProvider: (id) => (id === 'nowhere' ? 'QIHUANG_MODEL_BASE_URL' : undefined),
      }),
    );
  });
  afterAll(() => h.close());
  const admin = (path: string, init: RequestInit = {}) =>
    app.request(`/admin/gateway${path}`, {
      ...init,
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    });
  const health = async () => ((await (await admin('/health')).json()) as HealthAnswer).data;

  it('a failing health check: which check, its answer, when', async () => {
    h.upstreams.local!.setHealthy(false);
    await admin('/health/check', { method: 'POST' });
    const local = (await health()).find((p) => p.provider === 'local')!;
    expect(local.status).not.toBe('up');
    expect(local.healthCheck).toBe('GET /models');
    const reason = local.reasons.find((r) => r.kind === 'health-check-failed');
    expect(reason).toMatchObject({ cause: 'http-status', check: 'GET /models' });
    expect(reason!.status).toBeGreaterThanOrEqual(400);
    expect(Date.parse(reason!.at!)).not.toBeNaN();

    const nowhere = (await health()).find((p) => p.provider === 'nowhere')!;
    expect(nowhere.reasons).toContainEqual(
      expect.objectContaining({ kind: 'health-check-failed', cause: 'refused' }),
    );
    h.upstreams.local!.setHealthy(true);
    await admin('/health/check', { method: 'POST' });
    expect((await health()).find((p) => p.provider === 'local')!.reasons).toEqual([]);
  });

  it('failed requests: how many in a row, the last one’s answer and when (degraded while the checks pass)', async () => {
    h.upstreams.local!.enqueue(
      { status: 503, errorMessage: 'overloaded' },
      { status: 503, errorMessage: 'overloaded' },
    );
    await h
      .client()
      .chat.completions.create({ model: 'clinical-copilot', messages: [{ role: 'user', content: 'x' }] })
      .catch(() => undefined);
    const local = (await health()).find((p) => p.provider === 'local')!;
    expect(local.status).not.toBe('up');
    const reason = local.reasons.find((r) => r.kind === 'requests-failing');
    expect(reason).toMatchObject({ cause: 'http-status', status: 503 });
    expect(reason!.failures).toBeGreaterThanOrEqual(1);
    expect(reason!.detail).toContain('503');
  });

  it('a provider from the environment is marked, and deleting it is refused with the reason', async () => {
    const list = ((await (await admin('/providers')).json()) as ProviderList).data;
    expect(list.find((p) => p.id === 'nowhere')).toMatchObject({
      origin: 'environment',
      originSetting: 'QIHUANG_MODEL_BASE_URL',
    });
    expect(list.find((p) => p.id === 'local')).not.toHaveProperty('origin');
    const del = await admin('/providers/nowhere', { method: 'DELETE' });
    expect(del.status).toBe(409);
    expect(((await del.json()) as { error: { message: string } }).error.message).toContain(
      'QIHUANG_MODEL_BASE_URL',
    );
    expect(h.runtime.config.providers.some((p) => p.id === 'nowhere')).toBe(true);
  });
});
