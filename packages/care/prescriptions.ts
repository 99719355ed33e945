/**
 * Prescription drafts: the engine's guideline proposal saved as MedicationRequest drafts, reviewed together
 * against the chart, explained by the model (guard-checked), listed for the prescriber (unsigned, awaiting the
 * pharmacist, or returned). Signing and withdrawal: sign.ts. Nothing the model writes becomes an order.
 */
import { randomUUID } from 'node:crypto';
import type { Resource } from '@medplum/fhirtypes';
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import type { Guideline, Text } from '@qihuang/engines/blood-pressure';
import { followUpDays, proposeTreatment, type ProposedOrder } from '@qihuang/engines/hypertension-care';
import { buildReviewInput, type Finding } from '@qihuang/engines/prescription-review';
import {
  afterApproval,
  isAwaitingReview,
  loadChart,
  readReview,
  SIGNATURE_EXTENSION,
  type PatientChart,
} from '@qihuang/pharmacy-review';
import { processTransaction, type FhirResource } from '@qihuang/store';
import { clinicalContext } from './clinical.ts';
import { guardedModelText } from './narrative.ts';
import { treatmentInput } from './treatment-input.ts';
import { dosageLine, findingSourceIn, type DraftLanguage } from './draft-text.ts';
import { proposalIn } from './source-names.ts';
import { assertClinicalSide, nowOf, type CareDeps } from './deps.ts';
import { PROPOSAL_TAG, unsignedProposals } from './draft-state.ts';
import { assertAlive } from './patient-status.ts';
import { leadWithEmergency, openEmergencies } from './open-emergency.ts';
import { emergencyFindings, emergencySourceIn, isEmergencyFinding } from './emergency-review.ts';
import { signingParts } from './sign-parts.ts';
import { signingGoesToReview } from './settings.ts';
import { withPriorNames } from './prior-name.ts';
import type { DraftView, ProposalResult } from './api-types/index.ts';
import { priorOrderFor, priorReference, replacedAgentOf, REPLACES_EXTENSION } from './prior-orders.ts';
import { drugIdOf, drugTextIn, proposalDrugNames, proposalNote } from './drug-text.ts';
import {
  dispenseRequest,
  editFormOf,
  frequencyForTimes,
  proposalSupplyDays,
  quantityFor,
  supplyOf,
  TABLET,
} from './draft-dosage.ts';
import { drugOfOrder } from './draft-drug.ts';
import { reviewForSigning } from './draft-review.ts';

export type { DraftView, ProposalResult };

export { PROPOSAL_TAG };
const RATIONALE_EXTENSION = 'urn:qihuang:proposal-rationale';

const FREQ: Record<number, { zh: string; en: string; code: string }> = {
  1: { zh: '每日一次', en: 'once daily', code: 'QD' },
  2: { zh: '每日两次', en: 'twice daily', code: 'BID' },
  3: { zh: '每日三次', en: 'three times daily', code: 'TID' },
};

