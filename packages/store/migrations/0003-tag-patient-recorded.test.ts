/**
 * Rows stored before patient-recorded values were tagged: the migration stamps the current version (and its
 * history row) of what a patient authored, and leaves staff-authored and author-less rows alone.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPatientRecorded } from '@qihuang/fhir';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import type { Database } from '../database.ts';
import { up } from './0003-tag-patient-recorded.ts';

const creatinine = (id: string) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '2160-0' }] },
  subject: { reference: 'Patient/p1' },
  valueQuantity: { value: 0.8, unit: 'mg/dL' },
  meta: { versionId: '1', tag: [{ system: 'http://example.org/other', code: 'kept' }] },
});

describe.each(DATABASE_KINDS)('0003-tag-patient-recorded on %s', (kind) => {
  let database: Database;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
  });
  afterEach(async () => {
    await database.close();
  });

  async function legacyRow(id: string, author: string | null) {
    const content = JSON.stringify(creatinine(id));
    await sql`insert into fhir_resource (resource_type, id, version_id, last_updated, deleted, content, compartments, author)
      values ('Observation', ${id}, 1, now(), false, ${content}::jsonb, '{p1}', ${author})`.execute(
      database.db,
    );
    await sql`insert into fhir_history (resource_type, id, version_id, last_updated, deleted, method, content, compartments)
      values ('Observation', ${id}, 1, now(), false, 'POST', ${content}::jsonb, '{p1}')`.execute(database.db);
  }
  async function contents(id: string) {
    const current = await sql<{
      content: unknown;
    }>`select content from fhir_resource where id = ${id}`.execute(database.db);
    const history = await sql<{
      content: unknown;
    }>`select content from fhir_history where id = ${id}`.execute(database.db);
    return { current: current.rows[0]!.content, history: history.rows[0]!.content };
  }

  it('stamps what a patient authored, keeps other tags, leaves staff and unknown authors alone', async () => {
    await legacyRow('by-patient', 'Patient/p1');
    await legacyRow('by-clinician', 'Practitioner/d1');
    await legacyRow('unknown', null);
    expect(isPatientRecorded((await contents('by-patient')).current)).toBe(false);

    await up(database.db, 2); // batch of 2: the paging is exercised

    const patient = await contents('by-patient');
    expect(isPatientRecorded(patient.current)).toBe(true);
    expect(isPatientRecorded(patient.history)).toBe(true);
    expect((patient.current as { meta: { tag: { code: string }[] } }).meta.tag.map((t) => t.code)).toContain(
      'kept',
    );
    expect(isPatientRecorded((await contents('by-clinician')).current)).toBe(false);
    expect(isPatientRecorded((await contents('unknown')).current)).toBe(false);

    // A second run changes nothing.
    await up(database.db);
    expect((await contents('by-patient')).current).toEqual(patient.current);
  });
});
