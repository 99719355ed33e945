/**
 * Treatment proposal (pure): target, initiation (lifestyle-first / one drug / two-drug combination),
 * class choice by comorbidity and contraindication, dose titration, add-on, resistant-hypertension review,
 * and follow-up interval. Guideline algorithms: REFERENCE §7.1 (ACC/AHA 2017), §7.2 (ESH 2023), §7.3 (China
 * 2018; china-2024 uses the 2018 rules). Contraindications §5.2/§5.3, never ACEi + ARB §6 row 1.
 * The proposal is a draft for a clinician: it never prescribes by itself.
 */
import { classifyOfficeBp, SOURCE_TITLE, targetFor } from '@qihuang/engines/blood-pressure';
import { AGENTS, CLASS_TEXT, nextDose, SPCS, type AgentSpec, type SpcSpec } from './agents.ts';
import type {
  AntihypertensiveClass,
  AvoidedClass,
  CurrentMedication,
  Guideline,
  ProposedOrder,
  Text,
  TreatmentDecision,
  TreatmentInput,
  TreatmentProposal,
} from './types.ts';

/** One decimal for display (means); decisions use the exact values. */
const round1 = (x: number) => Math.round(x * 10) / 10;

type Cls = AntihypertensiveClass;
type Risk = 'low' | 'medium' | 'high' | 'very-high';
type Preferred = TreatmentProposal['preferred'][number];

// ------------------------------------------------------------------------------------------- follow-up

/**
 * Follow-up interval in days after a start/change (`changed`) or when controlled (REFERENCE §7.1, §7.3, §7.4;
 * all UNVERIFIED there). Choices: ACC/AHA "1 month" → 30, controlled "3–6 months" → 90 (lower bound);
 * ESH "2–4 weeks–2 months" → 28 (end of the 2–4-week window, the earliest common value), controlled "3–6 months"
 * → 90; China "每2–4周随访直至达标" → 28 (4 weeks, time for the full drug effect), "达标后每3个月" → 90.
 */
export function followUpDays(guideline: Guideline, changed: boolean): { days: number; source: string } {
  switch (guideline) {
    case 'acc-aha-2017':
      return changed
        ? { days: 30, source: 'REFERENCE §7.1 Figure 4 "1 month" after start/change (UNVERIFIED)' } // §7.1 1 month
        : { days: 90, source: 'REFERENCE §7.1 "every 3–6 months" once controlled, lower bound (UNVERIFIED)' }; // §7.1 3–6 months
    case 'esh-2023':
      return changed
        ? {
            days: 28,
            source: 'REFERENCE §7.4 ESH "2–4 weeks–2 months" after start/change, 4 weeks chosen (UNVERIFIED)',
          } // §7.4
        : { days: 90, source: 'REFERENCE §7.4 ESH "3–6 months" when controlled, lower bound (UNVERIFIED)' }; // §7.4
    case 'china-2018':
    case 'china-2024':
      return changed
        ? {
            days: 28,
            source: 'REFERENCE §7.3 China 2018 5.7 "每2–4周随访直至达标", 4 weeks chosen (UNVERIFIED)',
          } // §7.3 2–4 weeks
        : { days: 90, source: 'REFERENCE §7.3 China 2018 5.7 "达标后每3个月随访" (UNVERIFIED)' }; // §7.3 3 months
  }
}

/** Lifestyle-first re-assessment interval (days). */
function lifestyleFollowUp(guideline: Guideline): { days: number; source: string } {
  if (guideline === 'china-2018' || guideline === 'china-2024')
    // §7.3 medium risk "数周", low risk "1–3 个月…密切随诊": re-check at 4 weeks (engine choice)
    return {
      days: 28,
      source: 'REFERENCE §7.3 中危观察数周/低危1–3个月密切随诊, 4 weeks chosen (UNVERIFIED)',
    };
  // §7.1 Figure 4 stage 1 low risk "reassess 3–6 months"; §7.2 ESH grade 1 low–moderate risk lifestyle 3–6 months
  return {
    days: 90,
    source: `REFERENCE ${guideline === 'esh-2023' ? '§7.2' : '§7.1 Figure 4'} "3–6 months", lower bound`,
  };
}

// ---------------------------------------------------------------------------------- contraindications

const ENGINE_CLASS_ORDER: readonly Cls[] = [
  'acei',
  'arb',
  'ccb-dhp',
  'ccb-nondhp',
  'thiazide',
  'loop',
  'mra',
  'beta-blocker',
  'alpha-blocker',
  'central',
  'other',
];

function av(cls: Cls, zh: string, en: string, source: string): AvoidedClass {
  return { cls, reason: { zh, en }, source };
}

