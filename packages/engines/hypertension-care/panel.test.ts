import { describe, expect, it } from 'vitest';
import { rankPanel } from './panel.ts';
import type { PanelEntry } from './types.ts';

const e = (patientId: string, over: Partial<PanelEntry> = {}): PanelEntry => ({
  patientId,
  openAlerts: 0,
  crisisAlerts: 0,
  ...over,
});

describe('rankPanel', () => {
  it('crisis ≫ other alerts > uncontrolled (by excess) > non-adherent > overdue > drafts; ties by patientId', () => {
    const ranks = rankPanel([
      e('z-none'),
      e('drafts', { pendingDrafts: 2 }),
      e('overdue', { daysOverdue: 5 }),
      e('nonadh', { adherenceFraction: 0.5 }),
      e('uncontrolled-10', { controlled: false, excessSbp: 10 }),
      e('uncontrolled-30', { controlled: false, excessSbp: 30 }),
      e('alert', { openAlerts: 1 }),
      e('crisis', { openAlerts: 1, crisisAlerts: 1 }),
      e('a-none'),
    ]);
    expect(ranks.map((r) => r.patientId)).toEqual([
      'crisis',
      'alert',
      'uncontrolled-30',
      'uncontrolled-10',
      'nonadh',
      'overdue',
      'drafts',
      'a-none',
      'z-none',
    ]);
    expect(ranks[0]?.reasons.map((r) => r.code)).toEqual(['crisis']); // its one open alert is the crisis alert
    expect(ranks.at(-1)?.score).toBe(0);
  });
  it('a lower tier never outranks a higher one, whatever its size', () => {
    const everythingLow = e('low', {
      adherenceFraction: 0,
      medicationAdherence: 0,
      daysOverdue: 400,
      pendingDrafts: 50,
    });
    const uncontrolled = e('unc', { controlled: false, excessSbp: 0 });
    const hugeExcess = e('huge', {
      controlled: false,
      excessSbp: 300,
      adherenceFraction: 0,
      daysOverdue: 400,
      pendingDrafts: 50,
    });
    const oneAlert = e('alert', { openAlerts: 1 });
    expect(rankPanel([everythingLow, uncontrolled, hugeExcess, oneAlert]).map((r) => r.patientId)).toEqual([
      'alert',
      'huge',
      'unc',
      'low',
    ]);
  });
  it('adherence below 0.8 (monitoring or medication) is non-adherent; 0.8 is not', () => {
    expect(rankPanel([e('a', { adherenceFraction: 0.8 })])[0]?.score).toBe(0);
    const r = rankPanel([e('a', { adherenceFraction: 0.9, medicationAdherence: 0.6 })])[0];
    expect(r?.reasons.map((x) => x.code)).toEqual(['non-adherent']);
    expect(r?.reasons[0]?.display.en).toBe('Low adherence: medication 60%');
    expect(r?.reasons[0]?.display.zh).toContain('服药依从性 60%');
  });
  it('reasons are bilingual and listed in tier order', () => {
    const r = rankPanel([e('p', { controlled: false, excessSbp: 12, daysOverdue: 3, pendingDrafts: 1 })])[0];
    expect(r?.reasons.map((x) => x.code)).toEqual(['uncontrolled', 'overdue', 'drafts']);
    expect(r?.reasons[0]?.display).toEqual({
      zh: '血压未达标（收缩压超目标 12 mmHg）',
      en: 'Above target (SBP +12 mmHg)',
    });
  });
});
