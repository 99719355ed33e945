/**
 * Appending to the tamper-evident audit trail. `append` runs inside the caller's transaction: the entry
 * commits or rolls back with the change it records, and the chain head's row lock (taken by
 * `UPDATE … RETURNING`) orders concurrent appenders on PostgreSQL until that transaction ends, so sequence
 * numbers stay gap-free and each entry links to the one before. Append last in a transaction to keep that
 * lock short.
 */
import { sql } from 'kysely';
import type { AuditRecord, RequestContext } from '@qihuang/contracts';
import { canonicalJson, entryHash, type ChainedContent } from './canonical.ts';
import type { AnyKysely } from './tables.ts';

export interface AuditEntry extends ChainedContent {
  hash: string;
}

export interface AuditLog {
  /**
   * Append one entry. `executor` is the caller's Kysely transaction (preferred) or the database (then the
   * append runs in a transaction of its own).
   */
  append(executor: AnyKysely, ctx: RequestContext, record: AuditRecord): Promise<AuditEntry>;
}

export interface AuditLogOptions {
  clock?: () => Date;
}

const MAX_TEXT = 4096;
const MAX_DETAIL = 16 * 1024;

const clip = (value: string | undefined | null, max = MAX_TEXT): string | null =>
  value === undefined || value === null ? null : value.length > max ? value.slice(0, max) : value;

function patientIds(ids: readonly string[]): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    if (typeof id !== 'string' || id === '') continue;
    out.add(id.startsWith('Patient/') ? id.slice('Patient/'.length) : id);
  }
  return [...out].map((id) => id.slice(0, 256));
}

function detailText(detail: Record<string, unknown> | undefined): string | null {
  if (detail === undefined) return null;
  let text: string;
  try {
    text = canonicalJson(detail);
  } catch {
    text = canonicalJson({ unserialisable: true });
  }
  return text.length > MAX_DETAIL ? canonicalJson({ truncated: true, bytes: text.length }) : text;
}

interface Pending {
  ctx: RequestContext;
  record: AuditRecord;
  recorded: string;
  resolve: (entry: AuditEntry) => void;
  reject: (error: unknown) => void;
}

/** Entries per group commit (17 parameters each, far below PostgreSQL's 65,535 limit). */
const GROUP_MAX = 200;

function contentOf(
  ctx: RequestContext,
  record: AuditRecord,
  seq: number,
  recorded: string,
  prevHash: string,
): ChainedContent {
  const principal = ctx.principal;
  return {
    seq,
    recorded,
    action: record.action,
    outcome: record.outcome,
    principalId: clip(principal.id, 256) ?? '',
    principalKind: principal.kind,
    username: clip(principal.username, 256) ?? '',
    role: principal.role,
    resourceType: clip(record.resourceType, 64),
    resourceId: clip(record.resourceId, 256),
    query: clip(record.query),
    patientIds: patientIds(record.patientIds ?? []),
    clientAddress: clip(ctx.clientAddress, 128),
    requestId: clip(ctx.requestId, 256) ?? '',
    detail: detailText(record.detail),
    prevHash,
  };
}

const rowOf = (c: ChainedContent, hash: string) => ({
  seq: c.seq,
  recorded_at: c.recorded,
  action: c.action,
  outcome: c.outcome,
  principal_id: c.principalId,
  principal_kind: c.principalKind,
  username: c.username,
  role: c.role,
  resource_type: c.resourceType,
  resource_id: c.resourceId,
  query: c.query,
  patient_ids: c.patientIds,
  client_address: c.clientAddress,
  request_id: c.requestId,
  detail: c.detail,
  prev_hash: c.prevHash,
  hash,
});

/** A group's entries, chained on from the head (`seq`, `hash`). */
function chainFrom(group: Pending[], seq: number, prev: string): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const p of group) {
    const content = contentOf(p.ctx, p.record, ++seq, p.recorded, prev);
    const hash = entryHash(content);
    out.push({ ...content, hash });
    prev = hash;
  }
  return out;
}

/** The chain head this log last committed, per database handle (another writer may have moved it since). */
interface Queue {
  pending: Pending[];
  flushing: boolean;
  head?: { seq: number; hash: string };
}

/**
 * Writes a group in ONE statement, conditional on the chain head still being the one this log last
 * committed: the head update matches no row if another writer (another process, a write's transaction)
 * moved it, and then nothing is inserted. One round trip and one commit instead of five round trips with
 * the head's row lock held across them. Returns undefined when the head had moved.
 */
async function appendAtKnownHead(
  db: AnyKysely,
  group: Pending[],
  known: { seq: number; hash: string },
): Promise<AuditEntry[] | undefined> {
  const entries = chainFrom(group, known.seq, known.hash);
  const last = entries[entries.length - 1]!;
  const rows = entries.map(
    (e) => sql`(${e.seq}::bigint, ${e.recorded}::timestamptz, ${e.action}::text, ${e.outcome}::text,
      ${e.principalId}::text, ${e.principalKind}::text, ${e.username}::text, ${e.role}::text,
      ${e.resourceType}::text, ${e.resourceId}::text, ${e.query}::text, ${e.patientIds}::text[],
      ${e.clientAddress}::text, ${e.requestId}::text, ${e.detail}::text, ${e.prevHash}::text, ${e.hash}::text)`,
  );
  const written = await sql<{ seq: number | string }>`
    with head as (
      update audit_chain_head set seq = ${last.seq}, hash = ${last.hash}
      where id = 1 and seq = ${known.seq} and hash = ${known.hash}
      returning id
    )
    insert into audit_entry (seq, recorded_at, action, outcome, principal_id, principal_kind, username, role,
      resource_type, resource_id, query, patient_ids, client_address, request_id, detail, prev_hash, hash)
    select * from (values ${sql.join(rows)}) as entry
    where exists (select 1 from head)
    returning seq`.execute(db);
  return written.rows.length === entries.length ? entries : undefined;
}

