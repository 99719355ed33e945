/** An alert's text once its readings were withdrawn as entered in error (issue 20, decision 0020). */
import { describe, expect, it } from 'vitest';
import { alertTextNow, allReadingsWithdrawn, withdrawnNote } from './withdrawn-text.ts';

const crisis = {
  readings: ['bp-1'],
  values: { sbp: 185, dbp: 122 },
  summary: {
    zh: '血压重度升高 185/122 mmHg（1 次读数），请立即评估有无靶器官损害症状。',
    en: 'Severely elevated BP 185/122 mmHg (1 reading): assess for target-organ damage now.',
  },
};
const byPatient = { id: 'bp-1', at: '2026-03-10T04:05:00Z', by: 'patient' as const, reason: '不是我的读数' };

describe('withdrawn readings in an alert’s text', () => {
  it('nothing withdrawn: the alert’s own text', () => {
    expect(withdrawnNote(crisis)).toBeUndefined();
    expect(alertTextNow(crisis)).toBe(crisis.summary);
    expect(allReadingsWithdrawn(crisis)).toBe(false);
  });

  it('its one reading withdrawn by the patient: said after the text, the alert still to be closed', () => {
    const a = { ...crisis, withdrawn: [byPatient] };
    expect(allReadingsWithdrawn(a)).toBe(true);
    expect(alertTextNow(a)).toEqual({
      zh: '血压重度升高 185/122 mmHg（1 次读数），请立即评估有无靶器官损害症状。读数 185/122 mmHg 已由患者撤回（录入错误），此提醒仍待处置。',
      en: 'Severely elevated BP 185/122 mmHg (1 reading): assess for target-organ damage now. Reading 185/122 mmHg withdrawn by the patient as entered in error; this alert still needs to be closed.',
    });
  });

  it('by the care team; a reason in another language is never quoted into the text', () => {
    const a = { ...crisis, withdrawn: [{ ...byPatient, by: 'care-team' as const }] };
    expect(withdrawnNote(a)).toEqual({
      zh: '读数 185/122 mmHg 已由医护人员撤回（录入错误），此提醒仍待处置',
      en: 'reading 185/122 mmHg withdrawn by the care team as entered in error; this alert still needs to be closed',
    });
  });

  it('one of two readings withdrawn (a joined one stands): counted, the values not called withdrawn', () => {
    const a = {
      ...crisis,
      joined: [{ id: 'bp-2', sbp: 190, dbp: 124, joinedAt: '2026-03-10T05:00:00Z' }],
      withdrawn: [byPatient],
    };
    expect(allReadingsWithdrawn(a)).toBe(false);
    expect(withdrawnNote(a)).toEqual({
      zh: '其中 1 条读数已撤回（录入错误）',
      en: '1 of its readings withdrawn as entered in error',
    });
  });

  it('an alert that names no reading (a reported emergency without one) is never “all withdrawn”', () => {
    expect(allReadingsWithdrawn({ readings: [], values: {} })).toBe(false);
  });
});
