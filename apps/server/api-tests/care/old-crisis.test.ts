/**
 * Issue 17/20 follow-up 2: a patient whose only crisis-range reading is 40 days old (uploaded today by a cuff)
 * gets the old-reading advice in the upload answer; `/api/care/me` carries the same advice (page language) while
 * the upload is less than 7 days old. An open crisis alert still leads (crisisAlert is separate).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { csv } from './care-test-support.ts';

const START = new Date('2026-03-10T04:00:00Z'); // 12:00 in Shanghai
let now = START;

interface Advice {
  level: string;
  title: string;
  steps: string[];
  source: string;
}

describe.each(DATABASE_KINDS)('old crisis reading on the patient home page on %s', (kind) => {
  let t: TestApp;
  let token = '';
  const call = (path: string, init: RequestInit = {}) =>
    t.request(path, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
    });
  const me = async (lang: string) => {
    const r = await call(`/api/care/me?lang=${lang}`);
    expect(r.status).toBe(200);
    return (await r.json()) as { crisisAlert?: unknown; oldCrisisAdvice?: Advice };
  };

  beforeAll(async () => {
    now = START;
    t = await createTestApp(kind, { timeZone: 'Asia/Shanghai' }, () => now, 'required');
    await t.repository.update({ requestId: 'seed', principal: SYSTEM_PRINCIPAL }, 'Patient', 'old-1', {
      resourceType: 'Patient',
      id: 'old-1',
      gender: 'female',
      birthDate: '1958-01-01',
    });
    token = await t.userToken({
      username: 'old-1',
      password: 'patient-password-1',
      role: 'patient',
      patientId: 'old-1',
    });
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('carries the upload answer’s old-reading advice in the page language, for 7 days after the upload', async () => {
    expect((await me('zh-CN')).oldCrisisAdvice).toBeUndefined();
    const up = await call('/api/bp/patients/old-1/readings?lang=en', {
      method: 'POST',
      body: csv([['2026-01-29T07:30:00+08:00', 192, 112]]), // 40 days before
      headers: { 'content-type': 'text/csv' },
    });
    expect(up.status, await up.clone().text()).toBe(201);
    const answer = (await up.json()) as { advice?: Advice };
    expect(answer.advice?.level).toBe('old-reading');
    const en = await me('en');
    expect(en.crisisAlert).toBeUndefined();
    expect(en.oldCrisisAdvice).toMatchObject({
      level: 'old-reading',
      title: answer.advice!.title,
      steps: answer.advice!.steps,
    });
    const zh = (await me('zh-CN')).oldCrisisAdvice!;
    expect(zh.level).toBe('old-reading');
    expect(`${zh.title} ${zh.steps.join(' ')}`).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.title).not.toMatch(/\b(?:the|your|reading)\b/i);
    now = new Date('2026-03-18T04:00:00Z'); // 8 days after the upload (a new sign-in: tokens expire)
    token = await t.userToken({
      username: 'old-1b',
      password: 'patient-password-1',
      role: 'patient',
      patientId: 'old-1',
    });
    expect((await me('en')).oldCrisisAdvice).toBeUndefined();
  });
});
