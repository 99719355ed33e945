/**
 * Issue 20 (a non-author try): a consultation that stopped at once as an emergency ("昨天右手突然没劲说话不清，十几
 * 分钟就好了") was invisible to the clinician — the Care tab said 尚无问诊 and, after a completed consultation, showed
 * only that one; the patient's own words appeared nowhere. GET /api/care/patients/{id}/consultation-views lists
 * every consultation (stopped ones too) with its outcome, its triage in the reader's language and the patient's
 * words verbatim and in order; `?alert=` gives the consultations an alert stands for. Clinical side only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import type { ConsultationView } from '@qihuang/care/api-types';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { officeBp, sse } from './care-test-support.ts';

const START = new Date('2026-03-10T04:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
/** A stroke sign now: an emergency stop. */
const WORDS = '现在右手突然没劲，说话不清楚';
/** The try's words: a stroke sign that went away (emergency or, with decision 0022, urgent): listed either way. */
const TRY_WORDS = '昨天右手突然没劲说话不清，十几分钟就好了';

describe.each(DATABASE_KINDS)('the clinician sees every consultation on %s', (kind) => {
  let t: TestApp;
  let now = START;
  let doctor = '';
  const send = (method: string, path: string, json?: unknown) =>
    t.request(path, {
      method,
      headers: { authorization: `Bearer ${doctor}` },
      ...(json === undefined ? {} : { json }),
    });
  const start = async (patientId: string, language: 'zh' | 'en') => {
    const r = await send('POST', `/api/care/patients/${patientId}/consultations`, { language });
    expect(r.status).toBe(201);
    return ((await r.json()) as { id: string }).id;
  };
  const say = async (id: string, text: string) =>
    sse(await send('POST', `/api/care/consultations/${id}/messages`, { text }));
  const views = async (patientId: string, query = 'lang=zh') => {
    const r = await send('GET', `/api/care/patients/${patientId}/consultation-views?${query}`);
    expect(r.status, await r.clone().text()).toBe(200);
    return ((await r.json()) as { consultations: ConsultationView[] }).consultations;
  };

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => now, 'required');
    doctor = await t.userToken({ username: 'cv-doc', password: 'doctor-password-1', role: 'clinician' });
    for (const id of ['cv-1', 'cv-2', 'cv-3']) {
      await t.repository.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        gender: 'male',
        birthDate: '1960-05-01',
      });
      await t.repository.update(
        system,
        'Observation',
        `${id}-bp`,
        officeBp(`${id}-bp`, id, 146, 92) as never,
      );
    }
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('an emergency stop is listed with its words, its triage and the alert; a later consultation does not hide it', async () => {
    now = START;
    const stopped = await start('cv-1', 'zh');
    const events = await say(stopped, WORDS);
    expect(events.find((e) => e.event === 'done')?.data).toMatchObject({ status: 'stopped' });
    now = new Date(START.getTime() + 3_600_000);
    const later = await start('cv-1', 'zh');
    await say(later, '没有不舒服');

    const list = await views('cv-1');
    expect(list.map((c) => c.id)).toEqual([later, stopped]);
    const stop = list[1]!;
    expect(stop.outcome).toBe('emergency-stop');
    expect(stop.patientWords.map((w) => w.text)).toEqual([WORDS]);
    expect(stop.triage?.level).toBe('emergency');
    expect(stop.triage?.text).toMatch(/\p{Script=Han}/u);
    expect(stop.triage?.redFlags.length).toBeGreaterThan(0);
    expect(stop.alertId).toMatch(/^alert-/);
    expect(list[0]!.outcome).toBe('in-progress');
    expect(list[0]!.patientWords.map((w) => w.text)).toEqual(['没有不舒服']);

    // In English the triage reads in English; the patient's words stay as written.
    const en = await views('cv-1', 'lang=en');
    expect(en[1]!.triage?.text).not.toMatch(/\p{Script=Han}/u);
    expect(en[1]!.triage?.redFlags.every((f) => !/\p{Script=Han}/u.test(f.text))).toBe(true);
    expect(en[1]!.patientWords[0]!.text).toBe(WORDS);

    // The alert's consultation: the inbox quotes its words.
    const byAlert = await views('cv-1', `lang=zh&alert=${encodeURIComponent(stop.alertId!)}`);
    expect(byAlert.map((c) => c.id)).toEqual([stopped]);
    const alerts = (await (await send('GET', '/api/bp/alerts?status=all&patient=cv-1')).json()) as {
      id: string;
      kind: string;
    }[];
    expect(alerts.find((a) => a.kind === 'reported-emergency')?.id).toBe(stop.alertId);
  });

  it("the try's words are listed verbatim with the triage, whatever its level", async () => {
    now = START;
    const id = await start('cv-3', 'zh');
    await say(id, TRY_WORDS);
    const [view] = await views('cv-3');
    expect(view!.id).toBe(id);
    expect(['emergency-stop', 'in-progress']).toContain(view!.outcome);
    expect(['emergency', 'urgent']).toContain(view!.triage?.level);
    expect(view!.patientWords.map((w) => w.text)).toEqual([TRY_WORDS]);
  });

  it('a consultation left for more than a day is abandoned; a patient may not read the clinician view', async () => {
    now = START;
    const left = await start('cv-2', 'en');
    await say(left, 'a bit of a headache');
    now = new Date(START.getTime() + 25 * 3_600_000);
    // A day later the doctor signs in again (tokens expire).
    const login = await t.request('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'cv-doc', password: 'doctor-password-1' }),
    });
    doctor = ((await login.json()) as { access_token: string }).access_token;
    const [view] = await views('cv-2', 'lang=en');
    expect(view).toMatchObject({ id: left, outcome: 'abandoned' });
    expect(view!.patientWords.map((w) => w.text)).toEqual(['a bit of a headache']);

    const token = await t.userToken({
      username: 'cv-patient',
      password: 'patient-password-1',
      role: 'patient',
      patientId: 'cv-2',
    });
    const r = await t.request('/api/care/patients/cv-2/consultation-views', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(r.status).toBe(403);
  });
});
