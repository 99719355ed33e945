/**
 * Decision 0031 (issue 20, tenth session): the answer to an upload is judged with the readings of the crisis
 * look-back already stored, not only the readings just sent — so the answer to a recheck that is still very high
 * says so ("the earlier reading was very high too … no need to wait for another recheck") instead of telling the
 * patient to rest 5 minutes and measure again once more; the 120-with-symptoms step stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

const START = new Date('2026-03-10T00:30:00Z'); // 08:30 in Shanghai
let now = START;

interface Advice {
  level: string;
  title: string;
  steps: string[];
}

describe.each(DATABASE_KINDS)('the answer to a recheck on %s', (kind) => {
  let t: TestApp;
  let token = '';
  const upload = async (time: string, sbp: number, dbp: number, lang: string) => {
    const r = await t.request(`/api/bp/patients/re-1/readings?lang=${lang}`, {
      method: 'POST',
      body: `time,sbp,dbp\n${time},${sbp},${dbp}\n`,
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    });
    expect(r.status, await r.clone().text()).toBe(201);
    return ((await r.json()) as { advice?: Advice }).advice;
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { timeZone: 'Asia/Shanghai' }, () => now, 'required');
    await t.repository.update({ requestId: 'seed', principal: SYSTEM_PRINCIPAL }, 'Patient', 're-1', {
      resourceType: 'Patient',
      id: 're-1',
      gender: 'male',
      birthDate: '1960-01-01',
    });
    token = await t.userToken({
      username: 're-1',
      password: 'patient-password-1',
      role: 'patient',
      patientId: 're-1',
    });
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('first very high reading: rest and measure again; the recheck, still very high: no second "measure again"', async () => {
    const first = (await upload('2026-03-10T08:20:00+08:00', 186, 126, 'zh-CN'))!;
    expect(first.level).toBe('crisis');
    expect(first.steps[0]).toMatch(/休息 5 分钟/);
    now = new Date('2026-03-10T00:40:00Z');
    const recheck = (await upload('2026-03-10T08:35:00+08:00', 184, 124, 'zh-CN'))!;
    expect(recheck.level).toBe('crisis');
    expect(recheck.title).toContain('184/124');
    expect(recheck.steps[0]).toMatch(/186\/126 mmHg 也非常高，这次复测仍然非常高/);
    expect(recheck.steps.join(' ')).not.toMatch(/休息 5 分钟/);
    expect(recheck.steps.join(' ')).toMatch(/拨打 120/);
  });
});
