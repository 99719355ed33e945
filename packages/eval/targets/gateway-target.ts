/**
 * Model targets reached through the in-process gateway runtime — the same one that serves /v1 — so an
 * evaluation gets what every other caller gets: virtual models, routing and failover, de-identification for
 * cloud targets, usage accounting and the audit trail. Each call is made by a service principal named for
 * the run (`eval-run:<run id>`), which is exempt from the dossier gate: evaluating a model is how the
 * evidence for its dossier is gathered.
 */
import { handleChatCompletion, resolveRoute, type GatewayRuntime, type Principal } from '@qihuang/gateway';
import { QihuangError } from '@qihuang/contracts';
import {
  GATEWAY_BASE_URL,
  type ChatClient,
  type ChatRequest,
  type ChatResult,
  type GatewayRouteSnapshot,
} from './target-types.ts';
import type { ResolvedModel } from '../routes.ts';

/** Principal id prefix of evaluation calls (usage rows and audit entries carry it). */
export const EVAL_PRINCIPAL_PREFIX = 'eval-run:';

export interface GatewayClientOptions {
  /** Principal name when a call carries no run (e.g. re-grading live samples). Default `evaluation-centre`. */
  principalName?: string;
}

function principalOf(request: ChatRequest, fallback: string): Principal {
  return {
    id: request.context ? `${EVAL_PRINCIPAL_PREFIX}${request.context.runId}` : fallback,
    kind: 'service',
    role: 'service',
    allowedModels: '*',
    evaluation: true,
  };
}

interface CompletionJson {
  choices?: { message?: { content?: string | null } }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number };
}

/** A ChatClient that calls `handleChatCompletion` on the runtime (no HTTP hop to the gateway itself). */
export function createGatewayChatClient(
  runtime: GatewayRuntime,
  model: string,
  options: GatewayClientOptions = {},
): ChatClient {
  const fallback = options.principalName ?? 'evaluation-centre';
  return {
    async chat(request: ChatRequest): Promise<ChatResult> {
      const result = await handleChatCompletion(runtime, {
        principal: principalOf(request, fallback),
        body: {
          model,
          messages: request.messages,
          ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
          ...(request.seed !== undefined ? { seed: request.seed } : {}),
          ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
          ...(request.json ? { response_format: { type: 'json_object' } } : {}),
        },
        requestId: runtime.newRequestId(),
        known: {},
        ...(request.signal ? { signal: request.signal } : {}),
      });
      if (!('body' in result)) {
        await result.stream.cancel();
        throw new QihuangError(
          'upstream-error',
          'The gateway answered with a stream to a non-streaming call',
        );
      }
      const json = JSON.parse(result.body) as CompletionJson;
      return {
        text: json.choices?.[0]?.message?.content ?? '',
        promptTokens: json.usage?.prompt_tokens ?? 0,
        completionTokens: json.usage?.completion_tokens ?? 0,
      };
    },
  };
}

/** The route `name` resolves to now (undefined when the gateway has no model of that name). */
export function gatewayRouteOf(runtime: GatewayRuntime, name: string): GatewayRouteSnapshot | undefined {
  const route = resolveRoute(runtime.config, name);
  if (!route || route.targets.length === 0) return undefined;
  return {
    name: route.name,
    kind: route.kind,
    targets: route.targets.map(({ provider }) => ({
      provider: provider.id,
      model: provider.model,
      baseUrl: provider.baseUrl,
      location: provider.location,
    })),
  };
}

/**
 * A gateway model or virtual model as an evaluation target; undefined when the gateway does not know the
 * name (no providers configured, or no such model and no fallback model).
 */
export function gatewayModel(
  runtime: GatewayRuntime,
  name: string,
  options: GatewayClientOptions = {},
): ResolvedModel | undefined {
  const route = gatewayRouteOf(runtime, name);
  if (!route) return undefined;
  return {
    target: {
      kind: 'model',
      via: 'gateway',
      baseUrl: GATEWAY_BASE_URL,
      model: name,
      // Cloud when any target of the route may be a cloud model (its prompts are then de-identified).
      location: route.targets.some((t) => t.location === 'cloud') ? 'cloud' : 'on-premises',
      route,
    },
    client: createGatewayChatClient(runtime, name, options),
  };
}
