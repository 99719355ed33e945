import { describe, expect, it } from 'vitest';
import { rankPanel } from '@qihuang/engines/hypertension-care';
import { panelReasons, reportedSymptoms } from './panel-reasons.ts';

const chestPain = {
  kind: 'reported-emergency',
  severity: 'critical',
  summary: {
    zh: '患者问诊中报告急症症状：胸痛/胸闷',
    en: 'Emergency symptoms reported in the consultation: chest pain or tightness',
  },
};
const crisis = {
  kind: 'crisis',
  severity: 'critical',
  summary: { zh: '血压危急值 192/126 mmHg', en: 'BP crisis 192/126 mmHg' },
};

describe('the panel names a reported emergency as what it is (issue 20)', () => {
  const reasonsOf = (alerts: (typeof crisis)[]) => {
    const [rank] = rankPanel([
      { patientId: 'p', openAlerts: alerts.length, crisisAlerts: alerts.length, daysOverdue: 3 },
    ]);
    return panelReasons(rank!.reasons, alerts);
  };

  it('a chest pain reported in a consultation is not a BP crisis alert', () => {
    const reasons = reasonsOf([chestPain]);
    expect(reasons.map((r) => r.code)).toEqual(['emergency', 'overdue']);
    expect(reasons[0]!.display).toEqual({
      zh: '患者报告急症：胸痛/胸闷',
      en: 'Reported emergency: chest pain or tightness',
    });
    expect(JSON.stringify(reasons)).not.toContain('血压危象');
  });

  it('a BP crisis beside it is counted apart; one alone is unchanged', () => {
    const both = reasonsOf([chestPain, crisis]);
    expect(both.map((r) => [r.code, r.display.zh])).toEqual([
      ['emergency', '患者报告急症：胸痛/胸闷'],
      ['crisis', '1 条血压危象提醒'],
      ['overdue', '随访逾期 3 天'],
    ]);
    expect(reasonsOf([crisis]).map((r) => r.display.en)).toEqual([
      '1 crisis alert',
      'Follow-up overdue by 3 days',
    ]);
  });

  it('two emergencies name each symptom once', () => {
    const stroke = {
      ...chestPain,
      summary: {
        zh: '患者问诊中报告急症症状：单侧肢体无力、胸痛/胸闷',
        en: 'Emergency symptoms reported in the consultation: one-sided weakness, chest pain or tightness',
      },
    };
    expect(reasonsOf([chestPain, stroke])[0]!.display).toEqual({
      zh: '患者报告急症：胸痛/胸闷、单侧肢体无力',
      en: 'Reported emergency: chest pain or tightness, one-sided weakness',
    });
    expect(reportedSymptoms({ zh: '急症', en: 'Emergency.' })).toEqual({ zh: '急症', en: 'Emergency' });
  });
});
