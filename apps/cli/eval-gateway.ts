/**
 * The gateway for `qihuang eval run`: the same runtime the server builds (admin edits stored in the database,
 * else QIHUANG_GATEWAY_CONFIG, else the QIHUANG_MODEL_* quick start), used in-process. Models and virtual
 * models (`--model clinical-copilot`) are routed, failed over and de-identified exactly as on /v1, and every
 * call lands in the usage table and the audit log. `--base-url URL` swaps the configuration for a one-provider
 * quick start at that URL — still through the gateway.
 */
import type { Config } from '@qihuang/config';
import { QihuangError } from '@qihuang/contracts';
import { createAuditLog } from '@qihuang/audit';
import { gatewayModel, GATEWAY_BASE_URL, type ResolvedModel, type TargetSpec } from '@qihuang/eval';
import { gatewayConfigFrom, type GatewayRuntime } from '@qihuang/gateway';
import type { Database } from '@qihuang/store';

export interface EvalGateway {
  runtime: GatewayRuntime;
  /** Whether any model is configured at all. */
  configured: boolean;
  /** Model name (default: QIHUANG_MODEL_NAME) → target and client, or undefined when the gateway has none. */
  model(name: string | undefined): ResolvedModel | undefined;
  /** Flushes usage and audit records (before the database closes). */
  close(): Promise<void>;
}

export interface EvalGatewayChoice {
  /** One-off OpenAI-compatible endpoint replacing the configured providers. */
  baseUrl?: string;
  /** Model name served at baseUrl (default: --model, else QIHUANG_MODEL_NAME). */
  model?: string;
  /** Where baseUrl runs (default: QIHUANG_MODEL_LOCATION for the same URL, else on-premises). */
  location?: 'on-premises' | 'cloud';
}

/** The model choice that repeats a stored run's target (resume). */
export function choiceFromStoredTarget(target: TargetSpec | undefined): EvalGatewayChoice {
  if (target?.kind !== 'model') return {};
  if (target.baseUrl === GATEWAY_BASE_URL) return { model: target.model };
  // A --base-url run (or one from before every model went through the gateway): the same endpoint again.
  return { baseUrl: target.baseUrl, model: target.model, location: target.location };
}

export async function openEvalGateway(
  config: Config,
  database: Database,
  choice: EvalGatewayChoice = {},
): Promise<EvalGateway> {
  // Loaded on demand: the server's wiring is only needed by this command.
  const { createPlatformGatewayRuntime } = await import('../server/index.ts');
  let gatewayConfig;
  if (choice.baseUrl) {
    const name = choice.model ?? config.model?.name;
    if (!name) throw new QihuangError('invalid-input', '--base-url needs --model NAME');
    const same = choice.baseUrl === config.model?.baseUrl;
    gatewayConfig = gatewayConfigFrom(
      {
        ...config,
        gatewayConfigFile: undefined,
        model: {
          baseUrl: choice.baseUrl,
          name,
          apiKey: same ? config.model?.apiKey : undefined,
          location: choice.location ?? (same ? config.model!.location : 'on-premises'),
        },
      },
      undefined,
    );
  }
  const runtime = await createPlatformGatewayRuntime({
    config,
    database,
    audit: createAuditLog(),
    log: { warn: (details, message) => console.error(`gateway: ${message} ${JSON.stringify(details)}`) },
    ...(gatewayConfig ? { gatewayConfig } : {}),
  });
  const fallbackName = choice.baseUrl ? (choice.model ?? config.model?.name) : config.model?.name;
  return {
    runtime,
    configured: runtime.config.providers.length > 0,
    model: (name) => {
      const wanted = name ?? fallbackName;
      const resolved = wanted ? gatewayModel(runtime, wanted) : undefined;
      // Stored with the run so that `--resume` reaches the same endpoint without repeating --base-url.
      if (resolved && choice.baseUrl) resolved.target.baseUrl = choice.baseUrl;
      return resolved;
    },
    close: () => runtime.close(),
  };
}
