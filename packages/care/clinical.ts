/**
 * Clinician side: the patient's chart read once (clinicalContext), the summary (engine results with sources)
 * and the model text grounded in knowledge search and passed through the guard (narrative; also used by the
 * prescription explanation in prescriptions.ts).
 */
import type { Resource } from '@medplum/fhirtypes';
import type { RequestContext } from '@qihuang/contracts';
import { assessPatient, CONTEXT_OBSERVATION_CODES, listAlerts, type BpReport } from '@qihuang/bp-monitoring';
import type { Guideline, Text } from '@qihuang/engines/blood-pressure';
import { stratifyChina2018 } from '@qihuang/engines/cardiovascular-risk';
import { pceRule } from './pce-rule.ts';
import type { TriageResult } from '@qihuang/engines/hypertension-care';
import {
  LOINC,
  buildReviewInput,
  type PatientContext as ReviewPatient,
} from '@qihuang/engines/prescription-review';
import type { PatientChart } from '@qihuang/pharmacy-review';
import { drivesClinicalCalculations } from '@qihuang/fhir';
import { intakeDraftViews } from './patient-reported-chart.ts';
import { answersInOrder } from './intake.ts';
import type { FhirResource } from '@qihuang/store';
import { assertClinicalSide, nowOf, type CareDeps } from './deps.ts';
import { chartConditionKeys } from './condition-match.ts';
import { careDb } from './tables.ts';
import { chartFactors, FACTOR_OBSERVATION_CODES, type ChartFactors } from './chart-factors.ts';
import { citeSource } from './citations.ts';
import { complicationNames } from './risk-complications.ts';
import { sourceIn } from './source-names.ts';
import { measuredOnly, reportedBp, type ReportedBp } from './measured.ts';
import { ageAtDeath, deceasedOf } from './patient-status.ts';
import { careSettings } from './settings.ts';
import { clinicianTriage, openEmergencies } from './open-emergency.ts';
import { triageAlertClosed } from './triage-alert.ts';
import type { SummaryFinding, CareSummary } from './api-types/index.ts';
import { unconfirmedText } from './unconfirmed-text.ts';

export type { SummaryFinding, CareSummary };

/** Everything the engines need about the patient, loaded once. */
export interface ClinicalContext {
  report: BpReport;
  chart: PatientChart;
  review: ReviewPatient;
  conditions: Set<string>;
  deceased?: { date?: string; ageAtDeath?: number };
  reported: ReportedBp[];
  timeZone: string;
  /** Engine inputs and China 2018 risk factors read from coded Conditions and Observations (chart-factors.ts). */
  factors: ChartFactors;
  /** Labs and conditions the patient recorded that no clinician has confirmed: shown, never calculated with. */
  unconfirmed: FhirResource[];
}

const CHART_TYPES = [
  'Patient',
  'Condition',
  'AllergyIntolerance',
  'Observation',
  'MedicationRequest',
  'MedicationStatement',
  'FamilyMemberHistory',
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
    ...FACTOR_OBSERVATION_CODES, // UACR, lipids, glucose, BMI, waist, homocysteine, pregnancy intention
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
  const everything = await deps.repository.patientResources(ctx, patientId, CHART_TYPES, {
    observationCodes: CHART_OBSERVATION_CODES,
  });
  // One rule for every calculation (eGFR, review, risk, targets): what a patient recorded counts only once a
  // clinician confirms it, home BP and heart rate excepted (drivesClinicalCalculations, docs/decisions/0003).
  const resources = everything.filter(drivesClinicalCalculations);
  const unconfirmed = everything.filter((r) => !drivesClinicalCalculations(r));
  const patient = resources.find((r) => r.resourceType === 'Patient');
  const settings = careSettings(deps, patient);
  const report = await assessPatient(deps.repository, ctx, patientId, {
    guideline,
    now: now.toISOString(),
    // 90 days cover the HBPM window, the alert rules and the office visits that matter for a decision.
    from: new Date(now.getTime() - 90 * 86_400_000).toISOString(),
    // Measured readings only: BP recalled in an intake is shown apart (measured.ts).
    preloaded: measuredOnly(resources),
    utcOffsetMinutes: settings.utcOffsetMinutes,
    officeSince: settings.officeSince,
  });
  const death = deceasedOf(patient);
  const deceased = death
    ? (() => {
        const birthDate = (patient as { birthDate?: string } | undefined)?.birthDate;
        const age = ageAtDeath(birthDate, death);
        return {
          ...(death.date ? { date: death.date } : {}),
          ...(age !== undefined ? { ageAtDeath: age } : {}),
        };
      })()
    : undefined;
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
  // Code first, text with an exclusion list: prediabetes is not diabetes (condition-match.ts).
  const conditions = chartConditionKeys(review.conditions);
  const factors = chartFactors(resources, {
    ...(report.patient.age !== undefined ? { age: report.patient.age } : {}),
    ...(report.patient.sex ? { sex: report.patient.sex } : {}),
  });
  if (conditions.has('hyperlipidemia') && !factors.chinaRiskFactors.some((x) => x.key === 'dyslipidaemia'))
    factors.chinaRiskFactors.push({ key: 'dyslipidaemia', label: { zh: '血脂异常', en: 'dyslipidaemia' } }); // §3.4
  return {
    report,
    chart,
    review,
    conditions,
    factors,
    ...(deceased ? { deceased } : {}),
    reported: reportedBp(resources),
    timeZone: settings.timeZone,
    unconfirmed,
  };
}

