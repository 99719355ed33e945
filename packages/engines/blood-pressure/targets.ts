/** Treatment-target check per population and guideline (REFERENCE §7.1–§7.4; largely UNVERIFIED there). */
import type { BpValue, Explanation, Guideline } from './types.ts';

export interface TargetPopulation {
  age: number;
  diabetes?: boolean;
  ckd?: boolean;
  /** CKD with proteinuria/albuminuria (China 2018 <130/80). */
  proteinuria?: boolean;
  /** Use the "if tolerated" (more intensive) target where the guideline gives one. */
  tolerated?: boolean;
}

export interface Target {
  /** Upper limits (exclusive): met when SBP < sbp and (dbp undefined or DBP < dbp). */
  sbp: number;
  dbp?: number;
  /** ESH ≥80: SBP band lower bound (below it is "over-treated"? reported only). */
  sbpLowerAdvisory?: number;
  rule: string;
  source: string;
}

export interface TargetCheck extends Explanation {
  met: boolean;
  target: Target;
  /** mmHg reduction needed to get below the target limit, integer readings (0 when met). */
  excess: BpValue;
}

/** Chooses the target (§7.4 summary table). */
export function targetFor(guideline: Guideline, p: TargetPopulation): Target {
  switch (guideline) {
    case 'acc-aha-2017':
      if (p.age >= 65 && !p.diabetes && !p.ckd)
        return { sbp: 130, rule: 'age ≥65: SBP <130', source: 'REFERENCE §7.1, §7.4' }; // §7.1 older adults SBP <130
      return {
        sbp: 130,
        dbp: 80,
        rule: p.diabetes || p.ckd ? 'diabetes/CKD: <130/80' : 'general: <130/80',
        source: 'REFERENCE §7.1, §7.4',
      }; // §7.1 <130/80
    case 'esh-2023':
      if (p.diabetes || p.ckd)
        return {
          sbp: 130,
          dbp: 80,
          rule: 'diabetes/CKD: <130/80 if tolerated',
          source: 'REFERENCE §7.2, §7.4',
        }; // §7.2
      if (p.age >= 80)
        return {
          sbp: 150,
          dbp: 80,
          sbpLowerAdvisory: p.tolerated ? 130 : 140,
          rule: 'age ≥80: SBP 140–150 (130–139 if tolerated), DBP <80',
          source: 'REFERENCE §7.2, §7.4',
        }; // §7.2 ≥80
      if (p.age >= 65)
        return p.tolerated
          ? { sbp: 130, dbp: 80, rule: 'age 65–79 if tolerated: <130/80', source: 'REFERENCE §7.2' } // §7.2 65–79 tolerated
          : { sbp: 140, dbp: 80, rule: 'age 65–79: <140/80', source: 'REFERENCE §7.2, §7.4' }; // §7.2 65–79
      return { sbp: 130, dbp: 80, rule: 'age 18–64: <130/80', source: 'REFERENCE §7.2, §7.4' }; // §7.2 18–64
    case 'china-2018':
    case 'china-2024': {
      const s = `REFERENCE §7.3, §7.4${guideline === 'china-2024' ? ' (2024 targets UNVERIFIED; 2018 values used)' : ''}`;
      if (p.diabetes) return { sbp: 130, dbp: 80, rule: '糖尿病 <130/80', source: s }; // §7.3 diabetes
      if (p.ckd)
        return p.proteinuria
          ? { sbp: 130, dbp: 80, rule: 'CKD 有蛋白尿 <130/80', source: s } // §7.3 CKD with proteinuria
          : { sbp: 140, dbp: 90, rule: 'CKD 无蛋白尿 <140/90', source: s }; // §7.3 CKD without proteinuria
      if (p.age >= 80) return { sbp: 150, dbp: 90, rule: '≥80 岁 <150/90', source: s }; // §7.3 ≥80
      if (p.age >= 65)
        return p.tolerated
          ? { sbp: 140, dbp: 90, rule: '65–79 岁 能耐受 <140/90', source: s } // §7.3 65–79 tolerated
          : { sbp: 150, dbp: 90, rule: '65–79 岁 <150/90', source: s }; // §7.3 65–79
      return p.tolerated
        ? { sbp: 130, dbp: 80, rule: '一般患者 能耐受 <130/80', source: s } // §7.3 general tolerated
        : { sbp: 140, dbp: 90, rule: '一般患者 <140/90', source: s }; // §7.3 general
    }
  }
}

export function checkTarget(bp: BpValue, guideline: Guideline, population: TargetPopulation): TargetCheck {
  const target = targetFor(guideline, population);
  const sbpOver = Math.max(0, bp.sbp - target.sbp + (bp.sbp >= target.sbp ? 1 : 0));
  const dbpOver =
    target.dbp === undefined ? 0 : Math.max(0, bp.dbp - target.dbp + (bp.dbp >= target.dbp ? 1 : 0));
  const met = bp.sbp < target.sbp && (target.dbp === undefined || bp.dbp < target.dbp);
  const t = `<${target.sbp}${target.dbp === undefined ? '' : `/${target.dbp}`}`;
  return {
    met,
    target,
    excess: { sbp: sbpOver, dbp: dbpOver },
    rule: target.rule,
    source: target.source,
    inputs: { sbp: bp.sbp, dbp: bp.dbp, guideline, ...population },
    display: {
      zh: `血压 ${bp.sbp.toFixed(0)}/${bp.dbp.toFixed(0)} mmHg,目标 ${t}:${met ? '已达标' : '未达标'}`,
      en: `BP ${bp.sbp.toFixed(0)}/${bp.dbp.toFixed(0)} mmHg vs target ${t}: ${met ? 'at target' : 'above target'}`,
    },
  };
}
