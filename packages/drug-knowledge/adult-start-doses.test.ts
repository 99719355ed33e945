/**
 * Usual adult starting doses (`DoseFact.adultStart`, `DoseFact.diureticStart`), each against its published row:
 * REFERENCE §5.1a — lisinopril "10 mg qd (5 mg if on a diuretic)" (Zestril/Prinivil US label as quoted), amlodipine
 * 5 mg (Norvasc label), nebivolol 5 mg (Bystolic label).
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DRUGS } from './index.ts';

const dose = (drug: string) => BUILT_IN_DRUGS.find((d) => d.id === drug)?.dose;

describe('adult starting doses', () => {
  it.each([
    ['lisinopril', 10, 5],
    ['amlodipine', 5, undefined],
    ['nebivolol', 5, undefined],
  ] as const)('%s: start %s mg/day, with a diuretic %s mg/day', (drug, adultStart, diureticStart) => {
    const fact = dose(drug);
    expect(fact?.adultStart).toBe(adultStart);
    expect(fact?.diureticStart).toBe(diureticStart);
    // The start lies within the label's usual range or below it, never above the maximum.
    expect(adultStart).toBeLessThanOrEqual(fact?.maxDaily ?? Infinity);
    expect(fact?.source).toBeTruthy();
  });
});
