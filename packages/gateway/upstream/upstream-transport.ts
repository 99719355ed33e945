/**
 * How the gateway reaches a model server. The default uses node:http(s) with keep-alive agents (cheaper per
 * request than fetch); `fetchTransport` wraps any fetch for tests or other runtimes.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface UpstreamRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Aborts the request (client went away, or the gateway gave up). */
  signal?: AbortSignal;
  /** Time allowed until the response headers arrive, ms. */
  headersTimeoutMs: number;
}

export interface UpstreamResponse {
  status: number;
  header(name: string): string | undefined;
  /** The body as it arrives. */
  body: AsyncIterable<Uint8Array>;
  /** Reads the whole body as text. */
  text(): Promise<string>;
  /** Stops reading and releases the connection. */
  cancel(): void;
}

export type UpstreamTransport = (request: UpstreamRequest) => Promise<UpstreamResponse>;

/**
 * Rounds a timeout up to a coarse grid (10 ms below 1 s, 100 ms above). Node keeps one timer list per
 * distinct duration; deadlines computed per request would create and destroy a list for nearly every
 * request, which costs more than the request itself under concurrency.
 */
export const coarse = (ms: number) => (ms < 1000 ? Math.ceil(ms / 10) * 10 : Math.ceil(ms / 100) * 100);

export class UpstreamConnectionError extends Error {
  constructor(
    message: string,
    readonly timeout: boolean,
  ) {
    super(message);
    this.name = 'UpstreamConnectionError';
  }
}

/** Reads a whole node:http response (events, not an async iterator: cheaper on the hot path). */
function readText(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    res.on('data', (part: Buffer) => parts.push(part));
    res.once('end', () =>
      resolve(parts.length === 1 ? parts[0]!.toString('utf8') : Buffer.concat(parts).toString('utf8')),
    );
    res.once('error', reject);
    res.once('aborted', () =>
      reject(new UpstreamConnectionError('the model server closed the connection', false)),
    );
  });
}

export function nodeHttpTransport(options: { maxSockets?: number } = {}): UpstreamTransport {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 256, keepAliveMsecs: 10_000 };
  const httpAgent = new HttpAgent(agentOptions);
  const httpsAgent = new HttpsAgent(agentOptions);
  return (request) =>
    new Promise<UpstreamResponse>((resolve, reject) => {
      const url = new URL(request.url);
      const secure = url.protocol === 'https:';
      const headers: Record<string, string | number> = { ...request.headers };
      if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body);
      const req = (secure ? httpsRequest : httpRequest)(url, {
        method: request.method,
        headers,
        agent: secure ? httpsAgent : httpAgent,
      });
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
        reject(error);
      };
      const timer = setTimeout(() => {
        fail(new UpstreamConnectionError(`no response within ${request.headersTimeoutMs} ms`, true));
        req.destroy();
      }, coarse(request.headersTimeoutMs));
      const onAbort = () => {
        fail(new UpstreamConnectionError('request aborted', false));
        req.destroy();
      };
      if (request.signal?.aborted) return onAbort();
      request.signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (error) => fail(new UpstreamConnectionError(error.message, false)));
      req.on('response', (res: IncomingMessage) => {
        if (settled) {
          res.destroy();
          return;
        }
        settled = true;
        clearTimeout(timer);
        res.on('close', () => request.signal?.removeEventListener('abort', onAbort));
        resolve({
          status: res.statusCode ?? 502,
          header: (name) => {
            const value = res.headers[name.toLowerCase()];
            return Array.isArray(value) ? value[0] : value;
          },
          body: res,
          text: () => readText(res),
          cancel: () => res.destroy(),
        });
      });
      req.end(request.body);
    });
}

export function fetchTransport(fetchImpl: typeof fetch): UpstreamTransport {
  return async (request) => {
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => controller.abort(new Error('timeout')), request.headersTimeoutMs);
    try {
      const response = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
      });
      clearTimeout(timer);
      const body = response.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() });
      return {
        status: response.status,
        header: (name) => response.headers.get(name) ?? undefined,
        body: body as unknown as AsyncIterable<Uint8Array>,
        text: () => response.text(),
        cancel: () => {
          controller.abort();
        },
      };
    } catch (error) {
      clearTimeout(timer);
      const timedOut =
        controller.signal.reason instanceof Error && controller.signal.reason.message === 'timeout';
      throw new UpstreamConnectionError(
        timedOut ? `no response within ${request.headersTimeoutMs} ms` : (error as Error).message,
        timedOut,
      );
    } finally {
      request.signal?.removeEventListener('abort', onAbort);
    }
  };
}
