import { describe, expect, it } from 'vitest';
import { lifestyleGoals } from './lifestyle.ts';

const domains = (g: ReturnType<typeof lifestyleGoals>) => g.map((x) => x.domain);

describe('lifestyleGoals (guideline tables, UNVERIFIED — not in REFERENCE)', () => {
  it('always salt, exercise, diet (+ potassium); weight/smoking/alcohol only when relevant', () => {
    expect(domains(lifestyleGoals({ guideline: 'china-2018' }))).toEqual([
      'salt',
      'exercise',
      'diet',
      'potassium',
    ]);
    expect(
      domains(
        lifestyleGoals({
          guideline: 'china-2018',
          bmi: 26.3,
          smoker: true,
          alcoholDrinksPerWeek: 10,
          sex: 'male',
        }),
      ),
    ).toEqual(['salt', 'weight', 'exercise', 'alcohol', 'smoking', 'diet', 'potassium']);
    expect(
      domains(lifestyleGoals({ guideline: 'china-2018', bmi: 23.9, smoker: false, alcoholDrinksPerWeek: 0 })),
    ).not.toContain('weight');
  });
  it('China 2018: salt <6 g/day, BMI <24, 4–7 sessions × 30–60 min', () => {
    const g = lifestyleGoals({ guideline: 'china-2018', bmi: 24 });
    expect(g.find((x) => x.domain === 'salt')?.goal.zh).toContain('<6 g');
    expect(g.find((x) => x.domain === 'weight')?.goal.zh).toContain('BMI <24');
    expect(g.find((x) => x.domain === 'exercise')?.goal.zh).toContain('4–7');
    expect(
      g.every((x) => x.source.includes('中国高血压防治指南 2018') && !x.source.includes('UNVERIFIED')),
    ).toBe(true);
  });
  it('ESH 2023: salt <5 g/day, alcohol <100 g/week; BMI 24.5 is below the ESH goal', () => {
    const g = lifestyleGoals({ guideline: 'esh-2023', bmi: 24.5, alcoholDrinksPerWeek: 3 });
    expect(g.find((x) => x.domain === 'salt')?.goal.en).toContain('<5 g');
    expect(g.find((x) => x.domain === 'alcohol')?.goal.en).toContain('<100 g/week');
    expect(domains(g)).not.toContain('weight');
  });
  it('ACC/AHA 2017 Table 15: sodium <1500 mg/day, expected SBP reductions, drinks per sex', () => {
    const g = lifestyleGoals({ guideline: 'acc-aha-2017', bmi: 31, alcoholDrinksPerWeek: 10, sex: 'female' });
    const by = Object.fromEntries(g.map((x) => [x.domain, x]));
    expect(by.salt?.goal.en).toContain('<1500 mg');
    expect(by.salt?.expectedSbpReduction).toBe(5);
    expect(by.diet?.expectedSbpReduction).toBe(11);
    expect(by.weight?.advice.en).toContain('1 mmHg');
    expect(by.alcohol?.advice.en).toMatch(/^Cut down/); // 10/week > 7 (women ≤1/day)
    expect(
      lifestyleGoals({ guideline: 'acc-aha-2017', alcoholDrinksPerWeek: 10, sex: 'male' }).find(
        (x) => x.domain === 'alcohol',
      )?.advice.en,
    ).toMatch(/^Keep within/);
  });
  it('hyperkalaemia risk → potassium caution instead of a potassium goal', () => {
    const k = lifestyleGoals({ guideline: 'china-2018', hyperkalaemiaRisk: true }).find(
      (x) => x.domain === 'potassium',
    );
    expect(k?.goal.en).toContain('No potassium supplements');
  });
  it('reports current values when given', () => {
    const g = lifestyleGoals({ guideline: 'china-2018', saltGramsPerDay: 10, exerciseMinutesPerWeek: 150 });
    expect(g.find((x) => x.domain === 'salt')?.advice.zh).toContain('10 g');
    expect(g.find((x) => x.domain === 'exercise')?.advice.en).toContain('keep it up');
  });
});
