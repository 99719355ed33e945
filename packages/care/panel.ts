/**
 * The clinician's panel: patients with an active care plan, ranked by need. Home means are judged against
 * the plan's home-BP target; deceased patients are left out (issue 17 items 4, 5).
 */
import type { RequestContext } from '@qihuang/contracts';
import { listAlerts } from '@qihuang/bp-monitoring';
import { adherence, rankPanel, type PanelEntry } from '@qihuang/engines/hypertension-care';
import { addDays, assertClinicalSide, localDay, nowOf, type CareDeps } from './deps.ts';
import { currentHomeMean } from '@qihuang/engines/blood-pressure';
import { CARE_PLAN_CATEGORY, viewOf } from './management.ts';
import { medicationAdherence } from './patient-home.ts';
import { needsPrescriber } from './draft-state.ts';
import { atTarget } from './home-targets.ts';
import { deceasedOf } from './patient-status.ts';
import { careSettings } from './settings.ts';
import { measuredContext } from './measured.ts';
import type { PanelRow } from './api-types/index.ts';
import { quietReads } from './quiet-reads.ts';
import { panelReasons } from './panel-reasons.ts';

export type { PanelRow };

/**
 * The clinician's panel: patients with an active care plan, ranked by need. One audit row per request (issue 20):
 * the chart reads behind it are folded into a 'care-panel' search row naming every patient read.
 */
export async function carePanel(
  deps: CareDeps,
  ctx: RequestContext,
  options: { mine?: boolean } = {},
): Promise<{ entries: PanelRow[] }> {
  assertClinicalSide(ctx);
  const quiet = quietReads(deps.repository);
  const audit = (outcome: 'success' | 'failure', detail: Record<string, unknown>) =>
    deps.audit(ctx, {
      action: 'search',
      outcome,
      query: 'care-panel',
      patientIds: quiet.patients(),
      detail: { reads: quiet.reads(), ...detail },
    });
  try {
    const result = await panelRows({ ...deps, repository: quiet.repository }, ctx, options);
    await audit('success', { listed: result.entries.length, ...(options.mine ? { mine: true } : {}) });
    return result;
  } catch (error) {
    await audit('failure', {}).catch(() => undefined);
    throw error;
  }
}

async function panelRows(
  deps: CareDeps,
  ctx: RequestContext,
  options: { mine?: boolean },
): Promise<{ entries: PanelRow[] }> {
  const now = nowOf(deps);
  const offset = careSettings(deps).utcOffsetMinutes;
  const today = localDay(now, offset);
  const plans = await deps.repository.searchAll(ctx, 'CarePlan', [['status', 'active']], 2000);
  const ours = plans.filter((p) =>
    (p as { category?: { coding?: { code?: string }[] }[] }).category?.some((c) =>
      c.coding?.some((x) => x.code === CARE_PLAN_CATEGORY.code),
    ),
  );
  const alerts = await listAlerts(deps.repository, ctx, { status: 'active', count: 1000 });
  const drafts = await deps.repository.searchAll(ctx, 'MedicationRequest', [['status', 'draft']], 5000);
  const draftsBy = new Map<string, number>();
  for (const d of drafts) {
    // Drafts the doctor has to act on: unsigned proposals and orders the pharmacist returned; not those signed
    // and waiting for the pharmacist (decision 0017).
    if (!needsPrescriber(d)) continue;
    const patient = ((d as { subject?: { reference?: string } }).subject?.reference ?? '').replace(
      'Patient/',
      '',
    );
    draftsBy.set(patient, (draftsBy.get(patient) ?? 0) + 1);
  }
  const entries: (PanelEntry & { name?: string; homeMean?: PanelRow['homeMean'] })[] = [];
  for (const plan of ours) {
    const view = viewOf(plan, today);
    if (!view) continue;
    if (options.mine && !(view.careTeam ?? []).some((m) => m.display === ctx.principal.username)) continue;
    const patientId = ((plan as { subject?: { reference?: string } }).subject?.reference ?? '').replace(
      'Patient/',
      '',
    );
    const measured = await measuredContext(deps, ctx, patientId, {
      now: now.toISOString(),
      from: new Date(now.getTime() - 14 * 86_400_000).toISOString(),
    }).catch(() => undefined);
    // Deceased patients (or a plan whose patient is gone) are not on a panel of people to follow up.
    if (!measured || deceasedOf(measured.patient)) continue;
    const { context } = measured;
    const past = context.home.filter((r) => Date.parse(r.time) <= now.getTime());
    // The one current home average (decision 0027: 7 days ending today, first day discarded — ESH 2023 / China 2018,
    // REFERENCE §2.3), the patient's home and the BP page's figure, judged against the home target (§2.1–2.2).
    const current = currentHomeMean(past, {
      guideline: view.guideline,
      now: now.toISOString(),
      utcOffsetMinutes: offset,
      target: view.homeTarget,
    });
    const mean = current.mean;
    const excess = mean ? Math.max(0, Math.round(mean.sbp - view.homeTarget.sbp)) : undefined;
    const controlled = mean ? atTarget(mean, view.homeTarget) : undefined;
    const from = [view.monitoring.startDate, addDays(today, -13)].sort().at(-1)!;
    const adh = adherence(view.monitoring, past, from, today, offset);
    const patientAlerts = alerts.filter((a) => a.patientId === patientId);
    const meds = await medicationAdherence(deps, patientId, today);
    const recorded = meds.days.filter((d) => d.taken !== null).length;
    entries.push({
      patientId,
      ...(context.name ? { name: context.name } : {}),
      ...(controlled !== undefined ? { controlled } : {}),
      ...(mean && current.shown
        ? {
            homeMean: {
              shown: current.shown,
              readings: current.readingsUsed,
              from: current.from,
              to: current.to,
              label: current.label,
            },
          }
        : {}),
      ...(excess !== undefined ? { excessSbp: excess } : {}),
      openAlerts: patientAlerts.length,
      crisisAlerts: patientAlerts.filter((a) => a.severity === 'critical').length,
      // No session due yet (a plan begun today, before its first window closed) is no adherence figure, not 0 %
      // (issue 20 try: every demo patient was 依从性不足 0 %).
      ...(adh.plannedSessions > 0 ? { adherenceFraction: adh.fraction } : {}),
      ...(view.medications.length > 0 && recorded > 0 ? { medicationAdherence: meds.fraction } : {}),
      daysOverdue: view.followUp.overdueDays,
      pendingDrafts: draftsBy.get(patientId) ?? 0,
    });
  }
  const ranks = rankPanel(entries);
  const byId = new Map(entries.map((e) => [e.patientId, e]));
  return {
    entries: ranks.map((r) => {
      const e = byId.get(r.patientId)!;
      // A reported emergency is named as what it is, apart from BP crisis alerts (issue 20).
      const reasons = panelReasons(
        r.reasons,
        alerts.filter((a) => a.patientId === r.patientId),
      );
      return { ...e, ...r, reasons, openAlerts: e.openAlerts, pendingDrafts: e.pendingDrafts ?? 0 };
    }),
  };
}