/** Classes to avoid, one entry per (class, reason), in a stable order. */
export function avoidedClasses(input: TreatmentInput): AvoidedClass[] {
  const c = input.conditions;
  const k = input.labs?.potassium;
  const egfr = input.labs?.egfr;
  const out: AvoidedClass[] = [];
  if (c.pregnancy) {
    const s = 'REFERENCE §5.2 pregnancy (ACC/AHA 2017 §10.2.1; ESH 2023; China 2018)';
    out.push(
      av('acei', '妊娠:ACEI致胎儿毒性,禁用', 'Pregnancy: ACE inhibitors are fetotoxic (contraindicated)', s),
    );
    out.push(av('arb', '妊娠:ARB致胎儿毒性,禁用', 'Pregnancy: ARBs are fetotoxic (contraindicated)', s));
    out.push(av('mra', '妊娠:应停用螺内酯类', 'Pregnancy: stop MRAs (spironolactone)', s));
    out.push(
      av(
        'other',
        '妊娠:直接肾素抑制剂(阿利吉仑)禁用',
        'Pregnancy: direct renin inhibitor (aliskiren) contraindicated',
        s,
      ),
    );
    out.push(
      av(
        'thiazide',
        '妊娠:噻嗪类为相对禁忌,首选拉贝洛尔/硝苯地平/甲基多巴',
        'Pregnancy: thiazides are a caution; labetalol, nifedipine ER or methyldopa preferred',
        'REFERENCE §5.2 thiazide cautions, pregnancy',
      ),
    );
  } else if (c.pregnancyPossible) {
    const s = 'REFERENCE §5.2 ACEi/ARB: women of child-bearing potential without reliable contraception';
    out.push(
      av(
        'acei',
        '育龄期未可靠避孕:避免ACEI',
        'Possible pregnancy (no reliable contraception): avoid ACE inhibitors',
        s,
      ),
    );
    out.push(
      av('arb', '育龄期未可靠避孕:避免ARB', 'Possible pregnancy (no reliable contraception): avoid ARBs', s),
    );
  }
  if (c.angioedemaHistory)
    out.push(
      av(
        'acei',
        '血管性水肿病史:禁用ACEI',
        'History of angioedema: ACE inhibitors contraindicated',
        'REFERENCE §5.2 ACEi',
      ),
    );
  if (c.bilateralRenalArteryStenosis) {
    const s = 'REFERENCE §5.2 ACEi/ARB bilateral renal artery stenosis';
    out.push(
      av(
        'acei',
        '双侧肾动脉狭窄:禁用ACEI',
        'Bilateral renal artery stenosis: ACE inhibitors contraindicated',
        s,
      ),
    );
    out.push(av('arb', '双侧肾动脉狭窄:禁用ARB', 'Bilateral renal artery stenosis: ARBs contraindicated', s));
  }
  if (k !== undefined && k > 5.5) {
    // §5.2 ESH K⁺ >5.5 (UNVERIFIED); §5.3 K⁺ >5.5 → reduce/stop RAAS blocker
    const s = 'REFERENCE §5.2 hyperkalaemia (K⁺ >5.5), §5.3 potassium thresholds';
    out.push(
      av(
        'acei',
        `高钾血症(K⁺ ${k} mmol/L >5.5):避免ACEI`,
        `Hyperkalaemia (K⁺ ${k} mmol/L >5.5): avoid ACE inhibitors`,
        s,
      ),
    );
    out.push(
      av(
        'arb',
        `高钾血症(K⁺ ${k} mmol/L >5.5):避免ARB`,
        `Hyperkalaemia (K⁺ ${k} mmol/L >5.5): avoid ARBs`,
        s,
      ),
    );
  }
  if (k !== undefined && k > 5.0)
    // §5.2 MRA K⁺ >5.0; §5.3 do not start spironolactone if K⁺ >5.0
    out.push(
      av(
        'mra',
        `K⁺ ${k} mmol/L >5.0:不宜使用醛固酮受体拮抗剂`,
        `K⁺ ${k} mmol/L >5.0: do not start an MRA`,
        'REFERENCE §5.2 MRA, §5.3 spironolactone',
      ),
    );
  if (egfr !== undefined && egfr < 30) {
    // §5.3 spironolactone eGFR <30; thiazides less effective <30 → loop
    out.push(
      av(
        'mra',
        `eGFR ${egfr} <30:不宜使用螺内酯`,
        `eGFR ${egfr} <30: do not start spironolactone`,
        'REFERENCE §5.3 spironolactone',
      ),
    );
    out.push(
      av(
        'thiazide',
        `eGFR ${egfr} <30:噻嗪类效果差,改用袢利尿剂`,
        `eGFR ${egfr} <30: thiazides less effective, use a loop diuretic`,
        'REFERENCE §5.2 thiazide cautions, §5.3 thiazides',
      ),
    );
  }
  if (c.gout)
    out.push(
      av(
        'thiazide',
        '痛风:禁用噻嗪类利尿剂',
        'Gout: thiazide diuretics contraindicated',
        'REFERENCE §5.2 thiazide (China 2018 痛风禁忌; ESH 2023)',
      ),
    );
  if (c.asthma)
    out.push(
      av(
        'beta-blocker',
        '哮喘:禁用β受体阻滞剂',
        'Asthma: β-blockers contraindicated',
        'REFERENCE §5.2 β-blockers (China 2018; ESH 2023)',
      ),
    );
  if (c.avBlock) {
    const s = 'REFERENCE §5.2 2nd/3rd-degree AV block without pacemaker';
    out.push(
      av(
        'beta-blocker',
        '二/三度房室传导阻滞:禁用β受体阻滞剂',
        '2nd/3rd-degree AV block: β-blockers contraindicated',
        s,
      ),
    );
    out.push(
      av(
        'ccb-nondhp',
        '二/三度房室传导阻滞:禁用非二氢吡啶类CCB',
        '2nd/3rd-degree AV block: non-DHP CCBs contraindicated',
        s,
      ),
    );
  }
  if (c.bradycardia) {
    const s = 'REFERENCE §5.2 marked bradycardia';
    out.push(av('beta-blocker', '心动过缓:避免β受体阻滞剂', 'Bradycardia: avoid β-blockers', s));
    out.push(av('ccb-nondhp', '心动过缓:避免非二氢吡啶类CCB', 'Bradycardia: avoid non-DHP CCBs', s));
  }
  if (c.heartFailureReducedEf)
    out.push(
      av(
        'ccb-nondhp',
        '射血分数降低的心衰:禁用非二氢吡啶类CCB',
        'HFrEF: non-DHP CCBs contraindicated',
        'REFERENCE §5.2 non-DHP CCB',
      ),
    );
  for (const cls of input.intolerances ?? [])
    out.push(
      av(
        cls,
        `既往不耐受/过敏:${CLASS_TEXT[cls].zh}`,
        `Reported intolerance/allergy: ${CLASS_TEXT[cls].en}`,
        'patient record (intolerances)',
      ),
    );
  const onAcei = input.current.some((m) => m.cls === 'acei');
  const onArb = input.current.some((m) => m.cls === 'arb');
  // §6 row 1: ACEi + ARB never combined (Class III: Harm)
  if (onAcei)
    out.push(av('arb', '已用ACEI:不联用ARB', 'On an ACE inhibitor: never add an ARB', 'REFERENCE §6 row 1'));
  if (onArb)
    out.push(av('acei', '已用ARB:不联用ACEI', 'On an ARB: never add an ACE inhibitor', 'REFERENCE §6 row 1'));
  return out.sort((a, b) => ENGINE_CLASS_ORDER.indexOf(a.cls) - ENGINE_CLASS_ORDER.indexOf(b.cls));
}

