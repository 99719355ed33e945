/**
 * An urgent consultation result reaches the care team's inbox when it arrives (issues 16 and 20, decision 0022): a
 * suspected TIA whose signs went away (decision 0021), a red flag without a BP crisis, or a crisis value typed in
 * the message raises a `reported-urgent` alert (severity warning, no critical-value clock) at once, listed with the
 * other alerts. One event, one alert as for emergencies (decision 0011): later answers and a repeat within 24 h join
 * it. An emergency is never downgraded: it raises the critical alert only, an urgent report its open emergency
 * already covers joins that one, and an urgent alert of the same consultation gives way to the emergency's. A
 * stored crisis reading alone has its own crisis alert. Patients never see staff alerts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { csv, sse } from './care-test-support.ts';

const START = new Date('2026-03-10T04:00:00Z'); // 12:00 in China
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
const TIA = {
  zh: '昨天下午左手突然没劲，说话也不清楚，十分钟就好了，今天一整天都没事',
  en: 'Yesterday my left arm went weak for ten minutes. It went away and I have been fine since.',
};
const STROKE_NOW = '今天早上突然一侧手脚无力，说话不清楚';
const PATIENTS = ['ru-tia', 'ru-emergency', 'ru-then', 'ru-covered', 'ru-typed', 'ru-stored', 'ru-headache'];

interface Alert {
  id: string;
  kind: string;
  status: string;
  severity: string;
  summary: { zh: string; en: string };
  source: string;
  due?: unknown;
  acknowledged?: { by: string };
}

describe.each(DATABASE_KINDS)('an urgent consultation result raises an alert at once, on %s', (kind) => {
  let t: TestApp;
  let now = START;
  const tokens: Record<string, string> = {};
  const send = async (who: string, method: string, path: string, json?: unknown) =>
    t.request(path, {
      method,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
  const start = async (patientId: string, language: 'zh' | 'en') => {
    const r = await send(patientId, 'POST', `/api/care/patients/${patientId}/consultations`, { language });
    expect(r.status, await r.clone().text()).toBe(201);
    return ((await r.json()) as { id: string }).id;
  };
  const say = async (patientId: string, id: string, text: string) => {
    const r = await send(patientId, 'POST', `/api/care/consultations/${id}/messages`, { text });
    expect(r.status, await r.clone().text()).toBe(200);
    const events = await sse(r);
    return {
      triage: events.find((e) => e.event === 'triage')?.data as
        { level: string; instruction: { zh: string; en: string } } | undefined,
      done: events.find((e) => e.event === 'done')?.data as { status: string; careTeamAlerted?: boolean },
    };
  };
  const alerts = async (patientId: string, status = 'all') => {
    const r = await send('doc', 'GET', `/api/bp/alerts?status=${status}&patient=${patientId}`);
    expect(r.status).toBe(200);
    return (await r.json()) as Alert[];
  };
  /** A fresh token (an access token does not last the day the clock moves on). */
  const signIn = async (who: string, password: string) => {
    const r = await t.request('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: who, password }),
    });
    expect(r.status).toBe(200);
    tokens[who] = ((await r.json()) as { access_token: string }).access_token;
  };
  const ofKind = async (patientId: string, alertKind: string, status = 'all') =>
    (await alerts(patientId, status)).filter((a) => a.kind === alertKind);

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => now, 'required');
    for (const id of PATIENTS) {
      await t.repository.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        name: [{ family: '王', given: ['芳'], text: '王芳' }],
        gender: 'female',
        birthDate: '1958-02-11',
      });
      tokens[id] = await t.userToken({
        username: id,
        password: `patient-password-${id}`,
        role: 'patient',
        patientId: id,
      });
    }
    tokens.doc = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('a suspected TIA: one open reported-urgent alert at once; later answers and a repeat within 24 h join it', async () => {
    now = START;
    const id = await start('ru-tia', 'zh');
    const first = await say('ru-tia', id, TIA.zh);
    // The patient's own screen keeps its instruction; the consultation goes on.
    expect(first.triage?.level).toBe('urgent');
    expect(first.triage?.instruction.zh).toContain('今天就联系您的医疗团队或去医院看神经内科');
    expect(first.done.status).toBe('active');

    const [alert, ...more] = await ofKind('ru-tia', 'reported-urgent', 'active');
    expect(more).toHaveLength(0);
    expect(alert).toMatchObject({ status: 'active', severity: 'warning' });
    expect(alert!.summary.zh).toBe(
      '患者问诊中报告需当日处理的情况：疑似短暂性脑缺血发作（症状已缓解）。请当天联系患者评估。',
    );
    expect(alert!.summary.en).toBe(
      'Reported in the consultation, needs same-day care: suspected transient ischaemic attack (symptoms gone). Contact the patient today.',
    );
    expect(alert!.source).toBe('NICE NG128 (2019) 1.1.5; RCP 2016');
    // Not a critical value: no critical-value clock (decision 0022).
    expect(alert!.due).toBeUndefined();
    expect(await ofKind('ru-tia', 'reported-emergency')).toHaveLength(0);

    // The next answer of the same consultation is triaged again (still urgent): the same event.
    now = new Date(START.getTime() + 5 * 60_000);
    await say('ru-tia', id, '高血压5年');
    // A new consultation two hours later, in English, reporting the same: joins the open alert.
    now = new Date(START.getTime() + 2 * 3_600_000);
    const again = await start('ru-tia', 'en');
    expect((await say('ru-tia', again, TIA.en)).triage?.level).toBe('urgent');
    expect(await ofKind('ru-tia', 'reported-urgent')).toHaveLength(1);

    // More than 24 h after it was raised: a recurrence, told to the care team again.
    now = new Date(START.getTime() + 25 * 3_600_000);
    await signIn('ru-tia', 'patient-password-ru-tia');
    await signIn('doc', 'doctor-password-1');
    const later = await start('ru-tia', 'zh');
    await say('ru-tia', later, TIA.zh);
    expect(await ofKind('ru-tia', 'reported-urgent', 'active')).toHaveLength(2);
  });

  it('an emergency consultation still gives the critical alert only', async () => {
    now = START;
    const id = await start('ru-emergency', 'zh');
    const { done } = await say('ru-emergency', id, STROKE_NOW);
    expect(done).toMatchObject({ status: 'stopped', careTeamAlerted: true });
    const all = await alerts('ru-emergency');
    expect(all.map((a) => [a.kind, a.severity])).toEqual([['reported-emergency', 'critical']]);
  });

  it('urgent first, then an emergency in the same consultation: only the emergency alert stands', async () => {
    now = START;
    const id = await start('ru-then', 'zh');
    await say('ru-then', id, TIA.zh);
    expect(await ofKind('ru-then', 'reported-urgent', 'active')).toHaveLength(1);
    now = new Date(START.getTime() + 10 * 60_000);
    const { done } = await say('ru-then', id, '现在左手又突然没劲了，说话也说不清楚');
    expect(done).toMatchObject({ status: 'stopped', careTeamAlerted: true });
    const open = await alerts('ru-then', 'active');
    expect(open.map((a) => a.kind)).toEqual(['reported-emergency']);
    // The urgent alert was closed by the system as given way to the emergency (not deleted).
    const [closed] = await ofKind('ru-then', 'reported-urgent', 'inactive');
    expect(closed?.acknowledged?.by).toBe('system/superseded-by-emergency');
  });

  it('an urgent report that an open emergency already covers joins it: no lesser alert beside it', async () => {
    now = START;
    await say('ru-covered', await start('ru-covered', 'zh'), STROKE_NOW);
    now = new Date(START.getTime() + 3 * 3_600_000);
    const id = await start('ru-covered', 'zh');
    expect((await say('ru-covered', id, TIA.zh)).triage?.level).toBe('urgent');
    const all = await alerts('ru-covered');
    expect(all.map((a) => a.kind)).toEqual(['reported-emergency']);
  });

  it('a red flag without a BP crisis, and a crisis value typed in the message, are named in the alert', async () => {
    now = START;
    await say('ru-headache', await start('ru-headache', 'zh'), '这两天头痛得厉害');
    const [headache] = await ofKind('ru-headache', 'reported-urgent');
    expect(headache!.summary.zh).toBe('患者问诊中报告需当日处理的情况：剧烈头痛。请当天联系患者评估。');
    expect(headache!.summary.en).toContain('severe headache');

    await say('ru-typed', await start('ru-typed', 'en'), 'I measured 190/125 this morning, I feel fine');
    const [typed] = await ofKind('ru-typed', 'reported-urgent');
    expect(typed!.summary.zh).toContain('190/125 mmHg');
    expect(typed!.summary.en).toContain('190/125 mmHg');
  });

  it('a stored crisis reading alone keeps its own crisis alert: no reported-urgent beside it', async () => {
    now = START;
    const r = await t.request('/api/bp/patients/ru-stored/readings', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens['ru-stored']}`, 'content-type': 'text/csv' },
      body: csv([['2026-03-10T11:30:00+08:00', 194, 122]]),
    });
    expect(r.status, await r.clone().text()).toBe(201);
    const id = await start('ru-stored', 'zh');
    expect((await say('ru-stored', id, '没有不舒服')).triage?.level).toBe('urgent');
    const all = await alerts('ru-stored');
    expect(all.map((a) => a.kind)).toEqual(['crisis']);
  });

  it('the patient never sees the staff alert', async () => {
    expect(await ofKind('ru-tia', 'reported-urgent')).not.toHaveLength(0);
    // The inbox is the care team's.
    const list = await send('ru-tia', 'GET', '/api/bp/alerts?status=all&patient=ru-tia');
    expect(list.status).toBe(403);
    // The clinician's summary is not theirs; their own home page has no staff alert in it.
    expect((await send('ru-tia', 'GET', '/api/care/patients/ru-tia/summary')).status).toBe(403);
    const home = await send('ru-tia', 'GET', '/api/care/patients/ru-tia/home');
    expect(home.status).toBe(200);
    expect(JSON.stringify(await home.json())).not.toMatch(/reported-urgent|需当日处理的情况|same-day care:/);
    // The consultation the patient reads carries no alert id.
    const mine = await send('ru-tia', 'GET', '/api/care/patients/ru-tia/consultations');
    expect(JSON.stringify(await mine.json())).not.toMatch(/alertId|alert-/);
  });
});
