import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { loadConfig } from '@qihuang/config';
import { QihuangError } from '@qihuang/contracts';
import { gatewayConfigFrom, parseGatewayConfig, quickStartScenarios } from './gateway-config-from.ts';
import { createGatewayRoutes } from '../http/gateway-routes.ts';
import { createGatewayRuntime } from '../runtime/gateway-runtime.ts';
import { createStaticGatewayAuth } from '../governance/gateway-auth.ts';
import { MemoryAuditSink } from '../audit/audit-sink.ts';
import { MemoryUsageStore } from '../usage/usage-store.ts';

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as QihuangError;
  }
  throw new Error('expected an error');
};

describe('gatewayConfigFrom', () => {
  it('quick start: one provider from QIHUANG_MODEL_* serves every scenario', () => {
    const config = gatewayConfigFrom(
      loadConfig({
        QIHUANG_MODEL_BASE_URL: 'http://10.0.0.5:8000/v1',
        QIHUANG_MODEL_NAME: 'qwen2.5-72b',
        QIHUANG_MODEL_API_KEY: 'k',
      }),
    );
    expect(config.providers).toEqual([
      expect.objectContaining({
        id: 'default',
        baseUrl: 'http://10.0.0.5:8000/v1',
        model: 'qwen2.5-72b',
        location: 'on-premises',
        apiKey: { value: 'k' },
      }),
    ]);
    expect(config.virtualModels.map((v) => v.name)).toEqual([...quickStartScenarios]);
    expect(config.fallbackModel).toBe('default');
  });

  it('quick start: the chat model never serves embeddings; embed-zh only with QIHUANG_MODEL_EMBEDDING_NAME', () => {
    const chatOnly = gatewayConfigFrom(
      loadConfig({ QIHUANG_MODEL_BASE_URL: 'http://10.0.0.5:8000/v1', QIHUANG_MODEL_NAME: 'qwen2.5-72b' }),
    );
    expect(chatOnly.providers.map((p) => [p.id, p.capabilities.embeddings])).toEqual([['default', false]]);
    expect(chatOnly.virtualModels.map((v) => v.name)).not.toContain('embed-zh');

    const withEmbeddings = gatewayConfigFrom(
      loadConfig({
        QIHUANG_MODEL_BASE_URL: 'http://10.0.0.5:8000/v1',
        QIHUANG_MODEL_NAME: 'qwen2.5-72b',
        QIHUANG_MODEL_API_KEY: 'k',
        QIHUANG_MODEL_EMBEDDING_NAME: 'bge-m3',
      }),
    );
    const embedder = withEmbeddings.providers.find((p) => p.capabilities.embeddings);
    expect(embedder).toEqual(
      expect.objectContaining({
        baseUrl: 'http://10.0.0.5:8000/v1',
        model: 'bge-m3',
        apiKey: { value: 'k' },
      }),
    );
    expect(embedder?.capabilities.chat).toBe(false);
    const embedZh = withEmbeddings.virtualModels.find((v) => v.name === 'embed-zh');
    expect(embedZh?.targets.map((t) => t.provider)).toEqual([embedder?.id]);
    expect(withEmbeddings.fallbackModel).toBe('default');
  });

  it('the config file wins over the quick start once it declares providers', () => {
    const file = JSON.stringify({
      providers: [
        {
          id: 'r1',
          kind: 'vllm',
          baseUrl: 'http://gpu1:8000/v1',
          model: 'deepseek-r1',
          location: 'on-premises',
          apiKey: { env: 'R1_KEY' },
        },
      ],
      virtualModels: [{ name: 'clinical-copilot', targets: [{ provider: 'r1' }] }],
    });
    const config = gatewayConfigFrom(loadConfig({ QIHUANG_MODEL_BASE_URL: 'http://x:1/v1' }), file);
    expect(config.providers.map((p) => p.id)).toEqual(['r1']);
    expect(config.retry).toEqual({ attempts: 2, backoffMs: 100, maxBackoffMs: 2000 });
  });

  it('no model at all: an empty, valid config', () => {
    expect(gatewayConfigFrom(loadConfig({})).providers).toEqual([]);
  });

  it('names the bad field', () => {
    const error = errorOf(() =>
      parseGatewayConfig({
        providers: [{ id: 'a', kind: 'vllm', baseUrl: 'not a url', model: 'm', location: 'on-premises' }],
      }),
    );
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('providers[0].baseUrl');
    expect(
      errorOf(() =>
        parseGatewayConfig({
          providers: [{ id: 'a', kind: 'nope', baseUrl: 'http://x', model: 'm', location: 'moon' }],
        }),
      ).message,
    ).toMatch(
      /providers\[0\]\.kind.*providers\[0\]\.location|providers\[0\]\.location.*providers\[0\]\.kind/,
    );
    expect(
      errorOf(() =>
        parseGatewayConfig({
          providers: [],
          virtualModels: [{ name: 'x', targets: [{ provider: 'ghost' }] }],
        }),
      ).message,
    ).toContain('virtualModels[0].targets[0].provider: unknown provider "ghost"');
    expect(errorOf(() => gatewayConfigFrom(loadConfig({}), '{oops')).message).toContain('not valid JSON');
  });
});

describe('no model configured', () => {
  it('answers 503 model-not-configured saying how to configure one', async () => {
    const runtime = createGatewayRuntime({
      config: gatewayConfigFrom(loadConfig({})),
      auth: createStaticGatewayAuth([{ key: 'k', principal: { id: 'k', kind: 'key' } }]),
      audit: new MemoryAuditSink(),
      usageStore: new MemoryUsageStore(),
    });
    const app = new Hono().route('/v1', createGatewayRoutes({ runtime }));
    for (const path of ['/v1/chat/completions', '/v1/embeddings']) {
      const response = await app.request(path, {
        method: 'POST',
        headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'clinical-copilot',
          messages: [{ role: 'user', content: 'x' }],
          input: 'x',
        }),
      });
      expect(response.status).toBe(503);
      const body = (await response.json()) as { error: { code: string; message: string; type: string } };
      expect(body.error.code).toBe('model-not-configured');
      expect(body.error.message).toContain('QIHUANG_MODEL_BASE_URL');
    }
    const models = await app.request('/v1/models', { headers: { authorization: 'Bearer k' } });
    expect(await models.json()).toEqual({ object: 'list', data: [] });
    await runtime.close();
  });
});
