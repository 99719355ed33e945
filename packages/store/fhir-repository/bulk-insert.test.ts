import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL, type AuditRecord, type RequestContext } from '@qihuang/contracts';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database, type FhirResource } from '@qihuang/store';
import { arrayLiteral } from './bulk-insert.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const ctx: RequestContext = { requestId: 'bulk-test', principal: SYSTEM_PRINCIPAL };
const LOINC = 'http://loinc.org';

const patient = (id: string): FhirResource => ({ resourceType: 'Patient', id, gender: 'female' });
const device = (id: string, patientId: string): FhirResource => ({
  resourceType: 'Device',
  id,
  status: 'active',
  identifier: [{ system: 'urn:qihuang:device', value: id }],
  patient: { reference: `Patient/${patientId}` },
});

/** A BP panel like the upload writes (identifier, category, components with quantities, device, subject). */
function bp(i: number, patientId: string, deviceId: string, sbp = 120 + (i % 45)): FhirResource {
  const time = new Date(Date.parse('2026-01-01T07:00:00Z') + i * 3_600_000).toISOString();
  return {
    resourceType: 'Observation',
    id: `bp-${deviceId}-${i}`,
    meta: { profile: ['http://hl7.org/fhir/StructureDefinition/bp'] },
    identifier: [{ system: 'urn:qihuang:bp-reading', value: `${deviceId}|${time}` }],
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
        ],
      },
    ],
    code: { coding: [{ system: LOINC, code: '85354-9', display: 'Blood pressure panel' }] },
    subject: { reference: `Patient/${patientId}` },
    device: { reference: `Device/${deviceId}` },
    effectiveDateTime: time,
    component: [
      {
        code: { coding: [{ system: LOINC, code: '8480-6' }] },
        valueQuantity: { value: sbp, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
      },
      {
        code: { coding: [{ system: LOINC, code: '8462-4' }] },
        valueQuantity: { value: 80, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
      },
    ],
  };
}

function heartRate(i: number, patientId: string, deviceId: string): FhirResource {
  const time = new Date(Date.parse('2026-01-01T07:00:00Z') + i * 3_600_000).toISOString();
  return {
    resourceType: 'Observation',
    id: `hr-${deviceId}-${i}`,
    status: 'final',
    code: { coding: [{ system: LOINC, code: '8867-4', display: 'Heart rate' }] },
    subject: { reference: `Patient/${patientId}` },
    device: { reference: `Device/${deviceId}` },
    effectiveDateTime: time,
    valueQuantity: {
      value: 60 + (i % 30),
      unit: 'beats/minute',
      system: 'http://unitsofmeasure.org',
      code: '/min',
    },
  };
}

function batch(n: number, patientId = 'p1', deviceId = 'dev-1'): FhirResource[] {
  const out: FhirResource[] = [device(deviceId, patientId)];
  for (let i = 0; i < n; i++) out.push(bp(i, patientId, deviceId), heartRate(i, patientId, deviceId));
  return out;
}

const INDEX_TABLES = ['fhir_token', 'fhir_string', 'fhir_date', 'fhir_reference', 'fhir_quantity'];

/** Everything the store holds about FHIR resources, in a stable order (for comparing two databases). */
async function dump(database: Database): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  const { rows: resources } = await sql<Record<string, unknown>>`
    select resource_type, id, version_id, last_updated, deleted, content, compartments from fhir_resource
    order by resource_type, id`.execute(database.db);
  out.fhir_resource = resources;
  const { rows: history } = await sql<Record<string, unknown>>`
    select resource_type, id, version_id, last_updated, deleted, method, content from fhir_history
    order by resource_type, id, version_id`.execute(database.db);
  out.fhir_history = history;
  for (const table of INDEX_TABLES) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      database.db,
    );
    out[table] = rows
      .map((r) =>
        JSON.stringify(
          Object.keys(r)
            .sort()
            .map((k) => [k, r[k]]),
        ),
      )
      .sort();
  }
  return out;
}

async function count(database: Database): Promise<number> {
  let total = 0;
  for (const table of ['fhir_resource', 'fhir_history', ...INDEX_TABLES]) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
      database.db,
    );
    total += rows[0]!.n;
  }
  return total;
}

