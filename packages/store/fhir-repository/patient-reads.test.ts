/**
 * Patient read boundaries (issue 15 items 2, 6 and 13): another patient's Patient record is never visible to a
 * patient, even when it links to them (read, search, include, $everything, history); `_include` without a
 * target type returns only types the caller's scopes cover; history and vread apply the compartment to every
 * version, so a version filed under another patient is not shown.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import type { Database } from '../database.ts';
import { backfillHistoryCompartments } from '../migrations/0002-fhir-author-history-compartments.ts';
import { FhirRepository } from './fhir-repository.ts';
import { CLINICIAN, SYSTEM, authorizeByScopes, key, observation, patient } from './test-principals.ts';

const P1 = patient('p1');
const notFound = { code: 'not-found' };
const keysOf = (rows: { resource_type: string; id: string }[]) =>
  rows.map((r) => `${r.resource_type}/${r.id}`).sort();

describe.each(DATABASE_KINDS)('patient reads on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, { authorize: authorizeByScopes });
    const put = (resource: Record<string, unknown> & { resourceType: string; id: string }) =>
      repo.update(SYSTEM, resource.resourceType, resource.id, resource);
    await put({ resourceType: 'Patient', id: 'p1', gender: 'female' });
    // Another patient's record that links to p1 (so it is in p1's compartment by the R4 definition).
    await put({
      resourceType: 'Patient',
      id: 'p2',
      gender: 'male',
      link: [{ other: { reference: 'Patient/p1' }, type: 'seealso' }],
    });
    await put({ resourceType: 'Practitioner', id: 'dr' });
    await put(observation('o1', 'p1', { performer: [{ reference: 'Practitioner/dr' }] }));
    await put(observation('o2', 'p2'));
    await put(observation('shared', 'p1', { performer: [{ reference: 'Patient/p2' }] }));
    // Filed under p2 first, then moved to p1.
    await put(observation('moved', 'p2'));
    await put(observation('moved', 'p1'));
    // p1, then p2, then back to p1.
    await put(observation('back', 'p1'));
    await put(observation('back', 'p2'));
    await put(observation('back', 'p1', { status: 'amended' }));
  }, 60_000);
  afterAll(async () => database?.close());

  it("never shows a patient another patient's record, even one linking to it (item 2)", async () => {
    await expect(repo.read(P1, 'Patient', 'p2')).rejects.toMatchObject(notFound);
    await expect(repo.vread(P1, 'Patient', 'p2', '1')).rejects.toMatchObject(notFound);
    await expect(repo.history(P1, 'Patient', 'p2', { count: 10, offset: 0 })).rejects.toMatchObject(notFound);
    const patients = await repo.search(P1, 'Patient', []);
    expect(keysOf(patients.matches)).toEqual(['Patient/p1']);
    expect(patients.total).toBe(1);
    expect((await repo.search(P1, 'Patient', [['link', 'Patient/p1']])).total).toBe(0);
    const included = await repo.search(P1, 'Observation', [
      ['_include', 'Observation:performer'],
      ['_include', 'Observation:subject'],
    ]);
    expect(keysOf(included.matches)).toContain('Observation/shared'); // performer: Patient/p2
    expect(keysOf(included.included)).toEqual(['Patient/p1']);
    const revincluded = await repo.search(P1, 'Patient', [['_revinclude', 'Patient:link']]);
    expect(keysOf(revincluded.included)).toEqual([]);
    const history = await repo.history(P1, 'Patient', undefined, { count: 10, offset: 0 });
    expect(history.entries.map((e) => e.id)).toEqual(['p1']);
    const chart = await repo.patientResources(P1, 'p1', ['Patient', 'Observation']);
    expect(chart.filter((r) => r.resourceType === 'Patient').map((r) => r.id)).toEqual(['p1']);
  });

  it('answers $everything for a patient only on its own id, under the compartment condition (item 2)', async () => {
    await expect(repo.everything(P1, 'p2', { count: 100, offset: 0 })).rejects.toMatchObject(notFound);
    const own = await repo.everything(P1, 'p1', { count: 100, offset: 0 });
    expect(keysOf(own.rows)).toEqual([
      'Observation/back',
      'Observation/moved',
      'Observation/o1',
      'Observation/shared',
      'Patient/p1',
    ]);
    expect(own.total).toBe(own.rows.length);
    // A clinician's $everything of p2 is p2's chart.
    const theirs = await repo.everything(CLINICIAN, 'p2', { count: 100, offset: 0 });
    expect(keysOf(theirs.rows)).toEqual(['Observation/o2', 'Observation/shared', 'Patient/p2']);
  });

  it('drops _include targets of types the scopes do not cover, the search still answering (item 6)', async () => {
    const observationsOnly = key('system/Observation.read');
    const subject = await repo.search(observationsOnly, 'Observation', [['_include', 'Observation:subject']]);
    expect(subject.matches.length).toBeGreaterThan(0);
    expect(subject.included).toEqual([]);
    const iterate = await repo.search(observationsOnly, 'Observation', [
      ['_include:iterate', 'Observation:performer'],
    ]);
    expect(iterate.included).toEqual([]);
    const withPractitioners = key('system/Observation.read', 'system/Practitioner.read');
    const performer = await repo.search(withPractitioners, 'Observation', [
      ['_include', 'Observation:performer'],
    ]);
    expect(keysOf(performer.included)).toEqual(['Practitioner/dr']);
    // Naming an uncovered target type is refused outright.
    await expect(
      repo.search(observationsOnly, 'Observation', [['_include', 'Observation:subject:Patient']]),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const all = await repo.search(CLINICIAN, 'Observation', [['_include', 'Observation:subject']]);
    expect(keysOf(all.included)).toEqual(['Patient/p1', 'Patient/p2']);
  });

  it('shows a patient only the versions filed under its compartment (item 13)', async () => {
    const versions = async (id: string) =>
      (await repo.history(P1, 'Observation', id, { count: 10, offset: 0 })).entries.map((e) =>
        Number(e.version_id),
      );
    expect(await versions('back')).toEqual([3, 1]);
    expect((await repo.history(P1, 'Observation', 'back', { count: 10, offset: 0 })).total).toBe(2);
    expect(await versions('moved')).toEqual([2]);
    await expect(repo.vread(P1, 'Observation', 'back', '2')).rejects.toMatchObject(notFound);
    await expect(repo.vread(P1, 'Observation', 'moved', '1')).rejects.toMatchObject(notFound);
    expect((await repo.vread(P1, 'Observation', 'back', '1')).subject).toEqual({ reference: 'Patient/p1' });
    expect((await repo.vread(CLINICIAN, 'Observation', 'back', '2')).subject).toEqual({
      reference: 'Patient/p2',
    });
    // Type history, paged one entry at a time, agrees with the whole list and the total.
    const whole = await repo.history(P1, 'Observation', undefined, { count: 50, offset: 0 });
    expect(whole.entries.map((e) => `${e.id}/${e.version_id}`).sort()).toEqual([
      'back/1',
      'back/3',
      'moved/2',
      'o1/1',
      'shared/1',
    ]);
    expect(whole.total).toBe(5);
    const paged: string[] = [];
    for (let offset = 0; offset < whole.total + 1; offset++) {
      const page = await repo.history(P1, 'Observation', undefined, { count: 1, offset });
      expect(page.total).toBe(5);
      paged.push(...page.entries.map((e) => `${e.id}/${e.version_id}`));
    }
    expect(paged).toEqual(whole.entries.map((e) => `${e.id}/${e.version_id}`));
    expect((await repo.history(CLINICIAN, 'Observation', 'back', { count: 10, offset: 0 })).total).toBe(3);
  });

  it('backfills the compartments of stored versions from their content (migration 0002)', async () => {
    const snapshot = async () =>
      (
        await sql<{ k: string; c: string[] }>`select resource_type || '/' || id || '/' || version_id as k,
          compartments as c from fhir_history order by 1`.execute(database.db)
      ).rows.map((r) => ({ k: r.k, c: [...r.c].sort() }));
    await repo.delete(SYSTEM, 'Observation', 'o2');
    const before = await snapshot();
    expect(before.find((r) => r.k === 'Observation/back/2')?.c).toEqual(['p2']);
    expect(before.find((r) => r.k === 'Observation/o2/2')?.c).toEqual(['p2']); // a deletion keeps its chart
    await sql`update fhir_history set compartments = '{}'`.execute(database.db);
    await backfillHistoryCompartments(database.db, 2);
    expect(await snapshot()).toEqual(before);
  });
});
