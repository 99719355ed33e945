/**
 * Issue 20 (SAFETY, a non-author try): a patient entered 185/122 and reported TIA symptoms in the consultation —
 * two critical alerts — then withdrew 185/122 as "不是我的读数". Both alerts lost their deadline, overdue mark and
 * escalation in the inbox and the header's count dropped by two, although decision 0020 keeps a critical alert open
 * and escalated. A withdrawn reading's alert keeps its clock until a clinician closes it; the patient's other
 * alerts are never affected; clinicians see the withdrawn reading (who, when, why); the patient's crisis box and
 * the clinician's emergency banner say it was withdrawn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import type { RecentReadings, StoredAlert, TimelinessReport } from '@qihuang/bp-monitoring/api-types';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { sse } from '../care/care-test-support.ts';

const T0 = Date.parse('2026-03-10T04:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };

describe.each(DATABASE_KINDS)('a withdrawn reading never silences a critical alert, on %s', (kind) => {
  let t: TestApp;
  let now = new Date(T0);
  let clinician = '';
  let patient = '';
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const at = (minutes: number) => (now = new Date(T0 + minutes * 60_000));
  const get = async <T>(token: string, path: string): Promise<T> => {
    const r = await t.request(path, { headers: auth(token) });
    expect(r.status, `${path}: ${await r.clone().text()}`).toBe(200);
    return (await r.json()) as T;
  };
  const post = (token: string, path: string, body: unknown) =>
    t.request(path, {
      method: 'POST',
      headers: { ...auth(token), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const upload = async (token: string, patientId: string, sbp: number, dbp: number, time: string) => {
    const r = await t.request(`/api/bp/patients/${patientId}/readings?format=fhir`, {
      method: 'POST',
      headers: auth(token),
      json: {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
        identifier: [{ system: 'urn:qihuang:patient-entry', value: `${patientId}-${time}` }],
        subject: { reference: `Patient/${patientId}` },
        effectiveDateTime: time,
        component: [
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
            valueQuantity: { value: sbp },
          },
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
            valueQuantity: { value: dbp },
          },
        ],
      },
    });
    expect(r.status).toBeLessThan(300);
    return ((await r.json()) as { records: { id: string }[] }).records[0]!.id;
  };
  /** The open critical alerts (a re-evaluation may add others, e.g. missed measurements). */
  const inbox = async (patientId?: string) =>
    (await get<StoredAlert[]>(clinician, `/api/bp/alerts${patientId ? `?patient=${patientId}` : ''}`)).filter(
      (a) => a.severity === 'critical',
    );
  const report = () => get<TimelinessReport>(clinician, '/api/bp/alerts/timeliness');

  let crisisReading = '';

  beforeAll(async () => {
    t = await createTestApp(kind, { bpAlertEscalateMinutes: 15 }, () => now, 'required');
    clinician = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    for (const id of ['wa-p1', 'wa-p2'])
      await t.repository.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        name: [{ text: id === 'wa-p1' ? '撤回测试' : '对照患者' }],
        gender: 'male',
        birthDate: '1960-02-02',
      });
    patient = await t.userToken({
      username: 'pat',
      password: 'patient-password-1',
      role: 'patient',
      patientId: 'wa-p1',
    });
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('crisis reading + reported TIA, reading withdrawn: both alerts keep due, overdue and escalation', async () => {
    at(0);
    crisisReading = await upload(patient, 'wa-p1', 185, 122, '2026-03-10T11:58:00+08:00');
    const start = await post(patient, '/api/care/patients/wa-p1/consultations', { language: 'zh' });
    expect(start.status).toBe(201);
    const { id } = (await start.json()) as { id: string };
    const events = await sse(
      await post(patient, `/api/care/consultations/${id}/messages`, {
        text: '今天早上突然一侧手脚无力，说话不清楚',
      }),
    );
    expect(events.find((e) => e.event === 'done')?.data).toMatchObject({ careTeamAlerted: true });
    await upload(clinician, 'wa-p2', 190, 125, '2026-03-10T11:59:00+08:00');

    at(1);
    let mine = await inbox('wa-p1');
    expect(mine.map((a) => a.kind).sort()).toEqual(['crisis', 'reported-emergency']);
    for (const a of mine) expect(a.due).toMatchObject({ targetMinutes: 15, overdue: false });
    expect((await report()).open).toBe(3);

    at(5);
    const withdrawn = await post(
      patient,
      `/api/bp/patients/wa-p1/readings/${crisisReading}/entered-in-error?lang=zh-CN`,
      { reason: '不是我的读数' },
    );
    expect(withdrawn.status).toBe(200);

    at(6);
    mine = await inbox('wa-p1');
    expect(mine.map((a) => [a.kind, a.status]).sort()).toEqual([
      ['crisis', 'active'],
      ['reported-emergency', 'active'],
    ]);
    for (const a of mine) {
      expect(a.due, a.kind).toEqual({ at: '2026-03-10T04:15:00.000Z', targetMinutes: 15, overdue: false });
    }
    // The try's cause: the reported emergency names the crisis reading the triage read, so it was "emptied" too.
    for (const a of mine)
      expect(a.withdrawn, a.kind).toEqual([
        expect.objectContaining({ id: crisisReading, by: 'patient', reason: '不是我的读数' }),
      ]);
    // The header's counts keep them.
    expect((await report()).open).toBe(3);

    at(20);
    await t.bpAlerts.notifier.sweep(); // notifies
    await t.bpAlerts.notifier.sweep(); // escalates what is past the target
    const all = await inbox();
    const critical = all.filter((a) => a.severity === 'critical');
    expect(critical).toHaveLength(3);
    for (const a of critical) {
      expect(a.due, `${a.patientId} ${a.kind}`).toMatchObject({
        overdue: true,
        escalatedAt: now.toISOString(),
      });
    }
    const r = await report();
    expect([r.alerts, r.open, r.openPastTarget]).toEqual([3, 3, 3]);
  });

  it('clinicians see the withdrawn reading with who, when and why; the patient’s list leaves it out', async () => {
    at(21);
    const staff = await get<RecentReadings>(clinician, '/api/bp/patients/wa-p1/readings?lang=zh-CN');
    expect(staff.readings.map((r) => r.id)).not.toContain(crisisReading);
    expect(staff.withdrawn).toEqual([
      expect.objectContaining({
        id: crisisReading,
        sbp: 185,
        dbp: 122,
        withdrawn: { at: new Date(T0 + 5 * 60_000).toISOString(), by: 'patient', reason: '不是我的读数' },
      }),
    ]);
    const own = await get<RecentReadings>(patient, '/api/bp/patients/wa-p1/readings?lang=zh-CN');
    expect(own.readings.map((r) => r.id)).not.toContain(crisisReading);
    expect(own.withdrawn).toBeUndefined();
  });

  it('the patient’s crisis box says the reading was withdrawn, in the page’s language', async () => {
    at(22);
    type Home = { crisisAlert?: { advice: { title: string; steps: string[] } } };
    const zh = await get<Home>(patient, '/api/care/patients/wa-p1/home?lang=zh-CN');
    expect(zh.crisisAlert?.advice.title).toMatch(/185\/122/);
    expect(zh.crisisAlert?.advice.title).toMatch(/撤回/);
    expect(zh.crisisAlert?.advice.title).not.toMatch(/非常高/);
    expect(zh.crisisAlert?.advice.steps.join('')).toMatch(/120/);
    expect(zh.crisisAlert?.advice.steps.join('')).not.toMatch(/[A-Za-z]{3,}/);
    const en = await get<Home>(patient, '/api/care/patients/wa-p1/home?lang=en');
    expect(en.crisisAlert?.advice.title).toMatch(/withdr[ae]w/i);
    expect(en.crisisAlert?.advice.title).not.toMatch(/very high/i);
    expect(`${en.crisisAlert?.advice.title} ${en.crisisAlert?.advice.steps.join(' ')}`).not.toMatch(
      /[\u4e00-\u9fff]/,
    );
  });

  it('the clinician’s emergency banner says the reading was withdrawn; the alert is closed citing it', async () => {
    type Summary = {
      alerts: { id: string; kind: string; display: { zh: string; en: string } }[];
      triage?: { display: { zh: string; en: string } };
    };
    const s = await get<Summary>(clinician, '/api/care/patients/wa-p1/summary?lang=zh');
    const crisis = s.alerts.find((a) => a.kind === 'crisis')!;
    expect(crisis.display.zh).toMatch(/185\/122.*已由患者撤回/);
    expect(crisis.display.en).toMatch(/185\/122.*withdrawn by the patient/);
    expect(s.triage?.display.zh).toMatch(/已由患者撤回/);
    expect(s.triage?.display.en).toMatch(/withdrawn by the patient/);

    const close = await post(clinician, `/api/bp/alerts/${crisis.id}/close`, {
      contactedBy: 'Dr Test',
      contactedAt: now.toISOString(),
      method: 'phone',
      patientReached: true,
      action: 'Called the patient: 185/122 was not theirs (withdrawn); no symptoms of a crisis',
    });
    expect(close.status).toBe(200);
    const left = await inbox('wa-p1');
    expect(left.map((a) => a.kind)).toEqual(['reported-emergency']);
    expect(left[0]!.due).toMatchObject({ overdue: true });
  });
});
