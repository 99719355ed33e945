/**
 * The hypertension-care flow through the HTTP API with a scripted model, first part: the guided intake
 * (streamed, saved as patient-reported drafts) and the emergency stop the engine decides, including when the
 * care team cannot be alerted. Shared setup: care-flow-test-support.ts; the prescription and care plan are in
 * care-prescription-plan.test.ts, the copilot in care-copilot.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, type ScriptedUpstream } from '@qihuang/test-kit';
import { SYSTEM_PRINCIPAL, type AuditRecord, type RequestContext } from '@qihuang/contracts';
import { postConsultationMessage, startConsultation } from '@qihuang/care';
import type { TestApp } from '../../test-support.ts';
import { csv, sse } from './care-test-support.ts';
import {
  closeCareFlow,
  INTAKE_ANSWERS,
  isChat,
  startCareFlow,
  type CareFlow,
} from './care-flow-test-support.ts';

describe.each(DATABASE_KINDS)('hypertension care on %s', (kind) => {
  let flow: CareFlow;
  let t: TestApp;
  let upstream: ScriptedUpstream;
  let api: CareFlow['api'];

  beforeAll(async () => {
    flow = await startCareFlow(kind);
    ({ t, upstream, api } = flow);
  }, 120_000);
  afterAll(async () => closeCareFlow(flow));

  it('runs the guided intake through the model, streamed, and saves patient-reported drafts', async () => {
    upstream.reset();
    upstream.when(isChat, { content: '好的，谢谢您的回答。' });
    const start = await api('p1', '/api/care/patients/htn-1/consultations', {
      method: 'POST',
      json: { language: 'zh' },
    });
    expect(start.status).toBe(201);
    const consultation = (await start.json()) as {
      id: string;
      step: { id: string; index: number; total: number };
    };
    expect(consultation.step).toMatchObject({ id: 'symptoms', index: 0, total: 7 });

    let last:
      { status: string; step?: { index: number }; messages: { role: string; text: string }[] } | undefined;
    for (const [i, text] of INTAKE_ANSWERS.entries()) {
      const response = await api('p1', `/api/care/consultations/${consultation.id}/messages`, {
        method: 'POST',
        json: { text },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const events = await sse(response);
      const deltas = events.filter((e) => e.event === 'delta').map((e) => (e.data as { text: string }).text);
      expect(deltas.join('')).toContain('好的，谢谢您的回答。'); // streamed in several chunks
      expect(deltas.length).toBeGreaterThan(1);
      expect(events.some((e) => e.event === 'triage')).toBe(false);
      last = events.find((e) => e.event === 'done')!.data as typeof last;
      if (i < INTAKE_ANSWERS.length - 1) expect(last!.step!.index).toBe(i + 1);
    }
    expect(last!.status).toBe('active');
    // The model was given the fixed next question, and the patient's name never reached the cloud model.
    const chats = upstream.modelRequests().filter(isChat);
    expect(chats).toHaveLength(7);
    expect(JSON.stringify(chats[0]!.body.messages)).toContain('您以前被诊断过哪些疾病');
    for (const request of chats) expect(JSON.stringify(request.body)).not.toContain('王小明');

    const complete = await api('p1', `/api/care/consultations/${consultation.id}/complete`, {
      method: 'POST',
    });
    expect(complete.status).toBe(200);
    const saved = ((await complete.json()) as { saved: { questionnaireResponse: string; drafts: string[] } })
      .saved;
    expect(saved.questionnaireResponse).toMatch(/^QuestionnaireResponse\//);
    const kinds = saved.drafts.map((d) => d.split('/')[0]).sort();
    expect(kinds).toEqual(
      [
        'Condition',
        'Condition',
        'FamilyMemberHistory', // 父亲有高血压 (issue 16 item 3)
        'MedicationStatement',
        'Observation',
        'Observation',
        'Observation',
        'Observation',
        'Observation',
      ].sort(),
    );
    // Diabetes and hypertension (not gout: negated) as unconfirmed, patient-reported Conditions.
    const conditions = (await (
      await api('doc', '/fhir/R4/Condition?patient=htn-1&verification-status=unconfirmed')
    ).json()) as {
      entry?: { resource: { code: { coding: { code: string }[] }; meta: { tag: { code: string }[] } } }[];
    };
    const codes = (conditions.entry ?? []).map((e) => e.resource.code.coding[0]!.code).sort();
    expect(codes).toEqual(['38341003', '73211009']);
    expect(conditions.entry![0]!.resource.meta.tag.some((x) => x.code === 'patient-reported')).toBe(true);
    const meds = (await (await api('doc', '/fhir/R4/MedicationStatement?patient=htn-1')).json()) as {
      entry?: {
        resource: {
          informationSource: { reference: string };
          medicationCodeableConcept: { coding: { code: string }[] };
        };
      }[];
    };
    expect(meds.entry?.[0]?.resource.informationSource.reference).toBe('Patient/htn-1');
    expect(meds.entry?.[0]?.resource.medicationCodeableConcept.coding[0]!.code).toBe('metformin');
    // Another patient cannot read this consultation.
    expect((await api('p2', `/api/care/consultations/${consultation.id}`)).status).toBe(404);
  });

  it('stops at once with the emergency instruction when red flags meet a crisis reading — decided by the engine', async () => {
    upstream.reset();
    const upload = await api('p2', '/api/bp/patients/htn-2/readings', {
      method: 'POST',
      body: csv([['2026-03-10T11:30:00+08:00', 192, 124]]),
      headers: { 'content-type': 'text/csv' },
    });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const start = await api('p2', '/api/care/patients/htn-2/consultations', {
      method: 'POST',
      json: { language: 'zh' },
    });
    const { id } = (await start.json()) as { id: string };
    const events = await sse(
      await api('p2', `/api/care/consultations/${id}/messages`, {
        method: 'POST',
        json: { text: '胸痛，头痛得厉害' },
      }),
    );
    expect(events[0]!.event).toBe('triage');
    const triage = events[0]!.data as {
      level: string;
      stop: boolean;
      instruction: { zh: string };
      source: string;
    };
    expect(triage).toMatchObject({ level: 'emergency', stop: true });
    expect(triage.instruction.zh).toContain('120');
    // Issue 20: the patient reads the guideline by name with its section, in the consultation's language.
    expect(triage.source).toContain('美国心脏病学会/美国心脏协会 2017 高血压指南 第 11.2 节');
    expect(triage.source).not.toContain('§');
    const english = (await (await api('p2', `/api/care/consultations/${id}?language=en`)).json()) as {
      triage: { source: string };
    };
    expect(english.triage.source).toContain('ACC/AHA 2017 guideline, section 11.2');
    expect(events.some((e) => e.event === 'delta')).toBe(false);
    expect((events.at(-1)!.data as { status: string }).status).toBe('stopped');
    expect(upstream.modelRequests().filter(isChat)).toHaveLength(0); // the model was never asked
    const again = await api('p2', `/api/care/consultations/${id}/messages`, {
      method: 'POST',
      json: { text: '还在痛' },
    });
    expect(again.status).toBe(409);
    // The care team sees it as a critical alert.
    const summary = (await (await api('doc', '/api/care/patients/htn-2/summary')).json()) as {
      alerts: { severity: string; display: { en: string } }[];
      triage: { level: string };
    };
    expect(summary.triage.level).toBe('emergency');
    expect(
      summary.alerts.some((a) => a.severity === 'critical' && /Emergency symptoms/.test(a.display.en)),
    ).toBe(true);
  });

  it('when the care team cannot be alerted (Flag write fails twice), the patient is told so and it is audited', async () => {
    let attempts = 0;
    const repository = new Proxy(t.care.repository, {
      get(target, key, receiver) {
        if (key === 'search')
          return (ctx: RequestContext, type: string, params: [string, string][]) => {
            if (type === 'Flag') {
              attempts++;
              throw new Error('database unavailable');
            }
            return target.search(ctx, type, params);
          };
        const value: unknown = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const audited: AuditRecord[] = [];
    const deps = {
      ...t.care,
      repository,
      audit: async (_: RequestContext, r: AuditRecord) => void audited.push(r),
    };
    const ctx = { requestId: 'alert-fails', principal: SYSTEM_PRINCIPAL };
    const started = await startConsultation(deps, ctx, 'htn-2', 'en');
    const done = await postConsultationMessage(deps, ctx, started.id, 'crushing chest pain', () => undefined);
    expect(done.status).toBe('stopped');
    expect(attempts).toBe(2);
    expect(done.careTeamAlerted).toBe(false);
    expect(done.messages.at(-1)!.text).toMatch(/could not alert your care team/);
    expect(audited).toContainEqual(
      expect.objectContaining({ query: 'care-emergency-alert', outcome: 'failure', patientIds: ['htn-2'] }),
    );
  });
});
