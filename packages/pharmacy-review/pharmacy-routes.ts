/**
 * Pharmacist review queue (前置审方), mounted at /api/pharmacy.
 *
 * Queue = orders awaiting review (queue-policy.ts: unreviewed MedicationRequests with intent `order`, status
 * `draft` or `active`, written within the review window), most severe first, then longest waiting; reviewed ones by
 * review time. Each item carries the patient's and prescriber's names and the review engine's findings for that
 * order (not the patient's other orders) against the chart, in the caller's language (localize.ts). Approve/return
 * write the review state onto the order through repository.update (access-checked and audited); approving over a
 * warning or critical finding needs an override reason for each. An order signed in care and awaiting review
 * (decision 0017) becomes active on approval, with the order it replaces (a switch or dose change) stopped in the
 * same transaction (review-write.ts, replaced-order.ts); any other order's status is left to the prescriber.
 * Only pharmacists and admins may use it.
 */
import { Hono, type Context } from 'hono';
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import { readJson } from '@qihuang/http-edge';
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import {
  SEVERITY_RANK,
  type Finding,
  type PatientContext,
  type Severity,
} from '@qihuang/engines/prescription-review';
import { requireRole, type Identity } from '@qihuang/identity';
import type { FhirRepository, FhirResource } from '@qihuang/store';
import { dailyReport } from './daily-report.ts';
import { dosageLine, medicationLine, type DosageInstruction } from './dosage-text.ts';
import { supplyText, type DispenseRequest } from './supply-text.ts';
import { afterApproval } from './after-approval.ts';
import { noteText } from './note-text.ts';
import { languageOf, localizeFinding, MESSAGES, type Language } from './localize.ts';
import { cardPatient } from './patient-context.ts';
import { openAlertLines, openCriticalAlerts } from './open-alerts.ts';
import type { StoredAlert } from '@qihuang/bp-monitoring';
import { peopleLookup, type People } from './people.ts';
import { orderLabels } from './order-labels.ts';
import {
  awaitsReview,
  compareQueueItems,
  DEFAULT_REVIEW_WINDOW_DAYS,
  DEFAULT_TIME_ZONE,
  hospitalDate,
  hospitalDayBounds,
  isReviewableOrder,
  orderTime,
} from './queue-policy.ts';
import {
  loadChart,
  medicationText,
  patientIdOf,
  patientName,
  reviewOrder,
  searchAll,
  type PatientChart,
} from './review-order.ts';
import { readReview, snapshot, type ReviewRecord } from './review-state.ts';
import { acknowledgedAmong, acknowledgedLine, emergencyFindings } from './signed-over.ts';
import { writeDecision } from './review-write.ts';
import { pendingPairRefusal, replacedMeanwhile, replacedMeanwhileMessage } from './same-prior.ts';
import { isAwaitingReview } from './awaiting-review.ts';
import { replacedOrderOf, replacesLine, type ReplacedOrder } from './replaces-line.ts';
import type { QueueItem, QueueAnswer, QueueStatus, ReportAnswer } from './api-types/index.ts';

export type { QueueItem, QueueAnswer, QueueStatus, ReportAnswer };
export { PHARMACY_OPENAPI } from './pharmacy-openapi.ts';

