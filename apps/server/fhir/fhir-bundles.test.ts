/**
 * The searchset Bundle the API sends is built as text, each resource spliced in as the database's JSON text
 * (issue 15 item 4, docs/decisions/0004). It must be valid JSON and the same Bundle as the object path
 * (`searchsetBundle` over `repository.search`): same keys in the same order, links, total, entries, modes.
 */
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../test-support.ts';
import { searchsetBundle, searchsetBundleJson } from './fhir-bundles.ts';

const BASE = 'http://localhost/fhir/R4';
const ctx = { requestId: 't', principal: SYSTEM_PRINCIPAL };

const SEARCHES = [
  'Observation?_sort=-date&_count=2',
  'Observation?_sort=-date&_count=2&_offset=2',
  'Observation?_include=Observation:subject&_include=Observation:encounter&_sort=date',
  'Encounter?_revinclude=Observation:encounter',
  'Observation?_summary=count',
  'Observation?_elements=id,status&_count=3&_offset=1',
  'Patient?_total=none&_count=1',
  'Patient?name=nobody',
];

describe.each(DATABASE_KINDS)('searchset Bundle as text on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const observation = (id: string, patient: string, date: string, extra: Record<string, unknown> = {}) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: '心率 "heart" rate' }] },
      subject: { reference: `Patient/${patient}` },
      effectiveDateTime: date,
      valueQuantity: { value: 72.5, unit: '/min' },
      ...extra,
    });
    const resources = [
      { resourceType: 'Patient', id: 'p1', name: [{ text: '王芳' }], gender: 'female' },
      { resourceType: 'Patient', id: 'p2', name: [{ family: 'O\'Brien "Ob"', given: ['Zoë'] }] },
      { resourceType: 'Encounter', id: 'e1', status: 'finished', class: { code: 'AMB' } },
      observation('o1', 'p1', '2024-01-02T08:00:00+08:00', { note: [{ text: 'a\nb\\c 😀' }] }),
      observation('o2', 'p1', '2024-03-01', { encounter: { reference: 'Encounter/e1' } }),
      observation('o3', 'p2', '2023-12-31T23:59:59Z'),
      observation('o4', 'p2', '2025-06-01', { encounter: { reference: 'Encounter/e1' } }),
      observation('o5', 'p1', '2022-06-01'),
    ];
    for (const resource of resources)
      await t.repository.update(ctx, resource.resourceType, resource.id, resource);
  }, 60_000);
  afterAll(async () => t?.closeAll());

  it.each(SEARCHES)('%s: valid JSON, the same Bundle as the object path', async (search) => {
    const response = await t.request(`/fhir/R4/${search}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const answer = JSON.parse(text) as Record<string, unknown>;

    const [type, query = ''] = search.split('?');
    const params = new URLSearchParams(query);
    const offset = params.get('_offset') ?? '0';
    params.delete('_offset');
    const found = await t.repository.search(ctx, type!, [...params.entries(), ['_offset', offset]]);
    const expected = searchsetBundle({
      base: BASE,
      selfUrl: new URL(`${BASE}/${search}`),
      total: found.total,
      matches: found.matches,
      included: found.included,
      count: found.parsed.count,
      offset: found.parsed.offset,
    });
    expect(answer).toEqual(expected);
    // Same keys in the same order, to the byte once whitespace inside resources is normalised.
    expect(JSON.stringify(answer)).toBe(JSON.stringify(expected));
  });

  it('covers paging links, includes and counts (the cases are not vacuous)', async () => {
    const page = (await (await t.request('/fhir/R4/Observation?_sort=-date&_count=2&_offset=2')).json()) as {
      total: number;
      link: { relation: string; url: string }[];
      entry: { resource: { id: string } }[];
    };
    expect(page.total).toBe(5);
    expect(page.link.map((l) => l.relation)).toEqual(['self', 'next', 'previous']);
    expect(page.entry.map((e) => e.resource.id)).toEqual(['o1', 'o3']);
    const included = (await (
      await t.request('/fhir/R4/Observation?_include=Observation:subject&_include=Observation:encounter')
    ).json()) as { entry: { search: { mode: string } }[] };
    expect(included.entry.filter((e) => e.search.mode === 'include')).toHaveLength(3);
    const count = (await (await t.request('/fhir/R4/Observation?_summary=count')).json()) as {
      total: number;
      entry: unknown[];
    };
    expect(count).toMatchObject({ total: 5, entry: [] });
  });

  it('splices resource text as it is and escapes everything it serialises', () => {
    const text = searchsetBundleJson({
      base: 'http://h/"fhir"',
      selfUrl: new URL('http://h/fhir/Patient?name=%22x%22'),
      total: 1,
      matches: [{ resource_type: 'Patient', id: 'a', compartments: ['a'], json: '{"id": "a", "n": 1.50}' }],
      included: [],
      count: 50,
      offset: 0,
    });
    expect(text).toContain('"resource":{"id": "a", "n": 1.50}');
    expect(JSON.parse(text)).toEqual({
      resourceType: 'Bundle',
      type: 'searchset',
      total: 1,
      link: [{ relation: 'self', url: 'http://h/fhir/Patient?name=%22x%22' }],
      entry: [
        { fullUrl: 'http://h/"fhir"/Patient/a', resource: { id: 'a', n: 1.5 }, search: { mode: 'match' } },
      ],
    });
  });
});
