/**
 * Treatment step "regimen review": current agents that are now contraindicated or above their renal maximum are
 * never simply maintained — the engine proposes stop (+ replace) or reduce, with reasons (REFERENCE §5.2, §5.3,
 * §6). Pure.
 */
import { AGENTS, CLASS_TEXT, type AgentSpec } from '../agents.ts';
import type { CurrentMedication, ProposedOrder, StopOrder, Text } from '../types.ts';
import { aceiArbSource } from './contraindications.ts';
import { renalCap } from './renal.ts';
import {
  agentFor,
  classSequence,
  covered,
  DIURETIC,
  fmt,
  RAS,
  singleOrder,
  type Cls,
  type Ctx,
} from './orders.ts';

export interface RegimenReview {
  orders: ProposedOrder[];
  stops: StopOrder[];
  notes: Text[];
  /** Agents stopped (their classes are no longer on board). */
  stopped: Set<string>;
}

/** §5.3 potassium thresholds: K⁺ ≥6.0 → stop and treat (common practice, UNVERIFIED in REFERENCE). */
const K_STOP = 6.0;
/** §5.3: K⁺ >5.5 → reduce or stop a RAAS blocker or MRA. */
const K_REDUCE = 5.5;

function nameOf(m: CurrentMedication): Text {
  return AGENTS[m.agent]?.name ?? { zh: m.agent, en: m.agent };
}

function stopOrder(m: CurrentMedication, reason: Text, source: string): StopOrder {
  const n = nameOf(m);
  return {
    agent: m.agent,
    cls: m.cls,
    ...(m.dailyDoseMg === undefined ? {} : { fromDoseMg: m.dailyDoseMg }),
    display: { zh: `停用${n.zh}`, en: `Stop ${n.en}` },
    rationale: reason,
    source,
  };
}

function reduceOrder(
  m: CurrentMedication,
  spec: AgentSpec,
  to: number,
  reason: Text,
  source: string,
): ProposedOrder {
  const per = (x: number) => fmt(x / spec.timesPerDay);
  const o = singleOrder(spec, to, 'reduce', reason, source);
  return {
    ...o,
    display: {
      zh: `${spec.name.zh} 减量至 ${per(to)} mg（原 ${per(m.dailyDoseMg ?? to)} mg）`,
      en: `${spec.name.en} reduce to ${per(to)} mg (from ${per(m.dailyDoseMg ?? to)} mg)`,
    },
    fromDoseMg: m.dailyDoseMg ?? to,
  };
}

/** The highest ladder dose strictly below `dose` (and ≤ `cap` when given). */
function lowerStep(spec: AgentSpec, dose: number, cap = Infinity): number | undefined {
  const lower = spec.ladder.filter((d) => d < dose && d <= cap);
  return lower.length ? lower[lower.length - 1] : undefined;
}

/** Same-role alternative first (ACEi ↔ ARB, thiazide → loop), then the edition's class sequence. */
function replacementClass(
  m: CurrentMedication,
  ctx: Ctx,
  onBoard: Set<Cls>,
  taken: Set<Cls>,
): Cls | undefined {
  const ok = (c: Cls) => !ctx.avoid.has(c) && !taken.has(c) && !covered(c, onBoard);
  if (!ctx.pregnant) {
    if (RAS.includes(m.cls)) {
      const alt: Cls = m.cls === 'acei' ? 'arb' : 'acei';
      if (ok(alt)) return alt;
    }
    if (DIURETIC.includes(m.cls) && m.cls !== 'loop' && ok('loop') && ctx.egfr !== undefined && ctx.egfr < 30)
      return 'loop'; // §5.3 eGFR <30: loop diuretic instead of a thiazide
  }
  return classSequence(ctx).find(ok);
}

/**
 * Regimen review. `met`: BP at target. When a safety change lowers the regimen (a dose reduced, or an agent stopped
 * without a replacement) while BP is above target, the next class of the edition's sequence is added so that BP
 * control is not left to the next visit (REFERENCE §7.1 "if not at goal … intensify", §7.2 steps, §7.3).
 */
