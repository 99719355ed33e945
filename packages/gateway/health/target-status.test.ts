/**
 * What the console shows for a provider and a virtual model when nothing can answer (issue 20, IT try-out):
 * a provider whose health check fails stays "down" after its requests failed too (it was "degraded"); a
 * virtual model none of whose targets can answer is "down", not "degraded"; a provider whose configured model
 * the upstream does not list is not "up".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedUpstream, type ScriptedUpstream } from '@qihuang/test-kit';
import { parseGatewayConfig } from '../config/gateway-config-from.ts';
import { virtualModelStatus } from '../handlers/list-models.ts';
import { TargetStates } from '../routing/target-states.ts';
import { nodeHttpTransport } from '../upstream/upstream-transport.ts';
import { HealthChecker } from './health-checker.ts';
import { providerReasons } from './provider-reasons.ts';

describe('provider and virtual-model status when nothing answers', () => {
  let upstream: ScriptedUpstream | undefined;
  afterEach(async () => {
    await upstream?.close();
    upstream = undefined;
  });

  it('a provider whose health check failed is down, also after its requests failed', () => {
    const states = new TargetStates({ failureThreshold: 5, cooldownMs: 30_000 });
    const state = states.get('dead');
    state.health = 'down';
    state.lastError = 'fetch failed (ECONNREFUSED)';
    state.breaker.recordFailure(Date.parse('2026-12-07T06:55:00Z'));
    expect(states.status('dead')).toBe('down');
  });

  it('a virtual model is down when every target is down or has an open circuit', () => {
    expect(virtualModelStatus(['open-circuit', 'down'])).toBe('down');
    expect(virtualModelStatus(['down', 'down'])).toBe('down');
    expect(virtualModelStatus(['open-circuit'])).toBe('down');
    expect(virtualModelStatus(['open-circuit', 'up'])).toBe('degraded');
    expect(virtualModelStatus(['up', 'unknown'])).toBe('up');
  });

  it('a provider whose model the upstream does not list is down, saying the model is missing', async () => {
    upstream = await startScriptedUpstream({ models: ['other-model'] });
    const config = parseGatewayConfig({
      providers: [{ id: 'p', kind: 'vllm', baseUrl: upstream.url, model: 'qwen', location: 'on-premises' }],
    });
    const states = new TargetStates(config.circuitBreaker);
    const checker = new HealthChecker({
      providers: () => config.providers,
      states,
      transport: nodeHttpTransport(),
      headersFor: () => ({}),
      now: () => Date.parse('2026-12-07T06:55:00Z'),
    });
    expect(await checker.checkProvider(config.providers[0]!)).toBe(false);
    expect(states.status('p')).toBe('down');
    const reasons = providerReasons(states.get('p'), 'GET /models');
    expect(reasons[0]).toMatchObject({ kind: 'health-check-failed', cause: 'model-missing' });
    expect(reasons[0]?.detail).toContain('qwen');
  });

  it('the configured model listed by the upstream is up', async () => {
    upstream = await startScriptedUpstream({ models: ['qwen'] });
    const config = parseGatewayConfig({
      providers: [{ id: 'p', kind: 'vllm', baseUrl: upstream.url, model: 'qwen', location: 'on-premises' }],
    });
    const states = new TargetStates(config.circuitBreaker);
    const checker = new HealthChecker({
      providers: () => config.providers,
      states,
      transport: nodeHttpTransport(),
      headersFor: () => ({}),
      now: Date.now,
    });
    expect(await checker.checkProvider(config.providers[0]!)).toBe(true);
    expect(states.status('p')).toBe('up');
  });
});
