/**
 * Issue 20, finding a patient the way a hospital's staff do, over FHIR HTTP: the searches the console's one
 * box issues (apps/web/src/api/patient-search.ts) — name parts ANDed (either order), a Chinese name split after
 * its surname, Qihuang's `pinyin` parameter (full, spaced, initials, surname), `identifier` (MRN, 门诊号, either
 * case) and `phone` (digits; +86, spaces and dashes ignored) — each answered and audited as one search; the
 * CapabilityStatement lists `pinyin` with its definition URL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from './test-support.ts';

const WANG = {
  resourceType: 'Patient',
  id: 'wang-xiuying',
  name: [{ text: '王秀英', family: '王', given: ['秀英'] }],
  identifier: [
    { system: 'urn:qihuang:outpatient-number', type: { text: '门诊号' }, value: 'MZ20261207' },
    { system: 'urn:qihuang:inpatient-number', type: { text: '住院号' }, value: 'ZY2026-0042' },
  ],
  telecom: [{ system: 'phone', value: '+86 138-0013-8000' }],
};
const WYMAN = {
  resourceType: 'Patient',
  id: 'alfreda-wyman',
  name: [
    { use: 'official', family: 'Wyman', given: ['Alfreda'], prefix: ['Mrs.'] },
    { use: 'maiden', family: 'Deckow', given: ['Alfreda'] },
  ],
  identifier: [
    {
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
      system: 'http://hospital.smarthealthit.org',
      value: '3287b938-4670-47eb-91e5-e0ce3df71405',
    },
  ],
  telecom: [{ system: 'phone', value: '555-397-1190', use: 'home' }],
};
const WANG_LEI = { resourceType: 'Patient', id: 'wang-lei', name: [{ family: '王', given: ['磊'] }] };

describe.each(DATABASE_KINDS)('finding a patient over FHIR on %s', (kind) => {
  let t: TestApp;
  const found = async (query: string) => {
    const response = await t.request(`/fhir/R4/Patient?${query}&_count=20&_sort=family`);
    expect(response.status, await response.clone().text()).toBe(200);
    const bundle = (await response.json()) as { total?: number; entry?: { resource: { id: string } }[] };
    return (bundle.entry ?? []).map((e) => e.resource.id).sort();
  };
  const q = (params: [string, string][]) => new URLSearchParams(params).toString();

  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const p of [WANG, WYMAN, WANG_LEI]) {
      const r = await t.request(`/fhir/R4/Patient/${p.id}`, { method: 'PUT', json: p });
      expect(r.status, await r.clone().text()).toBeLessThan(300);
    }
  });
  afterAll(() => t.closeAll());

  it('by name parts, and a full name in either order', async () => {
    expect(await found(q([['name', 'Alfreda']]))).toEqual(['alfreda-wyman']);
    expect(await found(q([['name', 'alfréda']]))).toEqual(['alfreda-wyman']);
    expect(
      await found(
        q([
          ['name', 'Alfreda'],
          ['name', 'Wyman'],
        ]),
      ),
    ).toEqual(['alfreda-wyman']);
    expect(
      await found(
        q([
          ['name', 'Wyman'],
          ['name', 'Alfreda'],
        ]),
      ),
    ).toEqual(['alfreda-wyman']);
    expect(
      await found(
        q([
          ['name', 'Alfreda'],
          ['name', 'Smith'],
        ]),
      ),
    ).toEqual([]);
    expect(await found(q([['name', '王秀英']]))).toEqual(['wang-xiuying']);
    expect(
      await found(
        q([
          ['name', '王'],
          ['name', '秀英'],
        ]),
      ),
    ).toEqual(['wang-xiuying']);
    expect(await found(q([['name', '王']]))).toEqual(['wang-lei', 'wang-xiuying']);
  });

  it('by pinyin: full, spaced, initials, surname', async () => {
    expect(await found(q([['pinyin', 'wangxiuying']]))).toEqual(['wang-xiuying']);
    expect(await found(q([['pinyin', 'wang xiuying']]))).toEqual(['wang-xiuying']);
    expect(await found(q([['pinyin', 'wxy']]))).toEqual(['wang-xiuying']);
    expect(await found(q([['pinyin', 'wang']]))).toEqual(['wang-lei', 'wang-xiuying']);
  });

  it('by identifier: MRN, 门诊号, 住院号, exact', async () => {
    expect(await found(q([['identifier', '3287b938-4670-47eb-91e5-e0ce3df71405']]))).toEqual([
      'alfreda-wyman',
    ]);
    expect(await found(q([['identifier', 'mz20261207,MZ20261207']]))).toEqual(['wang-xiuying']);
    expect(await found(q([['identifier', 'ZY2026-0042']]))).toEqual(['wang-xiuying']);
    expect(await found(q([['identifier', 'MZ2026']]))).toEqual([]);
  });

  it('by phone: digits, whatever way the number was written', async () => {
    expect(await found(q([['phone', '13800138000']]))).toEqual(['wang-xiuying']);
    expect(await found(q([['phone', '+86 138-0013-8000']]))).toEqual(['wang-xiuying']);
    expect(await found(q([['phone', '5553971190']]))).toEqual(['alfreda-wyman']);
  });

  it('each search is one audit event', async () => {
    const count = async () =>
      Number(
        (
          await sql<{ n: string }>`select count(*) as n from audit_entry where action = 'search'`.execute(
            t.repository.db,
          )
        ).rows[0]!.n,
      );
    const before = await count();
    await found(q([['pinyin', 'wxy']]));
    expect(await count()).toBe(before + 1);
  });

  it('the CapabilityStatement lists the pinyin parameter', async () => {
    const response = await t.request('/fhir/R4/metadata');
    const cs = (await response.json()) as {
      rest: { resource: { type: string; searchParam?: { name: string; definition?: string }[] }[] }[];
    };
    const patient = cs.rest[0]!.resource.find((r) => r.type === 'Patient');
    expect(patient?.searchParam?.find((p) => p.name === 'pinyin')?.definition).toBe(
      'https://qihuang.dev/fhir/SearchParameter/Patient-pinyin',
    );
  });
});
