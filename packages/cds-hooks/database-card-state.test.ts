import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { createDatabaseCardState } from './database-card-state.ts';

describe.each(DATABASE_KINDS)('CDS card state in the database on %s', (kind) => {
  it('remembers cards and overrides across store instances (restarts, replicas)', async () => {
    const database = await openTestDatabase(kind);
    try {
      const first = createDatabaseCardState(database.db);
      await first.rememberCard('card-1', {
        serviceId: 's',
        patientId: 'p1',
        findingId: 'f1',
        suggestionIds: ['a', 'b'],
      });
      await first.markOverridden('p1', 'f1');
      await first.flush();
      const second = createDatabaseCardState(database.db);
      expect(await second.lookupCard('card-1')).toEqual({
        serviceId: 's',
        patientId: 'p1',
        findingId: 'f1',
        suggestionIds: ['a', 'b'],
      });
      expect(await second.lookupCard('card-2')).toBeUndefined();
      expect(await second.isOverridden('p1', 'f1')).toBe(true);
      expect(await second.isOverridden('p2', 'f1')).toBe(false);
      await second.markOverridden('p1', 'f1'); // idempotent
      // Another replica's override is seen once the cache expires; unflushed cards are visible at once.
      let clock = 0;
      const cached = createDatabaseCardState(database.db, { cacheMs: 1000, now: () => clock });
      expect(await cached.isOverridden('p3', 'f9')).toBe(false);
      await second.markOverridden('p3', 'f9');
      expect(await cached.isOverridden('p3', 'f9')).toBe(false);
      clock = 2000;
      expect(await cached.isOverridden('p3', 'f9')).toBe(true);
      await cached.rememberCard('card-9', {
        serviceId: 's',
        patientId: 'p3',
        findingId: 'f9',
        suggestionIds: [],
      });
      expect((await cached.lookupCard('card-9'))?.findingId).toBe('f9');
      await cached.flush();
    } finally {
      await database.close();
    }
  });

  it('reads a patient’s overrides once for concurrent calls on a cold cache (issue 19), own overrides seen at once', async () => {
    const database = await openTestDatabase(kind);
    try {
      let selects = 0;
      const counting: KyselyPlugin = {
        transformQuery: ({ node }) => {
          const raw = node as RootOperationNode & { sqlFragments?: readonly string[] };
          if (raw.sqlFragments?.join('').includes('from cds_override')) selects++;
          return node;
        },
        transformResult: async ({ result }) => result,
      };
      const db = database.db.withPlugin(counting);
      await createDatabaseCardState(db).markOverridden('p1', 'f1');
      const state = createDatabaseCardState(db, { cacheMs: 1000, now: () => 0 });
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => state.isOverridden('p1', i % 2 ? 'f1' : 'f2')),
      );
      expect(answers).toEqual(Array.from({ length: 10 }, (_, i) => i % 2 === 1));
      expect(selects).toBe(1);
      // An override this replica records while a read is in flight is seen by the calls after it.
      const reading = state.isOverridden('p2', 'f3');
      const marking = state.markOverridden('p2', 'f3');
      expect(await reading).toBe(false);
      await marking;
      expect(await state.isOverridden('p2', 'f3')).toBe(true);
      expect(selects).toBe(2);
      // A failed read is not remembered: the next call reads again.
      const failing = createDatabaseCardState(
        db.withPlugin({
          transformQuery: () => {
            throw new Error('database down');
          },
          transformResult: async ({ result }) => result,
        }),
      );
      await expect(failing.isOverridden('p1', 'f1')).rejects.toThrow('database down');
      await expect(failing.isOverridden('p1', 'f1')).rejects.toThrow('database down');
    } finally {
      await database.close();
    }
  });
});
