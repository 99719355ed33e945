import { describe, expect, it } from 'vitest';
import { extractIndexRows } from './index-rows.ts';
import { patientCompartmentIds } from './patient-compartment.ts';
import { PATIENT_COMPARTMENT } from './patient-compartment.ts';
import { SEARCH_PARAMETERS } from './search-parameters.ts';
import { readFileSync } from 'node:fs';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const of = <T extends { param: string }>(rows: T[], param: string) => rows.filter((r) => r.param === param);

describe('extractIndexRows', () => {
  const patient = {
    resourceType: 'Patient',
    id: 'p1',
    identifier: [{ system: 'urn:oid:1.2.36.146.595.217.0.1', value: '12345', type: { text: 'MRN' } }],
    name: [{ family: 'Müller', given: ['José', 'Ana'], prefix: ['Dr.'] }],
    gender: 'female',
    birthDate: '1974-12',
    active: true,
    telecom: [
      { system: 'phone', value: '555-1234', use: 'home' },
      { system: 'email', value: 'a@b.org' },
    ],
    address: [{ line: ['1 Main St'], city: 'São Paulo', postalCode: '01000' }],
    generalPractitioner: [{ reference: 'Practitioner/dr1' }],
    managingOrganization: { reference: 'Organization/o1' },
    meta: { tag: [{ system: 'http://t', code: 'demo' }], lastUpdated: '2024-01-01T00:00:00Z' },
  };

  it('tokens: identifier, code with system, boolean, contact points, meta.tag', () => {
    const { tokens } = extractIndexRows(patient);
    expect(of(tokens, 'identifier')).toEqual([
      { param: 'identifier', system: 'urn:oid:1.2.36.146.595.217.0.1', code: '12345', text: 'mrn' },
    ]);
    expect(of(tokens, 'gender')).toEqual([
      { param: 'gender', system: 'http://hl7.org/fhir/administrative-gender', code: 'female' },
    ]);
    expect(of(tokens, 'active')).toEqual([{ param: 'active', system: null, code: 'true' }]);
    expect(of(tokens, 'phone')).toEqual([
      { param: 'phone', system: null, code: '555-1234' },
      { param: 'phone', system: null, code: '5551234' },
    ]);
    expect(of(tokens, 'email')).toEqual([{ param: 'email', system: null, code: 'a@b.org' }]);
    expect(of(tokens, '_tag')).toEqual([{ param: '_tag', system: 'http://t', code: 'demo' }]);
    expect(of(tokens, '_id')).toEqual([]); // store column
  });

  it('strings: normalised, accents removed, each name/address part', () => {
    const { strings } = extractIndexRows(patient);
    expect(of(strings, 'family').map((s) => s.value)).toEqual(['muller']);
    expect(of(strings, 'given').map((s) => s.value)).toEqual(['jose', 'ana']);
    expect(of(strings, 'name').map((s) => s.value)).toEqual(['muller', 'jose', 'ana', 'dr.']);
    expect(of(strings, 'address-city').map((s) => s.value)).toEqual(['sao paulo']);
    expect(of(strings, 'address').map((s) => s.value)).toEqual(['1 main st', 'sao paulo', '01000']);
  });

  it('dates: partial date → month range [start, end)', () => {
    expect(of(extractIndexRows(patient).dates, 'birthdate')).toEqual([
      { param: 'birthdate', start: '1974-12-01T00:00:00.000Z', end: '1975-01-01T00:00:00.000Z' },
    ]);
  });

  it('references with target filter', () => {
    const { references } = extractIndexRows(patient);
    expect(of(references, 'general-practitioner')).toEqual([
      { param: 'general-practitioner', targetType: 'Practitioner', targetId: 'dr1', url: 'Practitioner/dr1' },
    ]);
    expect(of(references, 'organization')).toEqual([
      { param: 'organization', targetType: 'Organization', targetId: 'o1', url: 'Organization/o1' },
    ]);
  });

  it('Observation: components, quantities, effective dateTime with timezone, patient vs subject', () => {
    const bp = fixture('observation-example-bloodpressure.json');
    const rows = extractIndexRows(bp);
    const componentCodes = of(rows.tokens, 'component-code').map((t) => `${t.system}|${t.code}`);
    expect(componentCodes).toContain('http://loinc.org|8480-6');
    expect(componentCodes).toContain('http://loinc.org|8462-4');
    expect(of(rows.tokens, 'code').map((t) => `${t.system}|${t.code}`)).toContain('http://loinc.org|85354-9');
    expect(of(rows.quantities, 'component-value-quantity')).toEqual([
      {
        param: 'component-value-quantity',
        value: 107,
        system: 'http://unitsofmeasure.org',
        code: 'mm[Hg]',
        unit: 'mmHg',
      },
      {
        param: 'component-value-quantity',
        value: 60,
        system: 'http://unitsofmeasure.org',
        code: 'mm[Hg]',
        unit: 'mmHg',
      },
    ]);
    // effectiveDateTime 2012-09-17 (day precision)
    expect(of(rows.dates, 'date')).toEqual([
      { param: 'date', start: '2012-09-17T00:00:00.000Z', end: '2012-09-18T00:00:00.000Z' },
    ]);
    expect(of(rows.references, 'patient')).toEqual([
      { param: 'patient', targetType: 'Patient', targetId: 'example', url: 'Patient/example' },
    ]);

    const groupSubject = {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'x' },
      subject: { reference: 'Group/g' },
      effectiveDateTime: '2020-03-04T10:00:00+02:00',
      valueQuantity: { value: 5.4, system: 'http://unitsofmeasure.org', code: 'mmol/L' },
    };
    const g = extractIndexRows(groupSubject);
    expect(of(g.references, 'patient')).toEqual([]);
    expect(of(g.references, 'subject')).toHaveLength(1);
    expect(of(g.dates, 'date')).toEqual([
      { param: 'date', start: '2020-03-04T08:00:00.000Z', end: '2020-03-04T08:00:01.000Z' },
    ]);
    expect(of(g.quantities, 'value-quantity')).toEqual([
      {
        param: 'value-quantity',
        value: 5.4,
        system: 'http://unitsofmeasure.org',
        code: 'mmol/L',
        unit: null,
      },
    ]);
    expect(of(g.tokens, 'code')).toEqual([{ param: 'code', system: null, code: null, text: 'x' }]);
  });

  it('periods: open ends become ±infinity; Encounter class Coding', () => {
    const enc = {
      resourceType: 'Encounter',
      status: 'in-progress',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      period: { start: '2020-01-01T10:00:00Z' },
      subject: { reference: 'Patient/p1' },
      serviceProvider: { reference: 'Organization/o1' },
      participant: [{ individual: { reference: 'Practitioner/d1' } }],
    };
    const rows = extractIndexRows(enc);
    expect(of(rows.dates, 'date')).toEqual([
      { param: 'date', start: '2020-01-01T10:00:00.000Z', end: 'infinity' },
    ]);
    expect(of(rows.tokens, 'class')).toEqual([
      { param: 'class', system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    ]);
    expect(of(rows.references, 'participant').map((r) => r.url)).toEqual(['Practitioner/d1']);
    expect(of(rows.references, 'service-provider').map((r) => r.targetId)).toEqual(['o1']);
    const openStart = { ...enc, period: { end: '2020-01-02' } };
    const closedEnd = extractIndexRows(openStart);
    expect(of(closedEnd.dates, 'date')).toEqual([
      { param: 'date', start: '-infinity', end: '2020-01-03T00:00:00.000Z' },
    ]);
  });

  it('unknown types yield empty rows', () => {
    expect(extractIndexRows({ resourceType: 'Nope' })).toEqual({
      tokens: [],
      strings: [],
      dates: [],
      references: [],
      quantities: [],
      numbers: [],
      uris: [],
    });
  });
});

