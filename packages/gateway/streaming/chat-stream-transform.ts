/**
 * Rewrites a streamed chat completion (SSE) on its way to the client:
 * - reasoning normalised into `delta.reasoning_content` (from `reasoning`, or `<think>` tags split anywhere
 *   across chunks);
 * - placeholders restored to the patient's identifiers (held back while a placeholder may be incomplete);
 * - reasoning removed for patient-facing callers (still collected for the audit record);
 * - the usage chunk captured (and dropped when the client did not ask for it).
 * Events that need no change are forwarded as received, without re-serialising.
 */
import { StreamingRestorer, type PlaceholderVault } from '../de-identification/placeholder-vault.ts';
import type { ProviderQuirks } from '../providers/provider-quirks.ts';
import { SseParser } from './sse-parser.ts';
import { ThinkTagSplitter } from './think-tag-splitter.ts';

export interface ChatStreamTransformOptions {
  quirks: ProviderQuirks;
  /** The provider's answers start inside an implicit `<think>` block. */
  thinkStartsOpen?: boolean;
  vault?: PlaceholderVault;
  stripReasoning: boolean;
  clientWantsUsage: boolean;
  collectAnswer: boolean;
}

interface ChoiceState {
  splitter?: ThinkTagSplitter;
  content?: StreamingRestorer;
  reasoning?: StreamingRestorer;
  tools: Map<number, StreamingRestorer>;
}

type Json = Record<string, unknown>;
const MAX_COLLECT = 64 * 1024;

export class ChatStreamTransform {
  private readonly parser = new SseParser();
  private readonly choices = new Map<number, ChoiceState>();
  private readonly renamed: string[];
  private meta: { id?: unknown; created?: unknown; model?: unknown } = {};
  usage: unknown;
  reasoning = '';
  answer = '';
  contentChars = 0;
  reasoningChars = 0;
  sawDone = false;
  sawFinish = false;

  constructor(private readonly options: ChatStreamTransformOptions) {
    this.renamed = options.quirks.reasoningFields.filter((f) => f !== 'reasoning_content');
  }

  push(text: string): string {
    let out = '';
    for (const data of this.parser.push(text)) out += this.event(data);
    return out;
  }

  /** The upstream ended: emit what is held back, then `[DONE]` if the upstream did not send it. */
  end(): string {
    let out = '';
    for (const data of this.parser.flush()) out += this.event(data);
    if (!this.sawDone) out += this.flushAll() + 'data: [DONE]\n\n';
    return out;
  }

  /** The upstream failed mid-stream: emit what is held back and an OpenAI-shaped error event. */
  fail(message: string, code = 'upstream_stream_error'): string {
    const error = { error: { message, type: 'upstream_error', code, param: null } };
    return this.flushAll() + `data: ${JSON.stringify(error)}\n\n`;
  }

  private event(data: string): string {
    if (data === '[DONE]') {
      this.sawDone = true;
      return this.flushAll() + 'data: [DONE]\n\n';
    }
    let chunk: Json;
    try {
      chunk = JSON.parse(data) as Json;
    } catch {
      return `data: ${data}\n\n`;
    }
    if (chunk.usage) this.usage = chunk.usage;
    const choices = chunk.choices;
    if (!Array.isArray(choices) || choices.length === 0) {
      if (chunk.usage && !this.options.clientWantsUsage) return '';
      return `data: ${data}\n\n`;
    }
    this.meta = { id: chunk.id, created: chunk.created, model: chunk.model };
    let changed = false;
    if (chunk.usage && !this.options.clientWantsUsage) {
      delete chunk.usage;
      changed = true;
    }
    for (const choice of choices as Json[]) {
      if (this.choice(choice)) changed = true;
    }
    if (!changed) return `data: ${data}\n\n`;
    const kept = (choices as Json[]).filter((c) => !isEmptyDelta(c));
    if (kept.length === 0 && !chunk.usage) return '';
    chunk.choices = kept;
    return `data: ${JSON.stringify(chunk)}\n\n`;
  }

  private state(index: number): ChoiceState {
    let state = this.choices.get(index);
    if (!state) {
      state = { tools: new Map() };
      if (this.options.quirks.thinkTags || this.options.thinkStartsOpen) {
        state.splitter = new ThinkTagSplitter(this.options.thinkStartsOpen);
      }
      if (this.options.vault) {
        state.content = new StreamingRestorer(this.options.vault);
        state.reasoning = new StreamingRestorer(this.options.vault);
      }
      this.choices.set(index, state);
    }
    return state;
  }

