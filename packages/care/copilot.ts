/**
 * The clinician copilot in the chart: the model answers questions about this patient with tools (function
 * calling through the gateway) that call the engines, the FHIR store, prescription review and knowledge
 * search. Every tool call is shown to the clinician and audited; the final answer is guard-checked and cited.
 */
import type { Resource } from '@medplum/fhirtypes';
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import type { Guideline } from '@qihuang/engines/blood-pressure';
import { buildReviewInput, reviewPrescriptions } from '@qihuang/engines/prescription-review';
import { checkAnswer } from '@qihuang/guard';
import type { Passage } from '@qihuang/knowledge';
import { clinicalContext, summaryFindings, type ClinicalContext } from './clinical.ts';
import { treatmentInput } from './treatment-input.ts';
import { isAwaitingReview } from '@qihuang/pharmacy-review';
import { assertClinicalSide, nowOf, type CareDeps } from './deps.ts';
import { reviewRecommendedDrugs } from './drug-safety.ts';
import { notConfiguredMessage, type ChatMessage, type ToolSpec } from './model.ts';
import { proposeTreatment } from '@qihuang/engines/hypertension-care';
import type { CopilotEvent } from './api-types/index.ts';

export type { CopilotEvent };

export const COPILOT_TOOLS: ToolSpec[] = [
  {
    type: 'function',
    function: {
      name: 'bp_assessment',
      description:
        "The hypertension engine's results for this patient: home BP mean, classification, out-of-office pattern, target, risk stratification, eGFR — each with its rule and source.",
      parameters: { type: 'object', properties: {}, additionalProperties: false },
    },
  },
  {
    type: 'function',
    function: {
      name: 'patient_record',
      description:
        "The patient's conditions, active medications, allergies and latest labs from the FHIR record.",
      parameters: { type: 'object', properties: {}, additionalProperties: false },
    },
  },
  {
    type: 'function',
    function: {
      name: 'review_prescription',
      description:
        'Run prescription review on a medication you are considering for this patient (interactions, dose, renal, contraindications, allergies). Returns findings with sources.',
      parameters: {
        type: 'object',
        properties: {
          medication: { type: 'string', description: 'e.g. "losartan 50 mg once daily"' },
        },
        required: ['medication'],
        additionalProperties: false,
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'treatment_proposal',
      description:
        "The guideline engine's treatment proposal for this patient (start/intensify, drugs, avoided classes).",
      parameters: { type: 'object', properties: {}, additionalProperties: false },
    },
  },
  {
    type: 'function',
    function: {
      name: 'knowledge_search',
      description:
        'Search guidelines, drug monographs and hospital documents. Returns passages to cite as [id].',
      parameters: {
        type: 'object',
        properties: { query: { type: 'string' } },
        required: ['query'],
        additionalProperties: false,
      },
    },
  },
];

const MAX_ROUNDS = 5;

function systemPrompt(language: 'zh' | 'en'): string {
  return language === 'zh'
    ? '你是岐黄临床助手，帮助医生处理当前患者的高血压诊疗问题。需要患者数据、计算、审方或指南时调用工具，不要凭记忆给出数字。回答简洁（Markdown），引用知识库段落写 [id]。你给出的是建议，医嘱由医生决定并签署。'
    : "You are the Qihuang clinical copilot helping the clinician with this patient's hypertension care. Call the tools for patient data, calculations, prescription review or guidelines; never give numbers from memory. Answer concisely (Markdown), cite knowledge passages as [id]. Your output is advice; orders are decided and signed by the clinician.";
}

async function runTool(
  deps: CareDeps,
  ctx: RequestContext,
  c: ClinicalContext,
  guideline: Guideline,
  name: string,
  args: Record<string, unknown>,
  passages: Map<string, Passage>,
): Promise<unknown> {
  switch (name) {
    case 'bp_assessment':
      return {
        patient: c.report.patient,
        guideline,
        findings: summaryFindings(c).map((f) => ({ [f.key]: f.value.en, rule: f.rule, source: f.source })),
        alerts: c.report.home.alerts.map((a) => ({ kind: a.kind, severity: a.severity, text: a.display.en })),
      };
    case 'patient_record':
      return {
        age: c.review.ageYears,
        sex: c.review.sex,
        conditions: c.review.conditions.map((x) => x.text ?? x.codes?.[0]?.display).filter(Boolean),
        medications: c.review.medications.map((m) => m.text),
        allergies: c.review.allergies.map((a) => a.text ?? a.codes?.[0]?.display).filter(Boolean),
        labs: Object.fromEntries(
          Object.entries(c.review.labs).map(([k, v]) => [k, v ? { value: v.value, at: v.at } : undefined]),
        ),
      };
    case 'review_prescription': {
      const medication = typeof args.medication === 'string' ? args.medication.trim() : '';
      if (!medication) throw new QihuangError('invalid-input', 'review_prescription needs "medication"');
      const draft = {
        resourceType: 'MedicationRequest',
        id: 'copilot-candidate',
        status: 'draft',
        intent: 'proposal',
        medicationCodeableConcept: { text: medication },
        subject: { reference: `Patient/${c.report.patient.id}` },
        dosageInstruction: [{ text: medication }],
      };
      const input = buildReviewInput(c.chart.resources as unknown as Resource[], {
        now: nowOf(deps),
        draftOrders: [draft as unknown as Resource],
      });
      const review = reviewPrescriptions(input, deps.drugs);
      return {
        medication,
        recognised: deps.drugs.match(medication)?.drug.names.en ?? null,
        findings: review.findings.map((f) => ({
          severity: f.severity,
          summary: f.summary.en,
          detail: f.detail.en,
          source: f.source.citation,
        })),
      };
    }
    case 'treatment_proposal': {
      // Orders signed and awaiting the pharmacist are already ordered, as on the care tab (issue 20/19).
      const patientId = c.chart.patient?.id;
      const drafts = patientId
        ? await deps.repository.searchAll(ctx, 'MedicationRequest', [
            ['patient', String(patientId)],
            ['status', 'draft'],
          ])
        : [];
      const input = treatmentInput(deps, c, guideline, drafts.filter(isAwaitingReview));
      if (!input) return { error: 'no blood-pressure readings to base a proposal on' };
      const p = proposeTreatment(input);
      return {
        decision: p.decision,
        notes: p.notes.map((n) => n.en),
        target: p.target,
        orders: p.orders.map((o) => ({ order: o.display.en, rationale: o.rationale.en, source: o.source })),
        avoided: p.avoided.map((a) => ({ class: a.cls, reason: a.reason.en, source: a.source })),
        followUpDays: p.followUpDays,
        followUp: p.followUpText.en,
      };
    }
    case 'knowledge_search': {
      const query = typeof args.query === 'string' ? args.query.trim() : '';
      if (!query) throw new QihuangError('invalid-input', 'knowledge_search needs "query"');
      if (!deps.knowledge) return { passages: [], note: 'no knowledge base' };
      const result = await deps.knowledge.search({ query, limit: 4, principal: ctx.principal });
      for (const p of result.passages) passages.set(p.id, p);
      return {
        passages: result.passages.map((p) => ({
          id: p.id,
          title: p.title,
          section: p.section,
          text: p.text,
        })),
      };
    }
    default:
      throw new QihuangError('invalid-input', `Unknown tool "${name}"`);
  }
}

export async function copilotTurn(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  input: {
    messages: { role: 'user' | 'assistant'; content: string }[];
    language: 'zh' | 'en';
    guideline: Guideline;
  },
  emit: (event: CopilotEvent) => void,
  signal?: AbortSignal,
  preloaded?: ClinicalContext,
): Promise<void> {
  assertClinicalSide(ctx);
  if (!deps.model.configured())
    throw new QihuangError('model-not-configured', notConfiguredMessage(input.language));
  if (input.messages.length === 0 || input.messages.at(-1)?.role !== 'user')
    throw new QihuangError('invalid-input', 'messages must end with a user message');
  // The patient's chart is read once per turn (one query, one audit entry), before the model is asked
  // anything, so an unknown patient or a refused read ends the turn at once.
  const loaded = preloaded ?? (await clinicalContext(deps, ctx, patientId, input.guideline));
  const passages = new Map<string, Passage>();
  const messages: ChatMessage[] = [
    { role: 'system', content: systemPrompt(input.language) },
    ...input.messages.map((m) => ({ role: m.role, content: m.content })),
  ];
  let toolCalls = 0;
  let answer = '';
  const audits: Promise<void>[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const turn = await deps.model.chat(
      {
        messages,
        tools: COPILOT_TOOLS,
        audience: 'clinician',
        principal: ctx.principal,
        patientId,
        ...(loaded.report.patient.name ? { known: { names: [loaded.report.patient.name] } } : {}),
        ...(signal ? { signal } : {}),
      },
      (text) => emit({ event: 'delta', data: { text } }),
    );
    if (turn.toolCalls.length === 0) {
      answer = turn.content;
      break;
    }
    messages.push({ role: 'assistant', content: turn.content || null, tool_calls: turn.toolCalls });
    for (const call of turn.toolCalls) {
      toolCalls++;
      let args: Record<string, unknown> = {};
      let result: unknown;
      try {
        args = call.function.arguments
          ? (JSON.parse(call.function.arguments) as Record<string, unknown>)
          : {};
        result = await runTool(deps, ctx, loaded, input.guideline, call.function.name, args, passages);
      } catch (error) {
        result = { error: (error as Error).message };
      }
      // Recorded alongside the next model call; the turn ends only once every record is durable.
      audits.push(
        deps.audit(ctx, {
          action: 'operation',
          outcome: (result as { error?: unknown }).error ? 'failure' : 'success',
          resourceType: 'Patient',
          resourceId: patientId,
          query: `copilot-tool:${call.function.name}`,
          patientIds: [patientId],
          detail: { tool: call.function.name, arguments: args },
        }),
      );
      emit({ event: 'tool', data: { id: call.id, name: call.function.name, arguments: args, result } });
      messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(result) });
    }
    if (round === MAX_ROUNDS - 1) answer = turn.content;
  }
  await Promise.all(audits);
  const given = [...passages.values()];
  const c = loaded;
  const guarded = await checkAnswer(
    {
      answer,
      passages: given.map((p) => ({ id: p.id, title: p.title, text: p.text })),
      patient: {
        ...(c.report.patient.age !== undefined ? { age: c.report.patient.age } : {}),
        ...(c.report.renal ? { egfr: c.report.renal.egfr } : {}),
        conditions: c.review.conditions.map((x) => x.text ?? x.codes?.[0]?.display ?? '').filter(Boolean),
      },
      guideline: input.guideline,
    },
    { drugs: deps.drugs, policy: 'annotate' },
  );
  const unsafe = reviewRecommendedDrugs(answer, c.chart.resources, deps.drugs, nowOf(deps));
  const claims = [...guarded.claims, ...unsafe];
  const contradicted = guarded.summary.contradicted + unsafe.length;
  emit({
    event: 'done',
    data: {
      answer,
      citations: given.map((p) => ({ id: p.id, title: p.title, section: p.section, text: p.text })),
      guard: { claims, contradicted, summary: { ...guarded.summary, total: claims.length, contradicted } },
      toolCalls,
    },
  });
}
