import { describe, expect, it } from 'vitest';
import { QihuangError } from '@qihuang/contracts';
import { defaultPoolSize, loadConfig } from './index.ts';

describe('statement timeout and PGlite worker settings', () => {
  it('default to 30 s and the worker on; read from the environment; bad values refused', () => {
    expect(loadConfig({})).toMatchObject({ statementTimeoutMs: 30_000, pgliteWorker: true });
    expect(loadConfig({ QIHUANG_STATEMENT_TIMEOUT_MS: '1500', QIHUANG_PGLITE_WORKER: '0' })).toMatchObject({
      statementTimeoutMs: 1500,
      pgliteWorker: false,
    });
    expect(loadConfig({ QIHUANG_STATEMENT_TIMEOUT_MS: '0' }).statementTimeoutMs).toBe(0);
    expect(() => loadConfig({ QIHUANG_STATEMENT_TIMEOUT_MS: '-1' })).toThrow(QihuangError);
    expect(() => loadConfig({ QIHUANG_STATEMENT_TIMEOUT_MS: '30s' })).toThrow(/QIHUANG_STATEMENT_TIMEOUT_MS/);
    expect(() => loadConfig({ QIHUANG_PGLITE_WORKER: 'maybe' })).toThrow(/QIHUANG_PGLITE_WORKER/);
  });

  it('default pool: cores + 1 for a database on this machine, 10 for another host', () => {
    expect(defaultPoolSize(undefined, 2)).toBe(10);
    expect(defaultPoolSize('postgres://postgres@127.0.0.1:5432/test', 2)).toBe(3);
    expect(defaultPoolSize('postgres://app@localhost/qihuang', 16)).toBe(10);
    expect(defaultPoolSize('postgres://app@[::1]/qihuang', 1)).toBe(2);
    expect(defaultPoolSize('postgres://app@db.hospital.internal/qihuang', 2)).toBe(10);
    expect(defaultPoolSize('postgresql:///qihuang?host=/var/run/postgresql', 4)).toBe(5);
    expect(defaultPoolSize('not a url', 2)).toBe(10);
  });

  it('PostgreSQL pool size: from QIHUANG_DB_POOL_SIZE, 0 or words refused', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db.hospital.internal/q' }).dbPoolSize).toBe(10);
    expect(loadConfig({ QIHUANG_DB_POOL_SIZE: '3' }).dbPoolSize).toBe(3);
    expect(() => loadConfig({ QIHUANG_DB_POOL_SIZE: '0' })).toThrow(/QIHUANG_DB_POOL_SIZE/);
    expect(() => loadConfig({ QIHUANG_DB_POOL_SIZE: 'many' })).toThrow(/QIHUANG_DB_POOL_SIZE/);
  });
});
