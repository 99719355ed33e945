import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { startScriptedUpstream, type ScriptedUpstream } from './scripted-upstream.ts';

describe('scripted upstream', () => {
  let upstream: ScriptedUpstream;
  let client: OpenAI;
  beforeAll(async () => {
    upstream = await startScriptedUpstream({ models: ['m1', 'm2'] });
    client = new OpenAI({ baseURL: upstream.url, apiKey: 'x', maxRetries: 0 });
  });
  afterAll(() => upstream.close());
  afterEach(() => upstream.reset());

  it('lists its models and records requests', async () => {
    const ids = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(['m1', 'm2']);
    expect(upstream.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' });
  });

  it('answers queued replies in order, then the default (echo)', async () => {
    upstream.enqueue({ content: 'one' }, { content: 'two', reasoningContent: 'why' });
    const ask = () =>
      client.chat.completions.create({ model: 'm1', messages: [{ role: 'user', content: 'echo me' }] });
    expect((await ask()).choices[0]?.message.content).toBe('one');
    const second = await ask();
    expect(second.choices[0]?.message).toMatchObject({ content: 'two', reasoning_content: 'why' });
    expect((await ask()).choices[0]?.message.content).toBe('echo me');
    expect(upstream.modelRequests()).toHaveLength(3);
    expect(upstream.modelRequests()[0]!.body.messages[0].content).toBe('echo me');
  });

  it('matches rules by request, with a use limit', async () => {
    upstream.when((r) => r.body.model === 'm2', { content: 'for m2' }, { times: 1 });
    const ask = (model: string) =>
      client.chat.completions.create({ model, messages: [{ role: 'user', content: 'x' }] });
    expect((await ask('m2')).choices[0]?.message.content).toBe('for m2');
    expect((await ask('m2')).choices[0]?.message.content).toBe('x');
  });

  it('streams content, reasoning and tool calls in chunks, with usage on request', async () => {
    upstream.enqueue({
      reasoningContent: 'abcdef',
      content: '<think>t</think>hello',
      toolCalls: [{ name: 'f', arguments: '{"a":1}' }],
      stream: { chunkSize: 2, delayMs: 1 },
    });
    const stream = await client.chat.completions.create({
      model: 'm1',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let content = '';
    let reasoning = '';
    let args = '';
    let usage = false;
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as
        | {
            content?: string;
            reasoning_content?: string;
            tool_calls?: { function?: { arguments?: string } }[];
          }
        | undefined;
      content += delta?.content ?? '';
      reasoning += delta?.reasoning_content ?? '';
      args += delta?.tool_calls?.[0]?.function?.arguments ?? '';
      if (chunk.usage) usage = true;
    }
    expect({ content, reasoning, args, usage }).toEqual({
      content: '<think>t</think>hello',
      reasoning: 'abcdef',
      args: '{"a":1}',
      usage: true,
    });
  });

  it('sends error statuses with Retry-After', async () => {
    upstream.enqueue({ status: 429, retryAfterSeconds: 3, errorMessage: 'slow down' });
    const error = (await client.chat.completions
      .create({ model: 'm1', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(error.status).toBe(429);
    expect(error.headers?.get('retry-after')).toBe('3');
    expect(error.message).toContain('slow down');
  });

  it('drops a stream mid-way', async () => {
    upstream.enqueue({ content: 'abcdefghij', stream: { chunkSize: 1, dropAfterChunks: 3 } });
    const stream = await client.chat.completions.create({
      model: 'm1',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    let text = '';
    const error = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(text).toBe('ab');
  });

  it('returns embeddings (float) and delays on request', async () => {
    upstream.enqueue({ delayMs: 50 });
    const started = Date.now();
    const result = await client.embeddings.create({
      model: 'm1',
      input: ['a', 'b'],
      encoding_format: 'float',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(result.data.map((d) => d.embedding.length)).toEqual([8, 8]);
    expect(result.usage.prompt_tokens).toBeGreaterThan(0);
  });
});
