/**
 * Pharmacist review queue (前置审方), mounted at /api/pharmacy.
 *
 * Queue = MedicationRequests with intent `order` and status `draft` or `active`, newest first (authoredOn, then
 * lastUpdated), filtered by their review state (extension `urn:qihuang:pharmacy-review`; absent = pending).
 * Each item carries the patient's name and the review engine's findings for the order against the patient's
 * chart. Approve/return write the review state onto the order through repository.update (access-checked and
 * audited); the order's own status is left to the prescriber. Only pharmacists and admins may use it.
 */
import { Hono } from 'hono';
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { SEVERITY_RANK, type Finding, type Severity } from '@qihuang/engines/prescription-review';
import { requireRole } from '@qihuang/identity';
import type { FhirRepository, FhirResource } from '@qihuang/store';
import { dailyReport } from './daily-report.ts';
import {
  loadChart,
  medicationText,
  patientIdOf,
  patientName,
  reviewOrder,
  searchAll,
  type PatientChart,
} from './review-order.ts';
import { readReview, snapshot, withReview, type ReviewRecord, type ReviewState } from './review-state.ts';

export interface PharmacyReviewRouteDeps {
  repository: FhirRepository;
  context: (c: unknown) => RequestContext;
  drugs: DrugKnowledgeBase;
  clock?: () => Date;
}

export interface QueueItem {
  id: string;
  status: string;
  authoredOn?: string;
  medication: string;
  dosage?: string;
  patient: { id?: string; name?: string };
  requester?: string;
  review: ReviewRecord;
  findings: Finding[];
  /** Highest severity among the findings, absent when there are none. */
  severity?: Severity;
  knowledgeVersion: string;
}

const QUEUE_STATUSES = ['pending', 'approved', 'returned', 'all'] as const;
const MAX_QUEUE = 200;
const MAX_REASON = 2000;

function reasonOf(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new QihuangError('invalid-input', `${name} must be a string`);
  const trimmed = value.trim();
  if (trimmed.length > MAX_REASON)
    throw new QihuangError('invalid-input', `${name} is longer than ${MAX_REASON} characters`);
  return trimmed || undefined;
}

async function bodyOf(c: { req: { text(): Promise<string> } }): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new QihuangError('invalid-input', 'The body must be JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new QihuangError('invalid-input', 'The body must be a JSON object');
  return parsed as Record<string, unknown>;
}

function newestFirst(a: FhirResource, b: FhirResource): number {
  const key = (r: FhirResource) =>
    `${(r as { authoredOn?: string }).authoredOn ?? ''}|${(r.meta as { lastUpdated?: string } | undefined)?.lastUpdated ?? ''}`;
  return key(b).localeCompare(key(a));
}

