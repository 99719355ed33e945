/**
 * 中国高血压防治指南 2024 (REFERENCE §1.4, §7.3): classification and out-of-office thresholds are confirmed
 * unchanged; 2024 treatment changes are UNVERIFIED, so the 2018 treatment rules are applied with a note.
 */
import { CHINA_2018, chinaInitiation } from '../china-2018/index.ts';
import type { GuidelineEdition } from '../types.ts';

export const CHINA_2024: GuidelineEdition = {
  ...CHINA_2018,
  id: 'china-2024',
  title: { zh: '中国高血压防治指南2024', en: 'China 2024' },
  initiation: (args) => chinaInitiation('china-2024', args),
  notes: () => [
    {
      zh: '中国2024版：沿用2018版治疗规则',
      en: 'China 2024: the China 2018 treatment rules are applied', // 2024 treatment changes UNVERIFIED (REFERENCE §1.4)
    }, // §1.4, §7.3
  ],
};
