/**
 * Tells the care team (危急值通知): every new alert goes to the consoles connected to this server (the hub
 * behind `GET /api/bp/alerts/stream`); a critical one is also POSTed to the hospital's webhook (SMS/WeChat
 * gateway, the same one as the care reminders, HMAC-signed) and kept as a FHIR `Communication`. A critical
 * alert not closed within `escalateAfterMinutes` (packages/config) is escalated the same three ways, once.
 * Work comes from `bp_alert_notice` (alert-notices.ts): a send that failed stays due and is retried on the next
 * sweep; the server sweeps on a timer and whenever alerts were raised. Time comes from the injected clock.
 */
import { sql } from 'kysely';
import { isQihuangError, SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import type { FhirRepository, FhirResource } from '@qihuang/store';
import { iso, type NoticeRow } from './alert-notices.ts';
import { fromFlag, patientName, type StoredAlert } from './alerts-store.ts';
import { flagOfNotice, REPEAT_KIND } from './crisis-join.ts';
import { signWebhook } from '@qihuang/audit';
import type { AlertEventType, AlertEvent } from './api-types/index.ts';

export type { AlertEventType, AlertEvent };

/** In-process fan-out to the consoles connected to this server. */
export interface AlertHub {
  publish(event: AlertEvent): void;
  subscribe(listener: (event: AlertEvent) => void): () => void;
  readonly listeners: number;
  /** Resolves when the server shuts down: open streams end so that the server can close. */
  readonly closed: Promise<void>;
  close(): void;
}

export function createAlertHub(): AlertHub {
  const listeners = new Set<(event: AlertEvent) => void>();
  let close!: () => void;
  const closed = new Promise<void>((resolve) => (close = resolve));
  return {
    closed,
    close,
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // A closed stream must not keep others from their events.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    get listeners() {
      return listeners.size;
    },
  };
}

export interface AlertWebhook {
  url: string;
  secret?: string;
  fetch?: typeof fetch;
}

export interface AlertNotifierOptions {
  hub: AlertHub;
  webhook?: AlertWebhook;
  /** Unclosed critical alerts are escalated after this many minutes (config: bpAlertEscalateMinutes). */
  escalateAfterMinutes: number;
  clock?: () => Date;
  onError?: (error: unknown) => void;
}

