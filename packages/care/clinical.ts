/**
 * Clinician side: the patient summary (engine results with sources + a guarded, cited narrative), the
 * treatment proposal (engine algorithm → MedicationRequest drafts → prescription review → guarded model
 * explanation) and signing. Nothing the model writes becomes an order: drafts are signed by a clinician.
 */
import type { Resource } from '@medplum/fhirtypes';
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import { assessPatient, CONTEXT_OBSERVATION_CODES, listAlerts, type BpReport } from '@qihuang/bp-monitoring';
import type { DrugClassId } from '@qihuang/drug-knowledge';
import type { Guideline, Text } from '@qihuang/engines/blood-pressure';
import { stratifyChina2018 } from '@qihuang/engines/cardiovascular-risk';
import {
  proposeTreatment,
  type AntihypertensiveClass,
  type CurrentMedication,
  type ProposedOrder,
  type TreatmentInput,
  type TreatmentProposal,
  type TriageResult,
} from '@qihuang/engines/hypertension-care';
import {
  LOINC,
  buildReviewInput,
  reviewPrescriptions,
  type Finding,
  type PatientContext as ReviewPatient,
} from '@qihuang/engines/prescription-review';
import { checkAnswer, type GuardResult } from '@qihuang/guard';
import type { Passage } from '@qihuang/knowledge';
import { loadChart, type PatientChart } from '@qihuang/pharmacy-review';
import { processTransaction, type FhirResource } from '@qihuang/store';
import { assertClinicalSide, assertSigner, nowOf, type CareDeps } from './deps.ts';
import { CONDITION_TERMS } from './intake.ts';
import { reviewRecommendedDrugs } from './drug-safety.ts';
import { NOT_CONFIGURED_MESSAGE } from './model.ts';
import { careDb } from './tables.ts';

export const PROPOSAL_TAG = { system: 'urn:qihuang:care', code: 'treatment-proposal' };
const SIGNATURE_EXTENSION = 'urn:qihuang:signed';
const RATIONALE_EXTENSION = 'urn:qihuang:proposal-rationale';

export interface SummaryFinding {
  key: string;
  label: Text;
  value: Text;
  rule: string;
  source: string;
}

export interface CareSummary {
  patient: { id: string; name?: string; age?: number; sex?: string };
  guideline: Guideline;
  findings: SummaryFinding[];
  alerts: { id: string; kind: string; display: Text; time: string; severity: string }[];
  intake?: {
    consultationId: string;
    completedAt?: string;
    answers: Record<string, string>;
    drafts: { reference: string; display: string }[];
  };
  triage?: TriageResult;
  modelConfigured: boolean;
}

export interface GuardedText {
  status: 'ok' | 'model-not-configured' | 'model-error';
  message?: string;
  text?: string;
  citations: { id: string; title: string; section?: string; collection?: string; text: string }[];
  guard?: {
    claims: GuardResult['claims'];
    contradicted: number;
    summary: GuardResult['summary'];
  };
}

export interface DraftView {
  id: string;
  status: string;
  display: string;
  dosage?: string;
  findings: {
    id: string;
    severity: Finding['severity'];
    summary: Text;
    detail: Text;
    source: { label: string; citation: string };
  }[];
  rationale?: Text;
  createdAt: string;
  signedBy?: string;
  signedAt?: string;
}

/** Everything the engines need about the patient, loaded once. */
export interface ClinicalContext {
  report: BpReport;
  chart: PatientChart;
  review: ReviewPatient;
  conditions: Set<string>;
}

const CHART_TYPES = [
  'Patient',
  'Condition',
  'AllergyIntolerance',
  'Observation',
  'MedicationRequest',
  'MedicationStatement',
] as const;
/** BP panels and labs for the assessment, plus what prescription review reads (REFERENCE §8.1 LOINC). */
const CHART_OBSERVATION_CODES = [
  ...new Set([
    ...CONTEXT_OBSERVATION_CODES,
    LOINC.creatinineMass,
    LOINC.creatinineMoles,
    ...LOINC.egfr,
    ...LOINC.potassium,
    LOINC.bodyWeight,
    LOINC.pregnancyStatus,
    '8302-2', // body height (care plan BMI)
  ]),
];

