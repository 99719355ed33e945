/**
 * Issue 20/16 (safety, decision 0024): after a patient reports chest pain in a consultation (emergency stop, a
 * `reported-emergency` alert) and goes back to their home page, `GET /api/care/me` carries that emergency —
 * what they reported, when, and steps led by "call 120 now" — in the page's language, beside (never below) an
 * older crisis reading's box. A same-day (`reported-urgent`) report is carried too. Once a clinician closes the
 * alert with the recorded action, it goes. A patient sees only their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import {
  postConsultationMessage,
  startConsultation,
  type PatientCrisisAlert,
  type PatientReportedAlert,
} from '@qihuang/care';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { csv, sse } from './care-test-support.ts';

const START = new Date('2026-03-10T04:00:00Z'); // 12:00 in Shanghai
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
const CHEST = '胸口疼得厉害，喘不上气';
const TIA = '昨天下午左手突然没劲，说话也不清楚，十分钟就好了，今天一整天都没事';
const PATIENTS = ['hr-chest', 'hr-tia', 'hr-other', 'hr-unalerted', 'hr-typed'];
const HAN = /[\u4e00-\u9fff]/;

describe.each(DATABASE_KINDS)("the patient's home leads with an emergency they reported, on %s", (kind) => {
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
    return (await r.json()) as { reportedAlert?: PatientReportedAlert; crisisAlert?: PatientCrisisAlert };
  };
  const report = async (who: string, text: string) => {
    const started = await send(who, 'POST', `/api/care/patients/${who}/consultations`, { language: 'zh' });
    expect(started.status, await started.clone().text()).toBe(201);
    const { id } = (await started.json()) as { id: string };
    const r = await send(who, 'POST', `/api/care/consultations/${id}/messages`, { text });
    expect(r.status, await r.clone().text()).toBe(200);
    return (await sse(r)).find((e) => e.event === 'triage')?.data as { level: string };
  };
  const close = async (patientId: string, alertKind: string) => {
    const r = await send('doc', 'GET', `/api/bp/alerts?status=active&patient=${patientId}`);
    const open = ((await r.json()) as { id: string; kind: string }[]).filter((a) => a.kind === alertKind);
    expect(open.length).toBeGreaterThan(0);
    for (const a of open) {
      const closed = await send('doc', 'POST', `/api/bp/alerts/${a.id}/close`, {
        contactedBy: 'Dr Li',
        contactedAt: now.toISOString(),
        method: 'phone',
        patientReached: true,
        action: 'Called the patient; seen in the emergency department, discharged',
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
    tokens.doc = await t.userToken({ username: 'doc-hr', password: 'doctor-password-1', role: 'clinician' });
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('nothing reported: no reported box', async () => {
    expect((await me('hr-chest', 'zh-CN')).reportedAlert).toBeUndefined();
  });

  it('chest pain reported after an earlier crisis reading: the emergency leads, the reading box stays', async () => {
    // A crisis reading measured yesterday evening: its open alert's box ("contact your clinic today").
    const up = await send(
      'hr-chest',
      'POST',
      '/api/bp/patients/hr-chest/readings',
      csv([['2026-03-09T20:10:00+08:00', 186, 118]]),
      'text/csv',
    );
    expect(up.status, await up.clone().text()).toBe(201);
    expect((await me('hr-chest', 'zh-CN')).crisisAlert).toBeDefined();

    now = new Date(START.getTime() + 5 * 60_000); // 12:05
    expect((await report('hr-chest', CHEST)).level).toBe('emergency');
    now = new Date(START.getTime() + 10 * 60_000);
    const zh = await me('hr-chest', 'zh-CN');
    expect(zh.crisisAlert).toBeDefined();
    const box = zh.reportedAlert!;
    expect(box).toMatchObject({ level: 'emergency', language: 'zh-CN', careTeamAlerted: true, call: '120' });
    // Steps led by "call 120 now".
    expect(box.steps[0]).toMatch(/^现在就拨打 120/);
    expect(box.reports).toHaveLength(1);
    expect(box.reports[0]).toMatchObject({ level: 'emergency', local: '2026-03-10 12:05' });
    expect(box.reports[0]!.text).toContain('胸痛');
    expect(box.reports[0]!.text).toContain('呼吸困难');
    expect(box.reports[0]!.text).toContain('2026-03-10 12:05');
    // The stored reading the triage weighed is the reading box's, not something the patient reported.
    expect(box.reports[0]!.text).not.toContain('186/118');
    const zhText = [box.title, ...box.steps, ...box.reports.map((r) => r.text), box.source].join('');
    // One language, full-width punctuation, no internal words.
    expect(zhText.replace(/mmHg/g, '')).not.toMatch(/REFERENCE|§|[()]|[^\d]:|:[^\d]|[A-Za-z]{3,}/);
    expect(box.source).toMatch(/^中国高血压防治指南/);

    const en = (await me('hr-chest', 'en')).reportedAlert!;
    expect(en).toMatchObject({ level: 'emergency', language: 'en' });
    expect(en.steps[0]).toMatch(/^Call 120 now/);
    expect(en.reports[0]!.text).toMatch(/chest pain/);
    expect(en.reports[0]!.text).toMatch(/shortness of breath/);
    expect([en.title, ...en.steps, ...en.reports.map((r) => r.text), en.source].join(' ')).not.toMatch(HAN);
  });

  it("once the clinician closes the emergency alert with its action, the box goes (the reading's stays)", async () => {
    await close('hr-chest', 'reported-emergency');
    const home = await me('hr-chest', 'zh-CN');
    expect(home.reportedAlert).toBeUndefined();
    expect(home.crisisAlert).toBeDefined();
  });

  it('a same-day (reported-urgent) report: same-day care text, until its alert is closed', async () => {
    now = START;
    expect((await report('hr-tia', TIA)).level).toBe('urgent');
    const zh = (await me('hr-tia', 'zh-CN')).reportedAlert!;
    expect(zh).toMatchObject({ level: 'urgent', careTeamAlerted: true });
    expect(zh.steps[0]).toContain('今天');
    expect(zh.steps[0]).toContain('神经内科');
    expect(zh.steps.join('')).toContain('120');
    // What they said happened, on which day, in plain words; the medical name is the clinician's (issue 16).
    expect(zh.reports[0]!.text).toContain(
      '您报告：昨天左手突然没劲、说话也不清，之后好转了——这可能是中风的先兆',
    );
    expect(zh.reports[0]!.text).not.toContain('短暂性脑缺血');
    expect(zh.source).toMatch(/^NICE NG128/);
    expect(zh.steps.at(-1)).toContain('今天已经看过医生');
    expect(zh.steps.join('')).not.toContain('急诊');
    const en = (await me('hr-tia', 'en')).reportedAlert!;
    expect(en.title).toMatch(/today/);
    expect(en.title).not.toMatch(/emergency/i);
    expect([en.title, ...en.steps, ...en.reports.map((r) => r.text), en.source].join(' ')).not.toMatch(HAN);
    await close('hr-tia', 'reported-urgent');
    expect((await me('hr-tia', 'en')).reportedAlert).toBeUndefined();
  });

  it('a crisis value the patient wrote is what they reported (same-day care)', async () => {
    now = START;
    expect((await report('hr-typed', '刚才量的血压高压200低压125，没有不舒服')).level).toBe('urgent');
    const box = (await me('hr-typed', 'zh-CN')).reportedAlert!;
    expect(box.level).toBe('urgent');
    expect(box.reports[0]!.text).toContain('血压 200/125 mmHg');
    // Same-day care: the guideline's emergency-and-urgency section, not "hypertensive emergency".
    expect(box.source).toContain('高血压急症与亚急症');
    expect((await me('hr-typed', 'en')).reportedAlert!.reports[0]!.text).toContain(
      'blood pressure 200/125 mmHg',
    );
  });

  it('an emergency after a same-day report of the same patient: one box, the emergency leads', async () => {
    now = new Date(START.getTime() + 60 * 60_000);
    expect((await report('hr-tia', TIA)).level).toBe('urgent');
    now = new Date(START.getTime() + 70 * 60_000);
    expect((await report('hr-tia', CHEST)).level).toBe('emergency');
    const box = (await me('hr-tia', 'zh-CN')).reportedAlert!;
    expect(box.level).toBe('emergency');
    expect(box.steps[0]).toMatch(/^现在就拨打 120/);
    expect(box.reports.map((r) => r.level)).toEqual(['emergency', 'urgent']);
  });

  it("a patient sees only their own: another patient's home has no box, their id is not known", async () => {
    expect((await me('hr-other', 'zh-CN')).reportedAlert).toBeUndefined();
    const r = await send('hr-other', 'GET', '/api/care/patients/hr-chest/home');
    expect(r.status).toBe(404);
  });

  it('a report whose alert could not be written: told to phone the clinic too, for the window (3 days here)', async () => {
    now = START;
    // The Flag store fails (both attempts): the care team could not be alerted.
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
    const started = await startConsultation(deps, system, 'hr-unalerted', 'zh');
    const done = await postConsultationMessage(deps, system, started.id, CHEST, () => undefined);
    expect(done.careTeamAlerted).toBe(false);
    const box = (await me('hr-unalerted', 'zh-CN')).reportedAlert!;
    expect(box).toMatchObject({ level: 'emergency', careTeamAlerted: false });
    expect(box.steps[0]).toMatch(/^现在就拨打 120/);
    expect(box.steps.at(-1)).toContain('系统未能通知您的医生');
    now = new Date(START.getTime() + 2 * 86_400_000);
    await signIn('hr-unalerted');
    expect((await me('hr-unalerted', 'en')).reportedAlert?.careTeamAlerted).toBe(false);
    now = new Date(START.getTime() + 4 * 86_400_000);
    await signIn('hr-unalerted');
    expect((await me('hr-unalerted', 'en')).reportedAlert).toBeUndefined();
  });
});