export function createPharmacyReviewRoutes(deps: PharmacyReviewRouteDeps): Hono {
  const app = new Hono();
  const clock = deps.clock ?? (() => new Date());
  const caller = (c: unknown) => {
    const ctx = deps.context(c);
    requireRole(ctx.principal, 'pharmacist', 'admin');
    return ctx;
  };

  async function item(
    ctx: RequestContext,
    order: FhirResource,
    charts: Map<string, Promise<PatientChart>>,
  ): Promise<QueueItem> {
    const patientId = patientIdOf(order);
    let chart: PatientChart = { resources: [] };
    if (patientId) {
      if (!charts.has(patientId)) charts.set(patientId, loadChart(deps.repository, ctx, patientId));
      chart = await charts.get(patientId)!;
    }
    const result = reviewOrder(order, chart, deps.drugs, clock());
    const top = result.findings.reduce<Severity | undefined>(
      (max, f) => (max === undefined || SEVERITY_RANK[f.severity] > SEVERITY_RANK[max] ? f.severity : max),
      undefined,
    );
    const mr = order as {
      status?: string;
      authoredOn?: string;
      dosageInstruction?: { text?: string }[];
      requester?: { display?: string; reference?: string };
    };
    const name = patientName(chart.patient);
    const requester = mr.requester?.display ?? mr.requester?.reference;
    const dosage = mr.dosageInstruction?.[0]?.text;
    return {
      id: order.id!,
      status: mr.status ?? 'unknown',
      ...(mr.authoredOn ? { authoredOn: mr.authoredOn } : {}),
      medication: medicationText(order),
      ...(dosage ? { dosage } : {}),
      patient: { ...(patientId ? { id: patientId } : {}), ...(name ? { name } : {}) },
      ...(requester ? { requester } : {}),
      review: readReview(order),
      findings: result.findings,
      ...(top ? { severity: top } : {}),
      knowledgeVersion: result.knowledgeVersion,
    };
  }

  app.get('/queue', async (c) => {
    const ctx = caller(c);
    const status = c.req.query('status') ?? 'pending';
    if (!(QUEUE_STATUSES as readonly string[]).includes(status))
      throw new QihuangError('invalid-input', 'status must be pending, approved, returned or all');
    const orders = (
      await searchAll(deps.repository, ctx, 'MedicationRequest', [
        ['intent', 'order'],
        ['status', 'draft,active'],
      ])
    )
      .filter((r) => status === 'all' || readReview(r).state === (status as ReviewState))
      .sort(newestFirst)
      .slice(0, MAX_QUEUE);
    const charts = new Map<string, Promise<PatientChart>>();
    const items: QueueItem[] = [];
    for (const order of orders) items.push(await item(ctx, order, charts));
    return c.json({ status, total: items.length, items });
  });

  async function decide(
    c: unknown,
    id: string,
    state: 'approved' | 'returned',
    body: Record<string, unknown>,
  ) {
    const ctx = caller(c);
    const reason = reasonOf(body.reason, 'reason');
    if (state === 'returned' && !reason)
      throw new QihuangError('invalid-input', 'A reason is required to return a prescription');
    const overrides: Record<string, string> = {};
    if (body.overrides !== undefined) {
      if (!body.overrides || typeof body.overrides !== 'object' || Array.isArray(body.overrides))
        throw new QihuangError('invalid-input', 'overrides must be an object of finding id → reason');
      for (const [findingId, value] of Object.entries(body.overrides as Record<string, unknown>)) {
        const r = reasonOf(value, `overrides["${findingId}"]`);
        if (r) overrides[findingId] = r;
      }
    }
    const order = await deps.repository.read(ctx, 'MedicationRequest', id);
    const mr = order as { intent?: string; status?: string };
    if (mr.intent !== 'order' || !['draft', 'active'].includes(mr.status ?? ''))
      throw new QihuangError(
        'conflict',
        `MedicationRequest/${id} is not an order awaiting review (intent ${mr.intent}, status ${mr.status})`,
      );
    if (readReview(order).state !== 'pending')
      throw new QihuangError('conflict', `MedicationRequest/${id} has already been reviewed`);
    const charts = new Map<string, Promise<PatientChart>>();
    const current = await item(ctx, order, charts);
    const known = new Set(current.findings.map((f) => f.id));
    const unknown = Object.keys(overrides).filter((f) => !known.has(f));
    if (unknown.length > 0)
      throw new QihuangError('invalid-input', `Unknown finding id(s) in overrides: ${unknown.join(', ')}`);
    const record: ReviewRecord = {
      state,
      by: ctx.principal.username,
      at: clock().toISOString(),
      ...(reason ? { reason } : {}),
      findings: snapshot(current.findings, state === 'approved' ? overrides : {}),
    };
    const versionId = (order.meta as { versionId?: string } | undefined)?.versionId;
    const outcome = await deps.repository.update(
      ctx,
      'MedicationRequest',
      id,
      withReview(order, record),
      versionId ? { ifMatch: `W/"${versionId}"` } : {},
    );
    return { ...current, review: readReview(outcome.resource) };
  }

  app.post('/queue/:id/approve', async (c) =>
    c.json(await decide(c, c.req.param('id'), 'approved', await bodyOf(c))),
  );
  app.post('/queue/:id/return', async (c) =>
    c.json(await decide(c, c.req.param('id'), 'returned', await bodyOf(c))),
  );

  app.get('/report', async (c) => {
    const ctx = caller(c);
    const date = c.req.query('date') ?? clock().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
      throw new QihuangError('invalid-input', `date must be YYYY-MM-DD, got "${date}"`);
    // A review writes a new version, so every order reviewed that day was last updated on or after it.
    const orders = await searchAll(
      deps.repository,
      ctx,
      'MedicationRequest',
      [
        ['intent', 'order'],
        ['_lastUpdated', `ge${date}T00:00:00Z`],
      ],
      50_000,
    );
    return c.json(dailyReport(date, orders.map(readReview)));
  });

  return app;
}

export const PHARMACY_OPENAPI = {
  '/queue': {
    get: {
      summary: 'Pharmacist review queue (前置审方): orders with their review findings, newest first',
      tags: ['pharmacy'],
      parameters: [
        { name: 'status', in: 'query', schema: { enum: ['pending', 'approved', 'returned', 'all'] } },
      ],
      responses: { '200': { description: 'queue' }, '403': { description: 'not a pharmacist or admin' } },
    },
  },
  '/queue/{id}/approve': {
    post: {
      summary: 'Approve an order; optional {reason, overrides: {findingId: reason}}',
      tags: ['pharmacy'],
      responses: { '200': { description: 'reviewed order' }, '409': { description: 'already reviewed' } },
    },
  },
  '/queue/{id}/return': {
    post: {
      summary: 'Return an order to the prescriber; {reason} required',
      tags: ['pharmacy'],
      responses: { '200': { description: 'reviewed order' }, '400': { description: 'no reason' } },
    },
  },
  '/report': {
    get: {
      summary: 'Daily report: volume, findings by type and severity, return and override rates',
      tags: ['pharmacy'],
      parameters: [{ name: 'date', in: 'query', schema: { type: 'string', format: 'date' } }],
      responses: { '200': { description: 'report' } },
    },
  },
} as const;