/** Preferred classes given comorbidities (REFERENCE §7.1 first-line and compelling indications, §5.2 pregnancy). */
export function preferredClasses(input: TreatmentInput): Preferred[] {
  const c = input.conditions;
  const out: Preferred[] = [];
  const p = (cls: Cls, zh: string, en: string, source: string) =>
    out.push({ cls, reason: { zh, en }, source });
  if (c.pregnancy) {
    const s = 'REFERENCE §5.2 pregnancy: methyldopa, labetalol, long-acting nifedipine';
    p('beta-blocker', '妊娠:首选拉贝洛尔', 'Pregnancy: labetalol preferred', s);
    p('ccb-dhp', '妊娠:首选长效硝苯地平', 'Pregnancy: long-acting nifedipine preferred', s);
    p('central', '妊娠:可用甲基多巴', 'Pregnancy: methyldopa preferred', s);
    return out;
  }
  if (c.ckd || c.albuminuria) {
    const s = 'REFERENCE §7.1 CKD stage 3+ or albuminuria: ACEi (ARB if ACEi not tolerated)';
    p('acei', 'CKD/蛋白尿:首选ACEI', 'CKD/albuminuria: ACE inhibitor preferred', s);
    p('arb', 'CKD/蛋白尿:ACEI不耐受时用ARB', 'CKD/albuminuria: ARB if ACE inhibitor not tolerated', s);
  }
  if (c.heartFailureReducedEf) {
    const s = 'REFERENCE §7.1 compelling indication HFrEF (β-blocker, ACEi/ARB)';
    if (!c.ckd && !c.albuminuria) {
      p('acei', '射血分数降低的心衰:ACEI', 'HFrEF: ACE inhibitor', s);
      p('arb', '射血分数降低的心衰:ARB', 'HFrEF: ARB', s);
    }
    p(
      'beta-blocker',
      '射血分数降低的心衰:β受体阻滞剂为强适应证',
      'HFrEF: compelling indication for a β-blocker',
      s,
    );
  }
  if (c.coronaryArteryDisease && !c.heartFailureReducedEf)
    p(
      'beta-blocker',
      '冠心病:β受体阻滞剂为强适应证',
      'Coronary artery disease: compelling indication for a β-blocker',
      'REFERENCE §7.1 compelling indication ischaemic heart disease',
    );
  if (c.atrialFibrillation && !c.heartFailureReducedEf && !c.coronaryArteryDisease)
    p(
      'beta-blocker',
      '房颤:β受体阻滞剂(心率控制)',
      'Atrial fibrillation: β-blocker (rate control)',
      'REFERENCE §7.1 compelling indication arrhythmia',
    );
  if (c.blackAncestry && !c.heartFailureReducedEf && !c.ckd) {
    const s = 'REFERENCE §7.1 Black adults without HF or CKD: initial thiazide-type diuretic or CCB';
    p(
      'thiazide',
      '黑人(无心衰/CKD):首选噻嗪类利尿剂',
      'Black adults without HF/CKD: thiazide-type diuretic',
      s,
    );
    p('ccb-dhp', '黑人(无心衰/CKD):首选CCB', 'Black adults without HF/CKD: CCB', s);
  }
  return out;
}

// ---------------------------------------------------------------------------------------- the proposal

interface Ctx {
  input: TreatmentInput;
  g: Guideline;
  avoid: Set<Cls>;
  onBoard: Set<Cls>;
  preferred: Preferred[];
  pregnant: boolean;
  /** Age ≥75 or frail: amlodipine 2.5 mg start (REFERENCE §5.1a "small, fragile, elderly"). */
  lowStart: boolean;
  egfr?: number;
  k?: number;
}

interface Core {
  decision: TreatmentDecision;
  orders: ProposedOrder[];
  notes: Text[];
  rule: string;
  source: string;
  followUp: { days: number; source: string };
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);
const FREQ: Record<number, Text> = {
  1: { zh: '每日一次', en: 'once daily' },
  2: { zh: '每日两次', en: 'twice daily' },
  3: { zh: '每日三次', en: 'three times daily' },
};
const freq = (n: number): Text => FREQ[n] ?? { zh: `每日${n}次`, en: `${n} times daily` };
const TITLE_EN: Record<Guideline, string> = {
  'acc-aha-2017': 'ACC/AHA 2017',
  'esh-2023': 'ESH 2023',
  'china-2018': 'China 2018',
  'china-2024': 'China 2024',
};
const isChina = (g: Guideline) => g === 'china-2018' || g === 'china-2024';
const guidelineSection = (g: Guideline) =>
  g === 'acc-aha-2017' ? '§7.1' : g === 'esh-2023' ? '§7.2' : '§7.3';

