/**
 * The care scenario's view of the model: one small interface (`CareModel`) with the gateway-backed
 * implementation. Every call goes through the in-process gateway runtime, so routing, failover,
 * de-identification for cloud targets, usage accounting and the audit record apply exactly as for /v1.
 */
import { randomUUID } from 'node:crypto';
import { QihuangError, type Principal as PlatformPrincipal } from '@qihuang/contracts';
import { handleChatCompletion, type GatewayRuntime } from '@qihuang/gateway';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string | null;
  tool_calls?: ToolCall[];
  tool_call_id?: string;
}

export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface ToolSpec {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export interface ChatRequest {
  messages: ChatMessage[];
  tools?: ToolSpec[];
  /** Whose data the call concerns (audit, de-identification). */
  patientId?: string;
  /** Names and identifiers to remove before a cloud target sees the text. */
  known?: { names?: string[]; identifiers?: string[] };
  audience: 'patient' | 'clinician';
  principal: PlatformPrincipal;
  temperature?: number;
  signal?: AbortSignal;
}

export interface ChatTurn {
  content: string;
  toolCalls: ToolCall[];
  finishReason?: string;
}

export interface CareModel {
  /** The virtual model the scenario uses (e.g. clinical-copilot). */
  readonly name: string;
  /** True when the gateway has a route for the model. */
  configured(): boolean;
  /** Streams text deltas through `onDelta` and returns the whole turn (text and tool calls). */
  chat(request: ChatRequest, onDelta?: (text: string) => void): Promise<ChatTurn>;
}

/**
 * What a clinician (or a patient) reads when no model is connected. It names who can fix it, not how: the settings
 * (QIHUANG_MODEL_BASE_URL, a "clinical-copilot" virtual model) are the IT team's and live in the gateway page, the
 * gateway's own errors and the README, never on a clinical screen (issue 20, one language per screen).
 */
export const NOT_CONFIGURED_MESSAGE =
  'No language model is connected for the clinical copilot yet: ask the IT team to connect one in the model ' +
  'gateway. The engines, monitoring, alerts, care plans and prescription review keep working without it.';

/** The same reason in the request's language (one language per screen, including server text). */
export function notConfiguredMessage(language: 'zh' | 'en' | undefined): string {
  return language === 'zh'
    ? '临床助手尚未接入语言模型：请联系信息科在模型网关中接入。引擎、监测、预警、管理计划和处方审核不依赖模型，照常可用。'
    : NOT_CONFIGURED_MESSAGE;
}

/**
 * The model is configured but did not answer (refused, timed out, failed, rate limited): what the clinician reads, in
 * the request's language. The technical cause ("no target answered: connect ECONNREFUSED …") goes to the log only.
 */
export function modelFailedMessage(language: 'zh' | 'en' | undefined): string {
  return language === 'zh'
    ? '语言模型暂时没有响应，临床助手无法回答。请稍后重试；如持续出现，请联系信息科检查模型服务。引擎、监测、预警、管理计划和处方审核不依赖模型，照常可用。'
    : 'The language model did not answer, so the clinical copilot cannot reply. Try again shortly; if it persists, ask IT to check the model server. The engines, monitoring, alerts, care plans and prescription review keep working without it.';
}

/** Errors of a configured model that did not answer (as opposed to a bad request or a missing model). */
export const MODEL_FAILURE_CODES: ReadonlySet<string> = new Set([
  'upstream-error',
  'unavailable',
  'rate-limited',
]);

export function notConfigured(): QihuangError {
  return new QihuangError('model-not-configured', NOT_CONFIGURED_MESSAGE);
}

/** A CareModel over the gateway runtime (model name = virtual model, default clinical-copilot). */
export function gatewayCareModel(runtime: GatewayRuntime, name = 'clinical-copilot'): CareModel {
  const configured = () => {
    const config = runtime.config;
    if (config.providers.length === 0) return false;
    return (
      config.virtualModels.some((v) => v.name === name) ||
      config.providers.some((p) => p.id === name) ||
      Boolean(config.fallbackModel)
    );
  };
  return {
    name,
    configured,
    async chat(request, onDelta) {
      if (!configured()) throw notConfigured();
      const stream = Boolean(onDelta);
      const body: Record<string, unknown> = {
        model: name,
        messages: request.messages,
        stream,
        temperature: request.temperature ?? 0.2,
        ...(request.tools?.length ? { tools: request.tools, tool_choice: 'auto' } : {}),
        ...(request.known || request.patientId
          ? {
              qihuang: {
                ...(request.patientId ? { patient: `Patient/${request.patientId}` } : {}),
                names: request.known?.names ?? [],
                identifiers: request.known?.identifiers ?? [],
              },
            }
          : {}),
      };
      const p = request.principal;
      const result = await handleChatCompletion(runtime, {
        principal: {
          id: p.id,
          kind: p.kind === 'key' ? 'key' : 'user',
          role: p.role,
          allowedModels: '*',
          stripReasoning: request.audience === 'patient',
        },
        body,
        requestId: randomUUID(),
        audience: request.audience,
        ...(request.patientId ? { patient: request.patientId } : {}),
        known: {},
        ...(request.signal ? { signal: request.signal } : {}),
      });
      if (result.status >= 400 || !('stream' in result)) {
        const text = 'body' in result ? result.body : '';
        if (result.status >= 400) throw upstreamError(result.status, text);
        return parseCompletion(text);
      }
      return readStream(result.stream, onDelta ?? (() => {}));
    },
  };
}

function upstreamError(status: number, text: string): QihuangError {
  let message = `model call failed (HTTP ${status})`;
  let code = '';
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string; code?: string } };
    message = parsed.error?.message ?? message;
    code = parsed.error?.code ?? '';
  } catch {
    // keep the generic message
  }
  if (code === 'model-not-configured' || status === 503) {
    if (/No model is configured/.test(message)) return notConfigured();
  }
  return new QihuangError('upstream-error', `The clinical copilot model failed: ${message}`);
}

