import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalEntry, canonicalJson, entryHash, type ChainedContent } from './canonical.ts';

const entry: ChainedContent = {
  seq: 7,
  recorded: '2026-03-01T08:15:30.123Z',
  action: 'read',
  outcome: 'success',
  principalId: 'u-1',
  principalKind: 'user',
  username: 'dr.li',
  role: 'clinician',
  resourceType: 'Observation',
  resourceId: 'obs-1',
  query: null,
  patientIds: ['p1', 'p2'],
  clientAddress: '10.0.0.1',
  requestId: 'req-1',
  detail: canonicalJson({ z: 1, a: { c: [1, 'x'], b: null } }),
  prevHash: 'ab'.repeat(32),
};

describe('canonicalJson', () => {
  it('sorts keys recursively, drops undefined members and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'é"\n'], c: undefined, d: { y: 2, x: 1 } })).toBe(
      '{"a":[true,null,"é\\"\\n"],"b":1,"d":{"x":1,"y":2}}',
    );
  });
  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ n: 1n })).toThrow();
  });
});

describe('canonicalEntry', () => {
  it('is canonicalJson of the entry (detail parsed), byte for byte', () => {
    const generic = canonicalJson({ ...entry, detail: JSON.parse(entry.detail!) });
    expect(canonicalEntry(entry)).toBe(generic);
    const nulls = {
      ...entry,
      detail: null,
      resourceType: null,
      resourceId: null,
      clientAddress: null,
      query: 'a=\u0001',
    };
    expect(canonicalEntry(nulls)).toBe(canonicalJson(nulls));
  });
  it('hashes with sha256 over the canonical text', () => {
    expect(entryHash(entry)).toBe(createHash('sha256').update(canonicalEntry(entry)).digest('hex'));
    expect(entryHash({ ...entry, seq: 8 })).not.toBe(entryHash(entry));
  });
});