function medicationRequestFor(
  patientId: string,
  order: ProposedOrder,
  proposalId: string,
  index: number,
  now: string,
  deps: CareDeps,
  supplyDays: number,
  prior?: FhirResource,
): FhirResource {
  const drug = deps.drugs.getDrug(order.agent);
  // A combination pill is coded as itself: its own ATC code if it has one, never a component's — the first
  // component's code (amlodipine C08CA01 for amlodipine/valsartan) made the review read the pill as that
  // component alone (issue 20).
  const atc = drug ? (drug.components ? drug.atc?.[0] : deps.drugs.atcOf(drug)[0]) : undefined;
  const first = order.doses[0]!;
  const replaced = replacedAgentOf(order);
  const single = order.doses.length === 1;
  const strength = order.doses.map((d) => `${d.doseMg} mg`).join('/');
  const name = drug?.names.en ?? order.agent;
  const times = first.timesPerDay;
  const freq = FREQ[times] ?? { zh: `每日${times}次`, en: `${times} times daily`, code: '' };
  const perDose = single ? first.doseMg / times : undefined;
  // 总量/天数 (issue 20): tablets for the days until follow-up, from the drug's strengths (draft-dosage.ts).
  const code = frequencyForTimes(times);
  const quantity = code
    ? quantityFor(
        drug,
        perDose !== undefined ? { value: perDose, unit: 'mg' } : { value: 1, unit: TABLET },
        code,
        supplyDays,
      )
    : undefined;
  return {
    resourceType: 'MedicationRequest',
    id: `${proposalId}-${index}`,
    meta: { tag: [PROPOSAL_TAG] },
    status: 'draft',
    intent: 'proposal',
    medicationCodeableConcept: {
      ...medicineText(`${name} ${single ? `${perDose} mg` : strength}`, deps.drugs, order.agent),
      coding: [
        ...(atc ? [{ system: 'http://www.whocc.no/atc', code: atc, display: name }] : []),
        { system: 'urn:qihuang:drug', code: order.agent, display: name },
      ],
    },
    subject: { reference: `Patient/${patientId}` },
    authoredOn: now,
    reasonCode: [
      {
        coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertensive disorder' }], // REFERENCE §8.4
      },
    ],
    dosageInstruction: [
      {
        text: `${single ? `${perDose} mg` : `${strength} (1 tablet)`} ${freq.en}`,
        timing: { repeat: { frequency: times, period: 1, periodUnit: 'd' } },
        route: { coding: [{ system: 'http://snomed.info/sct', code: '26643006', display: 'Oral route' }] },
        ...(single
          ? {
              doseAndRate: [
                {
                  doseQuantity: {
                    value: perDose,
                    unit: 'mg',
                    system: 'http://unitsofmeasure.org',
                    code: 'mg',
                  },
                },
              ],
            }
          : {}),
      },
    ],
    dispenseRequest: dispenseRequest(supplyDays, quantity),
    // A dose change of an active order is a change of that order, never a second order (issue 20).
    ...(prior ? { priorPrescription: priorReference(prior) } : {}),
    note: [proposalNote(order, deps.drugs)],
    extension: [
      { url: RATIONALE_EXTENSION, valueString: JSON.stringify(order.rationale) },
      // The drug it changes, so signing finds its current order even if none was active now (issue 20/19).
      ...(replaced ? [{ url: REPLACES_EXTENSION, valueString: replaced }] : []),
    ],
  } as FhirResource;
}

/**
 * A medicine line in English with its Chinese as FHIR's translation extension (the knowledge base's zh name): the
 * patient's chart and every FHIR reader show it in the screen's language (issue 20: "amlodipine 5 mg" on a zh
 * screen).
 */
export function medicineText(text: string, drugs: CareDeps['drugs'], drugId?: string) {
  const zh = drugTextIn(text, 'zh', drugs, drugId);
  if (zh === text) return { text };
  return {
    text,
    _text: {
      extension: [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/translation',
          extension: [
            { url: 'lang', valueCode: 'zh-CN' },
            { url: 'content', valueString: zh },
          ],
        },
      ],
    },
  };
}

