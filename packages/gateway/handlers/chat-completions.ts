/**
 * POST /v1/chat/completions: resolve and plan the route, keep only approved models where the dossier gate
 * applies, de-identify for cloud targets, call with retries
 * and failover, normalise reasoning, restore identifiers, strip reasoning for patients, account and audit.
 */
import { GatewayError } from '../http/gateway-error.ts';
import { approvedTargets } from '../governance/approval-gate.ts';
import { deidentifyChatMessages, restoreChatMessage } from '../de-identification/de-identify.ts';
import { PlaceholderVault } from '../de-identification/placeholder-vault.ts';
import { quirksOf } from '../providers/provider-registry.ts';
import type { ProviderQuirks } from '../providers/provider-quirks.ts';
import { callWithFailover, type FailoverTrace } from '../routing/call-with-failover.ts';
import type { RouteTarget } from '../routing/resolve-route.ts';
import type { GatewayRuntime } from '../runtime/gateway-runtime.ts';
import { ChatStreamTransform } from '../streaming/chat-stream-transform.ts';
import { splitThinkTags } from '../streaming/think-tag-splitter.ts';
import { openStream, postForText, type OpenedStream } from '../upstream/upstream-call.ts';
import {
  estimateTokens,
  outcomeOfError,
  recordCall,
  tokensFromUsage,
  type CallContext,
  type CallOutcome,
} from './call-accounting.ts';
import {
  mergeKnown,
  takeExtension,
  type GatewayCall,
  type GatewayResult,
  type Json,
} from './gateway-call.ts';
import { chatNeeds, planRoute, resolveAllowedRoute } from './plan-route.ts';

const JSON_HEADERS = { 'content-type': 'application/json' };

