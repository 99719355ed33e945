/**
 * The composed list keeps every migration's name and order from before the list moved out of the store
 * (issue 19): a database migrated by the old code finds nothing to run and misses nothing.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { composeMigrations, migrateToLatest } from '@qihuang/store';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { MIGRATIONS } from './index.ts';

/** packages/store/migrations/index.ts before issue 19, in the order it listed them. */
const BEFORE = [
  '0001-fhir-store',
  '0002-fhir-author-history-compartments',
  '0100-identity',
  '0110-audit',
  '0200-gateway-usage',
  '0300-eval',
  '0400-bp-reading',
  '0410-bp-alert-loop',
  '0500-cds-card-state',
  '0600-knowledge',
  '0700-care',
];

/** Added since (a database migrated before runs only these; Kysely allows them out of order). */
const ADDED = ['0003-tag-patient-recorded', '0004-reindex-patient-search', '0420-bp-reading-withdrawn'];
const NOW = [...BEFORE, ...ADDED].sort();

describe('every package’s migrations, composed', () => {
  it('has the same names in the same order as the store’s list had, plus the ones added since', () => {
    expect(Object.keys(MIGRATIONS)).toEqual(NOW);
    expect([...BEFORE].sort()).toEqual(BEFORE); // Kysely applies them in name order
    expect(Object.keys(MIGRATIONS).filter((n) => BEFORE.includes(n))).toEqual(BEFORE);
  });

  it('refuses a name registered twice', () => {
    const one = { '0001-x': { up: async () => undefined } };
    expect(() => composeMigrations(one, one)).toThrow(/0001-x is registered twice/);
  });
});

describe.each(DATABASE_KINDS)('migrated database on %s', (kind) => {
  it('records every migration once, in order, and a second run applies nothing', async () => {
    const database = await openTestDatabase(kind);
    try {
      const { rows } = await sql<{
        name: string;
      }>`select name from qihuang_migration order by timestamp, name`.execute(database.db);
      expect(rows.map((r) => r.name)).toEqual(NOW);
      expect(await migrateToLatest(database.db, MIGRATIONS)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
