/**
 * What a run evaluates. A model (any gateway model or virtual model, or an upstream directly — anything that
 * speaks the OpenAI chat API) or a pipeline endpoint of Qihuang itself (`POST /cds-services/{id}` …).
 * Stored with the run; API keys never are.
 */
import type { ChatMessage } from '../suites/suite-types.ts';

export interface Pricing {
  /** Currency units per million prompt / completion tokens. */
  promptPerMillion: number;
  completionPerMillion: number;
}

export interface ModelTarget {
  kind: 'model';
  baseUrl: string;
  model: string;
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
  return target.kind === 'model' ? `${target.model} @ ${target.baseUrl}` : `${target.method} ${target.url}`;
}
