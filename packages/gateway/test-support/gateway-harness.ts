/**
 * Test harness: a gateway served on a real port (so the official `openai` SDK can talk to it) in front of
 * scripted upstreams, with in-memory auth, usage and audit.
 */
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import OpenAI from 'openai';
import type { AddressInfo } from 'node:net';
import { startScriptedUpstream, type ScriptedUpstream } from '@qihuang/test-kit';
import { MemoryAuditSink } from '../audit/audit-sink.ts';
import { parseGatewayConfig } from '../config/gateway-config-from.ts';
import type { GatewayConfigInput } from '../config/gateway-config-schema.ts';
import {
  createStaticGatewayAuth,
  type Principal,
  type StaticGatewayAuth,
} from '../governance/gateway-auth.ts';
import { createGatewayAdminRoutes } from '../http/admin-routes.ts';
import { createGatewayRoutes } from '../http/gateway-routes.ts';
import {
  createGatewayRuntime,
  type GatewayRuntime,
  type GatewayRuntimeOptions,
} from '../runtime/gateway-runtime.ts';
import { MemoryUsageStore } from '../usage/usage-store.ts';

export const ADMIN_KEY = 'sk-test-admin';
export const USER_KEY = 'sk-test-user';

export interface Harness {
  url: string;
  runtime: GatewayRuntime;
  auth: StaticGatewayAuth;
  audit: MemoryAuditSink;
  usage: MemoryUsageStore;
  upstreams: Record<string, ScriptedUpstream>;
  client(key?: string, options?: Partial<ConstructorParameters<typeof OpenAI>[0]>): OpenAI;
  /** Raw fetch against the gateway root (e.g. `/v1/chat/completions`). */
  fetch(path: string, init?: RequestInit & { key?: string }): Promise<Response>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Upstream name → location; a provider with the same id is declared for each. */
  upstreams?: Record<
    string,
    { location: 'on-premises' | 'cloud'; kind?: string; capabilities?: object; limits?: object }
  >;
  config?: (providers: GatewayConfigInput['providers']) => Omit<GatewayConfigInput, 'providers'> & {
    providers?: GatewayConfigInput['providers'];
  };
  principal?: Partial<Principal>;
  runtime?: Partial<GatewayRuntimeOptions>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const specs = options.upstreams ?? { local: { location: 'on-premises' } };
  const upstreams: Record<string, ScriptedUpstream> = {};
  for (const name of Object.keys(specs))
    upstreams[name] = await startScriptedUpstream({ models: [`${name}-model`] });
  const providers = Object.entries(specs).map(([id, spec]) => ({
    id,
    kind: (spec.kind ?? 'openai-compatible') as 'openai-compatible',
    baseUrl: upstreams[id]!.url,
    model: `${id}-model`,
    location: spec.location,
    apiKey: { env: `${id.toUpperCase()}_KEY` },
    capabilities: {
      chat: true,
      reasoning: true,
      vision: true,
      embeddings: true,
      tools: true,
      ...spec.capabilities,
    },
    limits: spec.limits ?? {},
  }));
  const extra = options.config?.(providers) ?? {};
  const config = parseGatewayConfig({
    retry: { attempts: 2, backoffMs: 1, maxBackoffMs: 20 },
    ...extra,
    providers: extra.providers ?? providers,
  });
  const auth = createStaticGatewayAuth([
    { key: ADMIN_KEY, principal: { id: 'admin', kind: 'key', role: 'admin', allowedModels: '*' } },
    { key: USER_KEY, principal: { id: 'user-key', kind: 'key', allowedModels: '*', ...options.principal } },
  ]);
  const audit = new MemoryAuditSink();
  const usage = new MemoryUsageStore();
  const runtime = createGatewayRuntime({
    config,
    auth,
    audit,
    usageStore: usage,
    secrets: (ref) => ('env' in ref ? `upstream-secret-for-${ref.env}` : undefined),
    batching: { flushIntervalMs: 10 },
    ...options.runtime,
  });
  const app = new Hono();
  app.route('/v1', createGatewayRoutes({ runtime }));
  app.route('/admin/gateway', createGatewayAdminRoutes({ runtime }));
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    runtime,
    auth,
    audit,
    usage,
    upstreams,
    client: (key = USER_KEY, clientOptions = {}) =>
      new OpenAI({ baseURL: `${url}/v1`, apiKey: key, maxRetries: 0, timeout: 20_000, ...clientOptions }),
    fetch: (path, init = {}) => {
      const { key = USER_KEY, ...rest } = init;
      return fetch(`${url}${path}`, {
        ...rest,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${key}`,
          ...(rest.headers as object),
        },
      });
    },
    close: async () => {
      await runtime.close();
      await new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      });
      for (const upstream of Object.values(upstreams)) await upstream.close();
    },
  };
}
