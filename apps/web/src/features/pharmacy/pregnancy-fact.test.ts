import { describe, expect, it } from 'vitest';
import { showsPregnancy } from './pregnancy-fact.ts';

describe('pregnancy on the pharmacist card (issue 20 item 7: not for a man or an 89-year-old)', () => {
  it('shown for a woman of child-bearing age (12–55), recorded or not', () => {
    expect(showsPregnancy({ sex: 'female', ageYears: 30 })).toBe(true);
    expect(showsPregnancy({ sex: 'female', ageYears: 12 })).toBe(true);
    expect(showsPregnancy({ sex: 'female', ageYears: 55 })).toBe(true);
    expect(showsPregnancy({ sex: 'female' })).toBe(true);
  });
  it('not shown for a man, a girl under 12 or a woman over 55 with nothing recorded', () => {
    expect(showsPregnancy({ sex: 'male', ageYears: 40 })).toBe(false);
    expect(showsPregnancy({ sex: 'male', ageYears: 40, pregnant: false })).toBe(false);
    expect(showsPregnancy({ sex: 'female', ageYears: 89 })).toBe(false);
    expect(showsPregnancy({ sex: 'female', ageYears: 89, pregnant: false })).toBe(false);
    expect(showsPregnancy({ sex: 'female', ageYears: 8 })).toBe(false);
    expect(showsPregnancy({ ageYears: 40 })).toBe(false);
  });
  it('a recorded pregnancy is always shown', () => {
    expect(showsPregnancy({ sex: 'female', ageYears: 57, pregnant: true })).toBe(true);
    expect(showsPregnancy({ pregnant: true })).toBe(true);
  });
});
