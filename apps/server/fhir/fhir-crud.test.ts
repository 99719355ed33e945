import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../test-support.ts';

const patient = {
  resourceType: 'Patient',
  name: [{ family: 'Wang', given: ['Fang'] }],
  gender: 'female',
  birthDate: '1960-04-02',
};

describe.each(DATABASE_KINDS)('FHIR CRUD on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t.closeAll());

  it('creates with Location, ETag and Last-Modified, then reads and vreads', async () => {
    const created = await t.request('/fhir/R4/Patient', { method: 'POST', json: patient });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toContain('application/fhir+json');
    const body = (await created.json()) as { id: string; meta: { versionId: string } };
    expect(created.headers.get('location')).toMatch(new RegExp(`/fhir/R4/Patient/${body.id}/_history/1$`));
    expect(created.headers.get('etag')).toBe('W/"1"');
    expect(created.headers.get('last-modified')).toBeTruthy();
    const read = await t.request(`/fhir/R4/Patient/${body.id}`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { name: { family: string }[] }).name[0]?.family).toBe('Wang');
    expect((await t.request(`/fhir/R4/Patient/${body.id}/_history/1`)).status).toBe(200);
    expect((await t.request(`/fhir/R4/Patient/${body.id}/_history/9`)).status).toBe(404);
  });

  it('updates with If-Match and answers 412 on a stale version', async () => {
    const created = (await (
      await t.request('/fhir/R4/Patient', { method: 'POST', json: patient })
    ).json()) as { id: string };
    const v2 = await t.request(`/fhir/R4/Patient/${created.id}`, {
      method: 'PUT',
      headers: { 'If-Match': 'W/"1"' },
      json: { ...patient, id: created.id, gender: 'other' },
    });
    expect(v2.status).toBe(200);
    expect(v2.headers.get('etag')).toBe('W/"2"');
    const stale = await t.request(`/fhir/R4/Patient/${created.id}`, {
      method: 'PUT',
      headers: { 'If-Match': 'W/"1"' },
      json: { ...patient, id: created.id, gender: 'male' },
    });
    expect(stale.status).toBe(412);
    const outcome = (await stale.json()) as { resourceType: string; issue: { diagnostics: string }[] };
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue[0]?.diagnostics).toMatch(/version 2/);
    const current = (await (await t.request(`/fhir/R4/Patient/${created.id}`)).json()) as { gender: string };
    expect(current.gender).toBe('other');
  });

  it('creates on PUT to a new id, keeps history, deletes to 410', async () => {
    const put = await t.request('/fhir/R4/Patient/p-put-1', {
      method: 'PUT',
      json: { ...patient, id: 'p-put-1' },
    });
    expect(put.status).toBe(201);
    await t.request('/fhir/R4/Patient/p-put-1', {
      method: 'PUT',
      json: { ...patient, id: 'p-put-1', gender: 'male' },
    });
    expect((await t.request('/fhir/R4/Patient/p-put-1', { method: 'DELETE' })).status).toBe(204);
    expect((await t.request('/fhir/R4/Patient/p-put-1')).status).toBe(410);
    const history = (await (await t.request('/fhir/R4/Patient/p-put-1/_history')).json()) as {
      type: string;
      total: number;
      entry: { request: { method: string } }[];
    };
    expect(history.type).toBe('history');
    expect(history.total).toBe(3);
    expect(history.entry.map((e) => e.request.method)).toEqual(['DELETE', 'PUT', 'PUT']);
    const typeHistory = (await (await t.request('/fhir/R4/Patient/_history?_count=2')).json()) as {
      total: number;
      entry: unknown[];
    };
    expect(typeHistory.total).toBeGreaterThanOrEqual(3);
    expect(typeHistory.entry).toHaveLength(2);
  });

  it('an unchanged PUT writes no new version', async () => {
    await t.request('/fhir/R4/Patient/p-same', { method: 'PUT', json: { ...patient, id: 'p-same' } });
    const again = await t.request('/fhir/R4/Patient/p-same', {
      method: 'PUT',
      json: { ...patient, id: 'p-same' },
    });
    expect(again.headers.get('etag')).toBe('W/"1"');
  });

  it('conditional create returns the existing resource', async () => {
    const body = { ...patient, identifier: [{ system: 'urn:mrn', value: 'MRN-77' }] };
    const first = await t.request('/fhir/R4/Patient', {
      method: 'POST',
      headers: { 'If-None-Exist': 'identifier=urn:mrn|MRN-77' },
      json: body,
    });
    expect(first.status).toBe(201);
    const second = await t.request('/fhir/R4/Patient', {
      method: 'POST',
      headers: { 'If-None-Exist': 'identifier=urn:mrn|MRN-77' },
      json: body,
    });
    expect(second.status).toBe(200);
    expect(((await second.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    const count = (await (
      await t.request('/fhir/R4/Patient?identifier=urn:mrn|MRN-77&_summary=count')
    ).json()) as { total: number };
    expect(count.total).toBe(1);
  });

  it('rejects malformed resources precisely and stores nothing', async () => {
    const before = (
      (await (await t.request('/fhir/R4/Observation?_summary=count')).json()) as { total: number }
    ).total;
    const cases: [unknown, RegExp][] = [
      [{ resourceType: 'Observation', code: { text: 'x' } }, /Observation\.status/],
      [{ resourceType: 'Observation', status: 'bogus', code: { text: 'x' } }, /Observation\.status/],
      [{ resourceType: 'Observation', status: 'final' }, /Observation\.code/],
      [
        {
          resourceType: 'Observation',
          status: 'final',
          code: { text: 'x' },
          subject: { reference: 'not a reference' },
        },
        /Observation\.subject/,
      ],
      [
        {
          resourceType: 'Observation',
          status: 'final',
          code: { text: 'x' },
          valueQuantity: { value: 'high' },
        },
        /Observation\.value/,
      ],
    ];
    for (const [resource, expression] of cases) {
      const response = await t.request('/fhir/R4/Observation', { method: 'POST', json: resource });
      expect([400, 422]).toContain(response.status);
      const outcome = (await response.json()) as { resourceType: string; issue: { expression?: string[] }[] };
      expect(outcome.resourceType).toBe('OperationOutcome');
      expect(outcome.issue.flatMap((i) => i.expression ?? []).join(' ')).toMatch(expression);
    }
    const patientBad = await t.request('/fhir/R4/Patient', {
      method: 'POST',
      json: { resourceType: 'Patient', gender: 'man', birthDate: 123 },
    });
    const outcome = (await patientBad.json()) as { issue: { expression?: string[] }[] };
    const expressions = outcome.issue.flatMap((i) => i.expression ?? []);
    expect(expressions).toContain('Patient.gender');
    expect(expressions.some((e) => e.startsWith('Patient.birthDate'))).toBe(true);
    const after = (
      (await (await t.request('/fhir/R4/Observation?_summary=count')).json()) as { total: number }
    ).total;
    expect(after).toBe(before);
  });

  it('answers malformed JSON, wrong type in URL and unknown types with OperationOutcome', async () => {
    const bad = await t.request('/fhir/R4/Patient', {
      method: 'POST',
      body: '{"resourceType":',
      headers: { 'content-type': 'application/fhir+json' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
    const mismatch = await t.request('/fhir/R4/Observation', { method: 'POST', json: patient });
    expect(mismatch.status).toBe(400);
    const unknown = await t.request('/fhir/R4/Spaceship/1');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
  });

  it('publishes a CapabilityStatement that lists what is supported', async () => {
    const response = await t.request('/fhir/R4/metadata');
    const cs = (await response.json()) as {
      resourceType: string;
      fhirVersion: string;
      rest: { resource: { type: string; searchParam?: { name: string }[] }[] }[];
    };
    expect(cs.resourceType).toBe('CapabilityStatement');
    expect(cs.fhirVersion).toMatch(/^4\.0/);
    const observation = cs.rest[0]?.resource.find((r) => r.type === 'Observation');
    expect(observation?.searchParam?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['code', 'date', 'patient', 'value-quantity', 'component-code']),
    );
  });
});
