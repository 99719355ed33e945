import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL, type AuditRecord, type Principal, type RequestContext } from '@qihuang/contracts';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import type { Database } from '@qihuang/store';
import { createAuditLog, rowToEntry, type AuditEntryRow } from './audit-log.ts';
import { canonicalEntry, entryHash, GENESIS_HASH, type ChainedContent } from './canonical.ts';
import { canonicalSql, verifyAuditChain } from './verify.ts';
import { exportAuditNdjson, parseAuditDateParams, searchAuditEvents } from './fhir-view.ts';

const clinician: Principal = {
  id: 'u-1',
  kind: 'user',
  username: 'dr.li',
  role: 'clinician',
  scopes: ['user/*.*'],
};
const nurse: Principal = { id: 'u-2', kind: 'user', username: 'nurse.wang', role: 'nurse', scopes: [] };
const ctx = (principal: Principal, n = 1): RequestContext => ({
  requestId: `req-${n}`,
  principal,
  clientAddress: '10.1.2.3',
});
const read = (patient: string, id: string): AuditRecord => ({
  action: 'read',
  outcome: 'success',
  resourceType: 'Observation',
  resourceId: id,
  patientIds: [patient],
});

describe.each(DATABASE_KINDS)('audit log on %s', (kind) => {
  let database: Database;
  let now = new Date('2026-03-01T08:00:00.000Z');
  const audit = createAuditLog({ clock: () => now });

  /** Direct tampering needs the append-only trigger out of the way (as an attacker with DB rights would). */
  async function tamper(statement: ReturnType<typeof sql>) {
    await sql`alter table audit_entry disable trigger audit_entry_append_only`.execute(database.db);
    try {
      await statement.execute(database.db);
    } finally {
      await sql`alter table audit_entry enable trigger audit_entry_append_only`.execute(database.db);
    }
  }

  async function reset(count: number) {
    await sql`alter table audit_entry disable trigger audit_entry_no_truncate`.execute(database.db);
    await sql`truncate audit_entry`.execute(database.db);
    await sql`alter table audit_entry enable trigger audit_entry_no_truncate`.execute(database.db);
    await sql`update audit_chain_head set seq = 0, hash = ${GENESIS_HASH} where id = 1`.execute(database.db);
    for (let i = 1; i <= count; i++) {
      now = new Date(Date.UTC(2026, 2, 1, 8, i));
      await audit.append(database.db, ctx(i % 2 ? clinician : nurse, i), read(`p${i % 3}`, `obs-${i}`));
    }
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  describe('append and verify', () => {
    beforeEach(() => reset(0));

    it('chains entries with gap-free sequence numbers and verifies', async () => {
      const first = await audit.append(database.db, ctx(clinician), read('p1', 'o1'));
      const second = await audit.append(database.db, ctx(nurse, 2), {
        ...read('Patient/p2', 'o2'),
        detail: { status: 200, b: [1] },
      });
      expect(first.seq).toBe(1);
      expect(first.prevHash).toBe(GENESIS_HASH);
      expect(second.seq).toBe(2);
      expect(second.prevHash).toBe(first.hash);
      expect(second.patientIds).toEqual(['p2']);
      expect(second.detail).toBe('{"b":[1],"status":200}');
      const result = await verifyAuditChain(database.db);
      expect(result).toMatchObject({ ok: true, checked: 2, head: { seq: 2, hash: second.hash } });
    });

    it('rolls an entry back with the transaction that failed', async () => {
      await audit.append(database.db, ctx(clinician), read('p1', 'o1'));
      await expect(
        database.db.transaction().execute(async (trx) => {
          await audit.append(trx, ctx(clinician, 2), read('p1', 'o2'));
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      const rows = await sql<{ n: number }>`select count(*)::int as n from audit_entry`.execute(database.db);
      expect(rows.rows[0]?.n).toBe(1);
      const next = await audit.append(database.db, ctx(clinician, 3), read('p1', 'o3'));
      expect(next.seq).toBe(2);
      expect((await verifyAuditChain(database.db)).ok).toBe(true);
    });

    it('serialises concurrent appends into one gap-free chain', async () => {
      await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          database.db
            .transaction()
            .execute((trx) => audit.append(trx, ctx(clinician, i), read('p1', `c${i}`))),
        ),
      );
      const result = await verifyAuditChain(database.db, { batchSize: 7 });
      expect(result).toMatchObject({ ok: true, checked: 25, head: { seq: 25 } });
    });

    it('group-commits concurrent appends outside a transaction, each caller getting its own durable entry', async () => {
      let transactions = 0;
      const counted = new Proxy(database.db, {
        get(target, key, receiver) {
          if (key === 'transaction') transactions++;
          const value = Reflect.get(target, key, receiver) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      const entries = await Promise.all(
        Array.from({ length: 450 }, (_, i) =>
          audit.append(counted, ctx(i % 2 ? clinician : nurse, i), read(`p${i % 4}`, `g${i}`)),
        ),
      );
      // In call order, gap-free, each linked to the one before.
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
      for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
      expect(entries[17]!.resourceId).toBe('g17');
      const result = await verifyAuditChain(database.db, { batchSize: 100 });
      expect(result).toMatchObject({ ok: true, checked: 450, head: { seq: 450 } });
      // The first entry reads the chain head in a transaction; the rest (groups of at most 200) are one
      // statement each, conditional on the head this log last wrote.
      expect(transactions).toBe(1);
    });

    it('writes a group as one statement once it knows the chain head, in a transaction again when another writer moved it', async () => {
      const writer = createAuditLog({ clock: () => now });
      let transactions = 0;
      const counted = new Proxy(database.db, {
        get(target, key, receiver) {
          if (key === 'transaction') transactions++;
          const value = Reflect.get(target, key, receiver) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      await writer.append(counted, ctx(clinician, 1), read('p1', 's1'));
      await writer.append(counted, ctx(clinician, 2), read('p1', 's2'));
      await writer.append(counted, ctx(clinician, 3), read('p1', 's3'));
      expect(transactions).toBe(1);
      // Another process (its own log) appends: this log's idea of the head is stale and must not be used.
      await createAuditLog({ clock: () => now }).append(database.db, ctx(nurse, 4), read('p2', 's4'));
      const fifth = await writer.append(counted, ctx(clinician, 5), read('p1', 's5'));
      expect(fifth.seq).toBe(5);
      expect(transactions).toBe(2);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 5, head: { seq: 5 } });
    });

    it('keeps one gap-free chain when two processes group-commit and write transactions at once', async () => {
      const a = createAuditLog({ clock: () => now });
      const b = createAuditLog({ clock: () => now });
      const calls: Promise<unknown>[] = [];
      for (let i = 0; i < 120; i++) {
        const log = i % 2 ? a : b;
        if (i % 7 === 0)
          calls.push(
            database.db.transaction().execute((trx) => log.append(trx, ctx(nurse, i), read('p3', `t${i}`))),
          );
        else calls.push(log.append(database.db, ctx(clinician, i), read('p3', `t${i}`)));
        if (i % 10 === 0) await Promise.all(calls.splice(0));
      }
      await Promise.all(calls);
      const result = await verifyAuditChain(database.db, { batchSize: 50 });
      expect(result).toMatchObject({ ok: true, checked: 120, head: { seq: 120 } });
      const ids = await sql<{ resource_id: string }>`select resource_id from audit_entry`.execute(
        database.db,
      );
      expect(new Set(ids.rows.map((r) => r.resource_id)).size).toBe(120);
    });

    it('reports progress while streaming in batches', async () => {
      await reset(12);
      const progress: number[] = [];
      const result = await verifyAuditChain(database.db, {
        batchSize: 5,
        onProgress: (p) => progress.push(p.checked),
      });
      expect(result.ok).toBe(true);
      expect(progress).toEqual([5, 10, 12]);
    });

    it('builds the same canonical text in SQL as in TypeScript, for awkward strings too', async () => {
      const awkward =
        'quote " backslash \\ nl \n tab \t cr \r bell \u0007 unit \u001f del \u007f 中文 😀 \u2028 / </script>';
      const entry = await audit.append(
        database.db,
        { requestId: awkward, principal: { ...clinician, username: awkward }, clientAddress: awkward },
        {
          action: 'search',
          outcome: 'failure',
          resourceType: 'Patient',
          query: awkward,
          patientIds: [awkward, 'p"1'],
          detail: { [awkward]: awkward },
        },
      );
      const { rows } = await sql<{
        canonical: string;
      }>`select ${canonicalSql} as canonical from audit_entry where seq = ${entry.seq}`.execute(database.db);
      expect(rows[0]?.canonical).toBe(canonicalEntry(entry));
      const bare = await audit.append(
        database.db,
        { requestId: 'r', principal: SYSTEM_PRINCIPAL },
        { action: 'login', outcome: 'success', patientIds: [] },
      );
      const again = await sql<{
        canonical: string;
      }>`select ${canonicalSql} as canonical from audit_entry where seq = ${bare.seq}`.execute(database.db);
      expect(again.rows[0]?.canonical).toBe(canonicalEntry(bare));
      expect((await verifyAuditChain(database.db)).ok).toBe(true);
    });

    it('refuses UPDATE and DELETE on entries (append-only trigger)', async () => {
      await audit.append(database.db, ctx(clinician), read('p1', 'o1'));
      await expect(sql`update audit_entry set action = 'delete'`.execute(database.db)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`delete from audit_entry`.execute(database.db)).rejects.toThrow(/append-only/);
    });
  });

  describe('tampering', () => {
    beforeEach(() => reset(10));

    it('names an edited entry', async () => {
      await tamper(sql`update audit_entry set patient_ids = '{p9}' where seq = 4`);
      const result = await verifyAuditChain(database.db, { batchSize: 3 });
      expect(result.ok).toBe(false);
      expect(result.firstBad).toMatchObject({ seq: 4, problem: 'edited' });
      expect(result.checked).toBe(3);
      // Hashing inside PostgreSQL finds the same entry.
      expect(
        (await verifyAuditChain(database.db, { hashIn: 'database', batchSize: 4 })).firstBad,
      ).toMatchObject({ seq: 4, problem: 'edited' });
    });

    it('verifies an intact chain with hashes computed in the database too', async () => {
      expect(await verifyAuditChain(database.db, { hashIn: 'database' })).toMatchObject({
        ok: true,
        checked: 10,
      });
    });

    it('notices a sub-millisecond change of the recorded time', async () => {
      await tamper(
        sql`update audit_entry set recorded_at = recorded_at + interval '1 microsecond' where seq = 6`,
      );
      expect((await verifyAuditChain(database.db)).firstBad).toMatchObject({ seq: 6, problem: 'edited' });
    });

    it('names a deleted entry', async () => {
      await tamper(sql`delete from audit_entry where seq = 5`);
      expect((await verifyAuditChain(database.db)).firstBad).toMatchObject({ seq: 5, problem: 'deleted' });
    });

    it('notices a cut-off tail', async () => {
      await tamper(sql`delete from audit_entry where seq >= 9`);
      expect((await verifyAuditChain(database.db)).firstBad).toMatchObject({ seq: 9, problem: 'deleted' });
    });

    it('names an entry written around the log, even with a correct hash', async () => {
      const last = (
        await sql<{ hash: string }>`select hash from audit_entry where seq = 10`.execute(database.db)
      ).rows[0]!;
      const forged: ChainedContent = {
        seq: 11,
        recorded: '2026-03-01T09:00:00.000Z',
        action: 'read',
        outcome: 'success',
        principalId: 'u-1',
        principalKind: 'user',
        username: 'dr.li',
        role: 'clinician',
        resourceType: 'Observation',
        resourceId: 'x',
        query: null,
        patientIds: [],
        clientAddress: null,
        requestId: 'forged',
        detail: null,
        prevHash: last.hash,
      };
      await sql`insert into audit_entry (seq, recorded_at, action, outcome, principal_id, principal_kind, username, role,
          resource_type, resource_id, query, patient_ids, client_address, request_id, detail, prev_hash, hash)
        values (11, ${forged.recorded}, 'read', 'success', 'u-1', 'user', 'dr.li', 'clinician', 'Observation', 'x', null,
          '{}', null, 'forged', null, ${last.hash}, ${entryHash(forged)})`.execute(database.db);
      expect((await verifyAuditChain(database.db)).firstBad).toMatchObject({ seq: 11, problem: 'inserted' });
    });

    it('names an entry spliced into the middle', async () => {
      // Make room at 4 by renumbering 4..10 → 5..11, then copy entry 2 into the gap.
      await tamper(sql`update audit_entry set seq = seq + 1000 where seq >= 4`);
      await tamper(sql`update audit_entry set seq = seq - 999 where seq >= 1000`);
      await sql`insert into audit_entry select 4, recorded_at, action, outcome, principal_id, principal_kind, username, role,
          resource_type, resource_id, query, patient_ids, client_address, request_id, detail, prev_hash, hash
        from audit_entry where seq = 2`.execute(database.db);
      await sql`update audit_chain_head set seq = 11`.execute(database.db);
      const result = await verifyAuditChain(database.db);
      expect(result.firstBad).toMatchObject({ seq: 4, problem: 'reordered' });
    });

    it('names reordered entries', async () => {
      await tamper(sql`update audit_entry set seq = -3 where seq = 3`);
      await tamper(sql`update audit_entry set seq = 3 where seq = 7`);
      await tamper(sql`update audit_entry set seq = 7 where seq = -3`);
      expect((await verifyAuditChain(database.db)).firstBad).toMatchObject({ seq: 3, problem: 'reordered' });
    });

    it('notices an entry rewritten with a recomputed hash at the next link', async () => {
      const { rows } = await sql<AuditEntryRow>`select * from audit_entry where seq = 5`.execute(database.db);
      const content: ChainedContent = { ...rowToEntry(rows[0]!), action: 'delete' };
      await tamper(sql`update audit_entry set action = 'delete', hash = ${entryHash(content)} where seq = 5`);
      expect((await verifyAuditChain(database.db)).firstBad).toMatchObject({
        seq: 6,
        problem: 'broken-link',
      });
    });

    it('notices a chain head that does not match the last entry', async () => {
      await sql`update audit_chain_head set hash = ${'f'.repeat(64)}`.execute(database.db);
      expect((await verifyAuditChain(database.db)).firstBad).toMatchObject({
        seq: 10,
        problem: 'head-mismatch',
      });
    });
  });

  describe('FHIR view', () => {
    beforeAll(() => reset(9));

    it('maps entries to AuditEvent resources', async () => {
      const { total, resources } = await searchAuditEvents(database.db, { count: 1, offset: 0 });
      expect(total).toBe(9);
      const event = resources[0]!;
      expect(event).toMatchObject({
        resourceType: 'AuditEvent',
        id: '9',
        action: 'R',
        recorded: '2026-03-01T08:09:00.000Z',
        outcome: '0',
        subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: 'read' }],
        source: { observer: { display: 'Qihuang' } },
      });
      const agent = (event.agent as Record<string, unknown>[])[0];
      expect(agent).toMatchObject({
        requestor: true,
        who: { identifier: { value: 'u-1' }, display: 'dr.li' },
        network: { address: '10.1.2.3', type: '2' },
      });
      expect(event.entity).toEqual([
        expect.objectContaining({ what: { reference: 'Observation/obs-9' } }),
        expect.objectContaining({
          what: { reference: 'Patient/p0' },
          role: expect.objectContaining({ code: '1' }),
        }),
      ]);
    });

    it('searches by patient, agent, date, action, with paging', async () => {
      expect(
        (await searchAuditEvents(database.db, { patient: 'Patient/p1', count: 10, offset: 0 })).total,
      ).toBe(3);
      expect(
        (await searchAuditEvents(database.db, { agent: 'nurse.wang', count: 10, offset: 0 })).total,
      ).toBe(4);
      expect((await searchAuditEvents(database.db, { agent: 'u-1', count: 10, offset: 0 })).total).toBe(5);
      const dates = parseAuditDateParams(['ge2026-03-01T08:03:00Z', 'lt2026-03-01T08:06:00Z']);
      expect((await searchAuditEvents(database.db, { ...dates, count: 10, offset: 0 })).total).toBe(3);
      expect(
        (
          await searchAuditEvents(database.db, {
            ...parseAuditDateParams(['2026-03-01']),
            count: 10,
            offset: 0,
          })
        ).total,
      ).toBe(9);
      expect(
        (
          await searchAuditEvents(database.db, {
            ...parseAuditDateParams(['le2026-02']),
            count: 10,
            offset: 0,
          })
        ).total,
      ).toBe(0);
      expect((await searchAuditEvents(database.db, { action: 'R', count: 10, offset: 0 })).total).toBe(9);
      expect((await searchAuditEvents(database.db, { action: 'C', count: 10, offset: 0 })).total).toBe(0);
      expect((await searchAuditEvents(database.db, { action: 'read', count: 10, offset: 0 })).total).toBe(9);
      const page = await searchAuditEvents(database.db, { count: 4, offset: 4 });
      expect(page.resources.map((r) => r.id)).toEqual(['5', '4', '3', '2']);
      await expect(searchAuditEvents(database.db, { action: 'X', count: 1, offset: 0 })).rejects.toThrow(
        /action/,
      );
    });

    it('exports NDJSON, oldest first, with filters', async () => {
      const lines: string[] = [];
      const n = await exportAuditNdjson(
        database.db,
        { patient: 'p2', since: '2026-03-01T08:03:00Z' },
        (line) => {
          lines.push(line);
        },
      );
      expect(n).toBe(2);
      expect(lines.map((l) => JSON.parse(l).id)).toEqual(['5', '8']);
      expect(lines.every((l) => l.endsWith('\n'))).toBe(true);
    });
  });
});
