/**
 * The care team's side of the alert loop (mounted inside /api/bp): the inbox, a live stream of alert events
 * for the console (server-sent events), closing an alert with the action taken, and the timeliness report.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import type { FhirRepository } from '@qihuang/store';
import { closeAlert } from './alert-actions.ts';
import type { AlertHub, AlertEvent } from './alert-notifier.ts';
import { withDue } from './alert-due.ts';
import { alertTimeliness } from './alert-timeliness.ts';
import { listAlerts } from './alerts-store.ts';
import { patientLanguage } from './reading-advice.ts';

export interface AlertRouteDeps {
  repository: FhirRepository;
  context: (c: unknown) => RequestContext;
  now: () => string;
  hub?: AlertHub;
  /** Target for closing a critical alert (the escalation time), minutes. */
  targetMinutes: number;
  /** Seconds between keep-alive comments on the stream. */
  keepAliveSeconds?: number;
  /** The hospital's zone (times in refusals). */
  timeZone?: string;
}

const STAFF = ['clinician', 'nurse', 'admin', 'service'];

/** `what`: the route's own subject in its refusal ("The alert stream", "The critical-value timeliness report"). */
function assertCareTeam(repo: FhirRepository, ctx: RequestContext, what: string): void {
  if (!STAFF.includes(ctx.principal.role))
    throw new QihuangError('forbidden', `${what} is for the care team (clinician, nurse)`);
  repo.authorize(ctx, 'Flag', 'read');
}

export function createAlertRoutes(deps: AlertRouteDeps): Hono {
  const app = new Hono();

  app.get('/alerts', async (c) => {
    const status = c.req.query('status') ?? 'active';
    if (!['active', 'inactive', 'all'].includes(status))
      throw new QihuangError('invalid-input', 'status must be active, inactive or all');
    // The inbox is the care team's: a patient never sees staff alerts (decision 0022); their own screens say
    // what they need (the crisis box, the consultation's instruction).
    const ctx = deps.context(c);
    assertCareTeam(deps.repository, ctx, 'The alert inbox');
    const alerts = await listAlerts(deps.repository, ctx, {
      status: status as 'active',
      patientId: c.req.query('patient'),
    });
    // Each open critical alert's clock (overdue, escalated) and its reading's time: the inbox marks what the
    // timeliness report counts (issue 20).
    return c.json(
      await withDue(deps.repository, alerts, { now: deps.now(), targetMinutes: deps.targetMinutes }),
    );
  });

  app.get('/alerts/stream', (c) => {
    const ctx = deps.context(c);
    assertCareTeam(deps.repository, ctx, 'The alert stream');
    const hub = deps.hub;
    if (!hub) throw new QihuangError('not-supported', 'Live alerts are not available on this server');
    // The stream never ends by itself: only a client that asks for an event stream gets one.
    if (!(c.req.header('accept') ?? '').includes('text/event-stream'))
      throw new QihuangError('invalid-input', 'This is an event stream: send Accept: text/event-stream', {
        status: 406,
      });
    return streamSSE(c, async (stream) => {
      const pending: AlertEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = hub.subscribe((event) => {
        pending.push(event);
        wake?.();
      });
      const signal = c.req.raw.signal;
      const closed = new Promise<void>((resolve) => {
        stream.onAbort(resolve);
        signal?.addEventListener('abort', () => resolve(), { once: true });
        void hub.closed.then(resolve);
      });
      let open = true;
      void closed.then(() => {
        open = false;
        wake?.();
      });
      try {
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ at: deps.now() }) });
        while (open) {
          await Promise.race([
            new Promise<void>((resolve) => {
              wake = resolve;
              if (pending.length) resolve();
            }),
            new Promise<void>((resolve) => setTimeout(resolve, (deps.keepAliveSeconds ?? 25) * 1000)),
          ]);
          wake = undefined;
          if (!open) break;
          if (pending.length === 0) await stream.write(': keep-alive\n\n');
          while (pending.length) {
            const event = pending.shift()!;
            await stream.writeSSE({
              event: event.type,
              id: event.alert.id,
              data: JSON.stringify(event.alert),
            });
          }
        }
      } finally {
        unsubscribe();
      }
    });
  });

  // Acknowledging is closing, and needs the action taken (alert-actions.ts): 400 without it.
  const close = async (c: import('hono').Context) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    // Refusals in the caller's language (?lang, Accept-Language), times in the hospital's zone.
    const language = patientLanguage(c.req.query('lang'), c.req.header('accept-language'));
    const ctx = deps.context(c);
    const closed = await closeAlert(deps.repository, ctx, c.req.param('id')!, body, deps.now(), {
      language,
      ...(deps.timeZone ? { timeZone: deps.timeZone } : {}),
    });
    // Answered (and published) as the inbox lists it — the patient's name, the clock — so a console that replaces
    // its card with it keeps both (a non-author try saw the id and no deadline after an attempt, 2026-12-08).
    const listed = (
      await listAlerts(deps.repository, ctx, {
        status: 'all',
        patientId: closed.patientId,
        ...(deps.timeZone ? { timeZone: deps.timeZone } : {}),
      })
    ).find((a) => a.id === closed.id);
    const [alert = closed] = listed
      ? await withDue(deps.repository, [listed], { now: deps.now(), targetMinutes: deps.targetMinutes })
      : [closed];
    // A contact that did not reach the patient leaves the alert open (decision 0026): the consoles update it.
    deps.hub?.publish({ type: alert.status === 'active' ? 'attempt' : 'closed', alert });
    return c.json(alert);
  };
  app.post('/alerts/:id/acknowledge', close);
  app.post('/alerts/:id/close', close);

  app.get('/alerts/timeliness', async (c) => {
    const ctx = deps.context(c);
    assertCareTeam(deps.repository, ctx, 'The critical-value timeliness report');
    const now = deps.now();
    const to = c.req.query('to') ?? now;
    const from = c.req.query('from') ?? new Date(Date.parse(to) - 30 * 86_400_000).toISOString();
    for (const [name, value] of [
      ['from', from],
      ['to', to],
    ] as const)
      if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value)))
        throw new QihuangError('invalid-input', `${name} must be a date or date-time, got "${value}"`);
    const target = c.req.query('target') === undefined ? deps.targetMinutes : Number(c.req.query('target'));
    if (!Number.isFinite(target) || target <= 0 || target > 10_080)
      throw new QihuangError('invalid-input', 'target must be a number of minutes from 1 to 10080');
    const severity = c.req.query('severity') ?? 'critical';
    if (!['critical', 'warning', 'info'].includes(severity))
      throw new QihuangError('invalid-input', 'severity must be critical, warning or info');
    const report = await alertTimeliness(deps.repository, { from, to, targetMinutes: target, now, severity });
    await deps.repository.audit(deps.repository.db, ctx, {
      action: 'operation',
      outcome: 'success',
      resourceType: 'Flag',
      query: 'bp-alert-timeliness',
      patientIds: [],
      detail: { alerts: report.alerts },
    });
    return c.json(report);
  });

  return app;
}

