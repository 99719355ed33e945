/**
 * Treatment step "explanation": the notes every proposal carries (contraindicated current agents, labs after
 * RAS/diuretic changes, pregnancy, edition notes, out-of-office BP) and the one-line display. Pure.
 */
import { shownBp, type BpValue } from '@qihuang/engines/blood-pressure';
import { AGENTS } from '../agents.ts';
import type { Text, TreatmentDecision, TreatmentInput } from '../types.ts';
import { avoidedWithKind } from './contraindications.ts';
import type { Cls, Core, Ctx } from './orders.ts';

const DECISION_TEXT: Record<TreatmentDecision, Text> = {
  'no-drug': { zh: '暂不需要药物', en: 'no drug needed' },
  'lifestyle-first': { zh: '先生活方式干预', en: 'lifestyle first' },
  'start-monotherapy': { zh: '起始单药治疗', en: 'start one drug' },
  'start-combination': { zh: '起始两药联合', en: 'start a two-drug combination' },
  'increase-dose': { zh: '增加剂量', en: 'increase dose' },
  'add-class': { zh: '加用另一类药物', en: 'add another class' },
  'resistant-review': { zh: '难治性高血压评估', en: 'resistant-hypertension review' },
  'change-regimen': {
    zh: '调整现有用药（停用/减量/替换）',
    en: 'change the current regimen (stop / reduce / replace)',
  },
  maintain: { zh: '维持现有治疗', en: 'maintain current treatment' },
  'too-early': {
    zh: '现用方案时间尚短，暂不判断疗效',
    en: 'too early to judge the current regimen',
  },
};

/**
 * The BP as the proposal's text shows it (decision 0027): whole mmHg, except where that would carry it across the
 * target it is judged against (134.6 against <135 shows "134.6", never "135") — the one rule of
 * blood-pressure/display-rounding.ts. With `crisis` (the edition's crisis test, REFERENCE §1.5), a figure the test
 * calls crisis is never shown as one it would not (e.g. 180.4 against the strict ">180" shows "180.4", not "180").
 */
export function shownProposalBp(
  bp: BpValue,
  target: { sbp: number; dbp?: number },
  crisis?: (bp: BpValue) => boolean,
): { sbp: string; dbp: string } {
  const s = shownBp(bp, { sbp: [target.sbp], dbp: target.dbp === undefined ? [] : [target.dbp] });
  if (!crisis || !crisis(bp) || crisis({ sbp: Number(s.sbp), dbp: Number(s.dbp) })) return s;
  // Rounding down carried it out of the crisis range: one decimal, up toward the crisis side.
  const up = (x: number) => (Number.isInteger(x) ? String(x) : (Math.ceil(x * 10 - 1e-9) / 10).toFixed(1));
  return { sbp: up(bp.sbp), dbp: up(bp.dbp) };
}

/** The proposal's one-line summary in both languages. */
export function proposalDisplay(
  input: TreatmentInput,
  ctx: Ctx,
  core: Core,
  target: { sbp: number; dbp?: number },
  met: boolean,
  crisis: boolean,
): Text {
  const targetText = `<${target.sbp}${target.dbp === undefined ? '' : `/${target.dbp}`}`;
  const all = [...(core.stops ?? []), ...core.orders];
  const orderText = (k: 'zh' | 'en') => all.map((o) => o.display[k]).join(k === 'zh' ? ';' : '; ');
  const d = DECISION_TEXT[core.decision];
  const title = ctx.edition.title;
  const kind = {
    office: { zh: '', en: '' },
    home: { zh: '家庭', en: 'Home ' },
    ambulatory: { zh: '日间动态', en: 'Daytime ambulatory ' },
  }[input.bpSource];
  // §1.5: a crisis-range BP leads the summary, before any ordinary start
  const lead = crisis
    ? {
        zh: '血压达危象范围：先评估高血压急症/亚急症。',
        en: 'Crisis-range BP: assess for hypertensive emergency vs urgency first. ',
      }
    : { zh: '', en: '' };
  // The BP (often a home mean) as every screen shows it: never across the target beside it (decision 0027).
  const bp = shownProposalBp(input.bp, target);
  return {
    zh: `${lead.zh}${title.zh}：${kind.zh}血压 ${bp.sbp}/${bp.dbp} mmHg，目标 ${targetText}（${met ? '已达标' : '未达标'}）。${d.zh}${all.length ? `:${orderText('zh')}` : ''}。${core.followUp.days}天后随访。`,
    en: `${lead.en}${title.en}: ${kind.en}BP ${bp.sbp}/${bp.dbp} mmHg vs target ${targetText} (${met ? 'at target' : 'above target'}). ${d.en.charAt(0).toUpperCase()}${d.en.slice(1)}${all.length ? `: ${orderText('en')}` : ''}. Follow up in ${core.followUp.days} days.`,
  };
}

