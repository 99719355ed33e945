/**
 * Personalised management: the CarePlan (office and home targets, lifestyle goals with sources,
 * home-monitoring plan, follow-up). The patient's home page is patient-home.ts, the clinician panel panel.ts,
 * reminder delivery reminders.ts.
 */
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import { targetPopulation, type PatientContext } from '@qihuang/bp-monitoring';
import { targetFor, type BpReading, type Guideline } from '@qihuang/engines/blood-pressure';
import {
  followUpDays,
  followUpSourceText,
  lifestyleGoals,
  monitoringPlan,
  type MonitoringPhase,
} from '@qihuang/engines/hypertension-care';
import type { FhirResource } from '@qihuang/store';
import { SIGNATURE_EXTENSION } from './prescriptions.ts';
import { practitionerFor } from './sign.ts';
import { addDays, assertClinicalSide, assertPatientAccess, localDay, nowOf, type CareDeps } from './deps.ts';
import { citeSource } from './citations.ts';
import { homeTargetFor, type BpTarget } from './home-targets.ts';
import { carePlanControl } from './care-plan-control.ts';
import { assertAlive } from './patient-status.ts';
import { careSettings } from './settings.ts';
import { measuredContext } from './measured.ts';
import type { CarePlanView, PatientHome } from './api-types/index.ts';
import { conceptText, type TranslatableConcept } from './concept-text.ts';
import { drugIdOf, drugTextIn } from './drug-text.ts';
import { dosageLine } from './draft-text.ts';

export type { CarePlanView, PatientHome };

const VIEW_EXTENSION = 'urn:qihuang:care-plan-view';
export const CARE_PLAN_CATEGORY = {
  system: 'urn:qihuang:care',
  code: 'hypertension-care-plan',
  display: 'Hypertension care plan',
};

const carePlanId = (patientId: string) => `htn-${patientId}`.slice(0, 64);

export function viewOf(resource: FhirResource, today: string): CarePlanView | undefined {
  const ext = (resource as { extension?: { url: string; valueString?: string }[] }).extension?.find(
    (e) => e.url === VIEW_EXTENSION,
  );
  if (!ext?.valueString) return undefined;
  const stored = JSON.parse(ext.valueString) as Omit<CarePlanView, 'homeTarget'> & { homeTarget?: BpTarget };
  // Plans saved before home targets existed: derived now by the same rule.
  const view: CarePlanView = {
    ...stored,
    homeTarget: stored.homeTarget ?? homeTargetFor(stored.target, stored.guideline),
  };
  const overdue = Math.max(0, Math.round((Date.parse(today) - Date.parse(view.followUp.next)) / 86_400_000));
  return {
    ...view,
    status: (resource as { status?: string }).status === 'active' ? 'active' : 'revoked',
    followUp: {
      ...view.followUp,
      sourceText: view.followUp.sourceText ?? followUpSourceText(view.followUp.source),
      overdueDays: overdue,
    },
  };
}

