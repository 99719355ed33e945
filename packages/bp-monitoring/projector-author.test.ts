/**
 * Home readings are the patient's own record (issue 15 item 3): the projector files their Observations with
 * the patient as author whoever projects them (the uploader inline, the system in the background), so the
 * patient's corrected re-upload can version them, while a clinician's Observation stays out of its reach.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database } from '@qihuang/store';
import { createReadingProjector } from './projector.ts';
import { uploadReadings } from './upload-readings.ts';

const NOW = '2026-03-10T12:00:00.000Z';
const system: RequestContext = { requestId: 't', principal: SYSTEM_PRINCIPAL };
const patient: RequestContext = {
  requestId: 't',
  principal: {
    id: 'u-p',
    kind: 'user',
    username: 'p',
    role: 'patient',
    scopes: ['patient/*.read', 'patient/Observation.write', 'patient/Device.write'],
    patientId: 'p',
  },
};
/** One cuff record with its record id: a re-send with other values is a correction of it (issue 20). */
const csv = (sbp: number) =>
  JSON.stringify({
    resourceType: 'Observation',
    status: 'final',
    identifier: [{ system: 'urn:cuff:record', value: 'r-1' }],
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
    effectiveDateTime: '2026-03-01T07:00:00Z',
    device: { identifier: { value: 'cuff' } },
    component: [
      {
        code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
        valueQuantity: { value: sbp, unit: 'mmHg' },
      },
      {
        code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
        valueQuantity: { value: 80, unit: 'mmHg' },
      },
    ],
  });

describe.each(DATABASE_KINDS)('projected home readings on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  const authors = async () =>
    (
      await sql<{ author: string | null }>`select distinct author from fhir_resource
        where resource_type = 'Observation'`.execute(database.db)
    ).rows.map((r) => r.author);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, { clock: () => new Date(NOW) });
    await repo.update(system, 'Patient', 'p', { resourceType: 'Patient', id: 'p' });
  }, 60_000);
  afterAll(async () => database?.close());

  it('are authored by the patient when projected in the background, so a corrected re-upload works', async () => {
    await uploadReadings(repo, patient, 'p', csv(150), { now: NOW, projection: { background: 0 } });
    const projector = createReadingProjector(repo);
    expect(await projector.drain()).toBe(1);
    await projector.stop();
    expect(await authors()).toEqual(['Patient/p']);
    const corrected = await uploadReadings(repo, patient, 'p', csv(135), { now: NOW });
    expect(corrected.records[0]).toMatchObject({ status: 'updated' });
    const bp = await repo.search(system, 'Observation', [['code', 'http://loinc.org|85354-9']]);
    expect(bp.matches).toHaveLength(1);
    expect(bp.matches[0]!.version_id).toBe(2);
    expect(JSON.stringify(bp.matches[0]!.content)).toContain('135');
  });
});
