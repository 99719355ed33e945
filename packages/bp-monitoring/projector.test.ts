import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database } from '@qihuang/store';
import { createReadingProjector } from './projector.ts';
import { uploadReadings } from './upload-readings.ts';

const NOW = '2026-03-10T12:00:00.000Z';
const ctx = { requestId: 'projector-test', principal: SYSTEM_PRINCIPAL };

function csv(n: number): string {
  const rows = ['time,sbp,dbp,unit,heart_rate,device_id'];
  for (let i = 0; i < n; i++)
    rows.push(
      `${new Date(Date.parse('2026-02-01T00:00:00Z') + i * 600_000).toISOString()},130,80,mmHg,70,cuff`,
    );
  return rows.join('\n');
}

describe('background reading projector', () => {
  let database: Database;
  let repo: FhirRepository;
  const pending = async () =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from bp_reading where pending`.execute(database.db))
        .rows[0]!.n,
    );

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    repo = new FhirRepository(database.db, { clock: () => new Date(NOW) });
    await repo.update(ctx, 'Patient', 'p', { resourceType: 'Patient', id: 'p' });
  });
  afterAll(async () => database?.close());

  it('waits while an upload is being handled, then projects everything; stop() ends it', async () => {
    const errors: unknown[] = [];
    const projector = createReadingProjector(repo, { chunk: 40, onError: (e) => errors.push(e) });
    await uploadReadings(repo, ctx, 'p', csv(120), { now: NOW, projection: { background: 0 } });
    expect(await pending()).toBe(120);
    const release = projector.hold();
    projector.kick();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await pending()).toBe(120); // held: nothing projected yet
    release();
    expect(await projector.drain()).toBe(120);
    expect(await pending()).toBe(0);
    await projector.stop();
    projector.kick(); // after stop: does nothing
    expect(errors).toEqual([]);
  });

  it('a hold defers projection for at most maxDeferMs', async () => {
    const projector = createReadingProjector(repo, { maxDeferMs: 50 });
    await uploadReadings(repo, ctx, 'p', csv(130), { now: NOW, projection: { background: 0 } });
    const release = projector.hold();
    expect(await projector.drain()).toBe(10); // the 10 new readings (120 are unchanged)
    release();
    await projector.stop();
  });
});
