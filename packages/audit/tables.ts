/** Kysely table types of the audit trail (migration 0110-audit). */
import type { ColumnType, Kysely } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface AuditEntryTable {
  /** Gap-free position in the chain, 1, 2, 3 … (assigned from audit_chain_head). */
  seq: number;
  recorded_at: Timestamp;
  action: string;
  outcome: 'success' | 'failure';
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
  /** Canonical JSON text (sorted keys) of AuditRecord.detail, hashed as-is. */
  detail: string | null;
  /** sha256 hex of the previous entry (64 zeros for the first). */
  prev_hash: string;
  /** sha256 hex of this entry's canonical serialisation (which includes prev_hash). */
  hash: string;
}

/** One row (id = 1): the last sequence number and hash. Locks appends into one order. */
export interface AuditChainHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditTables {
  audit_entry: AuditEntryTable;
  audit_chain_head: AuditChainHeadTable;
}

/** Any Kysely instance or transaction (the store's, typed for other tables); we only use our tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers hold Kysely<StoreTables> or a transaction of it
export type AnyKysely = Kysely<any>;

/** View any database handle through the audit tables' types. */
export function auditDb(db: AnyKysely): Kysely<AuditTables> {
  return db as unknown as Kysely<AuditTables>;
}