const SEARCHES: [string, [string, string][]][] = [
  ['Observation', [['patient', 'p1']]],
  [
    'Observation',
    [
      ['code', `${LOINC}|85354-9`],
      ['_sort', 'date'],
    ],
  ],
  [
    'Observation',
    [
      ['component-code', '8480-6'],
      ['date', 'ge2026-01-02T00:00:00Z'],
      ['date', 'lt2026-01-03'],
    ],
  ],
  ['Observation', [['component-value-quantity', 'gt150']]],
  [
    'Observation',
    [
      ['code', '8867-4'],
      ['value-quantity', 'le65'],
    ],
  ],
  [
    'Observation',
    [
      ['device', 'Device/dev-1'],
      ['category', 'vital-signs'],
    ],
  ],
  ['Observation', [['identifier', 'urn:qihuang:bp-reading|dev-1\\|2026-01-01T09:00:00.000Z']]],
  [
    'Observation',
    [
      ['subject', 'Patient/p1'],
      ['_count', '5'],
    ],
  ],
  ['Device', [['patient', 'p1']]],
];

async function searchAll(repo: FhirRepository): Promise<string[][]> {
  const out: string[][] = [];
  for (const [type, params] of SEARCHES) {
    const result = await repo.search(ctx, type, [
      ...params,
      ['_count', params.find((p) => p[0] === '_count')?.[1] ?? '1000'],
    ]);
    out.push([String(result.total), ...result.matches.map((m) => `${m.resource_type}/${m.id}`)]);
  }
  return out;
}

describe('arrayLiteral', () => {
  it('quotes and escapes like node-postgres', () => {
    expect(arrayLiteral(['a', null, 'b"c', 'd\\e', 1.5, undefined])).toBe(
      '{"a",NULL,"b\\"c","d\\\\e","1.5",NULL}',
    );
  });
});