export async function activeMedications(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  /** The reader's language: a medicine's name from its translation when the record has one (issue 20). */
  language: 'zh' | 'en' = 'en',
): Promise<PatientHome['medications']> {
  const orders = await deps.repository.searchAll(ctx, 'MedicationRequest', [
    ['patient', patientId],
    ['status', 'active'],
  ]);
  return orders.map((o) => {
    const mr = o as {
      id: string;
      medicationCodeableConcept?: TranslatableConcept & { coding?: { system?: string; code?: string }[] };
      dosageInstruction?: (Parameters<typeof dosageLine>[0] & { text?: string })[];
      extension?: { url: string; valueString?: string }[];
      requester?: { display?: string };
      authoredOn?: string;
    };
    const signature = mr.extension?.find((e) => e.url === SIGNATURE_EXTENSION)?.valueString;
    const signed = signature ? (JSON.parse(signature) as { by: string; at: string }) : undefined;
    return {
      id: mr.id,
      display: drugTextIn(
        conceptText(mr.medicationCodeableConcept, language),
        language,
        deps.drugs,
        drugIdOf(mr.medicationCodeableConcept),
      ),
      // The dosage in the reader's language ("5 mg，每日一次", not "5 mg once daily"; issue 20 item 1).
      ...(mr.dosageInstruction?.[0]?.text
        ? { dosage: dosageLine(mr.dosageInstruction[0], language) ?? mr.dosageInstruction[0].text }
        : {}),
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
  const view = viewOf(resource, localDay(nowOf(deps), careSettings(deps).utcOffsetMinutes));
  if (!view) return undefined;
  // 当前用药 is the patient's active orders now, not the list saved with the plan: a change signed (and, with
  // pharmacy review, approved) after the plan was saved shows at once; one awaiting review does not (decision 0017).
  const medications = await activeMedications(deps, ctx, patientId);
  return { ...view, medications: medications.map((m) => ({ id: m.id, display: m.display })) };
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
  const offset = careSettings(deps).utcOffsetMinutes;
  const today = localDay(now, offset);
  const { context, patient } = await measuredContext(deps, ctx, patientId, {
    now: now.toISOString(),
    from: new Date(now.getTime() - 28 * 86_400_000).toISOString(),
  });
  assertAlive(patientId, patient);
  const medications = await activeMedications(deps, ctx, patientId);
  // The one population builder (bp-monitoring target-population.ts, issue 20): unknown age stays unknown,
  // albuminuria sets the CKD-with-proteinuria target, stroke and coronary disease their own (decision 0005).
  const office = targetFor(guideline, targetPopulation(context));
  const target: BpTarget = { ...office, source: citeSource(office.source) };
  const homeTarget = homeTargetFor(target, guideline);
  const weight = await latestQuantity(deps, ctx, patientId, '29463-7'); // LOINC body weight (REFERENCE §8.1)
  const height = await latestQuantity(deps, ctx, patientId, '8302-2'); // LOINC body height
  const goals = lifestyleGoals({
    guideline,
    ...(context.sex ? { sex: context.sex } : {}),
    ...(context.smoker !== undefined ? { smoker: context.smoker } : {}),
    ...(bmiOf(context, weight, height) !== undefined ? { bmi: bmiOf(context, weight, height)! } : {}),
  });
  // Home readings are judged against the home target (REFERENCE §2.1–2.2), never the office one, on the one current
  // home average every screen shows (decision 0027), in the patient's zone — no longer a 28-day mean.
  const { controlled } = carePlanControl(
    context.home.filter((r) => Date.parse(r.time) <= now.getTime()),
    { now, utcOffsetMinutes: careSettings(deps, patient).utcOffsetMinutes, guideline },
    homeTarget,
  );
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
      // The rule in the screen's language (the console showed the English `rule` on a zh screen without it).
      ...(office.display ? { display: office.display } : {}),
      source: target.source,
    },
    homeTarget,
    goals: goals.map((g) => ({ ...g, source: citeSource(g.source) })),
    monitoring: { ...monitoring, source: citeSource(monitoring.source) },
    followUp: {
      next: addDays(today, follow.days),
      intervalDays: follow.days,
      source: citeSource(follow.source),
      sourceText: follow.sourceText ?? followUpSourceText(follow.source),
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
        text: `Home BP below ${homeTarget.sbp}${homeTarget.dbp ? `/${homeTarget.dbp}` : ''} mmHg (office target ${target.rule}; ${homeTarget.source})`,
      },
      subject,
      target: [
        {
          measure: {
            coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' }],
          }, // REFERENCE §8.1
          detailQuantity: {
            value: homeTarget.sbp,
            comparator: '<',
            unit: 'mmHg',
            system: 'http://unitsofmeasure.org',
            code: 'mm[Hg]',
          },
        },
        ...(homeTarget.dbp
          ? [
              {
                measure: {
                  coding: [
                    { system: 'http://loinc.org', code: '8462-4', display: 'Diastolic blood pressure' },
                  ],
                },
                detailQuantity: {
                  value: homeTarget.dbp,
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
      description: { text: `${g.goal.en} — ${g.advice.en} (${citeSource(g.source)})` },
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
          description: `${monitoring.rule} (${citeSource(monitoring.source)})`,
        },
      },
      {
        detail: {
          kind: 'Appointment',
          code: { text: 'Hypertension follow-up' },
          status: 'scheduled',
          scheduledPeriod: { start: view.followUp.next },
          description: `Every ${follow.days} days (${citeSource(follow.source)})`,
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

export function meanOf(readings: readonly BpReading[]): { sbp: number; dbp: number } | undefined {
  if (readings.length === 0) return undefined;
  return {
    sbp: readings.reduce((s, r) => s + r.sbp, 0) / readings.length,
    dbp: readings.reduce((s, r) => s + r.dbp, 0) / readings.length,
  };
}
