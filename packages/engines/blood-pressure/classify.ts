/** Office BP classification per guideline (REFERENCE §1.1–§1.5). Pure. */
import { CLASSIFICATION_SOURCE, CRISIS_SOURCE } from './citations.ts';
import { shownMmHg } from './display-rounding.ts';
import { QihuangError } from '@qihuang/contracts';
import type { BpValue, Explanation, Guideline, Text } from './types.ts';

export type AccAhaCategory = 'normal' | 'elevated' | 'stage-1' | 'stage-2';
export type EshCategory = 'optimal' | 'normal' | 'high-normal' | 'grade-1' | 'grade-2' | 'grade-3';
export type ChinaCategory = 'normal' | 'high-normal' | 'grade-1' | 'grade-2' | 'grade-3';
export type OfficeCategory = AccAhaCategory | EshCategory | ChinaCategory;

export interface ClassifyOptions {
  /** Evidence of new or worsening acute target-organ damage / symptoms (decides emergency vs urgency, §1.5). */
  acuteOrganDamage?: boolean;
}

export interface Classification extends Explanation {
  guideline: Guideline;
  category: OfficeCategory;
  /** Ordinal rank of the category within its guideline (0 = lowest). */
  rank: number;
  /** Office hypertension (ACC/AHA ≥130/80, others ≥140/90). */
  hypertension: boolean;
  isolatedSystolic: boolean;
  isolatedDiastolic: boolean;
  /** Severe elevation needing emergency-vs-urgency assessment (§1.5). */
  crisis: boolean;
  /** Only when `crisis`: emergency if acute organ damage was reported, urgency if explicitly absent, else unknown. */
  crisisType?: 'emergency' | 'urgency' | 'unknown';
}

const LABELS: Record<string, Text> = {
  normal: { zh: '正常血压', en: 'Normal' },
  elevated: { zh: '血压升高', en: 'Elevated' },
  'stage-1': { zh: '1期高血压', en: 'Stage 1 hypertension' },
  'stage-2': { zh: '2期高血压', en: 'Stage 2 hypertension' },
  optimal: { zh: '理想血压', en: 'Optimal' },
  'high-normal': { zh: '正常高值', en: 'High-normal' },
  'grade-1': { zh: '1级高血压（轻度）', en: 'Grade 1 hypertension' },
  'grade-2': { zh: '2级高血压（中度）', en: 'Grade 2 hypertension' },
  'grade-3': { zh: '3级高血压（重度）', en: 'Grade 3 hypertension' },
};
export const ESH_NORMAL_LABEL: Text = { zh: '正常血压', en: 'Normal' };

interface Band<C> {
  category: C;
  /** Lower bound (inclusive) for SBP and DBP; the band applies if either component reaches it. */
  sbp: number;
  dbp: number;
  rule: string;
}

// REFERENCE §1.1 ACC/AHA 2017 Table 6 algorithm; discordant readings take the higher category.
const ACC_BANDS: Band<AccAhaCategory>[] = [
  { category: 'stage-2', sbp: 140, dbp: 90, rule: 'SBP ≥140 or DBP ≥90' }, // §1.1 stage 2
  { category: 'stage-1', sbp: 130, dbp: 80, rule: 'SBP 130–139 or DBP 80–89' }, // §1.1 stage 1
  { category: 'elevated', sbp: 120, dbp: Infinity, rule: 'SBP 120–129 and DBP <80' }, // §1.1 elevated (DBP must be <80)
];
// REFERENCE §1.2 ESH 2023 algorithm: highest of SBP/DBP decides.
const ESH_BANDS: Band<EshCategory>[] = [
  { category: 'grade-3', sbp: 180, dbp: 110, rule: 'SBP ≥180 and/or DBP ≥110' }, // §1.2 grade 3
  { category: 'grade-2', sbp: 160, dbp: 100, rule: 'SBP 160–179 and/or DBP 100–109' }, // §1.2 grade 2
  { category: 'grade-1', sbp: 140, dbp: 90, rule: 'SBP 140–159 and/or DBP 90–99' }, // §1.2 grade 1
  { category: 'high-normal', sbp: 130, dbp: 85, rule: 'SBP 130–139 and/or DBP 85–89' }, // §1.2 high-normal
  { category: 'normal', sbp: 120, dbp: 80, rule: 'SBP 120–129 and/or DBP 80–84' }, // §1.2 normal
];
// REFERENCE §1.3 China 2018 table (and §1.4: China 2024 grading unchanged); higher grade wins.
const CHINA_BANDS: Band<ChinaCategory>[] = [
  { category: 'grade-3', sbp: 180, dbp: 110, rule: 'SBP ≥180 和/或 DBP ≥110' }, // §1.3 3级
  { category: 'grade-2', sbp: 160, dbp: 100, rule: 'SBP 160–179 和/或 DBP 100–109' }, // §1.3 2级
  { category: 'grade-1', sbp: 140, dbp: 90, rule: 'SBP 140–159 和/或 DBP 90–99' }, // §1.3 1级
  { category: 'high-normal', sbp: 120, dbp: 80, rule: 'SBP 120–139 和/或 DBP 80–89' }, // §1.3 正常高值
];

const LOWEST: Record<Guideline, { category: OfficeCategory; rule: string }> = {
  'acc-aha-2017': { category: 'normal', rule: 'SBP <120 and DBP <80' }, // §1.1 normal
  'esh-2023': { category: 'optimal', rule: 'SBP <120 and DBP <80' }, // §1.2 optimal
  'china-2018': { category: 'normal', rule: 'SBP <120 和 DBP <80' }, // §1.3 正常血压
  'china-2024': { category: 'normal', rule: 'SBP <120 和 DBP <80' }, // §1.4 unchanged
};

