/**
 * The alerts that named a reading withdrawn as entered in error (withdraw-reading.ts, docs/decisions/0020):
 * - every alert Flag naming it (triggering or joined reading) carries a `withdrawn` note (who, when, why), shown in
 *   the inbox;
 * - an open non-critical alert all of whose readings are now withdrawn is closed by the system, its notice
 *   acknowledged as "reading withdrawn";
 * - a critical alert is never closed here: it stays open, with the note, for a clinician to acknowledge — with its
 *   deadline, overdue mark and escalation (alert-due.ts, the notifier) — the withdrawal may itself be the mistake;
 * - a critical-value notice whose readings are all withdrawn leaves the timeliness report's reading-based figures
 *   (reading_withdrawn_at), never its alert counts (issue 20).
 * The engine's new evaluation of the remaining readings is the route's (the evaluator), as after an upload.
 */
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import { processTransaction, type FhirRepository, type FhirResource } from '@qihuang/store';
import { ACK_EXTENSION, ALERT_CODE_SYSTEM, alertDetail, withAlertDetail } from './alerts-store.ts';
import type { WithdrawAnswer, WithdrawnReading } from './api-types/index.ts';
import type { Withdrawn } from './withdraw-reading.ts';

/** Who closed an alert whose readings were all withdrawn (the notice's acknowledged_by). */
export const WITHDRAWN_CLOSER = 'system/reading-withdrawn';

export async function withdrawFromAlerts(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
  withdrawn: Withdrawn,
): Promise<WithdrawAnswer['alerts']> {
  const system: RequestContext = { ...ctx, principal: SYSTEM_PRINCIPAL };
  const result = await repo.search(system, 'Flag', [
    ['patient', patientId],
    ['code', `${ALERT_CODE_SYSTEM}|`],
    ['_count', '1000'],
    ['_total', 'none'],
  ]);
  const entry: WithdrawnReading = {
    id: withdrawn.reading,
    at: withdrawn.withdrawnAt,
    by: withdrawn.by,
    reason: withdrawn.reason,
  };
  const outcomes: WithdrawAnswer['alerts'] = [];
  const updated: FhirResource[] = [];
  const emptied: string[] = [];
  for (const match of result.matches) {
    const flag = match.content as FhirResource;
    const d = alertDetail(flag);
    const named = new Set([...(d.readingIds ?? []), ...(d.joined ?? []).map((j) => j.id)]);
    if (!named.has(entry.id) || d.withdrawn?.some((w) => w.id === entry.id)) continue;
    const withdrawnIds = new Set([...(d.withdrawn ?? []).map((w) => w.id), entry.id]);
    const allWithdrawn = [...named].every((id) => withdrawnIds.has(id));
    if (allWithdrawn) emptied.push(String(flag.id));
    const noted = withAlertDetail(flag, { ...d, withdrawn: [...(d.withdrawn ?? []), entry] });
    const close = allWithdrawn && flag.status === 'active' && d.severity !== 'critical';
    updated.push(
      close
        ? {
            ...noted,
            status: 'inactive',
            period: { ...(flag.period as object), end: withdrawn.withdrawnAt },
            extension: [
              ...((noted.extension as { url: string }[] | undefined) ?? []).filter(
                (e) => e.url !== ACK_EXTENSION,
              ),
              {
                url: ACK_EXTENSION,
                valueString: JSON.stringify({
                  by: WITHDRAWN_CLOSER,
                  at: withdrawn.withdrawnAt,
                  action: `reading withdrawn as entered in error: ${withdrawn.reason}`,
                }),
              },
            ],
          }
        : noted,
    );
    outcomes.push({ id: String(flag.id), outcome: close ? 'closed' : 'noted' });
  }
  if (updated.length === 0) return [];
  await processTransaction(repo, system, {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: updated.map((resource) => ({
      resource,
      request: { method: 'PUT', url: `Flag/${String(resource.id)}` },
    })),
  });
  const closed = outcomes.filter((o) => o.outcome === 'closed').map((o) => o.id);
  if (emptied.length)
    await sql`update bp_alert_notice set reading_withdrawn_at = ${withdrawn.withdrawnAt}::timestamptz
      where flag_id = any(${emptied}::text[]) and reading_withdrawn_at is null`.execute(repo.db);
  if (closed.length)
    await sql`update bp_alert_notice set acknowledged_at = ${withdrawn.withdrawnAt}::timestamptz,
      acknowledged_by = ${WITHDRAWN_CLOSER}
      where flag_id = any(${closed}::text[]) and acknowledged_at is null`.execute(repo.db);
  return outcomes;
}
