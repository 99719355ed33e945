/**
 * Blood-pressure monitoring API (mounted at /api/bp): upload readings, assessment per guideline over a
 * window, 10-year risk stored as RiskAssessment, and the alerts inbox (FHIR Flags) with acknowledge.
 */
import { Hono } from 'hono';
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import type { IngestFormat } from '@qihuang/engines/blood-pressure';
import type { FhirRepository } from '@qihuang/store';
import { createAlertEvaluator, type AlertEvaluator } from './alert-evaluator.ts';
import type { AlertHub } from './alert-notifier.ts';
import { ALERT_OPENAPI, createAlertRoutes } from './alert-routes.ts';
import { assessPatient, parseGuideline } from './assess-patient.ts';
import { DEFAULT_TIME_ZONE } from './local-time.ts';
import { ALERT_GUIDELINE, CRISIS_LOOKBACK_HOURS } from './raise-alerts.ts';
import { crisisAdvice, patientLanguage, type PatientLanguage } from './reading-advice.ts';
import { recentReadings } from './recent-readings.ts';
import { storeRiskAssessment } from './risk-assessment.ts';
import type { ReadingProjector } from './projector.ts';
import { INLINE_PROJECTION_LIMIT, uploadReadings } from './upload-readings.ts';
import type { AdviceReading, UploadAnswer } from './api-types/index.ts';
import { createWithdrawRoutes, WITHDRAW_OPENAPI } from './withdraw-routes.ts';

export interface BpRouteDeps {
  repository: FhirRepository;
  context: (c: unknown) => RequestContext;
  clock?: () => Date;
  /**
   * The server's background projector of readings into FHIR Observations. With it, an upload of more than
   * `inlineProjectionLimit` readings answers once they are stored and leaves the FHIR projection to it;
   * without it, every upload is projected before the answer.
   */
  projector?: ReadingProjector;
  inlineProjectionLimit?: number;
  /** Alert evaluation with retry (alert-evaluator.ts); default: one made for these routes. */
  evaluator?: AlertEvaluator;
  /** Live alert events for the console (alert-notifier.ts). */
  hub?: AlertHub;
  /**
   * The hospital's IANA time zone (QIHUANG_TIME_ZONE): the assessment's morning/evening and days are local to it
   * (default Asia/Shanghai), never the UTC hour (issue 17 item 4).
   */
  timeZone?: string;
  /** Minutes within which a critical alert should be closed (escalation time; default 15). */
  escalateAfterMinutes?: number;
}

const FORMATS = new Set(['fhir', 'ndjson', 'omh', 'csv']);

function formatOf(query: string | undefined, contentType: string | undefined): IngestFormat | undefined {
  if (query) {
    if (!FORMATS.has(query))
      throw new QihuangError(
        'invalid-input',
        `format must be one of fhir, ndjson, omh, csv (got "${query}")`,
      );
    return query as IngestFormat;
  }
  if (contentType?.includes('text/csv')) return 'csv';
  if (contentType?.includes('ndjson')) return 'ndjson';
  return undefined;
}

function day(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new QihuangError('invalid-input', `${name} must be a date (YYYY-MM-DD), got "${value}"`);
  }
  return value;
}

/** The patient's stored readings of the crisis look-back (none when the caller may not read them). */
async function lookbackReadings(
  repository: BpRouteDeps['repository'],
  ctx: RequestContext,
  patientId: string,
  at: string,
  language: PatientLanguage,
): Promise<AdviceReading[]> {
  const listed = await recentReadings(
    repository,
    ctx,
    patientId,
    at,
    Math.ceil(CRISIS_LOOKBACK_HOURS / 24),
    language,
  );
  return listed.readings.map((r) => ({ id: r.id, time: r.time, sbp: r.sbp, dbp: r.dbp }));
}

/** Stored readings and this upload's, once each (a re-sent reading is both). */
function mergeReadings(stored: readonly AdviceReading[], sent: readonly AdviceReading[]): AdviceReading[] {
  const key = (r: AdviceReading) => `${Date.parse(r.time)}|${r.sbp}|${r.dbp}`;
  const seen = new Set(sent.map(key));
  return [...sent, ...stored.filter((r) => !seen.has(key(r)))];
}

