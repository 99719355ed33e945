/**
 * The hypertension-care flow through the HTTP API with a scripted model, third part: the clinician's copilot on
 * htn-1 (intake completed, a week of home readings, reported conditions confirmed) — tool calls visible and
 * audited, the answer guard-checked (an invented threshold is caught), patients refused. Shared setup:
 * care-flow-test-support.ts.
 */
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWAITING_REVIEW_REASON } from '@qihuang/pharmacy-review';
import { DATABASE_KINDS, type ScriptedUpstream } from '@qihuang/test-kit';
import type { TestApp } from '../../test-support.ts';
import {
  closeCareFlow,
  completeIntake,
  confirmReportedConditions,
  hasToolResults,
  isChat,
  startCareFlow,
  uploadWeek,
  type CareFlow,
} from './care-flow-test-support.ts';
import { sse } from './care-test-support.ts';

describe.each(DATABASE_KINDS)('hypertension care on %s', (kind) => {
  let flow: CareFlow;
  let t: TestApp;
  let upstream: ScriptedUpstream;
  let api: CareFlow['api'];

  beforeAll(async () => {
    flow = await startCareFlow(kind);
    ({ t, upstream, api } = flow);
    await completeIntake(flow);
    const upload = await uploadWeek(flow);
    if (upload.status !== 201) throw new Error(`readings not uploaded: ${upload.status}`);
    for (const put of await confirmReportedConditions(flow))
      if (put.status !== 200) throw new Error(`condition not confirmed: ${put.status}`);
  }, 180_000);
  afterAll(async () => closeCareFlow(flow));

  it('answers in the copilot with visible, audited tool calls and a guard verdict (an invented threshold is caught)', async () => {
    upstream.reset();
    upstream.when((r) => isChat(r) && !hasToolResults(r), {
      toolCalls: [
        { id: 'call_1', name: 'bp_assessment', arguments: '{}' },
        { id: 'call_2', name: 'patient_record', arguments: '{}' },
        { id: 'call_3', name: 'knowledge_search', arguments: '{"query":"高血压 降压目标 糖尿病"}' },
      ],
    });
    upstream.when((r) => isChat(r) && hasToolResults(r), {
      content:
        'Home BP is above target. Under China 2018 the BP target for patients with diabetes is <150/100 mmHg.',
    });
    const response = await api('doc', '/api/care/patients/htn-1/copilot', {
      method: 'POST',
      json: { messages: [{ role: 'user', content: 'Is this patient at target?' }], language: 'en' },
    });
    expect(response.status).toBe(200);
    const events = await sse(response);
    const tools = events
      .filter((e) => e.event === 'tool')
      .map((e) => e.data as { name: string; result: unknown });
    expect(tools.map((x) => x.name)).toEqual(['bp_assessment', 'patient_record', 'knowledge_search']);
    expect(JSON.stringify(tools[0]!.result)).toContain('home-mean');
    const done = events.find((e) => e.event === 'done')!.data as {
      toolCalls: number;
      guard: { contradicted: number; claims: { text: string; verdict: string }[] };
      citations: unknown[];
    };
    expect(done.toolCalls).toBe(3);
    // The invented target is flagged: contradicted, or unverifiable where the guard holds the China 2018
    // target as not verified against the primary text (guard, issue 18) — never supported.
    const invented = done.guard.claims.find((c) => c.text.includes('<150/100'))!;
    expect(['contradicted', 'unverifiable']).toContain(invented.verdict);
    expect(done.citations.length).toBeGreaterThan(0);
    // The model got the tool results back in the second call.
    const second = upstream.modelRequests().filter(isChat)[1]!.body as {
      messages: { role: string }[];
      tools: unknown[];
    };
    expect(second.messages.filter((m) => m.role === 'tool')).toHaveLength(3);
    const audited = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_entry where query like 'copilot-tool:%'`.execute(t.repository.db);
    expect(audited.rows[0]!.n).toBe(3);
    expect(
      (
        await api('p1', '/api/care/patients/htn-1/copilot', {
          method: 'POST',
          json: { messages: [{ role: 'user', content: 'x' }] },
        })
      ).status,
    ).toBe(403);
  });

  // Issue 20/19 (SAFETY): the copilot's treatment proposal takes an order awaiting the pharmacist as already
  // ordered, as the care tab's proposal does — never amlodipine again beside amlodipine 5 mg awaiting review.
  it('proposes nothing of a drug awaiting pharmacist review and names it as awaiting', async () => {
    await t.repository.update(
      { requestId: 'seed', principal: SYSTEM_PRINCIPAL },
      'MedicationRequest',
      'htn-1-aml-awaiting',
      {
        resourceType: 'MedicationRequest',
        id: 'htn-1-aml-awaiting',
        status: 'draft',
        intent: 'order',
        statusReason: AWAITING_REVIEW_REASON,
        subject: { reference: 'Patient/htn-1' },
        medicationCodeableConcept: {
          text: 'Amlodipine 5 mg',
          coding: [{ system: 'urn:qihuang:drug', code: 'amlodipine', display: 'Amlodipine' }],
        },
        dosageInstruction: [
          {
            text: '5 mg once daily',
            timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
            doseAndRate: [{ doseQuantity: { value: 5, unit: 'mg', code: 'mg' } }],
          },
        ],
      },
    );
    upstream.reset();
    upstream.when((r) => isChat(r) && !hasToolResults(r), {
      toolCalls: [{ id: 'call_1', name: 'treatment_proposal', arguments: '{}' }],
    });
    upstream.when((r) => isChat(r) && hasToolResults(r), { content: 'Amlodipine is awaiting review.' });
    const response = await api('doc', '/api/care/patients/htn-1/copilot', {
      method: 'POST',
      json: { messages: [{ role: 'user', content: 'What should I prescribe?' }], language: 'en' },
    });
    expect(response.status).toBe(200);
    const tool = (await sse(response)).find((e) => e.event === 'tool')!.data as {
      result: { orders: { order: string }[]; notes: string[] };
    };
    expect(tool.result.orders.map((o) => o.order).join(' ')).not.toMatch(/amlodipine/i);
    expect(tool.result.notes).toContainEqual(
      expect.stringContaining('Awaiting pharmacist review: Amlodipine 5 mg/day'),
    );
  });
});
