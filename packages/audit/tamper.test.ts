/**
 * Tampering that the chain alone cannot see, and how checkpoints kept outside the database catch it:
 * truncate-and-rewind (newest entries deleted, head moved back), a rewind followed by new appends, plus an
 * edited entry, a deleted middle entry, and an empty chain on a store that holds data.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Principal, RequestContext } from '@qihuang/contracts';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import type { Database } from '@qihuang/store';
import { createAuditLog } from './audit-log.ts';
import { GENESIS_HASH } from './canonical.ts';
import { parseCheckpoint, parseCheckpointFile, readChainHead } from './checkpoints.ts';
import { verifyAuditChain } from './verify.ts';

const clinician: Principal = { id: 'u-1', kind: 'user', username: 'dr.li', role: 'clinician', scopes: [] };
const ctx = (n: number): RequestContext => ({ requestId: `req-${n}`, principal: clinician });

describe.each(DATABASE_KINDS)('audit tampering on %s', (kind) => {
  let database: Database;
  let now = new Date('2026-03-01T08:00:00.000Z');
  const audit = createAuditLog({ clock: () => now });

  const asOwner = async (...statements: ReturnType<typeof sql>[]) => {
    await sql`alter table audit_entry disable trigger audit_entry_append_only`.execute(database.db);
    try {
      for (const statement of statements) await statement.execute(database.db);
    } finally {
      await sql`alter table audit_entry enable trigger audit_entry_append_only`.execute(database.db);
    }
  };
  const append = async (count: number) => {
    for (let i = 0; i < count; i++) {
      now = new Date(now.getTime() + 60_000);
      await audit.append(database.db, ctx(i), {
        action: 'read',
        outcome: 'success',
        resourceType: 'Observation',
        resourceId: `obs-${now.getTime()}`,
        patientIds: ['p1'],
      });
    }
  };
  const hashAt = async (seq: number) =>
    (await sql<{ hash: string }>`select hash from audit_entry where seq = ${seq}`.execute(database.db))
      .rows[0]!.hash;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await sql`alter table audit_entry disable trigger audit_entry_no_truncate`.execute(database.db);
    await sql`truncate audit_entry`.execute(database.db);
    await sql`alter table audit_entry enable trigger audit_entry_no_truncate`.execute(database.db);
    await sql`update audit_chain_head set seq = 0, hash = ${GENESIS_HASH} where id = 1`.execute(database.db);
    await sql`delete from fhir_resource`.execute(database.db);
    await sql`delete from identity_user`.execute(database.db);
    await append(6);
  });

  it('truncate-and-rewind passes the chain alone but fails against a checkpoint or --expect-head', async () => {
    const checkpoint = await readChainHead(database.db);
    expect(checkpoint.seq).toBe(6);
    const hash4 = await hashAt(4);
    // The two statements of the attack: cut the newest entries, move the head back.
    await asOwner(
      sql`delete from audit_entry where seq > 4`,
      sql`update audit_chain_head set seq = 4, hash = ${hash4} where id = 1`,
    );
    expect((await verifyAuditChain(database.db)).ok).toBe(true); // why an outside copy is needed
    const result = await verifyAuditChain(database.db, { checkpoints: [checkpoint] });
    expect(result.ok).toBe(false);
    expect(result.firstBad).toMatchObject({ seq: 6, problem: 'rewound' });
    expect(result.firstBad?.message).toMatch(/entries 5–6/);
    // An older checkpoint still holds.
    const older = await verifyAuditChain(database.db, { checkpoints: [{ seq: 4, hash: hash4 }] });
    expect(older).toMatchObject({ ok: true, checkpoints: 1 });
  });

  it('a rewind followed by new appends is caught by the checkpoint hash', async () => {
    const checkpoint = await readChainHead(database.db);
    const hash4 = await hashAt(4);
    await asOwner(
      sql`delete from audit_entry where seq > 4`,
      sql`update audit_chain_head set seq = 4, hash = ${hash4} where id = 1`,
    );
    await append(3); // entries 5–7 again, with different content
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    const result = await verifyAuditChain(database.db, { checkpoints: [checkpoint] });
    expect(result.firstBad).toMatchObject({ seq: 6, problem: 'checkpoint-mismatch' });
  });

  it('names an edited entry before a checkpoint after it', async () => {
    const checkpoint = await readChainHead(database.db);
    await asOwner(sql`update audit_entry set resource_id = 'other' where seq = 3`);
    const result = await verifyAuditChain(database.db, { checkpoints: [checkpoint] });
    expect(result.firstBad).toMatchObject({ seq: 3, problem: 'edited' });
  });

  it('names a deleted middle entry', async () => {
    const checkpoint = await readChainHead(database.db);
    await asOwner(sql`delete from audit_entry where seq = 3`);
    const result = await verifyAuditChain(database.db, { checkpoints: [checkpoint] });
    expect(result.firstBad).toMatchObject({ seq: 3, problem: 'deleted' });
  });

  it('an empty chain fails when the store holds FHIR resources or users, and passes when it holds nothing', async () => {
    const wipe = () =>
      asOwner(
        sql`delete from audit_entry`,
        sql`update audit_chain_head set seq = 0, hash = ${GENESIS_HASH} where id = 1`,
      );
    await wipe();
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 0 });

    await sql`insert into fhir_resource (resource_type, id, version_id, last_updated, deleted, content, compartments)
      values ('Patient', 'p1', 1, now(), false, '{"resourceType":"Patient","id":"p1"}', '{}')`.execute(
      database.db,
    );
    const withResources = await verifyAuditChain(database.db);
    expect(withResources.ok).toBe(false);
    expect(withResources.firstBad).toMatchObject({ seq: 1, problem: 'empty-chain' });
    expect(withResources.firstBad?.message).toMatch(/FHIR resources/);

    await sql`delete from fhir_resource`.execute(database.db);
    await sql`insert into identity_user (id, username, role, password_hash, disabled, created_at, updated_at)
      values ('u1', 'admin', 'admin', 'x', false, now(), now())`.execute(database.db);
    const withUsers = await verifyAuditChain(database.db);
    expect(withUsers.firstBad).toMatchObject({ problem: 'empty-chain' });
    expect(withUsers.firstBad?.message).toMatch(/users/);
  });

  it('a checkpoint at the head or inside the chain passes; several checkpoints are all checked', async () => {
    const six = await readChainHead(database.db);
    await append(2);
    const result = await verifyAuditChain(database.db, {
      checkpoints: [{ seq: 2, hash: await hashAt(2) }, six, await readChainHead(database.db)],
    });
    expect(result).toMatchObject({ ok: true, checked: 8, checkpoints: 3 });
    const wrong = await verifyAuditChain(database.db, {
      checkpoints: [six, { seq: 2, hash: 'f'.repeat(64) }],
    });
    expect(wrong.firstBad).toMatchObject({ seq: 2, problem: 'checkpoint-mismatch' });
  });
});

describe('checkpoint parsing', () => {
  const hash = 'a'.repeat(64);
  it('reads SEQ:HASH and JSON lines', () => {
    expect(parseCheckpoint(`12:${hash}`)).toEqual({ seq: 12, hash });
    expect(
      parseCheckpointFile(`{"seq":3,"hash":"${hash}","at":"2026-03-01T08:00:00.000Z"}\n\n12:${hash}\n`),
    ).toEqual([
      { seq: 3, hash, at: '2026-03-01T08:00:00.000Z' },
      { seq: 12, hash },
    ]);
  });
  it('rejects malformed checkpoints naming the line', () => {
    expect(() => parseCheckpoint('12')).toThrow(/SEQ:HASH/);
    expect(() => parseCheckpoint(`x:${hash}`)).toThrow(/SEQ:HASH/);
    expect(() => parseCheckpoint('12:abc')).toThrow(/SEQ:HASH/);
    expect(() => parseCheckpointFile(`1:${hash}\n{"seq":"2"}`)).toThrow(/line 2/);
  });
});