/** Writes a group after reading the head under its row lock (first group, or the head moved). */
async function appendLocked(db: AnyKysely, group: Pending[]): Promise<AuditEntry[]> {
  return db.transaction().execute(async (trx) => {
    const head = await sql<{ seq: number | string; hash: string }>`
      update audit_chain_head set seq = seq + ${group.length} where id = 1 returning seq, hash`.execute(trx);
    const row = head.rows[0];
    if (!row) throw new Error('audit_chain_head is missing (migration 0110-audit not applied?)');
    const out = chainFrom(group, Number(row.seq) - group.length, row.hash);
    await trx
      .insertInto('audit_entry')
      .values(out.map((e) => rowOf(e, e.hash)))
      .execute();
    await sql`update audit_chain_head set hash = ${out[out.length - 1]!.hash} where id = 1`.execute(trx);
    return out;
  });
}

/**
 * Appends that are not part of a write (reads, searches, logins, model calls) are group-committed: appends
 * arriving while a commit is in flight wait for the next one and are written together — one multi-row
 * insert and one chain-head update for the group — so concurrent readers no longer queue one by one on the
 * chain head's row lock. Once this log knows the head (it committed the last group), a group is one
 * statement (`appendAtKnownHead`); otherwise it is read under the row lock. Either way each caller gets its
 * entry only after it is committed (durable: the commit waits for the WAL flush), and the chain stays one
 * gap-free sequence whoever else appends.
 */
export function createAuditLog(options: AuditLogOptions = {}): AuditLog {
  const clock = options.clock ?? (() => new Date());
  const queues = new WeakMap<AnyKysely, Queue>();

  async function flush(db: AnyKysely, queue: Queue): Promise<void> {
    queue.flushing = true;
    try {
      while (queue.pending.length > 0) {
        const group = queue.pending.splice(0, GROUP_MAX);
        try {
          const known = queue.head;
          queue.head = undefined;
          const entries =
            (known && (await appendAtKnownHead(db, group, known))) ?? (await appendLocked(db, group));
          const last = entries[entries.length - 1]!;
          queue.head = { seq: last.seq, hash: last.hash };
          group.forEach((p, i) => p.resolve(entries[i]!));
        } catch (error) {
          for (const p of group) p.reject(error);
        }
      }
    } finally {
      queue.flushing = false;
    }
  }

  const log: AuditLog = {
    async append(executor, ctx, record) {
      if (!executor.isTransaction) {
        let queue = queues.get(executor);
        if (!queue) {
          queue = { pending: [], flushing: false };
          queues.set(executor, queue);
        }
        const q = queue;
        const entry = new Promise<AuditEntry>((resolve, reject) =>
          q.pending.push({ ctx, record, recorded: clock().toISOString(), resolve, reject }),
        );
        if (!q.flushing) void flush(executor, q);
        return entry;
      }
      const head = await sql<{ seq: number | string; hash: string }>`
        update audit_chain_head set seq = seq + 1 where id = 1 returning seq, hash`.execute(executor);
      const row = head.rows[0];
      if (!row) throw new Error('audit_chain_head is missing (migration 0110-audit not applied?)');
      const content = contentOf(ctx, record, Number(row.seq), clock().toISOString(), row.hash);
      const hash = entryHash(content);
      await sql`
        with entry as (
          insert into audit_entry (seq, recorded_at, action, outcome, principal_id, principal_kind, username,
            role, resource_type, resource_id, query, patient_ids, client_address, request_id, detail,
            prev_hash, hash)
          values (${content.seq}, ${content.recorded}, ${content.action}, ${content.outcome},
            ${content.principalId}, ${content.principalKind}, ${content.username}, ${content.role},
            ${content.resourceType}, ${content.resourceId}, ${content.query}, ${content.patientIds}::text[],
            ${content.clientAddress}, ${content.requestId}, ${content.detail}, ${content.prevHash}, ${hash})
          returning hash
        )
        update audit_chain_head set hash = (select hash from entry) where id = 1`.execute(executor);
      return { ...content, hash };
    },
  };
  return log;
}

/** Row of audit_entry (as selected by rowColumns) to the chained content + hash. */
export interface AuditEntryRow {
  seq: number | string;
  recorded_at: Date | string;
  action: string;
  outcome: string;
  principal_id: string;
  principal_kind: string;
  username: string;
  role: string;
  resource_type: string | null;
  resource_id: string | null;
  query: string | null;
  patient_ids: string[];
  client_address: string | null;
  request_id: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export function rowToEntry(r: AuditEntryRow): AuditEntry {
  return {
    seq: Number(r.seq),
    recorded: (r.recorded_at instanceof Date ? r.recorded_at : new Date(r.recorded_at)).toISOString(),
    action: r.action,
    outcome: r.outcome,
    principalId: r.principal_id,
    principalKind: r.principal_kind,
    username: r.username,
    role: r.role,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    query: r.query,
    patientIds: r.patient_ids,
    clientAddress: r.client_address,
    requestId: r.request_id,
    detail: r.detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
