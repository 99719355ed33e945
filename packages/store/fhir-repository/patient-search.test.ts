/**
 * Issue 20, finding a patient the way a hospital's staff do, in the store: the `pinyin` parameter (full,
 * spaced, initials, surname prefix, polyphonic surnames), a phone number as digits, an identifier value, and
 * the re-index path (migration 0004) that gives Patients stored before their new index rows.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import type { Database } from '../database.ts';
import { up as reindexMigration } from '../migrations/0004-reindex-patient-search.ts';
import { FhirRepository } from './fhir-repository.ts';
import { reindexResources } from './reindex.ts';
import { SYSTEM, authorizeByScopes } from './test-principals.ts';

describe.each(DATABASE_KINDS)('finding a patient on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  const find = async (...params: [string, string][]) =>
    (await repo.search(SYSTEM, 'Patient', new URLSearchParams(params))).matches.map((m) => m.id).sort();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, { authorize: authorizeByScopes });
    const put = (resource: Record<string, unknown> & { id: string }) =>
      repo.update(SYSTEM, 'Patient', resource.id, { resourceType: 'Patient', ...resource });
    await put({
      id: 'wxy',
      name: [{ text: '王秀英', family: '王', given: ['秀英'] }],
      identifier: [{ system: 'urn:qihuang:outpatient', value: 'MZ20261207', type: { text: '门诊号' } }],
      telecom: [{ system: 'phone', value: '+86 138-0013-8000' }],
    });
    await put({ id: 'stf', name: [{ family: '单', given: ['田芳'] }] });
    await put({ id: 'wl', name: [{ family: '王', given: ['磊'] }] });
    await put({ id: 'aw', name: [{ family: 'Wyman', given: ['Alfreda'] }] });
  });
  afterAll(async () => {
    await database.close();
  });

  it('by pinyin: full, spaced, initials, surname, given name, any case', async () => {
    expect(await find(['pinyin', 'wangxiuying'])).toEqual(['wxy']);
    expect(await find(['pinyin', 'Wang Xiuying'])).toEqual(['wxy']);
    expect(await find(['pinyin', 'wxy'])).toEqual(['wxy']);
    expect(await find(['pinyin', 'WXY'])).toEqual(['wxy']);
    expect(await find(['pinyin', 'wang'])).toEqual(['wl', 'wxy']);
    expect(await find(['pinyin', 'xiuying'])).toEqual(['wxy']);
    expect(await find(['pinyin', 'alfreda'])).toEqual([]);
  });

  it('by pinyin of a polyphonic surname (单 shan, not dan)', async () => {
    expect(await find(['pinyin', 'shantianfang'])).toEqual(['stf']);
    expect(await find(['pinyin', 'dantianfang'])).toEqual([]);
  });

  it('by phone digits (+86, spaces and dashes ignored) and as written', async () => {
    expect(await find(['phone', '13800138000'])).toEqual(['wxy']);
    expect(await find(['phone', '+86 138-0013-8000'])).toEqual(['wxy']);
  });

  it('by identifier value (any system)', async () => {
    expect(await find(['identifier', 'MZ20261207'])).toEqual(['wxy']);
  });

  it('a Patient stored before the parameter existed is found after the re-index (migration 0004)', async () => {
    const content = JSON.stringify({ resourceType: 'Patient', id: 'legacy', name: [{ text: '曾国藩' }] });
    await sql`insert into fhir_resource (resource_type, id, version_id, last_updated, deleted, content, compartments)
      values ('Patient', 'legacy', 1, now(), false, ${content}::jsonb, '{legacy}')`.execute(database.db);
    expect(await find(['pinyin', 'zengguofan'])).toEqual([]);
    await reindexMigration(database.db);
    expect(await find(['pinyin', 'zengguofan'])).toEqual(['legacy']);
    expect(await find(['pinyin', 'zgf'])).toEqual(['legacy']);
    // The others keep their rows (replaced, not doubled).
    expect(await find(['pinyin', 'wxy'])).toEqual(['wxy']);
    const { rows } = await sql<{ n: string }>`select count(*) as n from fhir_string
      where resource_type = 'Patient' and resource_id = 'wxy' and param = 'pinyin'`.execute(database.db);
    const before = Number(rows[0]!.n);
    expect(await reindexResources(database.db, 'Patient', 2)).toBe(5);
    const again = await sql<{ n: string }>`select count(*) as n from fhir_string
      where resource_type = 'Patient' and resource_id = 'wxy' and param = 'pinyin'`.execute(database.db);
    expect(Number(again.rows[0]!.n)).toBe(before);
  });
});