/** A draft with its review findings; fixed text (dosage line, source names) in `lang` (issue 20). */
function draftView(
  resource: FhirResource,
  findings: Finding[],
  lang: DraftLanguage,
  drugs: CareDeps['drugs'],
  /** Pharmacy review on: an unsigned draft says signing sends it to the pharmacist (issue 20). */
  pharmacyReview = false,
  /** The chart's labs now: an approved order's finding that came after the approval names its result's time. */
  labs: Parameters<typeof afterApproval>[2]['labs'] = {},
): DraftView {
  const mr = resource as unknown as {
    id: string;
    status: string;
    authoredOn?: string;
    medicationCodeableConcept?: { text?: string; coding?: { system?: string; code?: string }[] };
    dosageInstruction?: Parameters<typeof dosageLine>[0][];
    extension?: { url: string; valueString?: string }[];
    meta?: { lastUpdated?: string };
    priorPrescription?: { reference?: string; display?: string };
  };
  const signature = mr.extension?.find((e) => e.url === SIGNATURE_EXTENSION)?.valueString;
  const signed = signature ? (JSON.parse(signature) as { by: string; at: string }) : undefined;
  const rationale = mr.extension?.find((e) => e.url === RATIONALE_EXTENSION)?.valueString;
  const id = mr.id;
  const dosage = dosageLine(mr.dosageInstruction?.[0], lang);
  const priorRef = mr.priorPrescription?.reference;
  // A pharmacist's return reaches the prescriber: state, reason, who and when (issue 20).
  const review = readReview(resource);
  const supply = supplyOf(resource, lang);
  return {
    id,
    status: mr.status,
    // The drug's name in the reader's language (the knowledge base's zh name on a Chinese screen; issue 20).
    display: drugTextIn(
      mr.medicationCodeableConcept?.text ?? '',
      lang,
      drugs,
      drugIdOf(mr.medicationCodeableConcept),
    ),
    ...(dosage ? { dosage } : {}),
    findings: findings
      .filter((f) => f.evidence.orders.some((o) => o.id === `MedicationRequest/${id}` || o.id === id))
      .map((f) => ({
        id: f.id,
        severity: f.severity,
        summary: { zh: f.summary.zh, en: f.summary.en },
        detail: { zh: f.detail.zh, en: f.detail.en },
        source: isEmergencyFinding(f) ? emergencySourceIn(lang) : findingSourceIn(f.source, lang),
        // Not among the findings the pharmacist approved with: it appeared after (issue 20).
        ...(() => {
          const after = afterApproval(f, review, { labs });
          return after ? { afterApproval: after } : {};
        })(),
      })),
    ...(rationale ? { rationale: JSON.parse(rationale) as Text } : {}),
    createdAt: mr.authoredOn ?? mr.meta?.lastUpdated ?? '',
    ...(signed ? { signedBy: signed.by, signedAt: signed.at } : {}),
    ...(priorRef?.startsWith('MedicationRequest/')
      ? {
          priorPrescription: {
            id: priorRef.slice('MedicationRequest/'.length),
            display: drugTextIn(mr.priorPrescription?.display ?? '', lang, drugs),
          },
        }
      : {}),
    // What the prescriber confirms before signing: dose, frequency, and where the order goes (issue 20).
    // Every unsigned draft (not only the engine's tagged proposals, issue 20): signed the same way, by the same rule.
    ...(mr.status === 'draft' && !isAwaitingReview(resource)
      ? { signing: signingParts(mr.dosageInstruction?.[0], lang, pharmacyReview) }
      : {}),
    // Signed and with the pharmacist: not yet the patient's medication (decision 0017).
    ...(isAwaitingReview(resource) ? { awaitingReview: true as const } : {}),
    ...(supply ? { supply } : {}),
    // Dose, frequency, days and quantity stay editable until it goes to the pharmacist (issue 20).
    ...(mr.status === 'draft' && !isAwaitingReview(resource)
      ? { edit: editFormOf(resource, drugOfOrder({ drugs }, resource), lang) }
      : {}),
    // Approved by the pharmacist (decision 0017): the patient's medication now, with its slip (issue 20).
    ...(review.state === 'approved' && mr.status === 'active'
      ? {
          approved: {
            ...(review.byName || review.by ? { by: review.byName ?? review.by } : {}),
            ...(review.at ? { at: review.at } : {}),
          },
        }
      : {}),
    ...(review.state === 'returned'
      ? {
          returned: {
            reason: review.reason ?? '',
            // The pharmacist's display name recorded with the review, else the username (issue 20).
            ...(review.byName || review.by ? { by: review.byName ?? review.by } : {}),
            ...(review.at ? { at: review.at } : {}),
          },
        }
      : {}),
  };
}

/**
 * Reviews the drafts as they are signed and reach the pharmacist: each against the chart (the active regimen and
 * the orders awaiting the pharmacist), and unsigned ones together (draft-review.ts, issue 20).
 */
