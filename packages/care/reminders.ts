/**
 * Reminder delivery through the hospital's webhook (SMS/WeChat gateway). Deceased patients are never sent
 * one, whatever plan is still on file (issue 17 item 4).
 */
import { sql } from 'kysely';
import type { RequestContext } from '@qihuang/contracts';
import { remindersFor } from '@qihuang/engines/hypertension-care';
import { localDay, nowOf, type CareDeps } from './deps.ts';
import { viewOf } from './management.ts';
import { deceasedOf } from './patient-status.ts';
import { careSettings } from './settings.ts';
import { measuredContext } from './measured.ts';
import { careDb } from './tables.ts';
import { signWebhook } from '@qihuang/audit';

export interface ReminderDispatch {
  sent: number;
  failed: number;
  skipped: number;
}

/**
 * Sends due measurement reminders to the hospital's webhook (once per patient, day and session), signed with
 * HMAC-SHA256 over '<timestamp>.<body>' when a secret is set (x-qihuang-timestamp, x-qihuang-signature). The server calls this every few minutes.
 */
export async function dispatchReminders(deps: CareDeps, ctx: RequestContext): Promise<ReminderDispatch> {
  const result: ReminderDispatch = { sent: 0, failed: 0, skipped: 0 };
  if (!deps.webhook) return result;
  const now = nowOf(deps);
  const today = localDay(now, careSettings(deps).utcOffsetMinutes);
  const plans = await deps.repository.searchAll(ctx, 'CarePlan', [['status', 'active']], 5000);
  for (const plan of plans) {
    const view = viewOf(plan, today);
    if (!view) continue;
    const patientId = ((plan as { subject?: { reference?: string } }).subject?.reference ?? '').replace(
      'Patient/',
      '',
    );
    const measured = await measuredContext(deps, ctx, patientId, {
      now: now.toISOString(),
      from: new Date(now.getTime() - 2 * 86_400_000).toISOString(),
    }).catch(() => undefined);
    if (!measured || deceasedOf(measured.patient)) continue;
    const { context, patient } = measured;
    const offset = careSettings(deps, patient).utcOffsetMinutes;
    const due = remindersFor(view.monitoring, context.home, now.toISOString(), offset).filter(
      (r) => r.state === 'due' && r.date === localDay(now, offset),
    );
    for (const reminder of due) {
      // Claim the session before sending, so that server replicas (or an overlapping `care remind`) send it
      // once: a new row, a failed one, or a claim left 'sending' for over 5 minutes by a replica that died.
      const { rows: claimed } = await sql<{ status: string }>`
        insert into care_reminder_delivery (patient_id, day, session, status, detail, sent_at)
        values (${patientId}, ${reminder.date}, ${reminder.session}, 'sending', null, now())
        on conflict (patient_id, day, session) do update set status = 'sending', detail = null, sent_at = now()
        where care_reminder_delivery.status = 'failed'
          or (care_reminder_delivery.status = 'sending' and care_reminder_delivery.sent_at < now() - interval '5 minutes')
        returning status`.execute(deps.db);
      if (claimed.length === 0) {
        result.skipped++;
        continue;
      }
      const payload = JSON.stringify({
        type: 'bp-measurement-reminder',
        patient: `Patient/${patientId}`,
        date: reminder.date,
        session: reminder.session,
        window: reminder.window,
        readingsPlanned: reminder.readingsPlanned,
        message: {
          zh: `请在 ${reminder.window[0]}–${reminder.window[1]} 之间测量血压，${reminder.readingsPlanned} 次，间隔 1 分钟。`,
          en: `Please measure your blood pressure between ${reminder.window[0]} and ${reminder.window[1]}: ${reminder.readingsPlanned} readings, 1 minute apart.`,
        },
      });
      // Timestamped signature, the same scheme as audit checkpoints and BP alerts (no replay outside 300 s).
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        ...(deps.webhook.secret ? signWebhook(deps.webhook.secret, payload, now) : {}),
      };
      let status: 'sent' | 'failed' = 'sent';
      let detail: string | null = null;
      try {
        const response = await (deps.webhook.fetch ?? fetch)(deps.webhook.url, {
          method: 'POST',
          headers,
          body: payload,
          signal: AbortSignal.timeout(10_000),
        });
        if (!response.ok) {
          status = 'failed';
          detail = `HTTP ${response.status}`;
        }
      } catch (error) {
        status = 'failed';
        detail = (error as Error).message;
      }
      await careDb(deps.db)
        .updateTable('care_reminder_delivery')
        .set({ status, detail, sent_at: new Date() })
        .where('patient_id', '=', patientId)
        .where('day', '=', reminder.date)
        .where('session', '=', reminder.session)
        .execute();
      if (status === 'sent') result.sent++;
      else result.failed++;
    }
  }
  return result;
}