export async function clinicalContext(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  guideline: Guideline,
): Promise<ClinicalContext> {
  const now = nowOf(deps);
  // One read of the patient's chart (one query, one audit entry) serves the BP assessment and the review.
  const resources = await deps.repository.patientResources(ctx, patientId, CHART_TYPES, {
    observationCodes: CHART_OBSERVATION_CODES,
  });
  const report = await assessPatient(deps.repository, ctx, patientId, {
    guideline,
    now: now.toISOString(),
    // 90 days cover the HBPM window, the alert rules and the office visits that matter for a decision.
    from: new Date(now.getTime() - 90 * 86_400_000).toISOString(),
    preloaded: resources,
  });
  const patient = resources.find((r) => r.resourceType === 'Patient');
  const chart: PatientChart = {
    ...(patient ? { patient } : {}),
    resources: resources.filter((r) => {
      const status = (r as { status?: string }).status ?? '';
      if (r.resourceType === 'MedicationRequest') return status === 'active' || status === 'on-hold';
      if (r.resourceType === 'MedicationStatement') return status === 'active' || status === 'intended';
      return true;
    }),
  };
  const review = buildReviewInput(chart.resources as unknown as Resource[], { now }).patient;
  const conditions = new Set<string>();
  for (const c of review.conditions) {
    const text = [c.text ?? '', ...(c.codes ?? []).map((x) => `${x.display ?? ''} ${x.code ?? ''}`)].join(
      ' ',
    );
    for (const term of CONDITION_TERMS) {
      if (
        (c.codes ?? []).some((x) => x.code === term.snomed) ||
        term.terms.some((t) => text.toLowerCase().includes(t.toLowerCase()))
      )
        conditions.add(term.key);
    }
  }
  return { report, chart, review, conditions };
}

function fmtBp(v: { sbp: number; dbp: number }): string {
  return `${Math.round(v.sbp)}/${Math.round(v.dbp)} mmHg`;
}

/** China 2018 stratification inputs from the chart (REFERENCE §3.4 risk-factor list). */
function chinaStratification(c: ClinicalContext, bp: { sbp: number; dbp: number }) {
  const age = c.report.patient.age ?? 0;
  const sex = c.report.patient.sex;
  let riskFactors = 0;
  if ((sex === 'male' && age > 55) || (sex === 'female' && age > 65)) riskFactors++; // §3.4 age men >55 / women >65
  if (c.conditions.has('hyperlipidemia')) riskFactors++; // §3.4 dyslipidaemia
  const egfr = c.report.renal?.egfr;
  return stratifyChina2018({
    sbp: bp.sbp,
    dbp: bp.dbp,
    riskFactors,
    ckdStage3: egfr !== undefined && egfr >= 30 && egfr < 60, // §4.3 G3a/G3b
    ckdStage4Plus: egfr !== undefined && egfr < 30, // §4.3 G4–G5
    diabetesWithoutComplications: c.conditions.has('diabetes'),
    clinicalComplications:
      c.conditions.has('coronary') || c.conditions.has('stroke') || c.conditions.has('heart-failure'),
  });
}

/** BP the decisions use: the HBPM mean when sufficient, else the last office visit. */
function decisionBp(
  report: BpReport,
): { bp: { sbp: number; dbp: number }; source: 'home' | 'office' } | undefined {
  if (report.home.hbpm.sufficient && report.home.hbpm.mean)
    return { bp: report.home.hbpm.mean, source: 'home' };
  if (report.office) return { bp: report.office.mean, source: 'office' };
  if (report.home.hbpm.mean) return { bp: report.home.hbpm.mean, source: 'home' };
  return undefined;
}

