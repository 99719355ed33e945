/**
 * Treatment proposal (pure): target, initiation (lifestyle-first / one drug / two-drug combination),
 * class choice by comorbidity and contraindication, dose titration, add-on, resistant-hypertension review,
 * and follow-up interval. Guideline algorithms: REFERENCE §7.1 (ACC/AHA 2017), §7.2 (ESH 2023), §7.3 (China
 * 2018; china-2024 uses the 2018 rules). Contraindications §5.2/§5.3, never ACEi + ARB §6 row 1.
 * The proposal is a draft for a clinician: it never prescribes by itself.
 *
 * Steps (one module each, in `treatment/`): contraindications, initiation, titration, follow-up, explanation.
 * What differs per guideline edition lives in `guidelines/<edition>/` behind `guidelines/registry.ts`.
 */
import { officeEquivalent, targetFor } from '@qihuang/engines/blood-pressure';
import { editionFor } from './guidelines/registry.ts';
import { withAwaitingReview } from './treatment/awaiting-review.ts';
import { avoidedWithKind, preferredClasses } from './treatment/contraindications.ts';
import { commonNotes, proposalDisplay, shownProposalBp } from './treatment/explanation.ts';
import { followUpDays, followUpText } from './treatment/follow-up.ts';
import { untreated } from './treatment/initiation.ts';
import type { Core, Ctx } from './treatment/orders.ts';
import { reviewRegimen } from './treatment/regimen-review.ts';
import { judgeRegimen, tooEarly } from './treatment/regimen-timing.ts';
import { treated } from './treatment/titration.ts';
import type { Text, TreatmentInput, TreatmentProposal } from './types.ts';

export { avoidedClasses, preferredClasses } from './treatment/contraindications.ts';
export { followUpDays, followUpSourceText, followUpText } from './treatment/follow-up.ts';
export { REGIMEN_SETTLE_DAYS, RECHECK_HOME_DAYS, regimenSettledAt } from './treatment/regimen-timing.ts';

/** The setting a `bpSource` is compared in: home mean → home target, ambulatory mean → daytime target. */
const SETTING = { office: 'office', home: 'home', ambulatory: 'day' } as const;

