/**
 * Round 5b (issue 18), drug misses of the older tuning sets (8–13) by class, with fresh sentences (not corpus items),
 * both directions, zh and en:
 * - a cap stated for a combination above the rule's own cap ("与地尔硫䓬同服时辛伐他汀每天最多 40 mg");
 * - a pair called a mild or moderate interaction is said usable, checked against the rule's severity;
 * - a medicine said fit to continue at a potassium above 5.5 mmol/L is said fit under hyperkalaemia.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { PatientContext } from './types.ts';

const bad = (answer: string, patient?: PatientContext) =>
  verifyClaims({ answer, passages: [], ...(patient ? { patient } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('a cap stated for a combination (REFERENCE §6 rows 6–7)', () => {
  it('above the rule’s cap is contradicted, the partner named in an earlier clause', () => {
    expect(bad('维拉帕米是 CYP3A4 抑制剂，与辛伐他汀同服时辛伐他汀每天不应超过 40 mg。')).toContain(
      'interaction',
    );
    expect(
      bad(
        'Verapamil inhibits CYP3A4, so with simvastatin the simvastatin dose should not exceed 20 mg a day.',
      ),
    ).not.toEqual([]);
    // With the partner in the same clause the dose check holds the cap too.
    expect(bad('Taken with amlodipine, simvastatin should not exceed 40 mg a day.')).not.toEqual([]);
  });
  it('the rule’s own cap is not', () => {
    expect(bad('维拉帕米是 CYP3A4 抑制剂，与辛伐他汀同服时辛伐他汀每天不应超过 10 mg。')).toEqual([]);
    expect(bad('Taken with amlodipine, simvastatin should not exceed 20 mg a day.')).toEqual([]);
  });
});

describe('a pair called a mild or moderate interaction (REFERENCE §6 severities)', () => {
  it('a contraindicated pair called moderate or mild is contradicted', () => {
    expect(bad('培哚普利和沙库巴曲缬沙坦合用属于轻微相互作用，注意观察即可。')).toContain('interaction');
    expect(
      bad('Enalapril with sacubitril/valsartan is a moderate interaction; just watch the blood pressure.'),
    ).toContain('interaction');
  });
  it('a moderate pair called moderate, and a denied severity, are not', () => {
    expect(bad('布洛芬与依那普利合用属于中度相互作用，可能减弱降压效果。')).toEqual([]);
    expect(
      bad('Ibuprofen with enalapril is a moderate interaction that can blunt the blood-pressure effect.'),
    ).toEqual([]);
    expect(bad('培哚普利和沙库巴曲缬沙坦合用不是中度相互作用，而是禁忌。')).toEqual([]);
    expect(
      bad('Perindopril with sacubitril/valsartan is not a moderate interaction but a contraindication.'),
    ).toEqual([]);
  });
});

describe('a medicine said fit to continue at a potassium above 5.5 mmol/L (REFERENCE §5.2)', () => {
  it('an MRA or potassium-sparing diuretic continued in hyperkalaemia is contradicted', () => {
    expect(bad('Potassium is 6.1 mmol/L; eplerenone can be continued.')).toContain('drug-condition');
    expect(bad('血钾 5.8 mmol/L，阿米洛利可以继续服用。')).toContain('drug-condition');
  });
  it('a normal potassium, or a reduced dose, is not', () => {
    expect(bad('血钾 4.6 mmol/L，阿米洛利可以继续服用。')).toEqual([]);
    expect(bad('Potassium is 5.7 mmol/L; lisinopril can be continued at a reduced dose.')).toEqual([]);
  });
});
