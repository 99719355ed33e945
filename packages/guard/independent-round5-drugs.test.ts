/**
 * Round 5 (issue 18), tuning set 14, drug misses by class with fresh sentences (not corpus items), both directions:
 * - a harm denied with a degree word ("不会明显增加…风险", "will not meaningfully raise kidney risk"), "不构成需要关注的
 *   相互作用" and "可直接使用" / "can simply be used" are safe wordings, so a triple whammy called safe is caught;
 * - "绝对不能合用" / "under no circumstances" is an absolute prohibition (a monitored pair is no absolute one);
 * - "limit X to N mg" / "X 限制在 N mg" states a maximum, checked against the partner's cap;
 * - "can simply be continued" is safe (a medicine contraindicated in the patient's condition is caught).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const bad = (answer: string) =>
  verifyClaims({ answer, passages: [] })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('a triple whammy said to be harmless (REFERENCE §6 NSAID + ACEI/ARB + diuretic)', () => {
  it('zh and en: denied with a degree word, "可直接用", "can simply be used"', () => {
    expect(bad('他在吃厄贝沙坦和吲达帕胺，再加双氯芬酸几天不会明显增加肾损伤风险，可以直接用。')).toContain(
      'interaction',
    );
    expect(bad('正在服用培哚普利和托拉塞米，临时加用布洛芬不构成值得担心的相互作用。')).toContain(
      'interaction',
    );
    expect(
      bad(
        'She already takes losartan and chlorthalidone; adding naproxen for a few days will not meaningfully raise kidney risk and can simply be used.',
      ),
    ).toContain('interaction');
  });
  it('the harm stated is not flagged', () => {
    expect(bad('他在吃厄贝沙坦和吲达帕胺，再加双氯芬酸几天会明显增加肾损伤风险，不建议。')).toEqual([]);
    expect(
      bad('She takes losartan and chlorthalidone; adding naproxen will raise kidney risk, so avoid it.'),
    ).toEqual([]);
  });
});

describe('an absolute prohibition of a monitored pair (REFERENCE §6 row 3)', () => {
  it('"绝对不能合用" / "under no circumstances" is caught; a monitored combination is not', () => {
    expect(bad('血钾4.1 mmol/L，培哚普利和依普利酮绝对不能合用。')).toContain('interaction');
    expect(
      bad('K⁺ 4.1 mmol/L: under no circumstances may perindopril be combined with eplerenone.'),
    ).toContain('interaction');
    expect(bad('血钾4.1 mmol/L，培哚普利和依普利酮可以合用，但1周内复查血钾。')).toEqual([]);
  });
});

describe('"limit X to N mg" states a maximum (REFERENCE §6 simvastatin caps)', () => {
  it('a cap above the partner’s is caught, the right cap is not', () => {
    expect(bad('Note: diltiazem plus simvastatin — limit simvastatin to 20 mg a day.')).not.toEqual([]);
    expect(bad('Note: diltiazem plus simvastatin — limit simvastatin to 10 mg a day.')).toEqual([]);
    expect(bad('地尔硫䓬与辛伐他汀同用时，辛伐他汀限制在每日20 mg。')).not.toEqual([]);
    expect(bad('地尔硫䓬与辛伐他汀同用时，辛伐他汀限制在每日10 mg。')).toEqual([]);
  });
});

describe('"can simply be continued" is safe (REFERENCE §5.2 pregnancy)', () => {
  it('an ACE inhibitor continued in pregnancy is caught; methyldopa is not', () => {
    expect(
      bad('She is pregnant and doing well on ramipril, so it can simply be continued until delivery.'),
    ).toContain('drug-condition');
    expect(
      bad('She is pregnant and doing well on methyldopa, so it can simply be continued until delivery.'),
    ).toEqual([]);
  });
});
