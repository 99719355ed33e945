/** 中国高血压防治指南 2018 (REFERENCE §7.3, risk floor §3.4): initiation, follow-up and step choices. */
import { classifyOfficeBp } from '@qihuang/engines/blood-pressure';
import type { Guideline, Text, TreatmentInput } from '../../types.ts';
import { initiationMaker } from '../make.ts';
import type { GuidelineEdition, Initiation, InitiationArgs } from '../types.ts';

type Risk = 'low' | 'medium' | 'high' | 'very-high';
const RISK_RANK: Record<Risk, number> = { low: 0, medium: 1, high: 2, 'very-high': 3 };

/** China risk: the given level, raised to the floor implied by the known conditions (REFERENCE §3.4). */
export function chinaRisk(input: TreatmentInput, category: string): Risk | undefined {
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

/** The China 2018 initiation algorithm (china-2024 reuses it). */
export function chinaInitiation(g: Guideline, { input, over }: InitiationArgs): Initiation {
  const bp = input.bp;
  const cat = classifyOfficeBp(bp, g).category;
  const notes: Text[] = [];
  const make = initiationMaker(notes);
  const lifestyleMonths = input.lifestyleMonths ?? 0;
  const s = '中国高血压防治指南 2018（初诊高血压患者的评估及监测程序）'; // REFERENCE §7.3
  const risk = chinaRisk(input, cat);
  if (!input.chinaRisk)
    notes.push({
      zh: '未提供危险分层：请按指南心血管风险水平分层表分层（已按已知疾病取最低分层）', // REFERENCE §3.4
      en: 'China risk level not given: stratify with the China 2018 cardiovascular risk table (floor from known conditions used)',
    });
  const riskHigh = risk === 'high' || risk === 'very-high';
  const grade = cat === 'grade-1' || cat === 'grade-2' || cat === 'grade-3';
  const severe = bp.sbp >= 160 || bp.dbp >= 100; // §7.3 ≥160/100
  const combo = severe || over.sbp > 20 || over.dbp > 10 || riskHigh; // §7.3 ≥160/100, >20/10 above target, high risk
  const start = (rule: string, zh: string, en: string): Initiation =>
    combo
      ? make(
          'start-combination',
          `${rule}; ≥160/100, >20/10 mmHg above target or high/very-high risk → low-dose two-drug combination or single-pill combination`,
          `${zh}；≥160/100、高于目标 >20/10 mmHg或高危：小剂量两药联合或单片复方`,
          `${en}; ≥160/100, >20/10 mmHg above target or high risk: low-dose two-drug combination or single pill`,
          s,
        )
      : make(
          'start-monotherapy',
          `${rule}; <160/100, ≤20/10 above target, not high risk → start one drug`,
          `${zh}；单药起始`,
          `${en}; start one drug`,
          s,
        );
  if (grade && riskHigh)
    return start(
      `${risk === 'very-high' ? 'very high' : 'high'} risk → start drug treatment now`,
      `${risk === 'very-high' ? '很高危' : '高危'}：立即药物治疗`,
      `${risk === 'very-high' ? 'Very high' : 'High'} risk: drug treatment now`,
    );
  // ≥160/100 (grade 2–3): the §7.3 initial-combination rule presupposes drug treatment (documented choice)
  if (cat === 'grade-2' || cat === 'grade-3')
    return start('grade 2–3 (≥160/100) → drug treatment', '2–3级：药物治疗', 'Grade 2–3: drug treatment');
  if (cat === 'grade-1') {
    const medium = risk === 'medium';
    const need = medium ? 1 : 3; // §7.3 中危 "数周" (1 month, engine choice) / 低危 "1–3 个月" (3)
    if (lifestyleMonths >= need)
      return start(
        `grade 1, ${medium ? 'medium' : 'low'} risk, still ≥140/90 after lifestyle → start drugs`,
        `1级${medium ? '中危' : '低危'}，生活方式干预后仍 ≥140/90`,
        `Grade 1, ${medium ? 'medium' : 'low'} risk, still ≥140/90 after lifestyle`,
      );
    return medium
      ? make(
          'lifestyle-first',
          'grade 1, medium risk → lifestyle for a few weeks, drugs if still ≥140/90',
          '1级中危：生活方式干预数周',
          'Grade 1, medium risk: lifestyle for a few weeks',
          s,
        )
      : make(
          'lifestyle-first',
          'grade 1, low risk → lifestyle for 1–3 months, drugs if still ≥140/90',
          '1级低危：生活方式干预1–3个月',
          'Grade 1, low risk: lifestyle for 1–3 months',
          s,
        );
  }
  notes.push({
    zh: '血压 <140/90：中国指南以 ≥140/90 为药物起始阈值（糖尿病/高危患者可个体化）',
    en: 'BP <140/90: China 2018 starts drugs at ≥140/90 (individualise for diabetes/high risk)',
  });
  return make(
    'lifestyle-first',
    'high-normal above target → lifestyle (drug threshold ≥140/90)',
    '正常高值：生活方式干预',
    'High-normal: lifestyle',
    s,
  );
}

export const CHINA_2018: GuidelineEdition = {
  id: 'china-2018',
  title: { zh: '中国高血压防治指南2018', en: 'China 2018' },
  treatmentSource: '中国高血压防治指南 2018（降压药物治疗）', // REFERENCE §7.3
  followUp: {
    // REFERENCE §7.3 China 2018 5.7 "每2–4周随访直至达标" / "达标后每3个月随访" (UNVERIFIED): users see the choice only
    changed: { days: 28, source: 'clinician judgement: follow up 4 weeks after a start or change' }, // §7.3 2–4 weeks
    controlled: { days: 90, source: 'clinician judgement: follow up every 3 months once controlled' }, // §7.3 3 months
    // §7.3 medium risk "数周", low risk "1–3 个月…密切随诊": re-check at 4 weeks (engine choice)
    lifestyle: { days: 28, source: 'clinician judgement: re-check after 4 weeks of lifestyle measures' },
    // REFERENCE §1.5 China 2018 高血压亚急症 has no review interval; 7 days is an engine choice (UNVERIFIED), the same
    // as ESH 2023 "≥180/110 within one week" (§7.2 [V1]); users see it as clinician judgement.
    crisis: {
      days: 7,
      source:
        'hypertensive urgency (中国高血压防治指南 2018 高血压亚急症): review within 1 week — interval by clinician judgement',
    },
    // §7.3 "每2–4周随访直至达标" (UNVERIFIED): grade 3 (≥180/≥110, §1.3) takes the 2-week end of the window
    severe: {
      test: (bp) => bp.sbp >= 180 || bp.dbp >= 110, // §1.3 grade 3 ≥180 and/or ≥110
      followUp: {
        days: 14,
        source: 'clinician judgement: grade 3 hypertension — follow up 2 weeks after a start or change',
      },
    },
  },
  initiation: (args) => chinaInitiation('china-2018', args),
  thiazideAgent: 'hydrochlorothiazide',
  aceiFirstInCkd: false,
  ccbBetaBlockerPair: true, // §7.3 DHP CCB + β-blocker is a preferred pair
  crisis: {
    test: (bp) => bp.sbp > 180 || bp.dbp > 120, // §1.5 China 2018 高血压急症 "一般 >180/120" (wording UNVERIFIED)
    rule: 'SBP >180 or DBP >120',
    source: '中国高血压防治指南 2018（高血压急症和亚急症）',
  },
  addClassFirst: () => false,
  addStep: () => ({ step: 'add the next preferred class', zhSuffix: '' }),
  notes: () => [],
};
