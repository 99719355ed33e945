import { describe, expect, it } from 'vitest';
import { quickStartSetting } from '../config/gateway-config-from.ts';
import { failureCause } from './provider-reasons.ts';

describe('failure causes the console words', () => {
  it.each([
    ['fetch failed (ECONNREFUSED)', undefined, 'refused'],
    ['connect ECONNREFUSED 127.0.0.1:8000', undefined, 'refused'],
    ['getaddrinfo ENOTFOUND gpu-server', undefined, 'dns'],
    ['fetch failed (UND_ERR_HEADERS_TIMEOUT)', undefined, 'timeout'],
    ['self-signed certificate in certificate chain', undefined, 'tls'],
    ['health check answered 503', 503, 'http-status'],
    ['something else', undefined, 'other'],
  ] as const)('%s → %s', (message, status, cause) => {
    expect(failureCause(message, status)).toBe(cause);
  });
});

describe('quickStartSetting', () => {
  const config = { model: { baseUrl: 'http://gpu:8000/v1', name: 'qwen', location: 'on-premises' as const } };
  it('names the setting of the quick-start provider only', () => {
    expect(quickStartSetting(config, { id: 'default', baseUrl: 'http://gpu:8000/v1' })).toBe(
      'QIHUANG_MODEL_BASE_URL',
    );
    // Edited to another server in the console: no longer the environment's.
    expect(quickStartSetting(config, { id: 'default', baseUrl: 'http://other:8000/v1' })).toBeUndefined();
    expect(quickStartSetting(config, { id: 'local', baseUrl: 'http://gpu:8000/v1' })).toBeUndefined();
    expect(
      quickStartSetting({ model: undefined }, { id: 'default', baseUrl: 'http://gpu:8000/v1' }),
    ).toBeUndefined();
  });
});
