/**
 * A scripted OpenAI-compatible upstream for tests: a real HTTP server (node:http, port 0) that answers
 * `POST /v1/chat/completions`, `POST /v1/embeddings` and `GET /v1/models` with replies you script, and
 * records every request it receives (so a test can assert what reached it — e.g. no patient data to a cloud
 * model).
 *
 * ```ts
 * const upstream = await startScriptedUpstream({ models: ['qwen2.5-7b'] });
 * upstream.enqueue({ content: '血压控制良好。' });                      // next request gets this
 * upstream.enqueue({ status: 429, retryAfterSeconds: 1 });               // then a rate-limit error
 * upstream.when((r) => r.body.model === 'r1', { reasoningContent: '…', content: 'answer' }); // by matcher
 * const client = new OpenAI({ baseURL: upstream.url, apiKey: 'x' });
 * …
 * expect(upstream.requests[0].body.messages).toEqual(…);
 * await upstream.close();
 * ```
 *
 * Reply selection for each model request: the first matching `when` rule (rules with `times` are used up),
 * otherwise the next queued reply, otherwise the default reply (`setDefault`, initially `{ echo: true }`).
 * Streaming is decided by the request (`stream: true`): the reply is sent as SSE chunks of
 * `stream.chunkSize` characters every `stream.delayMs` milliseconds.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedToolCall {
  id?: string;
  name: string;
  /** JSON text of the arguments, as a model would emit it. */
  arguments: string;
}

export interface ScriptedReply {
  /** HTTP status (default 200). For status ≥ 400 an OpenAI-shaped error body is sent. */
  status?: number;
  /** Error message for status ≥ 400 (default "scripted error <status>"). */
  errorMessage?: string;
  /** Sets the Retry-After header (seconds), e.g. with status 429. */
  retryAfterSeconds?: number;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** Wait this long before sending the response headers (a slow model, or a timeout test). */
  delayMs?: number;
  /** Assistant text. Write `<think>…</think>` in it to imitate Qwen-style reasoning tags. */
  content?: string;
  /** Reply with the text of the last user message (after `content`, if both are set). */
  echo?: boolean;
  /** DeepSeek-style `reasoning_content` field. */
  reasoningContent?: string;
  /** Name of the reasoning field (default `reasoning_content`; some vLLM builds use `reasoning`). */
  reasoningField?: string;
  toolCalls?: ScriptedToolCall[];
  /** Default `tool_calls` when toolCalls are given, otherwise `stop`. */
  finishReason?: string;
  /** Usage to report; computed from text lengths when absent; `false` omits it. */
  usage?: { prompt_tokens: number; completion_tokens: number; reasoning_tokens?: number } | false;
  /** Streaming behaviour (used when the request has `stream: true`). */
  stream?: {
    /** Characters per content/reasoning/arguments chunk (default 4). */
    chunkSize?: number;
    /** Delay between chunks in ms (default 0). */
    delayMs?: number;
    /** Destroy the connection after this many data events (a stream cut mid-way). */
    dropAfterChunks?: number;
  };
  /** Destroy the socket without answering. */
  dropConnection?: boolean;
  /** Embedding vectors to return (one per input); a deterministic 8-dimension vector by default. */
  embeddings?: number[][];
  /** Send this JSON body verbatim (overrides everything except status, headers and delay). */
  rawBody?: unknown;
}

export interface ReceivedRequest {
  method: string;
  /** Path including the query string, e.g. `/v1/chat/completions`. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (undefined for GET or unparsable bodies). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** Raw body text. */
  text: string;
  receivedAt: number;
}

export type ReplySource = ScriptedReply | ((request: ReceivedRequest) => ScriptedReply);

export interface ScriptedUpstreamOptions {
  /** Model ids listed by GET /v1/models (default `['scripted-model']`). */
  models?: string[];
  /** Host to bind (default 127.0.0.1). */
  host?: string;
}

