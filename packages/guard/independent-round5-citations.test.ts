/**
 * Round 5 (issue 18), citation misses of the older tuning sets (8–13) by class, with fresh sentences and passages
 * (not corpus items), both directions, zh and en. Decision 0018 group 1: what a sentence attributes to a passage is
 * checked against the passage.
 * - a combination the passage never states: it combines other partners ("or" and "/" join alternatives, not
 *   partners), leaves one out, speaks of no combination at all, or has a partner the sentence says is absent;
 * - numbers of a kind the passage never gives (doses cited to a passage of lab gates, days and times cited to a
 *   passage of thresholds);
 * - a population named as the subject in a leading clause ("合并糖尿病的高血压患者，…") is the value's population.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { GuardPassage } from './types.ts';

const PASSAGES: GuardPassage[] = [
  {
    id: 'r-aki',
    title: 'NSAID triple',
    text: 'Adding an NSAID to an ARB or ACE inhibitor together with a diuretic raises the risk of acute kidney injury.',
  },
  {
    id: 'r-aki-zh',
    title: '三联',
    text: '在 ACEI 或 ARB 加利尿剂的基础上再加用非甾体抗炎药会增加急性肾损伤风险。',
  },
  { id: 'r-pref', title: '联合', text: '推荐 ARB/ACEI 联合二氢吡啶类 CCB。不建议 ARB 与 ACEI 联用。' },
  {
    id: 'r-preg',
    title: 'Pregnancy',
    text: 'ARBs and ACE inhibitors should be stopped in pregnancy; labetalol and nifedipine are preferred.',
  },
  {
    id: 'r-epl',
    title: 'Eplerenone',
    text: 'Do not start eplerenone if potassium is above 5.5 mmol/L or creatinine clearance is 50 or below.',
  },
  {
    id: 'r-abpm',
    title: 'ESH 2023 ambulatory',
    text: 'ESH 2023: daytime ambulatory hypertension is a mean of ≥135/85 mmHg; night-time ≥120/70 mmHg.',
  },
  {
    id: 'r-target',
    title: '目标',
    text: '一般高血压患者降至 140/90 mmHg 以下，能耐受者可进一步降至 130/80 mmHg 以下。',
  },
];
const cite = (answer: string) =>
  verifyClaims({ answer, passages: PASSAGES })
    .filter((c) => c.kind === 'citation')
    .map((c) => c.verdict);

describe('a combination the cited passage never states (REFERENCE §6)', () => {
  it('alternatives ("ARB or ACE inhibitor", "ARB/ACEI") are not partners', () => {
    expect(cite('An ARB should not be combined with an ACE inhibitor [r-aki].')).toEqual(['contradicted']);
    expect(cite('ARB 和 ACEI 不宜联合使用 [r-aki-zh]。')).toEqual(['contradicted']);
    // Near miss: the passage's own combination is supported.
    expect(cite('不建议 ARB 与 ACEI 联用 [r-pref]。')).not.toContain('contradicted');
    expect(cite('Avoid adding an NSAID to an ACE inhibitor plus a diuretic [r-aki].')).not.toContain(
      'contradicted',
    );
  });
  it('a partner the passage leaves out', () => {
    expect(cite('二氢吡啶类 CCB 联合利尿剂是推荐的组合 [r-pref]。')).toEqual(['contradicted']);
    expect(cite('ACEI/ARB 联合二氢吡啶类 CCB 是推荐组合 [r-pref]。')).not.toContain('contradicted');
  });
  it('a passage about the same drugs that speaks of no combination', () => {
    expect(cite('ARB 与 ACEI 不能联用 [r-preg]。')).toEqual(['contradicted']);
    expect(cite('ACE inhibitors and ARBs should not be used together [r-preg].')).toEqual(['contradicted']);
    expect(cite('ARB 和 ACEI 在孕期都应停用 [r-preg]。')).not.toContain('contradicted');
  });
  it('a partner of the passage the sentence says is absent', () => {
    expect(
      cite('An NSAID with an ARB alone, without a diuretic, is only a minor concern [r-aki].'),
    ).toContain('contradicted');
    expect(cite('不加利尿剂时，非甾体抗炎药与 ARB 合用问题不大 [r-aki-zh]。')).toContain('contradicted');
  });
  it('medicines the patient takes are the setting, not partners; a list with "or" is alternatives', () => {
    expect(
      cite('您正在服用缬沙坦和氢氯噻嗪，如果再加布洛芬，三者合用会增加急性肾损伤风险 [r-aki-zh]。'),
    ).not.toContain('contradicted');
    expect(
      cite(
        'If pregnancy is planned, talk with your doctor about switching to labetalol or long-acting nifedipine [r-preg].',
      ),
    ).not.toContain('contradicted');
    expect(
      cite(
        "You're on an ARB (losartan) plus a diuretic (indapamide); an NSAID on top raises the kidney risk [r-aki].",
      ),
    ).not.toContain('contradicted');
  });
});

describe('numbers of a kind the cited passage never gives', () => {
  it('a dose cited to a passage of lab gates', () => {
    expect(cite('Eplerenone is usually 50–100 mg/day [r-epl].')).toEqual(['contradicted']);
    expect(cite('依普利酮常用剂量为每日 50 毫克 [r-epl]。')).toEqual(['contradicted']);
    // Near miss: a lab gate of the passage is checked as before.
    expect(cite('Do not start eplerenone when potassium is above 5.5 mmol/L [r-epl].')).not.toContain(
      'contradicted',
    );
  });
  it('days and times cited to a passage of thresholds', () => {
    expect(cite('动态血压需佩戴 2 天，每 30 分钟测 1 次 [r-abpm]。')).toEqual(['contradicted']);
    expect(cite('Wear the monitor for 1 day and take readings 3 times an hour [r-abpm].')).toEqual([
      'contradicted',
    ]);
    expect(cite('ESH 2023 白天动态血压均值 ≥135/85 mmHg 为高血压 [r-abpm]。')).not.toContain('contradicted');
  });
});

describe('a population named as the subject of a leading clause (REFERENCE §7)', () => {
  it('is the population of the value', () => {
    expect(cite('合并慢性肾脏病的高血压患者，建议血压降至 130/80 mmHg 以下 [r-target]。')).toEqual([
      'contradicted',
    ]);
    expect(cite('For patients with diabetes, lower blood pressure to below 130/80 mmHg [r-target].')).toEqual(
      ['contradicted'],
    );
    expect(cite('一般高血压患者，能耐受者可降至 130/80 mmHg 以下 [r-target]。')).not.toContain(
      'contradicted',
    );
  });
});
