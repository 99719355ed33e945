/**
 * Route tests of /admin/api-keys: creation, hashing, scopes, last use, expiry and revocation.
 * The database, users and helpers come from ./test-support/routes-harness.ts.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { gatewayAuthFrom } from './routes.ts';
import { useIdentityRoutes } from './test-support/routes-harness.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const HOUR = 3600_000;

describe.each(DATABASE_KINDS)('identity on %s', (kind) => {
  const t = useIdentityRoutes(kind);
  const { call, advance } = t;

  describe('API keys', () => {
    it('are shown once, stored hashed, scoped, and record last use at most once a minute', async () => {
      const res = await call('POST', '/admin/api-keys', {
        token: t.adminToken,
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
      const listed = await (await call('GET', '/admin/api-keys', { token: t.adminToken })).json();
      expect(JSON.stringify(listed)).not.toContain(created.key);
      expect(JSON.stringify(listed)).not.toContain('hash');
      const rows = (await sql`select * from identity_api_key where id = ${created.id}`.execute(t.database.db))
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
          }>`select last_used_at from identity_api_key where id = ${created.id}`.execute(t.database.db)
        ).rows[0]?.last_used_at?.toISOString();
      const first = t.now.toISOString();
      expect(await lastUsed()).toBe(first);
      advance(30_000);
      await call('GET', '/auth/me', { token: created.key });
      expect(await lastUsed()).toBe(first);
      advance(31_000);
      await call('GET', '/auth/me', { token: created.key });
      expect(await lastUsed()).toBe(t.now.toISOString());

      const gateway = await gatewayAuthFrom(t.deps).authenticate(`Bearer ${created.key}`);
      expect(gateway).toMatchObject({
        id: created.id,
        kind: 'key',
        role: 'service',
        allowedModels: ['clinical-default'],
        rateLimit: 60,
      });

      const revoke = await call('DELETE', `/admin/api-keys/${created.id}`, { token: t.adminToken });
      expect(revoke.status).toBe(200);
      expect(await revoke.json()).toMatchObject({ id: created.id, revoked: true });
      expect((await call('GET', '/auth/me', { token: created.key })).status).toBe(401);
      await expect(gatewayAuthFrom(t.deps).authenticate(created.key)).rejects.toMatchObject({
        code: 'unauthenticated',
      });
    });

    it('expire', async () => {
      const res = await call('POST', '/admin/api-keys', {
        token: t.adminToken,
        body: {
          name: 'short-lived',
          scopes: ['system/*.read'],
          expiresAt: new Date(t.now.getTime() + HOUR).toISOString(),
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
        const res = await call('POST', '/admin/api-keys', { token: t.adminToken, body });
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ error: { code: 'invalid-input' } });
      }
    });
  });
});
