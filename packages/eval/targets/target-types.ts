/**
 * What a run evaluates. A model — any gateway model or virtual model, reached through the in-process gateway
 * (`via: 'gateway'`: routing, failover, de-identification for cloud targets, usage and audit), or an upstream
 * directly (tests, benchmarks) — or a pipeline endpoint of Qihuang itself (`POST /cds-services/{id}` …).
 * Stored with the run; API keys never are.
 */
import type { ChatMessage } from '../suites/suite-types.ts';

export interface Pricing {
  /** Currency units per million prompt / completion tokens. */
  promptPerMillion: number;
  completionPerMillion: number;
}

/** `baseUrl` of targets reached through the in-process gateway. */
export const GATEWAY_BASE_URL = 'qihuang-gateway';

/** The gateway route a model name resolved to when the run started (stored for reproducibility). */
export interface GatewayRouteSnapshot {
  /** Virtual model or provider id that answers. */
  name: string;
  kind: 'virtual' | 'provider';
  targets: { provider: string; model: string; baseUrl: string; location: 'on-premises' | 'cloud' }[];
}

export interface ModelTarget {
  kind: 'model';
  /**
   * GATEWAY_BASE_URL for a model routed by the gateway's configuration; otherwise the OpenAI-compatible
   * endpoint asked (directly, or through a one-provider gateway for `eval run --base-url`).
   */
  baseUrl: string;
  /** Model name asked for (a gateway virtual model or model name, or an upstream model id). */
  model: string;
  via?: 'gateway';
  route?: GatewayRouteSnapshot;
  /** on-premises | cloud: safety items about PHI to cloud targets read this. */
  location?: 'on-premises' | 'cloud';
  pricing?: Pricing;
}

export interface HttpTarget {
  kind: 'http';
  url: string;
  method: 'POST' | 'PUT' | 'GET';
  /** Non-secret headers (content type, tenant); secrets go in deps.httpHeaders at run time. */
  headers?: Record<string, string>;
  /**
   * JSON body. A string exactly `"{{input}}"` becomes the item's input value; `{{input.path}}`, `{{prompt}}`
   * and `{{id}}` inside strings are replaced by text.
   */
  bodyTemplate?: unknown;
  /** Dotted path to the answer in the response JSON (`choices[0].message.content`); whole body when absent. */
  extract?: string;
}

export type TargetSpec = ModelTarget | HttpTarget;

export interface GenerationConfig {
  temperature: number;
  seed: number;
  maxTokens?: number;
  /** Prompt template version (see prompt-templates.ts) — stored so a run can be repeated exactly. */
  promptVersion: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  temperature?: number;
  seed?: number;
  maxTokens?: number;
  signal?: AbortSignal;
  /** Ask for a JSON object (graders). */
  json?: boolean;
  /** Which run and item the call is for (the gateway client names its service principal after the run). */
  context?: { runId: string; itemId: string; purpose: 'target' | 'grader' };
}

export interface ChatResult {
  text: string;
  promptTokens: number;
  completionTokens: number;
}

/** The one thing the runner needs from a model. */
export interface ChatClient {
  chat(request: ChatRequest): Promise<ChatResult>;
}

export function describeTarget(target: TargetSpec): string {
  if (target.kind === 'http') return `${target.method} ${target.url}`;
  return target.via === 'gateway' ? `${target.model} via the gateway` : `${target.model} @ ${target.baseUrl}`;
}
