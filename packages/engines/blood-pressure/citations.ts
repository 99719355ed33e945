/**
 * User-facing citations: guideline name and section/table as REFERENCE.md records them. Internal references
 * ("REFERENCE §…") and verification tags stay in code comments; what REFERENCE marks UNVERIFIED is not cited
 * to users beyond the guideline's name.
 */
import type { Guideline } from './types.ts';

export const GUIDELINE_NAME: Record<Guideline, { zh: string; en: string }> = {
  'acc-aha-2017': { zh: 'ACC/AHA 2017', en: 'ACC/AHA 2017' },
  'esh-2023': { zh: 'ESH 2023', en: 'ESH 2023' },
  'china-2018': { zh: '中国高血压防治指南 2018', en: '中国高血压防治指南 2018 (China 2018)' },
  'china-2024': { zh: '中国高血压防治指南 2024', en: '中国高血压防治指南 2024 (China 2024)' },
};

/** Office classification: REFERENCE §1.1 (Table 6) [V2], §1.2 (section 3; table number UNVERIFIED), §1.3, §1.4 [V1]. */
export const CLASSIFICATION_SOURCE: Record<Guideline, string> = {
  'acc-aha-2017': 'ACC/AHA 2017 Table 6 (categories of BP in adults)',
  'esh-2023': 'ESH 2023 (office BP classification)',
  'china-2018': '中国高血压防治指南 2018（血压水平分类和定义）',
  'china-2024': '中国高血压防治指南 2024（血压水平分类）',
};

/** Crisis range: REFERENCE §1.5 (ACC/AHA 2017 §11.2; ESH 2023; China 2018 — exact wording UNVERIFIED). */
export const CRISIS_SOURCE: Record<Guideline, string> = {
  'acc-aha-2017': 'ACC/AHA 2017 §11.2 (hypertensive crises)',
  'esh-2023': 'ESH 2023 (hypertensive emergencies)',
  'china-2018': '中国高血压防治指南 2018（高血压急症和亚急症）',
  'china-2024': '中国高血压防治指南 2018（高血压急症和亚急症）',
};

/** Out-of-office thresholds: REFERENCE §2.1 (ACC/AHA 2017 Table 11) [V2]; §2.2 (ESH 2023, China 2018/2024) [V2]. */
export const OUT_OF_OFFICE_SOURCE: Record<Guideline, string> = {
  'acc-aha-2017': 'ACC/AHA 2017 Table 11 (corresponding office, home and ambulatory values)',
  'esh-2023': 'ESH 2023 (out-of-office hypertension thresholds)',
  'china-2018': '中国高血压防治指南 2018（诊室外血压诊断标准）',
  'china-2024': '中国高血压防治指南 2024（诊室外血压诊断标准）',
};

/** HBPM protocol: REFERENCE §2.3 (wording UNVERIFIED for all three; China 5–7-day diagnosis [V1]). */
export const HBPM_SOURCE: Record<Guideline, string> = {
  'acc-aha-2017': 'ACC/AHA 2017 (home BP monitoring procedures)',
  'esh-2023': 'ESH 2023 (home BP monitoring)',
  'china-2018': '中国高血压防治指南 2018（家庭血压监测）',
  'china-2024': '中国高血压防治指南 2018（家庭血压监测）',
};

/** White-coat / masked matrix: REFERENCE §2.5 (ACC/AHA 2017 table number UNVERIFIED). */
export const PHENOTYPE_SOURCE: Record<Guideline, string> = {
  'acc-aha-2017': 'ACC/AHA 2017 (white-coat and masked hypertension)',
  'esh-2023': 'ESH 2023 (white-coat and masked hypertension)',
  'china-2018': '中国高血压防治指南 2018（白大衣性高血压与隐蔽性高血压）',
  'china-2024': '中国高血压防治指南 2024（白大衣性高血压与隐蔽性高血压）',
};

/** Dipping (REFERENCE §2.4: ESH 2013 ABPM position paper, UNVERIFIED) and BPV (§2.6: no guideline cut-offs). */
export const DIPPING_SOURCE = 'standard ABPM dipping categories (clinician judgement)';
export const VARIABILITY_SOURCE = 'BP variability reported without cut-offs (no guideline threshold)';
