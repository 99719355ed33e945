/**
 * Personalised management: the CarePlan (target, lifestyle goals with sources, home-monitoring plan,
 * follow-up), the patient's home page (reminders, adherence, progress towards the target, signed
 * medications), medication adherence check-ins, the clinician panel ranked by need, and reminder delivery
 * through the hospital's webhook.
 */
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import { listAlerts, loadPatientContext, type PatientContext } from '@qihuang/bp-monitoring';
import { checkTarget, targetFor, type BpReading, type Guideline } from '@qihuang/engines/blood-pressure';
import {
  adherence,
  followUpDays,
  lifestyleGoals,
  monitoringPlan,
  rankPanel,
  remindersFor,
  type Adherence,
  type LifestyleGoal,
  type MonitoringPhase,
  type MonitoringPlan,
  type PanelEntry,
  type PanelRank,
  type ReminderDue,
} from '@qihuang/engines/hypertension-care';
import type { FhirResource } from '@qihuang/store';
import { PROPOSAL_TAG, SIGNATURE_EXTENSION, practitionerFor } from './prescriptions.ts';
import { addDays, assertClinicalSide, assertPatientAccess, localDay, nowOf, type CareDeps } from './deps.ts';
import { careDb } from './tables.ts';

const VIEW_EXTENSION = 'urn:qihuang:care-plan-view';
const CARE_PLAN_CATEGORY = {
  system: 'urn:qihuang:care',
  code: 'hypertension-care-plan',
  display: 'Hypertension care plan',
};

export interface CarePlanView {
  id: string;
  status: 'active' | 'revoked';
  guideline: Guideline;
  created: string;
  author?: string;
  target: { sbp: number; dbp?: number; rule: string; source: string };
  goals: LifestyleGoal[];
  monitoring: MonitoringPlan;
  followUp: { next: string; intervalDays: number; source: string; overdueDays: number };
  medications: { id: string; display: string }[];
  /** The patient's care team: clinicians who set or revised the plan (their panel lists the patient first). */
  careTeam: { reference: string; display: string }[];
}

export interface PatientHome {
  patient: { id: string; name?: string };
  modelConfigured: boolean;
  guideline: Guideline;
  carePlan?: CarePlanView;
  monitoring: { plan: MonitoringPlan; reminders: ReminderDue[]; adherence: Adherence };
  progress: {
    target?: { sbp: number; dbp?: number };
    weeks: { weekStart: string; sbp: number; dbp: number; readings: number; atTarget: boolean }[];
  };
  medications: { id: string; display: string; dosage?: string; signedBy?: string; signedAt?: string }[];
  medicationAdherence: { fraction: number; days: { date: string; taken: boolean | null }[] };
}

const carePlanId = (patientId: string) => `htn-${patientId}`.slice(0, 64);

function viewOf(resource: FhirResource, today: string): CarePlanView | undefined {
  const ext = (resource as { extension?: { url: string; valueString?: string }[] }).extension?.find(
    (e) => e.url === VIEW_EXTENSION,
  );
  if (!ext?.valueString) return undefined;
  const view = JSON.parse(ext.valueString) as CarePlanView;
  const overdue = Math.max(0, Math.round((Date.parse(today) - Date.parse(view.followUp.next)) / 86_400_000));
  return {
    ...view,
    status: (resource as { status?: string }).status === 'active' ? 'active' : 'revoked',
    followUp: { ...view.followUp, overdueDays: overdue },
  };
}

export async function activeMedications(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
): Promise<PatientHome['medications']> {
  const orders = await deps.repository.searchAll(ctx, 'MedicationRequest', [
    ['patient', patientId],
    ['status', 'active'],
  ]);
  return orders.map((o) => {
    const mr = o as {
      id: string;
      medicationCodeableConcept?: { text?: string; coding?: { display?: string }[] };
      dosageInstruction?: { text?: string }[];
      extension?: { url: string; valueString?: string }[];
      requester?: { display?: string };
      authoredOn?: string;
    };
    const signature = mr.extension?.find((e) => e.url === SIGNATURE_EXTENSION)?.valueString;
    const signed = signature ? (JSON.parse(signature) as { by: string; at: string }) : undefined;
    return {
      id: mr.id,
      display: mr.medicationCodeableConcept?.text ?? mr.medicationCodeableConcept?.coding?.[0]?.display ?? '',
      ...(mr.dosageInstruction?.[0]?.text ? { dosage: mr.dosageInstruction[0].text } : {}),
      ...(signed
        ? { signedBy: signed.by, signedAt: signed.at }
        : mr.requester?.display
          ? { signedBy: mr.requester.display, ...(mr.authoredOn ? { signedAt: mr.authoredOn } : {}) }
          : {}),
    };
  });
}

