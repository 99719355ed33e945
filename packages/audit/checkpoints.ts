/**
 * Chain-head checkpoints: copies of (seq, hash) kept outside the database (a file the server appends to, a
 * webhook, or a value passed to `audit verify --expect-head`). A checkpoint holds when the chain still contains
 * that entry with that hash; it fails when the chain now ends before it (newest entries deleted and the head
 * moved back: `rewound`) or when the entry there has another hash (`checkpoint-mismatch`).
 */
import { sql } from 'kysely';
import { QihuangError } from '@qihuang/contracts';
import { GENESIS_HASH } from './canonical.ts';
import type { AnyKysely } from './tables.ts';

export interface AuditCheckpoint {
  seq: number;
  hash: string;
  /** When the checkpoint was taken (written by the checkpoint writer). */
  at?: string;
}

const HASH_RE = /^[0-9a-f]{64}$/;

function checked(seq: unknown, hash: unknown, at: unknown, where: string): AuditCheckpoint {
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0 || typeof hash !== 'string')
    throw new QihuangError(
      'invalid-input',
      `${where}: a checkpoint is SEQ:HASH (sha256 hex) or {"seq","hash"}`,
    );
  if (!HASH_RE.test(hash))
    throw new QihuangError(
      'invalid-input',
      `${where}: a checkpoint is SEQ:HASH with a 64-digit sha256 hex hash`,
    );
  return typeof at === 'string' ? { seq, hash, at } : { seq, hash };
}

/** `SEQ:HASH` (as printed by `audit verify`) or a JSON line `{"seq":…,"hash":…,"at":…}`. */
export function parseCheckpoint(text: string, where = 'checkpoint'): AuditCheckpoint {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let value: { seq?: unknown; hash?: unknown; at?: unknown };
    try {
      value = JSON.parse(trimmed) as typeof value;
    } catch {
      throw new QihuangError('invalid-input', `${where}: not JSON`);
    }
    return checked(value?.seq, value?.hash, value?.at, where);
  }
  const match = /^(\d{1,16}):([^:\s]+)$/.exec(trimmed);
  if (!match) throw new QihuangError('invalid-input', `${where}: a checkpoint is SEQ:HASH (e.g. 1234:3fa9…)`);
  return checked(Number(match[1]), match[2]!.toLowerCase(), undefined, where);
}

/** Every checkpoint of a file (one per line, blank lines skipped); a bad line is named. */
export function parseCheckpointFile(text: string, name = 'checkpoints'): AuditCheckpoint[] {
  const out: AuditCheckpoint[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim()) out.push(parseCheckpoint(line, `${name} line ${i + 1}`));
  });
  return out;
}

/** The chain head as recorded in the database (last sequence number and hash). */
export async function readChainHead(db: AnyKysely): Promise<{ seq: number; hash: string }> {
  const row = (
    await sql<{ seq: number | string; hash: string }>`
      select seq, hash from audit_chain_head where id = 1`.execute(db)
  ).rows[0];
  return { seq: Number(row?.seq ?? 0), hash: row?.hash ?? GENESIS_HASH };
}

/**
 * What the store holds that must have left audit entries: FHIR resources (every write is audited in its own
 * transaction) and users (the first admin's creation is audited at start-up). Tables that do not exist (a
 * database used by the audit log alone) count as empty.
 */
export async function unauditedData(db: AnyKysely): Promise<string[]> {
  const found: string[] = [];
  for (const [table, label] of [
    ['fhir_resource', 'FHIR resources'],
    ['identity_user', 'users'],
  ] as const) {
    const exists = (
      await sql<{ t: string | null }>`select pg_catalog.to_regclass(${table})::text as t`.execute(db)
    ).rows[0]?.t;
    if (!exists) continue;
    const { rows } = await sql<{ any: boolean }>`
      select exists (select 1 from ${sql.table(table)}) as any`.execute(db);
    if (rows[0]?.any) found.push(label);
  }
  return found;
}