function fmtBp(v: { sbp: number; dbp: number }): string {
  return `${Math.round(v.sbp)}/${Math.round(v.dbp)} mmHg`;
}

/** China 2018 stratification inputs from the chart: every REFERENCE §3.4 risk factor, TOD and complication. */
export function chinaStratification(c: ClinicalContext, bp: { sbp: number; dbp: number }) {
  const f = c.factors;
  const egfr = c.report.renal?.egfr;
  return stratifyChina2018({
    sbp: bp.sbp,
    dbp: bp.dbp,
    riskFactors: f.chinaRiskFactors.length,
    targetOrganDamage: f.targetOrganDamage, // §3.4 TOD (LVH, UACR ≥30 mg/g)
    ckdStage3: egfr !== undefined && egfr >= 30 && egfr < 60, // §4.3 G3a/G3b
    ckdStage4Plus: egfr !== undefined && egfr < 30, // §4.3 G4–G5
    diabetesWithoutComplications: c.conditions.has('diabetes') && !f.conditions.has('diabetes-complications'),
    diabetesWithComplications: f.conditions.has('diabetes-complications'),
    clinicalComplications:
      c.conditions.has('coronary') ||
      c.conditions.has('stroke') ||
      c.conditions.has('heart-failure') ||
      c.conditions.has('atrial-fibrillation') || // §3.4 heart disease includes AF
      f.clinicalComplications.length > 0,
    // Named in the risk reason when they decide the level (issue 20: "很高危（临床并发症：脑卒中）").
    complications: complicationNames(c.conditions, f.clinicalComplications),
  });
}

/** BP the decisions use: the HBPM mean when sufficient, else the last office visit. */
export function decisionBp(
  report: BpReport,
): { bp: { sbp: number; dbp: number }; source: 'home' | 'office' } | undefined {
  if (report.home.hbpm.sufficient && report.home.hbpm.mean)
    return { bp: report.home.hbpm.mean, source: 'home' };
  if (report.office) return { bp: report.office.mean, source: 'office' };
  if (report.home.hbpm.mean) return { bp: report.home.hbpm.mean, source: 'home' };
  return undefined;
}

/** The language a care answer's fixed text is in (one language per screen, issue 20). */
export type ReadLanguage = 'zh' | 'en';

/** An engine rule in the reader's language: its own text in each language, else the English key. */
function ruleIn(lang: ReadLanguage, r: { rule: string; ruleText?: Text | undefined }): string {
  return r.ruleText?.[lang] ?? r.rule;
}

/** What the risk assessment names as missing (bp-monitoring), in Chinese. */
const MISSING_ZH: Record<string, string> = {
  age: '年龄',
  sex: '性别',
  'total cholesterol': '总胆固醇',
  'HDL cholesterol': '高密度脂蛋白胆固醇',
  'systolic BP': '收缩压',
};