export async function getCarePlan(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
): Promise<CarePlanView | undefined> {
  assertPatientAccess(ctx, patientId);
  const resource = await deps.repository
    .read(ctx, 'CarePlan', carePlanId(patientId))
    .catch((error: unknown) => {
      if ((error as QihuangError).code === 'not-found' || (error as QihuangError).code === 'gone')
        return undefined;
      throw error;
    });
  if (!resource) return undefined;
  return viewOf(resource, localDay(nowOf(deps), deps.utcOffsetMinutes ?? 480));
}

function bmiOf(context: PatientContext, weightKg?: number, heightCm?: number): number | undefined {
  if (!weightKg || !heightCm) return undefined;
  return weightKg / (heightCm / 100) ** 2;
}

function phaseOf(controlled: boolean | undefined, treated: boolean): MonitoringPhase {
  if (!treated) return 'diagnosis';
  return controlled ? 'maintenance' : 'titration';
}

/** Creates or revises the patient's care plan (clinicians). */
export async function upsertCarePlan(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  guideline: Guideline,
): Promise<CarePlanView> {
  assertClinicalSide(ctx);
  if (ctx.principal.role === 'nurse')
    throw new QihuangError('forbidden', 'Only a clinician can set a care plan');
  const now = nowOf(deps);
  const offset = deps.utcOffsetMinutes ?? 480;
  const today = localDay(now, offset);
  const context = await loadPatientContext(deps.repository, ctx, patientId, {
    now: now.toISOString(),
    from: new Date(now.getTime() - 28 * 86_400_000).toISOString(),
  });
  const medications = await activeMedications(deps, ctx, patientId);
  const population = { age: context.age ?? 50, diabetes: context.diabetes, ckd: context.ckd };
  const target = targetFor(guideline, population);
  const weight = await latestQuantity(deps, ctx, patientId, '29463-7'); // LOINC body weight (REFERENCE §8.1)
  const height = await latestQuantity(deps, ctx, patientId, '8302-2'); // LOINC body height
  const goals = lifestyleGoals({
    guideline,
    ...(context.sex ? { sex: context.sex } : {}),
    ...(context.smoker !== undefined ? { smoker: context.smoker } : {}),
    ...(bmiOf(context, weight, height) !== undefined ? { bmi: bmiOf(context, weight, height)! } : {}),
  });
  const recentMean = meanOf(context.home);
  const controlled = recentMean ? checkTarget(recentMean, guideline, population).met : undefined;
  const treated = medications.length > 0 || context.treated;
  const monitoring = monitoringPlan(guideline, phaseOf(controlled, treated), today);
  // Changed = a prescription signed in the last 30 days (follow-up after a start/change, REFERENCE §7.4).
  const changed = medications.some(
    (m) => m.signedAt && Date.parse(m.signedAt) > now.getTime() - 30 * 86_400_000,
  );
  const follow = followUpDays(guideline, changed || controlled === false);
  const author = ctx.principal.username;
  const previous = await getCarePlan(deps, ctx, patientId);
  const careTeam = [...(previous?.careTeam ?? [])];
  if (ctx.principal.kind === 'user') {
    const me = await practitionerFor(deps, ctx);
    if (!careTeam.some((m) => m.reference === me.reference)) careTeam.push(me);
  }
  const view: CarePlanView = {
    id: carePlanId(patientId),
    status: 'active',
    guideline,
    created: now.toISOString(),
    author,
    target: {
      sbp: target.sbp,
      ...(target.dbp !== undefined ? { dbp: target.dbp } : {}),
      rule: target.rule,
      source: target.source,
    },
    goals,
    monitoring,
    followUp: {
      next: addDays(today, follow.days),
      intervalDays: follow.days,
      source: follow.source,
      overdueDays: 0,
    },
    medications: medications.map((m) => ({ id: m.id, display: m.display })),
    careTeam,
  };
  const subject = { reference: `Patient/${patientId}` };
  const goalResources = [
    {
      resourceType: 'Goal',
      id: 'bp-target',
      lifecycleStatus: 'active',
      description: {
        text: `Home BP below ${target.sbp}${target.dbp ? `/${target.dbp}` : ''} mmHg (${target.rule}; ${target.source})`,
      },
      subject,
      target: [
        {
          measure: {
            coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' }],
          }, // REFERENCE §8.1
          detailQuantity: {
            value: target.sbp,
            comparator: '<',
            unit: 'mmHg',
            system: 'http://unitsofmeasure.org',
            code: 'mm[Hg]',
          },
        },
        ...(target.dbp
          ? [
              {
                measure: {
                  coding: [
                    { system: 'http://loinc.org', code: '8462-4', display: 'Diastolic blood pressure' },
                  ],
                },
                detailQuantity: {
                  value: target.dbp,
                  comparator: '<',
                  unit: 'mmHg',
                  system: 'http://unitsofmeasure.org',
                  code: 'mm[Hg]',
                },
              },
            ]
          : []),
      ],
    },
    ...goals.map((g, i) => ({
      resourceType: 'Goal',
      id: `lifestyle-${i}`,
      lifecycleStatus: 'active',
      category: [{ text: g.domain }],
      description: { text: `${g.goal.en} — ${g.advice.en} (${g.source})` },
      subject,
    })),
  ];
  const resource = {
    resourceType: 'CarePlan',
    id: view.id,
    status: 'active',
    intent: 'plan',
    category: [{ coding: [CARE_PLAN_CATEGORY] }],
    title: 'Hypertension care plan',
    subject,
    period: { start: today },
    created: view.created,
    author: { display: author },
    contained: [
      ...goalResources,
      ...(careTeam.length
        ? [
            {
              resourceType: 'CareTeam',
              id: 'care-team',
              status: 'active',
              subject,
              participant: careTeam.map((member) => ({ member })),
            },
          ]
        : []),
    ],
    ...(careTeam.length ? { careTeam: [{ reference: '#care-team' }] } : {}),
    goal: goalResources.map((g) => ({ reference: `#${g.id}` })),
    activity: [
      {
        detail: {
          kind: 'ServiceRequest',
          code: {
            text: `Home BP monitoring: ${monitoring.schedule}, ${monitoring.days} days, morning and evening`,
          },
          status: 'in-progress',
          description: `${monitoring.rule} (${monitoring.source})`,
        },
      },
      {
        detail: {
          kind: 'Appointment',
          code: { text: 'Hypertension follow-up' },
          status: 'scheduled',
          scheduledPeriod: { start: view.followUp.next },
          description: `Every ${follow.days} days (${follow.source})`,
        },
      },
      ...medications.map((m) => ({
        reference: { reference: `MedicationRequest/${m.id}`, display: m.display },
      })),
    ],
    extension: [{ url: VIEW_EXTENSION, valueString: JSON.stringify(view) }],
  };
  await deps.repository.update(ctx, 'CarePlan', view.id, resource);
  return view;
}

