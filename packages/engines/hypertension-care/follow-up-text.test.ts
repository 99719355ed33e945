/**
 * The proposal's follow-up line (issue 20): each language on its own, the number the engine chose (REFERENCE
 * §7.1–§7.3, crisis interval decision 0010), and for crisis-range BP (§1.5: SBP >180 or DBP >120 for ACC/AHA 2017
 * §11.2 and China 2018, strict; ESH 2023 ≥180/110) the emergency is assessed first — 180/120 exactly is not crisis
 * under ACC/AHA or China (§1.5, §10 worked cases) but is grade 3 under China (2-week follow-up).
 */
import { describe, expect, it } from 'vitest';
import { proposeTreatment } from './treatment.ts';
import type { TreatmentInput } from './types.ts';

const input = (guideline: TreatmentInput['guideline'], sbp: number, dbp: number): TreatmentInput => ({
  guideline,
  age: 55,
  sex: 'male',
  bp: { sbp, dbp },
  bpSource: 'office',
  conditions: {},
  current: [],
});

describe('followUpText', () => {
  it.each([
    ['china-2018', 150, 92, 28, '28 天后随访', 'Follow up in 28 days'],
    ['acc-aha-2017', 180, 120, 30, '30 天后随访', 'Follow up in 30 days'], // not crisis (strict >180/120)
    ['china-2018', 180, 120, 14, '14 天后随访', 'Follow up in 14 days'], // grade 3, not crisis
  ] as const)('%s %i/%i → %i days, not crisis', (g, sbp, dbp, days, zh, en) => {
    const p = proposeTreatment(input(g, sbp, dbp));
    expect(p.urgent).toBeUndefined();
    expect(p.followUpDays).toBe(days);
    expect(p.followUpText).toEqual({ zh, en });
  });

  it.each([
    ['china-2018', 181, 110],
    ['acc-aha-2017', 170, 121],
    ['esh-2023', 180, 110], // ESH ≥180/110
  ] as const)('%s %i/%i (crisis range): emergency first, then the 7-day crisis interval', (g, sbp, dbp) => {
    const p = proposeTreatment(input(g, sbp, dbp));
    expect(p.urgent).toBeDefined();
    expect(p.followUpDays).toBe(7);
    expect(p.followUpText.zh).toBe('先评估有无高血压急症，急症需立即转诊/急诊处理；排除急症后 7 天内复诊');
    expect(p.followUpText.en).toBe(
      'Assess for hypertensive emergency first — an emergency needs immediate referral; once excluded, review within 7 days',
    );
    expect(p.followUpText.zh).not.toMatch(/[A-Za-z]/);
    expect(p.followUpText.en).not.toMatch(/\p{Script=Han}/u);
  });
});
