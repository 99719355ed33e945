/** ACC/AHA 2017 (REFERENCE §7.1 Figure 4): initiation, follow-up and step choices. */
import { classifyOfficeBp } from '@qihuang/engines/blood-pressure';
import type { Text } from '../../types.ts';
import { initiationMaker } from '../make.ts';
import type { GuidelineEdition, Initiation, InitiationArgs } from '../types.ts';

function initiation({ input, over }: InitiationArgs): Initiation {
  const c = input.conditions;
  const cat = classifyOfficeBp(input.bp, 'acc-aha-2017').category;
  const notes: Text[] = [];
  const make = initiationMaker(notes);
  const s = 'ACC/AHA 2017 Figure 4'; // REFERENCE §7.1
  const big = over.sbp > 20 || over.dbp > 10; // §7.1 ">20/10 mmHg above target"
  if (cat === 'stage-2')
    return big
      ? make(
          'start-combination',
          'stage 2 and BP >20/10 mmHg above target → 2 first-line agents of different classes',
          '2期且高于目标 >20/10 mmHg：两种不同类别一线药物',
          'Stage 2, >20/10 mmHg above target: two first-line agents of different classes',
          s,
        )
      : make(
          'start-monotherapy',
          'stage 2, ≤20/10 mmHg above target → BP-lowering drug',
          '2期高血压：降压药物治疗',
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
        '1期且有ASCVD、糖尿病/CKD或10年风险 ≥10%：一种降压药',
        'Stage 1 with ASCVD, diabetes/CKD or 10-year risk ≥10%: one drug',
        s,
      );
    if (risk === undefined)
      notes.push({
        zh: '未提供10年ASCVD风险：请用汇总队列方程（PCE）计算，≥10%时需药物治疗', // REFERENCE §3.1
        en: '10-year ASCVD risk not given: compute it (Pooled Cohort Equations); ≥10% calls for a drug',
      });
    return make(
      'lifestyle-first',
      'stage 1 without ASCVD and 10-y risk <10% → nonpharmacological therapy, reassess in 3–6 months',
      '1期低危：非药物治疗，3–6个月复评',
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

export const ACC_AHA_2017: GuidelineEdition = {
  id: 'acc-aha-2017',
  title: { zh: 'ACC/AHA 2017', en: 'ACC/AHA 2017' },
  treatmentSource: 'ACC/AHA 2017 Figure 4', // REFERENCE §7.1
  followUp: {
    changed: { days: 30, source: 'ACC/AHA 2017 Figure 4: reassess 1 month after a start or change' }, // §7.1 1 month [V2 secondary summaries]
    controlled: {
      days: 90,
      source: 'ACC/AHA 2017: every 3–6 months once controlled (3 months chosen)', // §7.1 [V2 secondary summaries]
    }, // §7.1 3–6 months
    // §7.1 Figure 4 stage 1 low risk "reassess 3–6 months"
    lifestyle: { days: 90, source: 'ACC/AHA 2017 Figure 4: reassess in 3–6 months (3 months chosen)' },
    // REFERENCE §1.5 defines hypertensive urgency (ACC/AHA 2017 §11.2) but gives no review interval; the only number
    // REFERENCE has for BP in this range is ESH 2023 "≥180/110: start promptly within one week" (§7.2 [V1]).
    // 7 days is an engine choice (UNVERIFIED for ACC/AHA); users see it as clinician judgement. Stage 2 below the
    // crisis range keeps Figure 4 "1 month" (§7.1): REFERENCE gives nothing shorter.
    crisis: {
      days: 7,
      source:
        'hypertensive urgency (ACC/AHA 2017 §11.2): review within 1 week — interval by clinician judgement',
    },
  },
  initiation,
  thiazideAgent: 'chlorthalidone', // §7.1 chlorthalidone preferred [V1]
  aceiFirstInCkd: true, // §7.1 CKD stage 3+ or albuminuria: ACEi (ARB if not tolerated)
  ccbBetaBlockerPair: false,
  crisis: {
    test: (bp) => bp.sbp > 180 || bp.dbp > 120, // §1.5 ACC/AHA 2017 §11.2 ">180/120" (strict, §10.1 BP17/BP18)
    rule: 'SBP >180 or DBP >120',
    source: 'ACC/AHA 2017 §11.2 (hypertensive crises)',
  },
  addClassFirst: () => false,
  addStep: () => ({ step: 'add the next preferred class', zhSuffix: '' }),
  notes: () => [],
};
