/**
 * The patient consultation: a guided intake whose questions are fixed (intake.ts), phrased conversationally
 * by the clinical-copilot model when one is configured. Every patient message is triaged by the engine
 * first; an emergency stops the conversation at once with a fixed instruction — the model is not asked.
 */
import { randomUUID } from 'node:crypto';
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import { loadPatientContext } from '@qihuang/bp-monitoring';
import { raiseTriage, triage, type TriageResult } from '@qihuang/engines/hypertension-care';
import { checkAnswer } from '@qihuang/guard';
import { processTransaction, type FhirResource } from '@qihuang/store';
import { assertPatientAccess, nowOf, withIntakeScopes, type CareDeps } from './deps.ts';
import { INTAKE_STEPS, QUESTIONS, answersInOrder, intakeResources, readingsIn } from './intake.ts';
import { NOT_CONFIGURED_MESSAGE, type ChatMessage } from './model.ts';
import { askSecondOpinion, RAISED_BY, raisedNotice, type TriageSecondOpinion } from './second-opinion.ts';
import type { Selectable } from 'kysely';
import { careDb, type CareConsultationTable } from './tables.ts';
import { alertEmergency, alertUrgent } from './consultation-alerts.ts';
import type { StoredTriage } from './emergency-flag.ts';
import { latestReadings } from './latest-reading.ts';
import { careSettings } from './settings.ts';
import { chartRecords, inChartOf } from './patient-reported-chart.ts';
import { patientSourceIn } from './source-names.ts';
import {
  ALL_ANSWERED,
  FINISHED,
  GREETING,
  NOT_ALERTED,
  fixedMessage,
  inLanguage,
  type Language,
} from './consultation-text.ts';
import { localDay, tiaEpisodeOf } from './tia-episode.ts';
import { urgentReplies } from './triage-reply.ts';
import type { ConsultationMessage, Consultation, ConsultationEvent } from './api-types/index.ts';

export type { ConsultationMessage, Consultation, ConsultationEvent };

type Row = Selectable<CareConsultationTable>;
const answersOf = (row: Row) => answersInOrder(row.answers as Partial<Record<string, string>>);
const messagesOf = (row: Row) => row.messages as unknown as ConsultationMessage[];

export { ALL_ANSWERED };

