/**
 * Blood-pressure monitoring API (mounted at /api/bp): upload readings, assessment per guideline over a
 * window, 10-year risk stored as RiskAssessment, and the alerts inbox (FHIR Flags) with acknowledge.
 */
import { Hono } from 'hono';
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import type { IngestFormat } from '@qihuang/engines/blood-pressure';
import type { FhirRepository } from '@qihuang/store';
import { acknowledgeAlert, listAlerts } from './alerts-store.ts';
import { assessPatient, parseGuideline } from './assess-patient.ts';
import { raiseAlerts } from './raise-alerts.ts';
import { storeRiskAssessment } from './risk-assessment.ts';
import type { ReadingProjector } from './projector.ts';
import { INLINE_PROJECTION_LIMIT, uploadReadings } from './upload-readings.ts';

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

export function createBpRoutes(deps: BpRouteDeps): Hono {
  const app = new Hono();
  const now = () => (deps.clock ?? (() => new Date()))().toISOString();

  app.post('/patients/:id/readings', async (c) => {
    const release = deps.projector?.hold();
    try {
      const text = await c.req.text();
      const limit = deps.inlineProjectionLimit ?? INLINE_PROJECTION_LIMIT;
      const ctx = deps.context(c);
      const at = now();
      const patientId = c.req.param('id');
      const result = await uploadReadings(deps.repository, ctx, patientId, text, {
        now: at,
        format: formatOf(c.req.query('format'), c.req.header('content-type')),
        projection: deps.projector ? { background: limit } : 'inline',
      });
      if (result.projection.pending > 0) deps.projector?.kick();
      // Alerts are raised now, as the system (the uploader may not write Flags), not when someone looks.
      // Unchanged re-sends are evaluated too: a retry after a failed evaluation raises what it missed.
      if (result.stored + result.updated + result.unchanged > 0)
        await raiseAlerts(deps.repository, patientId, { now: at, cause: ctx });
      return c.json(result, result.stored > 0 ? 201 : 200);
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

  app.get('/alerts', async (c) => {
    const status = c.req.query('status') ?? 'active';
    if (!['active', 'inactive', 'all'].includes(status))
      throw new QihuangError('invalid-input', 'status must be active, inactive or all');
    return c.json(
      await listAlerts(deps.repository, deps.context(c), {
        status: status as 'active',
        patientId: c.req.query('patient'),
      }),
    );
  });

  app.post('/alerts/:id/acknowledge', async (c) =>
    c.json(await acknowledgeAlert(deps.repository, deps.context(c), c.req.param('id'), now())),
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
        'Each record answers stored (new), updated (re-sent with other values: a new version), unchanged, ' +
        'heart-rate (attached to its BP reading) or rejected with a code and reason; nothing is half-written. ' +
        'Readings are kept in the home-reading store and written as FHIR Observations (BP panel, heart rate): ' +
        'before the answer for an upload of up to 1,000 readings, else by the background projector ' +
        '(`projection.pending` in the answer). The assessment counts pending readings already. Alert Flags ' +
        '(crisis, sustained above target …) are evaluated and stored before the answer, as the system, audited. ' +
        'A body that is not valid JSON (nor NDJSON), when JSON is expected, answers 400 and stores nothing.',
      responses: {
        '201': { description: 'some readings stored' },
        '200': { description: 'nothing new (updated or unchanged only)' },
        '400': { description: 'unreadable upload' },
      },
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
  '/alerts': {
    get: {
      summary: 'Alerts inbox across patients (FHIR Flags)',
      tags: ['blood-pressure'],
      parameters: [
        { name: 'status', in: 'query', schema: { enum: ['active', 'inactive', 'all'] } },
        { name: 'patient', in: 'query', schema: { type: 'string' } },
      ],
      responses: { '200': { description: 'alerts' } },
    },
  },
  '/alerts/{id}/acknowledge': {
    post: {
      summary: 'Acknowledge an alert',
      tags: ['blood-pressure'],
      responses: { '200': { description: 'acknowledged alert' } },
    },
  },
};
