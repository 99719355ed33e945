/**
 * A clinician confirms or rejects what a patient reported in the intake (issue 20): Condition, AllergyIntolerance,
 * MedicationStatement, FamilyMemberHistory and recalled Observations. Confirm: verificationStatus `confirmed`
 * (a MedicationStatement keeps its status with the clinician as informationSource; an Observation becomes
 * `final`; a FamilyMemberHistory `completed`). Reject (a reason required): `refuted` (Condition,
 * AllergyIntolerance) or `entered-in-error` (the others), the reason as a note. Each decision is one transaction
 * with its Provenance (author: the clinician; informant: the patient) and is audited. Only a clinician decides.
 * The store drops the recorded-by tag when a clinician saves (docs/decisions/0003), so a confirmed item drives
 * calculations and a rejected allergy no longer counts in prescription review (fhir-context.ts: refuted).
 */
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import { processTransaction, type FhirResource } from '@qihuang/store';
import type { ReportedDecision } from './api-types/index.ts';
import { reportedState, type Loose } from './patient-reported-state.ts';
import { chartRecords, inChartOf } from './patient-reported-chart.ts';
import { recordLine } from './record-line.ts';
import { nowOf, type CareDeps } from './deps.ts';
import { practitionerFor } from './sign.ts';

export { isPatientReported, reportedState } from './patient-reported-state.ts';

export const REPORTED_TYPES = [
  'Condition',
  'AllergyIntolerance',
  'MedicationStatement',
  'FamilyMemberHistory',
  'Observation',
] as const;
export type ReportedType = (typeof REPORTED_TYPES)[number];

type Lang = 'zh' | 'en';
const say = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

const VER_SYSTEM: Partial<Record<ReportedType, string>> = {
  Condition: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  AllergyIntolerance: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
};

function patientOf(r: Loose): string {
  const ref =
    (r.subject as { reference?: string } | undefined)?.reference ??
    (r.patient as { reference?: string } | undefined)?.reference ??
    '';
  return ref.replace(/^Patient\//, '');
}

function decided(r: Loose, type: ReportedType, decision: 'confirm' | 'reject', by: object): Loose {
  const system = VER_SYSTEM[type];
  if (system)
    return {
      ...r,
      verificationStatus: { coding: [{ system, code: decision === 'confirm' ? 'confirmed' : 'refuted' }] },
    };
  if (decision === 'reject') return { ...r, status: 'entered-in-error' };
  if (type === 'MedicationStatement') return { ...r, informationSource: by };
  if (type === 'Observation') return { ...r, status: 'final' };
  return { ...r, status: 'completed' }; // FamilyMemberHistory
}

/** Confirm or reject one patient-reported item; 4xx with nothing changed on bad input. */
export async function decidePatientReported(
  deps: CareDeps,
  ctx: RequestContext,
  input: { type: string; id: string; decision: 'confirm' | 'reject'; reason?: string | undefined },
  lang: Lang = 'zh',
): Promise<ReportedDecision> {
  if (ctx.principal.role !== 'clinician')
    throw new QihuangError(
      'forbidden',
      say(
        lang,
        '只有医生可以确认或否定患者自述的内容',
        'Only a clinician can confirm or reject what a patient reported',
      ),
    );
  if (!(REPORTED_TYPES as readonly string[]).includes(input.type))
    throw new QihuangError(
      'invalid-input',
      say(
        lang,
        `不能确认此类记录：${input.type}`,
        `${input.type} is not a kind of record a patient reports (${REPORTED_TYPES.join(', ')})`,
      ),
    );
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'reject' && !reason)
    throw new QihuangError('invalid-input', say(lang, '否定时请填写原因', 'A reason is required to reject'), {
      issues: [
        { severity: 'error', code: 'required', message: 'reason is required', expression: ['reason'] },
      ],
    });
  if (reason.length > 500)
    throw new QihuangError(
      'invalid-input',
      say(lang, '原因最多 500 个字', 'The reason is limited to 500 characters'),
    );
  const type = input.type as ReportedType;
  const resource = (await deps.repository.read(ctx, type, input.id)) as Loose;
  const state = reportedState(resource);
  if (!state)
    throw new QihuangError(
      'conflict',
      say(
        lang,
        `${type}/${input.id} 不是患者自述的记录`,
        `${type}/${input.id} was not reported by the patient`,
      ),
    );
  if (state !== 'unconfirmed')
    throw new QihuangError(
      'conflict',
      say(
        lang,
        state === 'confirmed' ? '该条目已被确认' : '该条目已被否定',
        `${type}/${input.id} is already ${state}`,
      ),
    );
  const patientId = patientOf(resource);
  // What the chart already holds confirmed is not confirmed a second time (issue 20: no duplicate records).
  if (input.decision === 'confirm' && patientId) {
    const held = inChartOf(resource, await chartRecords(deps, ctx, patientId), deps.drugs);
    if (held) {
      const line = (l: Lang) =>
        (recordLine(held, l, deps.drugs) ?? '').replace(/^[A-Za-z]+: /, '') ||
        `${held.resourceType}/${String(held.id)}`;
      throw new QihuangError(
        'conflict',
        say(
          lang,
          `病历中已有该条目（${line('zh')}），无需再次确认`,
          `The chart already holds this (${line('en')}, ${held.resourceType}/${String(held.id)}); nothing to confirm`,
        ),
      );
    }
  }
  const at = nowOf(deps).toISOString();
  const clinician = await practitionerFor(deps, ctx);
  const note = {
    text:
      input.decision === 'confirm'
        ? `Confirmed by ${clinician.display}`
        : `Rejected by ${clinician.display}: ${reason}`,
    time: at,
    authorReference: clinician,
  };
  const next = {
    ...decided(resource, type, input.decision, clinician),
    note: [...(resource.note ?? []), note],
  } as unknown as FhirResource;
  const provenance = {
    resourceType: 'Provenance',
    target: [{ reference: `${type}/${input.id}` }],
    recorded: at,
    activity: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation',
          code: 'UPDATE',
          display: 'revise',
        },
      ],
      text:
        input.decision === 'confirm'
          ? 'Clinician confirmed a patient-reported item'
          : 'Clinician rejected a patient-reported item',
    },
    ...(input.decision === 'reject' ? { reason: [{ text: reason }] } : {}),
    agent: [
      {
        type: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'verifier' },
          ],
        },
        who: clinician,
      },
      ...(patientId
        ? [
            {
              type: {
                coding: [
                  {
                    system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
                    code: 'informant',
                  },
                ],
              },
              who: { reference: `Patient/${patientId}` },
            },
          ]
        : []),
    ],
  };
  await processTransaction(deps.repository, ctx, {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { resource: next, request: { method: 'PUT', url: `${type}/${input.id}` } },
      { resource: provenance, request: { method: 'POST', url: 'Provenance' } },
    ],
  });
  await deps.audit(ctx, {
    action: 'operation',
    outcome: 'success',
    resourceType: type,
    resourceId: input.id,
    query: input.decision === 'confirm' ? 'confirm-patient-reported' : 'reject-patient-reported',
    patientIds: patientId ? [patientId] : [],
    detail: { by: clinician.reference, ...(input.decision === 'reject' ? { reasonGiven: true } : {}) },
  });
  return {
    reference: `${type}/${input.id}`,
    state: input.decision === 'confirm' ? 'confirmed' : 'rejected',
  };
}
