/** Issue 20: a patient's screen names the ACC/AHA guideline in words, with its section, in the screen's language. */
import { describe, expect, it } from 'vitest';
import { homeTargetFor } from './home-targets.ts';
import { patientCarePlanIn, patientSourceIn } from './source-names.ts';

describe('patientSourceIn', () => {
  it('words the crisis source (the engine triage’s) with its section', () => {
    // The engine triage's source (hypertension-care triage.ts GUIDELINES_CRISIS).
    const source = 'ACC/AHA 2017 §11.2; China 2018 hypertension guideline: hypertensive emergency';
    expect(patientSourceIn(source, 'zh')).toContain('美国心脏病学会/美国心脏协会 2017 高血压指南 第 11.2 节');
    expect(patientSourceIn(source, 'zh')).not.toContain('§');
    expect(patientSourceIn(source, 'en')).toContain('ACC/AHA 2017 guideline, section 11.2');
    expect(patientSourceIn(source, 'en')).not.toContain('§');
  });

  it('words the home target’s Table 11 derivation', () => {
    const home = homeTargetFor(
      { sbp: 140, dbp: 90, rule: 'office <140/90', source: '中国高血压防治指南 2018 (降压目标)' },
      'china-2018',
    );
    const zh = patientSourceIn(home.source, 'zh');
    expect(zh).toContain('美国心脏病学会/美国心脏协会 2017 高血压指南 表 11');
    expect(zh).not.toContain('Table');
    expect(patientSourceIn(home.source, 'en')).toContain('ACC/AHA 2017 guideline, Table 11');
  });

  it('names a care plan’s sources, the home target’s included', () => {
    const plan = patientCarePlanIn(
      {
        target: { source: 'ACC/AHA 2017 (BP goals; Figure 4)' },
        homeTarget: { source: 'x; home target corresponding to the office target: ACC/AHA 2017 Table 11' },
        monitoring: { source: 'ACC/AHA 2017 (home BP monitoring procedures)' },
        goals: [{ source: 'ACC/AHA 2017 Table 15 (nonpharmacological interventions)' }],
        followUp: { source: 'ACC/AHA 2017 §11.2' },
      },
      'zh',
    );
    expect(plan.target.source).toBe('美国心脏病学会/美国心脏协会 2017 高血压指南（降压目标；图4）');
    expect(plan.homeTarget!.source).toContain('美国心脏病学会/美国心脏协会 2017 高血压指南 表 11');
    expect(plan.monitoring.source).toBe('美国心脏病学会/美国心脏协会 2017 高血压指南（家庭血压监测方法）');
    expect(plan.goals[0]!.source).toBe('美国心脏病学会/美国心脏协会 2017 高血压指南 表 15（非药物干预）');
    expect(plan.followUp.source).toBe('美国心脏病学会/美国心脏协会 2017 高血压指南 第 11.2 节');
  });
});