export function summaryFindings(c: ClinicalContext): SummaryFinding[] {
  const out: SummaryFinding[] = [];
  const { report } = c;
  const h = report.home;
  if (h.hbpm.mean) {
    out.push({
      key: 'home-mean',
      label: { zh: '家庭血压均值', en: 'Home BP mean' },
      value: {
        zh: `${fmtBp(h.hbpm.mean)}（${h.hbpm.readingsUsed} 次读数，${h.hbpm.daysUsed} 天${h.hbpm.sufficient ? '' : '，数据不足'}）`,
        en: `${fmtBp(h.hbpm.mean)} (${h.hbpm.readingsUsed} readings, ${h.hbpm.daysUsed} days${h.hbpm.sufficient ? '' : ', not enough data'})`,
      },
      rule: h.hbpm.rule,
      source: h.hbpm.source,
    });
  }
  const classification = report.office?.classification ?? h.homeMeanClassification;
  if (classification) {
    out.push({
      key: 'classification',
      label: report.office
        ? { zh: '诊室血压分级', en: 'Office BP classification' }
        : { zh: '血压分级（家庭均值，仅供参考）', en: 'Classification (home mean, informative)' },
      value: classification.display,
      rule: classification.rule,
      source: classification.source,
    });
  }
  if (h.phenotype) {
    out.push({
      key: 'phenotype',
      label: { zh: '诊室外血压表型', en: 'Out-of-office pattern' },
      value: h.phenotype.display,
      rule: h.phenotype.rule,
      source: h.phenotype.source,
    });
  }
  if (h.target) {
    out.push({
      key: 'target',
      label: { zh: '降压目标', en: 'BP target' },
      value: h.target.display,
      rule: h.target.rule,
      source: h.target.source,
    });
  }
  const bp = decisionBp(report);
  if (bp) {
    const s = chinaStratification(c, bp.bp);
    out.push({
      key: 'china-risk',
      label: { zh: '心血管风险分层（中国2018）', en: 'CV risk stratification (China 2018)' },
      value: s.display,
      rule: s.rule,
      source: s.source,
    });
  }
  const pce = report.risk?.pce;
  if (pce) {
    out.push({
      key: 'pce',
      label: { zh: '10年ASCVD风险（PCE）', en: '10-year ASCVD risk (PCE)' },
      value: pce.display,
      rule: pce.rule,
      source: pce.source,
    });
  } else if (report.risk?.missing?.length) {
    out.push({
      key: 'pce',
      label: { zh: '10年ASCVD风险（PCE）', en: '10-year ASCVD risk (PCE)' },
      value: {
        zh: `无法计算：缺少 ${report.risk.missing.join('、')}`,
        en: `Not computed: missing ${report.risk.missing.join(', ')}`,
      },
      rule: 'PCE needs age, sex, total and HDL cholesterol, SBP, treatment, smoking and diabetes',
      source: 'REFERENCE §3.1',
    });
  }
  if (report.renal) {
    out.push({
      key: 'egfr',
      label: { zh: '肾功能（eGFR）', en: 'Renal function (eGFR)' },
      value: report.renal.display,
      rule: report.renal.rule,
      source: report.renal.source,
    });
  }
  return out;
}

export async function careSummary(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  guideline: Guideline,
): Promise<CareSummary> {
  assertClinicalSide(ctx);
  const c = await clinicalContext(deps, ctx, patientId, guideline);
  const alerts = await listAlerts(deps.repository, ctx, { patientId, status: 'active', count: 50 });
  const consultations = await careDb(deps.db)
    .selectFrom('care_consultation')
    .selectAll()
    .where('patient_id', '=', patientId)
    .orderBy('created_at', 'desc')
    .limit(10)
    .execute();
  const withIntake = consultations.find((r) => r.saved !== null);
  const withTriage = consultations.find((r) => r.triage !== null);
  let intake: CareSummary['intake'];
  if (withIntake) {
    const saved = withIntake.saved as unknown as { drafts: string[] };
    intake = {
      consultationId: withIntake.id,
      completedAt: new Date(withIntake.updated_at).toISOString(),
      answers: withIntake.answers as Record<string, string>,
      drafts: await Promise.all(
        saved.drafts.map(async (reference) => {
          const [type, id] = reference.split('/') as [string, string];
          const resource = await deps.repository.read(ctx, type, id).catch(() => undefined);
          return { reference, display: displayOf(resource) ?? reference };
        }),
      ),
    };
  }
  return {
    patient: c.report.patient,
    guideline,
    findings: summaryFindings(c),
    alerts: alerts.map((a) => ({
      id: a.id,
      kind: a.kind,
      display: a.summary,
      time: a.createdAt,
      severity: a.severity,
    })),
    ...(intake ? { intake } : {}),
    ...(withTriage ? { triage: withTriage.triage as unknown as TriageResult } : {}),
    modelConfigured: deps.model.configured(),
  };
}