async function latestQuantity(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  loinc: string,
): Promise<number | undefined> {
  const result = await deps.repository.search(ctx, 'Observation', [
    ['patient', patientId],
    ['code', `http://loinc.org|${loinc}`],
    ['_sort', '-date'],
    ['_count', '1'],
    ['_total', 'none'],
  ]);
  const o = result.matches[0]?.content as { valueQuantity?: { value?: number } } | undefined;
  return o?.valueQuantity?.value;
}

function meanOf(readings: readonly BpReading[]): { sbp: number; dbp: number } | undefined {
  if (readings.length === 0) return undefined;
  return {
    sbp: readings.reduce((s, r) => s + r.sbp, 0) / readings.length,
    dbp: readings.reduce((s, r) => s + r.dbp, 0) / readings.length,
  };
}

/** Weekly home means (local weeks starting Monday), oldest first. */
export function weeklyProgress(
  readings: readonly BpReading[],
  offset: number,
  target: { sbp: number; dbp?: number } | undefined,
): PatientHome['progress']['weeks'] {
  const weeks = new Map<string, BpReading[]>();
  for (const r of readings) {
    const day = localDay(new Date(r.time), offset);
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
    const start = addDays(day, -weekday);
    weeks.set(start, [...(weeks.get(start) ?? []), r]);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([weekStart, rs]) => {
      const m = meanOf(rs)!;
      const sbp = Math.round(m.sbp * 10) / 10;
      const dbp = Math.round(m.dbp * 10) / 10;
      const atTarget = target ? sbp < target.sbp && (target.dbp === undefined || dbp < target.dbp) : false;
      return { weekStart, sbp, dbp, readings: rs.length, atTarget };
    });
}

