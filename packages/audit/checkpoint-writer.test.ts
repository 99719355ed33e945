import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import type { RequestContext } from '@qihuang/contracts';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import type { Database } from '@qihuang/store';
import { createAuditLog } from './audit-log.ts';
import { createCheckpointWriter, type CheckpointTimer } from './checkpoint-writer.ts';
import { parseCheckpointFile } from './checkpoints.ts';
import { verifyAuditChain } from './verify.ts';
import { verifyWebhookSignature } from './webhook-signature.ts';

const ctx: RequestContext = {
  requestId: 'r',
  principal: { id: 'u-1', kind: 'user', username: 'dr.li', role: 'clinician', scopes: [] },
};
const dir = mkdtempSync(join(tmpdir(), 'qihuang-checkpoints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A timer whose ticks the test fires by hand. */
function manualTimer() {
  const state: { run?: () => void; ms?: number; cleared: boolean } = { cleared: false };
  const timer: CheckpointTimer = {
    setInterval: (run, ms) => {
      state.run = run;
      state.ms = ms;
      return 'handle';
    },
    clearInterval: (handle) => {
      expect(handle).toBe('handle');
      state.cleared = true;
    },
  };
  return { timer, state };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

describe.each(DATABASE_KINDS)('audit checkpoint writer on %s', (kind) => {
  let database: Database;
  const audit = createAuditLog({ clock: () => new Date('2026-03-01T08:00:00.000Z') });
  const append = async (n: number) => {
    for (let i = 0; i < n; i++)
      await audit.append(database.db, ctx, { action: 'read', outcome: 'success', patientIds: [] });
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('appends a line per moved head on each tick, posts the webhook, and the file verifies', async () => {
    const file = join(dir, `${kind}.ndjson`);
    const { timer, state } = manualTimer();
    let now = new Date('2026-03-01T09:00:00.000Z');
    const posted: unknown[] = [];
    let webhookUp = false;
    const errors: string[] = [];
    const writer = createCheckpointWriter({
      db: database.db,
      file,
      webhookUrl: 'https://archive.example/checkpoints',
      webhookSecret: 'archive-secret',
      intervalMs: 3_600_000,
      clock: () => now,
      timer,
      fetch: (async (_url: string, init: RequestInit) => {
        if (!webhookUp) return new Response('down', { status: 503 });
        posted.push(JSON.parse(String(init.body)));
        return new Response(null, { status: 204 });
      }) as typeof fetch,
      onError: (target, error) => errors.push(`${target}: ${(error as Error).message}`),
    });
    writer.start();
    expect(state.ms).toBe(3_600_000);

    state.run!(); // empty chain: nothing to anchor
    await settle();
    expect(() => readFileSync(file, 'utf8')).toThrow();

    await append(3);
    state.run!();
    await waitFor(() => expect(errors).toEqual(['webhook: webhook answered 503']));
    expect(parseCheckpointFile(readFileSync(file, 'utf8'))).toEqual([
      { seq: 3, hash: expect.stringMatching(/^[0-9a-f]{64}$/), at: '2026-03-01T09:00:00.000Z' },
    ]);

    // The head did not move: no new line; the webhook, now up, gets the checkpoint it missed.
    webhookUp = true;
    now = new Date('2026-03-01T10:00:00.000Z');
    state.run!();
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(posted).toEqual([
      expect.objectContaining({ type: 'qihuang.audit.checkpoint', seq: 3, at: '2026-03-01T10:00:00.000Z' }),
    ]);

    await append(2);
    now = new Date('2026-03-01T11:00:00.000Z');
    state.run!();
    await waitFor(() => expect(posted).toHaveLength(2));
    const checkpoints = parseCheckpointFile(readFileSync(file, 'utf8'));
    expect(checkpoints.map((c) => c.seq)).toEqual([3, 5]);

    // stop() clears the schedule and anchors the final head.
    await append(1);
    await writer.stop();
    expect(state.cleared).toBe(true);
    const all = parseCheckpointFile(readFileSync(file, 'utf8'));
    expect(all.map((c) => c.seq)).toEqual([3, 5, 6]);
    expect(await verifyAuditChain(database.db, { checkpoints: all })).toMatchObject({
      ok: true,
      checkpoints: 3,
    });

    // Truncate-and-rewind after the checkpoints were exported: the file tells.
    await sql`alter table audit_entry disable trigger audit_entry_append_only`.execute(database.db);
    await sql`delete from audit_entry where seq > 4`.execute(database.db);
    await sql`alter table audit_entry enable trigger audit_entry_append_only`.execute(database.db);
    const { rows } = await sql<{ hash: string }>`select hash from audit_entry where seq = 4`.execute(
      database.db,
    );
    await sql`update audit_chain_head set seq = 4, hash = ${rows[0]!.hash} where id = 1`.execute(database.db);
    const result = await verifyAuditChain(database.db, { checkpoints: all });
    expect(result.firstBad).toMatchObject({ seq: 6, problem: 'rewound' });
  });

  it('signs each webhook POST (timestamp + HMAC-SHA256 over the exact body) so the receiver can verify it', async () => {
    await append(1);
    const now = new Date('2026-03-01T12:00:00.000Z');
    const received: { body: string; headers: Headers }[] = [];
    const writer = createCheckpointWriter({
      db: database.db,
      webhookUrl: 'https://archive.example/checkpoints',
      webhookSecret: 'archive-secret',
      intervalMs: 1000,
      clock: () => now,
      timer: manualTimer().timer,
      fetch: (async (_url: string, init: RequestInit) => {
        received.push({ body: String(init.body), headers: new Headers(init.headers) });
        return new Response(null, { status: 204 });
      }) as typeof fetch,
    });
    const checkpoint = await writer.writeNow();
    expect(received).toHaveLength(1);
    const { body, headers } = received[0]!;
    expect(JSON.parse(body)).toEqual({ type: 'qihuang.audit.checkpoint', ...checkpoint });
    expect(headers.get('x-qihuang-timestamp')).toBe(String(now.getTime() / 1000));
    expect(headers.get('x-qihuang-signature')).toMatch(/^sha256=[0-9a-f]{64}$/);
    const header = (name: string) => headers.get(name);
    expect(verifyWebhookSignature({ secret: 'archive-secret', body, header, now })).toEqual({
      ok: true,
      timestamp: now.getTime() / 1000,
    });
    // Another secret, a changed body, or a replay ten minutes later are refused.
    expect(verifyWebhookSignature({ secret: 'other', body, header, now }).ok).toBe(false);
    const forged = body.replace(/"seq":\d+/, '"seq":1');
    expect(verifyWebhookSignature({ secret: 'archive-secret', body: forged, header, now }).ok).toBe(false);
    const later = new Date(now.getTime() + 600_000);
    expect(verifyWebhookSignature({ secret: 'archive-secret', body, header, now: later })).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses to be created with a webhook URL but no signing secret', () => {
    expect(() =>
      createCheckpointWriter({ db: database.db, webhookUrl: 'http://127.0.0.1:9/hook', intervalMs: 1000 }),
    ).toThrow(/secret/);
  });

  it('reports at once when the head moves back behind a checkpoint it took', async () => {
    const file = join(dir, `${kind}-rewound.ndjson`);
    const rewound: [number, number][] = [];
    const writer = createCheckpointWriter({
      db: database.db,
      file,
      intervalMs: 1000,
      timer: manualTimer().timer,
      onRewound: (previous, head) => rewound.push([previous.seq, head.seq]),
    });
    await append(2);
    const taken = await writer.writeNow();
    expect(taken).toBeDefined();
    await sql`alter table audit_entry disable trigger audit_entry_append_only`.execute(database.db);
    await sql`delete from audit_entry where seq > ${taken!.seq - 1}`.execute(database.db);
    await sql`alter table audit_entry enable trigger audit_entry_append_only`.execute(database.db);
    const { rows } = await sql<{ seq: number; hash: string }>`
      select seq, hash from audit_entry order by seq desc limit 1`.execute(database.db);
    await sql`update audit_chain_head set seq = ${rows[0]!.seq}, hash = ${rows[0]!.hash} where id = 1`.execute(
      database.db,
    );
    await writer.writeNow();
    expect(rewound).toEqual([[taken!.seq, taken!.seq - 1]]);
    expect(parseCheckpointFile(readFileSync(file, 'utf8')).map((c) => c.seq)).toEqual([
      taken!.seq,
      taken!.seq - 1,
    ]);
  });

  it('does nothing without a file or webhook', async () => {
    const { timer, state } = manualTimer();
    const writer = createCheckpointWriter({ db: database.db, intervalMs: 1000, timer });
    writer.start();
    expect(state.run).toBeUndefined();
    expect(await writer.writeNow()).toBeUndefined();
    await writer.stop();
  });
});