function displayOf(resource: FhirResource | undefined): string | undefined {
  if (!resource) return undefined;
  const r = resource as {
    code?: { text?: string; coding?: { display?: string }[] };
    medicationCodeableConcept?: { text?: string };
    valueQuantity?: { value?: number; unit?: string };
    valueCodeableConcept?: { coding?: { display?: string }[] };
    component?: { valueQuantity?: { value?: number } }[];
  };
  if (r.medicationCodeableConcept?.text)
    return `${resource.resourceType}: ${r.medicationCodeableConcept.text}`;
  const name = r.code?.text ?? r.code?.coding?.[0]?.display ?? resource.resourceType;
  if (r.component?.length === 2)
    return `${name}: ${r.component[0]!.valueQuantity?.value}/${r.component[1]!.valueQuantity?.value} mmHg`;
  if (r.valueQuantity) return `${name}: ${r.valueQuantity.value} ${r.valueQuantity.unit ?? ''}`.trim();
  if (r.valueCodeableConcept) return `${name}: ${r.valueCodeableConcept.coding?.[0]?.display ?? ''}`;
  return `${resource.resourceType}: ${name}`;
}

/** Passages for grounding (empty when no knowledge base or nothing found). */
async function passagesFor(deps: CareDeps, ctx: RequestContext, query: string): Promise<Passage[]> {
  if (!deps.knowledge) return [];
  try {
    const result = await deps.knowledge.search({ query, limit: 5, principal: ctx.principal });
    return result.passages;
  } catch {
    return [];
  }
}

function guardPatient(c: ClinicalContext) {
  const egfr = c.report.renal?.egfr;
  return {
    ...(c.report.patient.age !== undefined ? { age: c.report.patient.age } : {}),
    ...(c.report.patient.sex === 'male' || c.report.patient.sex === 'female'
      ? { sex: c.report.patient.sex as 'male' | 'female' }
      : {}),
    ...(egfr !== undefined ? { egfr } : {}),
    conditions: c.review.conditions.map((x) => x.text ?? x.codes?.[0]?.display ?? '').filter(Boolean),
    ...(c.review.pregnant ? { pregnant: true } : {}),
  };
}

/** Runs the model over facts + passages and passes the answer through the guard. */
export async function guardedModelText(
  deps: CareDeps,
  ctx: RequestContext,
  c: ClinicalContext,
  options: {
    guideline: Guideline;
    system: string;
    facts: unknown;
    query: string;
    patientId: string;
    /** Drug ids whose review findings are shown elsewhere (the engine's own drafts). */
    exclude?: ReadonlySet<string>;
  },
): Promise<GuardedText> {
  const passages = await passagesFor(deps, ctx, options.query);
  const citations = passages.map((p) => ({
    id: p.id,
    title: p.title,
    section: p.section,
    collection: p.collection,
    text: p.text,
  }));
  if (!deps.model.configured())
    return { status: 'model-not-configured', message: NOT_CONFIGURED_MESSAGE, citations };
  const passageText = passages.map((p) => `[${p.id}] ${p.title} — ${p.section}\n${p.text}`).join('\n\n');
  let text: string;
  try {
    const turn = await deps.model.chat({
      messages: [
        { role: 'system', content: options.system },
        {
          role: 'user',
          content: `ENGINE RESULTS (authoritative, deterministic):\n${JSON.stringify(options.facts, null, 1)}\n\nPASSAGES (cite as [id]):\n${passageText || '(none)'}`,
        },
      ],
      audience: 'clinician',
      principal: ctx.principal,
      patientId: options.patientId,
      ...(c.report.patient.name ? { known: { names: [c.report.patient.name] } } : {}),
    });
    text = turn.content.trim();
  } catch (error) {
    return { status: 'model-error', message: (error as Error).message, citations };
  }
  const result = await checkAnswer(
    {
      answer: text,
      passages: passages.map((p) => ({ id: p.id, title: p.title, text: p.text })),
      patient: guardPatient(c),
      guideline: options.guideline,
    },
    { drugs: deps.drugs, policy: 'annotate' },
  );
  // Drugs the model recommends are reviewed against this patient (engine-proposed drugs are reviewed with
  // their drafts already).
  const unsafe = reviewRecommendedDrugs(text, c.chart.resources, deps.drugs, nowOf(deps), options.exclude);
  const claims = [...result.claims, ...unsafe];
  const contradicted = result.summary.contradicted + unsafe.length;
  return {
    status: 'ok',
    text,
    citations,
    guard: {
      claims,
      contradicted,
      summary: { ...result.summary, total: claims.length, contradicted },
    },
  };
}