export function commonNotes(
  input: TreatmentInput,
  ctx: Ctx,
  core: Core,
  target: { sbp: number; dbp?: number; source: string },
): Text[] {
  const notes: Text[] = [];
  const c = input.conditions;
  // Current agents with a caution (contraindications and K⁺ rules become stop/reduce orders, regimen-review.ts)
  const avoided = avoidedWithKind(input).filter((a) => a.kind === 'caution');
  for (const m of input.current) {
    const hits = avoided.filter((a) => a.cls === m.cls);
    if (!hits.length) continue;
    const name = AGENTS[m.agent]?.name ?? { zh: m.agent, en: m.agent };
    notes.push({
      zh: `请复核正在使用的${name.zh}：${hits.map((h) => h.reason.zh).join(';')}`,
      en: `Review current ${name.en}: ${hits.map((h) => h.reason.en).join('; ')}`,
    });
  }
  if (
    input.current.some((m) => m.cls === 'acei') &&
    input.current.some((m) => m.cls === 'arb') &&
    !(core.stops ?? []).some((x) => x.cls === 'acei' || x.cls === 'arb')
  )
    notes.push({
      zh: 'ACEI与ARB同时使用：不推荐，请停用其一',
      en: 'ACE inhibitor and ARB together: not recommended — stop one',
    }); // §6 row 1
  // K⁺/creatinine after starting or increasing RAS blockers / diuretics (§6 row 3 "within 1 week–1 month"; §5.2)
  const labClasses: readonly Cls[] = ['acei', 'arb', 'thiazide', 'loop', 'mra'];
  const startsOrIncreases = core.orders.filter((o) => o.action !== 'reduce');
  if (
    startsOrIncreases.some(
      (o) => o.classes.some((x) => labClasses.includes(x)) && !o.classes.every((x) => x === 'mra'),
    )
  )
    notes.push({
      zh: '开始或加量ACEI/ARB/利尿剂后1–2周复查血钾和肌酐（肌酐升高≤30%可接受）',
      en: 'Check K⁺ and creatinine 1–2 weeks after starting or increasing an ACE inhibitor/ARB/diuretic (a creatinine rise up to 30% is acceptable)',
    });
  // §5.3 spironolactone: K⁺ and creatinine at 1 week, 1 month, then periodically; §6 row 3 MRA + ACEi/ARB (hyperkalaemia)
  const mraIncreased = core.orders.some((o) => o.action === 'increase' && o.classes.includes('mra'));
  const mraWithRas =
    input.current.some((m) => m.cls === 'mra') &&
    input.current.some((m) => m.cls === 'acei' || m.cls === 'arb');
  const mraNoteGiven = core.notes.some((n) => n.en.includes('after starting spironolactone'));
  if (mraIncreased)
    notes.push({
      zh: '螺内酯加量后1周、1个月复查血钾和肌酐，之后定期复查',
      en: 'Check K⁺ and creatinine 1 week and 1 month after increasing spironolactone, then periodically',
    });
  else if (mraWithRas && !mraNoteGiven && !core.orders.some((o) => o.classes.includes('mra')))
    notes.push({
      zh: '醛固酮受体拮抗剂与ACEI/ARB合用：高钾血症风险，定期复查血钾和肌酐',
      en: 'MRA with an ACE inhibitor/ARB: hyperkalaemia risk — check K⁺ and creatinine regularly',
    });
  if (core.orders.some((o) => o.classes.includes('arb')) && c.angioedemaHistory)
    notes.push({
      zh: 'ACEI相关血管性水肿史：ARB可谨慎使用',
      en: 'Prior ACE-inhibitor angioedema: ARB may be used with caution',
    }); // §5.2 ARB cautions
  if (core.orders.some((o) => o.components))
    notes.push({
      zh: '单片复方制剂：请按本院目录确认可用规格',
      en: 'Single-pill combination: confirm the strength is available in the local formulary',
    });
  if (ctx.pregnant)
    notes.push({
      zh: '妊娠期：仅用拉贝洛尔、长效硝苯地平或甲基多巴，与产科共同管理；此处未给出妊娠期专用血压目标，以上为一般人群目标',
      en: 'Pregnancy: labetalol, long-acting nifedipine or methyldopa only, co-managed with obstetrics; pregnancy-specific BP targets are not given here — the general target is shown',
    }); // §5.2 pregnancy
  notes.push(...ctx.edition.notes(input));
  if (input.bpSource !== 'office') {
    // REFERENCE §2.1 Table 11 / §2.2: out-of-office means against the equivalent out-of-office target
    const tt = `<${target.sbp}${target.dbp === undefined ? '' : `/${target.dbp}`}`;
    const home = input.bpSource === 'home';
    notes.push({
      zh: `决策所用血压为${home ? '家庭' : '动态（日间）'}血压均值：与由诊室目标换算的${home ? '家庭' : '日间动态'}血压目标 ${tt} mmHg 比较（${target.source}）`,
      en: `BP used is a ${home ? 'home' : 'daytime ambulatory'} mean: compared with the ${home ? 'home' : 'daytime ambulatory'} target ${tt} mmHg derived from the office target (${target.source})`,
    });
  }
  if (core.decision !== 'maintain' && core.decision !== 'no-drug')
    notes.push({
      zh: '同时进行生活方式干预（限盐、减重、运动、限酒、戒烟）',
      en: 'Lifestyle measures alongside (salt, weight, exercise, alcohol, smoking)',
    });
  return notes;
}