async function medicationAdherence(
  deps: CareDeps,
  patientId: string,
  today: string,
): Promise<PatientHome['medicationAdherence']> {
  const from = addDays(today, -13);
  const rows = await careDb(deps.db)
    .selectFrom('care_medication_adherence')
    .select(['day', 'taken'])
    .where('patient_id', '=', patientId)
    .where('day', '>=', from)
    .where('day', '<=', today)
    .execute();
  const byDay = new Map(rows.map((r) => [r.day, r.taken]));
  const days = Array.from({ length: 14 }, (_, i) => {
    const date = addDays(from, i);
    return { date, taken: byDay.has(date) ? byDay.get(date)! : null };
  });
  const taken = days.filter((d) => d.taken === true).length;
  return { fraction: Math.round((taken / 14) * 1000) / 1000, days };
}

export async function recordMedicationAdherence(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  date: string,
  taken: boolean,
): Promise<PatientHome['medicationAdherence']> {
  assertPatientAccess(ctx, patientId);
  const offset = deps.utcOffsetMinutes ?? 480;
  const today = localDay(nowOf(deps), offset);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
    throw new QihuangError('invalid-input', `date must be YYYY-MM-DD, got "${date}"`);
  if (date > today) throw new QihuangError('invalid-input', `date ${date} is in the future`);
  if (date < addDays(today, -13))
    throw new QihuangError('invalid-input', 'Only the last 14 days can be recorded');
  await careDb(deps.db)
    .insertInto('care_medication_adherence')
    .values({
      patient_id: patientId,
      day: date,
      taken,
      recorded_by: ctx.principal.id,
      recorded_at: new Date(),
    })
    .onConflict((oc) =>
      oc.columns(['patient_id', 'day']).doUpdateSet({ taken, recorded_by: ctx.principal.id }),
    )
    .execute();
  return medicationAdherence(deps, patientId, today);
}

export async function patientHome(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  guidelineOverride?: Guideline,
): Promise<PatientHome> {
  assertPatientAccess(ctx, patientId);
  const now = nowOf(deps);
  const offset = deps.utcOffsetMinutes ?? 480;
  const today = localDay(now, offset);
  const carePlan = await getCarePlan(deps, ctx, patientId);
  const guideline = guidelineOverride ?? carePlan?.guideline ?? deps.guideline ?? 'china-2018';
  const context = await loadPatientContext(deps.repository, ctx, patientId, {
    now: now.toISOString(),
    from: new Date(now.getTime() - 84 * 86_400_000).toISOString(),
  });
  const medications = await activeMedications(deps, ctx, patientId);
  const target =
    carePlan?.target ??
    targetFor(guideline, { age: context.age ?? 50, diabetes: context.diabetes, ckd: context.ckd });
  const plan =
    carePlan?.monitoring ??
    monitoringPlan(
      guideline,
      medications.length > 0 || context.treated ? 'titration' : 'diagnosis',
      addDays(today, -6),
    );
  const past = context.home.filter((r) => Date.parse(r.time) <= now.getTime());
  const reminders = remindersFor(plan, past, now.toISOString(), offset);
  const from = [plan.startDate, addDays(today, -13)].sort().at(-1)!;
  const adh = adherence(plan, past, from, today, offset);
  return {
    patient: { id: patientId, ...(context.name ? { name: context.name } : {}) },
    modelConfigured: deps.model.configured(),
    guideline,
    ...(carePlan ? { carePlan } : {}),
    monitoring: { plan, reminders, adherence: adh },
    progress: {
      target: { sbp: target.sbp, ...(target.dbp !== undefined ? { dbp: target.dbp } : {}) },
      weeks: weeklyProgress(past, offset, target),
    },
    medications,
    medicationAdherence: await medicationAdherence(deps, patientId, today),
  };
}

export type PanelRow = PanelRank & {
  name?: string;
  controlled?: boolean;
  excessSbp?: number;
  openAlerts: number;
  adherenceFraction?: number;
  medicationAdherence?: number;
  daysOverdue?: number;
  pendingDrafts: number;
};

