/**
 * Bearer tokens and API keys → callers: the lookup (cached per database handle, see ./token-cache.ts), the
 * API key's last-used stamp, sign-out and revocation of a user's sessions.
 */
import { createHash } from 'node:crypto';
import { QihuangError } from '@qihuang/contracts';
import type { IdentityContext } from './context.ts';
import { identityDb, type AnyKysely } from './tables.ts';
import type { CacheEntry, ResolvedCaller } from './token-cache.ts';
import { modelsOf, ms, userPrincipal } from './views.ts';

const LAST_USED_INTERVAL_MS = 60_000;

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

const unauthenticated = (message = 'Invalid or expired access token') =>
  new QihuangError('unauthenticated', message, {
    headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
  });

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

export interface Tokens {
  resolveCaller(bearer: string | null | undefined): Promise<ResolvedCaller>;
  logout(token: string): Promise<void>;
  revokeUserTokens(executor: AnyKysely, userId: string): Promise<number>;
  forget(id: string): void;
}

export function createTokens(ctx: IdentityContext): Tokens {
  const { db, clock, cacheTtlMs, cache } = ctx;

  async function touchKey(keyId: string, now: Date): Promise<void> {
    await db
      .updateTable('identity_api_key')
      .set({ last_used_at: now })
      .where('id', '=', keyId)
      .where((eb) =>
        eb.or([
          eb('last_used_at', 'is', null),
          eb('last_used_at', '<', new Date(now.getTime() - LAST_USED_INTERVAL_MS)),
        ]),
      )
      .execute();
  }

  async function lookup(token: string, hash: string, now: Date): Promise<CacheEntry> {
    const freshUntil = performance.now() + cacheTtlMs;
    if (token.startsWith('qh_')) {
      const key = await db
        .selectFrom('identity_api_key')
        .select([
          'id',
          'name',
          'scopes',
          'allowed_models',
          'rate_limit',
          'expires_at',
          'revoked_at',
          'last_used_at',
        ])
        .where('key_hash', '=', hash)
        .executeTakeFirst();
      if (!key || key.revoked_at !== null) throw unauthenticated();
      const expiresAt = key.expires_at ? ms(key.expires_at) : Infinity;
      if (expiresAt <= now.getTime()) throw unauthenticated('API key expired');
      let lastUsedWrite = key.last_used_at ? ms(key.last_used_at) : -Infinity;
      if (now.getTime() - lastUsedWrite >= LAST_USED_INTERVAL_MS) {
        await touchKey(key.id, now);
        lastUsedWrite = now.getTime();
      }
      return {
        principal: {
          id: key.id,
          kind: 'key',
          username: key.name,
          role: 'service',
          scopes: key.scopes,
          allowedModels: modelsOf(key.allowed_models),
        },
        ...(key.rate_limit !== null ? { rateLimit: key.rate_limit } : {}),
        expiresAt,
        freshUntil,
        lastUsedWrite,
      };
    }
    const row = await db
      .selectFrom('identity_token as t')
      .innerJoin('identity_user as u', 'u.id', 't.user_id')
      .select(['t.expires_at', 't.revoked_at', 'u.id', 'u.username', 'u.role', 'u.patient_id', 'u.disabled'])
      .where('t.token_hash', '=', hash)
      .executeTakeFirst();
    if (!row || row.revoked_at !== null || row.disabled) throw unauthenticated();
    const expiresAt = ms(row.expires_at);
    if (expiresAt <= now.getTime()) throw unauthenticated('Access token expired');
    return { principal: userPrincipal(row), expiresAt, freshUntil, lastUsedWrite: 0 };
  }

  function bearerToken(bearer: string | null | undefined): string {
    const token = (bearer ?? '').replace(/^Bearer\s+/i, '').trim();
    if (!token) {
      throw new QihuangError('unauthenticated', 'Sign in first (Authorization: Bearer <token>)', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    }
    if (!TOKEN_SHAPE.test(token)) throw unauthenticated();
    return token;
  }

  async function resolveCaller(bearer: string | null | undefined): Promise<ResolvedCaller> {
    const token = bearerToken(bearer);
    const hash = sha256(token);
    const now = clock();
    const cached = cacheTtlMs > 0 ? cache.get(hash) : undefined;
    if (cached) {
      if (cached.expiresAt <= now.getTime()) {
        cache.delete(hash);
        throw unauthenticated('Access token expired');
      }
      if (cached.principal.kind === 'key' && now.getTime() - cached.lastUsedWrite >= LAST_USED_INTERVAL_MS) {
        cached.lastUsedWrite = now.getTime();
        await touchKey(cached.principal.id, now);
      }
      return cached;
    }
    const entry = await lookup(token, hash, now);
    if (cacheTtlMs > 0) cache.set(hash, entry);
    return entry;
  }

  async function logout(token: string): Promise<void> {
    const hash = sha256(token.replace(/^Bearer\s+/i, '').trim());
    cache.delete(hash);
    await db
      .updateTable('identity_token')
      .set({ revoked_at: clock() })
      .where('token_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async function revokeUserTokens(executor: AnyKysely, userId: string): Promise<number> {
    const result = await identityDb(executor)
      .updateTable('identity_token')
      .set({ revoked_at: clock() })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    forget(userId);
    return Number(result.numUpdatedRows);
  }

  function forget(id: string): void {
    cache.deleteWhere((entry) => entry.principal.id === id);
  }

  return { resolveCaller, logout, revokeUserTokens, forget };
}
