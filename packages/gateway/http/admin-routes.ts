/**
 * Administration of the gateway, mounted by the server at /admin/gateway: providers and virtual models
 * (validated like the config file; API keys never returned), usage summaries, target health.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { configIssues } from '../config/gateway-config-from.ts';
import type { GatewayConfig, ProviderConfig } from '../config/gateway-config-schema.ts';
import type { GatewayAuth, Principal } from '../governance/gateway-auth.ts';
import { providerReasons } from '../health/provider-reasons.ts';
import { quirksOf } from '../providers/provider-registry.ts';
import type { GatewayRuntime } from '../runtime/gateway-runtime.ts';
import { usageDimensions, type UsageDimension } from '../usage/usage-store.ts';
import { GatewayError } from './gateway-error.ts';
import { errorResponse } from './gateway-routes.ts';
import { bearerOf, jsonBody } from './request-context.ts';
import type {
  HealthAnswer,
  HealthCheckAnswer,
  ProviderList,
  ProviderView,
  UsageAnswer,
  VirtualModelList,
} from '../api-types/index.ts';

export interface GatewayAdminRoutesDeps {
  runtime: GatewayRuntime;
  /** Defaults to the runtime's auth. */
  auth?: GatewayAuth;
  /** Who may administer the gateway (default: role "admin"). */
  isAdmin?: (principal: Principal) => boolean;
  /**
   * The server setting that configures this provider (e.g. "QIHUANG_MODEL_BASE_URL" for the quick start), if
   * any: such a provider is shown as from the environment and cannot be deleted — it would return at restart.
   */
  environmentProvider?: (id: string) => string | undefined;
}

const REDACTED = '********';

export function redactProvider(provider: ProviderConfig): ProviderConfig {
  if (provider.apiKey && 'value' in provider.apiKey) return { ...provider, apiKey: { value: REDACTED } };
  return provider;
}

export function redactConfig(config: GatewayConfig): GatewayConfig {
  return { ...config, providers: config.providers.map(redactProvider) };
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');
const usageQuerySchema = z.object({
  groupBy: z
    .string()
    .default('day')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(usageDimensions)).min(1)),
  from: day.optional(),
  to: day.optional(),
  keyId: z.string().optional(),
  model: z.string().optional(),
  scenario: z.string().optional(),
});

/** `If-None-Match: *` on a PUT: create only, never replace (the console's "Add" forms send it). */
const createOnly = (c: { req: { header(name: string): string | undefined } }) =>
  c.req.header('if-none-match')?.trim() === '*';

