/** ESH 2023 (REFERENCE §7.2): initiation, step 1 → step 2 → step 3, follow-up. */
import { classifyOfficeBp } from '@qihuang/engines/blood-pressure';
import type { Text } from '../../types.ts';
import { initiationMaker } from '../make.ts';
import type { GuidelineEdition, Initiation, InitiationArgs } from '../types.ts';

function initiation({ input }: InitiationArgs): Initiation {
  const c = input.conditions;
  const bp = input.bp;
  const cat = classifyOfficeBp(bp, 'esh-2023').category;
  const notes: Text[] = [];
  const make = initiationMaker(notes);
  const lifestyleMonths = input.lifestyleMonths ?? 0;
  const s = 'ESH 2023 (drug treatment initiation)'; // REFERENCE §7.2
  const old = input.age !== undefined && input.age >= 80; // §7.2 age ≥80 (unknown age: not assumed old)
  const monoOk = old || !!c.frail; // §7.2 monotherapy for very old (≥80) or frail
  const highRisk = !!(
    c.ascvd ||
    c.coronaryArteryDisease ||
    c.heartFailureReducedEf ||
    c.diabetes ||
    c.ckd ||
    c.albuminuria
  );
  const oldFrail = { zh: '≥80岁或衰弱：单药起始', en: 'age ≥80 or frail: one drug' };
  if (old && bp.sbp < 160) {
    // §7.2 age ≥80: start drugs at SBP ≥160 (may consider 140–159 if well tolerated)
    notes.push({
      zh: '≥80岁：收缩压 ≥160 开始药物；140–159 如耐受良好可考虑',
      en: 'Age ≥80: drugs from SBP ≥160; 140–159 may be considered if well tolerated',
    });
    return make(
      'lifestyle-first',
      'age ≥80 with SBP <160 → lifestyle; drugs from SBP ≥160',
      '≥80岁且收缩压 <160：生活方式干预',
      'Age ≥80 with SBP <160: lifestyle',
      s,
    );
  }
  if (cat === 'grade-2' || cat === 'grade-3')
    return monoOk
      ? make(
          'start-monotherapy',
          'grade 2–3, age ≥80 or frail → immediate drug, monotherapy',
          `2–3级，${oldFrail.zh}`,
          `Grade 2–3, ${oldFrail.en}`,
          s,
        )
      : make(
          'start-combination',
          'grade 2–3 → immediate drug; initial two-drug combination (preferably single pill)',
          '2–3级：立即起始两药联合（首选单片复方）',
          'Grade 2–3: start a two-drug combination now (single pill preferred)',
          s,
        );
  if (cat === 'grade-1') {
    if (highRisk)
      return monoOk
        ? make(
            'start-monotherapy',
            'grade 1 high risk, age ≥80 or frail → immediate drug, monotherapy',
            `1级高危，${oldFrail.zh}`,
            `Grade 1 high risk, ${oldFrail.en}`,
            s,
          )
        : make(
            'start-combination',
            'grade 1 with high risk (HMOD/CVD/CKD/diabetes) → immediate drug; two-drug combination',
            '1级伴高危（靶器官损害/CVD/CKD/糖尿病）：立即两药联合',
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
            '1级低中危，生活方式干预 ≥3个月未达标，<150/95：单药',
            'Grade 1 low–moderate risk, not controlled after ≥3 months of lifestyle, <150/95: one drug',
            s,
          )
        : make(
            'start-combination',
            'grade 1 low–moderate risk after ≥3 months lifestyle, BP ≥150/95 → two-drug combination',
            '1级低中危，生活方式干预 ≥3个月未达标，≥150/95：两药联合',
            'Grade 1 low–moderate risk, not controlled after ≥3 months of lifestyle, ≥150/95: two-drug combination',
            s,
          );
    }
    return make(
      'lifestyle-first',
      'grade 1, low–moderate risk → lifestyle 3–6 months, then drug if not controlled',
      '1级低中危：生活方式干预3–6个月',
      'Grade 1, low–moderate risk: lifestyle for 3–6 months',
      s,
    );
  }
  if (cat === 'high-normal' && (c.ascvd || c.coronaryArteryDisease))
    return make(
      'start-monotherapy',
      'high-normal BP with established CVD (very high risk) → consider drug, monotherapy',
      '正常高值伴已确诊心血管病：考虑单药',
      'High-normal BP with established CVD: consider one drug',
      s,
    );
  return make('lifestyle-first', 'below grade 1 → lifestyle', '生活方式干预', 'Lifestyle therapy', s);
}

export const ESH_2023: GuidelineEdition = {
  id: 'esh-2023',
  title: { zh: 'ESH 2023', en: 'ESH 2023' },
  treatmentSource: 'ESH 2023 (drug treatment strategy)', // REFERENCE §7.2
  followUp: {
    changed: {
      days: 28,
      // REFERENCE §7.4 ESH "2–4 weeks–2 months" (UNVERIFIED): users see the engine's choice only
      source: 'clinician judgement: follow up 4 weeks after a start or change',
    }, // §7.4
    controlled: {
      days: 90,
      // REFERENCE §7.4 ESH "3–6 months" when controlled (UNVERIFIED)
      source: 'clinician judgement: follow up every 3 months once controlled',
    }, // §7.4
    // §7.2 ESH grade 1 low–moderate risk lifestyle 3–6 months
    // REFERENCE §7.2 lifestyle 3–6 months (duration UNVERIFIED)
    lifestyle: { days: 90, source: 'clinician judgement: re-assess after 3 months of lifestyle measures' },
    // REFERENCE §7.2 ESH 2023 "BP ≥180/110: start promptly within one week" [V1]; the crisis range is ≥180/110
    crisis: { days: 7, source: 'ESH 2023: BP ≥180/110 — start treatment promptly, within 1 week' },
  },
  initiation,
  thiazideAgent: 'hydrochlorothiazide',
  aceiFirstInCkd: false,
  ccbBetaBlockerPair: false,
  crisis: {
    test: (bp) => bp.sbp >= 180 || bp.dbp >= 110, // §1.5 ESH 2023 emergency "usually grade 3, ≥180/110" (wording UNVERIFIED; grade 3 [V2])
    rule: 'SBP ≥180 or DBP ≥110 (grade 3)',
    source: 'ESH 2023 (grade 3 hypertension; hypertensive emergencies)',
  },
  // §7.2 ESH: step 1 dual → step 2 triple combination (add a class before up-titrating), except age ≥80/frail
  addClassFirst: (input, n) =>
    !((input.age !== undefined && input.age >= 80) || !!input.conditions.frail) && n < 3,
  addStep: (n) =>
    n >= 2
      ? {
          step: 'ESH step 2: three-drug combination (RAS blocker + CCB + diuretic)',
          zhSuffix: '（ESH第2步：三药联合）',
        }
      : { step: 'ESH step 1: two-drug combination', zhSuffix: '（ESH第1步：两药联合）' },
  notes: (input) =>
    input.current.length && input.bp.dbp < 70
      ? [
          {
            zh: 'ESH：舒张压不宜 <70 mmHg，考虑减少治疗',
            en: 'ESH: DBP should not be <70 mmHg — consider de-intensifying',
          },
        ] // §7.2 DBP not <70 (UNVERIFIED)
      : [],
};
