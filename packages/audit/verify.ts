/**
 * Whole-chain verification. Streams entries in seq order (keyset pagination on the primary key, the next
 * batch fetched while the current one is hashed), recomputes each hash with node:crypto and checks the links,
 * the gap-free numbering and the chain head. Names the first entry that is wrong.
 *
 * Speed: PostgreSQL assembles each entry's canonical serialisation (`canonicalSql`, built only from
 * pg_catalog functions and byte-for-byte equal to `canonicalEntry`, which a test holds on both databases), so
 * one text column per entry crosses the wire instead of seventeen parsed ones. A difference between the two
 * serialisations could only ever show up as a false alarm, never hide a change.
 *
 * Entries at or below the chain head are immutable, so no long transaction is needed: entries appended while
 * verification runs are picked up by re-reading the head.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { GENESIS_HASH } from './canonical.ts';
import { readChainHead, unauditedData, type AuditCheckpoint } from './checkpoints.ts';
import type { AnyKysely } from './tables.ts';

export type AuditProblem =
  /** The entry's content no longer matches its own hash. */
  | 'edited'
  /** A sequence number is missing (an entry was deleted), or the tail was cut off. */
  | 'deleted'
  /** An entry the chain head never recorded (written around the audit log). */
  | 'inserted'
  /** The entry sits at a position it was not written at (moved, spliced in, or renumbered). */
  | 'reordered'
  /** The entry is intact but its previous-hash link does not match the entry before it. */
  | 'broken-link'
  /** The last entry's hash differs from the chain head. */
  | 'head-mismatch'
  /** The chain ends before an entry a checkpoint recorded: newest entries deleted and the head moved back. */
  | 'rewound'
  /** The entry at a checkpoint's position has another hash: the chain was rewritten from there or before. */
  | 'checkpoint-mismatch'
  /** No entries, but the store holds FHIR resources or users: the whole chain was deleted. */
  | 'empty-chain';

export interface AuditVerifyResult {
  ok: boolean;
  /** Entries checked and found intact. */
  checked: number;
  /**
   * The chain head (last sequence number and hash). Keep a copy outside the database (e.g. from
   * `qihuang audit verify --json`) to detect a wholesale rewrite of the chain.
   */
  head: { seq: number; hash: string };
  firstBad?: { seq: number; problem: AuditProblem; message: string };
  /** Checkpoints checked (when some were given). */
  checkpoints?: number;
  elapsedMs: number;
}

export interface VerifyOptions {
  onProgress?: (progress: { checked: number; total: number }) => void;
  batchSize?: number;
  /**
   * Where entry hashes are recomputed. 'node' (default): node:crypto, independent of the database server.
   * 'database': pg_catalog.sha256 in PostgreSQL — about three times faster (only hashes cross the wire), but
   * it trusts the server's sha256, which a database superuser could replace; use it for frequent routine
   * checks and 'node' for the authoritative one.
   */
  hashIn?: 'node' | 'database';
  /**
   * Chain heads recorded outside the database (checkpoint file, `--expect-head`): each must still be in the
   * chain with the same hash. Without them, deleting the newest entries and moving the head back is invisible.
   */
  checkpoints?: readonly AuditCheckpoint[];
}

/**
 * SQL for the canonical serialisation of an audit_entry row: equal to canonicalEntry() of the same entry.
 * (to_json escapes strings exactly as JSON.stringify does; a recorded time with sub-millisecond digits, which
 * appends never write, gets a marker so it cannot match.)
 */
export const canonicalSql = sql<string>`
  '{"action":' || pg_catalog.to_json(action)::text
  || ',"clientAddress":' || coalesce(pg_catalog.to_json(client_address)::text, 'null')
  || ',"detail":' || coalesce(detail, 'null')
  || ',"outcome":' || pg_catalog.to_json(outcome)::text
  || ',"patientIds":' || pg_catalog.array_to_json(patient_ids)::text
  || ',"prevHash":' || pg_catalog.to_json(prev_hash)::text
  || ',"principalId":' || pg_catalog.to_json(principal_id)::text
  || ',"principalKind":' || pg_catalog.to_json(principal_kind)::text
  || ',"query":' || coalesce(pg_catalog.to_json(query)::text, 'null')
  || ',"recorded":"' || pg_catalog.to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  || case when pg_catalog.date_part('microseconds', recorded_at)::bigint % 1000 <> 0 then '~' else '' end
  || '","requestId":' || pg_catalog.to_json(request_id)::text
  || ',"resourceId":' || coalesce(pg_catalog.to_json(resource_id)::text, 'null')
  || ',"resourceType":' || coalesce(pg_catalog.to_json(resource_type)::text, 'null')
  || ',"role":' || pg_catalog.to_json(role)::text
  || ',"seq":' || seq::text
  || ',"username":' || pg_catalog.to_json(username)::text || '}'`;

interface Row {
  seq: number | string;
  prev_hash: string;
  hash: string;
  /** hashIn 'node' */
  canonical?: string;
  /** hashIn 'database' */
  computed?: string;
}

