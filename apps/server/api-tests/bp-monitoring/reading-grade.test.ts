/**
 * Issue 20 item 7: a patient's reading list names each reading with the blood-pressure engine's category under
 * the alert guideline (China 2018: 165/100 is grade 2 hypertension — REFERENCE §1.4), not only "high": each
 * reading carries `grade`, the engine's classification category, beside the colour `category`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z');

describe('reading list: the engine category of each reading', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', {}, () => NOW, 'disabled');
    await t.repository.update({ requestId: 'seed', principal: SYSTEM_PRINCIPAL }, 'Patient', 'g-1', {
      resourceType: 'Patient',
      id: 'g-1',
      gender: 'male',
      birthDate: '1960-01-01',
    });
    const rows = [
      ['2026-03-10T07:30:00+08:00', 165, 100],
      ['2026-03-10T08:30:00+08:00', 142, 88],
      ['2026-03-10T09:30:00+08:00', 118, 76],
    ];
    const up = await t.request('/api/bp/patients/g-1/readings', {
      method: 'POST',
      body: ['time,sbp,dbp,unit,device_id', ...rows.map((r) => `${r.join(',')},mmHg,cuff-A`)].join('\n'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(up.status, await up.clone().text()).toBeLessThan(300);
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('165/100 is grade-2 under China 2018; 142/88 grade-1; 118/76 normal', async () => {
    const r = await t.request('/api/bp/patients/g-1/readings?lang=zh-CN');
    expect(r.status).toBe(200);
    const body = (await r.json()) as { readings: { sbp: number; category: string; grade?: string }[] };
    const bySbp = Object.fromEntries(body.readings.map((x) => [x.sbp, x]));
    expect(bySbp[165]).toMatchObject({ category: 'high', grade: 'grade-2' });
    expect(bySbp[142]).toMatchObject({ category: 'high', grade: 'grade-1' });
    expect(bySbp[118]).toMatchObject({ category: 'normal', grade: 'normal' });
  });
});
