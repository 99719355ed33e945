import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { abpmCsv, abpmFhir } from '@qihuang/bp-monitoring/test-support';

const NOW = new Date('2026-03-10T04:00:00Z');

describe.each(DATABASE_KINDS)('ABPM API on %s (issue 17 item 6)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
    await t.repository.update({ requestId: 's', principal: SYSTEM_PRINCIPAL }, 'Patient', 'abpm-1', {
      resourceType: 'Patient',
      id: 'abpm-1',
      gender: 'female',
      birthDate: '1970-01-01',
    });
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('a patient with no recording is not an error: 200 { recording: null }; an unknown patient is a 404', async () => {
    await t.repository.update({ requestId: 's', principal: SYSTEM_PRINCIPAL }, 'Patient', 'abpm-none', {
      resourceType: 'Patient',
      id: 'abpm-none',
      gender: 'male',
      birthDate: '1960-01-01',
    });
    const none = await t.request('/api/abpm/patients/abpm-none/abpm');
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual({ recording: null });
    expect((await t.request('/api/abpm/patients/nobody/abpm')).status).toBe(404);
  });

  it('takes a CSV recording, answers the summary with the guideline named, and keeps it for the BP tab', async () => {
    const post = await t.request('/api/abpm/patients/abpm-1/abpm?guideline=china-2018', {
      method: 'POST',
      body: abpmCsv(),
      headers: { 'content-type': 'text/csv' },
    });
    expect(post.status).toBe(201);
    const body = (await post.json()) as {
      guidelineName: string;
      summary: { dipping: { dippingClass: string } };
    };
    expect(body.guidelineName).toBe('Chinese Hypertension Guidelines 2018');
    expect(body.summary.dipping.dippingClass).toBe('dipper');
    const get = await t.request('/api/abpm/patients/abpm-1/abpm');
    expect(get.status).toBe(200);
    expect(((await get.json()) as { readings: number }).readings).toBe(48);
    // The ABPM readings are not home readings: the home series stays empty.
    const assessment = (await (await t.request('/api/bp/patients/abpm-1/assessment')).json()) as {
      home: { hbpm: { readingsUsed: number } };
    };
    expect(assessment.home.hbpm.readingsUsed).toBe(0);
  });

  it('takes FHIR marked ambulatory; refuses unmarked FHIR and an empty body with 400', async () => {
    const ok = await t.request('/api/abpm/patients/abpm-1/abpm', {
      method: 'POST',
      body: abpmFhir(),
      headers: { 'content-type': 'application/fhir+json' },
    });
    expect(ok.status).toBe(201);
    for (const body of [abpmFhir(false), ''])
      expect(
        (
          await t.request('/api/abpm/patients/abpm-1/abpm', {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/json' },
          })
        ).status,
      ).toBe(400);
  });

  it('answers 404 for an unknown patient', async () => {
    const r = await t.request('/api/abpm/patients/nobody/abpm', {
      method: 'POST',
      body: abpmCsv(),
      headers: { 'content-type': 'text/csv' },
    });
    expect(r.status).toBe(404);
  });
});
