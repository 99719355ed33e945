import { describe, expect, it } from 'vitest';
import { openAlertLines } from './open-alerts.ts';

describe("the pharmacist's open-emergency line", () => {
  const alert = {
    kind: 'crisis',
    summary: {
      zh: '最新危急读数 186/121 mmHg，请评估有无急症症状。',
      en: 'Latest crisis reading 186/121 mmHg; assess for emergency symptoms.',
    },
  };

  it('puts the alert text in brackets without its full stop (no "。）：")', () => {
    expect(openAlertLines([alert], 'zh-CN')).toEqual([
      '患者有未处理的血压危急值预警（最新危急读数 186/121 mmHg，请评估有无急症症状）：请与处方医生确认已先评估有无高血压急症',
    ]);
    const [en] = openAlertLines([alert], 'en');
    expect(en).toContain('(Latest crisis reading 186/121 mmHg; assess for emergency symptoms):');
  });

  it('a reported emergency is worded as reported', () => {
    const [zh] = openAlertLines([{ ...alert, kind: 'reported-emergency' }], 'zh-CN');
    expect(zh).toMatch(/^患者报告的急症尚未处理（.*症状）：/);
  });
});
