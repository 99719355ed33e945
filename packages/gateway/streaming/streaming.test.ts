import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser.ts';
import { ThinkTagSplitter, splitThinkTags } from './think-tag-splitter.ts';
import { ChatStreamTransform } from './chat-stream-transform.ts';
import { qwenProvider } from '../providers/qwen/qwen-provider.ts';
import { deepseekProvider } from '../providers/deepseek/deepseek-provider.ts';

const pieces = (text: string, size: number) => {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
};

describe('SseParser', () => {
  it('parses events split anywhere, with LF or CRLF', () => {
    const stream = 'data: {"a":1}\n\ndata: {"b":2}\r\n\r\n: comment\n\ndata: [DONE]\n\n';
    for (const size of [1, 3, 7, 100]) {
      const parser = new SseParser();
      const events = pieces(stream, size).flatMap((p) => parser.push(p));
      expect(events).toEqual(['{"a":1}', '{"b":2}', '[DONE]']);
    }
  });
});

describe('ThinkTagSplitter', () => {
  const text = '  <think>思考 a<b </thin k></think>\n\n答案 <think> stays';
  it.each([1, 2, 3, 4, 6, 9, 50])('splits correctly with chunks of %i', (size) => {
    const splitter = new ThinkTagSplitter();
    let reasoning = '';
    let content = '';
    for (const piece of pieces(text, size)) {
      const out = splitter.push(piece);
      reasoning += out.reasoning;
      content += out.content;
    }
    const rest = splitter.flush();
    expect(reasoning + rest.reasoning).toBe('思考 a<b </thin k>');
    expect(content + rest.content).toBe('答案 <think> stays');
  });

  it('leaves content without a leading <think> alone', () => {
    expect(splitThinkTags('答案 <think>x</think>')).toBeNull();
    const splitter = new ThinkTagSplitter();
    expect(splitter.push('<th').content).toBe('');
    expect(splitter.push('e end').content).toBe('<the end');
    expect(splitter.passthrough).toBe(true);
  });

  it('handles a block the chat template opened (R1 without a reasoning parser)', () => {
    const splitter = new ThinkTagSplitter(true);
    let reasoning = '';
    let content = '';
    for (const piece of pieces('先看肾功能。</think>\n\n可以使用。', 2)) {
      const out = splitter.push(piece);
      reasoning += out.reasoning;
      content += out.content;
    }
    expect({ reasoning, content }).toEqual({ reasoning: '先看肾功能。', content: '可以使用。' });
    expect(splitThinkTags('先看肾功能。</think>可以使用。')).toEqual({
      reasoning: '先看肾功能。',
      content: '可以使用。',
    });
  });

  it('an unfinished think block ends as reasoning', () => {
    const splitter = new ThinkTagSplitter();
    expect(splitter.push('<think>abc</thi')).toEqual({ reasoning: 'abc', content: '' });
    expect(splitter.flush()).toEqual({ reasoning: '</thi', content: '' });
  });
});

describe('ChatStreamTransform', () => {
  const chunk = (delta: object, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

  it('forwards untouched events byte for byte', () => {
    const t = new ChatStreamTransform({
      quirks: deepseekProvider,
      stripReasoning: false,
      clientWantsUsage: true,
      collectAnswer: false,
    });
    const input = chunk({ content: 'hello' }) + chunk({}, 'stop') + 'data: [DONE]\n\n';
    expect(t.push(input)).toBe(input);
  });

  it('captures and hides usage the client did not ask for', () => {
    const t = new ChatStreamTransform({
      quirks: deepseekProvider,
      stripReasoning: false,
      clientWantsUsage: false,
      collectAnswer: false,
    });
    const usage = { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 };
    const out = t.push(
      chunk({ content: 'x' }) +
        `data: ${JSON.stringify({ id: 'c', choices: [], usage })}\n\n` +
        'data: [DONE]\n\n',
    );
    expect(out).not.toContain('usage');
    expect(t.usage).toEqual(usage);
  });

  it('drops chunks that become empty after stripping reasoning', () => {
    const t = new ChatStreamTransform({
      quirks: qwenProvider,
      stripReasoning: true,
      clientWantsUsage: false,
      collectAnswer: true,
    });
    const out = t.push(
      chunk({ role: 'assistant', content: '' }) +
        chunk({ content: '<think>secret' }) +
        chunk({ content: '</think>ok' }) +
        chunk({}, 'stop'),
    );
    expect(out).not.toContain('secret');
    expect(out.match(/^data: /gm)).toHaveLength(3);
    expect(t.reasoning).toBe('secret');
    expect(t.answer).toBe('ok');
  });
});