/** The consultation as the reader sees it: fixed server text in `language` (default: the consultation's). */
function view(row: Row, modelConfigured: boolean, language: Language = row.language): Consultation {
  const index = row.step_index;
  const step =
    row.status === 'active' && index < INTAKE_STEPS.length
      ? {
          id: INTAKE_STEPS[index]!,
          index,
          total: INTAKE_STEPS.length,
          question: QUESTIONS[INTAKE_STEPS[index]!],
        }
      : undefined;
  return {
    id: row.id,
    patientId: row.patient_id,
    status: row.status,
    language,
    ...(step ? { step } : {}),
    messages: inLanguage(messagesOf(row), language),
    ...(row.triage ? triageView(row.triage, language) : {}),
    answers: answersOf(row),
    ...(row.saved ? { saved: row.saved as unknown as Consultation['saved'] } : {}),
    modelConfigured,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The stored triage carries the second opinion that came with it (no column of its own). */
function triageView(stored: unknown, language: Language): Pick<Consultation, 'triage' | 'secondOpinion'> {
  const {
    secondOpinion,
    alertId: _alertId,
    tiaEpisode: _episode,
    ...result
  } = stored as StoredTriage & { secondOpinion?: TriageSecondOpinion };
  return {
    triage: patientTriage(result as TriageResult, language),
    ...(secondOpinion ? { secondOpinion } : {}),
  };
}

/** The triage as the patient reads it: its source named in the consultation's language (issue 20). */
function patientTriage(result: TriageResult, language: Language): TriageResult {
  return result.source ? { ...result, source: patientSourceIn(result.source, language) } : result;
}

async function load(deps: CareDeps, ctx: RequestContext, id: string): Promise<Row> {
  const row = await careDb(deps.db)
    .selectFrom('care_consultation')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new QihuangError('not-found', `Consultation ${id} is not known`);
  try {
    assertPatientAccess(ctx, row.patient_id);
  } catch (error) {
    if (ctx.principal.role === 'patient')
      throw new QihuangError('not-found', `Consultation ${id} is not known`);
    throw error;
  }
  return row;
}

async function save(deps: CareDeps, row: Row, now: Date): Promise<Row> {
  const next = { ...row, updated_at: now };
  await careDb(deps.db)
    .updateTable('care_consultation')
    .set({
      status: next.status,
      language: next.language,
      step_index: next.step_index,
      answers: JSON.stringify(next.answers),
      messages: JSON.stringify(next.messages),
      triage: next.triage === null ? null : JSON.stringify(next.triage),
      saved: next.saved === null ? null : JSON.stringify(next.saved),
      updated_at: now,
    })
    .where('id', '=', row.id)
    .execute();
  return next;
}

export async function startConsultation(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  language: 'zh' | 'en',
): Promise<Consultation> {
  assertPatientAccess(ctx, patientId);
  await deps.repository.read(ctx, 'Patient', patientId);
  const now = nowOf(deps);
  const row: Row = {
    id: `consult-${randomUUID()}`,
    patient_id: patientId,
    status: 'active',
    language,
    step_index: 0,
    answers: {},
    messages: [
      fixedMessage(GREETING, language, { role: 'assistant', at: now.toISOString(), kind: 'notice' }),
      fixedMessage(QUESTIONS.symptoms, language, {
        role: 'assistant',
        at: now.toISOString(),
        kind: 'question',
      }),
    ],
    triage: null,
    saved: null,
    created_by: ctx.principal.id,
    created_at: now,
    updated_at: now,
  };
  await careDb(deps.db)
    .insertInto('care_consultation')
    .values({
      id: row.id,
      patient_id: row.patient_id,
      status: row.status,
      language: row.language,
      step_index: row.step_index,
      created_by: row.created_by,
      created_at: now,
      updated_at: now,
      answers: JSON.stringify(row.answers),
      messages: JSON.stringify(row.messages),
      triage: null,
      saved: null,
    })
    .execute();
  return view(row, deps.model.configured());
}

export async function getConsultation(
  deps: CareDeps,
  ctx: RequestContext,
  id: string,
  language?: Language,
): Promise<Consultation> {
  const row = await load(deps, ctx, id);
  // A transcript is patient data: each read is audited with the patient, like a FHIR read.
  await deps.audit(ctx, {
    action: 'read',
    outcome: 'success',
    resourceType: 'Consultation',
    resourceId: row.id,
    patientIds: [row.patient_id],
  });
  return view(row, deps.model.configured(), language);
}

export async function listConsultations(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
): Promise<Consultation[]> {
  assertPatientAccess(ctx, patientId);
  const rows = await careDb(deps.db)
    .selectFrom('care_consultation')
    .selectAll()
    .where('patient_id', '=', patientId)
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
  await deps.audit(ctx, {
    action: 'search',
    outcome: 'success',
    resourceType: 'Consultation',
    query: `patient=${encodeURIComponent(patientId)}`,
    patientIds: [patientId],
    detail: { count: rows.length },
  });
  return rows.map((r) => view(r, deps.model.configured()));
}

function systemPrompt(language: 'zh' | 'en'): string {
  return language === 'zh'
    ? '你是医院高血压门诊的问诊助手，正在对患者进行结构化问诊。规则：只用中文；先用一句话简短回应患者刚才的回答（不作诊断、不给药物或剂量建议、不给出任何血压阈值数字），然后原样提出下一个问题。不要编造信息。'
    : "You are the intake assistant of a hospital hypertension clinic, taking a structured history. Rules: answer in English; acknowledge the patient's last answer in one short sentence (no diagnosis, no drug or dose advice, no blood-pressure threshold numbers), then ask the next question exactly as given. Never invent information.";
}

/**
 * Handles one patient message: engine triage first, then the answer is recorded and the next question asked
 * (phrased by the model when configured). Events are emitted as they happen (for SSE).
 */
export async function postConsultationMessage(
  deps: CareDeps,
  ctx: RequestContext,
  id: string,
  text: string,
  emit: (event: ConsultationEvent) => void,
  signal?: AbortSignal,
  /** The language the patient reads now (they may have switched mid-consultation); the rest follows it. */
  switchTo?: Language,
): Promise<Consultation> {
  const trimmed = text.trim();
  if (!trimmed) throw new QihuangError('invalid-input', 'text must not be empty');
  if (trimmed.length > 4000) throw new QihuangError('invalid-input', 'text is limited to 4,000 characters');
  let row = await load(deps, ctx, id);
  if (row.status !== 'active')
    throw new QihuangError('conflict', `Consultation ${id} is ${row.status}; start a new one`);
  const now = nowOf(deps);
  const at = now.toISOString();
  if (switchTo && switchTo !== row.language) row = { ...row, language: switchTo };
  const language = row.language;
  // The urgent alert this consultation raised so far (an emergency now takes its place).
  const stored = row.triage as StoredTriage | null;
  const earlierUrgent = stored?.level === 'urgent' ? stored.alertId : undefined;
  const messages = [...messagesOf(row)];
  messages.push({ role: 'patient', text: trimmed, at, kind: 'reply' });
  // After the last question the intake takes no more answers (never stored under an undefined step); the
  // message is still triaged, so an emergency typed afterwards is acted on.
  const completed = row.step_index >= INTAKE_STEPS.length;
  const stepId = completed ? undefined : INTAKE_STEPS[row.step_index]!;

  // 1. Engine triage (never the model): red-flag symptoms and crisis-level readings, stored or just typed.
  const context = await loadPatientContext(deps.repository, ctx, row.patient_id, {
    now: at,
    from: new Date(now.getTime() - 24 * 3_600_000).toISOString(),
  });
  const typed = readingsIn(trimmed).map((r, i) => ({ ...r, time: at, id: `typed-${i}` }));
  const symptomText = [answersOf(row).symptoms ?? '', trimmed].join('。');
  let result = triage({
    text: symptomText,
    // The latest stored reading decides (a crisis reading followed by a later one is not told; issue 20).
    readings: [...latestReadings([...context.home, ...context.office]), ...typed],
    now: at,
    guideline: deps.guideline ?? 'china-2018',
  });
  // 1b. The model's second opinion (only when a model is configured, never for an engine emergency, which
  // stands as it is): it can only raise the level; an error or a timeout leaves the engine's level.
  let second: TriageSecondOpinion | undefined;
  if (result.level !== 'emergency' && deps.secondOpinion !== false && deps.model.configured()) {
    second = await askSecondOpinion(deps.model, {
      text: symptomText,
      engineLevel: result.level,
      principal: ctx.principal,
      patientId: row.patient_id,
      ...(context.name ? { known: { names: [context.name] } } : {}),
      ...(deps.secondOpinion?.timeoutMs ? { timeoutMs: deps.secondOpinion.timeoutMs } : {}),
      ...(signal ? { signal } : {}),
    });
    emit({ event: 'second-opinion', data: second });
    if (second.raised) {
      result = raiseTriage(result, second.level, RAISED_BY);
      messages.push(
        fixedMessage({ zh: raisedNotice(second, 'zh'), en: raisedNotice(second, 'en') }, language, {
          role: 'system',
          at,
          kind: 'notice',
        }),
      );
      await deps.audit(ctx, {
        action: 'operation',
        query: 'care-triage-second-opinion',
        outcome: 'success',
        patientIds: [row.patient_id],
        detail: { consultation: row.id, engineLevel: second.engineLevel, level: second.level },
      });
    }
  }
  // A passing stroke-like episode is read once, on the patient's calendar (its day stays what they said).
  const patient =
    result.level === 'urgent'
      ? await deps.repository.read(ctx, 'Patient', row.patient_id).catch(() => undefined)
      : undefined;
  const { timeZone } = careSettings(deps, patient);
  const tiaEpisode =
    result.inputs.suspectedTia === true
      ? (stored?.tiaEpisode ?? tiaEpisodeOf(symptomText, at, timeZone))
      : undefined;
  if (result.level !== 'none') {
    emit({ event: 'triage', data: patientTriage(result, language) });
    row = {
      ...row,
      triage: {
        ...result,
        ...(second ? { secondOpinion: second } : {}),
        ...(tiaEpisode ? { tiaEpisode } : {}),
      },
    };
  }
  if (result.stop) {
    messages.push(fixedMessage(result.instruction, language, { role: 'system', at, kind: 'emergency' }));
    row = {
      ...row,
      status: 'stopped',
      answers: stepId ? { ...answersOf(row), [stepId]: trimmed } : answersOf(row),
      messages: messages as unknown[],
    };
    row = await save(deps, row, now);
    // The patient already has the instruction (triage event).
    const consultation = { id: row.id, patientId: row.patient_id };
    const alertId = await alertEmergency(deps, ctx, consultation, result, at, earlierUrgent);
    const alerted = alertId !== undefined;
    // The alert that stands for this emergency (new, or the open one of the same event it joined).
    if (alertId)
      row = await save(deps, { ...row, triage: { ...(row.triage as object), alertId } }, now).catch(
        () => row,
      );
    if (!alerted) {
      messages.push(fixedMessage(NOT_ALERTED, language, { role: 'system', at, kind: 'emergency' }));
      row = await save(deps, { ...row, messages: messages as unknown[] }, now).catch(() => ({
        ...row,
        messages: messages as unknown[],
      }));
    }
    const done = { ...view(row, deps.model.configured()), careTeamAlerted: alerted };
    emit({ event: 'done', data: done });
    return done;
  }
  // An urgent result reaches the care team's inbox now (decision 0022); the patient keeps the instruction.
  if (result.level === 'urgent') {
    const alertId = await alertUrgent(deps, ctx, { id: row.id, patientId: row.patient_id }, result, at);
    if (alertId) row = { ...row, triage: { ...(row.triage as object), alertId } };
  }
  // An urgent result is answered at once, a suspected TIA first (triage-reply.ts); each notice is told once per
  // consultation, not after every answer; a stored reading is named with its date and time in the patient's zone.
  for (const { code, text } of urgentReplies(result, tiaEpisode, { timeZone, today: localDay(at, timeZone) }))
    if (!messages.some((m) => m.code === code))
      messages.push(fixedMessage(text, language, { role: 'system', at, kind: 'notice', code }));

  if (!stepId) throw new QihuangError('conflict', ALL_ANSWERED[language]);
  // 2. Record the answer and move on.
  const answers = { ...answersOf(row), [stepId]: trimmed };
  const nextIndex = row.step_index + 1;
  const nextTexts = nextIndex < INTAKE_STEPS.length ? QUESTIONS[INTAKE_STEPS[nextIndex]!] : FINISHED;
  const nextQuestion = nextTexts[language];

  // 3. The model phrases the turn around the fixed question (guard-checked; falls back to the fixed text).
  let reply = nextQuestion;
  if (!deps.model.configured()) {
    emit({ event: 'notice', data: { code: 'model-not-configured', message: NOT_CONFIGURED_MESSAGE } });
    emit({ event: 'delta', data: { text: nextQuestion } });
  } else {
    const history: ChatMessage[] = [{ role: 'system', content: systemPrompt(language) }];
    for (const m of messages) {
      if (m.role === 'patient') history.push({ role: 'user', content: m.text });
      else if (m.role === 'assistant') history.push({ role: 'assistant', content: m.text });
    }
    history.push({
      role: 'system',
      content:
        language === 'zh'
          ? `下一个问题（请原样提出）：${nextQuestion}`
          : `Next question (ask it as given): ${nextQuestion}`,
    });
    try {
      const turn = await deps.model.chat(
        {
          messages: history,
          audience: 'patient',
          principal: ctx.principal,
          patientId: row.patient_id,
          ...(context.name ? { known: { names: [context.name] } } : {}),
          ...(signal ? { signal } : {}),
        },
        (delta) => emit({ event: 'delta', data: { text: delta } }),
      );
      const guarded = await checkAnswer(
        { answer: turn.content, guideline: deps.guideline ?? 'china-2018' },
        { drugs: deps.drugs, policy: 'annotate' },
      );
      if (!turn.content.trim() || guarded.summary.contradicted > 0) {
        // A patient never reads a contradicted number: the fixed question replaces the model's turn.
        emit({
          event: 'notice',
          data: {
            code: guarded.summary.contradicted > 0 ? 'guard-replaced' : 'model-empty',
            message:
              guarded.summary.contradicted > 0
                ? 'The model reply contained a statement the guard contradicted; the standard question is shown instead.'
                : 'The model returned nothing; the standard question is shown instead.',
          },
        });
        reply = nextQuestion;
      } else {
        reply = turn.content.includes(nextQuestion)
          ? turn.content
          : `${turn.content.trim()}\n\n${nextQuestion}`;
      }
    } catch (error) {
      emit({
        event: 'notice',
        data: {
          code: (error as QihuangError).code ?? 'model-error',
          message: `${(error as Error).message} — the standard question is shown instead.`,
        },
      });
      reply = nextQuestion;
    }
  }
  const turnAt = nowOf(deps).toISOString();
  messages.push(
    reply === nextQuestion
      ? fixedMessage(nextTexts, language, { role: 'assistant', at: turnAt, kind: 'question' })
      : { role: 'assistant', text: reply, at: turnAt, kind: 'question' },
  );
  row = { ...row, answers, messages: messages as unknown[], step_index: nextIndex };
  row = await save(deps, row, nowOf(deps));
  const done = view(row, deps.model.configured());
  emit({ event: 'done', data: done });
  return done;
}

/** Saves the intake: QuestionnaireResponse + patient-reported drafts, in one transaction. */
export async function completeConsultation(
  deps: CareDeps,
  ctx: RequestContext,
  id: string,
): Promise<Consultation> {
  let row = await load(deps, ctx, id);
  if (row.status === 'completed') return view(row, deps.model.configured());
  if (Object.keys(row.answers).length === 0)
    throw new QihuangError('invalid-input', 'Nothing to save: answer at least one question first');
  const now = nowOf(deps);
  const { questionnaireResponse, drafts } = intakeResources({
    patientId: row.patient_id,
    consultationId: row.id,
    answers: answersOf(row),
    language: row.language,
    now: now.toISOString(),
    drugs: deps.drugs,
  });
  // What the chart already holds confirmed (same concept, substance or drug) is not written again (issue 20).
  const chart = await chartRecords(deps, ctx, row.patient_id);
  const inChart: string[] = [];
  const written = drafts.filter((draft) => {
    const held = inChartOf(draft, chart, deps.drugs);
    if (held) inChart.push(`${held.resourceType}/${String(held.id)}`);
    return !held;
  });
  const resources: FhirResource[] = [questionnaireResponse, ...written];
  await processTransaction(deps.repository, withIntakeScopes(ctx), {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: resources.map((resource) => ({
      resource,
      request: { method: 'PUT', url: `${resource.resourceType}/${String(resource.id)}` },
    })),
  });
  const saved = {
    questionnaireResponse: `QuestionnaireResponse/${String(questionnaireResponse.id)}`,
    drafts: written.map((d) => `${d.resourceType}/${String(d.id)}`),
    ...(inChart.length ? { inChart: [...new Set(inChart)] } : {}),
  };
  row = {
    ...row,
    status: row.status === 'stopped' ? 'stopped' : 'completed',
    saved,
  };
  row = await save(deps, row, now);
  return view(row, deps.model.configured());
}
