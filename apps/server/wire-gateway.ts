/**
 * The model gateway inside the server: configuration (admin edits stored in the database win over the file,
 * which wins over the QIHUANG_MODEL_* quick start), identity-backed keys, usage in PostgreSQL/PGlite, every
 * call appended to the audit log, and the dossier gate (`governance.requireApprovedDossier`) answered from
 * the evaluation centre's dossiers. `createPlatformGatewayRuntime` builds the same runtime for the CLI
 * (`qihuang eval run`), so both reach models through one configuration.
 */
import { readFileSync } from 'node:fs';
import { readSecretFromEnv, type Config } from '@qihuang/config';
import { QihuangError, isQihuangError, type Role } from '@qihuang/contracts';
import type { AuditLog } from '@qihuang/audit';
import { dossierApproval } from '@qihuang/eval';
import {
  KyselyUsageStore,
  createGatewayAdminRoutes,
  createGatewayRoutes,
  createGatewayRuntime,
  gatewayConfigFrom,
  quickStartSetting,
  type GatewayAuditEvent,
  type GatewayAuth,
  type GatewayConfig,
  type GatewayRuntime,
} from '@qihuang/gateway';
import { gatewayAuthFrom, type Identity } from '@qihuang/identity';
import type { Database } from '@qihuang/store';
import type { Mount } from './app.ts';

const SETTING = 'gateway-config';

export interface WiredGateway {
  runtime: GatewayRuntime;
  mounts: Mount[];
}

async function storedConfig(database: Database): Promise<unknown> {
  const row = await database.db
    .selectFrom('kv_setting')
    .select('value')
    .where('key', '=', SETTING)
    .executeTakeFirst();
  return row?.value;
}

/** Operational warnings (a pino logger fits). */
export interface WarnLog {
  warn(details: object, message: string): void;
}

/** The gateway configuration as the server uses it: stored admin edits, else the file, else the quick start. */
export async function loadGatewayConfig(config: Config, database: Database): Promise<GatewayConfig> {
  let source: unknown = await storedConfig(database);
  if (source === undefined && config.gatewayConfigFile) {
    try {
      source = readFileSync(config.gatewayConfigFile, 'utf8');
    } catch (error) {
      throw new QihuangError(
        'invalid-input',
        `QIHUANG_GATEWAY_CONFIG: cannot read ${config.gatewayConfigFile} (${(error as Error).message})`,
      );
    }
  }
  return gatewayConfigFrom(config, source);
}

/** One gateway call as an entry of the platform audit log. */
function auditAppender(audit: AuditLog) {
  return (executor: Parameters<AuditLog['append']>[0], event: GatewayAuditEvent) =>
    audit.append(
      executor,
      {
        requestId: event.requestId,
        principal: {
          id: event.principal.id,
          // In-process service callers (evaluation runs) are the system acting on its own.
          kind: event.principal.kind === 'service' ? 'system' : event.principal.kind,
          username: event.principal.id,
          role: (event.principal.role ?? 'service') as Role,
          scopes: [],
        },
      },
      {
        action: 'model-call',
        outcome: event.outcome === 'success' ? 'success' : 'failure',
        patientIds: event.patient ? [event.patient] : [],
        detail: {
          type: event.type,
          model: event.model,
          scenario: event.scenario,
          target: event.target,
          location: event.location,
          attempts: event.attempts,
          outcome: event.outcome,
          ...(event.errorCode ? { errorCode: event.errorCode } : {}),
          tokens: event.tokens,
          latencyMs: event.latencyMs,
          reasoningStripped: event.reasoningStripped,
          ...(event.reasoning ? { reasoning: event.reasoning } : {}),
          ...(event.deidentified ? { deidentified: event.deidentified } : {}),
          ...(event.prompt !== undefined ? { prompt: event.prompt, answer: event.answer } : {}),
        },
      },
    );
}

/** Callers nobody can authenticate as: for in-process use only (the CLI), where no /v1 is served. */
const NO_CALLERS: GatewayAuth = { authenticate: async () => null };

/**
 * The platform's gateway runtime: usage in the database, calls in the audit log, config edits stored, keys
 * from the environment or secret store, approvals from the dossiers. `close()` it to flush usage and audit.
 */
