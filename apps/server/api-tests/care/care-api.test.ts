/**
 * The whole hypertension-care flow through the HTTP API with a scripted model (tool calls included):
 * intake → readings → assessment → proposal drafts → review findings → clinician signs → care plan → the
 * patient sees progress. Plus the safety cases: the engine's emergency stop, a model proposing an excessive
 * dose or inventing a threshold is caught, a patient can neither see nor sign drafts, and the copilot's
 * tool calls are visible and audited.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgePacks } from '@qihuang/knowledge';
import {
  DATABASE_KINDS,
  startScriptedUpstream,
  type ReceivedRequest,
  type ScriptedUpstream,
} from '@qihuang/test-kit';
import { SYSTEM_PRINCIPAL, type AuditRecord, type RequestContext } from '@qihuang/contracts';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { postConsultationMessage, startConsultation } from '@qihuang/care';
import { csv, sse, week } from './care-test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z'); // 12:00 in China (UTC+8)
const clock = () => NOW;

// Conversation and copilot turns (the triage second opinion, second-opinion.test.ts, is counted apart).
const isChat = (r: ReceivedRequest) =>
  r.path.endsWith('/chat/completions') && !JSON.stringify(r.body).includes('TRIAGE-SECOND-OPINION');
const hasToolResults = (r: ReceivedRequest) => JSON.stringify(r.body).includes('"role":"tool"');

describe.each(DATABASE_KINDS)('hypertension care on %s', (kind) => {
  let t: TestApp;
  let upstream: ScriptedUpstream;
  const tokens: Record<string, string> = {};
  const as = (who: string, init: RequestInit & { json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${tokens[who]}`);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    return { ...init, headers };
  };
  const api = async (who: string, path: string, init: RequestInit & { json?: unknown } = {}) =>
    t.request(path, as(who, init));

  beforeAll(async () => {
    upstream = await startScriptedUpstream({ models: ['qwen-local'] });
    t = await createTestApp(
      kind,
      { model: { baseUrl: upstream.url, name: 'qwen-local', location: 'cloud' } },
      clock,
      'required',
    );
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    for (const [id, family, given, gender, birthDate] of [
      ['htn-1', '王', '小明', 'male', '1966-05-01'],
      ['htn-2', '李', '秀英', 'female', '1958-02-11'],
    ] as const) {
      await t.repository.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        name: [{ family, given: [given], text: `${family}${given}` }],
        gender,
        birthDate,
      });
    }
    await loadKnowledgePacks(t.repository.db, { knowledge: t.knowledge });
    tokens.doc = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    tokens.nurse = await t.userToken({ username: 'nurse', password: 'nurse-password-1', role: 'nurse' });
    tokens.p1 = await t.userToken({
      username: 'xiaoming',
      password: 'patient-password-1',
      role: 'patient',
      patientId: 'htn-1',
    });
    tokens.p2 = await t.userToken({
      username: 'xiuying',
      password: 'patient-password-2',
      role: 'patient',
      patientId: 'htn-2',
    });
  }, 120_000);
  afterAll(async () => {
    await t?.closeAll();
    await upstream?.close();
  });

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
    expect(consultation.step).toMatchObject({ id: 'symptoms', index: 0, total: 6 });

    const answers = [
      '偶尔头晕，没有胸痛',
      '高血压5年，糖尿病3年，没有痛风',
      '父亲有高血压',
      '二甲双胍 500mg 每日两次',
      '不吸烟，偶尔喝啤酒，口味偏咸，身高170cm，体重82kg',
      '最近在家量过 152/96 和 148/94',
    ];
    let last:
      { status: string; step?: { index: number }; messages: { role: string; text: string }[] } | undefined;
    for (const [i, text] of answers.entries()) {
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
      if (i < answers.length - 1) expect(last!.step!.index).toBe(i + 1);
    }
    expect(last!.status).toBe('active');
    // The model was given the fixed next question, and the patient's name never reached the cloud model.
    const chats = upstream.modelRequests().filter(isChat);
    expect(chats).toHaveLength(6);
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
    const triage = events[0]!.data as { level: string; stop: boolean; instruction: { zh: string } };
    expect(triage).toMatchObject({ level: 'emergency', stop: true });
    expect(triage.instruction.zh).toContain('120');
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

  let draftIds: string[] = [];

  it('assesses uploaded readings, drafts a reviewed prescription and catches an excessive dose in the explanation', async () => {
    const upload = await api('p1', '/api/bp/patients/htn-1/readings', {
      method: 'POST',
      body: week(168, 102),
      headers: { 'content-type': 'text/csv' },
    });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const summary = (await (
      await api('doc', '/api/care/patients/htn-1/summary?guideline=china-2018')
    ).json()) as {
      findings: { key: string; value: { en: string }; source: string }[];
      intake: { drafts: unknown[] };
    };
    const keys = summary.findings.map((f) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['home-mean', 'target', 'china-risk']));
    // Sources name the published guideline or paper, never the internal reference (issue 17 item 5).
    for (const f of summary.findings) {
      // (the list of unconfirmed patient-recorded values is a data rule, not a guideline finding)
      if (f.key !== 'patient-recorded')
        expect(f.source).toMatch(
          /ACC\/AHA|ESH|Chinese Hypertension Guidelines|中国高血压防治指南|KDIGO|CKD-EPI|Pooled Cohort/,
        );
      expect(f.source).not.toMatch(/REFERENCE|UNVERIFIED/);
    }
    expect(summary.intake.drafts.length).toBeGreaterThan(0);

    // The clinician confirms the conditions the patient reported in the intake: only confirmed, they drive the
    // proposal and the target (docs/decisions/0003, patient-recorded values).
    const reported = (await (
      await api('doc', '/fhir/R4/Condition?patient=htn-1&verification-status=unconfirmed')
    ).json()) as { entry?: { resource: Record<string, unknown> & { id: string } }[] };
    for (const { resource } of reported.entry ?? []) {
      const confirmed = {
        ...resource,
        verificationStatus: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' },
          ],
        },
      };
      const put = await api('doc', `/fhir/R4/Condition/${resource.id}`, { method: 'PUT', json: confirmed });
      expect(put.status).toBe(200);
    }

    upstream.reset();
    upstream.when(isChat, { content: 'Start amlodipine 20 mg once daily with valsartan.' });
    const response = await api('doc', '/api/care/patients/htn-1/proposal', {
      method: 'POST',
      json: { guideline: 'china-2018', language: 'en' },
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const result = (await response.json()) as {
      proposal: { decision: string; orders: unknown[]; source: string };
      drafts: { id: string; status: string; display: string; findings: unknown[] }[];
      explanation: {
        status: string;
        guard: { contradicted: number; claims: { verdict: string; text: string }[] };
      };
    };
    // Grade 2 with diabetes: start a combination (China 2018 §7.3).
    expect(result.proposal.decision).toBe('start-combination');
    expect(result.drafts.length).toBeGreaterThan(0);
    for (const d of result.drafts) expect(d.status).toBe('draft');
    expect(result.explanation.status).toBe('ok');
    expect(result.explanation.guard.contradicted).toBeGreaterThan(0);
    expect(
      result.explanation.guard.claims.some(
        (c) => c.verdict === 'contradicted' && /amlodipine 20 mg/i.test(c.text),
      ),
    ).toBe(true);
    draftIds = result.drafts.map((d) => d.id);
  });

  it('never shows drafts to the patient, and only a clinician signs', async () => {
    const own = (await (await api('p1', '/fhir/R4/MedicationRequest?patient=htn-1')).json()) as {
      total?: number;
      entry?: unknown[];
    };
    expect(own.entry ?? []).toHaveLength(0);
    expect((await api('p1', `/fhir/R4/MedicationRequest/${draftIds[0]}`)).status).toBe(404);
    expect((await api('p1', '/api/care/patients/htn-1/drafts')).status).toBe(403);
    expect(
      (await api('p1', `/api/care/prescriptions/${draftIds[0]}/sign`, { method: 'POST', json: {} })).status,
    ).toBe(403);
    expect(
      (await api('nurse', `/api/care/prescriptions/${draftIds[0]}/sign`, { method: 'POST', json: {} }))
        .status,
    ).toBe(403);
    const home = (await (await api('p1', '/api/care/me')).json()) as { medications: unknown[] };
    expect(home.medications).toHaveLength(0);

    const drafts = (await (await api('doc', '/api/care/patients/htn-1/drafts')).json()) as {
      drafts: { id: string; findings: { id: string; severity: string }[] }[];
    };
    for (const draft of drafts.drafts) {
      const acknowledge = draft.findings.filter((f) => f.severity === 'critical').map((f) => f.id);
      const signed = await api('doc', `/api/care/prescriptions/${draft.id}/sign`, {
        method: 'POST',
        json: { acknowledge },
      });
      expect(signed.status, await signed.clone().text()).toBe(200);
      expect((await signed.json()) as { status: string; signedBy: string }).toMatchObject({
        status: 'active',
        signedBy: 'doc',
      });
    }
    const mr = (await (await api('doc', `/fhir/R4/MedicationRequest/${draftIds[0]}`)).json()) as {
      status: string;
      intent: string;
      requester: { reference: string };
    };
    expect(mr).toMatchObject({
      status: 'active',
      intent: 'order',
      requester: { reference: 'Practitioner/user-' + mr.requester.reference.slice(18) },
    });
    const provenance = (await (
      await api('doc', `/fhir/R4/Provenance?target=MedicationRequest/${draftIds[0]}`)
    ).json()) as { total?: number; entry?: unknown[] };
    expect(provenance.entry ?? []).toHaveLength(1);
    const audit = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_entry where query = 'sign-prescription'`.execute(t.repository.db);
    expect(audit.rows[0]!.n).toBe(drafts.drafts.length);
    // Signing twice is refused.
    expect(
      (await api('doc', `/api/care/prescriptions/${draftIds[0]}/sign`, { method: 'POST', json: {} })).status,
    ).toBe(409);
  });

  it('creates the care plan and the patient sees target, goals, signed medication and progress', async () => {
    const put = await api('doc', '/api/care/patients/htn-1/care-plan', {
      method: 'PUT',
      json: { guideline: 'china-2018' },
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const plan = (await put.json()) as {
      target: { sbp: number; dbp: number; source: string; display?: { zh: string; en: string } };
      goals: { domain: string; source: string }[];
      followUp: { intervalDays: number; next: string };
      medications: unknown[];
      careTeam: { reference: string; display: string }[];
    };
    expect(plan.target).toMatchObject({ sbp: 130, dbp: 80 }); // China 2018 diabetes <130/80 (§7.3)
    // The console shows the target's rule in the screen's language (it fell back to the English `rule`).
    expect(plan.target.display).toEqual({
      zh: expect.stringMatching(/[\u4e00-\u9fff]/),
      en: expect.any(String),
    });
    expect(plan.goals.map((g) => g.domain)).toEqual(expect.arrayContaining(['salt', 'exercise']));
    for (const g of plan.goals) expect(g.source).toBeTruthy();
    expect(plan.medications.length).toBe(draftIds.length);
    expect(plan.careTeam).toEqual([
      { reference: expect.stringMatching(/^Practitioner\/user-/), display: 'doc' },
    ]);

    const fhirPlan = (await (await api('doc', '/fhir/R4/CarePlan?patient=htn-1')).json()) as {
      entry: { resource: { status: string; goal: unknown[] } }[];
    };
    expect(fhirPlan.entry[0]!.resource.status).toBe('active');

    await api('p1', '/api/care/patients/htn-1/medication-adherence', {
      method: 'POST',
      json: { date: '2026-03-10', taken: true },
    });
    const home = (await (await api('p1', '/api/care/me')).json()) as {
      carePlan: { target: { sbp: number } };
      medications: { display: string; signedBy: string }[];
      progress: { target: { sbp: number }; weeks: { sbp: number; atTarget: boolean }[] };
      monitoring: {
        reminders: { state: string; readingsTaken: number; readingsPlanned: number }[];
        adherence: { fraction: number; plannedReadings: number; takenReadings: number };
      };
      medicationAdherence: { days: { date: string; taken: boolean | null }[] };
    };
    expect(home.carePlan.target.sbp).toBe(130);
    expect(home.medications.length).toBe(draftIds.length);
    expect(home.medications[0]!.signedBy).toBe('doc');
    expect(home.progress.weeks.length).toBeGreaterThan(0);
    expect(home.progress.weeks.every((w) => w.atTarget === false)).toBe(true);
    expect(home.medicationAdherence.days.at(-1)).toEqual({ date: '2026-03-10', taken: true });
    expect(home.monitoring.reminders.length).toBeGreaterThan(0);
    // The adherence line counts readings like the cards: never 100 % while a card shows fewer than planned.
    const short = home.monitoring.reminders.some((r) => r.readingsTaken < r.readingsPlanned);
    if (short) expect(home.monitoring.adherence.fraction).toBeLessThan(1);
    expect(home.monitoring.adherence.plannedReadings).toBeGreaterThanOrEqual(
      home.monitoring.reminders.reduce((n, r) => n + r.readingsPlanned, 0),
    );

    const panel = (await (await api('doc', '/api/care/panel')).json()) as {
      entries: { patientId: string; controlled: boolean; reasons: { code: string }[] }[];
    };
    const entry = panel.entries.find((e) => e.patientId === 'htn-1')!;
    expect(entry.controlled).toBe(false);
    expect(entry.reasons.map((r) => r.code)).toContain('uncontrolled');
    expect((await api('p1', '/api/care/panel')).status).toBe(403);
    // The clinician who set the plan is on the patient's care team: their own panel lists the patient.
    const mine = (await (await api('doc', '/api/care/panel?mine=1')).json()) as {
      entries: { patientId: string }[];
    };
    expect(mine.entries.map((e) => e.patientId)).toContain('htn-1');
    const nurses = (await (await api('nurse', '/api/care/panel?mine=1')).json()) as { entries: unknown[] };
    expect(nurses.entries).toHaveLength(0);
  });

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
});
