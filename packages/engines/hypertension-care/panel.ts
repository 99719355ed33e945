/**
 * Clinician panel ranking (pure, deterministic). Tiers, each worth more than everything below it combined
 * (operational weights, not guideline numbers):
 *   crisis alerts (100 000 each) ≫ other open alerts (10 000 each) > uncontrolled (1 000 + 10 per mmHg excess SBP,
 *   ≤100 mmHg counted) > non-adherent (<0.8: 100 + shortfall in percentage points) > overdue follow-up
 *   (10 + days, ≤89 days counted) > pending drafts (1 each, ≤9 counted).
 * Counts are capped at 9 per tier so a lower tier can never outrank a higher one. Sorted by score (desc), then
 * patientId (code-unit order).
 */
import type { PanelEntry, PanelRank, Text } from './types.ts';

export const ADHERENCE_THRESHOLD = 0.8; // operational: <80% counts as non-adherent (common cut-off; not in REFERENCE)
const W = {
  crisis: 100_000,
  alert: 10_000,
  uncontrolled: 1_000,
  perMmHg: 10,
  nonAdherent: 100,
  overdue: 10,
  draft: 1,
};
const CAP = { count: 9, mmHg: 100, days: 89 };

type Reason = PanelRank['reasons'][number];

export function scoreEntry(e: PanelEntry): { score: number; reasons: Reason[] } {
  let score = 0;
  const reasons: Reason[] = [];
  const push = (code: Reason['code'], display: Text) => reasons.push({ code, display });
  const crisis = Math.max(0, e.crisisAlerts);
  if (crisis > 0) {
    score += W.crisis * Math.min(crisis, CAP.count);
    push('crisis', { zh: `${crisis} 条血压危象提醒`, en: `${crisis} crisis alert${crisis > 1 ? 's' : ''}` });
  }
  // openAlerts counts all open alerts, crisis ones included
  const other = Math.max(0, e.openAlerts - crisis);
  if (other > 0) {
    score += W.alert * Math.min(other, CAP.count);
    push('alerts', {
      zh: `${other} 条其他未处理提醒`,
      en: `${other} other open alert${other > 1 ? 's' : ''}`,
    });
  }
  const excess = Math.max(0, e.excessSbp ?? 0);
  if (e.controlled === false || (e.controlled === undefined && excess > 0)) {
    score += W.uncontrolled + W.perMmHg * Math.min(Math.round(excess), CAP.mmHg);
    push(
      'uncontrolled',
      excess > 0
        ? {
            zh: `血压未达标（收缩压超目标 ${Math.round(excess)} mmHg）`,
            en: `Above target (SBP +${Math.round(excess)} mmHg)`,
          }
        : { zh: '血压未达标', en: 'Above target' },
    );
  }
  const fractions = [e.adherenceFraction, e.medicationAdherence].filter((x): x is number => x !== undefined);
  const worst = fractions.length ? Math.min(...fractions) : undefined;
  if (worst !== undefined && worst < ADHERENCE_THRESHOLD) {
    score += W.nonAdherent + Math.round((ADHERENCE_THRESHOLD - Math.max(0, worst)) * 100);
    const parts: Text[] = [];
    if (e.adherenceFraction !== undefined && e.adherenceFraction < ADHERENCE_THRESHOLD)
      parts.push({
        zh: `监测依从性 ${pct(e.adherenceFraction)}`,
        en: `monitoring ${pct(e.adherenceFraction)}`,
      });
    if (e.medicationAdherence !== undefined && e.medicationAdherence < ADHERENCE_THRESHOLD)
      parts.push({
        zh: `服药依从性 ${pct(e.medicationAdherence)}`,
        en: `medication ${pct(e.medicationAdherence)}`,
      });
    push('non-adherent', {
      zh: `依从性不足：${parts.map((p) => p.zh).join('，')}`,
      en: `Low adherence: ${parts.map((p) => p.en).join(', ')}`,
    });
  }
  const overdue = Math.max(0, Math.floor(e.daysOverdue ?? 0));
  if (overdue > 0) {
    score += W.overdue + Math.min(overdue, CAP.days);
    push('overdue', {
      zh: `随访逾期 ${overdue} 天`,
      en: `Follow-up overdue by ${overdue} day${overdue > 1 ? 's' : ''}`,
    });
  }
  const drafts = Math.max(0, e.pendingDrafts ?? 0);
  if (drafts > 0) {
    score += W.draft * Math.min(drafts, CAP.count);
    push('drafts', {
      zh: `${drafts} 份待签处方草稿`,
      en: `${drafts} unsigned prescription draft${drafts > 1 ? 's' : ''}`,
    });
  }
  return { score, reasons };
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function rankPanel(entries: readonly PanelEntry[]): PanelRank[] {
  return entries
    .map((e) => ({ patientId: e.patientId, ...scoreEntry(e) }))
    .sort(
      (a, b) => b.score - a.score || (a.patientId < b.patientId ? -1 : a.patientId > b.patientId ? 1 : 0),
    );
}
