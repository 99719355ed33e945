/**
 * Models for the knowledge base and the guard, called in-process through the model gateway (same routing,
 * failover, de-identification for cloud targets, usage and audit as /v1, under a service principal):
 * - embeddings from the virtual model `embed-zh` (quick start: QIHUANG_MODEL_EMBEDDING_NAME, never the chat model;
 *   or a gateway configuration file) for dense retrieval; without it (or
 *   while it fails) keyword search carries on alone and the server says so once;
 * - the guard's `revise` policy asks `clinical-copilot` to correct a contradicted answer once.
 * The gateway configuration can change while the server runs (admin edits), so availability is checked per call.
 */
import { randomUUID } from 'node:crypto';
import {
  handleChatCompletion,
  handleEmbeddings,
  type GatewayConfig,
  type GatewayResult,
  type GatewayRuntime,
  type Principal,
} from '@qihuang/gateway';
import type { ChatMessage, CompleteFn } from '@qihuang/guard';
import type { EmbedFn } from '@qihuang/knowledge';

export const EMBEDDING_MODEL = 'embed-zh';
export const REVISION_MODEL = 'clinical-copilot';
/** After an embedding failure, vectors stay off this long (a chat-only model must not slow every search). */
const FAILURE_PAUSE_MS = 60_000;

/** Who the gateway sees (usage and audit records name it). */
export const KNOWLEDGE_PRINCIPAL: Principal = {
  id: 'system:knowledge',
  kind: 'key',
  role: 'service',
  allowedModels: '*',
};

export interface KnowledgeModelsLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface KnowledgeModels {
  embed: EmbedFn;
  /** Whether an embedding model is configured now and not paused after a failure. */
  vectorsEnabled(): boolean;
  complete: CompleteFn;
}

/** A virtual model (or provider id) with at least one target able to do `capability`. */
export function modelConfigured(
  config: GatewayConfig,
  name: string,
  capability: 'embeddings' | 'chat',
): boolean {
  const providers = new Map(config.providers.map((p) => [p.id, p]));
  const model = config.virtualModels.find((v) => v.name === name);
  const targets = model ? model.targets.map((t) => t.provider) : providers.has(name) ? [name] : [];
  return targets.some((id) => providers.get(id)?.capabilities[capability] === true);
}

function bodyOf(result: GatewayResult, what: string): unknown {
  if (!('body' in result)) throw new Error(`${what}: unexpected streamed answer`);
  if (result.status !== 200) throw new Error(`${what}: gateway answered ${result.status}`);
  return JSON.parse(result.body) as unknown;
}

export function wireKnowledgeModels(
  runtime: GatewayRuntime,
  log: KnowledgeModelsLog,
  options: { now?: () => number; embeddingModel?: string; revisionModel?: string } = {},
): KnowledgeModels {
  const now = options.now ?? Date.now;
  const embeddingModel = options.embeddingModel ?? EMBEDDING_MODEL;
  const revisionModel = options.revisionModel ?? REVISION_MODEL;
  let announced: boolean | undefined;
  let pausedUntil = 0;

  const vectorsEnabled = () => {
    const configured = modelConfigured(runtime.config, embeddingModel, 'embeddings');
    if (configured !== announced) {
      announced = configured;
      if (configured) log.info(`knowledge: dense vectors on (embedding model "${embeddingModel}")`);
      else
        log.warn(
          `knowledge: dense vectors off — no embedding model "${embeddingModel}" configured; keyword search only ` +
            `(to turn them on set QIHUANG_MODEL_EMBEDDING_NAME to an embedding model at QIHUANG_MODEL_BASE_URL, ` +
            `or give "${embeddingModel}" an embeddings-capable provider in QIHUANG_GATEWAY_CONFIG)`,
        );
    }
    return configured && now() >= pausedUntil;
  };

  const embed: EmbedFn = async (texts) => {
    if (texts.length === 0) return [];
    try {
      const result = await handleEmbeddings(runtime, {
        principal: KNOWLEDGE_PRINCIPAL,
        body: { model: embeddingModel, input: texts },
        requestId: `knowledge-${randomUUID()}`,
        known: {},
      });
      const body = bodyOf(result, 'embeddings') as { data?: { index?: number; embedding?: unknown }[] };
      const data = [...(body.data ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      const vectors = data.map((d) => d.embedding);
      if (
        vectors.length !== texts.length ||
        !vectors.every((v) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number'))
      ) {
        throw new Error(`embeddings: expected ${texts.length} numeric vectors`);
      }
      return vectors as number[][];
    } catch (error) {
      if (now() >= pausedUntil) {
        log.warn(
          `knowledge: embedding model "${embeddingModel}" failed (${(error as Error).message}); ` +
            `keyword search only for ${FAILURE_PAUSE_MS / 1000} s`,
        );
      }
      pausedUntil = now() + FAILURE_PAUSE_MS;
      throw error;
    }
  };

  const complete: CompleteFn = async (messages: ChatMessage[]) => {
    if (!modelConfigured(runtime.config, revisionModel, 'chat')) {
      throw new Error(`no model "${revisionModel}" is configured in the gateway`);
    }
    const result = await handleChatCompletion(runtime, {
      principal: KNOWLEDGE_PRINCIPAL,
      body: { model: revisionModel, messages, temperature: 0 },
      requestId: `guard-${randomUUID()}`,
      known: {},
    });
    const body = bodyOf(result, 'chat') as { choices?: { message?: { content?: unknown } }[] };
    const content = body.choices?.[0]?.message?.content;
    if (typeof content !== 'string' || !content.trim()) throw new Error('the model returned no text');
    return content;
  };

  vectorsEnabled(); // say at start whether vectors are on
  return { embed, vectorsEnabled, complete };
}
