/**
 * Runs the prescription-review engine for one order: reads the patient's chart through the repository (so
 * access control and audit apply) — Patient, Conditions, AllergyIntolerances, the Observations the engine uses
 * (labs, weight, BP, pregnancy), active MedicationRequests, the orders signed and awaiting the pharmacist, and
 * MedicationStatements — and reviews the order as the draft, against the others (issue 20).
 */
import type { Resource } from '@medplum/fhirtypes';
import type { RequestContext } from '@qihuang/contracts';
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import {
  LOINC,
  buildReviewInput,
  reviewPrescriptions,
  type PatientContext,
  type ReviewResult,
} from '@qihuang/engines/prescription-review';
import { resourceName } from '@qihuang/fhir';
import type { FhirRepository, FhirResource } from '@qihuang/store';
import { isAwaitingReview, priorIdOf } from './awaiting-review.ts';
import { currentPrior } from './replaced-order.ts';
import { withOrderLabels, type OrderLabels } from './order-labels.ts';
import { samePriorFindings } from './same-prior.ts';

const OBSERVATION_CODES = [
  LOINC.creatinineMass,
  LOINC.creatinineMoles,
  ...LOINC.egfr,
  ...LOINC.potassium,
  ...LOINC.bpPanel,
  LOINC.bodyWeight,
  LOINC.heartRate, // β-blocker at HR <50–60 (REFERENCE §5.2)
  LOINC.pregnancyStatus,
].map((code) => `http://loinc.org|${code}`);

export function searchAll(
  repo: FhirRepository,
  ctx: RequestContext,
  type: string,
  params: [string, string][],
  max = 5000,
): Promise<FhirResource[]> {
  return repo.searchAll(ctx, type, params, max);
}

export function patientIdOf(order: FhirResource): string | undefined {
  const ref = (order as { subject?: { reference?: string } }).subject?.reference;
  return ref?.startsWith('Patient/') ? ref.slice('Patient/'.length) : undefined;
}

export interface PatientChart {
  patient?: FhirResource;
  resources: FhirResource[];
}

export async function loadChart(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
): Promise<PatientChart> {
  const byPatient: [string, string][] = [['patient', patientId]];
  const patient = await repo.read(ctx, 'Patient', patientId).catch(() => undefined);
  const [conditions, allergies, observations, requests, statements] = await Promise.all([
    searchAll(repo, ctx, 'Condition', byPatient),
    searchAll(repo, ctx, 'AllergyIntolerance', byPatient),
    searchAll(repo, ctx, 'Observation', [...byPatient, ['code', OBSERVATION_CODES.join(',')]]),
    searchAll(repo, ctx, 'MedicationRequest', [...byPatient, ['status', 'active,on-hold,draft']]),
    searchAll(repo, ctx, 'MedicationStatement', [...byPatient, ['status', 'active,intended']]),
  ]);
  // Of the drafts, only the signed orders awaiting the pharmacist (issue 20): every order is reviewed against them
  // (duplicates, the combined daily dose); unsigned, returned and withdrawn ones are not the patient's regimen.
  const orders = requests.filter((r) => (r as { status?: string }).status !== 'draft' || isAwaitingReview(r));
  return {
    ...(patient ? { patient } : {}),
    resources: [
      ...(patient ? [patient] : []),
      ...conditions,
      ...allergies,
      ...observations,
      ...orders,
      ...statements,
    ],
  };
}

export function reviewOrder(
  order: FhirResource,
  chart: PatientChart,
  drugs: DrugKnowledgeBase,
  now: Date,
  /** Each order as the card names it (prescriber, time written): a finding naming two tells them apart. */
  labels?: OrderLabels,
  /** The hospital's IANA zone: dates of readings a finding rests on are shown as its local dates (issue 18/20). */
  timeZone?: string,
): ReviewResult & { patient: PatientContext } {
  // The order itself is the draft, even when it is already active (it is then left out of the regimen). The
  // order it replaces (a switch or dose change awaiting review, decision 0017) stops on approval: not a duplicate
  // of it — nor is the order that replaced that one meanwhile (replaced-order.ts).
  const prior = priorIdOf(order);
  const current = currentPrior(prior, chart.resources)?.id;
  const left = new Set([order.id, prior, current].filter((x): x is string => !!x));
  const others = chart.resources.filter(
    (r) => !(r.resourceType === 'MedicationRequest' && left.has(String(r.id))),
  );
  const input = withOrderLabels(
    buildReviewInput(others as unknown as Resource[], { now, draftOrders: [order as unknown as Resource] }),
    labels,
  );
  const result = reviewPrescriptions(input, drugs, timeZone ? { timeZone } : {});
  // Another pending change of the same order, or one approved first (same-prior.ts, issue 20/19): critical first.
  const findings = [...samePriorFindings([order], chart.resources, drugs), ...result.findings];
  // The patient context the engine read (age, sex, labs, allergies, pregnancy): shown on the pharmacist's card.
  return { ...result, findings, patient: input.patient };
}

/** The one display name (王秀英, Marcos Barrows; `text` as written), issue 20. */
export function patientName(patient: FhirResource | undefined): string | undefined {
  return resourceName(patient);
}

export function medicationText(order: FhirResource): string {
  const mr = order as {
    medicationCodeableConcept?: { text?: string; coding?: { display?: string; code?: string }[] };
    medicationReference?: { display?: string; reference?: string };
  };
  return (
    mr.medicationCodeableConcept?.text ??
    mr.medicationCodeableConcept?.coding?.find((c) => c.display)?.display ??
    mr.medicationReference?.display ??
    mr.medicationCodeableConcept?.coding?.[0]?.code ??
    mr.medicationReference?.reference ??
    ''
  );
}
