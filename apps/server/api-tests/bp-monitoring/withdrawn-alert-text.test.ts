/**
 * Issue 20 (SAFETY, a non-author try): the demo patient's open crisis alert read "最新危急读数 185/122 mmHg" after the
 * patient had withdrawn 185/122 as entered in error — in the inbox and on the chart — and the clinician's triage
 * line still showed "血压 185/122 mmHg" with no mark. Decision 0020: a withdrawn reading is never presented as
 * current. Each screen's text says the reading was withdrawn (已撤回（录入错误）) and quotes the current reading as
 * the latest where one exists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import type { StoredAlert } from '@qihuang/bp-monitoring/api-types';
import type { CareSummary } from '@qihuang/care/api-types';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { sse } from '../care/care-test-support.ts';

const T0 = Date.parse('2026-12-07T22:00:00Z'); // 06:00 in Shanghai
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };

describe.each(DATABASE_KINDS)('a withdrawn reading is never quoted as current, on %s', (kind) => {
  let t: TestApp;
  let now = new Date(T0);
  let clinician = '';
  const patients: Record<string, string> = {};
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
    const r = await t.request(`/api/bp/patients/${patientId}/readings?lang=zh-CN`, {
      method: 'POST',
      headers: { ...auth(token), 'content-type': 'text/csv' },
      body: `time,sbp,dbp,unit\n${time},${sbp},${dbp},mmHg\n`,
    });
    expect(r.status).toBeLessThan(300);
    return ((await r.json()) as { records: { id: string }[] }).records[0]!.id;
  };
  const withdraw = async (patientId: string, reading: string) => {
    const r = await post(
      patients[patientId]!,
      `/api/bp/patients/${patientId}/readings/${reading}/entered-in-error?lang=zh-CN`,
      { reason: '不是我的读数' },
    );
    expect(r.status, await r.clone().text()).toBe(200);
  };
  const crisisAlert = async (patientId: string) =>
    (await get<StoredAlert[]>(clinician, `/api/bp/alerts?patient=${patientId}`)).find(
      (a) => a.kind === 'crisis',
    )!;

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => now, 'required');
    clinician = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    for (const id of ['wt-p1', 'wt-p2']) {
      await t.repository.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        name: [{ text: id === 'wt-p1' ? '撤回文字' : '分诊撤回' }],
        gender: 'female',
        birthDate: '1958-05-05',
      });
      patients[id] = await t.userToken({
        username: `pat-${id}`,
        password: 'patient-password-1',
        role: 'patient',
        patientId: id,
      });
    }
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('a joined crisis reading withdrawn: the alert names it withdrawn and quotes the one that stands as latest', async () => {
    at(0);
    await upload(clinician, 'wt-p1', 199, 130, '2026-12-08T05:50:00+08:00');
    at(10);
    await upload(patients['wt-p1']!, 'wt-p1', 188, 121, '2026-12-08T06:08:00+08:00');
    at(15);
    const typo = await upload(patients['wt-p1']!, 'wt-p1', 185, 122, '2026-12-08T06:14:00+08:00');
    expect((await crisisAlert('wt-p1')).summary.zh).toMatch(/最新危急读数 185\/122 mmHg/);

    at(16);
    await withdraw('wt-p1', typo);
    const alert = await crisisAlert('wt-p1');
    expect(alert.status).toBe('active');
    const { zh, en } = alert.summary;
    expect(zh).not.toMatch(/最新危急读数 185\/122/);
    expect(zh).toMatch(/最新危急读数 188\/121 mmHg，测量于 2026-12-08 06:08/);
    expect(zh).toMatch(/之后又有危急读数 1 次/);
    expect(zh).toMatch(/读数 185\/122 mmHg 已撤回（录入错误）。$/);
    expect(en).not.toMatch(/latest crisis reading 185\/122/);
    expect(en).toMatch(/latest crisis reading 188\/121 mmHg, measured 2026-12-08 06:08/);
    expect(en).toMatch(/Reading 185\/122 mmHg withdrawn as entered in error\.$/);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);

    // The chart and Care tab show the same text, said once (never the note twice).
    const summary = await get<CareSummary>(clinician, '/api/care/patients/wt-p1/summary?lang=zh');
    const shown = summary.alerts.find((a) => a.id === alert.id)!;
    expect(shown.display).toEqual(alert.summary);
    expect(shown.display.zh.match(/已撤回/g)).toHaveLength(1);
  });

  it('the other joined reading withdrawn too: no “latest crisis reading” left, both named, still to be closed', async () => {
    at(17);
    const readings = await get<{ readings: { id: string; sbp: number }[] }>(
      clinician,
      '/api/bp/patients/wt-p1/readings?lang=zh-CN',
    );
    await withdraw('wt-p1', readings.readings.find((r) => r.sbp === 188)!.id);
    const { zh, en } = (await crisisAlert('wt-p1')).summary;
    expect(zh).toBe(
      '血压重度升高 199/130 mmHg（1 次读数），请立即评估有无靶器官损害症状。读数 185/122、188/121 mmHg 已撤回（录入错误）。',
    );
    expect(en).not.toMatch(/latest|more crisis/);
    expect(en).toMatch(/Readings 185\/122, 188\/121 mmHg withdrawn as entered in error\.$/);
  });

  it('the clinician’s triage line marks the withdrawn reading it quotes and gives the current one', async () => {
    at(30);
    const typo = await upload(patients['wt-p2']!, 'wt-p2', 185, 122, '2026-12-08T06:29:00+08:00');
    const start = await post(patients['wt-p2']!, '/api/care/patients/wt-p2/consultations', {
      language: 'zh',
    });
    expect(start.status).toBe(201);
    const { id } = (await start.json()) as { id: string };
    const events = await sse(
      await post(patients['wt-p2']!, `/api/care/consultations/${id}/messages`, {
        text: '今天早上突然一侧手脚无力，说话不清楚',
      }),
    );
    expect(events.find((e) => e.event === 'done')?.data).toMatchObject({ careTeamAlerted: true });
    let summary = await get<CareSummary>(clinician, '/api/care/patients/wt-p2/summary?lang=zh');
    expect(summary.triage?.crisisReading).toMatchObject({ sbp: 185, dbp: 122 });
    expect(summary.triage?.crisisReadingWithdrawn).toBeUndefined();

    at(32);
    await withdraw('wt-p2', typo);
    at(34);
    await upload(patients['wt-p2']!, 'wt-p2', 150, 92, '2026-12-08T06:33:00+08:00');
    summary = await get<CareSummary>(clinician, '/api/care/patients/wt-p2/summary?lang=zh');
    expect(summary.triage?.level).toBe('emergency');
    expect(summary.triage?.crisisReading).toMatchObject({ sbp: 185, dbp: 122 });
    expect(summary.triage?.crisisReadingWithdrawn).toBe(true);
    expect(summary.latestMeasured).toMatchObject({ sbp: 150, dbp: 92 });
    // The reported emergency's own alert says the reading was withdrawn (it stays open for the clinician).
    for (const a of summary.alerts.filter((x) => x.severity === 'critical'))
      expect(a.display.zh, a.kind).toMatch(/185\/122 mmHg 已由患者撤回（录入错误）/);
    // The Care tab's consultation list keeps what the triage found then, and says the reading was withdrawn since.
    for (const [lang, mark] of [
      ['zh', /185\/122 mmHg 已撤回（录入错误）$/],
      ['en', /reading 185\/122 mmHg withdrawn \(entered in error\)$/],
    ] as const) {
      const { consultations } = await get<{ consultations: { triage?: { text: string } }[] }>(
        clinician,
        `/api/care/patients/wt-p2/consultation-views?lang=${lang}`,
      );
      expect(consultations[0]!.triage?.text, lang).toMatch(mark);
    }
  });
});
