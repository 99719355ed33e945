/** QIHUANG_TRUST_PROXY: off by default (the socket peer is the client); hops or proxy ranges when set. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from './index.ts';

describe('QIHUANG_TRUST_PROXY', () => {
  it('is off unless set', () => {
    expect(loadConfig({}).trustProxy).toBeUndefined();
    expect(loadConfig({ QIHUANG_TRUST_PROXY: '0' }).trustProxy).toBeUndefined();
    expect(loadConfig({ QIHUANG_TRUST_PROXY: 'off' }).trustProxy).toBeUndefined();
  });

  it('reads a hop count', () => {
    expect(loadConfig({ QIHUANG_TRUST_PROXY: '2' }).trustProxy).toEqual({ hops: 2 });
  });

  it('reads addresses and CIDR ranges, loopback included', () => {
    expect(loadConfig({ QIHUANG_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,loopback' }).trustProxy).toEqual({
      ranges: ['10.0.0.5/32', '10.1.0.0/16', '127.0.0.0/8', '::1/128'],
    });
  });

  it('refuses what it cannot read', () => {
    for (const bad of ['proxy.local', '10.0.0.0/33', '11', 'true', '10.0.0.1/8/2'])
      expect(() => loadConfig({ QIHUANG_TRUST_PROXY: bad }), bad).toThrow(/QIHUANG_TRUST_PROXY/);
  });
});
