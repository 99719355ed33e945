import { describe, expect, it } from 'vitest';
import { checkTarget, targetFor } from './targets.ts';

// REFERENCE §7.4 summary table.
describe('treatment targets (REFERENCE §7.4)', () => {
  it.each([
    ['acc-aha-2017', { age: 50 }, 130, 80],
    ['acc-aha-2017', { age: 70 }, 130, 80], // ≥65 SBP <130; DBP <80 of the general goal kept (issue 17)
    ['acc-aha-2017', { age: 50, diabetes: true }, 130, 80],
    ['acc-aha-2017', { age: 50, ckd: true }, 130, 80],
    ['esh-2023', { age: 50 }, 130, 80],
    ['esh-2023', { age: 70 }, 140, 80],
    ['esh-2023', { age: 70, tolerated: true }, 130, 80],
    ['esh-2023', { age: 85 }, 150, 80],
    ['esh-2023', { age: 50, diabetes: true }, 130, 80],
    ['china-2018', { age: 50 }, 140, 90],
    ['china-2018', { age: 50, tolerated: true }, 130, 80],
    ['china-2018', { age: 70 }, 150, 90],
    ['china-2018', { age: 70, tolerated: true }, 140, 90],
    ['china-2018', { age: 85 }, 150, 90],
    ['china-2018', { age: 50, diabetes: true }, 130, 80],
    ['china-2018', { age: 50, ckd: true }, 140, 90],
    ['china-2018', { age: 50, ckd: true, proteinuria: true }, 130, 80],
  ] as const)('%s %o → <%i/%s', (g, pop, sbp, dbp) => {
    const t = targetFor(g, pop);
    expect(t.sbp).toBe(sbp);
    expect(t.dbp).toBe(dbp);
  });
  it('limits are exclusive: 139/89 meets <140/90, 140/89 does not', () => {
    expect(checkTarget({ sbp: 139, dbp: 89 }, 'china-2018', { age: 50 }).met).toBe(true);
    const c = checkTarget({ sbp: 140, dbp: 89 }, 'china-2018', { age: 50 });
    expect(c.met).toBe(false);
    expect(c.excess).toEqual({ sbp: 1, dbp: 0 });
    expect(c.display.zh).toContain('未达标');
    expect(checkTarget({ sbp: 129, dbp: 95 }, 'acc-aha-2017', { age: 70 }).met).toBe(false); // ≥65: DBP 95 is stage 2, not at target
  });
});
