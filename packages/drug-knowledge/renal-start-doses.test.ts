/**
 * Renal starting doses (`RenalFact.startMg`), each against its published row: REFERENCE §5.3 — lisinopril
 * CrCl 10–30 start 5 mg (max 40), CrCl <10 or haemodialysis start 2.5 mg (Zestril/Prinivil US label);
 * benazepril GFR <30 start 5 mg, max 40 (Lotensin US label); nebivolol CrCl <30 start 2.5 mg (Bystolic label);
 * rosuvastatin CrCl <30 not on dialysis start 5 mg, max 10 mg/day (Crestor US label; not in REFERENCE).
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DRUGS } from './index.ts';

const renal = (drug: string, id: string) =>
  BUILT_IN_DRUGS.find((d) => d.id === drug)?.renal?.find((r) => r.id === id);

describe('renal starting doses', () => {
  it.each([
    ['lisinopril', 'lisinopril-crcl30', 5, 40],
    ['lisinopril', 'lisinopril-crcl10', 2.5, 40],
    ['benazepril', 'benazepril-egfr30', 5, 40],
    ['nebivolol', 'nebivolol-crcl30', 2.5, undefined],
    ['rosuvastatin', 'rosuvastatin-crcl30', 5, 10],
  ] as const)('%s (%s): start %s mg, max %s mg/day', (drug, id, startMg, maxDaily) => {
    const fact = renal(drug, id);
    expect(fact, `${drug} ${id}`).toBeDefined();
    expect(fact?.startMg).toBe(startMg);
    expect(fact?.maxDaily).toBe(maxDaily);
    expect(fact?.source).toBeTruthy();
  });
});
