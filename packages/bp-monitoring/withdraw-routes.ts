/**
 * `POST /api/bp/patients/{id}/readings/{readingId}/entered-in-error` — withdraw a reading (withdraw-reading.ts),
 * note or close the alerts that named it (withdraw-alerts.ts) and evaluate the patient's remaining readings.
 */
import { Hono } from 'hono';
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import type { FhirRepository } from '@qihuang/store';
import type { AlertEvaluator } from './alert-evaluator.ts';
import { patientLanguage } from './reading-advice.ts';
import { withdrawFromAlerts } from './withdraw-alerts.ts';
import { withdrawReading, WITHDRAW_WINDOW_HOURS } from './withdraw-reading.ts';
import type { WithdrawAnswer } from './api-types/index.ts';

export function createWithdrawRoutes(deps: {
  repository: FhirRepository;
  context: (c: unknown) => RequestContext;
  now: () => string;
  evaluator: AlertEvaluator;
}): Hono {
  const app = new Hono();
  app.post('/patients/:id/readings/:readingId/entered-in-error', async (c) => {
    const ctx = deps.context(c);
    const lang = patientLanguage(c.req.query('lang'), c.req.header('accept-language'));
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new QihuangError(
        'invalid-input',
        lang === 'zh-CN' ? '请求内容不是有效的 JSON' : 'The body is not valid JSON',
      );
    }
    const patientId = c.req.param('id');
    const withdrawn = await withdrawReading(deps.repository, ctx, patientId, c.req.param('readingId'), body, {
      now: deps.now(),
      lang,
    });
    const alerts = await withdrawFromAlerts(deps.repository, ctx, patientId, withdrawn);
    const alertEvaluation = await deps.evaluator.evaluate([patientId], ctx);
    return c.json({
      reading: `Observation/${withdrawn.reading}`,
      status: 'entered-in-error',
      withdrawnAt: withdrawn.withdrawnAt,
      alerts,
      alertEvaluation,
    } satisfies WithdrawAnswer);
  });
  return app;
}

export const WITHDRAW_OPENAPI = {
  '/patients/{id}/readings/{readingId}/entered-in-error': {
    post: {
      summary: 'Withdraw a BP reading as entered in error (a correction is this plus a new reading)',
      tags: ['blood-pressure'],
      description:
        'Body `{"reason": "…"}` (2–500 characters). The patient may withdraw a reading of their own record ' +
        `within ${WITHDRAW_WINDOW_HOURS} h of entering it; a clinician or nurse any reading of a patient they ` +
        'can read. The reading-store row and the BP and heart-rate Observations become `entered-in-error` ' +
        '(FHIR R4) with the reason as a note, a Provenance (NULLIFY) and an audit entry; the reading leaves ' +
        'every average, assessment, chart, reading-based timeliness figure and alert evaluation. Alerts that ' +
        'named it get a note; an open non-critical alert whose readings are all withdrawn is closed; a critical ' +
        'alert stays open, due, overdue and escalated as before, for a clinician to close. Values are never ' +
        'edited in place.',
      responses: {
        '200': { description: 'withdrawn' },
        '400': { description: 'no reason, a reason too long, or not a BP reading' },
        '403': { description: 'not the patient’s own reading, past the patient’s window, or another role' },
        '404': { description: 'unknown reading or patient' },
        '409': { description: 'already entered in error' },
      },
    },
  },
};
