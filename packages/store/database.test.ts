import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest } from '@qihuang/store';
import {
  DATABASE_KINDS,
  POSTGRES_TEST_URL,
  createPostgresTestDatabase,
  openTestDatabase,
} from '@qihuang/test-kit';
import { MIGRATIONS } from '@qihuang/migrations';
import { migrations as STORE_MIGRATIONS } from './migrations/index.ts';

describe.each(DATABASE_KINDS)('database on %s', (kind) => {
  it('migrates and runs transactions that roll back on error', async () => {
    const database = await openTestDatabase(kind);
    try {
      await expect(
        database.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('kv_setting')
            .values({ key: 'a', value: JSON.stringify(1) })
            .execute();
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const rows = await database.db.selectFrom('kv_setting').selectAll().execute();
      expect(rows).toHaveLength(0);
      expect(await migrateToLatest(database.db, MIGRATIONS)).toEqual([]);
      // A list that lacks a migration the database already ran (a root passing the store's list alone) is refused.
      await expect(migrateToLatest(database.db, STORE_MIGRATIONS)).rejects.toThrow(
        /previously executed migration 0100-identity is missing/,
      );
    } finally {
      await database.close();
    }
  });
});

describe('embedded database lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qihuang-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second opener with a message naming the holder, and reopens after close', async () => {
    const first = await openDatabase({ migrations: STORE_MIGRATIONS, dataDir: dir });
    await expect(openDatabase({ migrations: STORE_MIGRATIONS, dataDir: dir })).rejects.toThrow(
      new RegExp(`in use by process ${process.pid}`),
    );
    await first.db
      .insertInto('kv_setting')
      .values({ key: 'kept', value: JSON.stringify('yes') })
      .execute();
    await first.close();
    const second = await openDatabase({ migrations: STORE_MIGRATIONS, dataDir: dir });
    const row = await second.db.selectFrom('kv_setting').selectAll().executeTakeFirst();
    expect(row?.value).toBe('yes');
    await second.close();
  });
});

describe.skipIf(!POSTGRES_TEST_URL)('migrations on PostgreSQL', () => {
  it('are safe when two replicas start at once', async () => {
    const target = await createPostgresTestDatabase();
    try {
      const [a, b] = await Promise.all([
        openDatabase({ migrations: STORE_MIGRATIONS, url: target.url }),
        openDatabase({ migrations: STORE_MIGRATIONS, url: target.url }),
      ]);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from qihuang_migration`.execute(
        a.db,
      );
      expect(rows[0]?.n).toBeGreaterThan(0);
      await Promise.all([a.close(), b.close()]);
    } finally {
      await target.drop();
    }
  });
});
