/** Model targets from the same Config as the server: the `QIHUANG_MODEL_*` quick start, or an explicit base URL. */
import type { Config } from '@qihuang/config';
import { QihuangError } from '@qihuang/contracts';
import { createOpenAiChatClient } from './openai-chat-client.ts';
import { createNodeChatClient } from './node-chat-client.ts';
import type { ResolvedModel } from '../routes.ts';

export const MODEL_VARIABLES =
  'QIHUANG_MODEL_BASE_URL (and QIHUANG_MODEL_NAME, QIHUANG_MODEL_API_KEY, QIHUANG_MODEL_LOCATION)';

export interface ModelChoice {
  /** Model name to ask for (a gateway model, virtual model or upstream model id). */
  model?: string;
  /** OpenAI-compatible base URL overriding the configured one. */
  baseUrl?: string;
  apiKey?: string;
  /** `node` (default: lean keep-alive client) or `openai-sdk`. */
  transport?: 'node' | 'openai-sdk';
}

/** Undefined when neither the config nor the choice names a base URL. */
export function modelFromConfig(
  config: Pick<Config, 'model'>,
  choice: ModelChoice = {},
): ResolvedModel | undefined {
  const baseUrl = choice.baseUrl ?? config.model?.baseUrl;
  if (!baseUrl) return undefined;
  const model = choice.model ?? config.model?.name;
  if (!model)
    throw new QihuangError('invalid-input', 'A model name is required (--model or QIHUANG_MODEL_NAME)');
  const sameEndpoint = !choice.baseUrl || choice.baseUrl === config.model?.baseUrl;
  const apiKey = choice.apiKey ?? (sameEndpoint ? config.model?.apiKey : undefined);
  return {
    target: {
      kind: 'model',
      baseUrl,
      model,
      ...(sameEndpoint && config.model ? { location: config.model.location } : {}),
    },
    client: (choice.transport === 'openai-sdk' ? createOpenAiChatClient : createNodeChatClient)({
      baseUrl,
      model,
      apiKey,
    }),
  };
}

/** Like modelFromConfig, but throws `model-not-configured` naming the variables to set. */
export function requireModel(config: Pick<Config, 'model'>, choice: ModelChoice = {}): ResolvedModel {
  const resolved = modelFromConfig(config, choice);
  if (!resolved) {
    throw new QihuangError(
      'model-not-configured',
      `No model configured: set ${MODEL_VARIABLES}, or pass --base-url`,
    );
  }
  return resolved;
}
