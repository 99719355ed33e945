/** Sources named in the reader's language, part by part (issue 20: one language per screen). */
import { describe, expect, it } from 'vitest';
import { sourceIn } from './source-names.ts';

const HAN = /\p{Script=Han}/u;

describe('sourceIn', () => {
  it('names the Chinese guideline and its sections in English on an English screen', () => {
    expect(
      sourceIn('中国高血压防治指南 2018 (家庭血压监测); 中国高血压防治指南 2018 (诊室外血压诊断标准)', 'en'),
    ).toBe(
      'Chinese Hypertension Guidelines 2018 (home BP monitoring); Chinese Hypertension Guidelines 2018 (out-of-office BP diagnostic thresholds)',
    );
    const target =
      '中国高血压防治指南 2018 (降压目标); 中国高血压防治指南 2018 诊室外血压标准; ACC/AHA 2017 Table 11 equivalence';
    expect(sourceIn(target, 'en')).not.toMatch(HAN);
    expect(sourceIn(target, 'zh')).toBe(
      '中国高血压防治指南 2018 (降压目标)；中国高血压防治指南 2018 诊室外血压标准；ACC/AHA 2017 表11（诊室血压目标对应的家庭血压值）',
    );
  });
  it('names English papers and guidelines in Chinese on a Chinese screen; a bracketed semicolon is no list', () => {
    expect(
      sourceIn('Pooled Cohort Equations (2013 ACC/AHA cardiovascular risk guideline, Goff et al.)', 'zh'),
    ).toBe('汇总队列方程 PCE（2013 ACC/AHA 心血管风险指南，Goff 等）');
    expect(
      sourceIn(
        'CKD-EPI 2021 (Inker et al., NEJM 2021); KDIGO 2012 CKD guideline (GFR categories, retained in KDIGO 2024)',
        'zh',
      ),
    ).toBe('CKD-EPI 2021（Inker 等，NEJM 2021）；KDIGO 2012 CKD 指南（GFR 分期，KDIGO 2024 沿用）');
    expect(sourceIn('ACC/AHA 2017 (BP goals; Figure 4)', 'zh')).toBe('ACC/AHA 2017（降压目标；图4）');
    expect(sourceIn('ACC/AHA 2017 (BP goals; Figure 4)', 'en')).toBe('ACC/AHA 2017 (BP goals; Figure 4)');
  });
  it('names the sections citations.ts gives the internal reference in Chinese', () => {
    expect(sourceIn('Pooled Cohort Equations (Goff 2014)', 'zh')).toBe('汇总队列方程 PCE（Goff 2014）');
    expect(sourceIn('ACC/AHA 2017; ESH 2023; Chinese Hypertension Guidelines 2018 (targets)', 'zh')).toBe(
      'ACC/AHA 2017；ESH 2023；中国高血压防治指南 2018（降压目标）',
    );
  });
  it('leaves a source already in the reader language as written', () => {
    expect(sourceIn('中国高血压防治指南 2018 (生活方式干预)', 'zh')).toBe(
      '中国高血压防治指南 2018 (生活方式干预)',
    );
    expect(sourceIn('ESH 2023 (lifestyle interventions)', 'en')).toBe('ESH 2023 (lifestyle interventions)');
  });
  it('product-label dose sources of the treatment proposal in Chinese (drug names stay)', () => {
    expect(sourceIn('US label: amlodipine 5 mg qd (2.5 mg elderly/fragile), max 10 mg', 'zh')).toBe(
      '美国说明书：amlodipine 5 mg 每日一次（老年/体弱 2.5 mg），最大 10 mg',
    );
    expect(sourceIn('US label: enalapril 5 mg qd (2.5 mg if on a diuretic), max 40 mg/d', 'zh')).toBe(
      '美国说明书：enalapril 5 mg 每日一次（合用利尿剂时 2.5 mg），最大 40 mg/日',
    );
    expect(sourceIn('US label start doses of the components (amlodipine 5 mg, valsartan 80 mg)', 'zh')).toBe(
      '美国说明书各组分起始剂量（amlodipine 5 mg，valsartan 80 mg）',
    );
    expect(
      sourceIn('US label: amlodipine 2.5 mg if small, fragile or elderly (age ≥75 or frail)', 'zh'),
    ).toBe('美国说明书：amlodipine 2.5 mg（体型小、体弱或老年：≥75 岁或衰弱）');
    expect(sourceIn('Zestril/Prinivil US label: CrCl 10–30, start 5 mg', 'zh')).toBe(
      'Zestril/Prinivil 美国说明书：CrCl 10–30：起始 5 mg',
    );
    expect(sourceIn('US label: carvedilol 6.25 mg bid, max 50 mg/d', 'en')).toBe(
      'US label: carvedilol 6.25 mg bid, max 50 mg/d',
    );
  });
});

describe('the home-target derivation in words per language (issue 20)', () => {
  const target = '中国高血压防治指南 2018 诊室外血压标准；ACC/AHA 2017 Table 11 equivalence';
  it('a "；" list is named part by part: no English on zh, nothing lost on en', () => {
    expect(sourceIn(target, 'zh')).toBe(
      '中国高血压防治指南 2018 诊室外血压标准；ACC/AHA 2017 表11（诊室血压目标对应的家庭血压值）',
    );
    expect(sourceIn(target, 'en')).toBe(
      'Chinese Hypertension Guidelines 2018 (out-of-office BP thresholds); ACC/AHA 2017 Table 11 (home BP values corresponding to office targets)',
    );
    expect(sourceIn('ESH 2023 out-of-office thresholds; ACC/AHA 2017 Table 11 equivalence', 'zh')).toBe(
      'ESH 2023 诊室外血压阈值；ACC/AHA 2017 表11（诊室血压目标对应的家庭血压值）',
    );
  });
});