export function proposeTreatment(given: TreatmentInput): TreatmentProposal {
  const g = given.guideline;
  const c = given.conditions;
  // The caller's population (the chart's, bp-monitoring targetPopulation) or the one the conditions give.
  const population = given.population ?? {
    ...(given.age === undefined ? {} : { age: given.age }),
    diabetes: c.diabetes,
    ckd: c.ckd,
    proteinuria: c.albuminuria,
    stroke: c.stroke,
    coronary: c.coronaryArteryDisease,
  };
  // Out-of-office means are compared with the out-of-office target derived from the office target; the decision
  // steps (classification, ">20/10 above target", ≥160/100) run on the office-equivalent BP (REFERENCE §2.1, §2.2).
  const setting = SETTING[given.bpSource];
  const input: TreatmentInput =
    setting === 'office' ? given : { ...given, bp: officeEquivalent(given.bp, setting) };
  const t = targetFor(g, population);
  const shown = setting === 'office' ? t : targetFor(g, population, setting);
  const edition = editionFor(g);
  const withKind = avoidedWithKind(input);
  const avoided = withKind.map(({ cls, reason, source }) => ({ cls, reason, source }));
  const avoid = new Set(avoided.map((a) => a.cls));
  const preferred = preferredClasses(input).filter((p) => !avoid.has(p.cls));
  const age = input.age;
  const ctx: Ctx = {
    input,
    g,
    edition,
    avoided: withKind,
    avoid,
    onBoard: new Set(input.current.map((m) => m.cls)),
    preferred,
    pregnant: !!(c.pregnancy || c.pregnancyPlanned),
    // §5.1a amlodipine 2.5 mg "small, fragile or elderly" (≥75: engine choice); unknown age is not assumed elderly
    lowStart: (age !== undefined && age >= 75) || !!c.frail,
    ...(input.labs?.egfr === undefined ? {} : { egfr: input.labs.egfr }),
    ...(input.labs?.potassium === undefined ? {} : { k: input.labs.potassium }),
  };
  const met = input.bp.sbp < t.sbp && (t.dbp === undefined || input.bp.dbp < t.dbp);
  // mmHg above the target limit (target "<130" → limit 130); REFERENCE §7.1/§7.3 ">20/10 above target"
  const over = { sbp: input.bp.sbp - t.sbp, dbp: t.dbp === undefined ? 0 : input.bp.dbp - t.dbp };
  const review = input.current.length ? reviewRegimen(ctx, met) : undefined;
  // BP from before the current regimen settled (or too few readings since) judges nothing about it: no step-up and
  // no resistant-hypertension review on it (REFERENCE §7.4, §2.3; decision 0023). Safety stops above still apply.
  const changed = followUpDays(g, true);
  const timing =
    input.current.length && input.regimen ? judgeRegimen(input.regimen, changed.days) : undefined;
  const planned: Core =
    review && (review.orders.length || review.stops.length)
      ? {
          decision: 'change-regimen',
          orders: review.orders,
          stops: review.stops,
          notes: review.notes,
          rule: 'a current agent is contraindicated, above its K⁺ limit or above its renal maximum → stop, reduce or replace it first',
          source: [...new Set([...review.stops, ...review.orders].map((o) => o.source))].join('; '),
          followUp: followUpDays(g, true),
        }
      : timing && !timing.judgeable
        ? tooEarly(ctx, timing, changed)
        : input.current.length
          ? treated(input, ctx, met)
          : untreated(input, ctx, met, over);
  // Orders awaiting the pharmacist are already ordered: nothing of their drug or class again (issue 20/19).
  const core = withAwaitingReview(planned, input);
  const first: Text[] = [];
  // §1.5 crisis-range BP: emergency vs urgency needs a target-organ assessment before any ordinary start
  const crisis = edition.crisis.test(given.bp);
  // §1.5/§7.2/§7.3: crisis range (and the edition's severe band) is followed up within days, not the routine interval
  const sooner = crisis
    ? edition.followUp.crisis
    : edition.followUp.severe?.test(given.bp)
      ? edition.followUp.severe.followUp
      : undefined;
  if (sooner && sooner.days < core.followUp.days) core.followUp = { ...sooner };
  const crisisBp = shownProposalBp(given.bp, shown, edition.crisis.test);
  const urgent = crisis
    ? {
        rule: `${edition.crisis.rule}: assess for acute target-organ damage (hypertensive emergency vs urgency) before an ordinary start`,
        source: edition.crisis.source,
        display: {
          zh: `血压 ${crisisBp.sbp}/${crisisBp.dbp} mmHg 达危象范围（${edition.crisis.rule}）：先评估有无急性靶器官损害（高血压急症还是亚急症），再决定常规起始治疗；急症需立即转诊/急诊处理`,
          en: `BP ${crisisBp.sbp}/${crisisBp.dbp} mmHg is in the crisis range (${edition.crisis.rule}): assess for acute target-organ damage (hypertensive emergency vs urgency) before an ordinary start; an emergency needs immediate referral`,
        },
      }
    : undefined;
  if (urgent) first.push(urgent.display);
  const missing: ('age' | 'sex')[] = [];
  if (age === undefined) missing.push('age');
  if (given.sex === undefined) missing.push('sex');
  if (missing.length)
    first.push({
      zh: `${missing.map((m) => (m === 'age' ? '年龄' : '性别')).join('、')}未知：未使用默认值；目标与起始剂量按未知处理，请补充后重新评估`,
      en: `${missing.join(' and ')} unknown: no default was assumed; targets and start doses treat it as unknown — add it and re-assess`,
    });
  const reviewNotes = review && core.decision !== 'change-regimen' ? review.notes : [];
  const notes = [...first, ...core.notes, ...reviewNotes, ...commonNotes(given, ctx, core, shown)];
  return {
    decision: core.decision,
    target: {
      sbp: shown.sbp,
      ...(shown.dbp === undefined ? {} : { dbp: shown.dbp }),
      rule: shown.rule,
      ...(shown.display ? { display: shown.display } : {}),
      source: shown.source,
    },
    orders: core.orders,
    stops: core.stops ?? [],
    avoided,
    preferred,
    followUpDays: core.followUp.days,
    followUpText: followUpText(core.followUp.days, crisis),
    notes,
    rule: core.rule,
    source: `${core.source}; follow-up ${core.followUp.source}`,
    inputs: {
      guideline: g,
      age: given.age,
      sex: given.sex,
      sbp: given.bp.sbp,
      dbp: given.bp.dbp,
      bpSource: given.bpSource,
      ...(setting === 'office' ? {} : { officeEquivalent: input.bp }),
      ...(input.chinaRisk ? { chinaRisk: input.chinaRisk } : {}),
      ...(input.ascvdRisk10y === undefined ? {} : { ascvdRisk10y: input.ascvdRisk10y }),
      conditions: Object.fromEntries(Object.entries(c).filter(([, v]) => v === true)),
      ...(given.population ? { population } : {}),
      ...(input.labs ? { labs: input.labs } : {}),
      ...(input.intolerances?.length ? { intolerances: input.intolerances } : {}),
      current: input.current.map(
        (m) => `${m.agent}${m.dailyDoseMg === undefined ? '' : ` ${m.dailyDoseMg} mg/d`}`,
      ),
      ...(input.monthsOnCurrentRegimen === undefined
        ? {}
        : { monthsOnCurrentRegimen: input.monthsOnCurrentRegimen }),
      ...(input.lifestyleMonths === undefined ? {} : { lifestyleMonths: input.lifestyleMonths }),
      ...(input.regimen ? { regimen: input.regimen } : {}),
      targetMet: met,
    },
    display: proposalDisplay(given, ctx, core, shown, met, crisis),
    ...(missing.length ? { missing } : {}),
    ...(urgent ? { urgent } : {}),
  };
}
