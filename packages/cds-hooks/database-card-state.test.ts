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
    } finally {
      await database.close();
    }
  });
});
