/**
 * A lean ChatClient on node:http(s) with a keep-alive agent — the runner's default transport. Measured here
 * against the scripted upstream it costs a third of the OpenAI SDK's CPU per request (bench/eval.ts), which
 * is what bounds a run against a fast local model. Retries connection errors, 429 and 5xx a bounded number
 * of times (honouring Retry-After), times out, and stops on an abort signal.
 */
import http from 'node:http';
import https from 'node:https';
import type { ChatClient, ChatRequest, ChatResult } from './target-types.ts';

export interface NodeChatOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Whole-request timeout (default 120 s). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Cap on one Retry-After wait (default 10 s). */
  maxRetryDelayMs?: number;
  maxSockets?: number;
}

export class ChatHttpError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ChatHttpError';
  }
}

const retryable = (e: ChatHttpError) => e.status === null || e.status === 429 || e.status >= 500;

export function createNodeChatClient(options: NodeChatOptions): ChatClient {
  const url = new URL(`${options.baseUrl.replace(/\/+$/, '')}/chat/completions`);
  const secure = url.protocol === 'https:';
  const agent = new (secure ? https : http).Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  const transport = secure ? https : http;
  const timeoutMs = options.timeoutMs ?? 120_000;

  const once = (body: string, signal?: AbortSignal) =>
    new Promise<ChatResult>((resolve, reject) => {
      const request = transport.request(
        url,
        {
          method: 'POST',
          agent,
          signal,
          timeout: timeoutMs,
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (e) => reject(new ChatHttpError(e.message, null)));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = response.statusCode ?? 0;
            let json: {
              choices?: { message?: { content?: string | null } }[];
              usage?: { prompt_tokens?: number; completion_tokens?: number };
              error?: { message?: string };
            };
            try {
              json = JSON.parse(text) as typeof json;
            } catch {
              reject(
                new ChatHttpError(
                  `${status}: response is not JSON`,
                  status >= 200 && status < 300 ? 502 : status,
                ),
              );
              return;
            }
            if (status < 200 || status >= 300) {
              const retryAfter = Number(response.headers['retry-after']);
              reject(
                new ChatHttpError(
                  `${status}: ${json.error?.message ?? 'upstream error'}`,
                  status,
                  Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined,
                ),
              );
              return;
            }
            resolve({
              text: json.choices?.[0]?.message?.content ?? '',
              promptTokens: json.usage?.prompt_tokens ?? 0,
              completionTokens: json.usage?.completion_tokens ?? 0,
            });
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      request.on('error', (e) => reject(signal?.aborted ? e : new ChatHttpError(e.message, null)));
      request.end(body);
    });

  return {
    async chat(req: ChatRequest): Promise<ChatResult> {
      const body = JSON.stringify({
        model: options.model,
        messages: req.messages,
        ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
        ...(req.seed !== undefined ? { seed: req.seed } : {}),
        ...(req.maxTokens !== undefined ? { max_tokens: req.maxTokens } : {}),
        ...(req.json ? { response_format: { type: 'json_object' } } : {}),
      });
      const retries = options.maxRetries ?? 2;
      for (let attempt = 0; ; attempt++) {
        try {
          return await once(body, req.signal);
        } catch (error) {
          if (
            req.signal?.aborted ||
            !(error instanceof ChatHttpError) ||
            !retryable(error) ||
            attempt >= retries
          )
            throw error;
          const wait = Math.min(error.retryAfterMs ?? 250 * 2 ** attempt, options.maxRetryDelayMs ?? 10_000);
          await new Promise((r) => setTimeout(r, wait));
        }
      }
    },
  };
}
