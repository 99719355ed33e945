/**
 * Circuit breakers under failure (scripted upstreams, injected clock): when every target's circuit is open
 * and the upstreams recover, traffic resumes within a probe interval (not after the whole cooldown), and a
 * health check that finds a target up lets the next request probe it; during a fail-over, a request that
 * finds a half-open target busy with its probe waits for the probe instead of failing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test-support/gateway-harness.ts';
import { CircuitBreaker } from './circuit-breaker.ts';

const ask = (h: Harness) =>
  h.fetch('/v1/chat/completions', {
    method: 'POST',
    body: JSON.stringify({ model: 'clinical-copilot', messages: [{ role: 'user', content: '头痛' }] }),
  });
const content = async (response: Response) =>
  ((await response.json()) as { choices?: { message: { content: string } }[] }).choices?.[0]?.message.content;
const statusOf = async (h: Harness, id: string) =>
  (
    (await (await h.fetch('/v1/models')).json()) as { data: { id: string; qihuang: { status: string } }[] }
  ).data.find((m) => m.id === id)?.qihuang.status;

async function twoTargets(now: () => number, breaker = { failureThreshold: 2, cooldownMs: 30_000 }) {
  return startHarness({
    upstreams: { primary: { location: 'on-premises' }, replica: { location: 'on-premises' } },
    config: () => ({
      retry: { attempts: 1, backoffMs: 1, maxBackoffMs: 10 },
      circuitBreaker: breaker,
      virtualModels: [
        { name: 'clinical-copilot', targets: [{ provider: 'primary' }, { provider: 'replica' }] },
      ],
    }),
    runtime: { now },
  });
}

describe('circuit breaker recovery', () => {
  let h: Harness;
  afterEach(() => h.close());

  async function openBoth(advance: () => void) {
    h.upstreams.primary!.setDefault({ status: 500 });
    h.upstreams.replica!.setDefault({ status: 500 });
    for (let i = 0; i < 2; i++) {
      expect((await ask(h)).status).toBe(502);
      advance();
    }
    expect(await statusOf(h, 'primary')).toBe('open-circuit');
    expect(await statusOf(h, 'replica')).toBe('open-circuit');
  }

  it('after both upstreams recover, the next probe goes through and closes the breaker (no 30 s refusal)', async () => {
    let now = 1_000_000;
    h = await twoTargets(() => now);
    await openBoth(() => (now += 10));

    // Right after opening: refused, and told to come back in about a second, not in 30.
    const refused = await ask(h);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBe(1);
    expect(h.upstreams.primary!.modelRequests()).toHaveLength(2);

    h.upstreams.primary!.setDefault({ content: 'primary is back' });
    h.upstreams.replica!.setDefault({ content: 'replica is back' });
    now += 1_000; // far less than the 30 s cooldown
    const first = await ask(h);
    expect(first.status).toBe(200);
    expect(await content(first)).toBe('primary is back');
    expect(await statusOf(h, 'primary')).not.toBe('open-circuit');
    for (let i = 0; i < 5; i++) expect((await ask(h)).status).toBe(200);
    expect(h.upstreams.primary!.modelRequests()).toHaveLength(2 + 6);
  });

  it('while every target stays down, each is probed at most once per probe interval', async () => {
    let now = 1_000_000;
    h = await twoTargets(() => now);
    await openBoth(() => (now += 10));
    const before = h.upstreams.primary!.modelRequests().length;
    for (let i = 0; i < 5; i++) expect((await ask(h)).status).toBe(503);
    now += 1_000;
    expect((await ask(h)).status).toBe(502); // this request probed both targets, which still fail
    for (let i = 0; i < 5; i++) expect((await ask(h)).status).toBe(503);
    expect(h.upstreams.primary!.modelRequests().length).toBe(before + 1);
    expect(h.upstreams.replica!.modelRequests().length).toBe(before + 1);
  });

  it('a health check that finds an open target up lets the next request probe it at once', async () => {
    let now = 1_000_000;
    h = await twoTargets(() => now);
    await openBoth(() => (now += 10));
    h.upstreams.replica!.setDefault({ content: 'replica is back' });
    h.upstreams.primary!.setHealthy(false); // primary's health check fails: it stays open
    await h.runtime.health.checkAll();
    expect(await statusOf(h, 'primary')).toBe('open-circuit');
    expect(await statusOf(h, 'replica')).toBe('degraded'); // half-open: the next request is its probe
    const response = await ask(h);
    expect(response.status).toBe(200);
    expect(await content(response)).toBe('replica is back');
    expect(await statusOf(h, 'replica')).toBe('up');
    expect(h.upstreams.primary!.modelRequests()).toHaveLength(2); // not probed
  });

  it('during a fail-over with the other breaker half-open, no request fails while a healthy target exists', async () => {
    let now = 1_000_000;
    h = await twoTargets(() => now, { failureThreshold: 1, cooldownMs: 30_000 });
    h.upstreams.primary!.setDefault({ status: 500 });
    h.upstreams.replica!.enqueue({ status: 500 });
    expect((await ask(h)).status).toBe(502); // both circuits open
    now += 30_001; // both cooldowns over: the next request to each is its probe
    // Primary is still down; the replica has recovered, its first answer (the probe) is slow.
    h.upstreams.replica!.enqueue({ content: 'replica', delayMs: 300 });
    h.upstreams.replica!.setDefault({ content: 'replica' });
    const responses = await Promise.all(Array.from({ length: 40 }, () => ask(h)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(h.runtime.states.get('replica').breaker.state).toBe('closed');
    expect(h.upstreams.primary!.modelRequests()).toHaveLength(2); // one probe while open, not 40 requests
  });
});

describe('CircuitBreaker probes', () => {
  it('an early probe of an open circuit comes at most once per probe interval, one at a time', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 30_000 });
    breaker.recordFailure(0);
    expect(breaker.tryAcquireEarly(500)).toBe(false);
    expect(breaker.nextProbeInMs(500)).toBe(500);
    expect(breaker.tryAcquireEarly(1000)).toBe(true);
    expect(breaker.tryAcquire(1001)).toBe(false); // the probe is in flight
    expect(breaker.tryAcquireEarly(1001)).toBe(false);
    const settled = breaker.probeSettled();
    expect(settled).toBeInstanceOf(Promise);
    breaker.recordFailure(1200);
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquireEarly(2100)).toBe(false);
    expect(breaker.tryAcquireEarly(2200)).toBe(true);
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
    expect(breaker.probeSettled()).toBeUndefined();
  });

  it('a health check moves an open circuit to half-open; the next request is its probe', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 30_000 });
    breaker.recordFailure(0);
    breaker.allowProbe();
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire(1)).toBe(true);
    expect(breaker.tryAcquire(2)).toBe(false);
    breaker.allowProbe(); // a probe is in flight: nothing changes
    expect(breaker.tryAcquire(3)).toBe(false);
  });
});