/** The engine results the clinician reads, each rule in `lang` (labels and values carry both languages). */
export function summaryFindings(c: ClinicalContext, lang: ReadLanguage = 'en'): SummaryFinding[] {
  const out: SummaryFinding[] = [];
  const say = (t: Text) => t[lang];
  const { report } = c;
  const h = report.home;
  if (h.hbpm.mean) {
    // The one current home average as the assessment shows it (decision 0027: 134.6 below 135/85, never "135"),
    // with its window's name.
    const shownMean = h.hbpm.shown ? `${h.hbpm.shown.sbp}/${h.hbpm.shown.dbp} mmHg` : fmtBp(h.hbpm.mean);
    const win = h.hbpm.label ?? { zh: '', en: '' };
    out.push({
      key: 'home-mean',
      label: { zh: '家庭血压均值', en: 'Home BP mean' },
      value: {
        zh: `${shownMean}（${win.zh}${win.zh ? '，' : ''}${h.hbpm.readingsUsed} 次读数，${h.hbpm.daysUsed} 天${h.hbpm.sufficient ? '' : '，数据不足'}）`,
        en: `${shownMean} (${win.en}${win.en ? ', ' : ''}${h.hbpm.readingsUsed} readings, ${h.hbpm.daysUsed} days${h.hbpm.sufficient ? '' : ', not enough data'})`,
      },
      rule: ruleIn(lang, h.hbpm),
      source: h.hbpm.source,
    });
  }
  const classification = report.office?.classification ?? h.homeMeanClassification;
  if (classification) {
    const date = report.office?.date;
    out.push({
      key: 'classification',
      label: report.office
        ? { zh: `诊室血压分级（${date}）`, en: `Office BP classification (${date})` }
        : { zh: '血压分级（家庭均值，仅供参考）', en: 'Classification (home mean, informative)' },
      value: classification.display,
      rule: ruleIn(lang, classification),
      source: classification.source,
    });
  }
  if (h.phenotype) {
    out.push({
      key: 'phenotype',
      label: { zh: '诊室外血压表型', en: 'Out-of-office pattern' },
      value: h.phenotype.display,
      rule: ruleIn(lang, h.phenotype),
      source: h.phenotype.source,
    });
  }
  if (h.target) {
    out.push({
      key: 'target',
      label: { zh: '降压目标', en: 'BP target' },
      value: h.target.display,
      rule: ruleIn(lang, h.target),
      source: h.target.source,
    });
  }
  const bp = decisionBp(report);
  if (bp) {
    const s = chinaStratification(c, bp.bp);
    out.push({
      key: 'china-risk',
      label: { zh: '心血管风险分层（中国2018）', en: 'CV risk stratification (China 2018)' },
      value: {
        zh: `${s.display.zh}（危险因素 ${c.factors.chinaRiskFactors.length} 个${c.factors.chinaRiskFactors.length ? `：${c.factors.chinaRiskFactors.map((f) => f.label.zh).join('、')}` : ''}）`,
        en: `${s.display.en} (${c.factors.chinaRiskFactors.length} risk factor${c.factors.chinaRiskFactors.length === 1 ? '' : 's'}${c.factors.chinaRiskFactors.length ? `: ${c.factors.chinaRiskFactors.map((f) => f.label.en).join(', ')}` : ''})`,
      },
      rule: ruleIn(lang, s),
      source: s.source,
    });
  }
  const pce = report.risk?.pce;
  if (pce) {
    out.push({
      key: 'pce',
      label: { zh: '10年ASCVD风险（PCE）', en: '10-year ASCVD risk (PCE)' },
      value: pce.display,
      ...(({ rule, detail }) => ({ rule, ruleDetail: detail }))(pceRule(ruleIn(lang, pce), lang)),
      source: pce.source,
    });
  } else if (report.risk?.missing?.length) {
    out.push({
      key: 'pce',
      label: { zh: '10年ASCVD风险（PCE）', en: '10-year ASCVD risk (PCE)' },
      value: {
        zh: `无法计算：缺少 ${report.risk.missing.map((m) => MISSING_ZH[m] ?? m).join('、')}`,
        en: `Not computed: missing ${report.risk.missing.join(', ')}`,
      },
      rule: say({
        zh: 'PCE 需要年龄、性别、总胆固醇和高密度脂蛋白胆固醇、收缩压、是否降压治疗、吸烟和糖尿病',
        en: 'PCE needs age, sex, total and HDL cholesterol, SBP, treatment, smoking and diabetes',
      }),
      source: citeSource('REFERENCE §3.1'),
    });
  }
  if (report.renal) {
    out.push({
      key: 'egfr',
      label: { zh: '肾功能（eGFR）', en: 'Renal function (eGFR)' },
      value: report.renal.display,
      rule: ruleIn(lang, report.renal),
      source: report.renal.source,
    });
  }
  if (c.unconfirmed.length) {
    const items = (l: ReadLanguage) => c.unconfirmed.map((r) => unconfirmedText(r, l));
    out.push({
      key: 'patient-recorded',
      label: {
        zh: '患者自行录入（未经医生确认，未用于计算）',
        en: 'Patient-recorded, not confirmed (not used in calculations)',
      },
      value: { zh: items('zh').join('；'), en: items('en').join('; ') },
      rule: say({
        zh: '患者自行录入的数值须经医生确认（保存）后才用于计算',
        en: 'A value the patient recorded is used in calculations only after a clinician confirms it (saves it)',
      }),
      source: say({
        zh: '岐黄数据规则：患者自行录入的数值',
        en: 'Qihuang data rule: patient-recorded values',
      }),
    });
  }
  return out;
}

