import { describe, expect, it } from 'vitest';
import { SseParser, parseEventData, readSseStream, type SseEvent } from './sse.ts';

function feed(chunks: string[]): SseEvent[] {
  const parser = new SseParser();
  return chunks.flatMap((c) => parser.push(c));
}

function byteStream(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
}

describe('SseParser', () => {
  it('parses named events with JSON data', () => {
    const events = feed([
      'event: delta\ndata: {"text":"你好"}\n\nevent: done\ndata: {"status":"active"}\n\n',
    ]);
    expect(events).toEqual([
      { event: 'delta', data: '{"text":"你好"}' },
      { event: 'done', data: '{"status":"active"}' },
    ]);
  });

  it('handles any chunking, including a split inside a field name and between CR and LF', () => {
    const text = 'event: triage\r\ndata: {"stop":true}\r\n\r\nevent: done\r\ndata: {}\r\n\r\n';
    const whole = feed([text]);
    for (let i = 1; i < text.length; i++) {
      expect(feed([text.slice(0, i), text.slice(i)])).toEqual(whole);
    }
    const perChar = feed(Array.from(text));
    expect(perChar).toEqual(whole);
    expect(whole.map((e) => e.event)).toEqual(['triage', 'done']);
  });

  it('joins multi-line data, ignores comments and unknown fields, defaults the event name', () => {
    const events = feed([': keep-alive\n', 'data: a\ndata:b\nretry: 10\nfoo: bar\n\n', 'data\n\n']);
    expect(events).toEqual([
      { event: 'message', data: 'a\nb' },
      { event: 'message', data: '' },
    ]);
  });

  it('does not dispatch an event without data, nor an unterminated last event', () => {
    const parser = new SseParser();
    expect(parser.push('event: ping\n\n')).toEqual([]);
    expect(parser.push('event: delta\ndata: {"text":"x"}\n')).toEqual([]);
    expect(parser.end()).toEqual([]);
  });

  it('accepts bare CR line endings and keeps the last id', () => {
    expect(feed(['id: 7\revent: delta\rdata: x\r\r'])).toEqual([{ event: 'delta', data: 'x', id: '7' }]);
  });
});

describe('readSseStream', () => {
  it('decodes UTF-8 split across byte chunks', async () => {
    const bytes = new TextEncoder().encode('event: delta\ndata: {"text":"胸痛"}\n\n');
    const cut = bytes.indexOf(0xe8) + 1; // inside the first Chinese character
    const events: SseEvent[] = [];
    await readSseStream(byteStream([bytes.slice(0, cut), bytes.slice(cut)]), (e) => events.push(e));
    expect(events).toHaveLength(1);
    expect(parseEventData(events[0]!.data)).toEqual({ text: '胸痛' });
  });

  it('stops reading when aborted', async () => {
    const controller = new AbortController();
    let pull = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        pull++;
        c.enqueue(new TextEncoder().encode(`data: ${pull}\n\n`));
        if (pull === 3) controller.abort();
      },
    });
    const events: SseEvent[] = [];
    await readSseStream(stream, (e) => events.push(e), controller.signal);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.length).toBeLessThanOrEqual(4);
  });
});

describe('parseEventData', () => {
  it('returns JSON when it parses, the string otherwise', () => {
    expect(parseEventData('{"a":1}')).toEqual({ a: 1 });
    expect(parseEventData('plain')).toBe('plain');
  });
});
