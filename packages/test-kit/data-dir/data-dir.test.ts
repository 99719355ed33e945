import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@qihuang/store';
import { MIGRATIONS } from '@qihuang/migrations';
import { migratedDataDir, seedDataDir } from './index.ts';

describe('migrated embedded data directory for server tests', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('is made once per run from the template and reused', async () => {
    const first = await migratedDataDir();
    expect(first).toBeDefined();
    expect(await migratedDataDir()).toBe(first);
  });

  it('seeds a data directory the server opens with every migration applied and no rows', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qihuang-seeded-'));
    made.push(dataDir);
    expect(await seedDataDir(dataDir)).toBe(true);
    const database = await openDatabase({ dataDir, migrations: MIGRATIONS });
    try {
      expect(database.appliedMigrations).toEqual([]);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from fhir_resource`.execute(
        database.db,
      );
      expect(rows[0]?.n).toBe(0);
    } finally {
      await database.close();
    }
  });
});
