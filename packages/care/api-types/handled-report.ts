import type { PatientLanguage } from '@qihuang/bp-monitoring/api-types';

/**
 * A reported emergency or same-day report a clinician closed with its recorded action in the last 72 h (decision
 * 0024 amended): a calm status note (never an alert) that follows every open box. `outcome` is the fixed phrase
 * chosen from the close (decision 0026), never the clinician's free text.
 */
export interface PatientHandledReport {
  level: 'handled';
  language: PatientLanguage;
  alertId: string;
  outcome: 'reached' | 'ambulance' | 'emergency-department' | 'handled';
  reportedAt: string;
  closedAt: string;
  /** One sentence: when it was reported, who handled it and when, what was done. */
  text: string;
  /** "If the symptoms come back, call 120 now." */
  steps: string[];
}
