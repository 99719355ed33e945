import { describe, expect, it } from 'vitest';
import { StableIds, withStableIds } from './stable-ids.ts';
import { toTransaction } from './import-files.ts';

type Entry = { fullUrl?: string; resource?: { id?: string }; request?: { method: string; url: string } };
const entriesOf = (bundle: Record<string, unknown>) => bundle.entry as Entry[];

describe('stable import ids', () => {
  it('a create with a urn:uuid fullUrl becomes a PUT by that uuid; references still resolve by fullUrl', () => {
    const bundle = withStableIds({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:0d2c3b1a-0000-4000-8000-000000000001',
          resource: { resourceType: 'Patient' },
          request: { method: 'POST', url: 'Patient' },
        },
      ],
    });
    expect(entriesOf(bundle)[0]).toEqual({
      fullUrl: 'urn:uuid:0d2c3b1a-0000-4000-8000-000000000001',
      resource: { resourceType: 'Patient', id: '0d2c3b1a-0000-4000-8000-000000000001' },
      request: { method: 'PUT', url: 'Patient/0d2c3b1a-0000-4000-8000-000000000001' },
    });
  });

  it('ids derived from content do not depend on key order, and identical resources get distinct ids', () => {
    const a = new StableIds().idFor({ resourceType: 'Organization', name: 'A', active: true }, undefined);
    const b = new StableIds().idFor({ active: true, name: 'A', resourceType: 'Organization' }, undefined);
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const ids = new StableIds();
    const twice = [ids.idFor({ resourceType: 'Organization' }, undefined)];
    twice.push(ids.idFor({ resourceType: 'Organization' }, undefined));
    expect(new Set(twice).size).toBe(2);
    // The same file read again derives the same ids.
    const again = new StableIds();
    expect([
      again.idFor({ resourceType: 'Organization' }, undefined),
      again.idFor({ resourceType: 'Organization' }, undefined),
    ]).toEqual(twice);
    expect(new StableIds().idFor({ resourceType: 'Organization', name: 'B' }, undefined)).not.toBe(a);
  });

  it('keeps conditional creates, PUTs and deletes as they are', () => {
    const entry = [
      {
        resource: { resourceType: 'Organization', name: 'X' },
        request: { method: 'POST', url: 'Organization', ifNoneExist: 'identifier=x|1' },
      },
      { resource: { resourceType: 'Patient', id: 'p1' }, request: { method: 'PUT', url: 'Patient/p1' } },
      { request: { method: 'DELETE', url: 'Patient/p2' } },
    ];
    expect(withStableIds({ resourceType: 'Bundle', type: 'transaction', entry }).entry).toEqual(entry);
  });

  it('collections and single resources become PUTs by stable id', () => {
    const bundle = toTransaction({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: { resourceType: 'Patient', id: 'given' } },
        { resource: { resourceType: 'Patient', gender: 'male' } },
      ],
    });
    const [given, derived] = entriesOf(bundle);
    expect(given?.request).toEqual({ method: 'PUT', url: 'Patient/given' });
    expect(derived?.request?.method).toBe('PUT');
    expect(derived?.request?.url).toBe(`Patient/${derived?.resource?.id}`);
    expect(entriesOf(toTransaction({ resourceType: 'Patient', gender: 'male' }))[0]?.resource?.id).toBe(
      derived?.resource?.id,
    );
  });
});
