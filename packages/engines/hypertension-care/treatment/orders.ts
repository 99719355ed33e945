/**
 * Treatment orders: the context every step shares, class and agent choice (preferred classes, then the edition's
 * sequence), start doses (REFERENCE §5.1/§5.1a/§5.3) and single-pill combinations. Pure.
 */
import { AGENTS, CLASS_TEXT, SPCS, type AgentSpec, type SpcSpec } from '../agents.ts';
import type { FollowUp, GuidelineEdition } from '../guidelines/types.ts';
import type { Avoided } from './contraindications.ts';
import type {
  AntihypertensiveClass,
  Guideline,
  ProposedOrder,
  StopOrder,
  Text,
  TreatmentDecision,
  TreatmentInput,
  TreatmentProposal,
} from '../types.ts';

export type Cls = AntihypertensiveClass;
type Preferred = TreatmentProposal['preferred'][number];

export interface Ctx {
  input: TreatmentInput;
  g: Guideline;
  edition: GuidelineEdition;
  /** Avoided classes with the kind of reason (contraindication, potassium, caution, combination). */
  avoided: Avoided[];
  avoid: Set<Cls>;
  onBoard: Set<Cls>;
  preferred: Preferred[];
  pregnant: boolean;
  /** Age ≥75 or frail: amlodipine 2.5 mg start (REFERENCE §5.1a "small, fragile, elderly"). */
  lowStart: boolean;
  egfr?: number;
  k?: number;
}

export interface Core {
  decision: TreatmentDecision;
  orders: ProposedOrder[];
  /** Current agents to stop (regimen review). */
  stops?: StopOrder[];
  notes: Text[];
  rule: string;
  source: string;
  followUp: FollowUp;
}

export const fmt = (n: number) => String(Math.round(n * 100) / 100);
const FREQ: Record<number, Text> = {
  1: { zh: '每日一次', en: 'once daily' },
  2: { zh: '每日两次', en: 'twice daily' },
  3: { zh: '每日三次', en: 'three times daily' },
};
const freq = (n: number): Text => FREQ[n] ?? { zh: `每日${n}次`, en: `${n} times daily` };

export function singleOrder(
  spec: AgentSpec,
  dailyMg: number,
  action: ProposedOrder['action'],
  rationale: Text,
  source: string,
  fromDailyMg?: number,
): ProposedOrder {
  const per = dailyMg / spec.timesPerDay;
  const f = freq(spec.timesPerDay);
  const change =
    fromDailyMg === undefined
      ? { zh: '', en: '' }
      : {
          zh: `（由 ${fmt(fromDailyMg / spec.timesPerDay)} mg 加量）`,
          en: ` (increase from ${fmt(fromDailyMg / spec.timesPerDay)} mg)`,
        };
  return {
    agent: spec.id,
    classes: [spec.cls],
    display: {
      en: `${spec.name.en} ${fmt(per)} mg ${f.en}${change.en}`,
      zh: `${spec.name.zh} ${fmt(per)} mg ${f.zh}${change.zh}`,
    },
    doses: [{ agent: spec.id, doseMg: dailyMg, timesPerDay: spec.timesPerDay }],
    action,
    ...(fromDailyMg === undefined ? {} : { fromDoseMg: fromDailyMg }),
    rationale,
    source,
  };
}

export function spcOrder(spc: SpcSpec, rationale: Text): ProposedOrder {
  const mg = spc.parts.map((p) => `${fmt(p.doseMg)} mg`).join('/');
  return {
    agent: spc.id,
    components: spc.parts.map((p) => p.agent),
    classes: [...spc.classes],
    display: {
      en: `${spc.name.en} ${mg} once daily (single-pill combination)`,
      zh: `${spc.name.zh} ${mg} 每日一次（单片复方制剂）`,
    },
    doses: spc.parts.map((p) => ({ agent: p.agent, doseMg: p.doseMg, timesPerDay: 1 })),
    action: 'start',
    rationale,
    source: spc.source,
  };
}

export function agentSpec(id: string): AgentSpec {
  const spec = AGENTS[id];
  if (!spec) throw new Error(`hypertension-care: unknown agent ${id}`);
  return spec;
}

/** Chooses ACEi or ARB (undefined if both avoided). ACC/AHA CKD → ACEi first (§7.1); otherwise ARB (tolerability). */
export function pickRas(ctx: Ctx): 'acei' | 'arb' | undefined {
  const aceOk = !ctx.avoid.has('acei');
  const arbOk = !ctx.avoid.has('arb');
  const c = ctx.input.conditions;
  if (aceOk && arbOk) return ctx.edition.aceiFirstInCkd && (c.ckd || c.albuminuria) ? 'acei' : 'arb';
  return aceOk ? 'acei' : arbOk ? 'arb' : undefined;
}