function singleOrder(
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
          zh: `(由 ${fmt(fromDailyMg / spec.timesPerDay)} mg 加量)`,
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

function spcOrder(spc: SpcSpec, rationale: Text): ProposedOrder {
  const mg = spc.parts.map((p) => `${fmt(p.doseMg)} mg`).join('/');
  return {
    agent: spc.id,
    components: spc.parts.map((p) => p.agent),
    classes: [...spc.classes],
    display: {
      en: `${spc.name.en} ${mg} once daily (single-pill combination)`,
      zh: `${spc.name.zh} ${mg} 每日一次(单片复方制剂)`,
    },
    doses: spc.parts.map((p) => ({ agent: p.agent, doseMg: p.doseMg, timesPerDay: 1 })),
    action: 'start',
    rationale,
    source: spc.source,
  };
}

function agentSpec(id: string): AgentSpec {
  const spec = AGENTS[id];
  if (!spec) throw new Error(`hypertension-care: unknown agent ${id}`);
  return spec;
}

/** Chooses ACEi or ARB (undefined if both avoided). ACC/AHA CKD → ACEi first (§7.1); otherwise ARB (tolerability). */
function pickRas(ctx: Ctx): 'acei' | 'arb' | undefined {
  const aceOk = !ctx.avoid.has('acei');
  const arbOk = !ctx.avoid.has('arb');
  const c = ctx.input.conditions;
  if (aceOk && arbOk) return ctx.g === 'acc-aha-2017' && (c.ckd || c.albuminuria) ? 'acei' : 'arb';
  return aceOk ? 'acei' : arbOk ? 'arb' : undefined;
}

/** Diuretic class: loop at eGFR <30 (§5.3), else thiazide unless avoided. */
function pickDiuretic(ctx: Ctx): 'thiazide' | 'loop' | undefined {
  if (ctx.egfr !== undefined && ctx.egfr < 30) return ctx.avoid.has('loop') ? undefined : 'loop'; // §5.3 eGFR <30
  return ctx.avoid.has('thiazide') ? undefined : 'thiazide';
}

interface Pick {
  spec: AgentSpec;
  dailyMg: number;
  source: string;
}

/** The agent and start dose the engine uses for a class. */
function agentFor(cls: Cls, ctx: Ctx, withDiuretic: boolean): Pick | undefined {
  switch (cls) {
    case 'acei': {
      const spec = agentSpec('lisinopril');
      if (ctx.egfr !== undefined && ctx.egfr < 30)
        return {
          spec,
          dailyMg: 5,
          source: 'REFERENCE §5.3 lisinopril CrCl 10–30: start 5 mg (eGFR used as proxy)',
        }; // §5.3
      if (withDiuretic)
        return { spec, dailyMg: 5, source: 'REFERENCE §5.1a lisinopril 5 mg if on a diuretic' }; // §5.1a
      return { spec, dailyMg: 10, source: spec.source }; // §5.1a lisinopril 10 mg qd
    }
    case 'arb': {
      const spec = agentSpec('losartan');
      return { spec, dailyMg: 50, source: spec.source }; // §5.1a losartan 50 mg qd
    }
    case 'ccb-dhp': {
      if (ctx.pregnant) {
        const spec = agentSpec('nifedipine');
        return { spec, dailyMg: 30, source: `${spec.source}; §5.2 pregnancy (long-acting nifedipine)` }; // §5.1a 30 mg
      }
      const spec = agentSpec('amlodipine');
      return ctx.lowStart
        ? {
            spec,
            dailyMg: 2.5,
            source: 'REFERENCE §5.1a amlodipine 2.5 mg if small, fragile or elderly (age ≥75 or frail)',
          } // §5.1a 2.5 mg
        : { spec, dailyMg: 5, source: spec.source }; // §5.1a 5 mg
    }
    case 'thiazide': {
      if (ctx.g === 'acc-aha-2017') {
        const spec = agentSpec('chlorthalidone');
        return { spec, dailyMg: 12.5, source: `${spec.source}; §7.1 chlorthalidone preferred [V1]` }; // §5.1 12.5 mg
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
      return { spec, dailyMg: 25, source: `${spec.source}; §7.2 ESH step 3` }; // §5.1a 25 mg
    }
    case 'beta-blocker': {
      if (ctx.pregnant) {
        const spec = agentSpec('labetalol');
        return { spec, dailyMg: 200, source: `${spec.source}; §5.2 pregnancy (labetalol)` }; // §5.1a 100 mg bid
      }
      const spec = agentSpec('bisoprolol');
      return { spec, dailyMg: 2.5, source: spec.source }; // §5.1 2.5 mg
    }
    case 'central': {
      const spec = agentSpec('methyldopa');
      return { spec, dailyMg: 500, source: `${spec.source}; §5.2 pregnancy (methyldopa)` }; // §5.1 250 mg bid
    }
    case 'ccb-nondhp':
    case 'alpha-blocker':
    case 'other':
      return undefined;
  }
}

function whyClass(cls: Cls, ctx: Ctx): Text {
  const pref = ctx.preferred.find((p) => p.cls === cls);
  if (pref) return pref.reason;
  return {
    zh: `${CLASS_TEXT[cls].zh}:一线降压药`,
    en: `${CLASS_TEXT[cls].en}: first-line agent`,
  };
}

const DIURETIC: readonly Cls[] = ['thiazide', 'loop'];
const RAS: readonly Cls[] = ['acei', 'arb'];

/** Whether the class (or its role: RAS blocker, diuretic) is already on board. */
function covered(cls: Cls, onBoard: Set<Cls>): boolean {
  if (RAS.includes(cls)) return RAS.some((x) => onBoard.has(x));
  if (DIURETIC.includes(cls)) return DIURETIC.some((x) => onBoard.has(x));
  return onBoard.has(cls);
}

/** Candidate classes for starting or adding, best first (preferred, then the guideline's default sequence). */
function classSequence(ctx: Ctx): Cls[] {
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
function pickPair(ctx: Ctx): [Cls, Cls] | undefined {
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
  const candidates: [Cls | undefined, Cls | undefined][] = [
    [ras, 'ccb-dhp'], // §7.2/§7.3 RAS + DHP CCB
    [ras, diuretic], // §7.2/§7.3 RAS + thiazide
    ['ccb-dhp', diuretic], // §7.3 DHP CCB + thiazide
  ];
  if (isChina(ctx.g) || bbPreferred) candidates.push(['ccb-dhp', 'beta-blocker']); // §7.3 DHP CCB + β-blocker
  for (const [a, b] of candidates) if (ok(a) && ok(b)) return [a, b];
  return undefined;
}

function spcFor(pair: readonly Cls[], ctx: Ctx): SpcSpec | undefined {
  if (ctx.pregnant) return undefined;
  const spc = SPCS.find((s) => s.classes.length === pair.length && pair.every((c) => s.classes.includes(c)));
  if (!spc) return undefined;
  // Component doses must equal what the engine would start with (no 2.5 mg amlodipine SPC; ACEi at eGFR <30 starts lower).
  if (spc.parts.some((p) => p.agent === 'amlodipine') && ctx.lowStart) return undefined;
  if (spc.classes.includes('acei') && ctx.egfr !== undefined && ctx.egfr < 30) return undefined;
  return spc;
}

/** Orders for the classes (an SPC when one fits); rationale = the class reasons, then the decision's reason. */
function startOrders(
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

// --------------------------------------------------------------------------------- untreated patients

interface Initiation {
  decision: 'no-drug' | 'lifestyle-first' | 'start-monotherapy' | 'start-combination';
  rule: string;
  /** Short bilingual reason used in order rationales. */
  why: Text;
  source: string;
  notes: Text[];
}

const RISK_RANK: Record<Risk, number> = { low: 0, medium: 1, high: 2, 'very-high': 3 };

/** China risk: the given level, raised to the floor implied by the known conditions (REFERENCE §3.4). */
function chinaRisk(input: TreatmentInput, category: string): Risk | undefined {
  const c = input.conditions;
  let floor: Risk | undefined;
  const highNormal = category === 'high-normal' || category === 'normal';
  if (c.ascvd || c.coronaryArteryDisease || c.heartFailureReducedEf || c.atrialFibrillation)
    floor = highNormal ? 'high' : 'very-high'; // §3.4 clinical complications row
  else if (c.diabetes || c.ckd || c.albuminuria)
    floor = highNormal ? 'medium' : category === 'grade-3' ? 'very-high' : 'high'; // §3.4 TOD/CKD 3/diabetes row
  else if (category === 'grade-3') floor = 'high'; // §3.4 grade 3, no other factors (RS6)
  const given = input.chinaRisk;
  if (!given) return floor;
  if (!floor) return given;
  return RISK_RANK[given] >= RISK_RANK[floor] ? given : floor;
}

function initiation(input: TreatmentInput, met: boolean, over: { sbp: number; dbp: number }): Initiation {
  const g = input.guideline;
  const c = input.conditions;
  const bp = input.bp;
  const cls = classifyOfficeBp(bp, g);
  const cat = cls.category;
  const notes: Text[] = [];
  const lifestyleMonths = input.lifestyleMonths ?? 0;
  const make = (
    decision: Initiation['decision'],
    rule: string,
    zh: string,
    en: string,
    source: string,
  ): Initiation => ({ decision, rule, why: { zh, en }, source, notes });
  if (met)
    return make(
      'no-drug',
      `BP below target (${cls.display.en}) → no drug; healthy lifestyle`,
      '血压已达标:无需药物',
      'BP at target: no drug needed',
      `REFERENCE ${guidelineSection(g)}, §7.4`,
    );

  if (g === 'acc-aha-2017') {
    const s = 'REFERENCE §7.1 Figure 4';
    const big = over.sbp > 20 || over.dbp > 10; // §7.1 ">20/10 mmHg above target"
    if (cat === 'stage-2')
      return big
        ? make(
            'start-combination',
            'stage 2 and BP >20/10 mmHg above target → 2 first-line agents of different classes',
            '2期且高于目标 >20/10 mmHg:两种不同类别一线药物',
            'Stage 2, >20/10 mmHg above target: two first-line agents of different classes',
            s,
          )
        : make(
            'start-monotherapy',
            'stage 2, ≤20/10 mmHg above target → BP-lowering drug',
            '2期高血压:降压药物治疗',
            'Stage 2: BP-lowering drug',
            s,
          );
    if (cat === 'stage-1') {
      const risk = input.ascvdRisk10y;
      const high =
        c.ascvd || c.coronaryArteryDisease || c.diabetes || c.ckd || (risk !== undefined && risk >= 0.1); // §7.1 ASCVD or 10-y risk ≥10% (diabetes/CKD high risk)
      if (high)
        return make(
          'start-monotherapy',
          'stage 1 with clinical ASCVD, diabetes/CKD or 10-y ASCVD risk ≥10% → nonpharmacological + 1 drug',
          '1期且有ASCVD、糖尿病/CKD或10年风险 ≥10%:一种降压药',
          'Stage 1 with ASCVD, diabetes/CKD or 10-year risk ≥10%: one drug',
          s,
        );
      if (risk === undefined)
        notes.push({
          zh: '未提供10年ASCVD风险:请用PCE计算(REFERENCE §3.1),≥10%时需药物治疗',
          en: '10-year ASCVD risk not given: compute it (PCE, REFERENCE §3.1); ≥10% calls for a drug',
        });
      return make(
        'lifestyle-first',
        'stage 1 without ASCVD and 10-y risk <10% → nonpharmacological therapy, reassess in 3–6 months',
        '1期低危:非药物治疗,3–6个月复评',
        'Stage 1, low risk: lifestyle, reassess in 3–6 months',
        s,
      );
    }
    return make(
      'lifestyle-first',
      'below stage 1 → nonpharmacological therapy',
      '非药物治疗',
      'Lifestyle therapy',
      s,
    );
  }

  if (g === 'esh-2023') {
    const s = 'REFERENCE §7.2';
    const old = input.age >= 80; // §7.2 age ≥80
    const monoOk = old || !!c.frail; // §7.2 monotherapy for very old (≥80) or frail
    const highRisk = !!(
      c.ascvd ||
      c.coronaryArteryDisease ||
      c.heartFailureReducedEf ||
      c.diabetes ||
      c.ckd ||
      c.albuminuria
    );
    const oldFrail = { zh: '≥80岁或衰弱:单药起始', en: 'age ≥80 or frail: one drug' };
    if (old && bp.sbp < 160) {
      // §7.2 age ≥80: start drugs at SBP ≥160 (may consider 140–159 if well tolerated)
      notes.push({
        zh: '≥80岁:收缩压 ≥160 开始药物;140–159 如耐受良好可考虑',
        en: 'Age ≥80: drugs from SBP ≥160; 140–159 may be considered if well tolerated',
      });
      return make(
        'lifestyle-first',
        'age ≥80 with SBP <160 → lifestyle; drugs from SBP ≥160',
        '≥80岁且收缩压 <160:生活方式干预',
        'Age ≥80 with SBP <160: lifestyle',
        s,
      );
    }
    if (cat === 'grade-2' || cat === 'grade-3')
      return monoOk
        ? make(
            'start-monotherapy',
            'grade 2–3, age ≥80 or frail → immediate drug, monotherapy',
            `2–3级,${oldFrail.zh}`,
            `Grade 2–3, ${oldFrail.en}`,
            s,
          )
        : make(
            'start-combination',
            'grade 2–3 → immediate drug; initial two-drug combination (preferably single pill)',
            '2–3级:立即起始两药联合(首选单片复方)',
            'Grade 2–3: start a two-drug combination now (single pill preferred)',
            s,
          );
    if (cat === 'grade-1') {
      if (highRisk)
        return monoOk
          ? make(
              'start-monotherapy',
              'grade 1 high risk, age ≥80 or frail → immediate drug, monotherapy',
              `1级高危,${oldFrail.zh}`,
              `Grade 1 high risk, ${oldFrail.en}`,
              s,
            )
          : make(
              'start-combination',
              'grade 1 with high risk (HMOD/CVD/CKD/diabetes) → immediate drug; two-drug combination',
              '1级伴高危(靶器官损害/CVD/CKD/糖尿病):立即两药联合',
              'Grade 1 with high risk (HMOD/CVD/CKD/diabetes): two-drug combination now',
              s,
            );
      if (lifestyleMonths >= 3) {
        // §7.2 grade 1 low–moderate risk: lifestyle 3–6 months, then drug; monotherapy if <150/95
        const small = bp.sbp < 150 && bp.dbp < 95; // §7.2 monotherapy for grade 1 low risk <150/95
        return small || monoOk
          ? make(
              'start-monotherapy',
              'grade 1 low–moderate risk after ≥3 months lifestyle, BP <150/95 (or age ≥80/frail) → monotherapy',
              '1级低中危,生活方式干预 ≥3个月未达标,<150/95:单药',
              'Grade 1 low–moderate risk, not controlled after ≥3 months of lifestyle, <150/95: one drug',
              s,
            )
          : make(
              'start-combination',
              'grade 1 low–moderate risk after ≥3 months lifestyle, BP ≥150/95 → two-drug combination',
              '1级低中危,生活方式干预 ≥3个月未达标,≥150/95:两药联合',
              'Grade 1 low–moderate risk, not controlled after ≥3 months of lifestyle, ≥150/95: two-drug combination',
              s,
            );
      }
      return make(
        'lifestyle-first',
        'grade 1, low–moderate risk → lifestyle 3–6 months, then drug if not controlled',
        '1级低中危:生活方式干预3–6个月',
        'Grade 1, low–moderate risk: lifestyle for 3–6 months',
        s,
      );
    }
    if (cat === 'high-normal' && (c.ascvd || c.coronaryArteryDisease))
      return make(
        'start-monotherapy',
        'high-normal BP with established CVD (very high risk) → consider drug, monotherapy',
        '正常高值伴已确诊心血管病:考虑单药',
        'High-normal BP with established CVD: consider one drug',
        s,
      );
    return make('lifestyle-first', 'below grade 1 → lifestyle', '生活方式干预', 'Lifestyle therapy', s);
  }

  // China 2018 / 2024 (§7.3; 2024 uses the 2018 algorithm)
  const s = 'REFERENCE §7.3';
  const risk = chinaRisk(input, cat);
  if (!input.chinaRisk)
    notes.push({
      zh: '未提供危险分层:请按REFERENCE §3.4分层(已按已知疾病取最低分层)',
      en: 'China risk level not given: stratify per REFERENCE §3.4 (floor from known conditions used)',
    });
  const riskHigh = risk === 'high' || risk === 'very-high';
  const grade = cat === 'grade-1' || cat === 'grade-2' || cat === 'grade-3';
  const severe = bp.sbp >= 160 || bp.dbp >= 100; // §7.3 ≥160/100
  const combo = severe || over.sbp > 20 || over.dbp > 10 || riskHigh; // §7.3 ≥160/100, >20/10 above target, high risk
  const start = (rule: string, zh: string, en: string): Initiation =>
    combo
      ? make(
          'start-combination',
          `${rule}; ≥160/100, >20/10 mmHg above target or high/very-high risk → 起始小剂量两药联合或单片复方制剂`,
          `${zh};≥160/100、高于目标 >20/10 mmHg或高危:小剂量两药联合或单片复方`,
          `${en}; ≥160/100, >20/10 mmHg above target or high risk: low-dose two-drug combination or single pill`,
          s,
        )
      : make(
          'start-monotherapy',
          `${rule}; <160/100, ≤20/10 above target, not high risk → 单药起始`,
          `${zh};单药起始`,
          `${en}; start one drug`,
          s,
        );
  if (grade && riskHigh)
    return start(
      `${risk === 'very-high' ? '很高危' : '高危'} → 立即启动药物治疗`,
      `${risk === 'very-high' ? '很高危' : '高危'}:立即药物治疗`,
      `${risk === 'very-high' ? 'Very high' : 'High'} risk: drug treatment now`,
    );
  // ≥160/100 (grade 2–3): the §7.3 initial-combination rule presupposes drug treatment (documented choice)
  if (cat === 'grade-2' || cat === 'grade-3')
    return start('2–3级 (≥160/100) → 药物治疗', '2–3级:药物治疗', 'Grade 2–3: drug treatment');
  if (cat === 'grade-1') {
    const medium = risk === 'medium';
    const need = medium ? 1 : 3; // §7.3 中危 "数周" (1 month, engine choice) / 低危 "1–3 个月" (3)
    if (lifestyleMonths >= need)
      return start(
        `1级 ${medium ? '中危' : '低危'},生活方式干预后仍 ≥140/90 → 开始药物`,
        `1级${medium ? '中危' : '低危'},生活方式干预后仍 ≥140/90`,
        `Grade 1, ${medium ? 'medium' : 'low'} risk, still ≥140/90 after lifestyle`,
      );
    return medium
      ? make(
          'lifestyle-first',
          '1级 中危 → 生活方式干预数周,仍 ≥140/90 开始药物',
          '1级中危:生活方式干预数周',
          'Grade 1, medium risk: lifestyle for a few weeks',
          s,
        )
      : make(
          'lifestyle-first',
          '1级 低危 → 生活方式干预 1–3 个月,仍 ≥140/90 开始药物',
          '1级低危:生活方式干预1–3个月',
          'Grade 1, low risk: lifestyle for 1–3 months',
          s,
        );
  }
  notes.push({
    zh: '血压 <140/90:中国指南以 ≥140/90 为药物起始阈值(糖尿病/高危患者可个体化)',
    en: 'BP <140/90: China 2018 starts drugs at ≥140/90 (individualise for diabetes/high risk)',
  });
  return make(
    'lifestyle-first',
    '正常高值 above target → lifestyle (drug threshold ≥140/90)',
    '正常高值:生活方式干预',
    'High-normal: lifestyle',
    s,
  );
}

function untreated(input: TreatmentInput, ctx: Ctx, met: boolean, over: { sbp: number; dbp: number }): Core {
  const init = initiation(input, met, over);
  const g = ctx.g;
  const notes = [...init.notes];
  if (init.decision === 'no-drug' || init.decision === 'lifestyle-first') {
    const cat = classifyOfficeBp(input.bp, g);
    const followUp =
      init.decision === 'lifestyle-first'
        ? lifestyleFollowUp(g)
        : cat.rank === 0
          ? { days: 365, source: 'REFERENCE §7.1 Figure 4 normal BP: reassess annually' } // §7.1 annually
          : {
              days: 90,
              source:
                'REFERENCE §7.1 Figure 4 elevated BP: 3–6 months (lower bound; used for all guidelines, UNVERIFIED)',
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
        zh: '无可用的两药联合(禁忌):改为单药',
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
      zh: '所有一线降压药均有禁忌:请专科评估',
      en: 'Every first-line class is contraindicated: specialist review',
    });
  return { decision, orders, notes, rule: init.rule, source: init.source, followUp: followUpDays(g, true) };
}

// ----------------------------------------------------------------------------------- treated patients

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
    const spec = AGENTS[med.agent];
    if (!spec) continue;
    const to = nextDose(spec, med.dailyDoseMg);
    if (to !== undefined) return { med, spec, from: med.dailyDoseMg, to };
  }
  return undefined;
}

function rank(order: readonly Cls[], cls: Cls): number {
  const i = order.indexOf(cls);
  return i < 0 ? order.length : i;
}

function treated(input: TreatmentInput, ctx: Ctx, met: boolean): Core {
  const g = ctx.g;
  const notes: Text[] = [];
  if (met)
    return {
      decision: 'maintain',
      orders: [],
      notes,
      rule: 'on treatment and at target → maintain regimen',
      source: `REFERENCE ${guidelineSection(g)}, §7.4`,
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
  const old = input.age >= 80 || !!input.conditions.frail;
  // §7.2 ESH: step 1 dual → step 2 triple combination (add a class before up-titrating), except age ≥80/frail
  const addFirst = g === 'esh-2023' && !old && classes.size < 3;
  const inc = pickIncrease(ctx);
  const add = classSequence(ctx).find((cls) => !covered(cls, ctx.onBoard));

  const increaseCore = (i: Increase): Core => {
    const per = (n: number) => n / i.spec.timesPerDay;
    const rationale: Text = {
      zh: `未达标:${i.spec.name.zh} ${fmt(per(i.from))} → ${fmt(per(i.to))} mg(逐步加量至常用剂量)`,
      en: `Above target: ${i.spec.name.en} ${fmt(per(i.from))} → ${fmt(per(i.to))} mg (step to the next usual dose)`,
    };
    return {
      decision: 'increase-dose',
      orders: [singleOrder(i.spec, i.to, 'increase', rationale, i.spec.source, i.from)],
      notes,
      rule: `above target on ${[...classes].join('+')}: increase ${i.med.agent} below its maximum before adding a class`,
      source: `REFERENCE ${guidelineSection(g)} stepped approach, §5.1/§5.1a doses`,
      followUp: followUpDays(g, true),
    };
  };
  const addCore = (cls: Cls): Core => {
    const step =
      g === 'esh-2023'
        ? classes.size >= 2
          ? 'ESH step 2: three-drug combination (RAS blocker + CCB + diuretic)'
          : 'ESH step 1: two-drug combination'
        : 'add the next preferred class';
    const why: Text = {
      zh: `未达标:加用第${classes.size + 1}类降压药${g === 'esh-2023' ? (classes.size >= 2 ? '(ESH第2步:三药联合)' : '(ESH第1步:两药联合)') : ''}`,
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
      source: `REFERENCE ${guidelineSection(g)}`,
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
    zh: '先排除假性难治:服药依从性、白大衣效应(用家庭/动态血压确认)、测量误差;检查升压药物(NSAIDs、口服避孕药、减充血剂等)',
    en: 'Exclude pseudo-resistance first: adherence, white-coat effect (confirm with home/ambulatory BP), measurement error; review BP-raising drugs (NSAIDs, oral contraceptives, decongestants …)',
  }); // §7.4, §6 row 20
  if (input.current.some((m) => m.dailyDoseMg === undefined || !AGENTS[m.agent]))
    notes.push({
      zh: '部分药物剂量未知:请确认已达最佳剂量',
      en: 'Some doses are unknown: confirm every agent is at its optimal dose',
    });
  let rule: string;
  if (!eligible) {
    rule = 'above target and no further first-line class or dose step available → specialist review';
    notes.push({
      zh: '无可加用的一线药物:建议高血压专科评估',
      en: 'No further first-line option: refer to a hypertension specialist',
    });
  } else if (ctx.onBoard.has('mra')) {
    rule = 'resistant hypertension already on an MRA → other add-on / specialist review';
    notes.push({
      zh: '已用醛固酮受体拮抗剂:可考虑β受体阻滞剂、α1受体阻滞剂、中枢性药物或阿米洛利,并转诊专科',
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
              zh: `难治性高血压(≥3类含利尿剂仍未达标):加用螺内酯(K⁺ ${k} ≤4.5,eGFR ${egfr} >45)`,
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
        zh: `螺内酯未推荐:${why.zh}。可考虑β受体阻滞剂、α1受体阻滞剂、中枢性药物或阿米洛利,并转诊专科`,
        en: `Spironolactone not proposed: ${why.en}. Consider a β-blocker, α1-blocker, centrally acting agent or amiloride, and specialist referral`,
      }); // §5.3, §7.2 step 3
    }
  }
  return {
    decision: 'resistant-review',
    orders,
    notes,
    rule,
    source: 'REFERENCE §7.4 resistant definition, §7.2 step 3, §5.3 spironolactone',
    followUp: followUpDays(g, true),
  };
}

// --------------------------------------------------------------------------------------- entry point

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

  const targetText = `<${t.sbp}${t.dbp === undefined ? '' : `/${t.dbp}`}`;
  const orderText = (k: 'zh' | 'en') => core.orders.map((o) => o.display[k]).join(k === 'zh' ? ';' : '; ');
  const DECISION_TEXT: Record<TreatmentDecision, Text> = {
    'no-drug': { zh: '暂不需要药物', en: 'no drug needed' },
    'lifestyle-first': { zh: '先生活方式干预', en: 'lifestyle first' },
    'start-monotherapy': { zh: '起始单药治疗', en: 'start one drug' },
    'start-combination': { zh: '起始两药联合', en: 'start a two-drug combination' },
    'increase-dose': { zh: '增加剂量', en: 'increase dose' },
    'add-class': { zh: '加用另一类药物', en: 'add another class' },
    'resistant-review': { zh: '难治性高血压评估', en: 'resistant-hypertension review' },
    maintain: { zh: '维持现有治疗', en: 'maintain current treatment' },
  };
  const d = DECISION_TEXT[core.decision];
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
    display: {
      zh: `${SOURCE_TITLE[g]}:血压 ${round1(input.bp.sbp)}/${round1(input.bp.dbp)} mmHg,目标 ${targetText}(${met ? '已达标' : '未达标'})。${d.zh}${core.orders.length ? `:${orderText('zh')}` : ''}。${core.followUp.days}天后随访。`,
      en: `${TITLE_EN[g]}: BP ${round1(input.bp.sbp)}/${round1(input.bp.dbp)} mmHg vs target ${targetText} (${met ? 'at target' : 'above target'}). ${d.en.charAt(0).toUpperCase()}${d.en.slice(1)}${core.orders.length ? `: ${orderText('en')}` : ''}. Follow up in ${core.followUp.days} days.`,
    },
  };
}