/** A band rule in both languages: the tables above write "and/or" (ESH, ACC/AHA) or "和/或" (China). */
export function bandRuleText(rule: string): Text {
  return {
    zh: rule
      .replace(/and\/or/g, '和/或')
      .replace(/ and /g, ' 和 ')
      .replace(/ or /g, ' 或 '),
    en: rule
      .replace(/和\/或/g, 'and/or')
      .replace(/ 和 /g, ' and ')
      .replace(/ 或 /g, ' or '),
  };
}

function bandsFor(guideline: Guideline): Band<OfficeCategory>[] {
  switch (guideline) {
    case 'acc-aha-2017':
      return ACC_BANDS;
    case 'esh-2023':
      return ESH_BANDS;
    case 'china-2018':
    case 'china-2024':
      return CHINA_BANDS;
  }
}

/** Office hypertension threshold per guideline (§1.1 stage 1 ≥130/80; §1.2/§1.3/§1.4 ≥140/90). */
export function officeThreshold(guideline: Guideline): BpValue {
  return guideline === 'acc-aha-2017' ? { sbp: 130, dbp: 80 } : { sbp: 140, dbp: 90 };
}

/**
 * Crisis screen (§1.5): ACC/AHA and China use SBP >180 or DBP >120 (strict, as the §10.1 cases do);
 * ESH 2023 describes emergencies as "usually grade 3, ≥180/110" — we screen ESH at ≥180/110 (documented choice).
 */
function isCrisis(bp: BpValue, guideline: Guideline): boolean {
  if (guideline === 'esh-2023') return bp.sbp >= 180 || bp.dbp >= 110; // §1.5 ESH 2023 ≥180/110
  return bp.sbp > 180 || bp.dbp > 120; // §1.5 ACC/AHA 2017 §11.2 and China 2018 ">180/120"
}

export function classifyOfficeBp(
  bp: BpValue,
  guideline: Guideline,
  options: ClassifyOptions = {},
): Classification {
  if (!Number.isFinite(bp.sbp) || !Number.isFinite(bp.dbp) || bp.sbp <= 0 || bp.dbp <= 0) {
    throw new QihuangError('invalid-input', `BP values must be positive numbers, got ${bp.sbp}/${bp.dbp}`);
  }
  const bands = bandsFor(guideline);
  const index = bands.findIndex((b) => bp.sbp >= b.sbp || bp.dbp >= b.dbp);
  const hit = index >= 0 ? bands[index] : undefined;
  const category = hit ? hit.category : LOWEST[guideline].category;
  const rank = hit ? bands.length - index : 0;
  const rule = hit ? hit.rule : LOWEST[guideline].rule;
  const threshold = officeThreshold(guideline);
  const hypertension = bp.sbp >= threshold.sbp || bp.dbp >= threshold.dbp;
  // ISH/IDH flags: §1.2 (ESH) and §1.3 (China ISH); IDH as a China category is §1.4 UNVERIFIED, reported as a flag only.
  const isolatedSystolic = guideline !== 'acc-aha-2017' && bp.sbp >= 140 && bp.dbp < 90;
  const isolatedDiastolic = guideline !== 'acc-aha-2017' && bp.sbp < 140 && bp.dbp >= 90;
  const crisis = isCrisis(bp, guideline);
  const label =
    category === 'normal' && guideline === 'esh-2023'
      ? ESH_NORMAL_LABEL
      : (LABELS[category] ?? { zh: category, en: category });
  const source = CLASSIFICATION_SOURCE[guideline]; // REFERENCE §1.1–§1.4
  const result: Classification = {
    guideline,
    category,
    rank,
    hypertension,
    isolatedSystolic,
    isolatedDiastolic,
    crisis,
    rule,
    ruleText: bandRuleText(rule),
    source,
    inputs: {
      sbp: bp.sbp,
      dbp: bp.dbp,
      guideline,
      ...(options.acuteOrganDamage === undefined ? {} : { acuteOrganDamage: options.acuteOrganDamage }),
    },
    display: displayText(bp, label, isolatedSystolic, isolatedDiastolic, crisis, bands),
  };
  if (crisis) {
    result.crisisType =
      options.acuteOrganDamage === true
        ? 'emergency'
        : options.acuteOrganDamage === false
          ? 'urgency'
          : 'unknown';
    result.source += `; ${CRISIS_SOURCE[guideline]}`; // REFERENCE §1.5
  }
  return result;
}

function displayText(
  bp: BpValue,
  label: Text,
  ish: boolean,
  idh: boolean,
  crisis: boolean,
  bands: readonly Band<OfficeCategory>[],
): Text {
  const zh = [
    label.zh,
    ish ? '单纯收缩期高血压' : '',
    idh ? '单纯舒张期高血压' : '',
    crisis ? '血压重度升高：需评估高血压急症/亚急症' : '',
  ];
  const en = [
    label.en,
    ish ? 'isolated systolic hypertension' : '',
    idh ? 'isolated diastolic hypertension' : '',
    crisis ? 'severe elevation: assess for hypertensive emergency vs urgency' : '',
  ];
  // Means (HBPM, visit) are shown in whole mmHg, one decimal where that would cross a band's bound (a mean of
  // 139.6 below grade 1 never reads "140"; display-rounding.ts, decision 0027); the classification used the exact values.
  const s = shownMmHg(bp.sbp, bands.map((b) => b.sbp).filter(Number.isFinite));
  const d = shownMmHg(bp.dbp, bands.map((b) => b.dbp).filter(Number.isFinite));
  return {
    zh: `${s}/${d} mmHg：${zh.filter(Boolean).join('，')}`,
    en: `${s}/${d} mmHg: ${en.filter(Boolean).join('; ')}`,
  };
}