export const ALERT_OPENAPI = {
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
  '/alerts/stream': {
    get: {
      summary: 'Live alert events for the care team (text/event-stream: alert, escalated, closed)',
      tags: ['blood-pressure'],
      responses: {
        '200': { description: 'event stream' },
        '403': { description: 'not the care team' },
        '406': { description: 'Accept does not include text/event-stream' },
      },
    },
  },
  '/alerts/{id}/acknowledge': {
    post: {
      summary: 'Close an alert with the action taken (who contacted the patient, when, how, what was done)',
      tags: ['blood-pressure'],
      description:
        "Refusals are in the caller's language (?lang=zh-CN|en, else Accept-Language; zh-CN by default), " +
        "times in the hospital's zone. " +
        'Body: { contactedBy, contactedAt (date-time with offset), method (phone, sms, wechat, video, ' +
        'in-person, other), patientReached (boolean), action, handover? (ambulance, emergency-department) }. ' +
        'Without a complete action: 400, nothing changes. Kept as FHIR Task + Communication + Provenance; the ' +
        'Flag becomes inactive; audited. A critical or same-day alert whose patient was not reached and not ' +
        'handed over stays active: the attempt is recorded (Communication not-done, Provenance, audited) and ' +
        'the answer is the open alert with its `attempts`. ' +
        '`/alerts/{id}/close` is the same.',
      responses: {
        '200': { description: 'closed alert, or the open alert with the attempt recorded' },
        '400': {
          description:
            'no or incomplete action; contactedAt before the reading or the alert, or in the future',
        },
        '409': { description: 'closed already' },
      },
    },
  },
  '/alerts/timeliness': {
    get: {
      summary:
        'Critical-value timeliness: minutes from alert (headline) and from reading to closing — median, p90, % in target',
      tags: ['blood-pressure'],
      parameters: [
        { name: 'from', in: 'query', schema: { type: 'string', format: 'date-time' } },
        { name: 'to', in: 'query', schema: { type: 'string', format: 'date-time' } },
        { name: 'target', in: 'query', schema: { type: 'number' } },
        { name: 'severity', in: 'query', schema: { enum: ['critical', 'warning', 'info'] } },
      ],
      responses: { '200': { description: 'report' } },
    },
  },
};
