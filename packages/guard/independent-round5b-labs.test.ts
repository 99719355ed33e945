/**
 * Round 5b (issue 18), dose and laboratory misses of the older tuning sets (10, 11) by class, with fresh sentences
 * (not corpus items), both directions, zh and en:
 * - a bare "最大 N mg/日" states the maximum per day (a dose per intake, "最大 25 mg 每日两次", does not);
 * - a KDIGO heat-map cell's risk (REFERENCE §4.3) checked with the renal-function engine;
 * - a creatinine converted between µmol/L and mg/dL (88.4 µmol/L per mg/dL, REFERENCE §4.1).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const bad = (answer: string) =>
  verifyClaims({ answer, passages: [] })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('a bare maximum per day (REFERENCE §5.1a)', () => {
  it('below the label maximum is contradicted', () => {
    expect(bad('缬沙坦起始 80 mg 每日一次，最大160 mg/日。')).toContain('dose');
  });
  it('the label maximum, or a maximum per intake, is not', () => {
    expect(bad('缬沙坦起始 80 mg 每日一次，最大320 mg/日。')).toEqual([]);
    expect(bad('卡维地洛起始 6.25 mg 每日两次，最大 25 mg 每日两次。')).toEqual([]);
  });
});

describe('a KDIGO heat-map cell (REFERENCE §4.3)', () => {
  it('a wrong risk level is contradicted', () => {
    expect(bad('G3b 合并 A1 在 KDIGO 热图中属于低风险。')).toContain('lab-threshold');
    expect(bad('A G2 patient with A3 albuminuria sits in the low-risk cell of the heat map.')).toContain(
      'lab-threshold',
    );
  });
  it('the right level, or a denied one, is not', () => {
    expect(bad('G3b 合并 A1 在 KDIGO 热图中属于高风险。')).toEqual([]);
    expect(bad('A G2 patient with A3 albuminuria sits in the high-risk cell of the heat map.')).toEqual([]);
    expect(bad('G3b 合并 A1 并不是低风险。')).toEqual([]);
  });
});

describe('a creatinine converted between µmol/L and mg/dL (REFERENCE §4.1)', () => {
  it('a wrong conversion is contradicted', () => {
    expect(bad('肌酐 177 µmol/L，换算约为 20 mg/dL。')).toContain('lab-threshold');
    expect(bad('A creatinine of 106 µmol/L is about 9.4 mg/dL.')).toContain('lab-threshold');
  });
  it('a right one is not', () => {
    expect(bad('肌酐 177 µmol/L，换算约为 2.0 mg/dL。')).toEqual([]);
    expect(bad('A creatinine of 106 µmol/L is about 1.2 mg/dL.')).toEqual([]);
  });
});
