import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { Database } from '@qihuang/store';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { createAuditLog, verifyAuditChain } from '@qihuang/audit';
import { ensureInitialAdmin } from './identity.ts';
import {
  authenticate,
  createAdminRoutes,
  createAuthRoutes,
  gatewayAuthFrom,
  resolvePrincipal,
  type AuthEnv,
  type RouteDeps,
} from './routes.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const HOUR = 3600_000;

describe.each(DATABASE_KINDS)('identity on %s', (kind) => {
  let database: Database;
  let now = new Date('2026-03-01T08:00:00.000Z');
  const clock = () => now;
  const advance = (ms: number) => void (now = new Date(now.getTime() + ms));
  let app: Hono;
  let deps: RouteDeps;
  let adminPassword = '';
  let adminToken = '';
  const users: Record<string, { id: string; password: string }> = {};

  async function call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; address?: string } = {},
  ) {
    const headers: Record<string, string> = { 'x-test-address': options.address ?? '192.0.2.1' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return app.request(path, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  }
  const login = (username: string, password: string, address?: string) =>
    call('POST', '/auth/login', { body: { username, password }, address });
  async function tokenFor(username: string, password = users[username]?.password ?? '') {
    const res = await login(username, password, '198.51.100.200');
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  }
  async function createUser(username: string, role: string, extra: Record<string, unknown> = {}) {
    const password = `${username}-password`;
    const res = await call('POST', '/admin/users', {
      token: adminToken,
      body: { username, password, role, ...extra },
    });
    expect(res.status).toBe(201);
    const user = (await res.json()) as { id: string };
    users[username] = { id: user.id, password };
    return user;
  }
  const auditRows = async (action: string) =>
    (
      await sql<{
        username: string;
        outcome: string;
        detail: string | null;
        principal_id: string;
        client_address: string | null;
      }>`
        select username, outcome, detail, principal_id, client_address from audit_entry where action = ${action} order by seq`.execute(
        database.db,
      )
    ).rows;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await ensureInitialAdmin(database.db, { clock });
    expect(first).toMatchObject({ created: true, username: 'admin' });
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    adminPassword = first.generatedPassword!;
    deps = {
      db: database.db,
      audit: createAuditLog({ clock }),
      clock,
      tokenTtlSeconds: 3600,
      clientAddress: (c) => c.req.header('x-test-address'),
    };
    app = new Hono();
    app.route('/auth', createAuthRoutes(deps));
    app.route('/admin', createAdminRoutes(deps));
    adminToken = await tokenFor('admin', adminPassword);
    await createUser('dr.li', 'clinician', { displayName: '李医生' });
    await createUser('nurse.wang', 'nurse');
    await createUser('auditor.zhao', 'auditor');
    await createUser('pharm.chen', 'pharmacist');
    await createUser('patient.sun', 'patient', { patientId: 'pat-1' });
  });
  afterAll(async () => {
    await database?.close();
  });
  // Tests move the clock past the token lifetime: start each with a fresh admin session.
  beforeEach(async () => {
    adminToken = await tokenFor('admin', adminPassword);
  });

  describe('initial admin', () => {
    it('does nothing once a user exists', async () => {
      expect(await ensureInitialAdmin(database.db, { password: 'another-password' })).toEqual({
        created: false,
        username: 'admin',
      });
    });
    it('uses the given password on an empty database', async () => {
      await expect(
        database.db.transaction().execute(async (trx) => {
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
      await expect(ensureInitialAdmin(database.db, { password: 'short' })).resolves.toMatchObject({
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
      const rows = (await sql`select * from identity_token`.execute(database.db)).rows;
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(rows.some((r) => (r as { token_hash: string }).token_hash === sha256(token))).toBe(true);
    });

    it('takes credentials only as application/json: 415 for text/plain, forms or no content type', async () => {
      const body = JSON.stringify({ username: 'dr.li', password: 'dr.li-password' });
      const post = (headers: Record<string, string>, content: string | URLSearchParams = body) =>
        app.request('/auth/login', {
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
      const limited = await login('admin', adminPassword, '198.51.100.66');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await login('admin', adminPassword, '198.51.100.67')).status).toBe(200);
    });

    it('validates the body', async () => {
      expect((await call('POST', '/auth/login', { body: { username: 'x' } })).status).toBe(400);
      const res = await app.request('/auth/login', {
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
        token: adminToken,
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

  describe('API keys', () => {
    it('are shown once, stored hashed, scoped, and record last use at most once a minute', async () => {
      const res = await call('POST', '/admin/api-keys', {
        token: adminToken,
        body: {
          name: 'lab-interface',
          scopes: ['system/Observation.write', 'system/Patient.read'],
          allowedModels: ['clinical-default'],
          rateLimit: 60,
        },
      });
      expect(res.status).toBe(201);
      const created = (await res.json()) as {
        id: string;
        key: string;
        prefix: string;
        scopes: string[];
        revoked: boolean;
      };
      expect(created.key).toMatch(/^qh_[A-Za-z0-9_-]{43}$/);
      expect(created).toMatchObject({
        name: 'lab-interface',
        revoked: false,
        prefix: created.key.slice(0, 9),
        allowedModels: ['clinical-default'],
        rateLimit: 60,
      });
      const listed = await (await call('GET', '/admin/api-keys', { token: adminToken })).json();
      expect(JSON.stringify(listed)).not.toContain(created.key);
      expect(JSON.stringify(listed)).not.toContain('hash');
      const rows = (await sql`select * from identity_api_key where id = ${created.id}`.execute(database.db))
        .rows;
      expect(JSON.stringify(rows)).not.toContain(created.key);
      expect((rows[0] as { key_hash: string }).key_hash).toBe(sha256(created.key));

      const me = await call('GET', '/auth/me', { token: created.key });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({
        id: created.id,
        role: 'service',
        scopes: ['system/Observation.write', 'system/Patient.read'],
        allowedModels: ['clinical-default'],
      });
      const lastUsed = async () =>
        (
          await sql<{
            last_used_at: Date | null;
          }>`select last_used_at from identity_api_key where id = ${created.id}`.execute(database.db)
        ).rows[0]?.last_used_at?.toISOString();
      const first = now.toISOString();
      expect(await lastUsed()).toBe(first);
      advance(30_000);
      await call('GET', '/auth/me', { token: created.key });
      expect(await lastUsed()).toBe(first);
      advance(31_000);
      await call('GET', '/auth/me', { token: created.key });
      expect(await lastUsed()).toBe(now.toISOString());

      const gateway = await gatewayAuthFrom(deps).authenticate(`Bearer ${created.key}`);
      expect(gateway).toMatchObject({
        id: created.id,
        kind: 'key',
        role: 'service',
        allowedModels: ['clinical-default'],
        rateLimit: 60,
      });

      const revoke = await call('DELETE', `/admin/api-keys/${created.id}`, { token: adminToken });
      expect(revoke.status).toBe(200);
      expect(await revoke.json()).toMatchObject({ id: created.id, revoked: true });
      expect((await call('GET', '/auth/me', { token: created.key })).status).toBe(401);
      await expect(gatewayAuthFrom(deps).authenticate(created.key)).rejects.toMatchObject({
        code: 'unauthenticated',
      });
    });

    it('expire', async () => {
      const res = await call('POST', '/admin/api-keys', {
        token: adminToken,
        body: {
          name: 'short-lived',
          scopes: ['system/*.read'],
          expiresAt: new Date(now.getTime() + HOUR).toISOString(),
        },
      });
      const { key } = (await res.json()) as { key: string };
      expect((await call('GET', '/auth/me', { token: key })).status).toBe(200);
      advance(HOUR);
      expect((await call('GET', '/auth/me', { token: key })).status).toBe(401);
    });

    it('refuse unknown or patient scopes and past expiry', async () => {
      for (const body of [
        { name: 'x', scopes: ['system/*.everything'] },
        { name: 'x', scopes: ['admin'] },
        { name: 'x', scopes: ['patient/*.read'] },
        { name: 'x', scopes: [], expiresAt: '2000-01-01T00:00:00Z' },
        { name: '', scopes: [] },
      ]) {
        const res = await call('POST', '/admin/api-keys', { token: adminToken, body });
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ error: { code: 'invalid-input' } });
      }
    });
  });

  describe('every route: 401 without or with a dead token, 403 for the wrong role, OK for the right one', () => {
    const routes: {
      method: string;
      path: () => string;
      body?: () => unknown;
      wrong?: string;
      right: string;
      ok: number;
    }[] = [
      { method: 'GET', path: () => '/auth/me', right: 'nurse.wang', ok: 200 },
      { method: 'POST', path: () => '/auth/logout', right: 'nurse.wang', ok: 204 },
      { method: 'GET', path: () => '/admin/users', wrong: 'dr.li', right: 'admin', ok: 200 },
      {
        method: 'POST',
        path: () => '/admin/users',
        body: () => ({
          username: `u${Math.random().toString(36).slice(2, 8)}`,
          password: 'long-enough-1',
          role: 'nurse',
        }),
        wrong: 'auditor.zhao',
        right: 'admin',
        ok: 201,
      },
      {
        method: 'PATCH',
        path: () => `/admin/users/${users['dr.li']!.id}`,
        body: () => ({ displayName: '李医生' }),
        wrong: 'dr.li',
        right: 'admin',
        ok: 200,
      },
      {
        method: 'POST',
        path: () => `/admin/users/${users['patient.sun']!.id}/revoke-tokens`,
        wrong: 'patient.sun',
        right: 'admin',
        ok: 200,
      },
      { method: 'GET', path: () => '/admin/api-keys', wrong: 'pharm.chen', right: 'admin', ok: 200 },
      {
        method: 'POST',
        path: () => '/admin/api-keys',
        body: () => ({ name: 'k', scopes: ['system/*.read'] }),
        wrong: 'dr.li',
        right: 'admin',
        ok: 201,
      },
      {
        method: 'DELETE',
        path: () => '/admin/api-keys/no-such-key',
        wrong: 'nurse.wang',
        right: 'admin',
        ok: 404,
      },
      {
        method: 'GET',
        path: () => '/admin/audit/export',
        wrong: 'nurse.wang',
        right: 'auditor.zhao',
        ok: 200,
      },
    ];

    it.each(routes)('$method $path', async (route) => {
      const noToken = await call(route.method, route.path(), { body: route.body?.() });
      expect(noToken.status).toBe(401);
      expect(await noToken.json()).toMatchObject({ error: { code: 'unauthenticated' } });

      const expiring = await tokenFor(route.right, route.right === 'admin' ? adminPassword : undefined);
      advance(3600_000);
      expect((await call(route.method, route.path(), { token: expiring, body: route.body?.() })).status).toBe(
        401,
      );

      const revoked = await tokenFor(route.right, route.right === 'admin' ? adminPassword : undefined);
      expect((await call('POST', '/auth/logout', { token: revoked })).status).toBe(204);
      expect((await call(route.method, route.path(), { token: revoked, body: route.body?.() })).status).toBe(
        401,
      );

      if (route.wrong) {
        const wrong = await tokenFor(route.wrong);
        const res = await call(route.method, route.path(), { token: wrong, body: route.body?.() });
        expect(res.status).toBe(403);
        expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
      }
      const right = await tokenFor(route.right, route.right === 'admin' ? adminPassword : undefined);
      const res = await call(route.method, route.path(), { token: right, body: route.body?.() });
      expect(res.status).toBe(route.ok);
      if (route.right === 'admin') adminToken = await tokenFor('admin', adminPassword);
    });
  });

  describe('user administration', () => {
    it('links patient users to a Patient and refuses bad input', async () => {
      const missing = await call('POST', '/admin/users', {
        token: adminToken,
        body: { username: 'pat2', password: 'long-enough-1', role: 'patient' },
      });
      expect(missing.status).toBe(400);
      const linkedNurse = await call('POST', '/admin/users', {
        token: adminToken,
        body: { username: 'n2', password: 'long-enough-1', role: 'nurse', patientId: 'p' },
      });
      expect(linkedNurse.status).toBe(400);
      const duplicate = await call('POST', '/admin/users', {
        token: adminToken,
        body: { username: 'DR.LI', password: 'long-enough-1', role: 'nurse' },
      });
      expect(duplicate.status).toBe(409);
      const short = await call('POST', '/admin/users', {
        token: adminToken,
        body: { username: 'n3', password: 'short', role: 'nurse' },
      });
      expect(short.status).toBe(400);
      const extra = await call('PATCH', `/admin/users/${users['dr.li']!.id}`, {
        token: adminToken,
        body: { passwordHash: 'x' },
      });
      expect(extra.status).toBe(400);
      expect(
        (await call('PATCH', '/admin/users/nope', { token: adminToken, body: { disabled: true } })).status,
      ).toBe(404);
    });

    it('never returns password hashes', async () => {
      const list = await (await call('GET', '/admin/users', { token: adminToken })).text();
      expect(list).not.toMatch(/argon2|password/i);
      expect(JSON.parse(list)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ username: 'dr.li', role: 'clinician', disabled: false }),
        ]),
      );
    });

    it('disabling a user ends their sessions and sign-in', async () => {
      await createUser('leaver', 'clinician');
      const token = await tokenFor('leaver');
      const res = await call('PATCH', `/admin/users/${users.leaver!.id}`, {
        token: adminToken,
        body: { disabled: true },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ disabled: true });
      expect((await call('GET', '/auth/me', { token })).status).toBe(401);
      expect((await login('leaver', 'leaver-password')).status).toBe(401);
    });

    it('a new password ends old sessions; a role change applies at once', async () => {
      await createUser('changer', 'nurse');
      const token = await tokenFor('changer');
      await call('PATCH', `/admin/users/${users.changer!.id}`, {
        token: adminToken,
        body: { role: 'pharmacist' },
      });
      expect(await (await call('GET', '/auth/me', { token })).json()).toMatchObject({ role: 'pharmacist' });
      await call('PATCH', `/admin/users/${users.changer!.id}`, {
        token: adminToken,
        body: { password: 'a-brand-new-one' },
      });
      expect((await call('GET', '/auth/me', { token })).status).toBe(401);
      expect((await login('changer', 'changer-password')).status).toBe(401);
      expect((await login('changer', 'a-brand-new-one')).status).toBe(200);
    });

    it('keeps at least one active admin', async () => {
      const admins = (await (await call('GET', '/admin/users', { token: adminToken })).json()) as {
        id: string;
        role: string;
      }[];
      const self = admins.find((u) => u.role === 'admin')!;
      const res = await call('PATCH', `/admin/users/${self.id}`, {
        token: adminToken,
        body: { role: 'clinician' },
      });
      expect(res.status).toBe(409);
      expect(
        (await call('PATCH', `/admin/users/${self.id}`, { token: adminToken, body: { disabled: true } }))
          .status,
      ).toBe(409);
    });

    it('audits every admin action, including refusals', async () => {
      const rows = await auditRows('admin');
      const operations = rows.map((r) => JSON.parse(r.detail ?? '{}').operation as string);
      for (const op of [
        'users.create',
        'users.update',
        'users.list',
        'users.revoke-tokens',
        'api-keys.create',
        'api-keys.list',
        'api-keys.revoke',
      ]) {
        expect(operations).toContain(op);
      }
      expect(rows.some((r) => r.outcome === 'failure' && r.detail?.includes('conflict'))).toBe(true);
      expect(JSON.stringify(rows)).not.toMatch(/password"|long-enough-1|a-brand-new-one/);
    });
  });

  describe('audit export and shared pieces', () => {
    it('exports NDJSON to auditors, and audits the export', async () => {
      const token = await tokenFor('auditor.zhao');
      const res = await app.request('/admin/audit/export?action=E&since=2026-01-01', {
        headers: { authorization: `Bearer ${token}`, 'x-test-address': '192.0.2.5' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/x-ndjson');
      const lines = (await res.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { resourceType: string; action: string });
      expect(lines.length).toBeGreaterThan(10);
      expect(lines.every((l) => l.resourceType === 'AuditEvent' && l.action === 'E')).toBe(true);
      expect((await auditRows('export')).map((r) => r.username)).toContain('auditor.zhao');
      const bad = await app.request('/admin/audit/export?date=yesterday', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(bad.status).toBe(400);
    });

    it('authenticate() and resolvePrincipal() resolve the same principal', async () => {
      const token = await tokenFor('dr.li');
      const custom = new Hono<AuthEnv>();
      custom.use('*', authenticate({ db: database.db, clock }));
      custom.get('/who', (c) => c.json(c.get('principal')));
      custom.onError((error, c) => c.json({ status: (error as { status?: number }).status }, 500));
      expect(
        await (await custom.request('/who', { headers: { authorization: `Bearer ${token}` } })).json(),
      ).toMatchObject({ username: 'dr.li', role: 'clinician' });
      expect(await (await custom.request('/who')).json()).toEqual({ status: 401 });
      await expect(resolvePrincipal(database.db, `Bearer ${token}`, { clock })).resolves.toMatchObject({
        id: users['dr.li']!.id,
        kind: 'user',
      });
      await expect(resolvePrincipal(database.db, undefined)).rejects.toMatchObject({
        code: 'unauthenticated',
      });
      expect(await gatewayAuthFrom({ db: database.db, clock }).authenticate(token)).toMatchObject({
        kind: 'user',
        role: 'clinician',
        allowedModels: '*',
      });
    });

    it('cached lookups stay well under a millisecond', async () => {
      const token = await tokenFor('dr.li');
      await resolvePrincipal(database.db, token, { clock });
      const started = performance.now();
      for (let i = 0; i < 1000; i++) await resolvePrincipal(database.db, token, { clock });
      expect((performance.now() - started) / 1000).toBeLessThan(1);
    });

    it('leaves an intact audit chain behind', async () => {
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    });
  });
});
