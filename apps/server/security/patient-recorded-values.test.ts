/**
 * What a patient records about themself, through the whole server (independent review after issue 15):
 * - item 1: a patient's own lab value never drives the clinician's calculations (care summary eGFR, CDS Hooks
 *   prescription review) until a clinician confirms it; the summary shows it as patient-recorded;
 * - item 2: once a clinician writes a version, the patient can no longer change or delete it;
 * - item 3: a patient's record cannot point into another patient's visit (or any record of theirs).
 * Rule and reasons: docs/decisions/0003 ("Patient-recorded values").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../test-support.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const LAB = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }],
};
const creatinine = (subject: string, value: number, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Observation',
  status: 'final',
  category: [LAB],
  code: { coding: [{ system: 'http://loinc.org', code: '2160-0' }], text: 'Creatinine' },
  subject: { reference: `Patient/${subject}` },
  effectiveDateTime: '2026-03-08T08:00:00Z',
  valueQuantity: { value, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
  ...extra,
});
type Finding = { key: string; value: { en: string } };

describe.each(DATABASE_KINDS)('patient-recorded values on %s', (kind) => {
  let t: TestApp;
  let anna: string;
  let doc: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const fhir = (token: string, path: string, init: RequestInit & { json?: unknown } = {}) =>
    t.request(`/fhir/R4${path}`, { ...init, headers: as(token) });
  const findings = async () => {
    const r = await t.request('/api/care/patients/pa/summary?lang=en', { headers: as(doc) });
    expect(r.status).toBe(200);
    return ((await r.json()) as { findings: Finding[] }).findings;
  };
  const egfr = async () => (await findings()).find((f) => f.key === 'egfr')?.value.en ?? '';
  const cdsDetail = async () => {
    const r = await t.request('/cds-services/qihuang-rx-review-patient-view', {
      method: 'POST',
      headers: { ...as(doc), 'content-type': 'application/json' },
      body: JSON.stringify({
        hookInstance: 'h1',
        hook: 'patient-view',
        fhirServer: 'http://localhost/fhir/R4',
        context: { userId: 'Practitioner/dr', patientId: 'pa' },
      }),
    });
    expect(r.status).toBe(200);
    return JSON.stringify(await r.json());
  };

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW, 'required');
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    for (const id of ['pa', 'pb'])
      await t.repository.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        gender: 'female',
        birthDate: '1958-04-02',
      });
    anna = await t.userToken({
      username: 'anna',
      password: 'patient-password-1',
      role: 'patient',
      patientId: 'pa',
    });
    doc = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    const seed = async (json: unknown) =>
      expect((await fhir(doc, '/Observation', { method: 'POST', json })).status).toBe(201);
    await seed(creatinine('pa', 2.9, { performer: [{ reference: 'Practitioner/dr' }] }));
    // Spironolactone is to be avoided below eGFR 30 (product label): the review's renal card shows the eGFR used.
    const rx = await fhir(doc, '/MedicationRequest', {
      method: 'POST',
      json: {
        resourceType: 'MedicationRequest',
        status: 'active',
        intent: 'order',
        subject: { reference: 'Patient/pa' },
        medicationCodeableConcept: {
          text: 'Spironolactone 25 mg tablet',
          coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '9997' }],
        },
        dosageInstruction: [{ text: '25 mg daily' }],
      },
    });
    expect(rx.status).toBe(201);
  }, 180_000);
  afterAll(async () => t?.closeAll());

  it("a patient's own creatinine drives neither the summary eGFR nor the prescription review until confirmed (item 1)", async () => {
    // Scr 2.9 mg/dL, woman of 67: CKD-EPI 2021 eGFR 17 (G4).
    expect(await egfr()).toMatch(/^eGFR 17 .*G4/);
    expect(await cdsDetail()).toContain('eGFR 17');
    const posted = await fhir(anna, '/Observation', {
      method: 'POST',
      json: creatinine('pa', 0.8, { effectiveDateTime: '2026-03-09T08:00:00Z' }),
    });
    expect(posted.status).toBe(201);
    const own = (await posted.json()) as { id: string; meta: { tag?: { code: string }[] } };
    expect(own.meta.tag).toEqual([
      expect.objectContaining({ system: 'urn:qihuang:recorded-by', code: 'patient' }),
    ]);
    expect(await egfr()).toMatch(/^eGFR 17 .*G4/);
    expect(await cdsDetail()).toContain('eGFR 17');
    const shown = (await findings()).find((f) => f.key === 'patient-recorded');
    expect(shown?.value.en).toBe('Creatinine 0.8 mg/dL (2026-03-09)');
    // A clinician confirms it by saving it (read, then PUT as read): from then on it counts.
    const read = await (await fhir(doc, `/Observation/${own.id}`)).json();
    expect((await fhir(doc, `/Observation/${own.id}`, { method: 'PUT', json: read })).status).toBe(200);
    expect(await egfr()).toMatch(/^eGFR (?!17 )\d+ /);
    expect((await findings()).some((f) => f.key === 'patient-recorded')).toBe(false);
  });

  it('after a clinician withdraws it, the patient can neither put it back nor delete it (item 2; decision 0020)', async () => {
    const posted = await fhir(anna, '/Observation', { method: 'POST', json: creatinine('pa', 0.7) });
    expect(posted.status).toBe(201);
    const { id } = (await posted.json()) as { id: string };
    // Decision 0020: staff do not overwrite the value a patient recorded (409); they withdraw it (status only).
    const overwritten = creatinine('pa', 2.8, { id, performer: [{ reference: 'Practitioner/dr' }] });
    expect((await fhir(doc, `/Observation/${id}`, { method: 'PUT', json: overwritten })).status).toBe(409);
    const withdrawn = creatinine('pa', 0.7, { id, status: 'entered-in-error' });
    expect((await fhir(doc, `/Observation/${id}`, { method: 'PUT', json: withdrawn })).status).toBe(200);
    const back = creatinine('pa', 0.7, { id });
    expect((await fhir(anna, `/Observation/${id}`, { method: 'PUT', json: back })).status).toBe(403);
    expect((await fhir(anna, `/Observation/${id}`, { method: 'DELETE' })).status).toBe(403);
    const now = (await (await fhir(doc, `/Observation/${id}`)).json()) as {
      status: string;
      valueQuantity: { value: number };
    };
    expect(now.status).toBe('entered-in-error');
    expect(now.valueQuantity.value).toBe(0.7);
  });
});