export async function careNarrative(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  guideline: Guideline,
  language: 'zh' | 'en',
): Promise<GuardedText> {
  assertClinicalSide(ctx);
  const c = await clinicalContext(deps, ctx, patientId, guideline);
  const findings = summaryFindings(c);
  const facts = findings.map((f) => ({ [f.key]: f.value[language], rule: f.rule, source: f.source }));
  const query =
    language === 'zh'
      ? `高血压 ${findings.find((f) => f.key === 'classification')?.value.zh ?? ''} 降压目标 治疗 ${[...c.conditions].join(' ')}`
      : `hypertension ${findings.find((f) => f.key === 'classification')?.value.en ?? ''} target treatment ${[...c.conditions].join(' ')}`;
  return guardedModelText(deps, ctx, c, {
    guideline,
    facts,
    query,
    patientId,
    system:
      language === 'zh'
        ? '你是高血压专科的临床助手，为医生写一段患者小结（不超过200字，Markdown）。只使用给出的引擎结果和文献段落；任何阈值或剂量必须来自它们；引用段落时写 [id]。不要下医嘱。'
        : 'You are a hypertension clinical assistant writing a short patient summary for the clinician (≤150 words, Markdown). Use only the engine results and passages given; every threshold or dose must come from them; cite passages as [id]. Do not give orders.',
  });
}

// ------------------------------------------------------------------------------------------ proposal

const CLASS_MAP: Partial<Record<DrugClassId, AntihypertensiveClass>> = {
  acei: 'acei',
  arb: 'arb',
  'ccb-dhp': 'ccb-dhp',
  'ccb-non-dhp': 'ccb-nondhp',
  thiazide: 'thiazide',
  'thiazide-like': 'thiazide',
  loop: 'loop',
  mra: 'mra',
  'beta-blocker': 'beta-blocker',
  'alpha-blocker': 'alpha-blocker',
  'central-alpha2': 'central',
  vasodilator: 'other',
  'renin-inhibitor': 'other',
  arni: 'other',
  'k-sparing': 'other',
};

function currentMedications(deps: CareDeps, c: ClinicalContext): CurrentMedication[] {
  const out: CurrentMedication[] = [];
  for (const m of c.review.medications) {
    const match = m.drugId ? deps.drugs.getDrug(m.drugId) : deps.drugs.match(m.text ?? '')?.drug;
    if (!match) continue;
    const parts = match.components?.length
      ? match.components.map((id) => deps.drugs.getDrug(id)).filter((d) => d !== undefined)
      : [match];
    for (const part of parts) {
      const cls = deps.drugs
        .classesOf(part)
        .map((x) => CLASS_MAP[x])
        .find((x) => x !== undefined);
      if (!cls) continue;
      const dose = m.dose && /mg/i.test(m.dose.unit) && !match.components ? m.dose.value : undefined;
      out.push({
        agent: part.id,
        cls,
        ...(dose !== undefined ? { dailyDoseMg: dose * (m.timesPerDay ?? 1) } : {}),
      });
    }
  }
  return out;
}

