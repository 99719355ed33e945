/** An alert's text once its readings were withdrawn as entered in error (issue 20, decision 0020). */
import { describe, expect, it } from 'vitest';
import { alertSummaryNow, alertTextNow, allReadingsWithdrawn, withdrawnNote } from './withdrawn-text.ts';

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

  it('the raising reading withdrawn, a joined one stands: the withdrawn values named (issue 20)', () => {
    const a = {
      ...crisis,
      readings: ['bp-1', 'bp-2'],
      joined: [{ id: 'bp-2', sbp: 190, dbp: 124, joinedAt: '2026-03-10T05:00:00Z' }],
      withdrawn: [byPatient],
    };
    expect(allReadingsWithdrawn(a)).toBe(false);
    expect(withdrawnNote(a)).toEqual({
      zh: '读数 185/122 mmHg 已撤回（录入错误）',
      en: 'reading 185/122 mmHg withdrawn as entered in error',
    });
  });

  it('one of an alert’s several raising readings withdrawn: counted (which values it had is not known)', () => {
    const a = { ...crisis, readings: ['bp-1', 'bp-0'], withdrawn: [byPatient] };
    expect(withdrawnNote(a)).toEqual({
      zh: '其中 1 条读数已撤回（录入错误）',
      en: '1 of its readings withdrawn as entered in error',
    });
  });

  it('an alert that names no reading (a reported emergency without one) is never “all withdrawn”', () => {
    expect(allReadingsWithdrawn({ readings: [], values: {} })).toBe(false);
  });
});

/**
 * Issue 20 (SAFETY, a non-author try): 185/122 joined the patient's open crisis alert (“最新危急读数 185/122”) and was
 * withdrawn as entered in error; the alert's text still quoted it as the latest crisis reading in the inbox.
 */
describe('the alert’s text now: a withdrawn joined reading is never quoted as the latest', () => {
  const raised = {
    zh: '血压重度升高 199/130 mmHg（8 次读数），请立即评估有无靶器官损害症状。',
    en: 'Severe BP 199/130 mmHg (8 readings); assess urgently for target-organ damage',
  };
  const joined185 = {
    id: 'bp-9',
    time: '2026-12-07T22:15:00Z',
    sbp: 185,
    dbp: 122,
    joinedAt: '2026-12-07T22:17:00Z',
  };
  const joined188 = {
    id: 'bp-8',
    time: '2026-12-07T22:05:00Z',
    sbp: 188,
    dbp: 121,
    joinedAt: '2026-12-07T22:07:00Z',
  };
  const base = {
    readings: ['bp-1', 'bp-2', 'bp-8', 'bp-9'],
    values: { sbp: 199, dbp: 130 },
    raisedSummary: raised,
  };
  const shanghai = () => 480;
  const withdrawn9 = { ...byPatient, id: 'bp-9' };

  it('nothing withdrawn: the stored text as it is', () => {
    const summary = { zh: 'stored zh', en: 'stored en' };
    expect(alertSummaryNow({ ...base, summary, joined: [joined188, joined185] }, shanghai)).toBe(summary);
  });

  it('the latest joined reading withdrawn, an earlier joined one stands: that one is the latest, the withdrawn named', () => {
    const now = alertSummaryNow(
      {
        ...base,
        summary: { zh: '最新危急读数 185/122 mmHg', en: 'latest crisis reading 185/122 mmHg' },
        joined: [joined188, joined185],
        withdrawn: [withdrawn9],
      },
      shanghai,
    );
    expect(now.zh).toBe(
      '血压重度升高 199/130 mmHg（8 次读数）；之后又有危急读数 1 次，最新危急读数 188/121 mmHg，测量于 2026-12-08 06:05，请立即评估有无靶器官损害症状。读数 185/122 mmHg 已撤回（录入错误）。',
    );
    expect(now.en).toBe(
      'Severe BP 199/130 mmHg (8 readings); 1 more crisis reading since, latest crisis reading 188/121 mmHg, measured 2026-12-08 06:05; assess urgently for target-organ damage. Reading 185/122 mmHg withdrawn as entered in error.',
    );
  });

  it('the only joined reading withdrawn: the raised text, the withdrawn reading named, never “latest 185/122”', () => {
    const now = alertSummaryNow(
      {
        ...base,
        readings: ['bp-1', 'bp-2', 'bp-9'],
        summary: { zh: '最新危急读数 185/122 mmHg', en: 'latest crisis reading 185/122 mmHg' },
        joined: [joined185],
        withdrawn: [withdrawn9],
      },
      shanghai,
    );
    expect(now.zh).toBe(
      '血压重度升高 199/130 mmHg（8 次读数），请立即评估有无靶器官损害症状。读数 185/122 mmHg 已撤回（录入错误）。',
    );
    expect(now.zh).not.toMatch(/最新危急读数/);
    expect(now.en).not.toMatch(/latest/);
    expect(now.en).toMatch(/Reading 185\/122 mmHg withdrawn as entered in error\.$/);
  });

  it('every reading withdrawn (raising and joined): each withdrawn value named, the alert still to be closed', () => {
    const now = alertSummaryNow(
      {
        readings: ['bp-1', 'bp-9'],
        values: { sbp: 199, dbp: 130 },
        raisedSummary: {
          zh: '血压重度升高 199/130 mmHg（1 次读数），请立即评估有无靶器官损害症状。',
          en: 'Severe BP 199/130 mmHg (1 reading); assess urgently for target-organ damage',
        },
        summary: { zh: 'x', en: 'x' },
        joined: [joined185],
        withdrawn: [{ ...byPatient, id: 'bp-1' }, withdrawn9],
      },
      shanghai,
    );
    expect(now.zh).toBe(
      '血压重度升高 199/130 mmHg（1 次读数），请立即评估有无靶器官损害症状。读数 199/130、185/122 mmHg 已由患者撤回（录入错误），此提醒仍待处置。',
    );
    expect(now.en).toBe(
      'Severe BP 199/130 mmHg (1 reading); assess urgently for target-organ damage. Readings 199/130, 185/122 mmHg withdrawn by the patient as entered in error; this alert still needs to be closed.',
    );
  });

  it('an alert without joined readings: its own text with the note (as alertTextNow)', () => {
    const a = { ...crisis, withdrawn: [byPatient] };
    expect(alertSummaryNow(a, shanghai)).toEqual(alertTextNow(a));
  });
});
