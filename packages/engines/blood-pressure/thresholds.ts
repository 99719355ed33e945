/** Out-of-office hypertension thresholds per guideline (REFERENCE §2.1, §2.2). A value is high if SBP ≥ sbp or DBP ≥ dbp. */
import type { BpValue, Guideline } from './types.ts';
import { officeThreshold } from './classify.ts';

export type Setting = 'office' | 'home' | 'day' | 'night' | '24h';

export interface SettingThresholds {
  office: BpValue;
  home: BpValue;
  day: BpValue;
  night: BpValue;
  '24h': BpValue;
}

// §2.1 ACC/AHA 2017 Table 11 row corresponding to office 130/80 (engine rule stated in §2.1).
const ACC: SettingThresholds = {
  office: officeThreshold('acc-aha-2017'),
  home: { sbp: 130, dbp: 80 }, // §2.1 HBPM 130/80
  day: { sbp: 130, dbp: 80 }, // §2.1 daytime 130/80
  night: { sbp: 110, dbp: 65 }, // §2.1 night-time 110/65
  '24h': { sbp: 125, dbp: 75 }, // §2.1 24-h 125/75
};
// §2.2 ESH 2023 = China 2018/2024 out-of-office thresholds.
const ESH_CHINA: SettingThresholds = {
  office: { sbp: 140, dbp: 90 }, // §2.2 office
  home: { sbp: 135, dbp: 85 }, // §2.2 HBPM
  day: { sbp: 135, dbp: 85 }, // §2.2 ABPM daytime
  night: { sbp: 120, dbp: 70 }, // §2.2 ABPM night-time
  '24h': { sbp: 130, dbp: 80 }, // §2.2 ABPM 24-h
};

export function thresholdsFor(guideline: Guideline): SettingThresholds {
  return guideline === 'acc-aha-2017' ? ACC : ESH_CHINA;
}

export function isHigh(bp: BpValue, threshold: BpValue): boolean {
  return bp.sbp >= threshold.sbp || bp.dbp >= threshold.dbp;
}
