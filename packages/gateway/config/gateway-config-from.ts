/**
 * Builds the gateway configuration from the platform Config (quick start: QIHUANG_MODEL_*) and the optional
 * gateway config file (JSON text or an already parsed object). Fails fast, naming the bad field.
 */
import { QihuangError, type Issue } from '@qihuang/contracts';
import type { Config } from '@qihuang/config';
import type { z } from 'zod';
import { gatewayConfigSchema, type GatewayConfig, type GatewayConfigInput } from './gateway-config-schema.ts';

/** Chat scenario names that the quick-start provider serves until the config file says otherwise. */
export const quickStartScenarios = ['clinical-copilot', 'record-writer', 'rx-explainer'] as const;
export const quickStartProviderId = 'default';
/** The embedding scenario: only when QIHUANG_MODEL_EMBEDDING_NAME names an embedding model (never the chat model). */
export const quickStartEmbeddingScenario = 'embed-zh';
export const quickStartEmbeddingProviderId = 'default-embeddings';

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}

export function configIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    severity: 'error',
    code: 'invalid',
    message: `${pathOf(issue.path) || '(root)'}: ${issue.message}`,
    expression: [pathOf(issue.path)],
  }));
}

/** Validates a gateway config object; throws QihuangError('invalid-input') naming the first bad field. */
export function parseGatewayConfig(input: unknown, source = 'gateway config'): GatewayConfig {
  const result = gatewayConfigSchema.safeParse(input ?? {});
  if (!result.success) {
    const issues = configIssues(result.error);
    throw new QihuangError('invalid-input', `${source}: ${issues.map((i) => i.message).join('; ')}`, {
      issues,
    });
  }
  return result.data;
}

export function gatewayConfigFrom(config: Config, fileContents?: unknown): GatewayConfig {
  let input: unknown = fileContents ?? {};
  const source = config.gatewayConfigFile ? `gateway config ${config.gatewayConfigFile}` : 'gateway config';
  if (typeof input === 'string') {
    try {
      input = input.trim() ? JSON.parse(input) : {};
    } catch (error) {
      throw new QihuangError('invalid-input', `${source}: not valid JSON (${(error as Error).message})`);
    }
  }
  const file = parseGatewayConfig(input, source);
  if (file.providers.length > 0 || !config.model) return file;

  const model = config.model;
  const apiKey = model.apiKey ? { apiKey: { value: model.apiKey } } : {};
  const embeddings = model.embeddingName
    ? [
        {
          id: quickStartEmbeddingProviderId,
          kind: 'openai-compatible' as const,
          baseUrl: model.baseUrl,
          model: model.embeddingName,
          location: model.location,
          ...apiKey,
          capabilities: { chat: false, reasoning: false, vision: false, embeddings: true, tools: false },
        },
      ]
    : [];
  const quickStart: GatewayConfigInput = {
    ...(input as object),
    providers: [
      {
        id: quickStartProviderId,
        kind: 'openai-compatible',
        baseUrl: model.baseUrl,
        model: model.name,
        location: model.location,
        ...apiKey,
        // A chat model is not an embedding model: embeddings come only from QIHUANG_MODEL_EMBEDDING_NAME.
        capabilities: { chat: true, reasoning: true, vision: true, embeddings: false, tools: true },
      },
      ...embeddings,
    ],
    virtualModels: [
      ...file.virtualModels.filter((v) =>
        v.targets.every((t) => [quickStartProviderId, quickStartEmbeddingProviderId].includes(t.provider)),
      ),
      ...quickStartScenarios
        .filter((name) => !file.virtualModels.some((v) => v.name === name))
        .map((name) => ({ name, targets: [{ provider: quickStartProviderId }] })),
      ...(embeddings.length && !file.virtualModels.some((v) => v.name === quickStartEmbeddingScenario)
        ? [{ name: quickStartEmbeddingScenario, targets: [{ provider: quickStartEmbeddingProviderId }] }]
        : []),
    ],
    fallbackModel: quickStartProviderId,
  };
  return parseGatewayConfig(quickStart, 'QIHUANG_MODEL_BASE_URL quick start');
}

/**
 * The server setting that configures `provider`, when it is the QIHUANG_MODEL_* quick start's (same id and base
 * URL): the admin routes show it as from the environment and refuse to delete it — a stored configuration left
 * without providers gets the quick start again at the next start.
 */
export function quickStartSetting(
  config: Pick<Config, 'model'>,
  provider: { id: string; baseUrl: string } | undefined,
): string | undefined {
  const model = config.model;
  if (!model || !provider || provider.baseUrl !== model.baseUrl) return undefined;
  if (provider.id === quickStartProviderId) return 'QIHUANG_MODEL_BASE_URL';
  if (provider.id === quickStartEmbeddingProviderId && model.embeddingName)
    return 'QIHUANG_MODEL_EMBEDDING_NAME';
  return undefined;
}