export async function verifyAuditChain(
  db: AnyKysely,
  options: VerifyOptions = {},
): Promise<AuditVerifyResult> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 20_000;
  const readHead = () => readChainHead(db);
  const expected = new Map<number, AuditCheckpoint>();
  let lastCheckpoint: AuditCheckpoint | undefined;
  for (const c of options.checkpoints ?? []) {
    const seen = expected.get(c.seq);
    if (seen && seen.hash !== c.hash) {
      // Two checkpoints disagree about one entry: at most one of them can hold.
      expected.set(c.seq, { ...c, hash: '' });
    } else if (c.seq > 0) expected.set(c.seq, c);
    if (!lastCheckpoint || c.seq > lastCheckpoint.seq) lastCheckpoint = c;
  }
  const inDatabase = options.hashIn === 'database';
  const fetch = async (after: number) =>
    (inDatabase
      ? await sql<Row>`
          select seq, prev_hash, hash,
            pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(${canonicalSql}, 'UTF8')), 'hex') as computed
          from audit_entry where seq > ${after} order by seq limit ${batchSize}`.execute(db)
      : await sql<Row>`
          select seq, prev_hash, hash, ${canonicalSql} as canonical
          from audit_entry where seq > ${after} order by seq limit ${batchSize}`.execute(db)
    ).rows;

  let head = await readHead();
  const initialHead = head;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const result = (firstBad?: AuditVerifyResult['firstBad']): AuditVerifyResult => ({
    ok: !firstBad,
    checked,
    head,
    ...(firstBad ? { firstBad } : {}),
    ...(options.checkpoints ? { checkpoints: options.checkpoints.length } : {}),
    elapsedMs: Math.round(performance.now() - started),
  });

  let pending: Promise<Row[]> | undefined = fetch(0);
  while (pending) {
    const rows: Row[] = await pending;
    pending = undefined;
    const last = rows[rows.length - 1];
    // Fetch the next batch while this one is hashed.
    if (rows.length === batchSize && last) pending = fetch(Number(last.seq));
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq > head.seq) head = await readHead();
      if (seq > head.seq) {
        await pending?.catch(() => undefined);
        return result({
          seq,
          problem: 'inserted',
          message: `entry ${seq} is beyond the chain head (${head.seq}): written around the audit log`,
        });
      }
      if (seq !== expectedSeq) {
        await pending?.catch(() => undefined);
        return result({
          seq: expectedSeq,
          problem: 'deleted',
          message:
            seq - expectedSeq === 1
              ? `entry ${expectedSeq} is missing (deleted)`
              : `entries ${expectedSeq}–${seq - 1} are missing (deleted)`,
        });
      }
      const selfOk =
        (inDatabase
          ? row.computed
          : createHash('sha256')
              .update(row.canonical ?? '')
              .digest('hex')) === row.hash;
      const linkOk = row.prev_hash === prevHash;
      if (!selfOk || !linkOk) {
        await pending?.catch(() => undefined);
        if (!selfOk && linkOk) {
          return result({
            seq,
            problem: 'edited',
            message: `entry ${seq} was edited (its content does not match its hash)`,
          });
        }
        if (!selfOk) {
          return result({
            seq,
            problem: 'reordered',
            message: `entry ${seq} does not belong at this position (moved, spliced in, or renumbered after a deletion)`,
          });
        }
        return result({
          seq,
          problem: 'broken-link',
          message: `entry ${seq} does not link to entry ${seq - 1} (entry ${seq - 1} was rewritten, or entries were inserted or removed before ${seq})`,
        });
      }
      const checkpoint = expected.get(seq);
      if (checkpoint && checkpoint.hash !== row.hash) {
        await pending?.catch(() => undefined);
        return result({
          seq,
          problem: 'checkpoint-mismatch',
          message: `entry ${seq} does not have the hash a checkpoint recorded${checkpoint.at ? ` at ${checkpoint.at}` : ''}: the chain was rewritten from entry ${seq} or before`,
        });
      }
      prevHash = row.hash;
      expectedSeq = seq + 1;
      checked++;
    }
    options.onProgress?.({ checked, total: Math.max(head.seq, checked) });
    if (!pending) {
      // End of the log as we saw it: entries committed meanwhile? Then carry on from there.
      const latest = await readHead();
      if (latest.seq > checked) {
        head = latest;
        const more = await fetch(checked);
        if (more.length) pending = Promise.resolve(more);
      }
    }
  }
  if (checked < initialHead.seq || checked < head.seq) {
    return result({
      seq: checked + 1,
      problem: 'deleted',
      message: `the chain head records ${head.seq} entries but the log ends at ${checked}: entries ${checked + 1}–${head.seq} were deleted`,
    });
  }
  if (prevHash !== head.hash) {
    return result({
      seq: head.seq,
      problem: 'head-mismatch',
      message: `entry ${head.seq} does not match the hash recorded in the chain head`,
    });
  }
  if (lastCheckpoint && lastCheckpoint.seq > checked) {
    return result({
      seq: lastCheckpoint.seq,
      problem: 'rewound',
      message: `a checkpoint${lastCheckpoint.at ? ` taken at ${lastCheckpoint.at}` : ''} recorded entry ${lastCheckpoint.seq} but the chain ends at ${checked}: ${checked + 1 === lastCheckpoint.seq ? `entry ${checked + 1} was` : `entries ${checked + 1}–${lastCheckpoint.seq} were`} deleted and the chain head moved back`,
    });
  }
  if (checked === 0) {
    const data = await unauditedData(db);
    if (data.length)
      return result({
        seq: 1,
        problem: 'empty-chain',
        message: `the audit chain is empty but the store holds ${data.join(' and ')}: the chain was deleted`,
      });
  }
  return result();
}