describe('patientCompartmentIds', () => {
  it('follows the R4 Patient compartment definition', () => {
    expect(
      patientCompartmentIds({
        resourceType: 'Patient',
        id: 'p1',
        link: [{ other: { reference: 'Patient/p2' }, type: 'seealso' }],
      } as never),
    ).toEqual(['p1', 'p2']);
    expect(
      patientCompartmentIds({
        resourceType: 'Observation',
        subject: { reference: 'Patient/1' },
        performer: [{ reference: 'Patient/2' }, { reference: 'Practitioner/3' }],
      } as never),
    ).toEqual(['1', '2']);
    expect(
      patientCompartmentIds({ resourceType: 'Provenance', target: [{ reference: 'Patient/9' }] } as never),
    ).toEqual(['9']);
    expect(
      patientCompartmentIds({ resourceType: 'Claim', patient: { reference: 'Patient/4' } } as never),
    ).toEqual(['4']);
    expect(patientCompartmentIds({ resourceType: 'Organization', id: 'o' })).toEqual([]);
    expect(
      patientCompartmentIds({
        resourceType: 'Observation',
        subject: { reference: 'urn:uuid:6d23a95e-7e18-4201-90ec-9501fa89fbd2' },
      } as never),
    ).toEqual([]);
  });

  it('every compartment param exists as a reference param in the registry', () => {
    for (const [type, params] of Object.entries(PATIENT_COMPARTMENT)) {
      for (const code of params)
        expect(SEARCH_PARAMETERS[type]?.[code]?.type, `${type}.${code}`).toBe('reference');
    }
  });
});
