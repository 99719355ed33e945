/**
 * Hypertension care API, mounted at /api/care (contract: API.md). Streaming answers use server-sent events;
 * an error before the stream starts is a normal JSON error, an error after it is an `error` event.
 */
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { QihuangError, isQihuangError, type RequestContext } from '@qihuang/contracts';
import { platformError, readBody } from '@qihuang/http-edge';
import { parseGuideline, patientLanguage } from '@qihuang/bp-monitoring';
import { clinicalContext, careSummary } from './clinical.ts';
import { careNarrative } from './narrative.ts';
import { listDrafts, proposeForPatient } from './prescriptions.ts';
import { cancelPrescription, signPrescription } from './sign.ts';
import {
  ALL_ANSWERED,
  completeConsultation,
  getConsultation,
  listConsultations,
  postConsultationMessage,
  startConsultation,
} from './consultation.ts';
import { copilotTurn } from './copilot.ts';
import { consultationViews } from './consultation-views.ts';
import { assertClinicalSide, type CareDeps } from './deps.ts';
import { getCarePlan, upsertCarePlan } from './management.ts';
import { patientHome, recordMedicationAdherence } from './patient-home.ts';
import { carePanel } from './panel.ts';
import { dispatchReminders } from './reminders.ts';
import { publicAnswer } from './citations.ts';
import { carePlanIn } from './source-names.ts';
import { drugTextIn } from './drug-text.ts';
import { prescriptionSlip } from './slip.ts';
import type { CarePlanView } from './api-types/index.ts';
import { patientTimeZone, timeZonesFor } from './time-zones.ts';
import { triage } from '@qihuang/engines/hypertension-care';
import { registerReportedRoutes, REPORTED_PATHS } from './patient-reported-routes.ts';
import { DRAFT_EDIT_PATHS, registerDraftEditRoute } from './draft-edit-routes.ts';

/** The engine triage of the text alone (pure): does it name an emergency? */
function emergencyIn(deps: CareDeps, text: string): boolean {
  return (
    triage({ text, readings: [], now: new Date(0).toISOString(), guideline: deps.guideline ?? 'china-2018' })
      .level === 'emergency'
  );
}

export interface CareRouteDeps extends CareDeps {
  context: (c: unknown) => RequestContext;
}

const Language = z.enum(['zh', 'en']).default('zh');
/** The language the patient reads now (no default: absent means the consultation's own). */
const ReadLanguage = z.enum(['zh', 'en']);

/** The JSON body (empty = `{}`) checked with the schema. */
const body = <S extends z.ZodType>(c: Context, schema: S) => readBody(c, schema, { empty: {} });

/** An error after a stream started: the `error` event's data, the platform error shape. */
const errorData = (error: unknown) => platformError(error).body.error;

/**
 * A copilot stream's error event: a model that did not answer is said in the request's language; its technical cause
 * ("no target answered: connect ECONNREFUSED …") goes to the request log only (issue 19).
 */
async function copilotError(c: Context, error: unknown, language: 'zh' | 'en') {
  const data = errorData(error);
  const { MODEL_FAILURE_CODES, modelFailedMessage } = await import('./model.ts');
  if (!isQihuangError(error) || !MODEL_FAILURE_CODES.has(error.code)) return data;
  const log = (c.var as { log?: { warn(o: object, m: string): void } }).log;
  log?.warn({ code: error.code, cause: error.message }, 'copilot: the model did not answer');
  return { ...data, message: modelFailedMessage(language) };
}

/** Every care answer passes citeSource: users see guideline names, never internal reference remarks. */
function json(c: Context, value: unknown, status?: 200 | 201) {
  return c.json(publicAnswer(value) as object, status ?? 200);
}

/** The reader's language for fixed server text: `?lang`, else Accept-Language, else Chinese (issue 20). */
function readLanguage(c: Context): 'zh' | 'en' {
  return patientLanguage(c.req.query('lang'), c.req.header('accept-language')) === 'en' ? 'en' : 'zh';
}