export interface PharmacyReviewRouteDeps {
  repository: FhirRepository;
  context: (c: unknown) => RequestContext;
  drugs: DrugKnowledgeBase;
  clock?: () => Date;
  /** The hospital's IANA time zone (config `timeZone`): report days and the default report date. */
  timeZone?: string;
  /** Orders written within this many days (default 7) and not yet reviewed await review. */
  reviewWindowDays?: number;
  /** Users, to name prescribers and reviewers by display name and role instead of username. */
  identity?: Pick<Identity, 'listUsers'>;
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

/** The JSON object body (empty = `{}`). */
const bodyOf = async (c: Context) =>
  (await readJson(c, { empty: {}, object: true })) as Record<string, unknown>;

const isSerious = (f: Finding) => f.severity !== 'info';

export function createPharmacyReviewRoutes(deps: PharmacyReviewRouteDeps): Hono {
  const app = new Hono();
  const clock = deps.clock ?? (() => new Date());
  const timeZone = deps.timeZone ?? DEFAULT_TIME_ZONE;
  const windowDays = deps.reviewWindowDays ?? DEFAULT_REVIEW_WINDOW_DAYS;
  const caller = (c: unknown) => {
    const ctx = deps.context(c);
    requireRole(ctx.principal, 'pharmacist', 'admin');
    return ctx;
  };
  const langOf = (c: {
    req: { query(k: string): string | undefined; header(k: string): string | undefined };
  }) => languageOf(c.req.query('lang'), c.req.header('accept-language'));

  interface Reviewed {
    item: Omit<QueueItem, 'findings'>;
    findings: Finding[];
    /** The order's first dosage instruction, worded in the screen's language by `present`. */
    dosage?: DosageInstruction;
    /** The order's dispenseRequest (天数 / 总量), worded in the screen's language by `present`. */
    dispense?: DispenseRequest;
    /** The ordered drug's Chinese name (knowledge base), for the zh screen's medication line. */
    zhName?: string;
    /** The order's notes, worded in the screen's language by `present` (a system note carries both). */
    notes?: Parameters<typeof noteText>[0];
    /** The patient context the engine reviewed the order against. */
    context: PatientContext;
    /** The patient's open critical alerts (each also a critical finding on the order). */
    alerts: StoredAlert[];
    /** The finding ids the prescriber acknowledged when signing. */
    acknowledged: string[];
    /** The order this one replaces (a switch or a dose change), worded by `present`. */
    replaces?: ReplacedOrder;
    /** Awaiting review, but another change replaced the order it names since: approval is refused (same-prior.ts). */
    meanwhile?: FhirResource;
  }

  /** A patient's open critical alerts, read once per request. */
  const alertsOf = (
    ctx: RequestContext,
    patientId: string | undefined,
    cache: Map<string, Promise<StoredAlert[]>>,
  ): Promise<StoredAlert[]> => {
    if (!patientId) return Promise.resolve([]);
    if (!cache.has(patientId))
      cache.set(
        patientId,
        openCriticalAlerts(deps.repository, ctx, patientId).catch(() => []),
      );
    return cache.get(patientId)!;
  };

  /**
   * The order's own findings (those naming it as the draft), not the patient's other orders', with the patient's
   * open emergency first as a critical finding — the findings the prescriber signed over (signed-over.ts).
   */
  async function review(
    ctx: RequestContext,
    order: FhirResource,
    charts: Map<string, Promise<PatientChart>>,
    names: Map<string, Promise<string | undefined>>,
    people: People,
    open: Map<string, Promise<StoredAlert[]>> = new Map(),
  ): Promise<Reviewed> {
    const patientId = patientIdOf(order);
    let chart: PatientChart = { resources: [] };
    if (patientId) {
      if (!charts.has(patientId)) charts.set(patientId, loadChart(deps.repository, ctx, patientId));
      chart = await charts.get(patientId)!;
    }
    // Every order named as its card names it (prescriber, time written): two of one text told apart (issue 20).
    const prescriberOf = async (r: FhirResource) => {
      const ref = (r as { requester?: { display?: string; reference?: string } }).requester;
      return (await people.byPractitioner(ref?.reference))?.name ?? (await requesterName(ctx, ref, names));
    };
    const labels = await orderLabels([order, ...chart.resources], prescriberOf, timeZone);
    const result = reviewOrder(order, chart, deps.drugs, clock(), labels, timeZone);
    const alerts = await alertsOf(ctx, patientId, open);
    const findings = [
      ...emergencyFindings(alerts, order),
      ...result.findings.filter((f) => f.evidence.orders.some((o) => o.draft)),
    ];
    const acknowledged = acknowledgedAmong(order, findings);
    const top = findings.reduce<Severity | undefined>(
      (max, f) => (max === undefined || SEVERITY_RANK[f.severity] > SEVERITY_RANK[max] ? f.severity : max),
      undefined,
    );
    const mr = order as {
      status?: string;
      authoredOn?: string;
      dosageInstruction?: DosageInstruction[];
      dispenseRequest?: DispenseRequest;
      requester?: { display?: string; reference?: string };
      note?: Parameters<typeof noteText>[0];
    };
    const name = patientName(chart.patient);
    // A user who signed (Practitioner/user-…) is named by display name and role; else the Practitioner's name.
    const user = await people.byPractitioner(mr.requester?.reference);
    const requester = user?.name ?? (await requesterName(ctx, mr.requester, names));
    const reviewer = await people.byUsername(readReview(order).by);
    const dosage = mr.dosageInstruction?.[0];
    const zhName = deps.drugs.match(medicationText(order))?.drug.names.zh;
    const replaces = await replacedOrderOf(deps.repository, ctx, order, chart, deps.drugs);
    const meanwhile = isAwaitingReview(order) ? replacedMeanwhile(order, chart.resources) : undefined;
    return {
      findings,
      ...(replaces ? { replaces } : {}),
      ...(meanwhile ? { meanwhile } : {}),
      ...(dosage ? { dosage } : {}),
      ...(mr.dispenseRequest ? { dispense: mr.dispenseRequest } : {}),
      ...(zhName ? { zhName } : {}),
      ...(mr.note?.length ? { notes: mr.note } : {}),
      context: result.patient,
      alerts,
      acknowledged,
      item: {
        id: order.id!,
        status: mr.status ?? 'unknown',
        ...(mr.authoredOn ? { authoredOn: mr.authoredOn } : {}),
        medication: medicationText(order),
        patient: { ...(patientId ? { id: patientId } : {}), ...(name ? { name } : {}), allergies: [] },
        ...(requester ? { requester } : {}),
        ...(user?.role ? { requesterRole: user.role } : {}),
        ...(reviewer ? { reviewer } : {}),
        review: readReview(order),
        ...(top ? { severity: top } : {}),
        knowledgeVersion: result.knowledgeVersion,
      },
    };
  }

  /** Practitioner (or PractitionerRole's practitioner) name; the reference's display; never a bare id. */
  async function requesterName(
    ctx: RequestContext,
    ref: { display?: string; reference?: string } | undefined,
    names: Map<string, Promise<string | undefined>>,
  ): Promise<string | undefined> {
    if (ref?.display) return ref.display;
    const match = /^(Practitioner|Organization|Patient|RelatedPerson)\/([^/]+)$/.exec(ref?.reference ?? '');
    if (!match) return undefined;
    const key = ref!.reference!;
    if (!names.has(key))
      names.set(
        key,
        deps.repository
          .read(ctx, match[1]!, match[2]!)
          .then((r) => patientName(r) ?? (r as { name?: string }).name)
          .catch(() => undefined),
      );
    return names.get(key);
  }

  const present = (r: Reviewed, lang: Language): QueueItem => {
    const dosage = dosageLine(r.dosage, lang);
    const supply = supplyText(r.dispense, lang);
    const note = noteText(r.notes, lang);
    const acknowledged = acknowledgedLine(r.acknowledged.length, lang);
    return {
      ...r.item,
      ...(r.alerts.length > 0 ? { openEmergency: openAlertLines(r.alerts, lang) } : {}),
      ...(acknowledged ? { acknowledged } : {}),
      ...(note ? { note } : {}),
      ...(r.replaces ? { replaces: replacesLine(r.replaces, lang) } : {}),
      // Approval that would be refused is not offered: the card says why, in words (issue 20, non-author try).
      ...(r.meanwhile
        ? { approvalRefused: replacedMeanwhileMessage(r.meanwhile, deps.drugs, lang === 'zh-CN') }
        : r.item.review.state === 'pending' && pendingPairRefusal(r.findings, lang === 'zh-CN')
          ? { approvalRefused: pendingPairRefusal(r.findings, lang === 'zh-CN') }
          : {}),
      medication: medicationLine(r.item.medication, r.zhName, lang),
      patient: cardPatient(
        {
          ...(r.item.patient.id ? { id: r.item.patient.id } : {}),
          ...(r.item.patient.name ? { name: r.item.patient.name } : {}),
        },
        r.context,
        deps.drugs,
        lang,
      ),
      ...(dosage ? { dosage } : {}),
      ...(supply ? { supply } : {}),
      findings: r.findings.map((f) => {
        // A finding the approval did not see came after it: said so, never shown as approved over (issue 20).
        const after = afterApproval(f, r.item.review, r.context);
        return {
          ...localizeFinding(f, lang),
          ...(r.acknowledged.includes(f.id) ? { acknowledged: true } : {}),
          ...(after ? { afterApproval: after } : {}),
        };
      }),
    };
  };

  app.get('/queue', async (c) => {
    const ctx = caller(c);
    const lang = langOf(c);
    const status = c.req.query('status') ?? 'pending';
    if (!(QUEUE_STATUSES as readonly string[]).includes(status))
      throw new QihuangError('invalid-input', 'status must be pending, approved, returned or all');
    const now = clock();
    const orders = (
      await searchAll(deps.repository, ctx, 'MedicationRequest', [
        ['intent', 'order'],
        ['status', 'draft,active'],
      ])
    ).filter((r) => {
      const state = readReview(r).state;
      if (state === 'pending')
        return (status === 'pending' || status === 'all') && awaitsReview(r, now, windowDays);
      return status === 'all' || status === state;
    });
    const charts = new Map<string, Promise<PatientChart>>();
    const names = new Map<string, Promise<string | undefined>>();
    const people = peopleLookup(deps.identity);
    // The patient's open emergency on each card (issue 20), read once per patient.
    const open = new Map<string, Promise<StoredAlert[]>>();
    const reviewed: { r: Reviewed; written: string }[] = [];
    for (const order of orders)
      reviewed.push({
        r: await review(ctx, order, charts, names, people, open),
        written: orderTime(order),
      });
    const items = reviewed
      .sort((a, b) =>
        compareQueueItems(
          {
            ...a.r.item,
            written: a.written,
            ...(a.r.item.review.at ? { reviewedAt: a.r.item.review.at } : {}),
          },
          {
            ...b.r.item,
            written: b.written,
            ...(b.r.item.review.at ? { reviewedAt: b.r.item.review.at } : {}),
          },
        ),
      )
      .slice(0, MAX_QUEUE);
    const shown = items.map(({ r }) => present(r, lang));
    // The hospital's zone, so the console shows order and review times as the daily report counts them.
    return c.json({
      status: status as QueueStatus,
      lang,
      timeZone,
      total: shown.length,
      items: shown,
    } satisfies QueueAnswer);
  });

  async function decide(
    c: Parameters<typeof langOf>[0],
    id: string,
    state: 'approved' | 'returned',
    body: Record<string, unknown>,
  ) {
    const ctx = caller(c);
    const lang = langOf(c);
    const say = (m: { zh: string; en: string }) => (lang === 'zh-CN' ? m.zh : m.en);
    const reason = reasonOf(body.reason, 'reason');
    if (state === 'returned' && !reason) throw new QihuangError('invalid-input', say(MESSAGES.returnReason));
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
    if (!isReviewableOrder(order))
      throw new QihuangError('conflict', say(MESSAGES.notAnOrder(id, `${mr.intent}`, `${mr.status}`)));
    if (readReview(order).state !== 'pending')
      throw new QihuangError('conflict', say(MESSAGES.alreadyReviewed(id)));
    if (!awaitsReview(order, clock(), windowDays))
      throw new QihuangError('conflict', say(MESSAGES.outsideWindow(id, windowDays)));
    const people = peopleLookup(deps.identity);
    const charts = new Map<string, Promise<PatientChart>>();
    const current = await review(ctx, order, charts, new Map(), people);
    // The order it changes was replaced by another change approved first: refused, never a silent second switch.
    const chart = await charts.get(patientIdOf(order) ?? '');
    const meanwhile = state === 'approved' && chart ? replacedMeanwhile(order, chart.resources) : undefined;
    if (meanwhile)
      throw new QihuangError('conflict', replacedMeanwhileMessage(meanwhile, deps.drugs, lang === 'zh-CN'));
    // Another change of the same order awaits review: no override reason approves it; one is returned first.
    const pair = state === 'approved' ? pendingPairRefusal(current.findings, lang === 'zh-CN') : undefined;
    if (pair) throw new QihuangError('conflict', pair);
    const known = new Set(current.findings.map((f) => f.id));
    const unknown = Object.keys(overrides).filter((f) => !known.has(f));
    if (unknown.length > 0) throw new QihuangError('invalid-input', say(MESSAGES.unknownFindings(unknown)));
    // Safety: approving over a warning or critical finding needs the pharmacist's reason for each one.
    const missing = current.findings.filter((f) => isSerious(f) && !overrides[f.id]);
    // Named by their display title (drug and problem, in the caller's language), never by the internal key.
    const title = (f: Finding) => localizeFinding(f, lang).summary;
    if (state === 'approved' && missing.length > 0)
      throw new QihuangError('invalid-input', say(MESSAGES.overrideRequired(missing.map(title))), {
        issues: missing.map((f) => ({
          severity: 'error' as const,
          code: 'required',
          message: say(MESSAGES.overrideRequired([title(f)])),
          expression: [`overrides.${f.id}`],
        })),
      });
    const me = await people.byUsername(ctx.principal.username);
    const record: ReviewRecord = {
      state,
      by: ctx.principal.username,
      ...(me?.name && me.name !== ctx.principal.username ? { byName: me.name } : {}),
      at: clock().toISOString(),
      ...(reason ? { reason } : {}),
      findings: snapshot(current.findings, state === 'approved' ? overrides : {}),
    };
    const stored = await writeDecision(deps.repository, ctx, order, record);
    const reviewer = await people.byUsername(record.by);
    // After approval the order it replaced is stopped (its priorPrescription names it): the card says so.
    const replaces =
      state === 'approved'
        ? await replacedOrderOf(deps.repository, ctx, stored, { resources: [] }, deps.drugs)
        : current.replaces;
    const item = {
      ...current.item,
      status: (stored as { status?: string }).status ?? current.item.status,
      review: readReview(stored),
      ...(reviewer ? { reviewer } : {}),
    };
    const { replaces: _before, ...rest } = current;
    return present({ ...rest, item, ...(replaces ? { replaces } : {}) }, lang);
  }

  app.post('/queue/:id/approve', async (c) =>
    c.json(await decide(c, c.req.param('id'), 'approved', await bodyOf(c))),
  );
  app.post('/queue/:id/return', async (c) =>
    c.json(await decide(c, c.req.param('id'), 'returned', await bodyOf(c))),
  );

  app.get('/report', async (c) => {
    const ctx = caller(c);
    const date = c.req.query('date') ?? hospitalDate(clock(), timeZone);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
      throw new QihuangError('invalid-input', `date must be YYYY-MM-DD, got "${date}"`);
    const bounds = hospitalDayBounds(date, timeZone);
    // A review writes a new version, so every order reviewed that day was last updated on or after it.
    const orders = await searchAll(
      deps.repository,
      ctx,
      'MedicationRequest',
      [
        ['intent', 'order'],
        ['_lastUpdated', `ge${bounds.start.toISOString()}`],
      ],
      50_000,
    );
    return c.json({ ...dailyReport(date, orders.map(readReview), bounds), timeZone } satisfies ReportAnswer);
  });

  return app;
}
