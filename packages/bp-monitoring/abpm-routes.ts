/**
 * ABPM API (mounted at /api/abpm): POST a 24-hour recording (CSV, or FHIR Observations marked ambulatory) →
 * the engine's summary, dipping and phenotype, kept as one FHIR Observation (LOINC 96607-7 mean BP panel,
 * method ambulatory, the summary in an extension); GET the latest. The individual ABPM readings are not
 * written as BP Observations, so they never mix with the home series (issue 17 item 6).
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import { isTimeZone, zoneOffsetMinutes } from '@qihuang/engines/blood-pressure';
import type { FhirRepository } from '@qihuang/store';
import { ABPM_METHOD, analyseAbpm, type AbpmResult } from './abpm-analysis.ts';
import { parseGuideline } from './assess-patient.ts';
import { localDay, zoneOffsets } from './local-time.ts';
import { loadPatientContext } from './patient-context.ts';

export interface AbpmRouteDeps {
  repository: FhirRepository;
  context: (c: unknown) => RequestContext;
  clock?: () => Date;
  /** IANA zone of the hospital (default Asia/Shanghai); a Patient's own zone extension wins. */
  timeZone?: string;
}

const SUMMARY_EXTENSION = 'urn:qihuang:abpm-summary';
const TIMEZONE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/timezone';
const MAX_BYTES = 5 * 1024 * 1024;

function quantity(value: number) {
  return {
    value: Math.round(value * 10) / 10,
    unit: 'mmHg',
    system: 'http://unitsofmeasure.org',
    code: 'mm[Hg]',
  };
}

export function createAbpmRoutes(deps: AbpmRouteDeps): Hono {
  const app = new Hono();
  const now = () => (deps.clock ?? (() => new Date()))();

  app.post('/patients/:id/abpm', async (c) => {
    const ctx = deps.context(c);
    const patientId = c.req.param('id');
    const guideline = parseGuideline(c.req.query('guideline'));
    const text = await c.req.text();
    if (!text.trim())
      throw new QihuangError('invalid-input', 'The body must be an ABPM CSV export or FHIR JSON');
    if (text.length > MAX_BYTES) throw new QihuangError('invalid-input', 'The ABPM file is larger than 5 MB');
    const at = now();
    // Office visits of the last 12 months only (issue 17 item 4) give the phenotype its office side.
    const since = new Date(at);
    since.setUTCMonth(since.getUTCMonth() - 12);
    const context = await loadPatientContext(deps.repository, ctx, patientId, {
      now: at.toISOString(),
      from: since.toISOString(),
    });
    const patient = await deps.repository.read(ctx, 'Patient', patientId);
    const own = (patient as { extension?: { url?: string; valueCode?: string }[] }).extension?.find(
      (e) => e.url === TIMEZONE_EXTENSION,
    )?.valueCode;
    const zone = own && isTimeZone(own) ? own : (deps.timeZone ?? 'Asia/Shanghai');
    // The last office visit is the latest local day (the patient's zone, else the hospital's), not the UTC day.
    const offsetAt = zoneOffsets(zone);
    const last = context.office.at(-1);
    const lastDay = last ? localDay(last.time, offsetAt) : undefined;
    const visit = context.office.filter((r) => localDay(r.time, offsetAt) === lastDay);
    const office = visit.length
      ? {
          sbp: visit.reduce((s, r) => s + r.sbp, 0) / visit.length,
          dbp: visit.reduce((s, r) => s + r.dbp, 0) / visit.length,
        }
      : undefined;
    const result = analyseAbpm(text, {
      now: at.toISOString(),
      patientId,
      guideline,
      utcOffsetMinutes: zoneOffsetMinutes(zone, at.getTime()),
      ...(office ? { office } : {}),
      treated: context.treated,
    });
    const id = `abpm-${createHash('sha256').update(`${patientId}|${result.start}|${result.end}`).digest('hex').slice(0, 24)}`;
    const mean24 = result.summary['24h'].mean;
    await deps.repository.update(ctx, 'Observation', id, {
      resourceType: 'Observation',
      id,
      status: 'final',
      category: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
          ],
        },
      ],
      // REFERENCE §8.1: 96607-7 mean BP panel (averages, e.g. ABPM), components 96608-5 / 96609-3.
      code: {
        coding: [
          {
            system: 'http://loinc.org',
            code: '96607-7',
            display: 'Blood pressure panel mean systolic and mean diastolic',
          },
        ],
        text: '24-hour ambulatory BP',
      },
      method: { coding: [{ ...ABPM_METHOD, display: 'Ambulatory blood pressure recording' }] },
      subject: { reference: `Patient/${patientId}` },
      effectivePeriod: { start: result.start, end: result.end },
      issued: at.toISOString(),
      ...(mean24
        ? {
            component: [
              {
                code: { coding: [{ system: 'http://loinc.org', code: '96608-5' }] },
                valueQuantity: quantity(mean24.sbp),
              },
              {
                code: { coding: [{ system: 'http://loinc.org', code: '96609-3' }] },
                valueQuantity: quantity(mean24.dbp),
              },
            ],
          }
        : {}),
      extension: [{ url: SUMMARY_EXTENSION, valueString: JSON.stringify(result) }],
    });
    return c.json({ id: `Observation/${id}`, ...result }, 201);
  });

  app.get('/patients/:id/abpm', async (c) => {
    const ctx = deps.context(c);
    const patientId = c.req.param('id');
    await deps.repository.read(ctx, 'Patient', patientId); // an unknown patient is a 404
    const found = await deps.repository.search(ctx, 'Observation', [
      ['patient', patientId],
      ['code', 'http://loinc.org|96607-7'],
      ['_sort', '-date'],
      ['_count', '20'],
      ['_total', 'none'],
    ]);
    const latest = found.matches
      .map((m) => m.content as { id?: string; extension?: { url: string; valueString?: string }[] })
      .find((o) => o.extension?.some((e) => e.url === SUMMARY_EXTENSION));
    // A patient with no recording is not an error: 200 with `recording: null` (issue 17).
    if (!latest) return c.json({ recording: null });
    const result = JSON.parse(
      latest.extension!.find((e) => e.url === SUMMARY_EXTENSION)!.valueString!,
    ) as AbpmResult;
    return c.json({ id: `Observation/${latest.id}`, ...result });
  });
  return app;
}

export const ABPM_OPENAPI = {
  '/patients/{id}/abpm': {
    post: {
      summary:
        'Upload a 24-hour ABPM recording (CSV, or FHIR Observations marked ambulatory): summary, dipping, phenotype',
      tags: ['blood-pressure'],
      responses: { '201': { description: 'ABPM summary' } },
    },
    get: {
      summary: 'The latest ABPM summary',
      tags: ['blood-pressure'],
      responses: {
        '200': { description: 'ABPM summary, or { recording: null } when the patient has none' },
        '404': { description: 'unknown patient' },
      },
    },
  },
};