function reviewDrafts(deps: CareDeps, chart: PatientChart, drafts: FhirResource[], now: Date): Finding[] {
  return reviewForSigning(deps.drugs, chart, drafts, now);
}

const reviewOn = signingGoesToReview;

async function pendingDrafts(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
): Promise<FhirResource[]> {
  return deps.repository.searchAll(ctx, 'MedicationRequest', [
    ['patient', patientId],
    ['status', 'draft'],
  ]);
}

/** The refusal for a patient without readings, in the screen's language. */
const NO_READINGS = {
  zh: '没有血压读数，无法生成治疗建议：请先上传家庭血压或记录一次诊室血压',
  en: 'No blood-pressure readings to base a proposal on: upload home readings or record an office visit first',
} as const;

export async function proposeForPatient(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  guideline: Guideline,
  language: 'zh' | 'en',
): Promise<ProposalResult> {
  assertClinicalSide(ctx);
  const c = await clinicalContext(deps, ctx, patientId, guideline);
  assertAlive(patientId, c.chart.patient);
  // Orders signed and awaiting the pharmacist are already ordered: never proposed again (issue 20/19).
  const pending = await pendingDrafts(deps, ctx, patientId);
  const input = treatmentInput(deps, c, guideline, pending.filter(isAwaitingReview));
  if (!input) throw new QihuangError('invalid-input', NO_READINGS[language]);
  // An open critical alert or a reported emergency comes before any routine start (open-emergency.ts).
  const emergencies = await openEmergencies(deps, ctx, patientId);
  const planned = proposeTreatment(input);
  const proposal = leadWithEmergency(planned, emergencies);
  // Supply to the plan's follow-up, not the emergency's 'today' (issue 20; draft-dosage.ts).
  const supplyDays = proposalSupplyDays(planned.followUpDays, followUpDays(guideline, true).days);
  const now = nowOf(deps);
  // Unique per proposal, never derived from the clock alone: two proposals in the same millisecond used to share
  // an id, and the second (withdrawing and re-creating the same MedicationRequest) failed with 400 (issue 20).
  const proposalId = `htn-${randomUUID()}`;
  // Earlier unsigned proposals are withdrawn: only the latest proposal waits for signature. A signed order
  // awaiting the pharmacist, or returned by them, is the prescriber's to revise or withdraw (decision 0017).
  const stale = unsignedProposals(pending);
  const drafts = proposal.orders.map((order, index) =>
    medicationRequestFor(
      patientId,
      order,
      proposalId,
      index,
      now.toISOString(),
      deps,
      supplyDays,
      priorOrderFor(deps, order, c.chart.resources),
    ),
  );
  const entries = [
    ...stale.map((d) => ({
      resource: { ...d, status: 'cancelled' },
      request: { method: 'PUT', url: `MedicationRequest/${String(d.id)}` },
    })),
    ...drafts.map((d) => ({
      resource: d,
      request: { method: 'PUT', url: `MedicationRequest/${String(d.id)}` },
    })),
  ];
  if (entries.length > 0) {
    await processTransaction(deps.repository, ctx, {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: entries,
    });
  }
  // The open emergency leads every draft card and is acknowledged before signing (emergency-review.ts).
  const findings = [...emergencyFindings(emergencies, drafts), ...reviewDrafts(deps, c.chart, drafts, now)];
  const views = drafts.map((d) => draftView(d, findings, language, deps.drugs, reviewOn(deps)));
  const proposed = new Set(proposal.orders.flatMap((o) => [o.agent, ...(o.components ?? [])]));
  const explanation = await guardedModelText(deps, ctx, c, {
    language,
    guideline,
    patientId,
    exclude: proposed,
    query:
      language === 'zh'
        ? `高血压 药物治疗 ${proposal.orders.map((o) => o.display.zh).join(' ')}`
        : `hypertension drug treatment ${proposal.orders.map((o) => o.display.en).join(' ')}`,
    facts: {
      decision: proposal.decision,
      target: proposal.target,
      orders: proposal.orders.map((o) => ({
        order: o.display[language],
        rationale: o.rationale[language],
        source: o.source,
      })),
      avoided: proposal.avoided.map((a) => ({ class: a.cls, reason: a.reason[language], source: a.source })),
      reviewFindings: findings.map((f) => ({ severity: f.severity, summary: f.summary[language] })),
      // The follow-up as the screen says it: an open emergency is "today", never "0 days" (issue 20).
      ...(proposal.followUpDays > 0 ? { followUpDays: proposal.followUpDays } : {}),
      followUp: proposal.followUpText[language],
      ...(proposal.urgent ? { assessFirst: proposal.urgent.display[language] } : {}),
    },
    system:
      language === 'zh'
        ? '你是高血压专科的临床助手。请向医生解释下面这份由指南引擎生成的治疗建议草稿（不超过200字，Markdown）：为什么选这些药、避免了哪些药、需要监测什么。只使用给出的引擎结果和文献段落中的数字，引用段落写 [id]。这是草稿，由医生决定并签署。'
        : 'You are a hypertension clinical assistant. Explain to the clinician the treatment draft below, produced by the guideline engine (≤150 words, Markdown): why these drugs, which were avoided, what to monitor. Use only numbers from the engine results and passages; cite passages as [id]. It is a draft the clinician decides on and signs.',
  });
  // Sources named in the screen's language (the engine cites each guideline in its own, issue 20), drug names too.
  const named = proposalDrugNames(proposalIn(proposal, language), language, deps.drugs);
  return { proposal: named, targetSetting: input.bpSource, drafts: views, explanation };
}

