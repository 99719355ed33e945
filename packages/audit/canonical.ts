/**
 * Canonical serialisation of audit entries: JSON with object keys sorted (UTF-16 code-unit order, as
 * Array.prototype.sort), no whitespace, `undefined` members omitted. The chain hash of an entry is
 * sha256(canonical JSON of its content including prevHash), hex.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      }
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
    }
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new TypeError(`canonicalJson: cannot serialise ${typeof value}`);
  }
  throw new TypeError('canonicalJson: unreachable');
}

/** The hashed content of one entry, as stored (detail is already canonical JSON text or null). */
export interface ChainedContent {
  seq: number;
  recorded: string;
  action: string;
  outcome: string;
  principalId: string;
  principalKind: string;
  username: string;
  role: string;
  resourceType: string | null;
  resourceId: string | null;
  query: string | null;
  patientIds: string[];
  clientAddress: string | null;
  requestId: string;
  detail: string | null;
  prevHash: string;
}

const str = (v: string | null): string => (v === null ? 'null' : JSON.stringify(v));

/**
 * Fast path of canonicalJson for one entry: the keys written in sorted order by hand. Equal, byte for byte,
 * to canonicalJson of the same object with detail parsed (a test holds both to that).
 */
export function canonicalEntry(e: ChainedContent): string {
  return (
    `{"action":${JSON.stringify(e.action)}` +
    `,"clientAddress":${str(e.clientAddress)}` +
    `,"detail":${e.detail === null ? 'null' : e.detail}` +
    `,"outcome":${JSON.stringify(e.outcome)}` +
    `,"patientIds":${JSON.stringify(e.patientIds)}` +
    `,"prevHash":${JSON.stringify(e.prevHash)}` +
    `,"principalId":${JSON.stringify(e.principalId)}` +
    `,"principalKind":${JSON.stringify(e.principalKind)}` +
    `,"query":${str(e.query)}` +
    `,"recorded":${JSON.stringify(e.recorded)}` +
    `,"requestId":${JSON.stringify(e.requestId)}` +
    `,"resourceId":${str(e.resourceId)}` +
    `,"resourceType":${str(e.resourceType)}` +
    `,"role":${JSON.stringify(e.role)}` +
    `,"seq":${e.seq}` +
    `,"username":${JSON.stringify(e.username)}}`
  );
}

export function entryHash(e: ChainedContent): string {
  return createHash('sha256').update(canonicalEntry(e)).digest('hex');
}
