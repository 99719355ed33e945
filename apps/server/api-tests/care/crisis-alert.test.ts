/**
 * Tester finding 1 (issue 17): a crisis reading a device uploaded 3 days late raised the clinician's alert at
 * once but never reached the patient's page. While the alert is open, `/api/care/me` carries it with the
 * reading, its measured date/time in the patient's zone and the REFERENCE §1.5 advice in the page language.
 * Finding 2: the last-7-days mean says how many readings it is of.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { csv } from './care-test-support.ts';
import type { PatientCrisisAlert } from '@qihuang/care';

const NOW = new Date('2026-03-10T04:00:00Z'); // 12:00 in Shanghai

describe.each(DATABASE_KINDS)('open crisis alert on the patient home page on %s', (kind) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const call = (who: string, path: string, init: RequestInit = {}) =>
    t.request(path, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${tokens[who]}` },
    });
  const me = async (lang: string) => {
    const r = await call('pt', `/api/care/me?lang=${lang}`);
    expect(r.status).toBe(200);
    return (await r.json()) as {
      crisisAlert?: PatientCrisisAlert;
      progress: { lastSevenDays?: { readings: number; sbp: number } };
    };
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { timeZone: 'Asia/Shanghai' }, () => NOW, 'required');
    await t.repository.update({ requestId: 'seed', principal: SYSTEM_PRINCIPAL }, 'Patient', 'late-1', {
      resourceType: 'Patient',
      id: 'late-1',
      gender: 'male',
      birthDate: '1960-01-01',
    });
    tokens.pt = await t.userToken({
      username: 'late-1',
      password: 'patient-password-1',
      role: 'patient',
      patientId: 'late-1',
    });
    tokens.doc = await t.userToken({
      username: 'doc-late',
      password: 'doctor-password-1',
      role: 'clinician',
    });
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('no alert, no crisis box; normal readings of this week are "last 7 days (n readings)"', async () => {
    const up = await call('pt', '/api/bp/patients/late-1/readings', {
      method: 'POST',
      body: csv([
        ['2026-03-09T07:00:00+08:00', 128, 80],
        ['2026-03-10T07:00:00+08:00', 130, 82],
      ]),
      headers: { 'content-type': 'text/csv' },
    });
    expect(up.status, await up.clone().text()).toBe(201);
    const home = await me('zh-CN');
    expect(home.crisisAlert).toBeUndefined();
    // The current home average (decision 0027): the first day with readings (03-09) is discarded (REFERENCE §2.3).
    expect(home.progress.lastSevenDays).toMatchObject({ readings: 1, sbp: 130, discardedDay: '2026-03-09' });
  });

  it('a crisis reading measured 3 days earlier reaches the page while its alert is open', async () => {
    const up = await call('pt', '/api/bp/patients/late-1/readings', {
      method: 'POST',
      body: csv([['2026-03-07T08:10:00+08:00', 185, 125]]),
      headers: { 'content-type': 'text/csv' },
    });
    expect(up.status, await up.clone().text()).toBe(201);
    const zh = await me('zh-CN');
    expect(zh.crisisAlert).toMatchObject({
      reading: { sbp: 185, dbp: 125, local: '2026-03-07 08:10' },
      earlierDay: true,
      advice: { level: 'crisis', language: 'zh-CN' },
    });
    const a = zh.crisisAlert!.advice;
    expect(a.title).toContain('2026-03-07');
    expect(a.title).toContain('185/125');
    expect(a.title).toContain('联系您的诊所');
    expect(a.steps.join(' ')).toMatch(/休息 5 分钟/);
    expect(a.steps.join(' ')).toMatch(/120/);
    expect(a.source).toMatch(/^中国高血压防治指南/);
    const en = (await me('en')).crisisAlert!.advice;
    expect(en.language).toBe('en');
    expect(en.title).toContain('This reading is from 2026-03-07');
    expect(en.steps.join(' ')).toMatch(/call 120 now/);
    expect(en.steps.join(' ')).toMatch(/contact your clinic or doctor today/);
    expect(en.source).not.toMatch(/[\u4e00-\u9fff]/);
    expect(`${en.title}${en.steps.join('')}${en.source}`).not.toMatch(/REFERENCE|§1\.5/);
  });

  it("a crisis reading measured today leads over the late one, with today's wording", async () => {
    const up = await call('pt', '/api/bp/patients/late-1/readings', {
      method: 'POST',
      body: csv([['2026-03-10T11:55:00+08:00', 188, 124]]),
      headers: { 'content-type': 'text/csv' },
    });
    expect(up.status, await up.clone().text()).toBe(201);
    const zh = (await me('zh-CN')).crisisAlert!;
    expect(zh).toMatchObject({
      reading: { sbp: 188, dbp: 124, local: '2026-03-10 11:55' },
      earlierDay: false,
    });
    expect(zh.advice.title).not.toContain('不是今天');
  });

  it('closing the alerts with its recorded action takes the box away', async () => {
    const alerts = (await (await call('doc', '/api/bp/alerts')).json()) as { id: string; kind: string }[];
    const crises = alerts.filter((x) => x.kind === 'crisis');
    expect(crises.length).toBeGreaterThan(0);
    for (const crisis of crises) {
      const closed = await call('doc', `/api/bp/alerts/${crisis.id}/close`, {
        method: 'POST',
        body: JSON.stringify({
          contactedBy: 'Dr Li',
          contactedAt: '2026-03-10T12:00:00+08:00',
          method: 'phone',
          patientReached: true,
          action: 'Repeated 142/88, no symptoms; clinic visit booked',
        }),
        headers: { 'content-type': 'application/json' },
      });
      expect(closed.status, await closed.clone().text()).toBe(200);
    }
    expect((await me('en')).crisisAlert).toBeUndefined();
  });
});
