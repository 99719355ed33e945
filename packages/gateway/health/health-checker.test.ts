import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScriptedUpstream, type ScriptedUpstream } from '@qihuang/test-kit';
import { parseGatewayConfig } from '../config/gateway-config-from.ts';
import { TargetStates } from '../routing/target-states.ts';
import { nodeHttpTransport } from '../upstream/upstream-transport.ts';
import { HealthChecker } from './health-checker.ts';

describe('HealthChecker', () => {
  let upstream: ScriptedUpstream;
  afterEach(() => upstream.close());

  it('checks periodically at the injected interval and stops', async () => {
    upstream = await startScriptedUpstream({ models: ['m'] });
    const config = parseGatewayConfig({
      providers: [{ id: 'p', kind: 'vllm', baseUrl: upstream.url, model: 'm', location: 'on-premises' }],
    });
    const states = new TargetStates(config.circuitBreaker);
    const checker = new HealthChecker({
      providers: () => config.providers,
      states,
      transport: nodeHttpTransport(),
      headersFor: () => ({}),
      now: Date.now,
    });
    checker.start(20);
    await vi.waitFor(() => expect(upstream.requests.length).toBeGreaterThanOrEqual(3), { timeout: 2000 });
    expect(states.status('p')).toBe('up');
    upstream.setHealthy(false);
    await vi.waitFor(() => expect(states.status('p')).toBe('down'), { timeout: 2000 });
    checker.stop();
    const count = upstream.requests.length;
    await new Promise((r) => setTimeout(r, 80));
    expect(upstream.requests.length).toBeLessThanOrEqual(count + 1);
    expect(upstream.requests.every((r) => r.path === '/v1/models')).toBe(true);
  });
});
