/**
 * Treatment step "titration" (treated patients): maintain at target, otherwise up-titrate an agent below its
 * engine maximum or add a class (the edition decides the order), then resistant-hypertension review
 * (REFERENCE §7.4 definition, §7.2 step 3, §5.3 spironolactone). Pure.
 */
import { AGENTS, nextDose, type AgentSpec } from '../agents.ts';
import type { CurrentMedication, ProposedOrder, Text, TreatmentInput } from '../types.ts';
import { followUpDays } from './follow-up.ts';
import { renalCap } from './renal.ts';
import {
  agentFor,
  classSequence,
  covered,
  DIURETIC,
  fmt,
  singleOrder,
  startOrders,
  whyClass,
  type Cls,
  type Core,
  type Ctx,
} from './orders.ts';

const TITRATION_ORDER: readonly Cls[] = ['acei', 'arb', 'ccb-dhp', 'thiazide', 'beta-blocker', 'loop', 'mra'];

interface Increase {
  med: CurrentMedication;
  spec: AgentSpec;
  from: number;
  to: number;
}

/** The agent to up-titrate: class order RAS → CCB → thiazide → β-blocker → loop → MRA, below its engine maximum. */
function pickIncrease(ctx: Ctx): Increase | undefined {
  const meds = [...ctx.input.current].sort(
    (a, b) => rank(TITRATION_ORDER, a.cls) - rank(TITRATION_ORDER, b.cls),
  );
  for (const med of meds) {
    if (ctx.avoid.has(med.cls) || med.dailyDoseMg === undefined) continue;
    // §5.3 (ESH 2023): spironolactone in resistant hypertension only with K⁺ ≤4.5 and eGFR >45 — the same gate for
    // up-titration (K⁺ 4.9 / eGFR 40 on an ARB is not increased).
    if (med.cls === 'mra' && !mraCriteriaMet(ctx)) continue;
    const spec = AGENTS[med.agent];
    if (!spec) continue;
    const to = nextDose(spec, med.dailyDoseMg);
    const cap = renalCap(med.agent, ctx.egfr); // §5.3 renal maximum from the drug facts
    if (to !== undefined && (!cap || to <= cap.maxDailyMg)) return { med, spec, from: med.dailyDoseMg, to };
  }
  return undefined;
}

/** §5.3 spironolactone in resistant hypertension: K⁺ ≤4.5 and eGFR >45 (both known). */
export function mraCriteriaMet(ctx: Ctx): boolean {
  return ctx.k !== undefined && ctx.k <= 4.5 && ctx.egfr !== undefined && ctx.egfr > 45;
}

function rank(order: readonly Cls[], cls: Cls): number {
  const i = order.indexOf(cls);
  return i < 0 ? order.length : i;
}

export function treated(input: TreatmentInput, ctx: Ctx, met: boolean): Core {
  const g = ctx.g;
  const notes: Text[] = [];
  if (met)
    return {
      decision: 'maintain',
      orders: [],
      notes,
      rule: 'on treatment and at target → maintain regimen',
      source: ctx.edition.treatmentSource, // REFERENCE §7.1–§7.4
      followUp: followUpDays(g, false),
    };
  // §7.1: if not at goal → assess adherence, then intensify
  notes.push({
    zh: '加强治疗前先核实服药依从性和测量方法',
    en: 'Check adherence and measurement technique before intensifying',
  });
  const classes = new Set(input.current.map((m) => m.cls));
  const hasDiuretic = DIURETIC.some((d) => classes.has(d));
  const resistantEligible = classes.size >= 3 && hasDiuretic; // §7.4 ≥3 classes incl. a diuretic
  // §7.2 ESH: step 1 dual → step 2 triple combination (add a class before up-titrating), except age ≥80/frail
  const addFirst = ctx.edition.addClassFirst(input, classes.size);
  const inc = pickIncrease(ctx);
  const add = classSequence(ctx).find((cls) => !covered(cls, ctx.onBoard));

  const increaseCore = (i: Increase): Core => {
    const per = (n: number) => n / i.spec.timesPerDay;
    const rationale: Text = {
      zh: `未达标：${i.spec.name.zh} ${fmt(per(i.from))} → ${fmt(per(i.to))} mg（逐步加量至常用剂量）`,
      en: `Above target: ${i.spec.name.en} ${fmt(per(i.from))} → ${fmt(per(i.to))} mg (step to the next usual dose)`,
    };
    return {
      decision: 'increase-dose',
      orders: [singleOrder(i.spec, i.to, 'increase', rationale, i.spec.source, i.from)],
      notes,
      rule: `above target on ${[...classes].join('+')}: increase ${i.med.agent} below its maximum before adding a class`,
      source: `${ctx.edition.treatmentSource}; ${i.spec.source}`, // stepped approach; §5.1/§5.1a doses
      followUp: followUpDays(g, true),
    };
  };
  const addCore = (cls: Cls): Core => {
    const { step, zhSuffix } = ctx.edition.addStep(classes.size);
    const why: Text = {
      zh: `未达标：加用第${classes.size + 1}类降压药${zhSuffix}`,
      en: `Above target: ${step}`,
    };
    const orders = startOrders([cls], ctx, (c) => whyClass(c, ctx), why).map((o) => ({
      ...o,
      action: 'add' as const,
    }));
    return {
      decision: 'add-class',
      orders,
      notes,
      rule: `above target on ${[...classes].join('+') || 'no drug'}: ${step} → add ${cls}`,
      source: ctx.edition.treatmentSource,
      followUp: followUpDays(g, true),
    };
  };

  if (addFirst && add) return addCore(add);
  if (inc) return increaseCore(inc);
  if (!resistantEligible && add) return addCore(add);
  return resistantReview(input, ctx, notes, resistantEligible);
}

