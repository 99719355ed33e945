/**
 * Sign-in: password check, the failed-attempt throttle (per account and per client address, counted
 * atomically before the check) and the new session token.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Principal, Role } from '@qihuang/contracts';
import type { IdentityContext } from './context.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { normaliseUsername, USERNAME } from './schemas.ts';
import { sha256 } from './tokens.ts';
import { ms, userPrincipal } from './views.ts';

export type LoginResult =
  | { ok: true; token: string; expiresIn: number; principal: Principal }
  | { ok: false; reason: 'invalid'; userId?: string; role?: Role }
  | { ok: false; reason: 'throttled'; retryAfter: number; userId?: string; role?: Role };

export function createSignIn(
  ctx: IdentityContext,
): (username: string, password: string, clientAddress?: string) => Promise<LoginResult> {
  const { db, clock, tokenTtlSeconds, throttle } = ctx;

  async function bumpThrottle(key: string, now: Date): Promise<{ failures: number; windowStart: Date }> {
    const cutoff = new Date(now.getTime() - throttle.windowSeconds * 1000);
    const { rows } = await sql<{ failures: number; window_start: Date | string }>`
      insert into identity_login_throttle (key, failures, window_start) values (${key}, 1, ${now})
      on conflict (key) do update set
        failures = case when identity_login_throttle.window_start <= ${cutoff} then 1
                        else identity_login_throttle.failures + 1 end,
        window_start = case when identity_login_throttle.window_start <= ${cutoff} then ${now}
                            else identity_login_throttle.window_start end
      returning failures, window_start`.execute(db);
    const row = rows[0]!;
    return { failures: Number(row.failures), windowStart: new Date(ms(row.window_start)) };
  }

  function findUserByName(username: string) {
    return db
      .selectFrom('identity_user')
      .select(['id', 'username', 'role', 'patient_id', 'disabled', 'password_hash'])
      .where('username', '=', username)
      .executeTakeFirst();
  }

  return async function login(rawUsername, passwordText, clientAddress) {
    const now = clock();
    const username = normaliseUsername(rawUsername);
    const known = USERNAME.test(username) ? await findUserByName(username) : undefined;
    const who = known ? { userId: known.id, role: known.role } : {};
    // Count the attempt before checking the password, atomically, so parallel guesses cannot slip past the
    // limit; a successful sign-in gives it back.
    const buckets: { key: string; limit: number }[] = [];
    if (USERNAME.test(username)) buckets.push({ key: `account:${username}`, limit: throttle.accountLimit });
    if (clientAddress) buckets.push({ key: `address:${clientAddress}`, limit: throttle.addressLimit });
    let retryAfter = 0;
    for (const bucket of buckets) {
      const state = await bumpThrottle(bucket.key, now);
      if (state.failures > bucket.limit) {
        const wait = Math.ceil(
          (state.windowStart.getTime() + throttle.windowSeconds * 1000 - now.getTime()) / 1000,
        );
        retryAfter = Math.max(retryAfter, wait, 1);
      }
    }
    if (retryAfter > 0) return { ok: false, reason: 'throttled', retryAfter, ...who };

    if (!known) {
      await verifyAgainstDummy(passwordText);
      return { ok: false, reason: 'invalid' };
    }
    const good = await verifyPassword(known.password_hash, passwordText);
    if (!good || known.disabled) return { ok: false, reason: 'invalid', ...who };

    await db.deleteFrom('identity_login_throttle').where('key', '=', `account:${username}`).execute();
    if (clientAddress) {
      await db
        .updateTable('identity_login_throttle')
        .set((eb) => ({ failures: sql<number>`greatest(${eb.ref('failures')} - 1, 0)` }))
        .where('key', '=', `address:${clientAddress}`)
        .execute();
    }
    const token = randomBytes(32).toString('base64url');
    const expires = new Date(now.getTime() + tokenTtlSeconds * 1000);
    await db
      .insertInto('identity_token')
      .values({
        token_hash: sha256(token),
        user_id: known.id,
        created_at: now,
        expires_at: expires,
        revoked_at: null,
      })
      .execute();
    // Housekeeping: throttle windows long over, and this user's tokens that expired more than a day ago.
    await db
      .deleteFrom('identity_login_throttle')
      .where('window_start', '<', new Date(now.getTime() - throttle.windowSeconds * 1000 - 86_400_000))
      .execute();
    await db
      .deleteFrom('identity_token')
      .where('user_id', '=', known.id)
      .where('expires_at', '<', new Date(now.getTime() - 86_400_000))
      .execute();
    return { ok: true, token, expiresIn: tokenTtlSeconds, principal: userPrincipal(known) };
  };
}