/** Diuretic class: loop at eGFR <30 (§5.3), else thiazide unless avoided. */
export function pickDiuretic(ctx: Ctx): 'thiazide' | 'loop' | undefined {
  if (ctx.egfr !== undefined && ctx.egfr < 30) return ctx.avoid.has('loop') ? undefined : 'loop'; // §5.3 eGFR <30
  return ctx.avoid.has('thiazide') ? undefined : 'thiazide';
}

interface Pick {
  spec: AgentSpec;
  dailyMg: number;
  source: string;
}

/** The agent and start dose the engine uses for a class. */
export function agentFor(cls: Cls, ctx: Ctx, withDiuretic: boolean): Pick | undefined {
  switch (cls) {
    case 'acei': {
      const spec = agentSpec('lisinopril');
      if (ctx.egfr !== undefined && ctx.egfr < 10)
        return {
          spec,
          dailyMg: 2.5,
          source: 'Zestril/Prinivil US label: CrCl <10 or haemodialysis, start 2.5 mg',
        }; // §5.3 lisinopril CrCl <10: start 2.5 mg (eGFR used as proxy) [V1]
      if (ctx.egfr !== undefined && ctx.egfr < 30)
        return {
          spec,
          dailyMg: 5,
          source: 'Zestril/Prinivil US label: CrCl 10–30, start 5 mg', // §5.3 [V1] (eGFR used as proxy)
        }; // §5.3
      if (withDiuretic) return { spec, dailyMg: 5, source: 'US label: lisinopril 5 mg if on a diuretic' }; // §5.1a
      return { spec, dailyMg: 10, source: spec.source }; // §5.1a lisinopril 10 mg qd
    }
    case 'arb': {
      const spec = agentSpec('losartan');
      return { spec, dailyMg: 50, source: spec.source }; // §5.1a losartan 50 mg qd
    }
    case 'ccb-dhp': {
      if (ctx.pregnant) {
        const spec = agentSpec('nifedipine');
        return { spec, dailyMg: 30, source: `${spec.source}; pregnancy: ACC/AHA 2017 §10.2.1` }; // §5.1a 30 mg; §5.2
      }
      const spec = agentSpec('amlodipine');
      return ctx.lowStart
        ? {
            spec,
            dailyMg: 2.5,
            source: 'US label: amlodipine 2.5 mg if small, fragile or elderly (age ≥75 or frail)', // §5.1a [V2]
          } // §5.1a 2.5 mg
        : { spec, dailyMg: 5, source: spec.source }; // §5.1a 5 mg
    }
    case 'thiazide': {
      if (ctx.edition.thiazideAgent === 'chlorthalidone') {
        const spec = agentSpec('chlorthalidone');
        return { spec, dailyMg: 12.5, source: `${spec.source}; chlorthalidone preferred (ACC/AHA 2017)` }; // §5.1 12.5 mg; §7.1 [V1]
      }
      const spec = agentSpec('hydrochlorothiazide');
      return { spec, dailyMg: 12.5, source: spec.source }; // §5.1a 12.5 mg
    }
    case 'loop': {
      const spec = agentSpec('furosemide');
      return { spec, dailyMg: 40, source: spec.source }; // §5.1 20 mg bid
    }
    case 'mra': {
      const spec = agentSpec('spironolactone');
      return { spec, dailyMg: 25, source: `${spec.source}; ESH 2023 step 3 (resistant hypertension)` }; // §5.1a 25 mg; §7.2
    }
    case 'beta-blocker': {
      if (ctx.pregnant) {
        const spec = agentSpec('labetalol');
        return { spec, dailyMg: 200, source: `${spec.source}; pregnancy: ACC/AHA 2017 §10.2.1` }; // §5.1a 100 mg bid; §5.2
      }
      const spec = agentSpec('bisoprolol');
      return { spec, dailyMg: 2.5, source: spec.source }; // §5.1 2.5 mg
    }
    case 'central': {
      const spec = agentSpec('methyldopa');
      return { spec, dailyMg: 500, source: `${spec.source}; pregnancy: ACC/AHA 2017 §10.2.1` }; // §5.1 250 mg bid; §5.2
    }
    case 'ccb-nondhp':
    case 'alpha-blocker':
    case 'other':
      return undefined;
  }
}

export function whyClass(cls: Cls, ctx: Ctx): Text {
  const pref = ctx.preferred.find((p) => p.cls === cls);
  if (pref) return pref.reason;
  return {
    zh: `${CLASS_TEXT[cls].zh}：一线降压药`,
    en: `${CLASS_TEXT[cls].en}: first-line agent`,
  };
}

export const DIURETIC: readonly Cls[] = ['thiazide', 'loop'];
export const RAS: readonly Cls[] = ['acei', 'arb'];

/** Whether the class (or its role: RAS blocker, diuretic) is already on board. */
export function covered(cls: Cls, onBoard: Set<Cls>): boolean {
  if (RAS.includes(cls)) return RAS.some((x) => onBoard.has(x));
  if (DIURETIC.includes(cls)) return DIURETIC.some((x) => onBoard.has(x));
  return onBoard.has(cls);
}