export async function createPlatformGatewayRuntime(options: {
  config: Config;
  database: Database;
  audit: AuditLog;
  log: WarnLog;
  /** Bearer-key callers of /v1 (default: none, for in-process callers such as the CLI). */
  auth?: GatewayAuth;
  /** Replaces the configuration read from the database, file and quick start (e.g. CLI --base-url). */
  gatewayConfig?: GatewayConfig;
}): Promise<GatewayRuntime> {
  const { config, database, audit, log } = options;
  const gatewayConfig = options.gatewayConfig ?? (await loadGatewayConfig(config, database));
  const appendEvent = auditAppender(audit);
  return createGatewayRuntime({
    config: gatewayConfig,
    auth: options.auth ?? NO_CALLERS,
    usageStore: new KyselyUsageStore(database.db),
    secrets: (ref) =>
      'env' in ref
        ? readSecretFromEnv(ref.env)
        : readSecretFromEnv(`QIHUANG_SECRET_${ref.secret.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`),
    // Dossier gate: a target is approved for a scenario when an approved dossier names its model or provider.
    approval: dossierApproval(database.db),
    onConfigChange: async (next) => {
      await database.db
        .insertInto('kv_setting')
        .values({ key: SETTING, value: JSON.stringify(next) })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ value: JSON.stringify(next), updated_at: new Date() }),
        )
        .execute();
    },
    warn: (message, details) => log.warn(details ?? {}, message),
    audit: {
      record: async (event) => void (await appendEvent(database.db, event)),
      // Appended together outside a transaction: the audit log group-commits them (one chain-head update and
      // a multi-row insert per group) instead of one transaction per call.
      async recordBatch(events) {
        await Promise.all(events.map((event) => appendEvent(database.db, event)));
      },
    },
  });
}

export async function wireGateway(options: {
  config: Config;
  database: Database;
  identity: Identity;
  audit: AuditLog;
  log: WarnLog;
}): Promise<WiredGateway> {
  const { config, database, identity, audit, log } = options;
  const callers = gatewayAuthFrom(identity);
  const auth: GatewayAuth = {
    async authenticate(bearer) {
      try {
        const caller = await callers.authenticate(bearer);
        return {
          id: caller.id,
          kind: caller.kind === 'key' ? 'key' : 'user',
          role: caller.role,
          allowedModels: caller.allowedModels,
          ...(caller.rateLimit ? { rateLimit: { rpm: caller.rateLimit } } : {}),
          // Patient-facing callers never see model reasoning (it stays in the audit record).
          stripReasoning: caller.role === ('patient' satisfies Role),
        };
      } catch (error) {
        if (isQihuangError(error) && error.code === 'unauthenticated') return null;
        throw error;
      }
    },
  };
  const runtime = await createPlatformGatewayRuntime({ config, database, audit, log, auth });
  return {
    runtime,
    mounts: [
      { path: '/v1', public: true, routes: createGatewayRoutes({ runtime }), openapi: GATEWAY_OPENAPI },
      {
        path: '/admin/gateway',
        public: true,
        routes: createGatewayAdminRoutes({
          runtime,
          // The QIHUANG_MODEL_* provider cannot be deleted in the console: it would come back at restart.
          environmentProvider: (id) =>
            quickStartSetting(
              config,
              runtime.config.providers.find((p) => p.id === id),
            ),
        }),
      },
    ],
  };
}

const GATEWAY_OPENAPI = {
  '/chat/completions': {
    post: {
      summary:
        'OpenAI-compatible chat completions (streaming over SSE, tools, images); model = virtual model or configured model',
      tags: ['gateway'],
      responses: {
        '200': { description: 'chat completion or SSE stream' },
        '403': {
          description:
            'model_not_approved: no approved validation dossier covers this scenario (governance.requireApprovedDossier)',
        },
        '429': { description: 'rate limit or budget (Retry-After)' },
        '503': { description: 'no model configured / all targets down' },
      },
    },
  },
  '/embeddings': {
    post: {
      summary: 'OpenAI-compatible embeddings',
      tags: ['gateway'],
      responses: { '200': { description: 'embeddings' } },
    },
  },
  '/models': {
    get: {
      summary: 'Virtual and configured models with each target state (up, degraded, open circuit)',
      tags: ['gateway'],
      responses: { '200': { description: 'model list' } },
    },
  },
};