export async function listDrafts(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  lang: DraftLanguage = 'en',
): Promise<{ drafts: DraftView[] }> {
  assertClinicalSide(ctx);
  const now = nowOf(deps);
  // The order each replaces named from that order when the reference carries no name (issue 20).
  const drafts = await withPriorNames(deps, ctx, await pendingDrafts(deps, ctx, patientId));
  const approved = await withPriorNames(deps, ctx, await recentlyApproved(deps, ctx, patientId, now));
  const chart = await loadChart(deps.repository, ctx, patientId);
  const findings = [
    ...emergencyFindings(await openEmergencies(deps, ctx, patientId), drafts),
    ...reviewDrafts(deps, chart, drafts, now),
  ];
  // Each approved order reviewed on its own against the chart as it is now, as the pharmacist's card reviews it.
  const later = approved.flatMap((o) => reviewDrafts(deps, chart, [o], now));
  const labs = approved.length
    ? buildReviewInput(chart.resources as unknown as Resource[], { now }).patient.labs
    : {};
  return {
    drafts: [
      ...drafts.map((d) => draftView(d, findings, lang, deps.drugs, reviewOn(deps))),
      ...approved.map((d) => draftView(d, later, lang, deps.drugs, reviewOn(deps), labs)),
    ],
  };
}

/**
 * Days an order signed here stays on the care tab after the pharmacist approved it, with its print-slip link
 * (issue 20: once approved it left the tab, and only the chart's 用药 tab led to its slip). Product choice: about
 * one supply (the proposal's supply is the follow-up interval, 28–30 days).
 */
export const APPROVED_SHOWN_DAYS = 30;

/** Active orders signed here and approved by the pharmacist in the last APPROVED_SHOWN_DAYS days. */
async function recentlyApproved(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  now: Date,
): Promise<FhirResource[]> {
  const active = await deps.repository.searchAll(ctx, 'MedicationRequest', [
    ['patient', patientId],
    ['status', 'active'],
  ]);
  const since = now.getTime() - APPROVED_SHOWN_DAYS * 86_400_000;
  return active.filter((r) => {
    const signed = ((r as { extension?: { url: string }[] }).extension ?? []).some(
      (e) => e.url === SIGNATURE_EXTENSION,
    );
    const review = readReview(r);
    return signed && review.state === 'approved' && !!review.at && Date.parse(review.at) >= since;
  });
}

export { draftView, reviewDrafts, SIGNATURE_EXTENSION };
