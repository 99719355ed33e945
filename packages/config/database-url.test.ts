/**
 * Issue 21 (IT try, tenth session): DATABASE_URL=mysql://x@y/z failed later as "cannot open the database:
 * getaddrinfo ENOTFOUND y". Only PostgreSQL is supported: another scheme is refused at once, without echoing the
 * URL (it may carry a password).
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from './index.ts';

describe('DATABASE_URL', () => {
  it('postgres:// and postgresql:// are taken; unset is the embedded database', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db/q' }).databaseUrl).toBe('postgres://app@db/q');
    expect(loadConfig({ DATABASE_URL: 'postgresql://app@db/q' }).databaseUrl).toBe('postgresql://app@db/q');
    expect(loadConfig({}).databaseUrl).toBeUndefined();
  });
  it('another scheme is refused with the reason, the URL not echoed', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:s3cret@db/q' })).toThrow(
      'DATABASE_URL must be a PostgreSQL URL (postgres://user@host:5432/database), not mysql://; leave it unset for the embedded database',
    );
    expect(() => loadConfig({ DATABASE_URL: 'db.hospital.internal' })).toThrow(
      /^DATABASE_URL must be a PostgreSQL URL/,
    );
    try {
      loadConfig({ DATABASE_URL: 'mysql://root:s3cret@db/q' });
    } catch (error) {
      expect((error as Error).message).not.toMatch(/s3cret/);
    }
  });
});
