/**
 * The treatment engine's input from the chart: BP the decision uses, China 2018 risk, conditions read from
 * coded Conditions and Observations (chart-factors.ts), labs and current antihypertensives (issue 17 item 7).
 */
import type { DrugClassId } from '@qihuang/drug-knowledge';
import type { Guideline } from '@qihuang/engines/blood-pressure';
import type {
  AntihypertensiveClass,
  CurrentMedication,
  TreatmentInput,
} from '@qihuang/engines/hypertension-care';
import type { Resource } from '@medplum/fhirtypes';
import { buildReviewInput } from '@qihuang/engines/prescription-review';
import type { FhirResource } from '@qihuang/store';
import { chinaStratification, decisionBp, type ClinicalContext } from './clinical.ts';
import { replacedIdsOf } from './prior-orders.ts';
import { nowOf, type CareDeps } from './deps.ts';
import { regimenBasis } from './regimen-basis.ts';
import { careSettings } from './settings.ts';

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

/**
 * The current antihypertensives (engine classes) and the ids of the orders/statements they come from. Orders signed
 * and awaiting the pharmacist (`awaiting`) are already ordered (issue 20/19): given as `pending`, the active orders
 * they replace left out — the regimen as it will be; their ids are not the dated regimen's (regimen-basis.ts).
 */
function currentMedications(
  deps: CareDeps,
  c: ClinicalContext,
  awaiting: readonly FhirResource[],
): CurrentMedication[] & { ids: string[] } {
  const out = Object.assign([] as CurrentMedication[], { ids: [] as string[] });
  const replaced = new Set(
    [...replacedIdsOf(awaiting, c.chart.resources)].map((id) => `MedicationRequest/${id}`),
  );
  const pending = awaiting.length
    ? buildReviewInput(awaiting as unknown as Resource[], { now: nowOf(deps) }).patient.medications.filter(
        (m) => m.pending,
      )
    : [];
  for (const m of [...c.review.medications.filter((x) => !replaced.has(x.id)), ...pending]) {
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
      if (!m.pending && !out.ids.includes(m.id)) out.ids.push(m.id);
      const dose = m.dose && /mg/i.test(m.dose.unit) && !match.components ? m.dose.value : undefined;
      out.push({
        agent: part.id,
        cls,
        ...(dose !== undefined ? { dailyDoseMg: dose * (m.timesPerDay ?? 1) } : {}),
        ...(m.pending ? { pending: true as const } : {}),
      });
    }
  }
  return out;
}

export function treatmentInput(
  deps: CareDeps,
  c: ClinicalContext,
  guideline: Guideline,
  /** The patient's orders signed and awaiting the pharmacist: already ordered (issue 20/19). */
  awaiting: readonly FhirResource[] = [],
): TreatmentInput | undefined {
  const current = currentMedications(deps, c, awaiting);
  // On a dated regimen the BP comes from readings taken on it (regimen-basis.ts, decision 0023).
  const settings = careSettings(deps, c.chart.patient);
  const onRegimen = current.length
    ? regimenBasis(c, guideline, settings.utcOffsetMinutes, current.ids, nowOf(deps).toISOString())
    : undefined;
  const bp = onRegimen ? { bp: onRegimen.basis.bp, source: onRegimen.basis.source } : decisionBp(c.report);
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
  // Unknown age or sex stays unknown (never 50 / male): the engine lists them as missing.
  const sex =
    c.report.patient.sex === 'female' || c.report.patient.sex === 'male' ? c.report.patient.sex : undefined;
  const pce = c.report.risk?.pce as { tenYearRisk?: number } | undefined;
  return {
    guideline,
    ...(c.report.patient.age !== undefined ? { age: c.report.patient.age } : {}),
    ...(sex ? { sex } : {}),
    bp: bp.bp,
    bpSource: bp.source,
    ...(chinaRisk ? { chinaRisk } : {}),
    ...(pce?.tenYearRisk !== undefined ? { ascvdRisk10y: pce.tenYearRisk } : {}),
    // The target population as the assessment, the care plan and the patient's home read it (bp-monitoring
    // targetPopulation, issue 20): one target on every screen.
    population: c.report.population,
    conditions: {
      diabetes: c.conditions.has('diabetes'),
      ckd: c.conditions.has('ckd') || (egfr !== undefined && egfr < 60),
      ascvd: c.conditions.has('coronary') || c.conditions.has('stroke'),
      stroke: c.conditions.has('stroke'),
      coronaryArteryDisease: c.conditions.has('coronary'),
      heartFailureReducedEf: c.conditions.has('heart-failure'),
      atrialFibrillation: c.conditions.has('atrial-fibrillation'),
      gout: c.conditions.has('gout'),
      asthma: c.conditions.has('asthma'),
      ...(c.review.pregnant || c.factors.conditions.has('pregnancy') ? { pregnancy: true } : {}),
      // Chart-coded conditions the engine weighs (REFERENCE §5.2 contraindications, §7.3 albuminuria target).
      ...(c.factors.albuminuria ? { albuminuria: true } : {}),
      ...(c.factors.conditions.has('av-block') ? { avBlock: true } : {}),
      ...(c.factors.conditions.has('bradycardia') ? { bradycardia: true } : {}),
      ...(c.factors.conditions.has('angioedema') ? { angioedemaHistory: true } : {}),
      ...(c.factors.conditions.has('renal-artery-stenosis') ? { bilateralRenalArteryStenosis: true } : {}),
      // "Planned/detected" pregnancy (§5.2): a documented plan (Z31, 备孕) or intention (LOINC 86645-9 yes).
      ...(c.factors.conditions.has('pregnancy-planned') || c.factors.pregnancyIntended
        ? { pregnancyPlanned: true }
        : {}),
      ...(c.factors.conditions.has('frailty') ? { frail: true } : {}),
      ...(c.factors.blackAncestry ? { blackAncestry: true } : {}),
    },
    labs: {
      ...(potassium !== undefined ? { potassium } : {}),
      ...(egfr !== undefined ? { egfr } : {}),
    },
    current: [...current],
    ...(onRegimen ? { regimen: onRegimen.regimen } : {}),
  };
}
