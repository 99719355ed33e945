/**
 * `searchJson` (resources as the database's JSON text, for the HTTP searchset Bundle; issue 15 item 4,
 * docs/decisions/0004) answers exactly what `search` (parsed objects) answers: the same total, the same rows in
 * the same order, the same included rows (compartment, scopes), each resource equal to the parsed one — with the
 * same key order — and the same audit entry.
 */
import type { AuditRecord, RequestContext } from '@qihuang/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import type { Database } from '../database.ts';
import { FhirRepository } from './fhir-repository.ts';
import { SYSTEM, authorizeByScopes, key, observation, patient } from './test-principals.ts';

const P1 = patient('p1');

/** Values whose JSON text is easy to get wrong: escapes, non-BMP and CJK text, decimals, big and tiny numbers. */
const awkward = {
  note: [
    { text: 'line 1\nline 2\t"quoted" \\ back\\slash / solidus \u2028 😀 王芳 血压 135/85' },
    { text: 'ASCII only' },
  ],
  valueQuantity: { value: 1.5, unit: 'mmol/L' },
  referenceRange: [
    { low: { value: 0.000001 }, high: { value: 123456789012 }, text: '<script>"&' },
    { low: { value: -3 }, high: { value: 1e21 } },
  ],
};

const SEARCHES: { name: string; ctx: RequestContext; type: string; params: [string, string][] }[] = [
  {
    name: 'sorted page',
    ctx: SYSTEM,
    type: 'Observation',
    params: [
      ['_sort', '-date,code'],
      ['_count', '3'],
    ],
  },
  {
    name: 'second page, _elements',
    ctx: SYSTEM,
    type: 'Observation',
    params: [
      ['_elements', 'id,status'],
      ['_count', '2'],
      ['_offset', '2'],
    ],
  },
  {
    name: '_include ×2',
    ctx: SYSTEM,
    type: 'Observation',
    params: [
      ['_include', 'Observation:subject'],
      ['_include', 'Observation:encounter'],
      ['_sort', 'date'],
    ],
  },
  {
    name: '_revinclude',
    ctx: SYSTEM,
    type: 'Encounter',
    params: [['_revinclude', 'Observation:encounter']],
  },
  { name: '_summary=count', ctx: SYSTEM, type: 'Observation', params: [['_summary', 'count']] },
  {
    name: '_total=none',
    ctx: SYSTEM,
    type: 'Patient',
    params: [
      ['_total', 'none'],
      ['_count', '1'],
    ],
  },
  {
    name: 'a patient: own compartment, no draft prescription',
    ctx: P1,
    type: 'MedicationRequest',
    params: [],
  },
  {
    name: 'a patient with _include',
    ctx: P1,
    type: 'Observation',
    params: [['_include', 'Observation:subject']],
  },
  {
    name: 'a key without Patient scope: untyped _include drops Patient',
    ctx: key('system/Observation.read', 'system/Encounter.read'),
    type: 'Observation',
    params: [
      ['_include', 'Observation:subject'],
      ['_include', 'Observation:encounter'],
    ],
  },
];

describe.each(DATABASE_KINDS)('search as JSON text on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  const audited: AuditRecord[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, {
      authorize: authorizeByScopes,
      audit: async (_executor, _ctx, record) => {
        audited.push(record);
      },
    });
    const put = (resource: Record<string, unknown> & { resourceType: string; id: string }) =>
      repo.update(SYSTEM, resource.resourceType, resource.id, resource);
    await put({ resourceType: 'Patient', id: 'p1', gender: 'female', name: [{ text: '王芳' }] });
    await put({ resourceType: 'Patient', id: 'p2', gender: 'male', birthDate: '1970' });
    await put({ resourceType: 'Encounter', id: 'e1', status: 'finished', class: { code: 'AMB' } });
    await put({ ...observation('o1', 'p1', awkward), effectiveDateTime: '2024-01-02T08:00:00+08:00' });
    await put({
      ...observation('o2', 'p1', { encounter: { reference: 'Encounter/e1' } }),
      effectiveDateTime: '2024-03-01',
    });
    await put({ ...observation('o3', 'p2'), effectiveDateTime: '2023-12-31T23:59:59Z' });
    await put({ ...observation('o4', 'p2', { encounter: { reference: 'Encounter/e1' } }) });
    await put({ ...observation('o5', 'p1'), effectiveDateTime: '2025-06-01' });
    const prescription = (id: string, status: string) => ({
      resourceType: 'MedicationRequest',
      id,
      status,
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      medicationCodeableConcept: { text: '氨氯地平 5 mg' },
    });
    await put(prescription('m1', 'active'));
    await put(prescription('m2', 'draft'));
  }, 60_000);
  afterAll(async () => database?.close());

  it.each(SEARCHES)('$name: same answer as the object path', async ({ ctx, type, params }) => {
    audited.length = 0;
    const objects = await repo.search(ctx, type, params);
    const texts = await repo.searchJson(ctx, type, params);
    expect(audited).toHaveLength(2);
    expect(audited[1]).toEqual(audited[0]);
    expect(texts.total).toBe(objects.total);
    expect(texts.parsed).toEqual(objects.parsed);
    for (const part of ['matches', 'included'] as const) {
      expect(texts[part].map((r) => `${r.resource_type}/${r.id}`)).toEqual(
        objects[part].map((r) => `${r.resource_type}/${r.id}`),
      );
      texts[part].forEach((row, i) => {
        const object = objects[part][i]!;
        expect(row.compartments).toEqual(object.compartments);
        expect(JSON.parse(row.json)).toEqual(object.content);
        // Same keys in the same order (the text is the jsonb output the object path parses).
        expect(JSON.stringify(JSON.parse(row.json))).toBe(JSON.stringify(object.content));
      });
    }
  });

  it('finds what the cases are about (not vacuously equal)', async () => {
    const included = await repo.searchJson(SYSTEM, 'Observation', SEARCHES[2]!.params);
    expect(included.matches).toHaveLength(5);
    expect(included.included.map((r) => r.id).sort()).toEqual(['e1', 'p1', 'p2']);
    const own = await repo.searchJson(P1, 'MedicationRequest', []);
    expect(own.matches.map((r) => r.id)).toEqual(['m1']);
    const scoped = await repo.searchJson(SEARCHES[8]!.ctx, 'Observation', SEARCHES[8]!.params);
    expect(scoped.included.map((r) => r.resource_type)).toEqual(['Encounter']);
    const o1 = (await repo.searchJson(SYSTEM, 'Observation', [['_id', 'o1']])).matches[0]!;
    expect((JSON.parse(o1.json) as { note: { text: string }[] }).note[0]!.text).toBe(awkward.note[0]!.text);
    expect((await repo.searchJson(SYSTEM, 'Observation', [['_summary', 'count']])).matches).toEqual([]);
  });
});