export async function handleChatCompletion(
  runtime: GatewayRuntime,
  call: GatewayCall,
): Promise<GatewayResult> {
  const startedAt = runtime.now();
  const { body, patient, known: bodyKnown } = takeExtension(call.body);
  const scoped: GatewayCall = { ...call, patient: call.patient ?? patient };
  const stream = body.stream === true;
  const ctx: CallContext = {
    call: scoped,
    endpoint: 'chat',
    stream,
    model: typeof body.model === 'string' ? body.model : '',
    scenario: typeof body.model === 'string' ? body.model : '',
    startedAt,
  };
  const trace: FailoverTrace = { attempts: 0 };
  try {
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      throw new GatewayError('invalid-input', 'messages must be a non-empty array', {
        param: 'messages',
        openAiCode: 'invalid_value',
      });
    }
    const route = resolveAllowedRoute(runtime, scoped.principal, body.model);
    ctx.scenario = route.scenario;
    await runtime.syncBudget(scoped.principal);
    runtime.limiter.admit(scoped.principal);
    const plan = planRoute(runtime, route, chatNeeds(body));
    if (route.requireApprovedDossier)
      plan.targets = await approvedTargets(runtime, scoped.principal, route, plan.targets);
    if (runtime.config.audit.storePrompts) ctx.prompt = body.messages;

    // De-identify once, lazily, the first time a cloud target is tried.
    let vault: PlaceholderVault | undefined;
    let cloudMessages: unknown[] | undefined;
    const known = mergeKnown(scoped.known, bodyKnown, scoped.patient);
    const messagesFor = (target: RouteTarget) => {
      if (target.provider.location !== 'cloud') return body.messages;
      if (!cloudMessages) {
        vault = new PlaceholderVault();
        cloudMessages = deidentifyChatMessages(body.messages as unknown[], vault, known);
      }
      return cloudMessages;
    };
    const upstreamBody = (target: RouteTarget): string => {
      const quirks = quirksOf(target.provider.kind);
      const out: Json = { ...body, model: target.provider.model, messages: messagesFor(target) };
      if (stream && quirks.streamUsage) {
        out.stream_options = { ...(body.stream_options as Json | undefined), include_usage: true };
      }
      if (!stream && quirks.nonStreamingDefaults) {
        for (const [key, value] of Object.entries(quirks.nonStreamingDefaults))
          if (!(key in out)) out[key] = value;
      }
      const cap = target.provider.limits.maxOutputTokens;
      if (cap !== undefined) {
        // The provider's output limit caps whatever the client asked for (or applies when it asked nothing).
        const field =
          'max_completion_tokens' in out && !('max_tokens' in out) ? 'max_completion_tokens' : 'max_tokens';
        const asked = out[field];
        if (typeof asked !== 'number' || asked > cap) out[field] = cap;
      }
      return JSON.stringify(out);
    };
    const stripReasoning = scoped.audience === 'patient' || scoped.principal.stripReasoning === true;
    const deadline = startedAt + route.timeoutMs;
    const base = {
      targets: plan.targets,
      states: runtime.states,
      retry: route.retry,
      deadline,
      now: runtime.now,
      sleep: runtime.sleep,
      signal: scoped.signal,
      attemptTimeoutMs: (t: RouteTarget) => t.provider.limits.timeoutMs ?? route.timeoutMs,
    };
    const request = (target: RouteTarget, timeoutMs: number) => ({
      transport: runtime.transport,
      url: runtime.urlsOf(target.provider).chat,
      headers: runtime.headersFor(target.provider, stream),
      body: upstreamBody(target),
      timeoutMs,
      now: runtime.now,
      signal: scoped.signal,
    });

    if (!stream) {
      const { value: text, target } = await callWithFailover(
        { ...base, attempt: (t, timeoutMs) => postForText(request(t, timeoutMs)) },
        trace,
      );
      const isCloud = target.provider.location === 'cloud';
      const finished = finishCompletion(
        text,
        quirksOf(target.provider.kind),
        isCloud ? vault : undefined,
        stripReasoning,
        target.provider.thinkStartsOpen,
      );
      const promptChars = JSON.stringify(body.messages).length;
      recordCall(runtime, ctx, {
        outcome: 'success',
        target: { id: target.provider.id, location: target.provider.location },
        attempts: trace.attempts,
        tokens: tokensFromUsage(finished.usage, () => {
          const prompt = estimateTokens(promptChars);
          const completion = estimateTokens(finished.contentChars + finished.reasoning.length);
          return {
            prompt,
            completion,
            reasoning: estimateTokens(finished.reasoning.length),
            total: prompt + completion,
            estimated: true,
          };
        }),
        reasoning: finished.reasoning,
        answer: finished.answer,
        deidentified: isCloud ? vault?.categories() : undefined,
      });
      return {
        status: 200,
        headers: { ...JSON_HEADERS, 'x-qihuang-target': target.provider.id },
        body: finished.text,
      };
    }

    const { value: opened, target } = await callWithFailover(
      { ...base, attempt: (t, timeoutMs) => openStream(request(t, timeoutMs)) },
      trace,
    );
    const ttftMs = runtime.now() - startedAt;
    const isCloud = target.provider.location === 'cloud';
    const transform = new ChatStreamTransform({
      quirks: quirksOf(target.provider.kind),
      thinkStartsOpen: target.provider.thinkStartsOpen,
      vault: isCloud && vault && vault.size > 0 ? vault : undefined,
      stripReasoning,
      clientWantsUsage: (body.stream_options as Json | undefined)?.include_usage === true,
      collectAnswer: runtime.config.audit.storePrompts,
    });
    const finish = (outcome: CallOutcome['outcome'], errorCode?: string) => {
      const promptChars = JSON.stringify(body.messages).length;
      recordCall(runtime, ctx, {
        outcome,
        errorCode,
        target: { id: target.provider.id, location: target.provider.location },
        attempts: trace.attempts,
        ttftMs,
        tokens: tokensFromUsage(transform.usage, () => {
          const prompt = estimateTokens(promptChars);
          const completion = estimateTokens(transform.contentChars + transform.reasoningChars);
          return {
            prompt,
            completion,
            reasoning: estimateTokens(transform.reasoningChars),
            total: prompt + completion,
            estimated: true,
          };
        }),
        reasoning: transform.reasoning,
        answer: transform.answer,
        deidentified: isCloud ? vault?.categories() : undefined,
      });
    };
    const idleMs = target.provider.limits.streamIdleTimeoutMs ?? route.timeoutMs;
    return {
      status: 200,
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        'x-qihuang-target': target.provider.id,
      },
      stream: relayStream(opened, transform, idleMs, finish),
    };
  } catch (error) {
    recordCall(runtime, ctx, {
      ...outcomeOfError(error),
      attempts: trace.attempts,
      target: trace.lastTarget
        ? { id: trace.lastTarget.provider.id, location: trace.lastTarget.provider.location }
        : null,
    });
    throw error;
  }
}

