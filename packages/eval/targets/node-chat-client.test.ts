import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedUpstream, type ScriptedUpstream } from '@qihuang/test-kit';
import { createNodeChatClient } from './node-chat-client.ts';

describe('node chat client', () => {
  let upstream: ScriptedUpstream;
  beforeAll(async () => {
    upstream = await startScriptedUpstream({ models: ['m'] });
  });
  afterAll(() => upstream.close());
  beforeEach(() => upstream.reset());

  it('sends model, messages, temperature, seed and the key; reads content and usage', async () => {
    upstream.enqueue({ content: '答案：B', usage: { prompt_tokens: 12, completion_tokens: 3 } });
    const client = createNodeChatClient({ baseUrl: upstream.url, model: 'm', apiKey: 'k-1' });
    const result = await client.chat({
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 0,
      seed: 5,
    });
    expect(result).toEqual({ text: '答案：B', promptTokens: 12, completionTokens: 3 });
    const request = upstream.modelRequests()[0]!;
    expect(request.body).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 0,
      seed: 5,
    });
    expect(request.headers.authorization).toBe('Bearer k-1');
  });

  it('retries 429 (Retry-After) and 5xx a bounded number of times, then throws', async () => {
    upstream.enqueue({ status: 429, retryAfterSeconds: 0 }, { status: 503 }, { content: 'ok' });
    const client = createNodeChatClient({
      baseUrl: upstream.url,
      model: 'm',
      maxRetries: 2,
      maxRetryDelayMs: 10,
    });
    expect((await client.chat({ messages: [{ role: 'user', content: 'x' }] })).text).toBe('ok');
    upstream.setDefault({ status: 500, errorMessage: 'boom' });
    await expect(client.chat({ messages: [{ role: 'user', content: 'x' }] })).rejects.toThrow('500: boom');
    expect(upstream.modelRequests()).toHaveLength(6);
    upstream.enqueue({ status: 400, errorMessage: 'bad request' });
    await expect(client.chat({ messages: [{ role: 'user', content: 'x' }] })).rejects.toThrow(
      '400: bad request',
    );
    expect(upstream.modelRequests()).toHaveLength(7);
  });

  it('stops on abort and times out', async () => {
    upstream.setDefault({ content: 'slow', delayMs: 500 });
    const client = createNodeChatClient({ baseUrl: upstream.url, model: 'm', timeoutMs: 100, maxRetries: 0 });
    await expect(client.chat({ messages: [{ role: 'user', content: 'x' }] })).rejects.toThrow(
      /no answer within 100 ms/,
    );
    const controller = new AbortController();
    const pending = createNodeChatClient({ baseUrl: upstream.url, model: 'm' }).chat({
      messages: [{ role: 'user', content: 'x' }],
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
  });
});
