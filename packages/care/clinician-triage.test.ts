import { describe, expect, it } from 'vitest';
import { triage } from '@qihuang/engines/hypertension-care';
import { clinicianTriage } from './open-emergency.ts';

// A try saw the chart banner say "患者报告需尽快评估的症状（）" for a suspected TIA (decision 0021): no red flag is named,
// so the brackets were empty. The banner names what the triage found.
describe('the clinician urgency box names a suspected TIA', () => {
  it('zh and en', () => {
    const latest = triage({
      now: '2026-03-10T10:00:00+08:00',
      guideline: 'china-2018',
      text: '昨天左边手脚突然没力气，说话也不清楚，过了半小时就好了，今天一切正常',
    });
    expect(latest.level).toBe('urgent');
    const box = clinicianTriage(latest, []);
    expect(box?.instruction.zh).toBe(
      '患者报告需尽快评估的症状（疑似短暂性脑缺血发作（症状已缓解））：当天联系患者评估',
    );
    expect(box?.instruction.en).toContain('(suspected transient ischaemic attack (symptoms gone))');
  });
});
