import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../test-support.ts';

const LOINC = 'http://loinc.org';

function bp(id: string, patient: string, date: string, sbp: number, dbp: number, encounter?: string) {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
        ],
      },
    ],
    code: { coding: [{ system: LOINC, code: '85354-9' }] },
    subject: { reference: `Patient/${patient}` },
    ...(encounter ? { encounter: { reference: `Encounter/${encounter}` } } : {}),
    effectiveDateTime: date,
    component: [
      {
        code: { coding: [{ system: LOINC, code: '8480-6' }] },
        valueQuantity: { value: sbp, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
      },
      {
        code: { coding: [{ system: LOINC, code: '8462-4' }] },
        valueQuantity: { value: dbp, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
      },
    ],
  };
}

const potassium = (id: string, patient: string, value: number) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: LOINC, code: '2823-3' }] },
  subject: { reference: `Patient/${patient}` },
  effectiveDateTime: '2024-05-01T08:00:00Z',
  valueQuantity: { value, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
});

const ids = async (response: Response) =>
  ((await response.json()) as { entry?: { resource: { id: string } }[] }).entry?.map((e) => e.resource.id) ??
  [];

describe.each(DATABASE_KINDS)('FHIR search on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const entry = [
      { resourceType: 'Organization', id: 'org1', name: 'Peking Union Clinic' },
      { resourceType: 'Practitioner', id: 'dr1', name: [{ family: 'Li', given: ['Ming'] }] },
      {
        resourceType: 'Patient',
        id: 'pa',
        identifier: [{ system: 'urn:mrn', value: 'A-1' }],
        name: [{ family: 'Müller', given: ['Anna'] }],
        gender: 'female',
        birthDate: '1958-03-14',
        managingOrganization: { reference: 'Organization/org1' },
        generalPractitioner: [{ reference: 'Practitioner/dr1' }],
      },
      {
        resourceType: 'Patient',
        id: 'pb',
        identifier: [{ system: 'urn:mrn', value: 'B-2' }],
        name: [{ family: 'Mueller', given: ['Bernd'] }],
        gender: 'male',
        birthDate: '1970',
      },
      {
        resourceType: 'Patient',
        id: 'pc',
        name: [{ family: 'Zhang', given: ['Wei'] }],
        gender: 'male',
        birthDate: '1958-11-30',
      },
      {
        resourceType: 'Encounter',
        id: 'e1',
        status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
        subject: { reference: 'Patient/pa' },
        period: { start: '2024-01-10T09:00:00Z', end: '2024-01-10T10:00:00Z' },
      },
      bp('o1', 'pa', '2024-01-10T09:30:00Z', 150, 95, 'e1'),
      bp('o2', 'pa', '2024-02-15T08:00:00Z', 138, 86),
      bp('o3', 'pa', '2024-03-20T08:00:00Z', 128, 79),
      bp('o4', 'pb', '2023-12-31T23:00:00Z', 160, 100),
      potassium('k1', 'pa', 5.4),
      potassium('k2', 'pb', 4.1),
      {
        resourceType: 'Condition',
        id: 'c1',
        clinicalStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
        },
        code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003' }] },
        subject: { reference: 'Patient/pa' },
      },
      {
        resourceType: 'Condition',
        id: 'c2',
        clinicalStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }],
        },
        code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003' }] },
        subject: { reference: 'Patient/pb' },
      },
      {
        resourceType: 'MedicationRequest',
        id: 'm1',
        status: 'active',
        intent: 'order',
        medicationCodeableConcept: {
          coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '197361' }],
        },
        subject: { reference: 'Patient/pa' },
        requester: { reference: 'Practitioner/dr1' },
      },
      {
        resourceType: 'MedicationRequest',
        id: 'm2',
        status: 'stopped',
        intent: 'order',
        medicationCodeableConcept: {
          coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '314076' }],
        },
        subject: { reference: 'Patient/pa' },
      },
    ].map((resource) => ({
      resource,
      request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` },
    }));
    const response = await t.request('/fhir/R4', {
      method: 'POST',
      json: { resourceType: 'Bundle', type: 'transaction', entry },
    });
    expect(response.status).toBe(200);
  });
  afterAll(async () => t.closeAll());

  it('string: prefix, case- and accent-insensitive; :exact and :contains', async () => {
    expect((await ids(await t.request('/fhir/R4/Patient?name=mul'))).sort()).toEqual(['pa']);
    expect((await ids(await t.request('/fhir/R4/Patient?family=MUE'))).sort()).toEqual(['pb']);
    expect((await ids(await t.request('/fhir/R4/Patient?given=anna'))).sort()).toEqual(['pa']);
    expect(await ids(await t.request('/fhir/R4/Patient?family:exact=zhang'))).toEqual(['pc']);
    expect(await ids(await t.request('/fhir/R4/Patient?family:contains=hang'))).toEqual(['pc']);
  });

  it('token: with and without system, |code, :not, gender, identifier, _id', async () => {
    expect(await ids(await t.request('/fhir/R4/Patient?identifier=urn:mrn|A-1'))).toEqual(['pa']);
    expect(await ids(await t.request('/fhir/R4/Patient?identifier=B-2'))).toEqual(['pb']);
    expect(await ids(await t.request('/fhir/R4/Patient?identifier=urn:other|A-1'))).toEqual([]);
    expect((await ids(await t.request('/fhir/R4/Patient?gender=male'))).sort()).toEqual(['pb', 'pc']);
    expect((await ids(await t.request('/fhir/R4/Patient?gender:not=male'))).sort()).toEqual(['pa']);
    expect((await ids(await t.request('/fhir/R4/Patient?_id=pa,pc'))).sort()).toEqual(['pa', 'pc']);
    expect(
      (await ids(await t.request(`/fhir/R4/Observation?code=${LOINC}|85354-9&patient=pa`))).sort(),
    ).toEqual(['o1', 'o2', 'o3']);
    expect(
      (await ids(await t.request('/fhir/R4/Observation?code=85354-9&subject=Patient/pb'))).sort(),
    ).toEqual(['o4']);
    expect((await ids(await t.request('/fhir/R4/Observation?component-code=8480-6&patient=pa'))).length).toBe(
      3,
    );
    expect((await ids(await t.request('/fhir/R4/Observation?category=vital-signs'))).length).toBe(4);
    expect(
      await ids(
        await t.request('/fhir/R4/Condition?code=http://snomed.info/sct|38341003&clinical-status=active'),
      ),
    ).toEqual(['c1']);
    expect(
      await ids(await t.request('/fhir/R4/MedicationRequest?patient=pa&status=active&intent=order')),
    ).toEqual(['m1']);
    expect(await ids(await t.request('/fhir/R4/MedicationRequest?code=314076'))).toEqual(['m2']);
  });

  it('date: prefixes and partial dates', async () => {
    const q = (s: string) =>
      t
        .request(`/fhir/R4/Observation?code=85354-9&${s}`)
        .then(ids)
        .then((x) => x.sort());
    expect(await q('date=2024')).toEqual(['o1', 'o2', 'o3']);
    expect(await q('date=2024-02')).toEqual(['o2']);
    expect(await q('date=2024-02-15')).toEqual(['o2']);
    expect(await q('date=ge2024-02-15')).toEqual(['o2', 'o3']);
    expect(await q('date=gt2024-02-15')).toEqual(['o3']);
    expect(await q('date=lt2024-01-10')).toEqual(['o4']);
    expect(await q('date=le2024-01-10')).toEqual(['o1', 'o4']);
    expect(await q('date=ge2024-01-01&date=lt2024-03-01')).toEqual(['o1', 'o2']);
    expect(await q('date=ne2024-02')).toEqual(['o1', 'o3', 'o4']);
    expect((await ids(await t.request('/fhir/R4/Patient?birthdate=1958'))).sort()).toEqual(['pa', 'pc']);
    expect(await ids(await t.request('/fhir/R4/Patient?birthdate=1958-03'))).toEqual(['pa']);
    expect(await ids(await t.request('/fhir/R4/Patient?birthdate=lt1960-01-01&gender=female'))).toEqual([
      'pa',
    ]);
    expect(await ids(await t.request('/fhir/R4/Encounter?patient=pa&date=2024-01-10'))).toEqual(['e1']);
    const bad = await t.request('/fhir/R4/Observation?date=2024-13-45');
    expect(bad.status).toBe(400);
  });

  it('quantity: value-quantity with prefixes, precision and units', async () => {
    expect(await ids(await t.request('/fhir/R4/Observation?value-quantity=gt5'))).toEqual(['k1']);
    expect(
      await ids(await t.request('/fhir/R4/Observation?value-quantity=5.4|http://unitsofmeasure.org|mmol/L')),
    ).toEqual(['k1']);
    expect(await ids(await t.request('/fhir/R4/Observation?value-quantity=5.4||mg/dL'))).toEqual([]);
    expect((await ids(await t.request('/fhir/R4/Observation?value-quantity=le5.4'))).sort()).toEqual([
      'k1',
      'k2',
    ]);
  });

  it('paging with _count, Bundle.total and next links; _sort; _summary=count', async () => {
    const first = (await (
      await t.request('/fhir/R4/Observation?patient=pa&code=85354-9&_count=2&_sort=date')
    ).json()) as {
      total: number;
      link: { relation: string; url: string }[];
      entry: { resource: { id: string } }[];
    };
    expect(first.total).toBe(3);
    expect(first.entry.map((e) => e.resource.id)).toEqual(['o1', 'o2']);
    const next = first.link.find((l) => l.relation === 'next');
    expect(next).toBeDefined();
    const url = new URL(next!.url);
    const second = (await (await t.request(`${url.pathname}${url.search}`)).json()) as {
      entry: { resource: { id: string } }[];
      link: { relation: string }[];
    };
    expect(second.entry.map((e) => e.resource.id)).toEqual(['o3']);
    expect(second.link.find((l) => l.relation === 'next')).toBeUndefined();
    expect(await ids(await t.request('/fhir/R4/Observation?patient=pa&code=85354-9&_sort=-date'))).toEqual([
      'o3',
      'o2',
      'o1',
    ]);
    expect(await ids(await t.request('/fhir/R4/Patient?_sort=family,given'))).toEqual(['pb', 'pa', 'pc']);
    const count = (await (await t.request('/fhir/R4/Observation?_summary=count')).json()) as {
      total: number;
      entry?: unknown[];
    };
    expect(count.total).toBe(6);
    expect(count.entry ?? []).toHaveLength(0);
  });

  it('_include and _revinclude', async () => {
    const bundle = (await (
      await t.request(
        '/fhir/R4/MedicationRequest?_id=m1&_include=MedicationRequest:requester&_include=MedicationRequest:patient',
      )
    ).json()) as { entry: { resource: { resourceType: string; id: string }; search: { mode: string } }[] };
    expect(
      bundle.entry.map((e) => `${e.search.mode}:${e.resource.resourceType}/${e.resource.id}`).sort(),
    ).toEqual(['include:Patient/pa', 'include:Practitioner/dr1', 'match:MedicationRequest/m1']);
    const rev = (await (
      await t.request('/fhir/R4/Patient?_id=pa&_revinclude=Observation:subject&_revinclude=Condition:patient')
    ).json()) as { entry: { resource: { resourceType: string; id: string } }[] };
    const types = rev.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`);
    expect(types).toEqual(
      expect.arrayContaining(['Patient/pa', 'Observation/o1', 'Observation/k1', 'Condition/c1']),
    );
    expect(types).not.toContain('Observation/o4');
  });

  it('Patient/$everything returns the compartment', async () => {
    const bundle = (await (await t.request('/fhir/R4/Patient/pa/$everything')).json()) as {
      total: number;
      entry: { resource: { resourceType: string; id: string } }[];
    };
    const keys = bundle.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`);
    expect(keys[0]).toBe('Patient/pa');
    expect(keys).toEqual(
      expect.arrayContaining([
        'Encounter/e1',
        'Observation/o1',
        'Observation/k1',
        'Condition/c1',
        'MedicationRequest/m1',
        'MedicationRequest/m2',
      ]),
    );
    expect(keys).not.toContain('Observation/o4');
    expect(bundle.total).toBe(keys.length);
  });

  it('rejects unknown parameters and injection attempts without harm', async () => {
    const unknown = await t.request('/fhir/R4/Patient?shoe-size=42');
    expect(unknown.status).toBe(400);
    const injection = await t.request(
      `/fhir/R4/Patient?name=${encodeURIComponent("x'; drop table fhir_resource; --")}`,
    );
    expect(injection.status).toBe(200);
    expect(await ids(injection)).toEqual([]);
    const idInjection = await t.request(`/fhir/R4/Patient/${encodeURIComponent("pa' or '1'='1")}`);
    expect([400, 404]).toContain(idInjection.status);
    expect((await ids(await t.request('/fhir/R4/Patient?_id=pa'))).length).toBe(1);
  });
});
