/**
 * Patient write boundaries (issue 15 items 1 and 3): a patient writes only resources whose patient compartment
 * is exactly its own (every Patient reference is itself), only changes or deletes what it authored, and cannot
 * attribute its own write to someone else — on create, PUT, bulkUpsert, transaction Bundles and delete.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '@qihuang/contracts';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import type { Database } from '../database.ts';
import { processTransaction } from './bundle-processor.ts';
import { FhirRepository } from './fhir-repository.ts';
import { CLINICIAN, SYSTEM, authorizeByScopes, observation, patient } from './test-principals.ts';

const P1 = patient('p1', ['patient/Condition.write']);
const creatinine = (value: number) => ({
  resourceType: 'Observation',
  id: 'creat',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '2160-0', display: 'Creatinine' }] },
  subject: { reference: 'Patient/p1' },
  performer: [{ reference: 'Practitioner/dr' }],
  valueQuantity: { value, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
});
const forbidden = { code: 'forbidden' };
/** The same creatinine as the patient enters it (no performer), with a fresh id. */
const ownCreatinine = (value: number, id?: string) => {
  const { performer: _p, id: _id, ...rest } = creatinine(value);
  return id ? { ...rest, id } : rest;
};

describe.each(DATABASE_KINDS)('patient writes on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  const audits: AuditRecord[] = [];
  const author = async (type: string, id: string) =>
    (
      await sql<{
        author: string | null;
      }>`select author from fhir_resource where resource_type = ${type} and id = ${id}`.execute(database.db)
    ).rows[0]?.author;
  const stored = (type: string, id: string) => repo.read(SYSTEM, type, id);
  const absent = async (type: string, id: string) =>
    expect(stored(type, id)).rejects.toMatchObject({ code: 'not-found' });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, {
      authorize: authorizeByScopes,
      audit: async (_e, _c, record) => void audits.push(record),
    });
    for (const id of ['p1', 'p2'])
      await repo.update(SYSTEM, 'Patient', id, { resourceType: 'Patient', id, gender: 'female' });
    await repo.update(SYSTEM, 'Practitioner', 'dr', { resourceType: 'Practitioner', id: 'dr' });
    await repo.update(CLINICIAN, 'Observation', 'creat', creatinine(2.9));
  }, 60_000);
  afterAll(async () => database?.close());

  it('refuses a resource filed under another patient, in either pairing (item 1)', async () => {
    const other = observation('x', 'p2', { performer: [{ reference: 'Patient/p1' }] });
    const reverse = observation('x', 'p1', { performer: [{ reference: 'Patient/p2' }] });
    const elsewhere = observation('x', 'p1', { focus: [{ reference: 'Patient/p2' }] });
    const absolute = observation('x', 'p1', {
      hasMember: [{ reference: 'https://other.example/fhir/Patient/p2' }],
    });
    for (const resource of [other, reverse, elsewhere, absolute]) {
      await expect(repo.create(P1, resource)).rejects.toMatchObject(forbidden);
      await expect(repo.update(P1, 'Observation', 'x', resource)).rejects.toMatchObject(forbidden);
      await expect(
        repo.bulkUpsert(P1, [observation('fine', 'p1'), { ...resource, id: 'x' }]),
      ).rejects.toMatchObject(forbidden);
      await expect(
        processTransaction(repo, P1, {
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [{ resource, request: { method: 'PUT', url: 'Observation/x' } }],
        }),
      ).rejects.toMatchObject(forbidden);
    }
    await absent('Observation', 'x');
    await absent('Observation', 'fine'); // the batch wrote nothing
    const p2 = await repo.search(SYSTEM, 'Observation', [['patient', 'p2']]);
    expect(p2.total).toBe(0);
    // Its own reading, performed by itself, is fine.
    const own = await repo.create(
      P1,
      observation('ignored', 'p1', { performer: [{ reference: 'Patient/p1' }] }),
    );
    expect(own.created).toBe(true);
  });

  it('refuses moving its own resource into another chart, and deleting a shared one (item 1)', async () => {
    await repo.update(P1, 'Observation', 'home-1', observation('home-1', 'p1'));
    await expect(repo.update(P1, 'Observation', 'home-1', observation('home-1', 'p2'))).rejects.toMatchObject(
      forbidden,
    );
    expect((await stored('Observation', 'home-1')).subject).toEqual({ reference: 'Patient/p1' });
    await repo.update(
      SYSTEM,
      'Observation',
      'shared',
      observation('shared', 'p1', { performer: [{ reference: 'Patient/p2' }] }),
    );
    await expect(repo.delete(P1, 'Observation', 'shared')).rejects.toMatchObject(forbidden);
    expect((await stored('Observation', 'shared')).meta).toMatchObject({ versionId: '1' });
  });

  it("cannot change or delete a clinician's creatinine by any route (item 3)", async () => {
    audits.length = 0;
    const lowered = creatinine(0.8);
    await expect(repo.update(P1, 'Observation', 'creat', lowered)).rejects.toMatchObject(forbidden);
    await expect(repo.delete(P1, 'Observation', 'creat')).rejects.toMatchObject(forbidden);
    await expect(repo.bulkUpsert(P1, [lowered])).rejects.toMatchObject(forbidden);
    for (const entry of [
      { resource: lowered, request: { method: 'PUT', url: 'Observation/creat' } },
      { request: { method: 'DELETE', url: 'Observation/creat' } },
    ])
      await expect(
        processTransaction(repo, P1, { resourceType: 'Bundle', type: 'transaction', entry: [entry] }),
      ).rejects.toMatchObject(forbidden);
    expect(audits).toEqual([]); // nothing was written, so nothing was audited as done
    const current = await stored('Observation', 'creat');
    expect(current.valueQuantity).toMatchObject({ value: 2.9 });
    expect(current.meta).toMatchObject({ versionId: '1' });
    // Sending back the very same content changes nothing and is not refused.
    const same = await repo.update(P1, 'Observation', 'creat', creatinine(2.9));
    expect(same.changed).toBe(false);
    expect(await author('Observation', 'creat')).toBe('user/u-doc');
  });

  it('changes and deletes what it authored, until a clinician writes a version (issue 15 item 3, review item 2)', async () => {
    const { resource } = await repo.create(P1, observation('ignored', 'p1'), {});
    expect(await author('Observation', resource.id)).toBe('Patient/p1');
    const changed = await repo.update(P1, 'Observation', resource.id, {
      ...observation(resource.id, 'p1'),
      valueQuantity: { value: 72, unit: '/min' },
    });
    expect(changed.resource.meta).toMatchObject({ versionId: '2' });
    // The care team may not change the values the patient recorded (decision 0020: 409, withdraw and re-enter) …
    await expect(
      repo.update(CLINICIAN, 'Observation', resource.id, {
        ...observation(resource.id, 'p1'),
        performer: [{ reference: 'Practitioner/dr' }],
        valueQuantity: { value: 64, unit: '/min' },
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    // … but writes a version of its workflow (a note): the current version is the clinician's, and the patient
    // can no longer touch it by any route (PUT, bulk, transaction PUT or DELETE, delete).
    await repo.update(CLINICIAN, 'Observation', resource.id, {
      ...observation(resource.id, 'p1'),
      valueQuantity: { value: 72, unit: '/min' },
      note: [{ text: 'checked with the patient' }],
    });
    expect(await author('Observation', resource.id)).toBe('user/u-doc');
    const back = { ...observation(resource.id, 'p1'), valueQuantity: { value: 70, unit: '/min' } };
    await expect(repo.update(P1, 'Observation', resource.id, back)).rejects.toMatchObject(forbidden);
    await expect(repo.bulkUpsert(P1, [back])).rejects.toMatchObject(forbidden);
    await expect(repo.delete(P1, 'Observation', resource.id)).rejects.toMatchObject(forbidden);
    for (const entry of [
      { resource: back, request: { method: 'PUT', url: `Observation/${resource.id}` } },
      { request: { method: 'DELETE', url: `Observation/${resource.id}` } },
    ])
      await expect(
        processTransaction(repo, P1, { resourceType: 'Bundle', type: 'transaction', entry: [entry] }),
      ).rejects.toMatchObject(forbidden);
    expect((await stored('Observation', resource.id)).valueQuantity).toMatchObject({ value: 72 });
    // The care team does not delete the patient's own reading either (409: mark it entered-in-error).
    const { resource: mine } = await repo.create(P1, observation('ignored', 'p1'), {});
    await expect(repo.delete(CLINICIAN, 'Observation', mine.id)).rejects.toMatchObject({ code: 'conflict' });
    expect(await author('Observation', mine.id)).toBe('Patient/p1');
    // Its own, untouched by anyone else: deleting is fine.
    const { resource: own } = await repo.create(P1, observation('ignored', 'p1'), {});
    await repo.delete(P1, 'Observation', own.id);
    await expect(stored('Observation', own.id)).rejects.toMatchObject({ code: 'gone' });
    // A row from before authors were recorded has no author: not the patient's.
    await repo.update(P1, 'Observation', 'legacy', observation('legacy', 'p1'));
    await sql`update fhir_resource set author = null where id = 'legacy'`.execute(database.db);
    await expect(
      repo.update(P1, 'Observation', 'legacy', observation('legacy', 'p1', { status: 'amended' })),
    ).rejects.toMatchObject(forbidden);
    await expect(repo.delete(P1, 'Observation', 'legacy')).rejects.toMatchObject(forbidden);
  });

  it('cannot attribute its own write to someone else (item 3)', async () => {
    const attributed: Record<string, unknown>[] = [
      observation('a1', 'p1', { performer: [{ reference: 'Practitioner/dr' }] }),
      observation('a1', 'p1', { performer: [{ display: 'Dr Wang' }] }),
      {
        resourceType: 'Condition',
        id: 'c1',
        subject: { reference: 'Patient/p1' },
        code: { text: 'headache' },
        asserter: { reference: 'Practitioner/dr' },
      },
      {
        resourceType: 'Condition',
        id: 'c2',
        subject: { reference: 'Patient/p1' },
        code: { text: 'headache' },
        recorder: { reference: 'Practitioner/dr' },
      },
    ];
    for (const resource of attributed) {
      await expect(repo.create(P1, resource)).rejects.toMatchObject(forbidden);
      await expect(repo.bulkUpsert(P1, [resource as never])).rejects.toMatchObject(forbidden);
    }
    await absent('Observation', 'a1');
    // Adding a clinician as performer to its own reading later is refused too.
    await repo.update(P1, 'Observation', 'home-2', observation('home-2', 'p1'));
    await expect(
      repo.update(
        P1,
        'Observation',
        'home-2',
        observation('home-2', 'p1', { performer: [{ reference: 'Practitioner/dr' }] }),
      ),
    ).rejects.toMatchObject(forbidden);
    // Attributed to itself: fine.
    const own = await repo.create(P1, {
      resourceType: 'Condition',
      subject: { reference: 'Patient/p1' },
      code: { text: 'headache' },
      asserter: { reference: 'Patient/p1' },
    });
    expect(own.created).toBe(true);
  });

  it('every version carries who recorded it: patient-recorded until a clinician saves it (review item 1)', async () => {
    const tag = { system: 'urn:qihuang:recorded-by', code: 'patient' };
    const { resource } = await repo.create(P1, ownCreatinine(0.8), {});
    expect(resource.meta?.tag).toEqual([expect.objectContaining(tag)]);
    expect((await stored('Observation', resource.id)).meta?.tag).toEqual([expect.objectContaining(tag)]);
    // The patient cannot remove or replace the tag: the store sets it from the author of the version.
    const again = await repo.update(P1, 'Observation', resource.id, ownCreatinine(0.8, resource.id));
    expect(again.changed).toBe(false);
    const renamed = { system: 'urn:qihuang:recorded-by', code: 'clinician' };
    const forging = await repo.update(P1, 'Observation', resource.id, {
      ...ownCreatinine(0.8, resource.id),
      meta: { tag: [renamed] },
    });
    expect(forging.changed).toBe(false);
    // A clinician saving the resource as read (tag and all) confirms it: a new version without the tag.
    const read = await stored('Observation', resource.id);
    const confirmed = await repo.update(CLINICIAN, 'Observation', resource.id, read);
    expect(confirmed.changed).toBe(true);
    expect(confirmed.resource.meta?.tag).toBeUndefined();
    // Nor can a clinician's write be made to look patient-recorded, nor a patient's clinician-recorded.
    const forged = await repo.create(CLINICIAN, { ...ownCreatinine(2.9), meta: { tag: [tag] } });
    expect(forged.resource.meta?.tag).toBeUndefined();
    const bulk = await repo.bulkUpsert(SYSTEM, [observation('bp-tag', 'p1')], { author: 'Patient/p1' });
    expect(bulk.created).toBe(1);
    expect((await stored('Observation', 'bp-tag')).meta?.tag).toEqual([expect.objectContaining(tag)]);
    expect((await repo.bulkUpsert(P1, [observation('bp-tag', 'p1')])).unchanged).toBe(1);
  });

  it("refuses references into another patient's record: visits, observations, devices (review item 3)", async () => {
    for (const [id, subject] of [
      ['enc-p1', 'p1'],
      ['enc-p2', 'p2'],
    ] as const)
      await repo.update(SYSTEM, 'Encounter', id, {
        resourceType: 'Encounter',
        id,
        status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
        subject: { reference: `Patient/${subject}` },
      });
    await repo.update(SYSTEM, 'Observation', 'obs-p2', observation('obs-p2', 'p2'));
    await repo.update(SYSTEM, 'Device', 'dev-p2', {
      resourceType: 'Device',
      id: 'dev-p2',
      patient: { reference: 'Patient/p2' },
    });
    const stray = [
      observation('r1', 'p1', { encounter: { reference: 'Encounter/enc-p2' } }),
      observation('r1', 'p1', {
        encounter: { reference: 'https://elsewhere.example/fhir/Encounter/enc-p2' },
      }),
      observation('r1', 'p1', { hasMember: [{ reference: 'Observation/obs-p2' }] }),
      observation('r1', 'p1', { derivedFrom: [{ reference: 'Observation/obs-p2/_history/1' }] }),
      observation('r1', 'p1', { device: { reference: 'Device/dev-p2' } }),
      observation('r1', 'p1', { encounter: { reference: 'Encounter/no-such-visit' } }),
    ];
    for (const resource of stray) {
      await expect(repo.create(P1, resource)).rejects.toMatchObject(forbidden);
      await expect(repo.update(P1, 'Observation', 'r1', resource)).rejects.toMatchObject(forbidden);
      await expect(repo.bulkUpsert(P1, [resource])).rejects.toMatchObject(forbidden);
      await expect(
        processTransaction(repo, P1, {
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [{ resource, request: { method: 'PUT', url: 'Observation/r1' } }],
        }),
        // (a transaction checks first that its references exist: a missing visit is 422 there)
      ).rejects.toMatchObject({ code: expect.stringMatching(/^(forbidden|invalid-input)$/) });
    }
    await absent('Observation', 'r1');
    // Its own visit, and a resource written in the same request, are fine; staff are not limited.
    expect(
      (await repo.create(P1, observation('x', 'p1', { encounter: { reference: 'Encounter/enc-p1' } })))
        .created,
    ).toBe(true);
    const batch = await repo.bulkUpsert(P1, [
      { resourceType: 'Device', id: 'dev-p1', patient: { reference: 'Patient/p1' } },
      observation('r2', 'p1', { device: { reference: 'Device/dev-p1' } }),
    ]);
    expect(batch.created).toBe(2);
    expect(
      (await repo.create(CLINICIAN, observation('x', 'p1', { encounter: { reference: 'Encounter/enc-p2' } })))
        .created,
    ).toBe(true);
  });

  it('bulkUpsert records the author a trusted writer names (the BP projector writes for the patient)', async () => {
    await repo.bulkUpsert(SYSTEM, [observation('bp-1', 'p1'), observation('bp-2', 'p1')], {
      author: (resource) => (resource.subject as { reference: string }).reference,
    });
    await repo.bulkUpsert(SYSTEM, [observation('bp-3', 'p1')]);
    expect(await author('Observation', 'bp-1')).toBe('Patient/p1');
    expect(await author('Observation', 'bp-3')).toBe('system/system');
    const changed = await repo.bulkUpsert(P1, [observation('bp-1', 'p1', { status: 'amended' })]);
    expect(changed.updated).toBe(1);
    await expect(
      repo.bulkUpsert(P1, [observation('bp-3', 'p1', { status: 'amended' })]),
    ).rejects.toMatchObject(forbidden);
    // A patient cannot name another author for its own writes.
    await expect(
      repo.bulkUpsert(P1, [observation('bp-4', 'p1')], { author: 'user/u-doc' }),
    ).rejects.toMatchObject(forbidden);
  });
});
