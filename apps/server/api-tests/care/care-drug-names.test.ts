/**
 * Issue 20 item 3: on a Chinese screen the doctor's drafts and the current medications name each drug by the
 * drug knowledge base's zh name ("氨氯地平 5 mg", not "amlodipine 5 mg"); an English screen keeps the English name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { week } from './care-test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const ID = 'names-1';

describe('drug names in the screen language', () => {
  let t: TestApp;
  const get = async (path: string) => {
    const r = await t.request(path);
    expect(r.status, await r.clone().text()).toBe(200);
    return (await r.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    t = await createTestApp('pglite', {}, () => NOW, 'disabled');
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    await t.repository.update(system, 'Patient', ID, {
      resourceType: 'Patient',
      id: ID,
      gender: 'male',
      birthDate: '1956-01-01',
    });
    const order = (id: string, status: string, text: string) =>
      t.repository.update(system, 'MedicationRequest', id, {
        resourceType: 'MedicationRequest',
        id,
        status,
        intent: status === 'draft' ? 'proposal' : 'order',
        subject: { reference: `Patient/${ID}` },
        medicationCodeableConcept: { text },
        dosageInstruction: [
          { text: 'once daily', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } } },
        ],
      });
    await order('names-active', 'active', 'Losartan 50 mg oral tablet');
    await order('names-draft', 'draft', 'amlodipine 5 mg');
    const upload = await t.request(`/api/bp/patients/${ID}/readings`, {
      method: 'POST',
      body: week(150, 95),
      headers: { 'content-type': 'text/csv' },
    });
    expect(upload.status).toBeLessThan(300);
    const plan = await t.request(`/api/care/patients/${ID}/care-plan`, {
      method: 'PUT',
      body: JSON.stringify({ guideline: 'china-2018' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(plan.status, await plan.clone().text()).toBe(200);
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('drafts: 氨氯地平 on zh, amlodipine on en', async () => {
    const zh = (await get(`/api/care/patients/${ID}/drafts?lang=zh-CN`)).drafts as { display: string }[];
    expect(zh.map((d) => d.display)).toEqual(['氨氯地平 5 mg']);
    const en = (await get(`/api/care/patients/${ID}/drafts?lang=en`)).drafts as { display: string }[];
    expect(en.map((d) => d.display)).toEqual(['amlodipine 5 mg']);
  });

  it('care plan current medications: 氯沙坦 on zh, Losartan on en', async () => {
    const zh = (await get(`/api/care/patients/${ID}/care-plan?lang=zh`)) as {
      medications: { display: string }[];
    };
    expect(zh.medications.map((m) => m.display)).toEqual(['氯沙坦 50 mg 片']);
    const en = (await get(`/api/care/patients/${ID}/care-plan?lang=en`)) as {
      medications: { display: string }[];
    };
    expect(en.medications.map((m) => m.display)).toEqual(['Losartan 50 mg oral tablet']);
  });

  it('patient home medicines: 氯沙坦 on zh', async () => {
    const zh = (await get(`/api/care/patients/${ID}/home?lang=zh`)) as { medications: { display: string }[] };
    expect(zh.medications.map((m) => m.display)).toEqual(['氯沙坦 50 mg 片']);
  });
});
