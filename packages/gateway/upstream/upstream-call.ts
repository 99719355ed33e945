/**
 * One attempt against one target: POST a body, classify failures for the failover loop. Non-streaming
 * attempts read the whole body within the timeout; streaming attempts return once the first byte arrived
 * (failover is only possible before it).
 */
import { parseRetryAfterMs } from '../routing/backoff.ts';
import { UpstreamFailure, dispositionOf } from '../routing/call-with-failover.ts';
import {
  UpstreamConnectionError,
  coarse,
  type UpstreamResponse,
  type UpstreamTransport,
} from './upstream-transport.ts';

export interface AttemptRequest {
  transport: UpstreamTransport;
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  now: () => number;
  signal?: AbortSignal;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout();
      reject(
        new UpstreamFailure(
          `no complete answer within ${ms} ms`,
          'retry',
          undefined,
          undefined,
          undefined,
          true,
        ),
      );
    }, coarse(ms));
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function failureOf(
  status: number,
  text: string,
  retryAfter: string | undefined,
  now: number,
): UpstreamFailure {
  let upstreamError: UpstreamFailure['upstreamError'];
  try {
    const parsed = JSON.parse(text) as { error?: unknown };
    if (parsed.error && typeof parsed.error === 'object')
      upstreamError = parsed.error as UpstreamFailure['upstreamError'];
    else if (typeof parsed.error === 'string') upstreamError = { message: parsed.error };
  } catch {
    upstreamError = undefined;
  }
  return new UpstreamFailure(
    `upstream answered ${status}`,
    dispositionOf(status),
    status,
    parseRetryAfterMs(retryAfter, now),
    upstreamError,
  );
}

function connectionFailure(error: unknown): UpstreamFailure {
  if (error instanceof UpstreamFailure) return error;
  const timeout = error instanceof UpstreamConnectionError && error.timeout;
  return new UpstreamFailure(
    (error as Error).message || 'connection failed',
    'retry',
    undefined,
    undefined,
    undefined,
    timeout,
  );
}

export async function postForText(request: AttemptRequest): Promise<string> {
  const started = request.now();
  let response: UpstreamResponse;
  try {
    response = await request.transport({
      method: 'POST',
      url: request.url,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      headersTimeoutMs: request.timeoutMs,
    });
  } catch (error) {
    throw connectionFailure(error);
  }
  const remaining = Math.max(1, request.timeoutMs - (request.now() - started));
  let text: string;
  try {
    text = await withTimeout(response.text(), remaining, () => response.cancel());
  } catch (error) {
    throw connectionFailure(error);
  }
  if (response.status >= 400)
    throw failureOf(response.status, text, response.header('retry-after'), request.now());
  return text;
}

export interface OpenedStream {
  response: UpstreamResponse;
  iterator: AsyncIterator<Uint8Array>;
  first: Uint8Array;
}

export async function openStream(request: AttemptRequest): Promise<OpenedStream> {
  const started = request.now();
  let response: UpstreamResponse;
  try {
    response = await request.transport({
      method: 'POST',
      url: request.url,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      headersTimeoutMs: request.timeoutMs,
    });
  } catch (error) {
    throw connectionFailure(error);
  }
  const remaining = Math.max(1, request.timeoutMs - (request.now() - started));
  if (response.status >= 400) {
    let text = '';
    try {
      text = await withTimeout(response.text(), remaining, () => response.cancel());
    } catch {
      text = '';
    }
    throw failureOf(response.status, text, response.header('retry-after'), request.now());
  }
  const iterator = response.body[Symbol.asyncIterator]();
  try {
    const first = await withTimeout(iterator.next(), remaining, () => response.cancel());
    if (first.done) throw new UpstreamFailure('upstream closed the stream before sending anything', 'retry');
    return { response, iterator, first: first.value };
  } catch (error) {
    response.cancel();
    throw connectionFailure(error);
  }
}
