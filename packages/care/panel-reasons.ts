/**
 * A reported emergency is named on the panel as what it is (issue 20): the engine ranks every open critical alert in
 * its top tier ("crisis alerts"), and its reason said "1 条血压危象提醒" for a chest pain reported in a consultation,
 * which named neither the emergency nor the symptom. The rank is kept; the reason is split: reported emergencies,
 * with their symptoms ("患者报告急症：胸痛/胸闷" / "Reported emergency: chest pain or tightness"), first, and BP crisis
 * alerts counted apart.
 */
import type { Text } from '@qihuang/engines/blood-pressure';
import type { PanelRank } from '@qihuang/engines/hypertension-care';
import type { PanelRow } from './api-types/index.ts';

/** The alert kind the consultation triage raises for a reported emergency (emergency-flag.ts). */
const REPORTED_EMERGENCY = 'reported-emergency';

/** What the panel needs of an open alert. */
export interface PanelAlert {
  kind: string;
  severity: string;
  summary: Text;
}

/**
 * The symptoms an emergency alert names: its text after its label ("患者问诊中报告急症症状：胸痛/胸闷" →
 * "胸痛/胸闷"; "Emergency symptoms reported in the consultation: chest pain or tightness" → "chest pain or
 * tightness"), the whole text when it has no label.
 */
export function reportedSymptoms(summary: Text): Text {
  const after = (s: string, mark: string) => {
    const i = s.indexOf(mark);
    return (i >= 0 ? s.slice(i + mark.length) : s).trim().replace(/[。.]$/, '');
  };
  return { zh: after(summary.zh, '：'), en: after(summary.en, ': ') };
}

/** The engine's reasons with its critical-alert reason split into reported emergencies and BP crisis alerts. */
export function panelReasons(
  reasons: PanelRank['reasons'],
  alerts: readonly PanelAlert[],
): PanelRow['reasons'] {
  const critical = alerts.filter((a) => a.severity === 'critical');
  const emergencies = critical.filter((a) => a.kind === REPORTED_EMERGENCY);
  if (emergencies.length === 0) return reasons;
  const unique = (xs: string[]) => [...new Set(xs.flatMap((x) => x.split(/[、,，]\s*/)).filter(Boolean))];
  const symptoms = emergencies.map((a) => reportedSymptoms(a.summary));
  const zh = unique(symptoms.map((s) => s.zh)).join('、');
  const en = unique(symptoms.map((s) => s.en)).join(', ');
  const crisis = critical.length - emergencies.length;
  const split: PanelRow['reasons'] = [
    { code: 'emergency', display: { zh: `患者报告急症：${zh}`, en: `Reported emergency: ${en}` } },
    ...(crisis > 0
      ? [
          {
            code: 'crisis' as const,
            display: { zh: `${crisis} 条血压危象提醒`, en: `${crisis} crisis alert${crisis > 1 ? 's' : ''}` },
          },
        ]
      : []),
  ];
  const at = reasons.findIndex((r) => r.code === 'crisis');
  return at === -1 ? [...split, ...reasons] : [...reasons.slice(0, at), ...split, ...reasons.slice(at + 1)];
}