export function createBpRoutes(deps: BpRouteDeps): Hono {
  const app = new Hono();
  const now = () => (deps.clock ?? (() => new Date()))().toISOString();
  const evaluator =
    deps.evaluator ?? createAlertEvaluator(deps.repository, deps.timeZone ? { timeZone: deps.timeZone } : {});

  app.post('/patients/:id/readings', async (c) => {
    const release = deps.projector?.hold();
    try {
      const text = await c.req.text();
      const limit = deps.inlineProjectionLimit ?? INLINE_PROJECTION_LIMIT;
      const ctx = deps.context(c);
      const at = now();
      const patientId = c.req.param('id');
      // Alerts are raised as soon as the readings are stored (before their FHIR projection: the assessment
      // counts pending readings), as the system (the uploader may not write Flags), not when someone looks.
      // Unchanged re-sends are evaluated too: a retry after a failed evaluation raises what it missed. If the
      // evaluation fails, the readings stay stored: the answer says `pending` and the evaluator retries.
      let alertEvaluation: 'done' | 'pending' = 'done';
      const result = await uploadReadings(deps.repository, ctx, patientId, text, {
        now: at,
        format: formatOf(c.req.query('format'), c.req.header('content-type')),
        projection: deps.projector ? { background: limit } : 'inline',
        timeZone: deps.timeZone ?? DEFAULT_TIME_ZONE,
        afterStore: async () => {
          alertEvaluation = await evaluator.evaluate([patientId], ctx);
        },
      });
      if (result.projection.pending > 0) deps.projector?.kick();
      const { crisis, patientTimeZone, ...answer } = result;
      const language = patientLanguage(c.req.query('lang'), c.req.header('accept-language'));
      // One rule with the alert (decision 0009): urgent advice only for a reading the crisis alert looks back to.
      // A recheck is judged with the readings before it (decision 0031): the look-back's stored readings join this
      // upload's, so the answer to a recheck never says "measure again" once more.
      const earlier = crisis.length
        ? await lookbackReadings(deps.repository, ctx, patientId, at, language).catch(() => [])
        : [];
      const advice = crisisAdvice(mergeReadings(earlier, crisis), ALERT_GUIDELINE, language, {
        now: at,
        timeZone: patientTimeZone ?? deps.timeZone ?? DEFAULT_TIME_ZONE,
        lookbackHours: CRISIS_LOOKBACK_HOURS,
      });
      return c.json(
        { ...answer, alertEvaluation, ...(advice ? { advice } : {}) } satisfies UploadAnswer,
        result.stored > 0 ? 201 : 200,
      );
    } finally {
      release?.();
    }
  });

  app.get('/patients/:id/assessment', async (c) => {
    // Reads only: alert Flags are stored when readings arrive (raise-alerts.ts), never here. The report lists
    // what the engine finds over the window (not de-duplicated against stored Flags).
    const report = await assessPatient(deps.repository, deps.context(c), c.req.param('id'), {
      guideline: parseGuideline(c.req.query('guideline')),
      now: now(),
      from: day(c.req.query('from'), 'from'),
      to: day(c.req.query('to'), 'to'),
      timeZone: deps.timeZone ?? DEFAULT_TIME_ZONE,
    });
    return c.json(report);
  });

  app.post('/patients/:id/risk', async (c) => {
    const ctx = deps.context(c);
    const report = await assessPatient(deps.repository, ctx, c.req.param('id'), {
      guideline: parseGuideline(c.req.query('guideline')),
      now: now(),
    });
    if (!report.risk?.pce)
      throw new QihuangError(
        'invalid-input',
        `10-year risk cannot be computed: missing ${report.risk?.missing?.join(', ') ?? 'data'}`,
      );
    const stored = await storeRiskAssessment(deps.repository, ctx, c.req.param('id'), report.risk.pce, now());
    return c.json(stored, 201);
  });

  app.get('/patients/:id/readings', async (c) => {
    const days = Number(c.req.query('days') ?? 14);
    if (!Number.isInteger(days) || days < 1 || days > 366)
      throw new QihuangError('invalid-input', 'days must be a whole number from 1 to 366');
    const language = patientLanguage(c.req.query('lang'), c.req.header('accept-language'));
    return c.json(
      await recentReadings(deps.repository, deps.context(c), c.req.param('id'), now(), days, language, {
        timeZone: deps.timeZone ?? DEFAULT_TIME_ZONE,
      }),
    );
  });

  // Withdraw a reading as entered in error (decision 0020).
  app.route(
    '/',
    createWithdrawRoutes({ repository: deps.repository, context: deps.context, now, evaluator }),
  );

  app.route(
    '/',
    createAlertRoutes({
      repository: deps.repository,
      context: deps.context,
      now,
      ...(deps.hub ? { hub: deps.hub } : {}),
      targetMinutes: deps.escalateAfterMinutes ?? 15,
      timeZone: deps.timeZone ?? DEFAULT_TIME_ZONE,
    }),
  );

  return app;
}