function commonNotes(input: TreatmentInput, ctx: Ctx, core: Core): Text[] {
  const notes: Text[] = [];
  const c = input.conditions;
  const g = ctx.g;
  // Current agents that are now contraindicated
  const avoided = avoidedClasses(input);
  for (const m of input.current) {
    const hits = avoided.filter((a) => a.cls === m.cls && a.source !== 'REFERENCE §6 row 1');
    if (!hits.length) continue;
    const name = AGENTS[m.agent]?.name ?? { zh: m.agent, en: m.agent };
    notes.push({
      zh: `请复核正在使用的${name.zh}:${hits.map((h) => h.reason.zh).join(';')}`,
      en: `Review current ${name.en}: ${hits.map((h) => h.reason.en).join('; ')}`,
    });
  }
  if (input.current.some((m) => m.cls === 'acei') && input.current.some((m) => m.cls === 'arb'))
    notes.push({
      zh: 'ACEI与ARB同时使用:不推荐,请停用其一',
      en: 'ACE inhibitor and ARB together: not recommended — stop one',
    }); // §6 row 1
  // K⁺/creatinine after starting or increasing RAS blockers / diuretics (§6 row 3 "within 1 week–1 month"; §5.2)
  const labClasses: readonly Cls[] = ['acei', 'arb', 'thiazide', 'loop', 'mra'];
  if (
    core.orders.some(
      (o) => o.classes.some((x) => labClasses.includes(x)) && !o.classes.every((x) => x === 'mra'),
    )
  )
    notes.push({
      zh: '开始或加量ACEI/ARB/利尿剂后1–2周复查血钾和肌酐(肌酐升高≤30%可接受)',
      en: 'Check K⁺ and creatinine 1–2 weeks after starting or increasing an ACE inhibitor/ARB/diuretic (a creatinine rise up to 30% is acceptable)',
    });
  if (core.orders.some((o) => o.classes.includes('arb')) && c.angioedemaHistory)
    notes.push({
      zh: 'ACEI相关血管性水肿史:ARB可谨慎使用',
      en: 'Prior ACE-inhibitor angioedema: ARB may be used with caution',
    }); // §5.2 ARB cautions
  if (core.orders.some((o) => o.components))
    notes.push({
      zh: '单片复方制剂:请按本院目录确认可用规格',
      en: 'Single-pill combination: confirm the strength is available in the local formulary',
    });
  if (ctx.pregnant)
    notes.push({
      zh: '妊娠期:仅用拉贝洛尔、长效硝苯地平或甲基多巴,与产科共同管理;妊娠期血压目标未在REFERENCE中给出,以上目标为一般人群目标',
      en: 'Pregnancy: labetalol, long-acting nifedipine or methyldopa only, co-managed with obstetrics; pregnancy-specific targets are not in REFERENCE — the general target is shown',
    }); // §5.2 pregnancy
  if (g === 'esh-2023' && input.current.length && input.bp.dbp < 70)
    notes.push({
      zh: 'ESH:舒张压不宜 <70 mmHg,考虑减少治疗',
      en: 'ESH: DBP should not be <70 mmHg — consider de-intensifying',
    }); // §7.2 DBP not <70 (UNVERIFIED)
  if (g === 'china-2024')
    notes.push({
      zh: '中国2024版:沿用2018版治疗规则(2024版治疗变化未核实)',
      en: 'China 2024: China 2018 treatment rules applied (2024 treatment changes UNVERIFIED)',
    }); // §1.4, §7.3
  if (input.bpSource !== 'office')
    notes.push({
      zh: `决策所用血压来自${input.bpSource === 'home' ? '家庭' : '动态'}血压,目标比较由调用方负责对应阈值`,
      en: `BP used is a ${input.bpSource} mean: compare it with out-of-office thresholds (REFERENCE §2.1/§2.2)`,
    });
  if (core.decision !== 'maintain' && core.decision !== 'no-drug')
    notes.push({
      zh: '同时进行生活方式干预(限盐、减重、运动、限酒、戒烟)',
      en: 'Lifestyle measures alongside (salt, weight, exercise, alcohol, smoking)',
    });
  return notes;
}
