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

// Issue 20 (SAFETY): the triage quoted 185/122 after it was withdrawn as entered in error. Its alert may be closed
// already (a warning alert whose readings are all withdrawn is), so the withdrawn reading itself decides.
describe('the clinician urgency box never presents a withdrawn crisis reading as current', () => {
  const latest = triage({
    now: '2026-03-10T10:00:00+08:00',
    guideline: 'china-2018',
    text: '没有不舒服',
    readings: [{ id: 'bp-1', sbp: 185, dbp: 122, time: '2026-03-10T09:55:00+08:00' }],
  });

  it('marked, and the instruction says it was withdrawn (no alert open)', () => {
    expect(latest.crisisReading).toMatchObject({ id: 'bp-1', sbp: 185, dbp: 122 });
    const box = clinicianTriage(latest, [], new Set(['bp-1']));
    expect(box?.crisisReadingWithdrawn).toBe(true);
    expect(box?.instruction.zh).toMatch(/^患者血压读数 185\/122 mmHg 已撤回（录入错误）/);
    expect(box?.instruction.en).toMatch(/185\/122 mmHg was withdrawn as entered in error/);
  });

  it('a reading that stands: unmarked, the crisis instruction', () => {
    const box = clinicianTriage(latest, [], new Set(['bp-other']));
    expect(box?.crisisReadingWithdrawn).toBeUndefined();
    expect(box?.instruction.zh).toMatch(/^患者血压 185\/122 mmHg 达危象范围/);
  });
});
