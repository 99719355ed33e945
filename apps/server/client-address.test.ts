/**
 * Behind a reverse proxy (issue 19): sign-in throttling and the audit log use the client's address from
 * X-Forwarded-For only when the socket's peer is a trusted proxy (QIHUANG_TRUST_PROXY); by default, and from an
 * untrusted peer, the socket address — a spoofed header changes nothing.
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '@qihuang/config';
import { createTestApp, type TestApp } from './test-support.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.closeAll();
  app = undefined;
});

/** A failed sign-in arriving from `peer` (the socket) with an X-Forwarded-For header. */
async function failedLogin(t: TestApp, peer: string, forwardedFor?: string): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  const response = await t.app.request(
    'http://localhost/auth/login',
    { method: 'POST', headers, body: JSON.stringify({ username: 'nobody', password: 'wrong' }) },
    { incoming: { socket: { remoteAddress: peer } } },
  );
  expect(response.status).toBe(401);
}

async function recorded(t: TestApp): Promise<{ throttled: string[]; audited: string[] }> {
  const db = t.care.db;
  const throttled = await sql<{ key: string }>`select key from identity_login_throttle where key like 'address:%' order by key`.execute(db); // prettier-ignore
  const audited = await sql<{ client_address: string }>`select client_address from audit_entry where action = 'login' order by client_address`.execute(db); // prettier-ignore
  return {
    throttled: throttled.rows.map((r) => r.key.slice('address:'.length)),
    audited: audited.rows.map((r) => r.client_address),
  };
}

async function start(trust: Partial<Config>): Promise<TestApp> {
  app = await createTestApp('pglite', trust, undefined, 'required');
  return app;
}

describe('client address behind a reverse proxy', () => {
  it('by default ignores X-Forwarded-For: the socket peer is the client', async () => {
    const t = await start({});
    await failedLogin(t, '10.0.0.5', '203.0.113.7');
    expect(await recorded(t)).toEqual({ throttled: ['10.0.0.5'], audited: ['10.0.0.5'] });
  });

  it('from a trusted proxy takes the right-most untrusted X-Forwarded-For entry', async () => {
    const t = await start({ trustProxy: { ranges: ['10.0.0.0/8'] } });
    // The client sent a forged "1.1.1.1"; the proxy appended the real peer, 203.0.113.7, then 10.0.0.9 (a proxy).
    await failedLogin(t, '10.0.0.5', '1.1.1.1, 203.0.113.7, 10.0.0.9');
    await failedLogin(t, '::ffff:10.0.0.5', '198.51.100.2');
    expect(await recorded(t)).toEqual({
      throttled: ['198.51.100.2', '203.0.113.7'],
      audited: ['198.51.100.2', '203.0.113.7'],
    });
  });

  it('ignores a spoofed X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const t = await start({ trustProxy: { ranges: ['10.0.0.0/8'] } });
    await failedLogin(t, '203.0.113.50', '10.0.0.1');
    expect(await recorded(t)).toEqual({ throttled: ['203.0.113.50'], audited: ['203.0.113.50'] });
  });

  it('with a hop count takes that many hops from the right', async () => {
    const t = await start({ trustProxy: { hops: 1 } });
    await failedLogin(t, '10.0.0.5', '1.1.1.1, 203.0.113.7');
    expect(await recorded(t)).toEqual({ throttled: ['203.0.113.7'], audited: ['203.0.113.7'] });
  });
});
