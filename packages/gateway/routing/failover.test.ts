import { afterEach, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { startHarness, type Harness } from '../test-support/gateway-harness.ts';
import { usageRecord } from '../test-support/usage-record.ts';

const ask = (h: Harness, model = 'clinical-copilot', client = h.client()) =>
  client.chat.completions.create({ model, messages: [{ role: 'user', content: '胸痛怎么办？' }] });

async function failoverHarness(extra: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  return startHarness({
    upstreams: { primary: { location: 'on-premises' }, replica: { location: 'on-premises' } },
    config: () => ({
      retry: { attempts: 2, backoffMs: 1, maxBackoffMs: 50 },
      circuitBreaker: { failureThreshold: 3, cooldownMs: 60_000 },
      virtualModels: [
        { name: 'clinical-copilot', targets: [{ provider: 'primary' }, { provider: 'replica' }] },
      ],
    }),
    ...extra,
  });
}

describe('retries, failover and circuit breaker', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('retries a 503 on the same target, then succeeds', async () => {
    h = await failoverHarness();
    h.upstreams.primary!.enqueue({ status: 503 }, { content: '第二次成功' });
    const answer = await ask(h);
    expect(answer.choices[0]?.message.content).toBe('第二次成功');
    expect(h.upstreams.primary!.modelRequests()).toHaveLength(2);
    expect(h.upstreams.replica!.modelRequests()).toHaveLength(0);
  });

  it('honours a short Retry-After on 429 and fails over when retries are used up', async () => {
    h = await failoverHarness();
    h.upstreams.primary!.setDefault({ status: 429, retryAfterSeconds: 0 });
    h.upstreams.replica!.enqueue({ content: '来自副本' });
    const answer = await ask(h);
    expect(answer.choices[0]?.message.content).toBe('来自副本');
    expect(h.upstreams.primary!.modelRequests()).toHaveLength(2);
    await h.runtime.flush();
    expect(h.audit.events.at(-1)).toMatchObject({ target: 'replica', attempts: 3, outcome: 'success' });
  });

  it('fails over on a dropped connection and on a 500', async () => {
    h = await failoverHarness();
    h.upstreams.primary!.enqueue({ dropConnection: true }, { status: 500 });
    h.upstreams.replica!.enqueue({ content: 'ok' });
    expect((await ask(h)).choices[0]?.message.content).toBe('ok');
  });

  it('opens the circuit after repeated failures and skips the target, then probes after the cooldown', async () => {
    let now = Date.now();
    h = await failoverHarness({ runtime: { now: () => now } });
    h.upstreams.primary!.setDefault({ status: 500 });
    h.upstreams.replica!.setDefault({ content: 'replica' });
    await ask(h); // 2 failures on primary
    await ask(h); // third failure opens the circuit
    const before = h.upstreams.primary!.modelRequests().length;
    expect(before).toBe(3);
    await ask(h);
    await ask(h);
    expect(h.upstreams.primary!.modelRequests()).toHaveLength(3); // skipped while open
    const models = await h
      .fetch('/v1/models')
      .then((r) => r.json() as Promise<{ data: { id: string; qihuang: { status: string } }[] }>);
    expect(models.data.find((m) => m.id === 'primary')?.qihuang.status).toBe('open-circuit');
    expect(models.data.find((m) => m.id === 'clinical-copilot')?.qihuang.status).toBe('degraded');

    h.upstreams.primary!.setDefault({ content: 'primary is back' });
    now += 61_000; // cooldown over: one probe goes through and closes the circuit
    expect((await ask(h)).choices[0]?.message.content).toBe('primary is back');
    const after = await h
      .fetch('/v1/models')
      .then((r) => r.json() as Promise<{ data: { id: string; qihuang: { status: string } }[] }>);
    expect(after.data.find((m) => m.id === 'primary')?.qihuang.status).not.toBe('open-circuit');
  });

  it('answers 503 with Retry-After when every target has an open circuit', async () => {
    h = await failoverHarness();
    h.upstreams.primary!.setDefault({ status: 500 });
    h.upstreams.replica!.setDefault({ status: 500 });
    for (let i = 0; i < 2; i++) await ask(h).catch(() => undefined);
    const response = await h.fetch('/v1/chat/completions', {
      method: 'POST',
      body: JSON.stringify({ model: 'clinical-copilot', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('targets_unavailable');
  });

  it('times out a slow target and fails over; the whole request has a deadline', async () => {
    h = await startHarness({
      upstreams: {
        slow: { location: 'on-premises', limits: { timeoutMs: 150 } },
        fast: { location: 'on-premises' },
      },
      config: () => ({
        retry: { attempts: 1, backoffMs: 1, maxBackoffMs: 10 },
        virtualModels: [
          { name: 'clinical-copilot', targets: [{ provider: 'slow' }, { provider: 'fast' }] },
          { name: 'only-slow', targets: [{ provider: 'slow' }], timeoutMs: 300 },
        ],
      }),
    });
    h.upstreams.slow!.setDefault({ content: 'too late', delayMs: 2000 });
    h.upstreams.fast!.enqueue({ content: 'fast' });
    const started = Date.now();
    expect((await ask(h)).choices[0]?.message.content).toBe('fast');
    expect(Date.now() - started).toBeLessThan(1500);

    const error = (await ask(h, 'only-slow').catch((e: unknown) => e)) as InstanceType<
      typeof OpenAI.APIError
    >;
    expect(error.status).toBe(504);
    expect(error.code).toBe('timeout');
  });

  it('fails over a stream before the first byte, but not after', async () => {
    h = await failoverHarness();
    h.upstreams.primary!.enqueue({ status: 502 }, { status: 502 });
    h.upstreams.replica!.enqueue({ content: '副本流式回答', stream: { chunkSize: 2 } });
    const stream = await h.client().chat.completions.create({
      model: 'clinical-copilot',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('副本流式回答');
  });

  it('reports a stream cut mid-way as a clean error to the client and still records usage', async () => {
    h = await failoverHarness();
    h.upstreams.primary!.enqueue({
      content: '这是一个很长的回答，会在中途断开连接。',
      stream: { chunkSize: 2, dropAfterChunks: 4, delayMs: 5 },
    });
    const stream = await h.client().chat.completions.create({
      model: 'clinical-copilot',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    let text = '';
    const error = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as Error).message).toContain('stream interrupted');
    expect(text).toBe('这是一个很长'); // what arrived before the cut
    expect(h.upstreams.replica!.modelRequests()).toHaveLength(0); // no failover after the first byte
    await h.runtime.flush();
    const record = h.usage.records.at(-1)!;
    expect(record).toMatchObject({
      outcome: 'error',
      errorCode: 'upstream_stream_error',
      target: 'primary',
      stream: true,
    });
    expect(record.completionTokens).toBeGreaterThan(0);
    expect(record.estimated).toBe(true);
  });

  it('balances load across weighted replicas', async () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    h = await startHarness({
      upstreams: { a: { location: 'on-premises' }, b: { location: 'on-premises' } },
      config: () => ({
        virtualModels: [
          {
            name: 'clinical-copilot',
            strategy: 'weighted',
            targets: [
              { provider: 'a', weight: 3 },
              { provider: 'b', weight: 1 },
            ],
          },
        ],
      }),
      runtime: { random },
    });
    for (let i = 0; i < 40; i++) await ask(h);
    const a = h.upstreams.a!.modelRequests().length;
    const b = h.upstreams.b!.modelRequests().length;
    expect(a + b).toBe(40);
    expect(a).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(0);
  });
});

describe('rate limits and budgets', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('limits requests per minute with 429 and Retry-After', async () => {
    h = await startHarness({
      config: () => ({ virtualModels: [{ name: 'clinical-copilot', targets: [{ provider: 'local' }] }] }),
      principal: { rateLimit: { rpm: 2 } },
    });
    await ask(h);
    await ask(h);
    const error = (await ask(h).catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.code).toBe('rate_limit_exceeded');
    const retryAfter = Number(error.headers?.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(h.upstreams.local!.modelRequests()).toHaveLength(2);
    await h.runtime.flush();
    expect(h.usage.records.at(-1)).toMatchObject({ outcome: 'rate-limited' });
  });

  it('limits tokens per minute', async () => {
    h = await startHarness({
      config: () => ({ virtualModels: [{ name: 'clinical-copilot', targets: [{ provider: 'local' }] }] }),
      principal: { rateLimit: { tpm: 100 } },
    });
    h.upstreams.local!.enqueue({ content: 'x', usage: { prompt_tokens: 80, completion_tokens: 30 } });
    await ask(h);
    const error = (await ask(h).catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(error.status).toBe(429);
  });

  it('stops a key whose daily token budget is exhausted until the next UTC day', async () => {
    h = await startHarness({
      config: () => ({ virtualModels: [{ name: 'clinical-copilot', targets: [{ provider: 'local' }] }] }),
      principal: { budget: { tokensPerDay: 50 } },
    });
    h.upstreams.local!.enqueue({ content: 'x', usage: { prompt_tokens: 40, completion_tokens: 20 } });
    await ask(h);
    const response = await h.fetch('/v1/chat/completions', {
      method: 'POST',
      body: JSON.stringify({ model: 'clinical-copilot', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(response.status).toBe(429);
    const body = (await response.json()) as { error: { code: string; type: string } };
    expect(body.error).toMatchObject({ code: 'budget_exceeded', type: 'rate_limit_error' });
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
  });

  it('a budget holds across restarts and replicas: totals in the usage store count, merged every budgetSyncMs', async () => {
    let now = Date.parse('2026-03-10T08:00:00Z');
    h = await startHarness({
      config: () => ({ virtualModels: [{ name: 'clinical-copilot', targets: [{ provider: 'local' }] }] }),
      principal: { budget: { tokensPerDay: 1000, tokensPerMonth: 5000 } },
      runtime: { now: () => now, budgetSyncMs: 10_000 },
    });
    const used = (day: string, totalTokens: number, keyId = 'user-key') =>
      usageRecord({ day, at: `${day}T07:00:00Z`, requestId: `r-${day}-${totalTokens}`, keyId, totalTokens });
    // Earlier this month (another replica, or before a restart): 4,200 tokens; today 600; another key 10,000.
    await h.usage.append([
      used('2026-03-02', 4200),
      used('2026-03-10', 600),
      used('2026-03-10', 10_000, 'other'),
    ]);
    expect((await ask(h)).choices[0]?.message.content).toBeDefined(); // 600 of 1,000 today, 4,800 of 5,000
    // Another replica's usage arrives in the store: seen after budgetSyncMs.
    await h.usage.append([used('2026-03-10', 300)]);
    now += 11_000;
    const error = (await ask(h).catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(error.status).toBe(429);
    expect(error.code).toBe('budget_exceeded'); // 5,100 of 5,000 this month
    expect(h.upstreams.local!.modelRequests()).toHaveLength(1);
  });

  it('scopes keys to virtual models', async () => {
    h = await startHarness({
      config: () => ({
        virtualModels: [
          { name: 'clinical-copilot', targets: [{ provider: 'local' }] },
          { name: 'rx-explainer', targets: [{ provider: 'local' }] },
        ],
      }),
      principal: { allowedModels: ['rx-explainer'] },
    });
    expect((await ask(h, 'rx-explainer')).choices[0]?.message.content).toBeDefined();
    const error = (await ask(h).catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(error.status).toBe(404);
    const models = [];
    for await (const m of h.client().models.list()) models.push(m.id);
    expect(models).toEqual(['rx-explainer']);
  });
});