export async function careSummary(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  guideline: Guideline,
  lang: ReadLanguage = 'en',
): Promise<CareSummary> {
  assertClinicalSide(ctx);
  const c = await clinicalContext(deps, ctx, patientId, guideline);
  const alerts = await listAlerts(deps.repository, ctx, {
    patientId,
    status: 'active',
    count: 50,
    timeZone: c.timeZone,
  });
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
    const saved = withIntake.saved as unknown as { drafts: string[]; inChart?: string[] };
    intake = {
      consultationId: withIntake.id,
      completedAt: new Date(withIntake.updated_at).toISOString(),
      answers: answersInOrder(withIntake.answers as Record<string, string>) as Record<string, string>,
      // An item the chart already holds confirmed is shown as in the chart, not offered again (issue 20).
      drafts: await intakeDraftViews(deps, ctx, patientId, saved, lang),
    };
  }
  const { age, ...identity } = c.report.patient;
  const latest = c.report.series.at(-1);
  // The urgency box: an open reported emergency makes it an emergency (never downgraded), text for the clinician.
  const lastTriage = withTriage ? (withTriage.triage as unknown as TriageResult) : undefined;
  const urgency = clinicianTriage(
    lastTriage,
    await openEmergencies(deps, ctx, patientId, alerts),
    await withdrawnReading(deps, ctx, lastTriage?.crisisReading?.id),
    // The box follows the open alert: gone once the triage's alert was closed with its action (issue 20).
    await triageAlertClosed(deps, ctx, patientId, lastTriage, withTriage?.messages, alerts),
  );
  return {
    // The dead are not given an age as if alive (issue 17 item 4).
    patient: c.deceased
      ? { ...identity, deceased: c.deceased }
      : { ...identity, ...(age !== undefined ? { age } : {}) },
    ...(latest
      ? {
          latestMeasured: {
            time: latest.time,
            sbp: latest.sbp,
            dbp: latest.dbp,
            setting: latest.setting,
            ...(latest.manual ? { manual: true } : {}),
          },
        }
      : {}),
    ...(c.reported.length ? { patientReported: c.reported } : {}),
    timeZone: c.timeZone,
    guideline,
    findings: summaryFindings(c, lang).map((f) => ({ ...f, source: sourceIn(citeSource(f.source), lang) })),
    alerts: alerts.map((a) => ({
      id: a.id,
      kind: a.kind,
      display: a.summary, // its text now: a withdrawn reading said so, never the latest (issue 20)
      time: a.createdAt,
      severity: a.severity,
    })),
    ...(intake ? { intake } : {}),
    ...(urgency ? { triage: urgency } : {}),
    modelConfigured: deps.model.configured(),
  };
}

/**
 * The stored reading the triage quoted, when it was withdrawn as entered in error since (decision 0020): its
 * Observation is `entered-in-error`. A reading typed in the consultation (`typed-…`) is no stored reading.
 */
async function withdrawnReading(
  deps: CareDeps,
  ctx: RequestContext,
  id: string | undefined,
): Promise<Set<string>> {
  if (!id || id.startsWith('typed-')) return new Set();
  const observation = await deps.repository.read(ctx, 'Observation', id).catch(() => undefined);
  return new Set(observation?.status === 'entered-in-error' ? [id] : []);
}