export function reviewRegimen(ctx: Ctx, met = true): RegimenReview {
  const orders: ProposedOrder[] = [];
  let kNoteGiven = false;
  const stops: StopOrder[] = [];
  const notes: Text[] = [];
  const stopped = new Set<string>();
  const replaceFor: CurrentMedication[] = [];
  const k = ctx.k;
  // §6 row 1: ACEi + ARB together is harmful (ACC/AHA 2017 Class III) — keep one RAS blocker: the ACEi where the
  // edition prefers it in CKD/albuminuria (ACC/AHA), otherwise the ARB (the engine's usual choice), stop the other.
  const c = ctx.input.conditions;
  const current = ctx.input.current;
  const bothRas = current.some((m) => m.cls === 'acei') && current.some((m) => m.cls === 'arb');
  const keepRas: Cls = ctx.edition.aceiFirstInCkd && (c.ckd || c.albuminuria) ? 'acei' : 'arb';
  for (const m of ctx.input.current) {
    if (bothRas && RAS.includes(m.cls) && m.cls !== keepRas) {
      stops.push(
        stopOrder(
          m,
          {
            zh: `ACEI与ARB不联用：停用${nameOf(m).zh}，保留${CLASS_TEXT[keepRas].zh}`,
            en: `ACE inhibitor and ARB must not be combined: stop ${nameOf(m).en}, keep the ${CLASS_TEXT[keepRas].en}`,
          },
          aceiArbSource(ctx.g),
        ),
      );
      stopped.add(m.agent);
      continue; // the RAS role stays covered: no replacement
    }
    const hits = ctx.avoided.filter((a) => a.cls === m.cls);
    const ci = hits.filter((a) => a.kind === 'contraindication');
    const kHits = hits.filter((a) => a.kind === 'potassium');
    const spec = AGENTS[m.agent];
    if (ci.length) {
      const reason: Text = {
        zh: `正在使用的${nameOf(m).zh}现有禁忌：${ci.map((h) => h.reason.zh).join(';')}`,
        en: `Current ${nameOf(m).en} is now contraindicated: ${ci.map((h) => h.reason.en).join('; ')}`,
      };
      stops.push(stopOrder(m, reason, ci.map((h) => h.source).join('; ')));
      stopped.add(m.agent);
      replaceFor.push(m);
      continue;
    }
    // §5.3 potassium thresholds: >5.0 no new MRA (a current MRA is kept with a note); >5.5 reduce/stop; ≥6.0 stop
    if (kHits.length && k !== undefined && k <= K_REDUCE) {
      notes.push({
        zh: `K⁺ ${k} mmol/L >5.0：${nameOf(m).zh}不加量，复查血钾和肌酐`,
        en: `K⁺ ${k} mmol/L >5.0: do not increase ${nameOf(m).en}; recheck K⁺ and creatinine`,
      });
      continue;
    }
    if (kHits.length && k !== undefined) {
      const lower = spec && m.dailyDoseMg !== undefined ? lowerStep(spec, m.dailyDoseMg) : undefined;
      const source = kHits.map((h) => h.source).join('; ');
      if (k >= K_STOP || lower === undefined || !spec) {
        // §5.3 K⁺ ≥6.0 → stop and treat; at the lowest dose a reduction is not possible → stop
        stops.push(
          stopOrder(
            m,
            {
              zh: `K⁺ ${k} mmol/L:停用${nameOf(m).zh}${k >= K_STOP ? '并处理高钾血症' : '（已为最低剂量）'}`,
              en: `K⁺ ${k} mmol/L: stop ${nameOf(m).en}${k >= K_STOP ? ' and treat the hyperkalaemia' : ' (already at the lowest dose)'}`,
            },
            source,
          ),
        );
        stopped.add(m.agent);
        replaceFor.push(m);
      } else {
        // §5.3 K⁺ >5.5 (MRA >5.0) → reduce or stop: one dose step down; §6 row 3 look for other K⁺ sources.
        // Recheck interval: REFERENCE gives none after a reduction for hyperkalaemia (§5.3 spironolactone "1 week",
        // §6 row 3 "within 1 week–1 month" after a start) — 1 week is an engine choice, UNVERIFIED; users see it
        // as clinician judgement.
        if (!kNoteGiven)
          notes.push({
            zh: `1周内复查血钾和肌酐（间隔为临床判断；K⁺ ≥6.0 mmol/L 时停药并处理）；排查其他升钾因素（补钾、含钾代盐、NSAIDs、保钾利尿剂）`,
            en: `Recheck K⁺ and creatinine within 1 week of the reduction (interval by clinician judgement; stop the drug and treat if K⁺ reaches 6.0 mmol/L); look for other K⁺ sources (supplements, K⁺ salt substitutes, NSAIDs, K⁺-sparing diuretics)`,
          });
        kNoteGiven = true;
        orders.push(
          reduceOrder(
            m,
            spec,
            lower,
            {
              zh: `K⁺ ${k} mmol/L 高于5.5但低于6.0：${spec.name.zh}减一档剂量（未达停药阈值6.0，保留其降压作用），1周内复查血钾`,
              en: `K⁺ ${k} mmol/L is above 5.5 but below 6.0: reduce ${spec.name.en} one dose step rather than stop (stop at 6.0), keeping its BP effect; recheck K⁺ within 1 week`,
            },
            source,
          ),
        );
      }
      continue;
    }
    const cap = renalCap(m.agent, ctx.egfr);
    if (cap && spec && m.dailyDoseMg !== undefined && m.dailyDoseMg > cap.maxDailyMg) {
      const to = lowerStep(spec, m.dailyDoseMg, cap.maxDailyMg) ?? cap.maxDailyMg;
      orders.push(
        reduceOrder(
          m,
          spec,
          to,
          {
            zh: `eGFR ${ctx.egfr}：${cap.text.zh}，${spec.name.zh}减量`,
            en: `eGFR ${ctx.egfr}: ${cap.text.en} — reduce ${spec.name.en}`,
          },
          cap.source,
        ),
      );
    }
  }
  // Replacements for stopped agents (one per stopped agent, never a class already on board or avoided).
  const onBoard = new Set<Cls>(ctx.input.current.filter((m) => !stopped.has(m.agent)).map((m) => m.cls));
  const taken = new Set<Cls>();
  const withDiuretic = [...onBoard].some((c) => DIURETIC.includes(c));
  for (const m of replaceFor) {
    const cls = replacementClass(m, ctx, onBoard, taken);
    const pick = cls ? agentFor(cls, ctx, withDiuretic) : undefined;
    if (!cls || !pick) {
      notes.push({
        zh: `${nameOf(m).zh}停用后无可用的替代一线药物：请专科评估`,
        en: `No allowed first-line replacement for ${nameOf(m).en}: specialist review`,
      });
      continue;
    }
    taken.add(cls);
    onBoard.add(cls);
    orders.push({
      ...singleOrder(
        pick.spec,
        pick.dailyMg,
        'replace',
        {
          zh: `替代${nameOf(m).zh}：${CLASS_TEXT[cls].zh}`,
          en: `Replaces ${nameOf(m).en}: ${CLASS_TEXT[cls].en}`,
        },
        pick.source,
      ),
      replaces: m.agent,
    });
  }
  const unreplaced = stops.filter((s) => !orders.some((o) => o.replaces === s.agent));
  const lowered = orders.some((o) => o.action === 'reduce') || unreplaced.length > 0;
  if (!met && lowered) {
    const add = classSequence(ctx).find((cls) => !taken.has(cls) && !covered(cls, onBoard));
    const withD = [...onBoard].some((c) => DIURETIC.includes(c)) || add === 'loop' || add === 'thiazide';
    const pick = add ? agentFor(add, ctx, withD) : undefined;
    if (add && pick) {
      const { step, zhSuffix } = ctx.edition.addStep(onBoard.size);
      onBoard.add(add);
      orders.push(
        singleOrder(
          pick.spec,
          pick.dailyMg,
          'add',
          {
            zh: `减量/停药后血压仍高于目标：加用${CLASS_TEXT[add].zh}${zhSuffix}`,
            en: `BP above target and the regimen was lowered for safety: ${step} — add ${CLASS_TEXT[add].en}`,
          },
          `${pick.source}; ${ctx.edition.treatmentSource}`,
        ),
      );
    } else
      notes.push({
        zh: '减量/停药后血压仍高于目标，且无可加用的一线药物：请专科评估',
        en: 'BP above target after the safety change and no further first-line class: specialist review',
      });
  }
  if (orders.length || stops.length)
    notes.push({
      zh: '调整方案后复查血压；若仍未达标，随访时再加强治疗',
      en: 'Re-check BP after the change; intensify at follow-up if still above target',
    });
  return { orders, stops, notes, stopped };
}