export function createCareRoutes(deps: CareRouteDeps): Hono {
  const app = new Hono();
  const ctxOf = (c: Context) => deps.context(c);
  /** The plan's sources and its current medications' names in the reader's language (issue 20). */
  const planIn = (plan: CarePlanView, lang: 'zh' | 'en'): CarePlanView => {
    const named = carePlanIn(plan, lang);
    return {
      ...named,
      medications: named.medications.map((m) => ({ ...m, display: drugTextIn(m.display, lang, deps.drugs) })),
    };
  };

  // ---- patient side
  app.get('/me', async (c) => {
    const ctx = ctxOf(c);
    if (ctx.principal.role !== 'patient' || !ctx.principal.patientId)
      throw new QihuangError(
        'not-found',
        'Only a patient user has a care home page; use /api/care/patients/{id}/home',
      );
    const lang = patientLanguage(c.req.query('lang'), c.req.header('accept-language'));
    return json(c, await patientHome(deps, ctx, ctx.principal.patientId, undefined, lang));
  });
  app.get('/patients/:id/home', async (c) => {
    const g = c.req.query('guideline');
    const lang = patientLanguage(c.req.query('lang'), c.req.header('accept-language'));
    return json(
      c,
      await patientHome(deps, ctxOf(c), c.req.param('id'), g ? parseGuideline(g) : undefined, lang),
    );
  });
  app.post('/patients/:id/medication-adherence', async (c) => {
    const b = await body(c, z.object({ date: z.string(), taken: z.boolean() }));
    return json(c, await recordMedicationAdherence(deps, ctxOf(c), c.req.param('id'), b.date, b.taken));
  });

  // ---- consultation
  app.post('/patients/:id/consultations', async (c) => {
    const b = await body(c, z.object({ language: Language }));
    return json(c, await startConsultation(deps, ctxOf(c), c.req.param('id'), b.language), 201);
  });
  app.get('/patients/:id/consultations', async (c) =>
    json(c, { consultations: await listConsultations(deps, ctxOf(c), c.req.param('id')) }),
  );
  // The clinician's view: every consultation (stopped ones too) with the patient's own words (issue 20).
  app.get('/patients/:id/consultation-views', async (c) => {
    const lang = ReadLanguage.catch('zh').parse(c.req.query('lang'));
    const alertId = c.req.query('alert');
    const views = await consultationViews(deps, ctxOf(c), c.req.param('id'), {
      lang,
      ...(alertId ? { alertId } : {}),
    });
    return json(c, { consultations: views });
  });
  // ?language=zh|en: the fixed server text in the language the patient reads now (one language per screen).
  app.get('/consultations/:cid', async (c) => {
    const language = ReadLanguage.safeParse(c.req.query('language'));
    return json(
      c,
      await getConsultation(deps, ctxOf(c), c.req.param('cid'), language.success ? language.data : undefined),
    );
  });
  app.post('/consultations/:cid/messages', async (c) => {
    const ctx = ctxOf(c);
    const b = await body(
      c,
      z.object({ text: z.string().min(1).max(4000), language: ReadLanguage.optional() }),
    );
    // Validate access and state before the stream opens (so those are plain HTTP errors).
    const current = await getConsultation(deps, ctx, c.req.param('cid'));
    if (current.status !== 'active')
      throw new QihuangError('conflict', `Consultation ${current.id} is ${current.status}; start a new one`);
    // After the last question no more answers are taken (409); a message naming an emergency still goes to the
    // engine triage, which stops the consultation and alerts the care team.
    if (!current.step && !emergencyIn(deps, b.text))
      throw new QihuangError('conflict', ALL_ANSWERED[b.language ?? current.language]);
    return streamSSE(c, async (stream) => {
      const queue: Promise<unknown>[] = [];
      try {
        await postConsultationMessage(
          deps,
          ctx,
          current.id,
          b.text,
          (e) =>
            void queue.push(stream.writeSSE({ event: e.event, data: JSON.stringify(publicAnswer(e.data)) })),
          c.req.raw.signal,
          b.language,
        );
      } catch (error) {
        queue.push(stream.writeSSE({ event: 'error', data: JSON.stringify(errorData(error)) }));
      }
      await Promise.all(queue);
    });
  });
  app.post('/consultations/:cid/complete', async (c) =>
    json(c, await completeConsultation(deps, ctxOf(c), c.req.param('cid'))),
  );

  app.get('/patients/:id/time-zone', async (c) =>
    json(c, await patientTimeZone(deps, ctxOf(c), c.req.param('id'))),
  );

  // ---- clinician side
  app.get('/time-zones', async (c) =>
    json(c, await timeZonesFor(deps, ctxOf(c), (c.req.query('patient') ?? '').split(','))),
  );
  app.get('/patients/:id/summary', async (c) =>
    json(
      c,
      await careSummary(
        deps,
        ctxOf(c),
        c.req.param('id'),
        parseGuideline(c.req.query('guideline') ?? deps.guideline),
        readLanguage(c),
      ),
    ),
  );
  app.post('/patients/:id/narrative', async (c) => {
    const b = await body(c, z.object({ guideline: z.string().optional(), language: Language }));
    return json(
      c,
      await careNarrative(
        deps,
        ctxOf(c),
        c.req.param('id'),
        parseGuideline(b.guideline ?? deps.guideline),
        b.language,
      ),
    );
  });
  app.post('/patients/:id/proposal', async (c) => {
    const b = await body(c, z.object({ guideline: z.string().optional(), language: Language }));
    return json(
      c,
      await proposeForPatient(
        deps,
        ctxOf(c),
        c.req.param('id'),
        parseGuideline(b.guideline ?? deps.guideline),
        b.language,
      ),
      201,
    );
  });
  app.get('/patients/:id/drafts', async (c) =>
    json(c, await listDrafts(deps, ctxOf(c), c.req.param('id'), readLanguage(c))),
  );
  app.post('/prescriptions/:mrid/sign', async (c) => {
    const b = await body(c, z.object({ acknowledge: z.array(z.string()).default([]) }));
    return json(
      c,
      await signPrescription(deps, ctxOf(c), c.req.param('mrid'), b.acknowledge, readLanguage(c)),
    );
  });
  // The printed prescription slip (处方笺) in the screen's language (issue 20 printing).
  app.get('/prescriptions/:mrid/slip', async (c) =>
    json(c, await prescriptionSlip(deps, ctxOf(c), c.req.param('mrid'), readLanguage(c))),
  );
  app.post('/prescriptions/:mrid/cancel', async (c) =>
    json(c, await cancelPrescription(deps, ctxOf(c), c.req.param('mrid'), readLanguage(c))),
  );
  app.get('/patients/:id/care-plan', async (c) => {
    const plan = await getCarePlan(deps, ctxOf(c), c.req.param('id'));
    if (!plan) throw new QihuangError('not-found', `Patient/${c.req.param('id')} has no care plan yet`);
    return json(c, planIn(plan, readLanguage(c)));
  });
  app.put('/patients/:id/care-plan', async (c) => {
    const b = await body(c, z.object({ guideline: z.string().optional() }));
    return json(
      c,
      planIn(
        await upsertCarePlan(
          deps,
          ctxOf(c),
          c.req.param('id'),
          parseGuideline(b.guideline ?? deps.guideline),
        ),
        readLanguage(c),
      ),
    );
  });
  app.get('/panel', async (c) =>
    json(c, await carePanel(deps, ctxOf(c), { mine: ['1', 'true'].includes(c.req.query('mine') ?? '') })),
  );
  app.post('/reminders/dispatch', async (c) => {
    const ctx = ctxOf(c);
    if (ctx.principal.role !== 'admin' && ctx.principal.kind !== 'system')
      throw new QihuangError('forbidden', 'This needs the role admin');
    if (!deps.webhook)
      throw new QihuangError(
        'unavailable',
        'No reminder webhook is configured (set QIHUANG_CARE_WEBHOOK_URL)',
      );
    return json(c, await dispatchReminders(deps, ctx));
  });

  // ---- copilot
  app.post('/patients/:id/copilot', async (c) => {
    const ctx = ctxOf(c);
    const b = await body(
      c,
      z.object({
        messages: z
          .array(z.object({ role: z.enum(['user', 'assistant']), content: z.string().max(8000) }))
          .min(1)
          .max(40),
        language: Language,
        guideline: z.string().optional(),
      }),
    );
    const guideline = parseGuideline(b.guideline ?? deps.guideline);
    assertClinicalSide(ctx);
    if (!deps.model.configured()) {
      const { notConfiguredMessage } = await import('./model.ts');
      throw new QihuangError('model-not-configured', notConfiguredMessage(b.language));
    }
    // The chart is read before the stream opens: an unknown patient is a plain 404.
    const chart = await clinicalContext(deps, ctx, c.req.param('id'), guideline);
    return streamSSE(c, async (stream) => {
      const queue: Promise<unknown>[] = [];
      try {
        await copilotTurn(
          deps,
          ctx,
          c.req.param('id'),
          { messages: b.messages, language: b.language, guideline },
          (e) =>
            void queue.push(stream.writeSSE({ event: e.event, data: JSON.stringify(publicAnswer(e.data)) })),
          c.req.raw.signal,
          chart,
        );
      } catch (error) {
        queue.push(stream.writeSSE({ event: 'error', data: JSON.stringify(await copilotError(c, error, b.language)) })); // prettier-ignore
      }
      await Promise.all(queue);
    });
  });
  registerReportedRoutes(app, deps, ctxOf);
  registerDraftEditRoute(app, deps, ctxOf);
  return app;
}

