/**
 * Hypertension care with no model configured: the engines, monitoring, alerts, care plans, drafts and review
 * keep working; the intake falls back to the fixed questions with a notice; model-backed parts say what to set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { sse, week } from './care-test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z'); // 12:00 in China (UTC+8), as in care-flow-test-support.ts
const clock = () => NOW;

describe('hypertension care without a model', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', {}, clock, 'disabled');
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    await t.repository.update(system, 'Patient', 'nm-1', {
      resourceType: 'Patient',
      id: 'nm-1',
      gender: 'female',
      birthDate: '1960-01-01',
    });
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('keeps the engines, drafts, review and care plan working and says what to configure', async () => {
    await t.request('/api/bp/patients/nm-1/readings', {
      method: 'POST',
      body: week(168, 104),
      headers: { 'content-type': 'text/csv' },
    });
    const proposal = await t.request('/api/care/patients/nm-1/proposal', {
      method: 'POST',
      json: { language: 'en' },
      headers: { 'content-type': 'application/json' },
    });
    expect(proposal.status, await proposal.clone().text()).toBe(201);
    const body = (await proposal.json()) as {
      proposal: { decision: string };
      drafts: unknown[];
      explanation: { status: string; message: string };
    };
    expect(body.proposal.decision).toBe('start-combination'); // China 2018 grade 2 (§7.3): two drugs or an SPC
    expect(body.drafts.length).toBeGreaterThan(0);
    expect(body.explanation.status).toBe('model-not-configured');
    // Who can connect a model, not the setting's name (a clinician reads it; the IT team has the gateway page).
    expect(body.explanation.message).toContain('IT team');
    expect(body.explanation.message).not.toContain('QIHUANG_');
    const plan = await t.request('/api/care/patients/nm-1/care-plan', {
      method: 'PUT',
      json: {},
      headers: { 'content-type': 'application/json' },
    });
    expect(plan.status).toBe(200);

    const start = await t.request('/api/care/patients/nm-1/consultations', {
      method: 'POST',
      json: { language: 'en' },
      headers: { 'content-type': 'application/json' },
    });
    const { id } = (await start.json()) as { id: string };
    const events = await sse(
      await t.request(`/api/care/consultations/${id}/messages`, {
        method: 'POST',
        json: { text: 'mild headache' },
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(events.find((e) => e.event === 'notice')?.data).toMatchObject({ code: 'model-not-configured' });
    expect((events.find((e) => e.event === 'delta')!.data as { text: string }).text).toContain(
      'Which conditions',
    );
    const copilot = await t.request('/api/care/patients/nm-1/copilot', {
      method: 'POST',
      json: { messages: [{ role: 'user', content: 'hi' }] },
      headers: { 'content-type': 'application/json' },
    });
    expect(copilot.status).toBe(503);
    expect(((await copilot.json()) as { error: { code: string } }).error.code).toBe('model-not-configured');
    // One language per screen: a zh request gets the reason in Chinese (issue 20).
    const zh = await t.request('/api/care/patients/nm-1/copilot', {
      method: 'POST',
      json: { messages: [{ role: 'user', content: '这个患者能加用布洛芬吗？' }], language: 'zh' },
      headers: { 'content-type': 'application/json' },
    });
    expect(zh.status).toBe(503);
    const zhError = ((await zh.json()) as { error: { code: string; message: string } }).error;
    expect(zhError.code).toBe('model-not-configured');
    expect(zhError.message).toContain('尚未接入语言模型');
    expect(zhError.message).toContain('信息科');
    expect(zhError.message).not.toMatch(/[A-Za-z]{3,}/);
  });
});
