import { GUIDELINES } from '@qihuang/engines/blood-pressure';
import { describe, expect, it } from 'vitest';
import { editionFor, GUIDELINE_EDITIONS } from './registry.ts';

describe('guideline editions as a variant (issue 17 item 8)', () => {
  it('one edition object per guideline, keyed by its own id', () => {
    expect(Object.keys(GUIDELINE_EDITIONS).sort()).toEqual([...GUIDELINES].sort());
    for (const g of GUIDELINES) expect(editionFor(g).id).toBe(g);
  });
  it.each([
    // REFERENCE §1.5 / §10.1: ACC/AHA and China strict >180/120; ESH grade 3 ≥180/110
    ['acc-aha-2017', { sbp: 180, dbp: 110 }, false],
    ['acc-aha-2017', { sbp: 181, dbp: 100 }, true],
    ['china-2018', { sbp: 170, dbp: 121 }, true],
    ['china-2024', { sbp: 180, dbp: 120 }, false],
    ['esh-2023', { sbp: 180, dbp: 110 }, true],
  ] as const)('%s crisis range %o → %s', (g, bp, crisis) => {
    expect(editionFor(g).crisis.test(bp)).toBe(crisis);
  });
  it('follow-up intervals per edition (REFERENCE §7.4)', () => {
    expect(GUIDELINES.map((g) => editionFor(g).followUp.changed.days)).toEqual([30, 28, 28, 28]);
    expect(GUIDELINES.map((g) => editionFor(g).followUp.controlled.days)).toEqual([90, 90, 90, 90]);
  });
});