/** The clinician's panel: patients with an active care plan, ranked by need. */
export async function carePanel(
  deps: CareDeps,
  ctx: RequestContext,
  options: { mine?: boolean } = {},
): Promise<{ entries: PanelRow[] }> {
  assertClinicalSide(ctx);
  const now = nowOf(deps);
  const offset = deps.utcOffsetMinutes ?? 480;
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
    if (
      !(d.meta as { tag?: { code?: string }[] } | undefined)?.tag?.some((t) => t.code === PROPOSAL_TAG.code)
    )
      continue;
    const patient = ((d as { subject?: { reference?: string } }).subject?.reference ?? '').replace(
      'Patient/',
      '',
    );
    draftsBy.set(patient, (draftsBy.get(patient) ?? 0) + 1);
  }
  const entries: (PanelEntry & { name?: string })[] = [];
  for (const plan of ours) {
    const view = viewOf(plan, today);
    if (!view) continue;
    if (options.mine && !(view.careTeam ?? []).some((m) => m.display === ctx.principal.username)) continue;
    const patientId = ((plan as { subject?: { reference?: string } }).subject?.reference ?? '').replace(
      'Patient/',
      '',
    );
    const context = await loadPatientContext(deps.repository, ctx, patientId, {
      now: now.toISOString(),
      from: new Date(now.getTime() - 14 * 86_400_000).toISOString(),
    });
    const past = context.home.filter((r) => Date.parse(r.time) <= now.getTime());
    const mean = meanOf(past);
    const excess = mean ? Math.max(0, Math.round(mean.sbp - view.target.sbp)) : undefined;
    const controlled = mean
      ? mean.sbp < view.target.sbp && (view.target.dbp === undefined || mean.dbp < view.target.dbp)
      : undefined;
    const from = [view.monitoring.startDate, addDays(today, -13)].sort().at(-1)!;
    const adh = adherence(view.monitoring, past, from, today, offset);
    const patientAlerts = alerts.filter((a) => a.patientId === patientId);
    const meds = await medicationAdherence(deps, patientId, today);
    const recorded = meds.days.filter((d) => d.taken !== null).length;
    entries.push({
      patientId,
      ...(context.name ? { name: context.name } : {}),
      ...(controlled !== undefined ? { controlled } : {}),
      ...(excess !== undefined ? { excessSbp: excess } : {}),
      openAlerts: patientAlerts.length,
      crisisAlerts: patientAlerts.filter((a) => a.severity === 'critical').length,
      adherenceFraction: adh.fraction,
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
      return { ...e, ...r, openAlerts: e.openAlerts, pendingDrafts: e.pendingDrafts ?? 0 };
    }),
  };
}

export interface ReminderDispatch {
  sent: number;
  failed: number;
  skipped: number;
}

/**
 * Sends due measurement reminders to the hospital's webhook (once per patient, day and session), signed with
 * HMAC-SHA256 when a secret is set (header x-qihuang-signature). The server calls this every few minutes.
 */
export async function dispatchReminders(deps: CareDeps, ctx: RequestContext): Promise<ReminderDispatch> {
  const result: ReminderDispatch = { sent: 0, failed: 0, skipped: 0 };
  if (!deps.webhook) return result;
  const now = nowOf(deps);
  const offset = deps.utcOffsetMinutes ?? 480;
  const today = localDay(now, offset);
  const plans = await deps.repository.searchAll(ctx, 'CarePlan', [['status', 'active']], 5000);
  for (const plan of plans) {
    const view = viewOf(plan, today);
    if (!view) continue;
    const patientId = ((plan as { subject?: { reference?: string } }).subject?.reference ?? '').replace(
      'Patient/',
      '',
    );
    const context = await loadPatientContext(deps.repository, ctx, patientId, {
      now: now.toISOString(),
      from: new Date(now.getTime() - 2 * 86_400_000).toISOString(),
    });
    const due = remindersFor(view.monitoring, context.home, now.toISOString(), offset).filter(
      (r) => r.state === 'due' && r.date === today,
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
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (deps.webhook.secret)
        headers['x-qihuang-signature'] =
          `sha256=${createHmac('sha256', deps.webhook.secret).update(payload).digest('hex')}`;
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
