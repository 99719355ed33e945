/**
 * Route tests of /admin: the access matrix of every route, user administration, audit export, and the
 * authenticate / resolvePrincipal / gateway helpers.
 * The database, users and helpers come from ./test-support/routes-harness.ts.
 */
import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { verifyAuditChain } from '@qihuang/audit';
import { authenticate, gatewayAuthFrom, resolvePrincipal, type AuthEnv } from './routes.ts';
import { useIdentityRoutes } from './test-support/routes-harness.ts';

describe.each(DATABASE_KINDS)('identity on %s', (kind) => {
  const t = useIdentityRoutes(kind);
  const { call, login, tokenFor, createUser, auditRows, advance, clock, users } = t;

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

      const expiring = await tokenFor(route.right, route.right === 'admin' ? t.adminPassword : undefined);
      advance(3600_000);
      expect((await call(route.method, route.path(), { token: expiring, body: route.body?.() })).status).toBe(
        401,
      );

      const revoked = await tokenFor(route.right, route.right === 'admin' ? t.adminPassword : undefined);
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
      const right = await tokenFor(route.right, route.right === 'admin' ? t.adminPassword : undefined);
      const res = await call(route.method, route.path(), { token: right, body: route.body?.() });
      expect(res.status).toBe(route.ok);
      if (route.right === 'admin') t.adminToken = await tokenFor('admin', t.adminPassword);
    });
  });

  describe('user administration', () => {
    it('links patient users to a Patient and refuses bad input', async () => {
      const missing = await call('POST', '/admin/users', {
        token: t.adminToken,
        body: { username: 'pat2', password: 'long-enough-1', role: 'patient' },
      });
      expect(missing.status).toBe(400);
      const linkedNurse = await call('POST', '/admin/users', {
        token: t.adminToken,
        body: { username: 'n2', password: 'long-enough-1', role: 'nurse', patientId: 'p' },
      });
      expect(linkedNurse.status).toBe(400);
      const duplicate = await call('POST', '/admin/users', {
        token: t.adminToken,
        body: { username: 'DR.LI', password: 'long-enough-1', role: 'nurse' },
      });
      expect(duplicate.status).toBe(409);
      const short = await call('POST', '/admin/users', {
        token: t.adminToken,
        body: { username: 'n3', password: 'short', role: 'nurse' },
      });
      expect(short.status).toBe(400);
      const extra = await call('PATCH', `/admin/users/${users['dr.li']!.id}`, {
        token: t.adminToken,
        body: { passwordHash: 'x' },
      });
      expect(extra.status).toBe(400);
      expect(
        (await call('PATCH', '/admin/users/nope', { token: t.adminToken, body: { disabled: true } })).status,
      ).toBe(404);
    });

    it('refuses a common password or the username as password with a 400 saying why (issue 21)', async () => {
      for (const [body, why] of [
        [{ username: 'n4', password: 'password', role: 'nurse' }, 'password: too common'],
        [{ username: 'n5', password: '12345678', role: 'nurse' }, 'password: too common'],
        [
          { username: 'nurse.five', password: 'nurse.five', role: 'nurse' },
          'password: too close to the username',
        ],
        [{ username: 'adm2', password: 'short-but-ok', role: 'admin' }, 'password: at least 15 characters'],
      ] as const) {
        const res = await call('POST', '/admin/users', { token: t.adminToken, body });
        expect(res.status, body.password).toBe(400);
        expect(await res.text()).toContain(why);
      }
      const adminId = (
        (await (await call('GET', '/admin/users', { token: t.adminToken })).json()) as {
          id: string;
          username: string;
        }[]
      ).find((u) => u.username === 'admin')!.id;
      const reset = await call('PATCH', `/admin/users/${adminId}`, {
        token: t.adminToken,
        body: { password: '12345678' },
      });
      expect(reset.status).toBe(400);
      expect(await reset.text()).toContain('password: too common');
    });

    it('never returns password hashes', async () => {
      const list = await (await call('GET', '/admin/users', { token: t.adminToken })).text();
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
        token: t.adminToken,
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
        token: t.adminToken,
        body: { role: 'pharmacist' },
      });
      expect(await (await call('GET', '/auth/me', { token })).json()).toMatchObject({ role: 'pharmacist' });
      await call('PATCH', `/admin/users/${users.changer!.id}`, {
        token: t.adminToken,
        body: { password: 'a-brand-new-one' },
      });
      expect((await call('GET', '/auth/me', { token })).status).toBe(401);
      expect((await login('changer', 'changer-password')).status).toBe(401);
      expect((await login('changer', 'a-brand-new-one')).status).toBe(200);
    });

    it('keeps at least one active admin', async () => {
      const admins = (await (await call('GET', '/admin/users', { token: t.adminToken })).json()) as {
        id: string;
        role: string;
      }[];
      const self = admins.find((u) => u.role === 'admin')!;
      const res = await call('PATCH', `/admin/users/${self.id}`, {
        token: t.adminToken,
        body: { role: 'clinician' },
      });
      expect(res.status).toBe(409);
      expect(
        (await call('PATCH', `/admin/users/${self.id}`, { token: t.adminToken, body: { disabled: true } }))
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
      const res = await t.app.request('/admin/audit/export?action=E&since=2026-01-01', {
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
      const bad = await t.app.request('/admin/audit/export?date=yesterday', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(bad.status).toBe(400);
    });

    it('authenticate() and resolvePrincipal() resolve the same principal', async () => {
      const token = await tokenFor('dr.li');
      const custom = new Hono<AuthEnv>();
      custom.use('*', authenticate({ db: t.database.db, clock }));
      custom.get('/who', (c) => c.json(c.get('principal')));
      custom.onError((error, c) => c.json({ status: (error as { status?: number }).status }, 500));
      expect(
        await (await custom.request('/who', { headers: { authorization: `Bearer ${token}` } })).json(),
      ).toMatchObject({ username: 'dr.li', role: 'clinician' });
      expect(await (await custom.request('/who')).json()).toEqual({ status: 401 });
      await expect(resolvePrincipal(t.database.db, `Bearer ${token}`, { clock })).resolves.toMatchObject({
        id: users['dr.li']!.id,
        kind: 'user',
      });
      await expect(resolvePrincipal(t.database.db, undefined)).rejects.toMatchObject({
        code: 'unauthenticated',
      });
      expect(await gatewayAuthFrom({ db: t.database.db, clock }).authenticate(token)).toMatchObject({
        kind: 'user',
        role: 'clinician',
        allowedModels: '*',
      });
    });

    it('cached lookups stay well under a millisecond', async () => {
      const token = await tokenFor('dr.li');
      await resolvePrincipal(t.database.db, token, { clock });
      const started = performance.now();
      for (let i = 0; i < 1000; i++) await resolvePrincipal(t.database.db, token, { clock });
      expect((performance.now() - started) / 1000).toBeLessThan(1);
    });

    it('leaves an intact audit chain behind', async () => {
      expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
    });
  });
});
