import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../test-support.ts';

const count = async (t: TestApp, query: string) =>
  (
    (await (await t.request(`/fhir/R4/${query}${query.includes('?') ? '&' : '?'}_summary=count`)).json()) as {
      total: number;
    }
  ).total;

function observationEntries(n: number, patientUrl: string) {
  return Array.from({ length: n }, (_, i) => ({
    fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    resource: {
      resourceType: 'Observation',
      status: 'final',
      code: { text: `reading ${i}` },
      subject: { reference: patientUrl },
      valueQuantity: { value: i, unit: 'mmHg' },
    },
    request: { method: 'POST', url: 'Observation' },
  }));
}

describe.each(DATABASE_KINDS)('FHIR transactions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.closeAll());

  it('resolves urn:uuid references and answers a transaction-response', async () => {
    const patientUrl = 'urn:uuid:11111111-1111-4111-8111-111111111111';
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: patientUrl,
          resource: { resourceType: 'Patient', name: [{ family: 'Txn' }] },
          request: { method: 'POST', url: 'Patient' },
        },
        ...observationEntries(3, patientUrl),
      ],
    };
    const response = await t.request('/fhir/R4', { method: 'POST', json: bundle });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      type: string;
      entry: { response: { status: string; location: string } }[];
    };
    expect(body.type).toBe('transaction-response');
    expect(body.entry.every((e) => e.response.status.startsWith('201'))).toBe(true);
    const patientId = body.entry[0]!.response.location.split('/')[1]!;
    expect(await count(t, `Observation?subject=Patient/${patientId}`)).toBe(3);
  });

  it('rolls back everything when the 10th of 20 entries is bad', async () => {
    const before = await count(t, 'Observation');
    const entries = observationEntries(20, 'Patient/none-yet');
    const patientUrl = 'urn:uuid:22222222-2222-4222-8222-222222222222';
    for (const e of entries) e.resource.subject.reference = patientUrl;
    (entries[9]!.resource as Record<string, unknown>).status = 'not-a-status';
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: patientUrl,
          resource: { resourceType: 'Patient', name: [{ family: 'Rollback' }] },
          request: { method: 'POST', url: 'Patient' },
        },
        ...entries,
      ],
    };
    const response = await t.request('/fhir/R4', { method: 'POST', json: bundle });
    expect([400, 422]).toContain(response.status);
    const outcome = (await response.json()) as { resourceType: string; issue: { expression?: string[] }[] };
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0]?.expression?.[0]).toBe('Bundle.entry[10].resource.status');
    expect(await count(t, 'Observation')).toBe(before);
    expect(await count(t, 'Patient?family=Rollback')).toBe(0);
  });

  it('rejects broken references: an unknown urn:uuid and a missing Type/id', async () => {
    const dangling = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: observationEntries(1, 'urn:uuid:99999999-9999-4999-8999-999999999999'),
    };
    const r1 = await t.request('/fhir/R4', { method: 'POST', json: dangling });
    expect(r1.status).toBe(400);
    expect(JSON.stringify(await r1.json())).toContain('Bundle.entry[0].resource.subject');
    const missing = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: observationEntries(1, 'Patient/does-not-exist'),
    };
    const r2 = await t.request('/fhir/R4', { method: 'POST', json: missing });
    expect(r2.status).toBe(400);
    expect(JSON.stringify(await r2.json())).toContain('does not exist');
  });

  it('conditional create and conditional update inside a transaction', async () => {
    const patient = {
      resourceType: 'Patient',
      identifier: [{ system: 'urn:mrn', value: 'COND-1' }],
      name: [{ family: 'Cond' }],
    };
    const bundle = (ref: string) => ({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: ref,
          resource: patient,
          request: { method: 'POST', url: 'Patient', ifNoneExist: 'identifier=urn:mrn|COND-1' },
        },
        ...observationEntries(1, ref),
      ],
    });
    await t.request('/fhir/R4', {
      method: 'POST',
      json: bundle('urn:uuid:33333333-3333-4333-8333-333333333333'),
    });
    await t.request('/fhir/R4', {
      method: 'POST',
      json: bundle('urn:uuid:44444444-4444-4444-8444-444444444444'),
    });
    expect(await count(t, 'Patient?identifier=urn:mrn|COND-1')).toBe(1);
    const update = await t.request('/fhir/R4/Patient?identifier=urn:mrn|COND-1', {
      method: 'PUT',
      json: { ...patient, gender: 'female' },
    });
    expect(update.status).toBe(200);
    expect(((await update.json()) as { meta: { versionId: string } }).meta.versionId).toBe('2');
    expect(await count(t, 'Patient?identifier=urn:mrn|COND-1&gender=female')).toBe(1);
    const create = await t.request('/fhir/R4/Patient?identifier=urn:mrn|COND-NEW', {
      method: 'PUT',
      json: { ...patient, identifier: [{ system: 'urn:mrn', value: 'COND-NEW' }] },
    });
    expect(create.status).toBe(201);
  });

  it('writes a transaction of 1,200 entries (and updates them all again) in one go', async () => {
    const entry = Array.from({ length: 1200 }, (_, i) => ({
      resource: {
        resourceType: 'Observation',
        id: `bulk-${i}`,
        status: 'final',
        code: { text: 'bulk' },
        valueQuantity: { value: i, unit: 'mmHg' },
      },
      request: { method: 'PUT', url: `Observation/bulk-${i}` },
    }));
    expect(
      (
        await t.request('/fhir/R4', {
          method: 'POST',
          json: { resourceType: 'Bundle', type: 'transaction', entry },
        })
      ).status,
    ).toBe(200);
    for (const e of entry) e.resource.valueQuantity.value += 1;
    expect(
      (
        await t.request('/fhir/R4', {
          method: 'POST',
          json: { resourceType: 'Bundle', type: 'transaction', entry },
        })
      ).status,
    ).toBe(200);
    expect((await t.request('/fhir/R4/Observation?code:text=bulk')).status).toBe(400); // unsupported modifier: refused, not ignored
    expect(
      await count(
        t,
        `Observation?_id=${entry
          .slice(0, 600)
          .map((e) => e.resource.id)
          .join(',')}`,
      ),
    ).toBe(600);
  });

  it('processes a batch entry by entry, reporting each outcome', async () => {
    const batch = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        {
          resource: { resourceType: 'Patient', name: [{ family: 'BatchOk' }] },
          request: { method: 'POST', url: 'Patient' },
        },
        { resource: { resourceType: 'Patient', gender: 'man' }, request: { method: 'POST', url: 'Patient' } },
        { request: { method: 'GET', url: 'Patient?family=BatchOk' } },
      ],
    };
    const response = await t.request('/fhir/R4', { method: 'POST', json: batch });
    const body = (await response.json()) as {
      type: string;
      entry: { response: { status: string; outcome?: unknown } }[];
    };
    expect(body.type).toBe('batch-response');
    expect(body.entry.map((e) => e.response.status.slice(0, 3))).toEqual(['201', '422', '200']);
  });

  it.each(['transaction', 'batch'])(
    'refuses a %s with a duplicate fullUrl (400, nothing stored)',
    async (type) => {
      const before = await count(t, 'Patient?family=DupFullUrl');
      const fullUrl = 'urn:uuid:22222222-2222-4222-8222-222222222222';
      const entry = {
        fullUrl,
        resource: { resourceType: 'Patient', name: [{ family: 'DupFullUrl' }] },
        request: { method: 'POST', url: 'Patient' },
      };
      const response = await t.request('/fhir/R4', {
        method: 'POST',
        json: { resourceType: 'Bundle', type, entry: [entry, { ...entry }] },
      });
      expect(response.status).toBe(400);
      const outcome = (await response.json()) as {
        resourceType: string;
        issue: { diagnostics: string; expression: string[] }[];
      };
      expect(outcome.resourceType).toBe('OperationOutcome');
      expect(outcome.issue[0]).toMatchObject({
        diagnostics: 'fullUrl duplicates Bundle.entry[0].fullUrl',
        expression: ['Bundle.entry[1].fullUrl'],
      });
      expect(await count(t, 'Patient?family=DupFullUrl')).toBe(before);
    },
  );

  it('refuses a transaction that changes one resource twice (two PUTs to a new id; PUT and DELETE): 400, nothing stored', async () => {
    const put = (family: string) => ({
      resource: { resourceType: 'Patient', id: 'twice-1', name: [{ family }] },
      request: { method: 'PUT', url: 'Patient/twice-1' },
    });
    for (const second of [put('TwiceB'), { request: { method: 'DELETE', url: 'Patient/twice-1' } }]) {
      const response = await t.request('/fhir/R4', {
        method: 'POST',
        json: { resourceType: 'Bundle', type: 'transaction', entry: [put('TwiceA'), second] },
      });
      expect(response.status).toBe(400);
      const outcome = (await response.json()) as { issue: { diagnostics: string; expression: string[] }[] };
      expect(outcome.issue[0]).toMatchObject({
        diagnostics: 'Patient/twice-1 is already changed by Bundle.entry[0]',
        expression: ['Bundle.entry[1].request.url'],
      });
    }
    expect((await t.request('/fhir/R4/Patient/twice-1')).status).toBe(404);
  });

  it.each(['transaction', 'batch'])(
    'refuses a %s with a null entry or a non-string request field (400, nothing stored)',
    async (type) => {
      const before = await count(t, 'Patient?family=NullEntry');
      const good = {
        resource: { resourceType: 'Patient', name: [{ family: 'NullEntry' }] },
        request: { method: 'POST', url: 'Patient' },
      };
      for (const bad of [null, { request: { method: 'POST', url: 7 } }, { request: 'POST Patient' }]) {
        const response = await t.request('/fhir/R4', {
          method: 'POST',
          json: { resourceType: 'Bundle', type, entry: [good, bad] },
        });
        expect(response.status, JSON.stringify(bad)).toBe(400);
        const outcome = (await response.json()) as { issue: { expression: string[] }[] };
        expect(outcome.issue[0]!.expression[0]).toMatch(/^Bundle\.entry\[1\]/);
      }
      expect(await count(t, 'Patient?family=NullEntry')).toBe(before);
    },
  );
});
