/**
 * Whole-chain verification. Streams entries in seq order (keyset pagination on the primary key, inside one
 * REPEATABLE READ snapshot so concurrent appends don't disturb it), recomputes each hash and checks the
 * links, the gap-free numbering and the chain head. Names the first entry that is wrong.
 */
import { sql } from 'kysely';
import { GENESIS_HASH, entryHash } from './canonical.ts';
import { rowToEntry, type AuditEntryRow } from './audit-log.ts';
import type { AnyKysely } from './tables.ts';

export type AuditProblem =
  /** The entry's content no longer matches its own hash. */
  | 'edited'
  /** A sequence number is missing (an entry was deleted), or the tail was cut off. */
  | 'deleted'
  /** An entry that the chain head never recorded, or one spliced into the middle. */
  | 'inserted'
  /** The entry sits at a position it was not written at. */
  | 'reordered'
  /** The entry is intact but its previous-hash link does not match the entry before it. */
  | 'broken-link'
  /** The last entry's hash differs from the chain head. */
  | 'head-mismatch';

export interface AuditVerifyResult {
  ok: boolean;
  /** Entries checked. */
  checked: number;
  /** The chain head (last sequence number and hash) as recorded. Keep a copy outside the database to detect a
   * full rewrite of the chain. */
  head: { seq: number; hash: string };
  firstBad?: { seq: number; problem: AuditProblem; message: string };
  elapsedMs: number;
}

export interface VerifyOptions {
  onProgress?: (progress: { checked: number; total: number }) => void;
  batchSize?: number;
}

export async function verifyAuditChain(
  db: AnyKysely,
  options: VerifyOptions = {},
): Promise<AuditVerifyResult> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 25_000;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const headRow = (
        await sql<{ seq: number | string; hash: string }>`select seq, hash from audit_chain_head where id = 1`.execute(
          trx,
        )
      ).rows[0];
      const head = { seq: Number(headRow?.seq ?? 0), hash: headRow?.hash ?? GENESIS_HASH };
      const fetch = (after: number) =>
        sql<AuditEntryRow>`
          select seq, recorded_at, action, outcome, principal_id, principal_kind, username, role, resource_type,
            resource_id, query, patient_ids, client_address, request_id, detail, prev_hash, hash
          from audit_entry where seq > ${after} order by seq limit ${batchSize}`.execute(trx);

      let expectedSeq = 1;
      let prevHash = GENESIS_HASH;
      let checked = 0;
      const result = (firstBad?: AuditVerifyResult['firstBad']): AuditVerifyResult => ({
        ok: !firstBad,
        checked,
        head,
        ...(firstBad ? { firstBad } : {}),
        elapsedMs: Math.round(performance.now() - started),
      });

      let after = 0;
      for (;;) {
        const { rows } = await fetch(after);
        for (const row of rows) {
          const entry = rowToEntry(row);
          const seq = entry.seq;
          if (seq > head.seq) {
            return result({
              seq,
              problem: 'inserted',
              message: `entry ${seq} is beyond the chain head (${head.seq}): inserted outside the audit log`,
            });
          }
          if (seq !== expectedSeq) {
            return result({
              seq: expectedSeq,
              problem: 'deleted',
              message:
                seq - expectedSeq === 1
                  ? `entry ${expectedSeq} is missing (deleted)`
                  : `entries ${expectedSeq}–${seq - 1} are missing (deleted)`,
            });
          }
          const selfOk = entryHash(entry) === entry.hash;
          const linkOk = entry.prevHash === prevHash;
          if (!selfOk && linkOk) {
            return result({ seq, problem: 'edited', message: `entry ${seq} was edited (content does not match its hash)` });
          }
          if (!selfOk) {
            return result({
              seq,
              problem: 'reordered',
              message: `entry ${seq} does not belong at this position (moved, inserted, or an entry before it was removed)`,
            });
          }
          if (!linkOk) {
            return result({
              seq,
              problem: 'broken-link',
              message: `entry ${seq} does not link to entry ${seq - 1} (entry ${seq - 1} was rewritten, or an entry was inserted or removed before ${seq})`,
            });
          }
          prevHash = entry.hash;
          expectedSeq = seq + 1;
          checked++;
        }
        options.onProgress?.({ checked, total: head.seq });
        if (rows.length < batchSize) break;
        after = expectedSeq - 1;
      }
      if (checked < head.seq) {
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
      return result();
    });
}
