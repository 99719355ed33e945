/**
 * Route tests of /auth: the initial admin, sign-in (content type, throttle, audit) and session tokens.
 * The database, users and helpers come from ./test-support/routes-harness.ts.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { ensureInitialAdmin } from './identity.ts';
import { useIdentityRoutes } from './test-support/routes-harness.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe.each(DATABASE_KINDS)('identity on %s', (kind) => {
  const t = useIdentityRoutes(kind);
  const { call, login, tokenFor, createUser, auditRows, advance, users } = t;

  describe('initial admin', () => {
    it('does nothing once a user exists', async () => {
      expect(await ensureInitialAdmin(t.database.db, { password: 'another-password' })).toEqual({
        created: false,
        username: 'admin',
      });
    });
    it('uses the given password on an empty database', async () => {
      await expect(
        t.database.db.transaction().execute(async (trx) => {
          await sql`delete from identity_user`.execute(trx);
          const result = await ensureInitialAdmin(trx, { password: 'from-the-environment' });
          expect(result).toEqual({ created: true, username: 'admin' });
          const row = (
            await sql<{
              password_hash: string;
              role: string;
            }>`select password_hash, role from identity_user`.execute(trx)
          ).rows[0];
          expect(row?.role).toBe('admin');
          expect(row?.password_hash).toMatch(/^\$argon2id\$/);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await expect(ensureInitialAdmin(t.database.db, { password: 'short' })).resolves.toMatchObject({
        created: false,
      });
    });
  });

  describe('sign-in', () => {
    it('issues an opaque token, stored only as its sha256', async () => {
      const res = await login('dr.li', 'dr.li-password');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toEqual({
        access_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        token_type: 'Bearer',
        expires_in: 3600,
      });
      const token = body.access_token as string;
      const rows = (await sql`select * from identity_token`.execute(t.database.db)).rows;
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(rows.some((r) => (r as { token_hash: string }).token_hash === sha256(token))).toBe(true);
    });

    it('takes credentials only as application/json: 415 for text/plain, forms or no content type', async () => {
      const body = JSON.stringify({ username: 'dr.li', password: 'dr.li-password' });
      const post = (headers: Record<string, string>, content: string | URLSearchParams = body) =>
        t.app.request('/auth/login', {
          method: 'POST',
          headers: { 'x-test-address': '192.0.2.77', ...headers },
          body: content,
        });
      const before = (await auditRows('login')).length;
      for (const type of [
        'text/plain',
        'text/plain;charset=UTF-8',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/jsonp',
      ]) {
        const res = await post({ 'content-type': type });
        expect(res.status, type).toBe(415);
        expect(await res.json()).toEqual({
          error: {
            code: 'invalid-input',
            message: 'Sign-in takes a JSON body (Content-Type: application/json)',
          },
        });
      }
      expect((await post({})).status).toBe(415);
      expect(
        (
          await post(
            { 'content-type': 'application/x-www-form-urlencoded' },
            new URLSearchParams({ username: 'dr.li', password: 'dr.li-password' }),
          )
        ).status,
      ).toBe(415);
      // Refused before any credential check: nothing audited, no failure counted.
      expect((await auditRows('login')).length).toBe(before);
      expect((await post({ 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
      expect((await post({ 'content-type': 'Application/JSON' })).status).toBe(200);
    });

    it('answers /auth/me', async () => {
      const token = await tokenFor('dr.li');
      const res = await call('GET', '/auth/me', { token });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        id: users['dr.li']!.id,
        username: 'dr.li',
        role: 'clinician',
        displayName: '李医生',
        scopes: ['user/*.*'],
        allowedModels: '*',
      });
      const patient = await call('GET', '/auth/me', { token: await tokenFor('patient.sun') });
      expect(await patient.json()).toMatchObject({
        role: 'patient',
        patientId: 'pat-1',
        scopes: ['patient/*.read', 'patient/Observation.write', 'patient/Device.write'],
      });
    });

    it('refuses wrong passwords and unknown users alike, and audits both', async () => {
      const wrong = await login('nurse.wang', 'not-the-password', '203.0.113.9');
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toEqual({
        error: { code: 'unauthenticated', message: 'Wrong username or password' },
      });
      const unknown = await login('nobody', 'whatever-password', '203.0.113.9');
      expect(unknown.status).toBe(401);
      expect(await unknown.json()).toEqual({
        error: { code: 'unauthenticated', message: 'Wrong username or password' },
      });
      const failures = (await auditRows('login')).filter(
        (r) => r.outcome === 'failure' && r.client_address === '203.0.113.9',
      );
      expect(failures.map((r) => [r.username, r.principal_id])).toEqual([
        ['nurse.wang', users['nurse.wang']!.id],
        ['anonymous', 'anonymous'],
      ]);
      const successes = (await auditRows('login')).filter((r) => r.outcome === 'success');
      expect(successes.map((r) => r.username)).toContain('dr.li');
    });

    it('throttles an account after 5 failures (429 + Retry-After) until the window passes', async () => {
      await createUser('throttled', 'nurse');
      for (let i = 0; i < 5; i++)
        expect((await login('throttled', 'wrong-password', `203.0.113.${i + 20}`)).status).toBe(401);
      const limited = await login('throttled', 'wrong-password', '203.0.113.30');
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({ error: { code: 'rate-limited' } });
      expect(Number(limited.headers.get('retry-after'))).toBe(900);
      // Even the right password waits.
      expect((await login('throttled', 'throttled-password', '203.0.113.31')).status).toBe(429);
      advance(10 * 60_000);
      expect(
        Number((await login('throttled', 'throttled-password', '203.0.113.32')).headers.get('retry-after')),
      ).toBe(300);
      advance(5 * 60_000 + 1000);
      expect((await login('throttled', 'throttled-password', '203.0.113.33')).status).toBe(200);
      const throttled = (await auditRows('login')).filter((r) => r.detail?.includes('throttled'));
      expect(throttled.length).toBeGreaterThanOrEqual(3);
    });

    it('resets the account counter on success', async () => {
      await createUser('resets', 'nurse');
      for (let i = 0; i < 4; i++) expect((await login('resets', 'wrong-password')).status).toBe(401);
      expect((await login('resets', 'resets-password')).status).toBe(200);
      for (let i = 0; i < 5; i++) expect((await login('resets', 'wrong-password')).status).toBe(401);
      expect((await login('resets', 'wrong-password')).status).toBe(429);
    });

    it('throttles a client address after 20 failures, whatever the account', async () => {
      for (let i = 0; i < 20; i++)
        expect((await login(`guess${i}`, 'wrong-password', '198.51.100.66')).status).toBe(401);
      const limited = await login('admin', t.adminPassword, '198.51.100.66');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await login('admin', t.adminPassword, '198.51.100.67')).status).toBe(200);
    });

    it('validates the body', async () => {
      expect((await call('POST', '/auth/login', { body: { username: 'x' } })).status).toBe(400);
      const res = await t.app.request('/auth/login', {
        method: 'POST',
        body: 'not json',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
    });
  });

  describe('tokens', () => {
    it('expire', async () => {
      const token = await tokenFor('nurse.wang');
      expect((await call('GET', '/auth/me', { token })).status).toBe(200);
      advance(3600_000 - 1000);
      expect((await call('GET', '/auth/me', { token })).status).toBe(200);
      advance(1000);
      const res = await call('GET', '/auth/me', { token });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
    });

    it('are revoked by logout at once', async () => {
      const token = await tokenFor('nurse.wang');
      expect((await call('GET', '/auth/me', { token })).status).toBe(200);
      expect((await call('POST', '/auth/logout', { token })).status).toBe(204);
      expect((await call('GET', '/auth/me', { token })).status).toBe(401);
      expect((await auditRows('logout')).map((r) => r.username)).toContain('nurse.wang');
    });

    it('are revoked by an administrator', async () => {
      const token = await tokenFor('pharm.chen');
      const other = await tokenFor('pharm.chen');
      expect((await call('GET', '/auth/me', { token })).status).toBe(200);
      const res = await call('POST', `/admin/users/${users['pharm.chen']!.id}/revoke-tokens`, {
        token: t.adminToken,
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { revoked: number }).revoked).toBeGreaterThanOrEqual(2);
      expect((await call('GET', '/auth/me', { token })).status).toBe(401);
      expect((await call('GET', '/auth/me', { token: other })).status).toBe(401);
    });

    it('refuse malformed and unknown bearers', async () => {
      expect((await call('GET', '/auth/me', { token: 'x' })).status).toBe(401);
      expect((await call('GET', '/auth/me', { token: 'A'.repeat(43) })).status).toBe(401);
      expect((await call('GET', '/auth/me', { token: `qh_${'A'.repeat(43)}` })).status).toBe(401);
    });
  });
});