function parseCompletion(text: string): ChatTurn {
  const parsed = JSON.parse(text) as {
    choices?: { message?: { content?: string | null; tool_calls?: ToolCall[] }; finish_reason?: string }[];
  };
  const choice = parsed.choices?.[0];
  return {
    content: choice?.message?.content ?? '',
    toolCalls: choice?.message?.tool_calls ?? [],
    ...(choice?.finish_reason ? { finishReason: choice.finish_reason } : {}),
  };
}

interface StreamChunk {
  choices?: {
    delta?: {
      content?: string | null;
      tool_calls?: { index: number; id?: string; function?: { name?: string; arguments?: string } }[];
    };
    finish_reason?: string | null;
  }[];
  error?: { message?: string };
}

/** Reads an OpenAI-style SSE stream into text deltas and assembled tool calls. */
export async function readStream(
  stream: ReadableStream<Uint8Array>,
  onDelta: (text: string) => void,
): Promise<ChatTurn> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let content = '';
  let finishReason: string | undefined;
  const calls = new Map<number, { id: string; name: string; arguments: string }>();
  const handle = (data: string) => {
    if (data === '[DONE]') return;
    const chunk = JSON.parse(data) as StreamChunk;
    if (chunk.error) throw new QihuangError('upstream-error', chunk.error.message ?? 'model stream failed');
    for (const choice of chunk.choices ?? []) {
      const delta = choice.delta;
      if (delta?.content) {
        content += delta.content;
        onDelta(delta.content);
      }
      for (const call of delta?.tool_calls ?? []) {
        const current = calls.get(call.index) ?? { id: '', name: '', arguments: '' };
        if (call.id) current.id = call.id;
        if (call.function?.name) current.name += call.function.name;
        if (call.function?.arguments) current.arguments += call.function.arguments;
        calls.set(call.index, current);
      }
      if (choice.finish_reason) finishReason = choice.finish_reason;
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      for (const line of event.split('\n')) {
        if (line.startsWith('data:')) handle(line.slice(5).trim());
      }
    }
    if (done) break;
  }
  return {
    content,
    toolCalls: [...calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, c]) => ({
        id: c.id || `call_${index}`,
        type: 'function' as const,
        function: { name: c.name, arguments: c.arguments },
      })),
    ...(finishReason ? { finishReason } : {}),
  };
}