/** Candidate classes for starting or adding, best first (preferred, then the guideline's default sequence). */
export function classSequence(ctx: Ctx): Cls[] {
  const seq: (Cls | undefined)[] = [];
  if (ctx.pregnant)
    seq.push('beta-blocker', 'ccb-dhp', 'central'); // §5.2 pregnancy agents only
  else {
    const ras = pickRas(ctx);
    const diuretic = pickDiuretic(ctx);
    for (const p of ctx.preferred)
      seq.push(RAS.includes(p.cls) ? ras : DIURETIC.includes(p.cls) ? diuretic : p.cls);
    // §7.1/§7.2/§7.3 first-line: CCB, ACEi/ARB, thiazide (China also β-blocker); ESH step 2 RAS + CCB + diuretic
    seq.push('ccb-dhp', ras, diuretic, 'beta-blocker');
  }
  const out: Cls[] = [];
  for (const cls of seq) if (cls && !ctx.avoid.has(cls) && !out.includes(cls)) out.push(cls);
  return out;
}

/** Initial two-drug pair (REFERENCE §7.2 RAS + CCB or diuretic; §7.3 preferred pairs; §5.2 pregnancy). */
export function pickPair(ctx: Ctx): [Cls, Cls] | undefined {
  const ok = (x: Cls | undefined): x is Cls => x !== undefined && !ctx.avoid.has(x);
  if (ctx.pregnant) {
    if (ok('beta-blocker') && ok('ccb-dhp')) return ['beta-blocker', 'ccb-dhp'];
    if (ok('ccb-dhp') && ok('central')) return ['ccb-dhp', 'central'];
    return undefined;
  }
  const ras = pickRas(ctx);
  const diuretic = pickDiuretic(ctx);
  const c = ctx.input.conditions;
  const bbPreferred = ctx.preferred.some((p) => p.cls === 'beta-blocker');
  if (c.heartFailureReducedEf && ok(ras) && ok('beta-blocker')) return [ras, 'beta-blocker']; // §7.1 HFrEF
  if (bbPreferred && ok('beta-blocker')) {
    // §7.1 compelling indication (ischaemic heart disease / post-MI, arrhythmia): the β-blocker stays in the pair.
    // China 2018 lists DHP CCB + β-blocker among preferred pairs and ACEi/ARB + β-blocker as not routine (§7.3).
    const partners: (Cls | undefined)[] = ctx.edition.ccbBetaBlockerPair
      ? ['ccb-dhp', ras]
      : [ras, 'ccb-dhp'];
    for (const p of partners) if (ok(p)) return [p, 'beta-blocker'];
  }
  const candidates: [Cls | undefined, Cls | undefined][] = [
    [ras, 'ccb-dhp'], // §7.2/§7.3 RAS + DHP CCB
    [ras, diuretic], // §7.2/§7.3 RAS + thiazide
    ['ccb-dhp', diuretic], // §7.3 DHP CCB + thiazide
  ];
  if (ctx.edition.ccbBetaBlockerPair || bbPreferred) candidates.push(['ccb-dhp', 'beta-blocker']); // §7.3 DHP CCB + β-blocker
  for (const [a, b] of candidates) if (ok(a) && ok(b)) return [a, b];
  return undefined;
}

export function spcFor(pair: readonly Cls[], ctx: Ctx): SpcSpec | undefined {
  if (ctx.pregnant) return undefined;
  const spc = SPCS.find((s) => s.classes.length === pair.length && pair.every((c) => s.classes.includes(c)));
  if (!spc) return undefined;
  // Component doses must equal what the engine would start with (no 2.5 mg amlodipine SPC; ACEi at eGFR <30 starts lower).
  if (spc.parts.some((p) => p.agent === 'amlodipine') && ctx.lowStart) return undefined;
  if (spc.classes.includes('acei') && ctx.egfr !== undefined && ctx.egfr < 30) return undefined;
  return spc;
}

/** Orders for the classes (an SPC when one fits); rationale = the class reasons, then the decision's reason. */
export function startOrders(
  classes: readonly Cls[],
  ctx: Ctx,
  rationale: (cls: Cls) => Text,
  why: Text,
): ProposedOrder[] {
  const join = (parts: Text[]): Text => ({
    zh: [...parts.map((p) => p.zh), why.zh].join('。'),
    en: [...parts.map((p) => p.en), why.en].join('. '),
  });
  const spc = classes.length > 1 ? spcFor(classes, ctx) : undefined;
  if (spc) return [spcOrder(spc, join(classes.map(rationale)))];
  const withDiuretic = classes.some((c) => DIURETIC.includes(c)) || DIURETIC.some((c) => ctx.onBoard.has(c));
  const orders: ProposedOrder[] = [];
  for (const cls of classes) {
    const pick = agentFor(cls, ctx, withDiuretic);
    if (pick) orders.push(singleOrder(pick.spec, pick.dailyMg, 'start', join([rationale(cls)]), pick.source));
  }
  return orders;
}
