/**
 * POST /reported/{type}/{id}/confirm and /reject ({ reason }): a clinician decides on a patient-reported item
 * (patient-reported.ts). Registered on the care routes (routes.ts).
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { RequestContext } from '@qihuang/contracts';
import { patientLanguage } from '@qihuang/bp-monitoring';
import { readBody } from '@qihuang/http-edge';
import type { CareDeps } from './deps.ts';
import { decidePatientReported } from './patient-reported.ts';

export const REPORTED_PATHS: [string, string, string][] = [
  [
    'post',
    '/reported/{type}/{id}/confirm',
    'Clinician confirms a patient-reported Condition, AllergyIntolerance, MedicationStatement, FamilyMemberHistory or Observation (Provenance, audit)',
  ],
  [
    'post',
    '/reported/{type}/{id}/reject',
    'Clinician rejects a patient-reported item with a reason (refuted / entered-in-error; Provenance, audit)',
  ],
];

export function registerReportedRoutes(
  app: Hono,
  deps: CareDeps,
  ctxOf: (c: Context) => RequestContext,
): void {
  const lang = (c: Context): 'zh' | 'en' =>
    patientLanguage(c.req.query('lang'), c.req.header('accept-language')) === 'en' ? 'en' : 'zh';
  app.post('/reported/:type/:id/confirm', async (c) =>
    c.json(
      await decidePatientReported(
        deps,
        ctxOf(c),
        { type: c.req.param('type'), id: c.req.param('id'), decision: 'confirm' },
        lang(c),
      ),
    ),
  );
  app.post('/reported/:type/:id/reject', async (c) => {
    const b = await readBody(c, z.object({ reason: z.string().max(2000).optional() }), { empty: {} });
    return c.json(
      await decidePatientReported(
        deps,
        ctxOf(c),
        { type: c.req.param('type'), id: c.req.param('id'), decision: 'reject', reason: b.reason },
        lang(c),
      ),
    );
  });
}
