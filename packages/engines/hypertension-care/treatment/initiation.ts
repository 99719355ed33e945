/**
 * Treatment step "initiation" (untreated patients): the edition's algorithm decides no-drug / lifestyle-first /
 * one drug / two-drug combination; this module turns the decision into orders. Pure.
 */
import { classifyOfficeBp } from '@qihuang/engines/blood-pressure';
import type { Initiation } from '../guidelines/types.ts';
import type { ProposedOrder, Text, TreatmentDecision, TreatmentInput } from '../types.ts';
import { followUpDays, lifestyleFollowUp } from './follow-up.ts';
import { classSequence, pickPair, startOrders, whyClass, type Cls, type Core, type Ctx } from './orders.ts';

function initiation(
  input: TreatmentInput,
  ctx: Ctx,
  met: boolean,
  over: { sbp: number; dbp: number },
): Initiation {
  if (met) {
    const cls = classifyOfficeBp(input.bp, ctx.g);
    return {
      decision: 'no-drug',
      rule: `BP below target (${cls.display.en}) → no drug; healthy lifestyle`,
      why: { zh: '血压已达标：无需药物', en: 'BP at target: no drug needed' },
      source: ctx.edition.treatmentSource, // REFERENCE §7.1–§7.4
      notes: [],
    };
  }
  return ctx.edition.initiation({ input, over });
}

export function untreated(
  input: TreatmentInput,
  ctx: Ctx,
  met: boolean,
  over: { sbp: number; dbp: number },
): Core {
  const init = initiation(input, ctx, met, over);
  const g = ctx.g;
  const notes = [...init.notes];
  if (init.decision === 'no-drug' || init.decision === 'lifestyle-first') {
    const cat = classifyOfficeBp(input.bp, g);
    const followUp =
      init.decision === 'lifestyle-first'
        ? lifestyleFollowUp(g)
        : cat.rank === 0
          ? { days: 365, source: 'ACC/AHA 2017 Figure 4: normal BP, reassess annually' } // §7.1 annually
          : {
              days: 90,
              source: 'ACC/AHA 2017 Figure 4: elevated BP, reassess in 3–6 months (3 months chosen)', // used for all guidelines
            }; // §7.1 3–6 months
    return { decision: init.decision, orders: [], notes, rule: init.rule, source: init.source, followUp };
  }
  const rationale = (cls: Cls): Text => whyClass(cls, ctx);
  const why = init.why;
  let orders: ProposedOrder[] = [];
  let decision: TreatmentDecision = init.decision;
  if (init.decision === 'start-combination') {
    const pair = pickPair(ctx);
    if (pair) orders = startOrders(pair, ctx, rationale, why);
    else {
      decision = 'start-monotherapy';
      notes.push({
        zh: '无可用的两药联合（禁忌）：改为单药',
        en: 'No allowed two-drug combination (contraindications): one drug instead',
      });
    }
  }
  if (decision === 'start-monotherapy') {
    const first = classSequence(ctx)[0];
    if (first) orders = startOrders([first], ctx, rationale, why);
  }
  if (!orders.length)
    notes.push({
      zh: '所有一线降压药均有禁忌：请专科评估',
      en: 'Every first-line class is contraindicated: specialist review',
    });
  return { decision, orders, notes, rule: init.rule, source: init.source, followUp: followUpDays(g, true) };
}
