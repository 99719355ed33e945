/**
 * How pressing a patient on the clinician's panel is, in words (issue 20 try: the panel showed the ranking's raw
 * score, '分值 101230'). The engine ranks by tiers (packages/engines/hypertension-care/panel.ts: crisis alerts ≫
 * other open alerts > above the home target > non-adherent > overdue follow-up > drafts to sign); the row's
 * highest tier names its priority. Operational grouping, not a guideline number.
 */
import type { PanelEntry } from '../../api/care.ts';

export type PanelPriority = 'critical' | 'high' | 'medium' | 'low' | 'none';

const TIER: Record<PanelEntry['reasons'][number]['code'], Exclude<PanelPriority, 'none'>> = {
  emergency: 'critical',
  crisis: 'critical',
  alerts: 'high',
  uncontrolled: 'medium',
  'non-adherent': 'low',
  overdue: 'low',
  drafts: 'low',
};
const ORDER: PanelPriority[] = ['critical', 'high', 'medium', 'low', 'none'];

export function panelPriority(entry: Pick<PanelEntry, 'reasons'>): PanelPriority {
  return entry.reasons
    .map((r) => TIER[r.code])
    .reduce<PanelPriority>((best, p) => (ORDER.indexOf(p) < ORDER.indexOf(best) ? p : best), 'none');
}

/** The badge each priority wears (the reasons' colours). */
export const PRIORITY_BADGE: Record<PanelPriority, string> = {
  critical: 'badge-critical',
  high: 'badge-warning',
  medium: 'badge-warning',
  low: 'badge-info',
  none: 'badge-ok',
};