interface FinishedCompletion {
  text: string;
  usage: unknown;
  reasoning: string;
  answer: string;
  contentChars: number;
}

/** Normalises a non-streaming answer; re-serialises only if something changed. */
export function finishCompletion(
  text: string,
  quirks: ProviderQuirks,
  vault: PlaceholderVault | undefined,
  stripReasoning: boolean,
  thinkStartsOpen = false,
): FinishedCompletion {
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch {
    throw new GatewayError('upstream-error', 'the model server sent an answer that is not JSON', {
      openAiCode: 'upstream_invalid_response',
    });
  }
  let changed = false;
  let reasoning = '';
  let answer = '';
  for (const choice of Array.isArray(json.choices) ? (json.choices as Json[]) : []) {
    const message = choice.message as Json | undefined;
    if (!message) continue;
    for (const field of quirks.reasoningFields) {
      if (field !== 'reasoning_content' && typeof message[field] === 'string') {
        message.reasoning_content = message.reasoning_content ?? message[field];
        delete message[field];
        changed = true;
      }
    }
    if ((quirks.thinkTags || thinkStartsOpen) && typeof message.content === 'string') {
      const split = splitThinkTags(message.content, thinkStartsOpen);
      if (split) {
        message.content = split.content;
        message.reasoning_content =
          ((message.reasoning_content as string | undefined) ?? '') + split.reasoning;
        changed = true;
      }
    }
    if (vault && vault.size > 0) {
      restoreChatMessage(message, vault);
      changed = true;
    }
    if (typeof message.reasoning_content === 'string') reasoning += message.reasoning_content;
    if (typeof message.content === 'string') answer += message.content;
    if (stripReasoning && 'reasoning_content' in message) {
      delete message.reasoning_content;
      changed = true;
    }
  }
  return {
    text: changed ? JSON.stringify(json) : text,
    usage: json.usage,
    reasoning,
    answer,
    contentChars: answer.length,
  };
}

/** Pipes the upstream stream through the transform; mid-stream failures end in a clean SSE error event. */
function relayStream(
  opened: OpenedStream,
  transform: ChatStreamTransform,
  idleMs: number,
  finish: (outcome: CallOutcome['outcome'], errorCode?: string) => void,
): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let pendingFirst: Uint8Array | undefined = opened.first;
  let done = false;
  const next = (): Promise<IteratorResult<Uint8Array>> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        opened.response.cancel();
        reject(new Error(`the model stopped sending for ${idleMs} ms`));
      }, idleMs);
      opened.iterator.next().then(
        (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        (e: unknown) => {
          clearTimeout(timer);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          let chunk: Uint8Array;
          if (pendingFirst) {
            chunk = pendingFirst;
            pendingFirst = undefined;
          } else {
            const result = await next();
            if (result.done) {
              let tail = transform.push(decoder.decode());
              const complete = transform.sawDone || transform.sawFinish;
              tail += complete
                ? transform.end()
                : transform.fail('the model server ended the stream before the answer was complete');
              if (tail) controller.enqueue(encoder.encode(tail));
              done = true;
              finish(complete ? 'success' : 'error', complete ? undefined : 'upstream_stream_incomplete');
              controller.close();
              return;
            }
            chunk = result.value;
          }
          const out = transform.push(decoder.decode(chunk, { stream: true }));
          if (out) {
            controller.enqueue(encoder.encode(out));
            return;
          }
        }
      } catch (error) {
        done = true;
        opened.response.cancel();
        const message =
          (error as Error).message === 'aborted'
            ? 'the model server closed the stream mid-way'
            : (error as Error).message;
        controller.enqueue(encoder.encode(transform.fail(`stream interrupted: ${message}`)));
        finish('error', 'upstream_stream_error');
        controller.close();
      }
    },
    cancel() {
      opened.response.cancel();
      if (!done) {
        done = true;
        finish('cancelled', 'client_closed');
      }
    },
  });
}
