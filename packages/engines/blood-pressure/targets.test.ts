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

// REFERENCE §7.3 China 2018 targets line: "脑卒中后 <140/90; 冠心病 <140/90, 可耐受 <130/80"; order and the ≥80
// age band per docs/decisions/0005 item 9 (issue 20).
describe('China 2018/2024 post-stroke and coronary targets (REFERENCE §7.3)', () => {
  it.each([
    ['china-2018', { age: 76, stroke: true }, 140, 90], // §7.3 脑卒中后 <140/90 (not the 65–79 band <150/90)
    ['china-2018', { age: 76, stroke: true, tolerated: true }, 140, 90], // §7.3 gives no tolerated refinement
    ['china-2018', { age: 76, coronary: true }, 140, 90], // §7.3 冠心病 <140/90
    ['china-2018', { age: 76, coronary: true, tolerated: true }, 130, 80], // §7.3 冠心病 可耐受 <130/80
    ['china-2018', { age: 55, stroke: true }, 140, 90],
    ['china-2018', { age: 55, coronary: true, tolerated: true }, 130, 80],
    ['china-2018', { age: 82, stroke: true }, 150, 90], // ≥80 keeps the age band (decision 0005 items 1, 9)
    ['china-2018', { age: 82, coronary: true, tolerated: true }, 150, 90],
    ['china-2018', { age: 76, stroke: true, diabetes: true }, 130, 80], // diabetes first (§7.3 <130/80)
    ['china-2018', { age: 76, stroke: true, proteinuria: true }, 130, 80], // CKD with proteinuria first
    ['china-2018', { age: 76, stroke: true, coronary: true, tolerated: true }, 140, 90], // stroke before coronary
    ['china-2024', { age: 76, stroke: true }, 140, 90], // 2024 uses the 2018 targets (decision 0005)
    ['china-2024', { age: 76, coronary: true, tolerated: true }, 130, 80],
    // ESH 2023 and ACC/AHA 2017 unchanged: their post-stroke/CAD targets are not verified (decision 0005 item 9).
    ['esh-2023', { age: 76, stroke: true }, 140, 80],
    ['esh-2023', { age: 82, coronary: true }, 150, 80],
    ['acc-aha-2017', { age: 76, stroke: true }, 130, 80],
  ] as const)('%s %o → <%i/%s', (g, pop, sbp, dbp) => {
    const t = targetFor(g, pop);
    expect(t.sbp).toBe(sbp);
    expect(t.dbp).toBe(dbp);
  });
  it('the rule names the stroke, the coronary disease and, at ≥80, the age band chosen before them', () => {
    expect(targetFor('china-2018', { age: 76, stroke: true }).display).toEqual({
      zh: '脑卒中后 <140/90',
      en: 'after stroke: <140/90',
    });
    expect(targetFor('china-2018', { age: 76, coronary: true, tolerated: true }).display?.zh).toBe(
      '冠心病 能耐受 <130/80',
    );
    const old = targetFor('china-2018', { age: 82, stroke: true });
    expect(old.rule).toBe('age ≥80: <150/90 — age band before the stroke target');
    expect(old.display?.zh).toBe('≥80 岁 <150/90（年龄目标优先于脑卒中目标）');
    expect(targetFor('china-2018', { age: 82, diabetes: true, coronary: true }).display?.zh).toBe(
      '≥80 岁 <150/90（年龄目标优先于糖尿病、冠心病目标）',
    );
    expect(old.source).toBe('中国高血压防治指南 2018（降压目标）');
  });
  it('home target of a 76-year-old after stroke derives from the office <140/90 (REFERENCE §2.2 140/90 row)', () => {
    const t = targetFor('china-2018', { age: 76, stroke: true }, 'home');
    expect([t.sbp, t.dbp]).toEqual([135, 85]);
  });
});
