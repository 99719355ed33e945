/**
 * A patient-reported emergency is one event and raises one alert (issue 17): reporting the same symptoms again —
 * in a new consultation, in the other language — while its alert is open joins that alert; a new symptom, a
 * report after the alert was closed with its action, or one more than 24 h later raises a new one. A closed alert
 * no longer leads the proposal; a report whose alert could not be written leads it for the configured window
 * (QIHUANG_REPORTED_EMERGENCY_DAYS, decision 0011) and not after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { sse } from './care-test-support.ts';
import { postConsultationMessage, startConsultation } from '@qihuang/care';

const START = new Date('2026-03-10T04:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
const STROKE = {
  zh: '今天早上突然一侧手脚无力，说话不清楚',
  en: 'sudden weakness on one side and slurred speech',
};
const CHEST = { zh: '胸口疼得厉害', en: 'severe chest pain' };

function officeBp(patientId: string) {
  const q = (code: string, value: number) => ({
    code: { coding: [{ system: 'http://loinc.org', code }] },
    valueQuantity: { value, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
  });
  return {
    resourceType: 'Observation',
    id: `${patientId}-bp`,
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
    encounter: { reference: `Encounter/${patientId}-enc` },
    effectiveDateTime: '2026-03-01T09:00:00+08:00',
    component: [q('8480-6', 146), q('8462-4', 92)],
  };
}

describe.each(DATABASE_KINDS)('one reported emergency, one alert, on %s', (kind) => {
  let t: TestApp;
  let now = START;
  const send = async (method: string, path: string, json?: unknown) =>
    t.request(path, {
      method,
      ...(json === undefined
        ? {}
        : { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }),
    });
  const report = async (patientId: string, language: 'zh' | 'en', text: string) => {
    const start = await send('POST', `/api/care/patients/${patientId}/consultations`, { language });
    expect(start.status).toBe(201);
    const { id } = (await start.json()) as { id: string };
    const events = await sse(await send('POST', `/api/care/consultations/${id}/messages`, { text }));
    const done = events.find((e) => e.event === 'done')?.data as {
      status: string;
      careTeamAlerted?: boolean;
    };
    expect(done).toMatchObject({ status: 'stopped', careTeamAlerted: true });
  };
  const reported = async (patientId: string) => {
    const r = await send('GET', `/api/bp/alerts?status=all&patient=${patientId}`);
    const all = (await r.json()) as { id: string; kind: string; status: string; summary: { en: string } }[];
    return all.filter((a) => a.kind === 'reported-emergency');
  };
  const urgent = async (patientId: string) => {
    const r = await send('POST', `/api/care/patients/${patientId}/proposal`, { language: 'en' });
    expect(r.status, await r.clone().text()).toBe(201);
    return ((await r.json()) as { proposal: { urgent?: { rule: string; display: { en: string } } } }).proposal
      .urgent;
  };
  const close = async (alertId: string) => {
    const r = await send('POST', `/api/bp/alerts/${alertId}/close`, {
      contactedBy: 'Dr Test',
      contactedAt: now.toISOString(),
      method: 'phone',
      patientReached: true,
      action: 'Called the patient; sent to the emergency department',
    });
    expect(r.status).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { reportedEmergencyDays: 3 }, () => now);
    for (const id of ['re-lang', 're-new', 're-closed', 're-later', 're-window']) {
      await t.repository.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        gender: 'male',
        birthDate: '1966-05-01',
      });
      await t.repository.update(system, 'Observation', `${id}-bp`, officeBp(id));
    }
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('the same emergency reported in Chinese, then in English, then viewed in both: one alert', async () => {
    now = START;
    await report('re-lang', 'zh', STROKE.zh);
    now = new Date(START.getTime() + 10 * 60_000);
    await report('re-lang', 'en', STROKE.en);
    for (const lang of ['zh', 'en']) await send('GET', `/api/care/patients/re-lang/summary?lang=${lang}`);
    const alerts = await reported('re-lang');
    expect(alerts).toHaveLength(1);
    // The proposal leads with it once, not once per report.
    const u = await urgent('re-lang');
    expect(u?.rule).toMatch(/reported emergency/);
    expect(u!.display.en.match(/one-sided weakness/g)).toHaveLength(1);
  });

  it('a new symptom while the first alert is open is a new event: a second alert', async () => {
    now = START;
    await report('re-new', 'zh', STROKE.zh);
    now = new Date(START.getTime() + 30 * 60_000);
    await report('re-new', 'zh', CHEST.zh);
    const alerts = await reported('re-new');
    expect(alerts).toHaveLength(2);
    expect(alerts.map((a) => a.summary.en).join(' | ')).toMatch(/chest pain/);
  });

  it('an alert closed with its action ends the event: no longer leads; a later report raises a new alert', async () => {
    now = START;
    await report('re-closed', 'en', STROKE.en);
    const [first] = await reported('re-closed');
    now = new Date(START.getTime() + 60 * 60_000);
    await close(first!.id);
    expect(await urgent('re-closed')).toBeUndefined();
    now = new Date(START.getTime() + 2 * 3_600_000);
    await report('re-closed', 'zh', STROKE.zh);
    const alerts = await reported('re-closed');
    expect(alerts).toHaveLength(2);
    expect(alerts.filter((a) => a.status === 'active')).toHaveLength(1);
  });

  it('the same symptoms reported more than 24 h later are a recurrence: a new alert', async () => {
    now = START;
    await report('re-later', 'zh', STROKE.zh);
    now = new Date(START.getTime() + 25 * 3_600_000);
    await report('re-later', 'en', STROKE.en);
    expect(await reported('re-later')).toHaveLength(2);
  });

  it('a report whose alert could not be written leads for the configured days (3 here), not after', async () => {
    now = START;
    // The Flag store fails (both attempts): the report itself must lead the clinician's screens.
    const repository = new Proxy(t.care.repository, {
      get(target, key, receiver) {
        if (key === 'search')
          return (ctx: RequestContext, type: string, params: [string, string][]) => {
            if (type === 'Flag') throw new Error('database unavailable');
            return target.search(ctx, type, params);
          };
        const value: unknown = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const deps = { ...t.care, repository };
    const started = await startConsultation(deps, system, 're-window', 'en');
    const done = await postConsultationMessage(deps, system, started.id, STROKE.en, () => undefined);
    expect(done.careTeamAlerted).toBe(false);
    expect(await reported('re-window')).toHaveLength(0);
    now = new Date(START.getTime() + 2 * 86_400_000);
    expect((await urgent('re-window'))?.rule).toMatch(/reported emergency/);
    now = new Date(START.getTime() + 4 * 86_400_000);
    expect(await urgent('re-window')).toBeUndefined();
  });
});
