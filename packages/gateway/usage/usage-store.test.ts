import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { BatchWriter } from './batch-writer.ts';
import { KyselyUsageStore } from './kysely-usage-store.ts';
import { MemoryUsageStore, type UsageStore } from './usage-store.ts';
import { down, up } from '../migrations/0200-gateway-usage.ts';
import { usageRecord } from '../test-support/usage-record.ts';

const record = usageRecord;

const records = [
  record({}),
  record({ keyId: 'k2', latencyMs: 300 }),
  record({
    day: '2026-11-26',
    at: '2026-11-26T01:00:00.000Z',
    scenario: 'rx-explainer',
    model: 'rx-explainer',
    outcome: 'error',
    totalTokens: 0,
    promptTokens: 0,
    completionTokens: 0,
    reasoningTokens: 0,
  }),
];

function storeContract(name: string, open: () => Promise<{ store: UsageStore; close(): Promise<void> }>) {
  describe(name, () => {
    let store: UsageStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await open());
      await store.append(records);
    });
    afterAll(() => close());

    it('groups by day', async () => {
      expect(await store.summarize({ groupBy: ['day'] })).toEqual([
        {
          day: '2026-11-25',
          requests: 2,
          errors: 0,
          promptTokens: 20,
          completionTokens: 10,
          reasoningTokens: 4,
          totalTokens: 30,
          avgLatencyMs: 200,
        },
        {
          day: '2026-11-26',
          requests: 1,
          errors: 1,
          promptTokens: 0,
          completionTokens: 0,
          reasoningTokens: 0,
          totalTokens: 0,
          avgLatencyMs: 100,
        },
      ]);
    });

    it('groups by key and scenario with filters', async () => {
      const rows = await store.summarize({
        groupBy: ['key', 'scenario'],
        from: '2026-11-25',
        to: '2026-11-25',
      });
      expect(rows.map((r) => [r.key, r.scenario, r.requests])).toEqual([
        ['k1', 'clinical-copilot', 1],
        ['k2', 'clinical-copilot', 1],
      ]);
      const k1 = await store.summarize({ groupBy: ['model'], keyId: 'k1' });
      expect(k1.map((r) => [r.model, r.requests])).toEqual([
        ['clinical-copilot', 1],
        ['rx-explainer', 1],
      ]);
    });
  });
}

storeContract('MemoryUsageStore', async () => ({
  store: new MemoryUsageStore(),
  close: async () => undefined,
}));

storeContract('KyselyUsageStore on PGlite', async () => {
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const pglite = await PGlite.create();
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite)) }),
  });
  await up(db);
  return {
    store: new KyselyUsageStore(db),
    close: async () => {
      await down(db);
      await db.destroy();
      await pglite.close();
    },
  };
});

// PostgreSQL server tests run when one answers (CI and dev machines have one at 127.0.0.1:5432).
const POSTGRES_URL = process.env.QIHUANG_TEST_POSTGRES_URL;
describe.skipIf(!POSTGRES_URL)('on PostgreSQL', () => {
  storeContract('KyselyUsageStore on PostgreSQL', async () => {
    const schema = `gw_${randomBytes(4).toString('hex')}`;
    const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 2, options: `-c search_path=${schema}` });
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    await up(db);
    return {
      store: new KyselyUsageStore(db),
      close: async () => {
        await db.destroy();
        const dropper = new pg.Client({ connectionString: POSTGRES_URL });
        await dropper.connect();
        await dropper.query(`drop schema ${schema} cascade`);
        await dropper.end();
      },
    };
  });
});

describe('BatchWriter', () => {
  it('batches, bounds the buffer and flushes on close', async () => {
    const written: number[][] = [];
    const writer = new BatchWriter<number>(async (items) => void written.push(items), {
      maxBatch: 3,
      flushIntervalMs: 10_000,
      maxBuffered: 5,
    });
    writer.push(1);
    writer.push(2);
    expect(written).toEqual([]);
    writer.push(3); // a full batch is written at once
    await writer.flush();
    expect(written).toEqual([[1, 2, 3]]);
    await writer.close();
    for (let i = 4; i <= 10; i++) writer.push(i); // closed: buffered only, oldest dropped beyond 5
    expect(writer.dropped).toBe(2);
    await writer.close();
    expect(written.flat()).toEqual([1, 2, 3, 6, 7, 8, 9, 10]);
  });

  it('writes a lone item after the flush interval: the most a crash of the process can lose (decision 0014)', async () => {
    vi.useFakeTimers();
    try {
      const written: number[][] = [];
      // The gateway runtime's defaults: 1 s or 500 items, whichever comes first.
      const writer = new BatchWriter<number>(async (items) => void written.push(items));
      writer.push(1);
      await vi.advanceTimersByTimeAsync(999);
      expect(written).toEqual([]); // buffered: lost if the process dies now
      await vi.advanceTimersByTimeAsync(1);
      expect(written).toEqual([[1]]);
      for (let i = 0; i < 500; i++) writer.push(i);
      await vi.advanceTimersByTimeAsync(0);
      expect(written[1]).toHaveLength(500); // a full batch does not wait for the timer
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts a failed write as dropped and keeps going', async () => {
    let fail = true;
    const writer = new BatchWriter<number>(async () => {
      if (fail) throw new Error('db down');
    });
    writer.push(1);
    await writer.flush();
    expect(writer.dropped).toBe(1);
    fail = false;
    writer.push(2);
    await writer.close();
    expect(writer.dropped).toBe(1);
  });
});
