/**
 * The care team's alert for a consultation's triage, raised when the message arrives (never when someone opens
 * the chart): an emergency's critical alert (emergency-flag.ts, decision 0011) and an urgent result's warning
 * (urgent-flag.ts, decision 0022). Each is tried twice (a transient database error); a failure is audited.
 */
import type { RequestContext } from '@qihuang/contracts';
import type { TriageResult } from '@qihuang/engines/hypertension-care';
import type { CareDeps } from './deps.ts';
import { raiseEmergencyFlag } from './emergency-flag.ts';
import { raiseUrgentFlag, supersedeUrgent } from './urgent-flag.ts';

const twice = async <T>(raise: () => Promise<T>): Promise<T | undefined> => {
  const once = () =>
    raise().then(
      (v) => ({ v }),
      () => undefined,
    );
  return ((await once()) ?? (await once()))?.v;
};

async function auditFailure(
  deps: CareDeps,
  ctx: RequestContext,
  query: string,
  patientId: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await deps
    .audit(ctx, { action: 'operation', query, outcome: 'failure', patientIds: [patientId], detail })
    .catch(() => undefined);
}

/**
 * The critical alert of an emergency stop; answers the id of the alert that stands for it (new, or the open one
 * of the same event it joined), undefined when it could not be written. The urgent alerts it now stands for —
 * always the one of this consultation (`earlierUrgent`) — are closed as given way to it (best effort).
 */
export async function alertEmergency(
  deps: CareDeps,
  ctx: RequestContext,
  consultation: { id: string; patientId: string },
  result: TriageResult,
  at: string,
  earlierUrgent?: string,
): Promise<string | undefined> {
  const { id, patientId } = consultation;
  const alertId = await twice(() => raiseEmergencyFlag(deps, ctx, patientId, result, at));
  if (alertId === undefined) {
    await auditFailure(deps, ctx, 'care-emergency-alert', patientId, { consultation: id, rule: result.rule });
    return undefined;
  }
  await supersedeUrgent(deps, ctx, patientId, result, alertId, at, earlierUrgent).catch(() => undefined);
  return alertId;
}

/**
 * The alert of an urgent result (new, or the open one of the same event it joined); undefined when there is none
 * to raise (a stored crisis reading alone has its own) or it could not be written (audited).
 */
export async function alertUrgent(
  deps: CareDeps,
  ctx: RequestContext,
  consultation: { id: string; patientId: string },
  result: TriageResult,
  at: string,
): Promise<string | undefined> {
  const { id, patientId } = consultation;
  let failed = false;
  const alertId = await twice(() =>
    raiseUrgentFlag(deps, ctx, patientId, result, at).catch((error: unknown) => {
      failed = true;
      throw error;
    }),
  );
  if (alertId === undefined && failed)
    await auditFailure(deps, ctx, 'care-urgent-alert', patientId, { consultation: id, rule: result.rule });
  return alertId;
}
