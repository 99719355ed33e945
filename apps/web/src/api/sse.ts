/**
 * Server-sent events over fetch (POST bodies, bearer auth — which EventSource cannot do): an incremental
 * `text/event-stream` parser and a helper that posts JSON and reads the streamed answer.
 */
import { ApiError } from './api-error.ts';
import { rawRequest } from './client.ts';

/** One dispatched server-sent event (`event` defaults to "message"; `data` lines joined with "\n"). */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Incremental `text/event-stream` parser (WHATWG HTML §9.2.6): feed decoded text in any chunking, get the
 * complete events. Lines end with CRLF, LF or CR (a CR at the end of one chunk and the LF at the start of the
 * next count once); `:` lines are comments; one leading space after the colon is dropped; an event with no
 * data lines is not dispatched.
 */
export class SseParser {
  private buffer = '';
  private pendingCr = false;
  private eventName = '';
  private data: string[] = [];
  private lastId: string | undefined;

  push(text: string): SseEvent[] {
    const out: SseEvent[] = [];
    let input = text;
    if (this.pendingCr && input.startsWith('\n')) input = input.slice(1);
    this.pendingCr = false;
    this.buffer += input;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const ch = this.buffer[i];
      if (ch !== '\n' && ch !== '\r') continue;
      this.line(this.buffer.slice(start, i), out);
      if (ch === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++;
        } else {
          this.pendingCr = true;
        }
      }
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
    return out;
  }

  /** End of stream: an unterminated last event is dropped, as the specification says. */
  end(): SseEvent[] {
    this.buffer = '';
    this.data = [];
    this.eventName = '';
    return [];
  }

  private line(line: string, out: SseEvent[]): void {
    if (line === '') {
      if (this.data.length > 0) {
        out.push({
          event: this.eventName || 'message',
          data: this.data.join('\n'),
          ...(this.lastId !== undefined ? { id: this.lastId } : {}),
        });
      }
      this.data = [];
      this.eventName = '';
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventName = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.lastId = value;
  }
}

/** `data` as JSON when it is JSON, else the raw string. */
export function parseEventData(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

/** Reads a byte stream of server-sent events to the end, calling `onEvent` for each (UTF-8 safe across chunks). */
export async function readSseStream(
  stream: ReadableStream<Uint8Array>,
  onEvent: (event: SseEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8');
  const parser = new SseParser();
  const abort = () => {
    void reader.cancel().catch(() => undefined);
  };
  signal?.addEventListener('abort', abort, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const event of parser.push(decoder.decode(value, { stream: true }))) onEvent(event);
    }
    for (const event of parser.push(decoder.decode())) onEvent(event);
    parser.end();
  } finally {
    signal?.removeEventListener('abort', abort);
    reader.releaseLock();
  }
}

/**
 * POSTs `body` as JSON and reads the `text/event-stream` answer, calling `onEvent` with each event and its
 * data parsed as JSON. Errors before the stream starts (4xx/5xx, 401 → sign-in) are thrown as ApiError by the
 * shared client. A server that answers plain JSON instead of a stream is treated as one `done` event.
 */
export async function streamEvents<E extends { event: string; data: unknown }>(
  path: string,
  body: unknown,
  onEvent: (event: E) => void,
  signal?: AbortSignal,
): Promise<void> {
  const response = await rawRequest(path, { method: 'POST', body, accept: 'text/event-stream', signal });
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('text/event-stream')) {
    const text = await response.text();
    onEvent({ event: 'done', data: parseEventData(text) } as E);
    return;
  }
  if (!response.body) throw new ApiError(0, 'network', 'The server sent no stream.');
  await readSseStream(
    response.body,
    (e) => onEvent({ event: e.event, data: parseEventData(e.data) } as E),
    signal,
  );
}