const CARE_PATHS: [string, string, string][] = [
  ['get', '/me', "The signed-in patient's care home (reminders, adherence, progress, signed medications)"],
  ['get', '/patients/{id}/home', "A patient's care home"],
  ['post', '/patients/{id}/medication-adherence', 'Record whether the medicines were taken on a day'],
  ['post', '/patients/{id}/consultations', 'Start a guided intake consultation'],
  ['get', '/patients/{id}/consultations', 'Recent consultations'],
  [
    'get',
    '/patients/{id}/consultation-views',
    "Clinician's view of recent consultations, stopped ones too, with the patient's words (?lang, ?alert)",
  ],
  ['get', '/consultations/{cid}', 'A consultation'],
  [
    'post',
    '/consultations/{cid}/messages',
    'Answer the current question (SSE: triage, delta, notice, done, error)',
  ],
  [
    'post',
    '/consultations/{cid}/complete',
    'Save the intake as QuestionnaireResponse + patient-reported drafts',
  ],
  ['get', '/patients/{id}/summary', 'Engine results with sources, alerts, latest intake'],
  ['post', '/patients/{id}/narrative', 'Model-written summary, cited and guard-checked'],
  [
    'post',
    '/patients/{id}/proposal',
    'Engine treatment proposal saved as MedicationRequest drafts, reviewed and explained',
  ],
  ['get', '/patients/{id}/drafts', 'Unsigned prescription drafts with review findings'],
  [
    'post',
    '/prescriptions/{mrid}/sign',
    'Clinician signs a draft (active; with pharmacy review, awaiting the pharmacist — decision 0017; Provenance, audit)',
  ],
  ['post', '/prescriptions/{mrid}/cancel', 'Withdraw a draft'],
  ['get', '/patients/{id}/care-plan', 'The care plan'],
  [
    'put',
    '/patients/{id}/care-plan',
    'Create or revise the care plan (target, lifestyle goals, monitoring, follow-up)',
  ],
  ['get', '/panel', "Clinician's panel ranked by need"],
  ['get', '/patients/{id}/time-zone', "One patient's time zone (the patient may read their own)"],
  ['get', '/time-zones', "The hospital's time zone and each listed patient's (?patient=id,id)"],
  ['post', '/reminders/dispatch', 'Send due measurement reminders to the webhook now (admin)'],
  ['post', '/patients/{id}/copilot', 'Clinician copilot with tools (SSE: tool, delta, done, error)'],
  ...REPORTED_PATHS,
  ...DRAFT_EDIT_PATHS,
];

export const CARE_OPENAPI: Record<string, Record<string, unknown>> = {};
for (const [method, path, summary] of CARE_PATHS) {
  CARE_OPENAPI[path] = {
    ...(CARE_OPENAPI[path] ?? {}),
    [method]: { summary, tags: ['care'], responses: { '200': { description: 'OK' } } },
  };
}
