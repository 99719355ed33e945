/**
 * Records one call: a usage record and an audit event, handed to the batch writers (no I/O on the hot
 * path), and the tokens counted against the caller's rate limit and budget.
 */
import type { GatewayAuditEvent } from '../audit/audit-sink.ts';
import type { ModelLocation } from '../config/gateway-config-schema.ts';
import { GatewayError } from '../http/gateway-error.ts';
import { isQihuangError } from '@qihuang/contracts';
import type { GatewayRuntime } from '../runtime/gateway-runtime.ts';
import type { UsageRecord } from '../usage/usage-store.ts';
import type { GatewayCall } from './gateway-call.ts';

export interface TokenCounts {
  prompt: number;
  completion: number;
  reasoning: number;
  total: number;
  estimated: boolean;
}

export interface CallOutcome {
  outcome: UsageRecord['outcome'];
  errorCode?: string;
  target?: { id: string; location: ModelLocation } | null;
  attempts?: number;
  tokens?: TokenCounts;
  ttftMs?: number | null;
  reasoning?: string;
  answer?: string;
  deidentified?: Record<string, number>;
}

const NO_TOKENS: TokenCounts = { prompt: 0, completion: 0, reasoning: 0, total: 0, estimated: false };
const MAX_AUDIT_TEXT = 64 * 1024;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function tokensFromUsage(usage: any, estimate: () => TokenCounts): TokenCounts {
  if (!usage || typeof usage !== 'object' || typeof usage.prompt_tokens !== 'number') return estimate();
  const prompt = usage.prompt_tokens;
  const completion = typeof usage.completion_tokens === 'number' ? usage.completion_tokens : 0;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens ?? usage.reasoning_tokens ?? 0;
  return {
    prompt,
    completion,
    reasoning: typeof reasoning === 'number' ? reasoning : 0,
    total: typeof usage.total_tokens === 'number' ? usage.total_tokens : prompt + completion,
    estimated: false,
  };
}

export const estimateTokens = (chars: number) => Math.ceil(chars / 4);

export function outcomeOfError(error: unknown): { outcome: UsageRecord['outcome']; errorCode: string } {
  if (error instanceof GatewayError || isQihuangError(error)) {
    const code = error instanceof GatewayError ? error.openAiCode : error.code;
    if (error.code === 'rate-limited' && code !== 'upstream_rate_limited')
      return { outcome: 'rate-limited', errorCode: code };
    if (error.code === 'forbidden') return { outcome: 'refused', errorCode: code };
    if (error.code === 'invalid-input' || error.code === 'not-found')
      return { outcome: 'client-error', errorCode: code };
    return { outcome: 'error', errorCode: code };
  }
  return { outcome: 'error', errorCode: 'internal' };
}

export interface CallContext {
  call: GatewayCall;
  endpoint: 'chat' | 'embeddings';
  stream: boolean;
  model: string;
  scenario: string;
  startedAt: number;
  /** Original (not de-identified) prompt, kept only if the audit policy says so. */
  prompt?: unknown;
}

export function recordCall(runtime: GatewayRuntime, ctx: CallContext, result: CallOutcome): void {
  const end = runtime.now();
  const tokens = result.tokens ?? NO_TOKENS;
  const at = new Date(ctx.startedAt).toISOString();
  const { principal } = ctx.call;
  const target = result.target ?? null;
  const latencyMs = end - ctx.startedAt;
  runtime.usage.push({
    at,
    day: at.slice(0, 10),
    requestId: ctx.call.requestId,
    keyId: principal.id,
    principalKind: principal.kind,
    model: ctx.model,
    scenario: ctx.scenario,
    target: target?.id ?? null,
    location: target?.location ?? null,
    endpoint: ctx.endpoint,
    stream: ctx.stream,
    promptTokens: tokens.prompt,
    completionTokens: tokens.completion,
    reasoningTokens: tokens.reasoning,
    totalTokens: tokens.total,
    estimated: tokens.estimated,
    latencyMs,
    ttftMs: result.ttftMs ?? null,
    outcome: result.outcome,
    errorCode: result.errorCode ?? null,
  });
  if (tokens.total > 0) runtime.limiter.consume(principal, tokens.total);
  const policy = runtime.config.audit;
  const event: GatewayAuditEvent = {
    type: ctx.endpoint === 'chat' ? 'gateway.chat' : 'gateway.embeddings',
    at,
    requestId: ctx.call.requestId,
    principal: {
      id: principal.id,
      kind: principal.kind,
      ...(principal.role ? { role: principal.role } : {}),
    },
    model: ctx.model,
    scenario: ctx.scenario,
    target: target?.id ?? null,
    location: target?.location ?? null,
    attempts: result.attempts ?? 0,
    outcome: result.outcome,
    tokens: { ...tokens },
    latencyMs,
    reasoningStripped: ctx.call.audience === 'patient' || principal.stripReasoning === true,
  };
  if (ctx.call.patient) event.patient = ctx.call.patient;
  if (result.errorCode) event.errorCode = result.errorCode;
  if (result.deidentified && Object.keys(result.deidentified).length > 0)
    event.deidentified = result.deidentified;
  if (policy.storeReasoning && result.reasoning) event.reasoning = result.reasoning.slice(0, MAX_AUDIT_TEXT);
  if (policy.storePrompts) {
    event.prompt = ctx.prompt;
    if (result.answer !== undefined) event.answer = result.answer.slice(0, MAX_AUDIT_TEXT);
  }
  runtime.auditLog.push(event);
}