describe.each(DATABASE_KINDS)('FhirRepository.bulkUpsert on %s', (kind) => {
  let bulkDb: Database;
  let oneDb: Database;
  let bulk: FhirRepository;
  let one: FhirRepository;
  const audits: AuditRecord[] = [];
  let failAudit = false;

  beforeAll(async () => {
    bulkDb = await openTestDatabase(kind);
    oneDb = await openTestDatabase(kind);
    const options = { clock: () => NOW };
    bulk = new FhirRepository(bulkDb.db, {
      ...options,
      audit: async (_executor, _ctx, record) => {
        if (failAudit) throw new Error('audit store unavailable');
        audits.push(record);
      },
    });
    one = new FhirRepository(oneDb.db, options);
    for (const repo of [bulk, one]) {
      await repo.update(ctx, 'Patient', 'p1', patient('p1'));
      await repo.update(ctx, 'Patient', 'p2', patient('p2'));
    }
    audits.length = 0;
  });
  afterAll(async () => {
    await bulkDb?.close();
    await oneDb?.close();
  });

  it('writes exactly what one-by-one PUTs write: resources, history, index rows, search results', async () => {
    const resources = batch(250);
    const result = await bulk.bulkUpsert(ctx, resources, { audit: { detail: { format: 'test' } } });
    expect(result).toMatchObject({ created: 501, updated: 0, unchanged: 0 });
    expect(result.outcomes.map((o) => `${o.resourceType}/${o.id}`)).toEqual(
      resources.map((r) => `${r.resourceType}/${r.id}`),
    );
    // One audit entry for the whole batch, naming the patient and the counts.
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'transaction',
      outcome: 'success',
      patientIds: ['p1'],
      detail: {
        format: 'test',
        entries: 501,
        written: 501,
        created: 501,
        unchanged: 0,
        byType: { Device: 1, Observation: 500 },
      },
    });
    for (const r of resources) await one.update(ctx, r.resourceType, r.id!, r);

    const [a, b] = [await dump(bulkDb), await dump(oneDb)];
    expect(a.fhir_token!.length).toBeGreaterThan(3000);
    for (const table of ['fhir_resource', ...INDEX_TABLES]) expect(a[table], table).toEqual(b[table]);
    // History: same versions and contents; the bulk path records PUT (client-assigned ids), as a transaction of PUTs.
    expect(a.fhir_history!.map((h) => ({ ...(h as object), method: 'x' }))).toEqual(
      b.fhir_history!.map((h) => ({ ...(h as object), method: 'x' })),
    );
    expect(await searchAll(bulk)).toEqual(await searchAll(one));
    expect((await searchAll(bulk))[3]!.length).toBeGreaterThan(1);
  });

  it('re-sending the batch is a no-op: all unchanged, no row written', async () => {
    const before = await count(bulkDb);
    audits.length = 0;
    const result = await bulk.bulkUpsert(ctx, batch(250));
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 501 });
    expect(result.outcomes.every((o) => o.status === 'unchanged' && o.versionId === 1)).toBe(true);
    expect(await count(bulkDb)).toBe(before);
    expect(audits[0]?.detail).toMatchObject({ written: 0, unchanged: 501 });
  });

  it('a changed resource gets a new version with its index rows replaced, as a PUT would', async () => {
    const changed = [bp(3, 'p1', 'dev-1', 178), bp(250, 'p1', 'dev-1')];
    const result = await bulk.bulkUpsert(ctx, changed);
    expect(result.outcomes.map((o) => o.status)).toEqual(['updated', 'created']);
    expect(result.outcomes[0]!.versionId).toBe(2);
    for (const r of changed) await one.update(ctx, r.resourceType, r.id!, r);
    const [a, b] = [await dump(bulkDb), await dump(oneDb)];
    for (const table of ['fhir_resource', ...INDEX_TABLES]) expect(a[table], table).toEqual(b[table]);
    expect(await searchAll(bulk)).toEqual(await searchAll(one));
  });

  it('is atomic: an invalid resource, a dangling reference or a failure at the end writes nothing', async () => {
    const before = await count(bulkDb);
    const invalid = { ...bp(500, 'p1', 'dev-1'), status: 'not-a-status' };
    await expect(bulk.bulkUpsert(ctx, [bp(501, 'p1', 'dev-1'), invalid])).rejects.toMatchObject({
      code: 'invalid-resource',
    });
    await expect(
      bulk.bulkUpsert(ctx, [bp(502, 'p1', 'dev-1'), bp(503, 'p1', 'no-such-device')]),
    ).rejects.toThrow(/Device\/no-such-device/);
    await expect(bulk.bulkUpsert(ctx, [bp(504, 'p1', 'dev-1'), bp(504, 'p1', 'dev-1')])).rejects.toThrow(
      /twice/,
    );
    failAudit = true;
    try {
      await expect(bulk.bulkUpsert(ctx, batch(50, 'p2', 'dev-2'))).rejects.toThrow(/audit store unavailable/);
    } finally {
      failAudit = false;
    }
    expect(await count(bulkDb)).toBe(before);
  });

  it('keeps patients in their compartment', async () => {
    const patientCtx: RequestContext = {
      requestId: 'patient',
      principal: {
        id: 'u-p2',
        kind: 'user',
        username: 'p2',
        role: 'patient',
        scopes: ['patient/*.*'],
        patientId: 'p2',
      },
    };
    await expect(bulk.bulkUpsert(patientCtx, [bp(600, 'p1', 'dev-1')])).rejects.toMatchObject({
      code: 'forbidden',
    });
    // Another patient's device (in p1's compartment) is out of bounds too, even next to own readings.
    await expect(
      bulk.bulkUpsert(patientCtx, [device('dev-9', 'p1'), ...batch(1, 'p2', 'dev-9').slice(1)]),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // Their own cuff (Device.patient, in their compartment) and its readings are fine.
    const own = await bulk.bulkUpsert(patientCtx, batch(3, 'p2', 'dev-2'));
    expect(own.created).toBe(7);
    const row = await bulk.db
      .selectFrom('fhir_resource')
      .select('compartments')
      .where('id', '=', 'bp-dev-2-0')
      .executeTakeFirstOrThrow();
    expect(row.compartments).toEqual(['p2']);
  });

  it('takes more rows than one statement chunk', async () => {
    const resources = batch(3000, 'p2', 'dev-3');
    const result = await bulk.bulkUpsert(ctx, resources);
    expect(result.created).toBe(6001);
    const found = await bulk.search(ctx, 'Observation', [
      ['device', 'Device/dev-3'],
      ['_summary', 'count'],
    ]);
    expect(found.total).toBe(6000);
  });
});
