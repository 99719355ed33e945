/**
 * Issue 17 items 4, 5, 7 through the care API: office BP only from the recent window (with its date), the
 * deceased labelled and left out, patient-recalled BP kept apart from measured readings, home readings judged
 * against the home target, chart conditions reaching the engine, and no internal reference in any answer for
 * a demo patient.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { collectFiles, importFiles, repositoryTarget } from '@qihuang/importer';
import { DEMO_DATA_DIR } from '@qihuang/demo';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { week } from './care-test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z'); // 12:00 in China
const DEMO_ALIVE = 'ee9f8dd8-72d2-4769-8020-89e504b1504b'; // Liz Conn (synthetic)
const DEMO_DECEASED = '9ceb9c47-030c-4ef2-a7d6-97f2c5676644'; // Bernardo Ordóñez, died 1981 (synthetic)
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };

function officeBp(id: string, patientId: string, time: string, sbp: number, dbp: number) {
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
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] }, // REFERENCE §8.1
    subject: { reference: `Patient/${patientId}` },
    encounter: { reference: `Encounter/${id}-enc` },
    effectiveDateTime: time,
    component: [
      {
        code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
        valueQuantity: { value: sbp, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
      },
      {
        code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
        valueQuantity: { value: dbp, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
      },
    ],
  };
}

describe.each(DATABASE_KINDS)('care data currency and targets on %s', (kind) => {
  let t: TestApp;
  const get = async (path: string) => {
    const r = await t.request(path);
    return { status: r.status, body: (await r.json()) as Record<string, unknown>, text: '' };
  };
  const send = async (method: string, path: string, json: unknown = {}) => {
    const r = await t.request(path, {
      method,
      body: JSON.stringify(json),
      headers: { 'content-type': 'application/json' },
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const upload = (patientId: string, csv: string) =>
    t.request(`/api/bp/patients/${patientId}/readings?format=csv`, {
      method: 'POST',
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
  const patient = (id: string, extra: Record<string, unknown> = {}) =>
    t.repository.update(system, 'Patient', id, {
      resourceType: 'Patient',
      id,
      gender: 'male',
      birthDate: '1966-05-01',
      name: [{ text: id }],
      ...extra,
    });

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
    await importFiles(
      repositoryTarget(t.repository, system),
      collectFiles([
        `${DEMO_DATA_DIR}Liz_Conn_27c911c6-f045-4ffa-af5d-6eba57ac94b2.json`,
        `${DEMO_DATA_DIR}Bernardo_Ordonez_ee5ce8e4-160e-4265-88ea-a2ebf4e2dfa9.json`,
      ]),
    );
    for (const id of ['cur-1', 'cur-2', 'cur-3']) await patient(id);
    await patient('cur-4', { gender: 'female', birthDate: '1995-04-01' });
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('classifies office BP only from the last 12 months and names the visit date', async () => {
    await t.repository.update(
      system,
      'Observation',
      'old-office',
      officeBp('old-office', 'cur-1', '1979-06-01T09:00:00+08:00', 192, 121),
    );
    let s = await get('/api/care/patients/cur-1/summary');
    expect(s.status).toBe(200);
    const findings = () => s.body.findings as { key: string; label: { en: string } }[];
    expect(findings().some((f) => f.label.en.startsWith('Office BP'))).toBe(false);
    await t.repository.update(
      system,
      'Observation',
      'new-office',
      officeBp('new-office', 'cur-1', '2026-02-01T09:00:00+08:00', 152, 94),
    );
    s = await get('/api/care/patients/cur-1/summary');
    expect(findings().find((f) => f.key === 'classification')!.label.en).toBe(
      'Office BP classification (2026-02-01)',
    );
  });

  it('keeps BP the patient recalled apart: latest BP is the latest measured reading', async () => {
    expect((await upload('cur-1', week(138, 88))).status).toBe(201);
    const { encounter: _measuredInClinic, ...recalled } = officeBp(
      'recalled',
      'cur-1',
      NOW.toISOString(),
      185,
      115,
    );
    await t.repository.update(system, 'Observation', 'recalled', {
      ...recalled,
      status: 'preliminary',
      meta: { tag: [{ system: 'urn:qihuang:provenance', code: 'patient-reported' }] },
    });
    const s = await get('/api/care/patients/cur-1/summary');
    expect(s.body.latestMeasured).toMatchObject({
      time: '2026-03-09T21:02:00+08:00',
      sbp: 136,
      dbp: 87,
      setting: 'home',
    });
    expect(s.body.patientReported).toEqual([expect.objectContaining({ id: 'recalled', sbp: 185, dbp: 115 })]);
    const home = (s.body.findings as { key: string; value: { en: string } }[]).find(
      (f) => f.key === 'home-mean',
    )!;
    expect(home.value.en).not.toContain('185');
  });

  it('judges home readings against the home target: home 138/88 is not "at target" anywhere', async () => {
    const plan = await send('PUT', '/api/care/patients/cur-1/care-plan', { guideline: 'china-2018' });
    expect(plan.status).toBe(200);
    expect(plan.body.target).toMatchObject({ sbp: 140, dbp: 90 });
    expect(plan.body.homeTarget).toMatchObject({ sbp: 135, dbp: 85 }); // REFERENCE §2.1/§2.2
    const home = await get('/api/care/patients/cur-1/home');
    const progress = home.body.progress as { target: unknown; weeks: { atTarget: boolean }[] };
    expect(progress.target).toEqual({ sbp: 135, dbp: 85 });
    expect(progress.weeks.length).toBeGreaterThan(0);
    expect(progress.weeks.every((w) => w.atTarget === false)).toBe(true);
    const panel = await get('/api/care/panel');
    const row = (panel.body.entries as { patientId: string; controlled?: boolean }[]).find(
      (e) => e.patientId === 'cur-1',
    )!;
    expect(row.controlled).toBe(false);
  });

  it('labels a deceased demo patient without an age and refuses plans and proposals for them', async () => {
    const s = await get(`/api/care/patients/${DEMO_DECEASED}/summary`);
    expect(s.status).toBe(200);
    const p = s.body.patient as { age?: number; deceased?: { date?: string; ageAtDeath?: number } };
    expect(p.age).toBeUndefined();
    expect(p.deceased).toMatchObject({ date: '1981-03-14T08:59:56+00:00', ageAtDeath: 23 });
    expect((await send('PUT', `/api/care/patients/${DEMO_DECEASED}/care-plan`)).status).toBe(409);
    expect(
      (await send('POST', `/api/care/patients/${DEMO_DECEASED}/proposal`, { language: 'en' })).status,
    ).toBe(409);
  });

  it('leaves a patient who died out of the panel and sends them no reminders', async () => {
    await upload('cur-2', week(150, 95));
    expect((await send('PUT', '/api/care/patients/cur-2/care-plan')).status).toBe(200);
    let panel = await get('/api/care/panel');
    expect((panel.body.entries as { patientId: string }[]).some((e) => e.patientId === 'cur-2')).toBe(true);
    await patient('cur-2', { deceasedDateTime: '2026-03-09T10:00:00+08:00' });
    panel = await get('/api/care/panel');
    expect((panel.body.entries as { patientId: string }[]).some((e) => e.patientId === 'cur-2')).toBe(false);
    const home = await get('/api/care/patients/cur-2/home');
    expect((home.body.monitoring as { reminders: unknown[] }).reminders).toEqual([]);
    expect(home.body.deceased).toEqual({ date: '2026-03-09T10:00:00+08:00' });
  });

  it('passes chart conditions to the engine: AV block and angioedema steer the proposal', async () => {
    for (const [id, code] of [
      ['avb', 'I44.2'],
      ['ang', 'T78.3'],
    ] as const)
      await t.repository.update(system, 'Condition', `cur-3-${id}`, {
        resourceType: 'Condition',
        id: `cur-3-${id}`,
        clinicalStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
        },
        code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code }] },
        subject: { reference: 'Patient/cur-3' },
      });
    await t.repository.update(
      system,
      'Observation',
      'cur-3-office',
      officeBp('cur-3-office', 'cur-3', '2026-03-01T09:00:00+08:00', 168, 102),
    );
    const r = await send('POST', '/api/care/patients/cur-3/proposal', {
      guideline: 'china-2018',
      language: 'en',
    });
    expect(r.status).toBe(201);
    const proposal = r.body.proposal as { avoided: { cls: string }[]; orders: { classes: string[] }[] };
    const avoided = proposal.avoided.map((a) => a.cls);
    expect(avoided).toEqual(expect.arrayContaining(['acei', 'beta-blocker', 'ccb-nondhp']));
    const ordered = proposal.orders.flatMap((o) => o.classes);
    for (const cls of ['acei', 'beta-blocker', 'ccb-nondhp']) expect(ordered).not.toContain(cls);
  });

  it('passes a planned pregnancy (ICD-10 Z31) to the engine: no ACE inhibitor or ARB is proposed', async () => {
    await t.repository.update(system, 'Condition', 'cur-4-plan', {
      resourceType: 'Condition',
      id: 'cur-4-plan',
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
      },
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'Z31.6' }], text: '备孕' },
      subject: { reference: 'Patient/cur-4' },
    });
    await t.repository.update(
      system,
      'Observation',
      'cur-4-office',
      officeBp('cur-4-office', 'cur-4', '2026-03-01T09:00:00+08:00', 166, 104),
    );
    const r = await send('POST', '/api/care/patients/cur-4/proposal', {
      guideline: 'china-2018',
      language: 'en',
    });
    expect(r.status).toBe(201);
    const proposal = r.body.proposal as { avoided: { cls: string }[]; orders: { classes: string[] }[] };
    expect(proposal.avoided.map((a) => a.cls)).toEqual(expect.arrayContaining(['acei', 'arb']));
    const ordered = proposal.orders.flatMap((o) => o.classes);
    expect(ordered).not.toContain('acei');
    expect(ordered).not.toContain('arb');
  });

  it('answers for a demo patient carry guideline names, never the internal reference', async () => {
    expect((await upload(DEMO_ALIVE, week(146, 92))).status).toBe(201);
    const answers = [
      await get(`/api/care/patients/${DEMO_ALIVE}/summary`),
      await send('PUT', `/api/care/patients/${DEMO_ALIVE}/care-plan`),
      await send('POST', `/api/care/patients/${DEMO_ALIVE}/proposal`, { language: 'en' }),
      await get(`/api/care/patients/${DEMO_ALIVE}/drafts`),
      await get(`/api/care/patients/${DEMO_ALIVE}/home`),
      await get('/api/care/panel'),
    ];
    for (const a of answers) {
      expect(a.status).toBeLessThan(300);
      expect(JSON.stringify(a.body)).not.toMatch(/REFERENCE|UNVERIFIED/);
    }
    // The office target names the Chinese guideline; the home target names its derivation (ACC/AHA 2017 Table 11).
    expect(JSON.stringify(answers[1]!.body)).toMatch(
      /Chinese Hypertension Guidelines 2018|中国高血压防治指南\s*2018/,
    );
    expect(JSON.stringify(answers[1]!.body)).toMatch(/ACC\/AHA 2017 Table 11/);
  });
});