function resistantReview(input: TreatmentInput, ctx: Ctx, notes: Text[], eligible: boolean): Core {
  const g = ctx.g;
  const orders: ProposedOrder[] = [];
  // §7.4 resistant definition: exclude pseudo-resistance first
  notes.push({
    zh: '先排除假性难治：服药依从性、白大衣效应（用家庭/动态血压确认）、测量误差；检查升压药物（NSAIDs、口服避孕药、减充血剂等）',
    en: 'Exclude pseudo-resistance first: adherence, white-coat effect (confirm with home/ambulatory BP), measurement error; review BP-raising drugs (NSAIDs, oral contraceptives, decongestants …)',
  }); // §7.4, §6 row 20
  if (input.current.some((m) => m.dailyDoseMg === undefined || !AGENTS[m.agent]))
    notes.push({
      zh: '部分药物剂量未知：请确认已达最佳剂量',
      en: 'Some doses are unknown: confirm every agent is at its optimal dose',
    });
  let rule: string;
  if (!eligible) {
    rule = 'above target and no further first-line class or dose step available → specialist review';
    notes.push({
      zh: '无可加用的一线药物：建议高血压专科评估',
      en: 'No further first-line option: refer to a hypertension specialist',
    });
  } else if (ctx.onBoard.has('mra')) {
    rule = 'resistant hypertension already on an MRA → other add-on / specialist review';
    notes.push({
      zh: '已用醛固酮受体拮抗剂：可考虑β受体阻滞剂、α1受体阻滞剂、中枢性药物或阿米洛利，并转诊专科',
      en: 'Already on an MRA: consider a β-blocker, α1-blocker, centrally acting agent or amiloride, and specialist referral',
    }); // §7.2 step 3
  } else {
    const k = ctx.k;
    const egfr = ctx.egfr;
    // §5.3 (ESH 2023): add spironolactone only when K⁺ ≤4.5 mmol/L and eGFR >45
    const kOk = k !== undefined && k <= 4.5; // §5.3 K⁺ ≤4.5
    const egfrOk = egfr !== undefined && egfr > 45; // §5.3 eGFR >45
    if (!ctx.avoid.has('mra') && kOk && egfrOk) {
      const pick = agentFor('mra', ctx, true);
      if (pick)
        orders.push(
          singleOrder(
            pick.spec,
            pick.dailyMg,
            'add',
            {
              zh: `难治性高血压（≥3类含利尿剂仍未达标）：加用螺内酯（K⁺ ${k} ≤4.5，eGFR ${egfr} >45）`,
              en: `Resistant hypertension (≥3 classes incl. a diuretic, above target): add spironolactone (K⁺ ${k} ≤4.5, eGFR ${egfr} >45)`,
            },
            pick.source,
          ),
        );
      rule =
        'resistant hypertension (≥3 classes incl. diuretic at optimal doses, above target) → add spironolactone (K⁺ ≤4.5, eGFR >45)';
      notes.push({
        zh: '加用螺内酯后1周、1个月复查血钾和肌酐',
        en: 'Check K⁺ and creatinine 1 week and 1 month after starting spironolactone',
      }); // §5.3 spironolactone
    } else {
      const why =
        k === undefined || egfr === undefined
          ? { zh: '缺少血钾/eGFR结果', en: 'K⁺/eGFR not available' }
          : {
              zh: `K⁺ ${k}、eGFR ${egfr} 不满足 K⁺ ≤4.5 且 eGFR >45`,
              en: `K⁺ ${k}, eGFR ${egfr} do not meet K⁺ ≤4.5 and eGFR >45`,
            };
      rule = 'resistant hypertension → spironolactone not proposed (K⁺/eGFR criteria not met)';
      notes.push({
        zh: `螺内酯未推荐：${why.zh}。可考虑β受体阻滞剂、α1受体阻滞剂、中枢性药物或阿米洛利，并转诊专科`,
        en: `Spironolactone not proposed: ${why.en}. Consider a β-blocker, α1-blocker, centrally acting agent or amiloride, and specialist referral`,
      }); // §5.3, §7.2 step 3
    }
  }
  return {
    decision: 'resistant-review',
    orders,
    notes,
    rule,
    // REFERENCE §7.4 resistant definition, §7.2 step 3, §5.3 spironolactone (K⁺ ≤4.5 / eGFR >45: ESH 2023, UNVERIFIED)
    source: 'ACC/AHA 2017; ESH 2023 (resistant hypertension)',
    followUp: followUpDays(g, true),
  };
}
