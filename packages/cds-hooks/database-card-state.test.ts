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
});