export interface AlertNotifier {
  /** Sends what is due and escalates what is overdue; answers the counts. */
  sweep(): Promise<{ notified: number; escalated: number }>;
  /** Sweeps soon (after alerts were raised); returns at once. */
  kick(): void;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

/** A Flag whose notice exists but which was not written (failed transaction) is given up after this. */
const ORPHAN_NOTICE_MS = 10 * 60_000;

export function createAlertNotifier(repo: FhirRepository, options: AlertNotifierOptions): AlertNotifier {
  const ctx: RequestContext = { requestId: 'bp-alert-notifier', principal: SYSTEM_PRINCIPAL };
  const clock = options.clock ?? (() => new Date());

  const readFlag = async (id: string): Promise<FhirResource | undefined> => {
    try {
      return await repo.read(ctx, 'Flag', id);
    } catch (error) {
      if (isQihuangError(error) && (error.code === 'not-found' || error.code === 'gone')) return undefined;
      throw error;
    }
  };

  /** The alert as the inbox shows it, with the patient's name. */
  const view = async (flag: FhirResource): Promise<StoredAlert> => {
    const subject = String((flag.subject as { reference?: string } | undefined)?.reference ?? '');
    const patient = await repo.read(ctx, 'Patient', subject.replace(/^Patient\//, '')).catch(() => undefined);
    return fromFlag(flag, patient ? patientName(patient) : undefined);
  };

  const post = async (type: string, alert: StoredAlert, at: string): Promise<void> => {
    if (!options.webhook) return;
    const payload = JSON.stringify({
      type,
      alert: `Flag/${alert.id}`,
      patient: `Patient/${alert.patientId}`,
      kind: alert.kind,
      severity: alert.severity,
      values: alert.values,
      at,
      message: alert.summary,
    });
    // Signed as the audit checkpoints are (timestamp + HMAC over '<timestamp>.<body>'), so a captured delivery
    // cannot be replayed outside the receiver's window (packages/audit/webhook-signature.ts).
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...(options.webhook.secret ? signWebhook(options.webhook.secret, payload, clock()) : {}),
    };
    const response = await (options.webhook.fetch ?? fetch)(options.webhook.url, {
      method: 'POST',
      headers,
      body: payload,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`alert webhook answered HTTP ${response.status}`);
  };

  const communication = async (alert: StoredAlert, kind: 'notify' | 'escalate', at: string) => {
    const id = `cv-${kind}-${alert.id}`;
    const text =
      kind === 'notify'
        ? `${alert.summary.zh} / ${alert.summary.en}`
        : `未在规定时间内处理的危急值，已升级 / Critical value not closed in time: escalated. ${alert.summary.en}`;
    await repo.update(ctx, 'Communication', id, {
      resourceType: 'Communication',
      id,
      status: 'completed',
      category: [
        {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/communication-category', code: 'alert' }],
        },
      ],
      priority: 'stat',
      subject: { reference: `Patient/${alert.patientId}` },
      about: [{ reference: `Flag/${alert.id}` }],
      sent: at,
      recipient: [{ display: kind === 'notify' ? 'care team' : 'care team (escalation)' }],
      payload: [{ contentString: text }],
    });
  };

  const notifyDue = async (): Promise<number> => {
    const { rows } = await sql<NoticeRow>`
      select * from bp_alert_notice where notified_at is null order by raised_at limit 100`.execute(repo.db);
    let sent = 0;
    const now = clock();
    for (const row of rows) {
      try {
        const repeat = row.kind === REPEAT_KIND;
        const flag = await readFlag(repeat ? flagOfNotice(row.flag_id) : row.flag_id);
        if (!flag) {
          if (now.getTime() - Date.parse(iso(row.raised_at)!) > ORPHAN_NOTICE_MS)
            await sql`delete from bp_alert_notice where flag_id = ${row.flag_id} and notified_at is null`.execute(
              repo.db,
            );
          continue;
        }
        const alert = await view(flag);
        const at = now.toISOString();
        // Another crisis reading for an open alert: one webhook saying so, no Communication, no new timer.
        if (repeat && flag.status === 'active') await post('bp-critical-alert-repeat', alert, at);
        else if (!repeat && row.severity === 'critical' && flag.status === 'active') {
          await communication(alert, 'notify', at);
          await post('bp-critical-alert', alert, at);
        }
        await sql`update bp_alert_notice set notified_at = ${at}::timestamptz where flag_id = ${row.flag_id}`.execute(
          repo.db,
        );
        options.hub.publish({ type: repeat ? 'joined' : 'alert', alert });
        sent++;
      } catch (error) {
        options.onError?.(error); // stays due: retried on the next sweep
      }
    }
    return sent;
  };

  const escalateDue = async (): Promise<number> => {
    const now = clock();
    const cutoff = new Date(now.getTime() - options.escalateAfterMinutes * 60_000).toISOString();
    const { rows } = await sql<NoticeRow>`
      select * from bp_alert_notice
      where acknowledged_at is null and escalated_at is null and notified_at is not null
        and severity = 'critical' and kind <> ${REPEAT_KIND} and raised_at <= ${cutoff}::timestamptz
      order by raised_at limit 100`.execute(repo.db);
    let escalated = 0;
    for (const row of rows) {
      try {
        const flag = await readFlag(row.flag_id);
        const at = now.toISOString();
        if (flag && flag.status === 'active') {
          const alert = await view(flag);
          await communication(alert, 'escalate', at);
          await post('bp-critical-alert-escalated', alert, at);
          options.hub.publish({ type: 'escalated', alert });
          escalated++;
        }
        await sql`update bp_alert_notice set escalated_at = ${at}::timestamptz where flag_id = ${row.flag_id}`.execute(
          repo.db,
        );
      } catch (error) {
        options.onError?.(error);
      }
    }
    return escalated;
  };

  let running: Promise<{ notified: number; escalated: number }> | undefined;
  let again = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  const sweep = (): Promise<{ notified: number; escalated: number }> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      const total = { notified: 0, escalated: 0 };
      do {
        again = false;
        total.notified += await notifyDue();
        total.escalated += await escalateDue();
      } while (again);
      return total;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  return {
    sweep,
    kick: () => void sweep().catch((error: unknown) => options.onError?.(error)),
    start(intervalMs) {
      timer = setInterval(() => void sweep().catch((error: unknown) => options.onError?.(error)), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