  /** Rewrites one choice in place; returns whether anything changed. */
  private choice(choice: Json): boolean {
    const state = this.state(typeof choice.index === 'number' ? choice.index : 0);
    const delta = (choice.delta ?? {}) as Json;
    choice.delta = delta;
    let changed = false;
    for (const field of this.renamed) {
      if (typeof delta[field] === 'string') {
        delta.reasoning_content =
          ((delta.reasoning_content as string | undefined) ?? '') + (delta[field] as string);
        delete delta[field];
        changed = true;
      }
    }
    if (state.splitter && !state.splitter.passthrough && typeof delta.content === 'string') {
      const split = state.splitter.push(delta.content);
      delta.content = split.content;
      if (split.reasoning)
        delta.reasoning_content = ((delta.reasoning_content as string | undefined) ?? '') + split.reasoning;
      changed = true;
    }
    if (state.content && typeof delta.content === 'string' && delta.content) {
      delta.content = state.content.push(delta.content);
      changed = true;
    }
    if (state.reasoning && typeof delta.reasoning_content === 'string') {
      delta.reasoning_content = state.reasoning.push(delta.reasoning_content);
      changed = true;
    }
    if (this.options.vault && Array.isArray(delta.tool_calls)) {
      for (const call of delta.tool_calls as Json[]) {
        const fn = call.function as Json | undefined;
        if (!fn || typeof fn.arguments !== 'string') continue;
        const index = typeof call.index === 'number' ? call.index : 0;
        let restorer = state.tools.get(index);
        if (!restorer) state.tools.set(index, (restorer = new StreamingRestorer(this.options.vault)));
        fn.arguments = restorer.push(fn.arguments);
        changed = true;
      }
    }
    if (choice.finish_reason) {
      this.sawFinish = true;
      if (this.flushChoice(state, delta)) changed = true;
    }
    this.collect(delta);
    if (this.options.stripReasoning && 'reasoning_content' in delta) {
      delete delta.reasoning_content;
      changed = true;
    }
    return changed;
  }

  private collect(delta: Json): void {
    if (typeof delta.reasoning_content === 'string') {
      this.reasoningChars += delta.reasoning_content.length;
      if (this.reasoning.length < MAX_COLLECT) this.reasoning += delta.reasoning_content;
    }
    if (typeof delta.content === 'string') {
      this.contentChars += delta.content.length;
      if (this.options.collectAnswer && this.answer.length < MAX_COLLECT) this.answer += delta.content;
    }
  }

  /** Moves held-back text of one choice into `delta`; returns whether there was any. */
  private flushChoice(state: ChoiceState, delta: Json): boolean {
    let reasoning = '';
    let content = '';
    if (state.splitter) {
      const rest = state.splitter.flush();
      reasoning += state.reasoning ? state.reasoning.push(rest.reasoning) : rest.reasoning;
      content += state.content ? state.content.push(rest.content) : rest.content;
    }
    if (state.reasoning) reasoning += state.reasoning.flush();
    if (state.content) content += state.content.flush();
    let any = false;
    if (reasoning) {
      delta.reasoning_content = ((delta.reasoning_content as string | undefined) ?? '') + reasoning;
      any = true;
    }
    if (content) {
      delta.content = ((delta.content as string | undefined) ?? '') + content;
      any = true;
    }
    for (const [index, restorer] of state.tools) {
      const rest = restorer.flush();
      if (!rest) continue;
      const calls = (Array.isArray(delta.tool_calls) ? delta.tool_calls : (delta.tool_calls = [])) as Json[];
      calls.push({ index, function: { arguments: rest } });
      any = true;
    }
    return any;
  }

  private flushAll(): string {
    let out = '';
    for (const [index, state] of this.choices) {
      const delta: Json = {};
      if (!this.flushChoice(state, delta)) continue;
      this.collect(delta);
      if (this.options.stripReasoning) delete delta.reasoning_content;
      if (isEmptyDelta({ delta })) continue;
      const chunk = {
        ...this.meta,
        object: 'chat.completion.chunk',
        choices: [{ index, delta, finish_reason: null }],
      };
      out += `data: ${JSON.stringify(chunk)}\n\n`;
    }
    return out;
  }
}

function isEmptyDelta(choice: Json): boolean {
  if (choice.finish_reason) return false;
  const delta = (choice.delta ?? {}) as Json;
  for (const key of Object.keys(delta)) {
    const value = delta[key];
    if (key === 'role' || key === 'refusal') return false;
    if (key === 'tool_calls' && Array.isArray(value) && value.length > 0) return false;
    if (typeof value === 'string' && value.length > 0) return false;
  }
  return true;
}
