/**
 * Issue 20 (decision 0024 amended): for 72 h after a clinician closes a reported emergency with its recorded action,
 * the patient's home carries a calm note of when they reported it, who handled it and when, and what was done in a
 * fixed phrase per outcome (never the clinician's free text), then "call 120 if it comes back".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import type { PatientHandledReport, PatientReportedAlert } from '@qihuang/care';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { sse } from './care-test-support.ts';

const START = new Date('2026-03-10T04:00:00Z'); // 12:00 in Shanghai
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
const CHEST = '胸口疼得厉害，喘不上气';
const PATIENTS = ['hh-chest', 'hh-ambulance'];
const FREE_TEXT = 'Tel f/u, ED r/o ACS, d/c';
const HAN = /[\u4e00-\u9fff]/;

describe.each(DATABASE_KINDS)('the patient hears their reported emergency was handled, on %s', (kind) => {
  let t: TestApp;
  let now = START;
  const tokens: Record<string, string> = {};
  const send = async (who: string, method: string, path: string, json?: unknown, type?: string) =>
    t.request(path, {
      method,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(json === undefined ? {} : { 'content-type': type ?? 'application/json' }),
      },
      ...(json === undefined ? {} : { body: typeof json === 'string' ? json : JSON.stringify(json) }),
    });
  const me = async (who: string, lang: 'zh-CN' | 'en') => {
    const r = await send(who, 'GET', `/api/care/me?lang=${lang}`);
    expect(r.status, await r.clone().text()).toBe(200);
    return (await r.json()) as { reportedAlert?: PatientReportedAlert; handledReport?: PatientHandledReport };
  };
  const report = async (who: string, text: string) => {
    const started = await send(who, 'POST', `/api/care/patients/${who}/consultations`, { language: 'zh' });
    expect(started.status, await started.clone().text()).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const r = await send(who, 'POST', `/api/care/consultations/${id}/messages`, { text });
    expect(r.status, await r.clone().text()).toBe(200);
    return (await sse(r)).find((e) => e.event === 'triage')?.data as { level: string };
  };
  const close = async (patientId: string, alertKind: string, how: Record<string, unknown>) => {
    const r = await send('doc', 'GET', `/api/bp/alerts?status=active&patient=${patientId}`);
    const open = ((await r.json()) as { id: string; kind: string }[]).filter((a) => a.kind === alertKind);
    expect(open.length).toBeGreaterThan(0);
    for (const a of open) {
      const closed = await send('doc', 'POST', `/api/bp/alerts/${a.id}/close`, {
        contactedBy: 'Dr Li',
        contactedAt: now.toISOString(),
        method: 'phone',
        action: FREE_TEXT,
        ...how,
      });
      expect(closed.status, await closed.clone().text()).toBe(200);
    }
  };

  /** A fresh token (an access token does not last the days the clock moves on). */
  const signIn = async (who: string) => {
    const r = await t.request('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: who, password: `patient-password-${who}` }),
    });
    expect(r.status).toBe(200);
    tokens[who] = ((await r.json()) as { access_token: string }).access_token;
  };

  beforeAll(async () => {
    t = await createTestApp(
      kind,
      { timeZone: 'Asia/Shanghai', reportedEmergencyDays: 3 },
      () => now,
      'required',
    );
    for (const id of PATIENTS) {
      await t.repository.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        gender: 'male',
        birthDate: '1958-02-11',
      });
      tokens[id] = await t.userToken({
        username: id,
        password: `patient-password-${id}`,
        role: 'patient',
        patientId: id,
      });
    }
    tokens.doc = await t.userToken({ username: 'doc-hh', password: 'doctor-password-1', role: 'clinician' });
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('no closed report: no note', async () => {
    expect((await me('hh-chest', 'zh-CN')).handledReport).toBeUndefined();
  });

  it('closed with the patient reached: a calm note for 72 h, a fixed phrase, never the free text', async () => {
    now = new Date(START.getTime() + 5 * 60_000); // 12:05
    expect((await report('hh-chest', CHEST)).level).toBe('emergency');
    // While the alert is open: the emergency box, no note.
    expect((await me('hh-chest', 'zh-CN')).handledReport).toBeUndefined();
    now = new Date(START.getTime() + 30 * 60_000); // 12:30
    await close('hh-chest', 'reported-emergency', { patientReached: true });
    const zh = await me('hh-chest', 'zh-CN');
    expect(zh.reportedAlert).toBeUndefined();
    const note = zh.handledReport!;
    expect(note).toMatchObject({ level: 'handled', language: 'zh-CN', outcome: 'reached' });
    expect(note.text).toMatch(/^您 2026-03-10 12:05 报告的胸痛/);
    // Who: a fixed phrase, never the form's free-text contact field (a non-author try typed
    // "王医生：不用担心，没事，明天不用来了" there and the patient's home printed it, 2026-12-08).
    expect(note.text).toContain('您的医疗团队已于 2026-03-10 12:30 与您联系并处理：');
    expect(note.text).not.toContain('Dr Li');
    expect(note.text).not.toContain('ACS');
    expect(note.steps).toEqual(['如果症状再次出现，请立即拨打 120。']);
    // One language: nothing in Latin letters.
    expect([note.text, ...note.steps].join('')).not.toMatch(/[A-Za-z]{3,}|[()]|[^\d]:|:[^\d]/);
    const en = (await me('hh-chest', 'en')).handledReport!;
    expect(en.text).toMatch(/^You reported chest pain/);
    expect(en.text).toContain('On 2026-03-10 12:30, your care team contacted you and handled it');
    expect(en.text).not.toContain('Dr Li');
    expect(en.text).not.toContain('ACS');
    expect([en.text, ...en.steps].join(' ')).not.toMatch(HAN);
    expect(en.steps[0]).toMatch(/call 120/);
    // 72 h after the close it is gone (71 h: still there).
    now = new Date(START.getTime() + 30 * 60_000 + 71 * 3_600_000);
    await signIn('hh-chest');
    expect((await me('hh-chest', 'zh-CN')).handledReport).toBeDefined();
    now = new Date(START.getTime() + 30 * 60_000 + 73 * 3_600_000);
    await signIn('hh-chest');
    expect((await me('hh-chest', 'zh-CN')).handledReport).toBeUndefined();
  });

  it('not reached, ambulance sent: the hand-over in plain words; a new open emergency is carried beside it', async () => {
    now = START;
    expect((await report('hh-ambulance', CHEST)).level).toBe('emergency');
    now = new Date(START.getTime() + 20 * 60_000);
    await close('hh-ambulance', 'reported-emergency', { patientReached: false, handover: 'ambulance' });
    const note = (await me('hh-ambulance', 'zh-CN')).handledReport!;
    expect(note.outcome).toBe('ambulance');
    expect(note.text).toContain('120 急救车');
    expect(note.text).not.toContain('与您联系');
    now = new Date(START.getTime() + 60 * 60_000);
    expect((await report('hh-ambulance', CHEST)).level).toBe('emergency');
    const home = await me('hh-ambulance', 'zh-CN');
    expect(home.reportedAlert?.level).toBe('emergency');
    expect(home.handledReport?.outcome).toBe('ambulance');
  });
});