export function treatmentInput(
  deps: CareDeps,
  c: ClinicalContext,
  guideline: Guideline,
): TreatmentInput | undefined {
  const bp = decisionBp(c.report);
  if (!bp) return undefined;
  const s = chinaStratification(c, bp.bp);
  const level = s.level;
  // The §3.4 table has split cells ("中/高危", "高/很高危"); the treatment rules (§7.3) take the higher level,
  // so drug treatment is never delayed by a split cell (documented choice).
  const chinaRisk =
    level === 'low'
      ? 'low'
      : level === 'medium'
        ? 'medium'
        : level === 'medium-high' || level === 'high'
          ? 'high'
          : level
            ? 'very-high'
            : undefined;
  const egfr = c.report.renal?.egfr;
  const potassium = c.review.labs.potassium?.value;
  const sex = c.report.patient.sex === 'female' ? 'female' : 'male';
  const pce = c.report.risk?.pce as { tenYearRisk?: number } | undefined;
  return {
    guideline,
    age: c.report.patient.age ?? 50,
    sex,
    bp: bp.bp,
    bpSource: bp.source,
    ...(chinaRisk ? { chinaRisk } : {}),
    ...(pce?.tenYearRisk !== undefined ? { ascvdRisk10y: pce.tenYearRisk } : {}),
    conditions: {
      diabetes: c.conditions.has('diabetes'),
      ckd: c.conditions.has('ckd') || (egfr !== undefined && egfr < 60),
      ascvd: c.conditions.has('coronary') || c.conditions.has('stroke'),
      coronaryArteryDisease: c.conditions.has('coronary'),
      heartFailureReducedEf: c.conditions.has('heart-failure'),
      atrialFibrillation: c.conditions.has('atrial-fibrillation'),
      gout: c.conditions.has('gout'),
      asthma: c.conditions.has('asthma'),
      ...(c.review.pregnant ? { pregnancy: true } : {}),
    },
    labs: {
      ...(potassium !== undefined ? { potassium } : {}),
      ...(egfr !== undefined ? { egfr } : {}),
    },
    current: currentMedications(deps, c),
  };
}

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
): FhirResource {
  const drug = deps.drugs.getDrug(order.agent);
  const atc = drug ? deps.drugs.atcOf(drug)[0] : undefined;
  const first = order.doses[0]!;
  const single = order.doses.length === 1;
  const strength = order.doses.map((d) => `${d.doseMg} mg`).join('/');
  const name = drug?.names.en ?? order.agent;
  const times = first.timesPerDay;
  const freq = FREQ[times] ?? { zh: `每日${times}次`, en: `${times} times daily`, code: '' };
  const perDose = single ? first.doseMg / times : undefined;
  return {
    resourceType: 'MedicationRequest',
    id: `${proposalId}-${index}`,
    meta: { tag: [PROPOSAL_TAG] },
    status: 'draft',
    intent: 'proposal',
    medicationCodeableConcept: {
      text: `${name} ${single ? `${perDose} mg` : strength}`,
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
    note: [{ text: `Engine proposal (${order.source}): ${order.rationale.en}` }],
    extension: [{ url: RATIONALE_EXTENSION, valueString: JSON.stringify(order.rationale) }],
  } as FhirResource;
}

function draftView(resource: FhirResource, findings: Finding[]): DraftView {
  const mr = resource as unknown as {
    id: string;
    status: string;
    authoredOn?: string;
    medicationCodeableConcept?: { text?: string };
    dosageInstruction?: { text?: string }[];
    extension?: { url: string; valueString?: string }[];
    meta?: { lastUpdated?: string };
  };
  const signature = mr.extension?.find((e) => e.url === SIGNATURE_EXTENSION)?.valueString;
  const signed = signature ? (JSON.parse(signature) as { by: string; at: string }) : undefined;
  const rationale = mr.extension?.find((e) => e.url === RATIONALE_EXTENSION)?.valueString;
  const id = mr.id;
  return {
    id,
    status: mr.status,
    display: mr.medicationCodeableConcept?.text ?? '',
    ...(mr.dosageInstruction?.[0]?.text ? { dosage: mr.dosageInstruction[0].text } : {}),
    findings: findings
      .filter((f) => f.evidence.orders.some((o) => o.id === `MedicationRequest/${id}` || o.id === id))
      .map((f) => ({
        id: f.id,
        severity: f.severity,
        summary: { zh: f.summary.zh, en: f.summary.en },
        detail: { zh: f.detail.zh, en: f.detail.en },
        source: { label: f.source.label, citation: f.source.citation },
      })),
    ...(rationale ? { rationale: JSON.parse(rationale) as Text } : {}),
    createdAt: mr.authoredOn ?? mr.meta?.lastUpdated ?? '',
    ...(signed ? { signedBy: signed.by, signedAt: signed.at } : {}),
  };
}

/** Reviews the given drafts together against the chart (interactions between drafts included). */
function reviewDrafts(deps: CareDeps, chart: PatientChart, drafts: FhirResource[], now: Date): Finding[] {
  if (drafts.length === 0) return [];
  const ids = new Set(drafts.map((d) => String(d.id)));
  const others = chart.resources.filter(
    (r) => !(r.resourceType === 'MedicationRequest' && ids.has(String(r.id))),
  );
  const input = buildReviewInput(others as unknown as Resource[], {
    now,
    draftOrders: drafts as unknown as Resource[],
  });
  return reviewPrescriptions(input, deps.drugs).findings;
}

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

export interface ProposalResult {
  proposal: TreatmentProposal;
  drafts: DraftView[];
  explanation: GuardedText;
}

export async function proposeForPatient(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  guideline: Guideline,
  language: 'zh' | 'en',
): Promise<ProposalResult> {
  assertClinicalSide(ctx);
  const c = await clinicalContext(deps, ctx, patientId, guideline);
  const input = treatmentInput(deps, c, guideline);
  if (!input)
    throw new QihuangError(
      'invalid-input',
      'No blood-pressure readings to base a proposal on: upload home readings or record an office visit first',
    );
  const proposal = proposeTreatment(input);
  const now = nowOf(deps);
  const proposalId = `htn-${now.getTime().toString(36)}`;
  // Earlier unsigned proposals are withdrawn: only the latest proposal waits for signature.
  const stale = (await pendingDrafts(deps, ctx, patientId)).filter((d) =>
    (d.meta as { tag?: { code?: string }[] } | undefined)?.tag?.some((t) => t.code === PROPOSAL_TAG.code),
  );
  const drafts = proposal.orders.map((order, index) =>
    medicationRequestFor(patientId, order, proposalId, index, now.toISOString(), deps),
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
  const findings = reviewDrafts(deps, c.chart, drafts, now);
  const views = drafts.map((d) => draftView(d, findings));
  const proposed = new Set(proposal.orders.flatMap((o) => [o.agent, ...(o.components ?? [])]));
  const explanation = await guardedModelText(deps, ctx, c, {
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
      followUpDays: proposal.followUpDays,
    },
    system:
      language === 'zh'
        ? '你是高血压专科的临床助手。请向医生解释下面这份由指南引擎生成的治疗建议草稿（不超过200字，Markdown）：为什么选这些药、避免了哪些药、需要监测什么。只使用给出的引擎结果和文献段落中的数字，引用段落写 [id]。这是草稿，由医生决定并签署。'
        : 'You are a hypertension clinical assistant. Explain to the clinician the treatment draft below, produced by the guideline engine (≤150 words, Markdown): why these drugs, which were avoided, what to monitor. Use only numbers from the engine results and passages; cite passages as [id]. It is a draft the clinician decides on and signs.',
  });
  return { proposal, drafts: views, explanation };
}

export async function listDrafts(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
): Promise<{ drafts: DraftView[] }> {
  assertClinicalSide(ctx);
  const drafts = await pendingDrafts(deps, ctx, patientId);
  const chart = await loadChart(deps.repository, ctx, patientId);
  const findings = reviewDrafts(deps, chart, drafts, nowOf(deps));
  return { drafts: drafts.map((d) => draftView(d, findings)) };
}

function patientOf(resource: FhirResource): string {
  const ref = (resource as { subject?: { reference?: string } }).subject?.reference ?? '';
  return ref.replace(/^Patient\//, '');
}

/** The Practitioner resource standing for a signed-in clinician (created on first signature). */
export async function practitionerFor(
  deps: CareDeps,
  ctx: RequestContext,
): Promise<{ reference: string; display: string }> {
  const p = ctx.principal;
  const id = `user-${p.id}`.replace(/[^A-Za-z0-9\-.]/g, '-').slice(0, 64);
  const existing = await deps.repository.read(ctx, 'Practitioner', id).catch(() => undefined);
  if (!existing) {
    await deps.repository.update(ctx, 'Practitioner', id, {
      resourceType: 'Practitioner',
      id,
      active: true,
      identifier: [{ system: 'urn:qihuang:user', value: p.username }],
      name: [{ text: p.username }],
    });
  }
  return { reference: `Practitioner/${id}`, display: p.username };
}

export async function signPrescription(
  deps: CareDeps,
  ctx: RequestContext,
  id: string,
  acknowledge: string[],
): Promise<DraftView> {
  assertSigner(ctx);
  const resource = await deps.repository.read(ctx, 'MedicationRequest', id);
  const status = (resource as { status?: string }).status;
  if (status !== 'draft')
    throw new QihuangError('conflict', `MedicationRequest/${id} is ${status}; only a draft can be signed`);
  const patientId = patientOf(resource);
  const now = nowOf(deps);
  const chart = await loadChart(deps.repository, ctx, patientId);
  const findings = reviewDrafts(deps, chart, [resource], now);
  const critical = findings.filter((f) => f.severity === 'critical' && !acknowledge.includes(f.id));
  if (critical.length > 0) {
    throw new QihuangError(
      'conflict',
      `Acknowledge the critical review findings before signing: ${critical.map((f) => f.summary.en).join('; ')}`,
      {
        issues: critical.map((f) => ({
          severity: 'error' as const,
          code: 'business-rule',
          message: `${f.id}: ${f.summary.en}`,
        })),
      },
    );
  }
  const signer = await practitionerFor(deps, ctx);
  const at = now.toISOString();
  const extension = [
    ...((resource as { extension?: { url: string }[] }).extension ?? []).filter(
      (e) => e.url !== SIGNATURE_EXTENSION,
    ),
    {
      url: SIGNATURE_EXTENSION,
      valueString: JSON.stringify({ by: signer.display, at, acknowledged: acknowledge }),
    },
  ];
  const signed = {
    ...resource,
    status: 'active',
    intent: 'order',
    authoredOn: at,
    requester: signer,
    extension,
  } as FhirResource;
  await processTransaction(deps.repository, ctx, {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { resource: signed, request: { method: 'PUT', url: `MedicationRequest/${id}` } },
      {
        resource: {
          resourceType: 'Provenance',
          target: [{ reference: `MedicationRequest/${id}` }],
          recorded: at,
          activity: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation',
                code: 'UPDATE',
                display: 'revise',
              },
            ],
            text: 'Clinician signed the prescription draft',
          },
          agent: [
            {
              type: {
                coding: [
                  {
                    system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
                    code: 'author',
                  },
                ],
              },
              who: signer,
            },
          ],
          signature: [
            {
              type: [
                {
                  system: 'urn:iso-astm:E1762-95:2013',
                  code: '1.2.840.10065.1.12.1.1',
                  display: "Author's Signature",
                },
              ],
              when: at,
              who: signer,
            },
          ],
        },
        request: { method: 'POST', url: 'Provenance' },
      },
    ],
  });
  await deps.audit(ctx, {
    action: 'operation',
    outcome: 'success',
    resourceType: 'MedicationRequest',
    resourceId: id,
    query: 'sign-prescription',
    patientIds: [patientId],
    detail: { signer: signer.reference, acknowledged: acknowledge, findings: findings.map((f) => f.id) },
  });
  return draftView(signed, findings);
}

export async function cancelPrescription(
  deps: CareDeps,
  ctx: RequestContext,
  id: string,
): Promise<DraftView> {
  assertClinicalSide(ctx);
  if (ctx.principal.role === 'nurse')
    throw new QihuangError('forbidden', 'Only a clinician can withdraw a draft');
  const resource = await deps.repository.read(ctx, 'MedicationRequest', id);
  if ((resource as { status?: string }).status !== 'draft')
    throw new QihuangError('conflict', `MedicationRequest/${id} is not a draft`);
  const cancelled = { ...resource, status: 'cancelled' } as FhirResource;
  await deps.repository.update(ctx, 'MedicationRequest', id, cancelled);
  return draftView(cancelled, []);
}

export { draftView, reviewDrafts, SIGNATURE_EXTENSION };