export interface ScriptedUpstream {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:41234/v1`. */
  readonly url: string;
  readonly port: number;
  /** Every request received, oldest first (health checks included; filter by path). */
  readonly requests: ReceivedRequest[];
  /** Requests to chat completions and embeddings only. */
  modelRequests(): ReceivedRequest[];
  /** Queue replies consumed one per model request, in order. */
  enqueue(...replies: ReplySource[]): void;
  /** Reply to matching requests (first matching rule wins). `times` limits how often the rule applies. */
  when(
    matcher: (request: ReceivedRequest) => boolean,
    reply: ReplySource,
    options?: { times?: number },
  ): void;
  /** The reply used when no rule matches and the queue is empty. */
  setDefault(reply: ReplySource): void;
  /** When false, GET /v1/models answers 503 (for health checks). */
  setHealthy(healthy: boolean): void;
  /** Forget requests, queue, rules; restore the default reply and health. */
  reset(): void;
  close(): Promise<void>;
}

interface Rule {
  matcher: (request: ReceivedRequest) => boolean;
  reply: ReplySource;
  times: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function lastUserText(body: any): string {
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message?.role !== 'user') continue;
    if (typeof message.content === 'string') return message.content;
    if (Array.isArray(message.content)) {
      return message.content
        .filter((part: { type?: string }) => part?.type === 'text')
        .map((part: { text?: string }) => part.text ?? '')
        .join('\n');
    }
  }
  return '';
}

const estimateTokens = (text: string) => Math.ceil(text.length / 4);

function defaultEmbedding(input: string): number[] {
  const vector = new Array<number>(8).fill(0);
  for (let i = 0; i < input.length; i++) vector[i % 8]! += input.charCodeAt(i) / 1000;
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0)) || 1;
  return vector.map((x) => x / norm);
}

export async function startScriptedUpstream(
  options: ScriptedUpstreamOptions = {},
): Promise<ScriptedUpstream> {
  const models = options.models ?? ['scripted-model'];
  const requests: ReceivedRequest[] = [];
  let queue: ReplySource[] = [];
  let rules: Rule[] = [];
  let fallback: ReplySource = { echo: true };
  let healthy = true;
  let counter = 0;

  const pick = (request: ReceivedRequest): ScriptedReply => {
    let source: ReplySource | undefined;
    const rule = rules.find((r) => r.times > 0 && r.matcher(request));
    if (rule) {
      rule.times -= 1;
      source = rule.reply;
    } else {
      source = queue.shift() ?? fallback;
    }
    return typeof source === 'function' ? source(request) : source;
  };

  const sendError = (res: ServerResponse, reply: ScriptedReply, status: number) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...reply.headers };
    if (reply.retryAfterSeconds !== undefined) headers['retry-after'] = String(reply.retryAfterSeconds);
    res.writeHead(status, headers);
    res.end(
      JSON.stringify({
        error: {
          message: reply.errorMessage ?? `scripted error ${status}`,
          type: status === 429 ? 'rate_limit_error' : 'server_error',
          code: null,
          param: null,
        },
      }),
    );
  };

  const chat = async (request: ReceivedRequest, reply: ScriptedReply, res: ServerResponse) => {
    const body = request.body ?? {};
    const id = `chatcmpl-scripted-${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    const model = typeof body.model === 'string' ? body.model : models[0];
    const content = (reply.content ?? '') + (reply.echo ? lastUserText(body) : '');
    const reasoning = reply.reasoningContent;
    const reasoningField = reply.reasoningField ?? 'reasoning_content';
    const toolCalls = reply.toolCalls ?? [];
    const finishReason = reply.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop');
    const promptTokens = estimateTokens(JSON.stringify(body.messages ?? ''));
    const usage =
      reply.usage === false
        ? undefined
        : {
            prompt_tokens: reply.usage ? reply.usage.prompt_tokens : promptTokens,
            completion_tokens: reply.usage
              ? reply.usage.completion_tokens
              : estimateTokens(content) + estimateTokens(reasoning ?? ''),
            total_tokens: 0,
            completion_tokens_details: {
              reasoning_tokens: reply.usage
                ? (reply.usage.reasoning_tokens ?? 0)
                : estimateTokens(reasoning ?? ''),
            },
          };
    if (usage) usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    const toolCallObjects = toolCalls.map((call, index) => ({
      id: call.id ?? `call_${counter}_${index}`,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }));

    if (body.stream !== true) {
      const message: Record<string, unknown> = {
        role: 'assistant',
        content: toolCalls.length && !content ? null : content,
      };
      if (reasoning !== undefined) message[reasoningField] = reasoning;
      if (toolCalls.length) message.tool_calls = toolCallObjects;
      res.writeHead(200, { 'content-type': 'application/json', ...reply.headers });
      res.end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created,
          model,
          choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
          ...(usage ? { usage } : {}),
        }),
      );
      return;
    }

    const size = Math.max(1, reply.stream?.chunkSize ?? 4);
    const delay = reply.stream?.delayMs ?? 0;
    const dropAfter = reply.stream?.dropAfterChunks;
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      ...reply.headers,
    });
    let sent = 0;
    const send = async (delta: Record<string, unknown>, finish: string | null = null, extra: object = {}) => {
      if (dropAfter !== undefined && sent >= dropAfter) throw new Error('drop');
      const chunk = {
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
        ...extra,
      };
      const text = `data: ${JSON.stringify(chunk)}\n\n`;
      // When a drop is scripted, wait until each event left the process so the cut happens mid-stream.
      if (dropAfter !== undefined) await new Promise<void>((resolve) => res.write(text, () => resolve()));
      else res.write(text);
      sent += 1;
      if (delay > 0) await sleep(delay);
    };
    try {
      await send({ role: 'assistant', content: '' });
      for (const piece of chunks(reasoning ?? '', size)) await send({ [reasoningField]: piece });
      for (const piece of chunks(content, size)) await send({ content: piece });
      for (const [index, call] of toolCallObjects.entries()) {
        await send({
          tool_calls: [
            { index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } },
          ],
        });
        for (const piece of chunks(call.function.arguments, size)) {
          await send({ tool_calls: [{ index, function: { arguments: piece } }] });
        }
      }
      await send({}, finishReason);
      if (usage && body.stream_options?.include_usage) {
        if (dropAfter !== undefined && sent >= dropAfter) throw new Error('drop');
        res.write(
          `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`,
        );
      }
      res.end('data: [DONE]\n\n');
    } catch {
      res.socket?.destroy();
    }
  };

  const embeddings = (request: ReceivedRequest, reply: ScriptedReply, res: ServerResponse) => {
    const raw = request.body?.input;
    const inputs: string[] = Array.isArray(raw) ? raw.map(String) : [String(raw ?? '')];
    const data = inputs.map((input, index) => ({
      object: 'embedding',
      index,
      embedding: reply.embeddings?.[index] ?? defaultEmbedding(input),
    }));
    const tokens = inputs.reduce((sum, input) => sum + estimateTokens(input), 0);
    res.writeHead(200, { 'content-type': 'application/json', ...reply.headers });
    res.end(
      JSON.stringify({
        object: 'list',
        data,
        model: request.body?.model ?? models[0],
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      }),
    );
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    const text = Buffer.concat(parts).toString('utf8');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const path = req.url ?? '/';
    const request: ReceivedRequest = {
      method: req.method ?? 'GET',
      path,
      headers: { ...req.headers },
      body,
      text,
      receivedAt: Date.now(),
    };
    requests.push(request);
    const route = path.split('?')[0]!.replace(/\/+$/, '');

    if (req.method === 'GET' && route.endsWith('/models')) {
      if (!healthy) return sendError(res, { errorMessage: 'scripted upstream unhealthy' }, 503);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'list',
          data: models.map((id) => ({ id, object: 'model', owned_by: 'scripted' })),
        }),
      );
      return;
    }
    const isChat = req.method === 'POST' && route.endsWith('/chat/completions');
    const isEmbeddings = req.method === 'POST' && route.endsWith('/embeddings');
    if (!isChat && !isEmbeddings) {
      return sendError(res, { errorMessage: `no route ${req.method} ${path}` }, 404);
    }
    const reply = pick(request);
    if (reply.delayMs) await sleep(reply.delayMs);
    if (reply.dropConnection) {
      req.socket.destroy();
      return;
    }
    const status = reply.status ?? 200;
    if (status >= 400) return sendError(res, reply, status);
    if (reply.rawBody !== undefined) {
      res.writeHead(status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.rawBody));
      return;
    }
    if (isChat) await chat(request, reply, res);
    else embeddings(request, reply, res);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.socket?.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/v1`,
    port,
    requests,
    modelRequests: () => requests.filter((r) => r.method === 'POST'),
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    when: (matcher, reply, opts) => {
      rules.push({ matcher, reply, times: opts?.times ?? Number.POSITIVE_INFINITY });
    },
    setDefault: (reply) => {
      fallback = reply;
    },
    setHealthy: (value) => {
      healthy = value;
    },
    reset: () => {
      requests.length = 0;
      queue = [];
      rules = [];
      fallback = { echo: true };
      healthy = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
