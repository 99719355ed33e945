/**
 * Round 7 (issue 18), drug–drug interaction classes from tuning set 16 (ex held-out 16), with fresh sentences (not
 * corpus items), both directions, zh and en (REFERENCE §6):
 * - "监测血钾即可", "只需加强监测", "无需换药", "can be dispensed without extra checks": a combination said usable with
 *   monitoring alone, or without changing a drug, is said safe ("在X基础上联合Y" is a combination said usable);
 * - "无需监测血钾", "needs no potassium check" for drugs whose rule is about potassium (§6 row 3: check K⁺ and
 *   creatinine before and within 1 week–1 month), whatever the level;
 * - an interval between two drugs in a clause of its own after a prohibition ("不能同时服用，但间隔12小时以上即可"),
 *   weighed by the drug's own interval (§6 row 12: 24 h sildenafil/vardenafil, 48 h tadalafil);
 * - "no dose cap applies" is said safe (the rule's cap judges the dose, §6 rows 6–7);
 * - "does not create the triple whammy" denies the harm (§6 row 4: NSAIDs incl. COX-2).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { PatientContext } from './types.ts';

const bad = (answer: string, patient?: PatientContext) =>
  verifyClaims({ answer, passages: [], ...(patient ? { patient } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('a combination said usable with monitoring alone', () => {
  it('a contraindicated or major pair said fine with monitoring is contradicted', () => {
    expect(
      bad('合并糖尿病的患者，可在缬沙坦基础上联合阿利吉仑，定期复查血钾即可。', {
        conditions: ['diabetes'],
      }),
    ).toContain('interaction');
    expect(bad('依普利酮和克拉霉素一起用时，只需密切监测血钾，不用换药。')).toContain('interaction');
    expect(
      bad('Eplerenone with ketoconazole only needs closer potassium monitoring; there is no need to switch.'),
    ).toContain('interaction');
  });
  it('a moderate pair said usable with monitoring, or a preferred pair, is not', () => {
    expect(bad('贝那普利与布洛芬短期合用，只需监测血压和肌酐即可。')).toEqual([]);
    expect(bad('可在氨氯地平基础上联合缬沙坦，监测血压即可。')).toEqual([]);
  });
});

describe('no potassium monitoring for a pair whose rule is about potassium', () => {
  it('is contradicted at any potassium', () => {
    expect(bad('血钾4.3 mmol/L，厄贝沙坦与螺内酯合用无需监测血钾。')).toContain('interaction');
    expect(
      bad('Potassium is 4.2 mmol/L, so ramipril with spironolactone needs no potassium checks.'),
    ).toContain('interaction');
  });
  it('monitoring said needed is not', () => {
    expect(bad('血钾4.3 mmol/L，厄贝沙坦与螺内酯可以合用，需在1周内复查血钾。')).toEqual([]);
  });
});

describe('an interval after a prohibition', () => {
  it('a nitrate too soon after the PDE-5 inhibitor is contradicted (24 h sildenafil, 48 h tadalafil)', () => {
    expect(bad('西地那非和单硝酸异山梨酯不能同时用，但隔开8小时就可以安全服用。')).toContain('interaction');
    expect(
      bad(
        'Tadalafil and nitroglycerin must not be combined, but 30 hours apart the nitrate can be used safely.',
      ),
    ).toContain('interaction');
  });
  it('the label interval is not', () => {
    expect(
      bad('Tadalafil and nitroglycerin must not be combined; the nitrate can be used safely 48 hours apart.'),
    ).toEqual([]);
    expect(bad('西地那非和硝酸甘油不能同时用，间隔24小时以上才可以使用硝酸甘油。')).toEqual([]);
  });
});

describe('"no dose cap applies"', () => {
  it('a capped statin above the cap is contradicted', () => {
    expect(bad('Verapamil with simvastatin 40 mg daily: no dose cap applies to this pair.')).toContain(
      'interaction',
    );
    expect(bad('维拉帕米与辛伐他汀40 mg合用不受剂量限制。')).toContain('interaction');
  });
  it('a dose within the cap is not', () => {
    expect(bad('Verapamil with simvastatin 10 mg daily: no further dose cap applies.')).toEqual([]);
  });
});

describe('"does not create the triple whammy"', () => {
  it('a COX-2 inhibitor added to an ACE inhibitor and a diuretic is contradicted', () => {
    expect(
      bad(
        'Etoricoxib is COX-2 selective, so adding it to ramipril and hydrochlorothiazide does not create a triple whammy.',
      ),
    ).toContain('interaction');
  });
  it('a warning against it is not', () => {
    expect(
      bad(
        'Adding celecoxib to ramipril and hydrochlorothiazide would create a triple whammy and should be avoided.',
      ),
    ).toEqual([]);
  });
});

describe('maxima, continuing in pregnancy, denied contraindications (REFERENCE §5.1a, §5.2)', () => {
  it('a maximum below the label one is contradicted, "adults with hypertension" being no lowering context', () => {
    expect(bad('Candesartan should not go above 16 mg a day.')).toContain('dose');
    expect(bad('Losartan must not exceed 50 mg a day in adults with hypertension.')).toContain('dose');
  });
  it('the label maximum, or a lower one with a lowering context, is not', () => {
    expect(bad('Candesartan should not go above 32 mg a day.')).toEqual([]);
    expect(bad('Losartan should not exceed 50 mg a day when combined with other drugs.')).toEqual([]);
  });
  it('"may stay on" an ARB in pregnancy is contradicted; on labetalol it is not', () => {
    expect(bad('She is 14 weeks pregnant and may stay on olmesartan until delivery.')).toContain(
      'drug-condition',
    );
    expect(bad('She is 14 weeks pregnant and may stay on labetalol until delivery.')).toEqual([]);
  });
  it('a contraindication said not to be listed, then "照常使用", is contradicted', () => {
    expect(
      bad('指南并没有把痛风列为噻嗪类利尿剂的禁忌，痛风患者可以照常使用吲达帕胺。', { conditions: ['gout'] }),
    ).toContain('drug-condition');
    expect(bad('痛风患者应避免使用氢氯噻嗪，可以照常使用氨氯地平。', { conditions: ['gout'] })).toEqual([]);
  });
});
