/** What the care scenario needs from the platform; apps/server passes it in. */
import { QihuangError, type AuditRecord, type RequestContext } from '@qihuang/contracts';
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { Guideline } from '@qihuang/engines/blood-pressure';
import type { SearchInput, SearchResult } from '@qihuang/knowledge';
import type { FhirRepository } from '@qihuang/store';
import type { CareModel } from './model.ts';
import type { AnyKysely } from './tables.ts';

export interface CareDeps {
  db: AnyKysely;
  repository: FhirRepository;
  drugs: DrugKnowledgeBase;
  /** Knowledge search for grounding (narratives, copilot). Absent: answers carry no passages. */
  knowledge?: { search(input: SearchInput): Promise<SearchResult> };
  model: CareModel;
  /** Appends to the tamper-evident audit log. */
  audit: (ctx: RequestContext, record: AuditRecord) => Promise<void>;
  clock?: () => Date;
  /** Local time zone of the patients' readings, minutes east of UTC (default 480, China). */
  utcOffsetMinutes?: number;
  /** Guideline when a request names none (default china-2018). */
  guideline?: Guideline;
  /**
   * The model's second opinion on the triage level (when a model is configured): on by default; `false` turns it
   * off; `timeoutMs` bounds the wait (the engine's level stands on timeout). It can only raise the level.
   */
  secondOpinion?: false | { timeoutMs?: number };
  /** Reminder webhook (SMS/WeChat gateway the hospital runs). */
  webhook?: { url: string; secret?: string; fetch?: typeof fetch };
}

export const CLINICAL_ROLES = ['clinician', 'nurse', 'admin'] as const;

/** A patient may use only their own id (others answer 404 so ids cannot be probed); staff need a clinical role. */
export function assertPatientAccess(ctx: RequestContext, patientId: string): void {
  const p = ctx.principal;
  if (p.role === 'patient') {
    if (p.patientId !== patientId) throw new QihuangError('not-found', `Patient/${patientId} is not known`);
    return;
  }
  assertClinicalSide(ctx);
}

export function assertClinicalSide(ctx: RequestContext): void {
  const role = ctx.principal.role;
  if (role === 'service' && ctx.principal.kind === 'system') return;
  if (!(CLINICAL_ROLES as readonly string[]).includes(role))
    throw new QihuangError('forbidden', 'This needs the role clinician, nurse or admin');
}

export function assertSigner(ctx: RequestContext): void {
  if (ctx.principal.role !== 'clinician')
    throw new QihuangError('forbidden', 'Only a clinician can sign a prescription');
}

/**
 * The patient's own writes that the care service makes on their behalf (the intake drafts): the patient
 * role normally writes only Observations; these extra scopes stay inside the patient's compartment (the store
 * refuses anything filed under another patient or attributed to anyone else). FamilyMemberHistory is the
 * patient's own account of their relatives (FamilyMemberHistory.patient = the patient), status partial.
 */
export function withIntakeScopes(ctx: RequestContext): RequestContext {
  if (ctx.principal.role !== 'patient') return ctx;
  return {
    ...ctx,
    principal: {
      ...ctx.principal,
      scopes: [
        ...ctx.principal.scopes,
        'patient/QuestionnaireResponse.write',
        'patient/Condition.write',
        'patient/MedicationStatement.write',
        'patient/AllergyIntolerance.write',
        'patient/FamilyMemberHistory.write',
        'patient/Observation.write',
        'patient/Flag.write',
      ],
    },
  };
}

export function nowOf(deps: CareDeps): Date {
  return (deps.clock ?? (() => new Date()))();
}

/** Local calendar day (YYYY-MM-DD) of an instant in the patients' time zone. */
export function localDay(instant: Date, offsetMinutes: number): string {
  return new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