export const BP_OPENAPI = {
  '/patients/{id}/readings': {
    post: {
      summary: 'Upload BP readings (FHIR Bundle/NDJSON, Open mHealth JSON or CSV); answers per record',
      tags: ['blood-pressure'],
      parameters: [{ name: 'format', in: 'query', schema: { enum: ['fhir', 'ndjson', 'omh', 'csv'] } }],
      description:
        'Each record answers stored (new), updated (the same record id re-sent with other values: a ' +
        'correction, never of a crisis-range reading), unchanged, ' +
        'heart-rate (attached to its BP reading) or rejected with a code and reason; nothing is half-written. ' +
        'A reading is identified by its record id (Observation.identifier, Open mHealth header.id) when it has ' +
        'one, else by device and time; two readings of the same time with different values are two readings. ' +
        'Readings are kept in the home-reading store and written as FHIR Observations (BP panel, heart rate): ' +
        'before the answer for an upload of up to 1,000 readings, else by the background projector ' +
        '(`projection.pending` in the answer). The assessment counts pending readings already. Alert Flags ' +
        '(crisis, sustained above target …) are evaluated and stored before the answer, as the system, audited; ' +
        '`alertEvaluation` is `done`, or `pending` when evaluation failed (the readings are stored; it is ' +
        'retried in the background). Each record has its `category` (crisis, high, normal); a crisis-range ' +
        'reading adds `advice` for the patient in their language (`lang` or Accept-Language: zh-CN, en), ' +
        'naming when it was measured: `level: crisis` (urgent steps) when it is within the crisis alert ' +
        'look-back (744 h) and an alert is raised, `level: old-reading` (tell the clinic; no alert) when older. ' +
        'A body that is not valid JSON (nor NDJSON), when JSON is expected, answers 400 and stores nothing. ' +
        'A device or integration API key needs the scopes `system/Observation.write` (the readings), ' +
        "`system/Device.write` (the measuring device is recorded) and `system/Patient.read` (the patient's " +
        'record is read for deceased status and time zone); without one of them: 403 naming what is missing.',
      responses: {
        '201': { description: 'some readings stored' },
        '200': { description: 'nothing new (updated or unchanged only)' },
        '400': { description: 'unreadable upload' },
        '422': {
          description:
            'no record is a reading (every one rejected, or none): nothing stored; one issue per record ' +
            '(`records[n]`, code and reason). CSV columns and device-export headers: docs/bp-upload-csv.md',
        },
        '403': {
          description: 'the key lacks system/Observation.write, system/Device.write or system/Patient.read',
        },
      },
    },
    get: {
      summary: "The patient's BP readings of the last `days` days (default 14), newest first, with category",
      tags: ['blood-pressure'],
      parameters: [{ name: 'days', in: 'query', schema: { type: 'integer' } }],
      responses: { '200': { description: 'readings' } },
    },
  },
  '/patients/{id}/assessment': {
    get: {
      summary:
        "A patient's BP assessment (HBPM, office class, phenotype, target, variability, alerts, risk, renal)",
      tags: ['blood-pressure'],
      parameters: [
        {
          name: 'guideline',
          in: 'query',
          schema: { enum: ['acc-aha-2017', 'esh-2023', 'china-2018', 'china-2024'] },
        },
        { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
        { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
      ],
      description:
        'Reads only. Alert Flags are raised when readings arrive (upload, projection), as the system; the ' +
        "report's `home.alerts` lists what the engine finds over the window asked for.",
      responses: { '200': { description: 'assessment' } },
    },
  },
  '/patients/{id}/risk': {
    post: {
      summary: 'Compute the 10-year ASCVD risk (PCE) and store it as a FHIR RiskAssessment',
      tags: ['blood-pressure'],
      responses: { '201': { description: 'RiskAssessment' } },
    },
  },
  ...WITHDRAW_OPENAPI,
  ...ALERT_OPENAPI,
};