export function createGatewayAdminRoutes({
  runtime,
  auth = runtime.auth,
  isAdmin = (p) => p.role === 'admin',
  environmentProvider = () => undefined,
}: GatewayAdminRoutesDeps): Hono {
  const view = (p: ProviderConfig): ProviderView => {
    const setting = environmentProvider(p.id);
    return {
      ...redactProvider(p),
      status: runtime.states.status(p.id),
      ...(setting ? { origin: 'environment' as const, originSetting: setting } : {}),
    };
  };
  const app = new Hono();
  app.onError((error) => errorResponse(error));

  app.use('*', async function requireAdmin(c, next) {
    const principal = await auth.authenticate(bearerOf(c));
    if (!principal)
      throw new GatewayError('unauthenticated', 'missing or invalid credentials', {
        openAiCode: 'invalid_api_key',
      });
    if (!isAdmin(principal))
      throw new GatewayError('forbidden', 'gateway administration needs the admin role', {
        openAiCode: 'forbidden',
      });
    await next();
  });

  const update = async (edit: (config: GatewayConfig) => GatewayConfig) => {
    try {
      return await runtime.setConfig(edit(runtime.config));
    } catch (error) {
      if (error instanceof z.ZodError)
        throw new GatewayError('invalid-input', configIssues(error)[0]!.message);
      throw error;
    }
  };

  app.get('/config', (c) => c.json(redactConfig(runtime.config)));

  app.get('/providers', (c) =>
    c.json({
      data: runtime.config.providers.map(view),
    } satisfies ProviderList),
  );
  app.get('/providers/:id', (c) => {
    const provider = runtime.config.providers.find((p) => p.id === c.req.param('id'));
    if (!provider) throw new GatewayError('not-found', `no provider "${c.req.param('id')}"`);
    return c.json(view(provider));
  });
  app.put('/providers/:id', async (c) => {
    const id = c.req.param('id');
    const body: Record<string, unknown> = { ...(await jsonBody(c)), id };
    const existing = runtime.config.providers.find((p) => p.id === id);
    if (existing && createOnly(c)) throw new GatewayError('conflict', `provider "${id}" already exists`);
    const apiKey = body.apiKey as { value?: string } | undefined;
    if (apiKey?.value === REDACTED) body.apiKey = existing?.apiKey; // a GET round-trip keeps the stored key
    const next = await update((config) => ({
      ...config,
      providers: existing
        ? config.providers.map((p) => (p.id === id ? (body as unknown as ProviderConfig) : p))
        : [...config.providers, body as unknown as ProviderConfig],
    }));
    return c.json(redactProvider(next.providers.find((p) => p.id === id)!), existing ? 200 : 201);
  });
  app.delete('/providers/:id', async (c) => {
    const id = c.req.param('id');
    if (!runtime.config.providers.some((p) => p.id === id))
      throw new GatewayError('not-found', `no provider "${id}"`);
    const setting = environmentProvider(id);
    if (setting)
      throw new GatewayError(
        'conflict',
        `provider "${id}" is configured by the server setting ${setting}: it would come back at the next start; remove the setting and restart to delete it`,
      );
    const users = runtime.config.virtualModels
      .filter((v) => v.targets.some((t) => t.provider === id))
      .map((v) => v.name);
    if (users.length > 0)
      throw new GatewayError('conflict', `provider "${id}" is a target of: ${users.join(', ')}`);
    await update((config) => ({
      ...config,
      providers: config.providers.filter((p) => p.id !== id),
      fallbackModel: config.fallbackModel === id ? undefined : config.fallbackModel,
    }));
    return c.body(null, 204);
  });

  app.get('/virtual-models', (c) =>
    c.json({ data: runtime.config.virtualModels } satisfies VirtualModelList),
  );
  app.put('/virtual-models/:name', async (c) => {
    const name = c.req.param('name');
    const body = {
      ...(await jsonBody(c)),
      name,
    } as unknown as GatewayConfig['virtualModels'][number];
    const exists = runtime.config.virtualModels.some((v) => v.name === name);
    if (exists && createOnly(c)) throw new GatewayError('conflict', `virtual model "${name}" already exists`);
    const next = await update((config) => ({
      ...config,
      virtualModels: exists
        ? config.virtualModels.map((v) => (v.name === name ? body : v))
        : [...config.virtualModels, body],
    }));
    return c.json(
      next.virtualModels.find((v) => v.name === name)!,
      exists ? 200 : 201,
    );
  });
  app.delete('/virtual-models/:name', async (c) => {
    const name = c.req.param('name');
    if (!runtime.config.virtualModels.some((v) => v.name === name))
      throw new GatewayError('not-found', `no virtual model "${name}"`);
    await update((config) => ({
      ...config,
      virtualModels: config.virtualModels.filter((v) => v.name !== name),
      fallbackModel: config.fallbackModel === name ? undefined : config.fallbackModel,
    }));
    return c.body(null, 204);
  });

  app.get('/usage', async (c) => {
    const parsed = usageQuerySchema.safeParse(c.req.query());
    if (!parsed.success) {
      throw new GatewayError(
        'invalid-input',
        configIssues(parsed.error)
          .map((i) => i.message)
          .join('; '),
        {
          issues: configIssues(parsed.error),
        },
      );
    }
    await runtime.usage.flush();
    const rows = await runtime.usageStore.summarize({
      ...parsed.data,
      groupBy: parsed.data.groupBy as UsageDimension[],
    });
    return c.json({
      groupBy: parsed.data.groupBy,
      data: rows,
      droppedRecords: runtime.usage.dropped,
    } satisfies UsageAnswer);
  });

  app.get('/health', (c) =>
    c.json({
      data: runtime.config.providers.map((p) => {
        const state = runtime.states.get(p.id);
        const healthCheck = `GET ${quirksOf(p.kind).healthPath}`;
        return {
          provider: p.id,
          location: p.location,
          status: runtime.states.status(p.id),
          circuit: state.breaker.state,
          consecutiveFailures: state.breaker.consecutiveFailures,
          health: state.health,
          lastCheckedAt: state.lastCheckedAt ? new Date(state.lastCheckedAt).toISOString() : null,
          lastError: state.lastError ?? null,
          healthCheck,
          reasons: providerReasons(state, healthCheck),
        };
      }),
    } satisfies HealthAnswer),
  );
  app.post('/health/check', async (c) => {
    await runtime.health.checkAll();
    return c.json({ checked: runtime.config.providers.length } satisfies HealthCheckAnswer);
  });
  return app;
}
