/**
 * Round 5 (issue 18), tuning set 14, false alarms by class with fresh sentences (not corpus items), both directions:
 * - a condition named as a risk to watch ("because of the hyperkalaemia risk", "因有高钾血症风险") is not the
 *   patient's condition; a condition the patient has (a high potassium, "he has hyperkalaemia") still is;
 * - "out-of-office" / "诊室外" names no setting: a threshold "for this setting" is in the setting the answer named
 *   before (home, 24-hour, night), and with none named it is not read as an office value;
 * - a risk the sentence gives as the reason of a recommendation ("高钾和肾损伤风险增加") is no topic attributed to
 *   the cited passage; a condition the sentence attributes to the passage still is.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { GuardPassage } from './types.ts';

const bad = (answer: string, passages: GuardPassage[] = []) =>
  verifyClaims({ answer, passages })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('a condition named as a risk to watch is not the patient’s (REFERENCE §5.2, §6)', () => {
  it('zh and en: the risk is not flagged', () => {
    expect(
      bad(
        'K⁺ 4.4 mmol/L, eGFR 70: eplerenone can be added to candesartan, with potassium rechecked at one week because of the hyperkalaemia risk.',
      ),
    ).toEqual([]);
    expect(bad('血钾4.4、eGFR 70：坎地沙坦基础上可加用依普利酮，因有高钾血症风险，1周后复查血钾。')).toEqual(
      [],
    );
  });
  it('a condition the patient has is still checked', () => {
    expect(bad('K⁺ 5.9 mmol/L: eplerenone can be added to candesartan.')).not.toEqual([]);
    expect(bad('他有高钾血症，坎地沙坦基础上可以加用依普利酮。')).not.toEqual([]);
  });
});

describe('"out-of-office" names no setting (REFERENCE §2.1, §2.2)', () => {
  it('the threshold is in the setting named before', () => {
    expect(bad('已知：家庭血压平均132/82 mmHg，采用ESH 2023。诊室外阈值：≥135/85 mmHg。')).toEqual([]);
    expect(
      bad(
        'Given: ESH 2023, daytime ambulatory mean 133/80 mmHg. The out-of-office threshold for this setting is ≥135/85 mmHg.',
      ),
    ).toEqual([]);
    // A wrong threshold for the carried setting is still caught (ESH 2023 home ≥135/85).
    expect(bad('已知：家庭血压平均132/82 mmHg，采用ESH 2023。诊室外阈值：≥125/75 mmHg。')).toContain(
      'bp-threshold',
    );
  });
  it('with no setting named before, an out-of-office value is not an office value', () => {
    expect(bad('按ESH 2023，诊室外阈值为≥135/85 mmHg。')).toEqual([]);
  });
});

describe('a risk given as the reason is no topic attributed to the passage (citations)', () => {
  const combo: GuardPassage = {
    id: 'q1',
    text: '不推荐 ACEI 与 ARB 联用。优先选择 ACEI/ARB 联合二氢吡啶类钙通道阻滞剂。',
  };
  it('the reason clause is not checked against the passage', () => {
    expect(bad('ACEI和ARB不宜联用，高钾和急性肾损伤风险都会增加 [q1]。', [combo])).toEqual([]);
    expect(
      bad('An ACE inhibitor with an ARB is not advised: the pair raises the risk of hyperkalaemia [q1].', [
        combo,
      ]),
    ).toEqual([]);
  });
  it('a condition attributed to the passage is still checked', () => {
    expect(bad('妊娠期禁用ACEI与ARB联用 [q1]。', [combo])).toContain('citation');
    // A passage that never speaks of combining them: the risk stays a topic it does not cover.
    const pregnancy: GuardPassage = { id: 'q2', text: '妊娠期首选拉贝洛尔和硝苯地平，ACEI和ARB禁用。' };
    expect(bad('ACEI和ARB不宜联用，高钾风险会增加 [q2]。', [pregnancy])).toContain('citation');
  });
});
