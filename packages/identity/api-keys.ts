/** API keys: listing, creation (the key is returned once; only its sha256 is stored) and revocation. */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { QihuangError } from '@qihuang/contracts';
import type { IdentityContext } from './context.ts';
import { NewApiKeySchema, parseWith, type NewApiKey } from './schemas.ts';
import { identityDb, type AnyKysely } from './tables.ts';
import { sha256, type Tokens } from './tokens.ts';
import { apiKeyView, KEY_COLUMNS, type ApiKeyView } from './views.ts';

export interface ApiKeys {
  listApiKeys(executor?: AnyKysely): Promise<ApiKeyView[]>;
  /** The key itself is in `key` and is returned only here. */
  createApiKey(
    executor: AnyKysely,
    input: NewApiKey,
    createdBy: string,
  ): Promise<ApiKeyView & { key: string }>;
  revokeApiKey(executor: AnyKysely, id: string): Promise<ApiKeyView>;
}

export function createApiKeys(ctx: IdentityContext, { forget }: Pick<Tokens, 'forget'>): ApiKeys {
  const { clock } = ctx;
  return {
    async listApiKeys(executor = ctx.rawDb) {
      const rows = await identityDb(executor)
        .selectFrom('identity_api_key')
        .select(KEY_COLUMNS)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(apiKeyView);
    },

    async createApiKey(executor, rawInput, createdBy) {
      const input = parseWith(NewApiKeySchema, rawInput);
      const now = clock();
      if (input.expiresAt && new Date(input.expiresAt).getTime() <= now.getTime()) {
        throw new QihuangError('invalid-input', 'expiresAt: must be in the future');
      }
      const key = `qh_${randomBytes(32).toString('base64url')}`;
      const row = await identityDb(executor)
        .insertInto('identity_api_key')
        .values({
          id: randomUUID(),
          name: input.name,
          key_hash: sha256(key),
          prefix: key.slice(0, 9),
          scopes: input.scopes,
          allowed_models: input.allowedModels === '*' ? ['*'] : input.allowedModels,
          rate_limit: input.rateLimit ?? null,
          created_by: createdBy,
          created_at: now,
          expires_at: input.expiresAt ? new Date(input.expiresAt) : null,
          revoked_at: null,
          last_used_at: null,
        })
        .returning(KEY_COLUMNS)
        .executeTakeFirstOrThrow();
      return { ...apiKeyView(row), key };
    },

    async revokeApiKey(executor, id) {
      const edb = identityDb(executor);
      const row = await edb
        .updateTable('identity_api_key')
        .set({ revoked_at: sql<Date>`coalesce(revoked_at, ${clock()})` })
        .where('id', '=', id)
        .returning(KEY_COLUMNS)
        .executeTakeFirst();
      if (!row) throw new QihuangError('not-found', `No API key ${id}`);
      forget(id);
      return apiKeyView(row);
    },
  };
}
