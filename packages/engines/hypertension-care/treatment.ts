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
import { targetFor } from '@qihuang/engines/blood-pressure';
import { editionFor } from './guidelines/registry.ts';
import { avoidedClasses, preferredClasses } from './treatment/contraindications.ts';
import { commonNotes, proposalDisplay } from './treatment/explanation.ts';
import { untreated } from './treatment/initiation.ts';
import type { Ctx } from './treatment/orders.ts';
import { treated } from './treatment/titration.ts';
import type { TreatmentInput, TreatmentProposal } from './types.ts';

export { avoidedClasses, preferredClasses } from './treatment/contraindications.ts';
export { followUpDays } from './treatment/follow-up.ts';

export function proposeTreatment(input: TreatmentInput): TreatmentProposal {
  const g = input.guideline;
  const c = input.conditions;
  const t = targetFor(g, { age: input.age, diabetes: c.diabetes, ckd: c.ckd, proteinuria: c.albuminuria });
  const avoided = avoidedClasses(input);
  const avoid = new Set(avoided.map((a) => a.cls));
  const preferred = preferredClasses(input).filter((p) => !avoid.has(p.cls));
  const ctx: Ctx = {
    input,
    g,
    edition: editionFor(g),
    avoid,
    onBoard: new Set(input.current.map((m) => m.cls)),
    preferred,
    pregnant: !!c.pregnancy,
    lowStart: input.age >= 75 || !!c.frail, // §5.1a amlodipine 2.5 mg "small, fragile or elderly" (≥75: engine choice)
    ...(input.labs?.egfr === undefined ? {} : { egfr: input.labs.egfr }),
    ...(input.labs?.potassium === undefined ? {} : { k: input.labs.potassium }),
  };
  const met = input.bp.sbp < t.sbp && (t.dbp === undefined || input.bp.dbp < t.dbp);
  // mmHg above the target limit (target "<130" → limit 130); REFERENCE §7.1/§7.3 ">20/10 above target"
  const over = { sbp: input.bp.sbp - t.sbp, dbp: t.dbp === undefined ? 0 : input.bp.dbp - t.dbp };
  const core = input.current.length ? treated(input, ctx, met) : untreated(input, ctx, met, over);
  const notes = [...core.notes, ...commonNotes(input, ctx, core)];
  return {
    decision: core.decision,
    target: { sbp: t.sbp, ...(t.dbp === undefined ? {} : { dbp: t.dbp }), rule: t.rule, source: t.source },
    orders: core.orders,
    avoided,
    preferred,
    followUpDays: core.followUp.days,
    notes,
    rule: core.rule,
    source: `${core.source}; follow-up ${core.followUp.source}`,
    inputs: {
      guideline: g,
      age: input.age,
      sex: input.sex,
      sbp: input.bp.sbp,
      dbp: input.bp.dbp,
      bpSource: input.bpSource,
      ...(input.chinaRisk ? { chinaRisk: input.chinaRisk } : {}),
      ...(input.ascvdRisk10y === undefined ? {} : { ascvdRisk10y: input.ascvdRisk10y }),
      conditions: Object.fromEntries(Object.entries(c).filter(([, v]) => v === true)),
      ...(input.labs ? { labs: input.labs } : {}),
      ...(input.intolerances?.length ? { intolerances: input.intolerances } : {}),
      current: input.current.map(
        (m) => `${m.agent}${m.dailyDoseMg === undefined ? '' : ` ${m.dailyDoseMg} mg/d`}`,
      ),
      ...(input.monthsOnCurrentRegimen === undefined
        ? {}
        : { monthsOnCurrentRegimen: input.monthsOnCurrentRegimen }),
      ...(input.lifestyleMonths === undefined ? {} : { lifestyleMonths: input.lifestyleMonths }),
      targetMet: met,
    },
    display: proposalDisplay(input, ctx, core, t, met),
  };
}
