/**
 * The crisis box is about the right reading (issue 20, decision 0031): the most recent crisis-range reading of the
 * look-back, "measure again" only when nothing was measured after it, and no "act now" once the care team closed
 * the alert covering it — the 120-with-symptoms step stays while the reading is in the look-back.
 */
import { describe, expect, it } from 'vitest';
import { crisisAdvice } from './reading-advice.ts';
import { closedCrisisCover } from './recent-readings.ts';
import type { StoredAlert } from './api-types/index.ts';

// 2026-12-08 13:30 in Shanghai.
const options = { now: '2026-12-08T05:30:00Z', timeZone: 'Asia/Shanghai', lookbackHours: 744 };
const r = (id: string, time: string, sbp: number, dbp: number) => ({ id, time, sbp, dbp });
const yesterday = r('y', '2026-12-07T13:30:00Z', 195, 132); // 7 Dec 21:30 local, 16 h before
const first = r('a', '2026-12-08T00:05:00Z', 185, 125); // 08:05 local
const recheck = r('b', '2026-12-08T00:10:00Z', 186, 126); // 08:10 local

describe('the box names the most recent crisis-range reading', () => {
  it('names 186/126 of 08:10, not the higher 195/132 of yesterday evening (zh-CN)', () => {
    const advice = crisisAdvice([yesterday, first, recheck], 'china-2018', 'zh-CN', options)!;
    expect(advice.level).toBe('crisis');
    expect(advice.title).toContain('您今天 08:10 测量的 186/126 mmHg');
    expect(advice.title).not.toContain('195/132');
    // The patient already re-measured: no "rest 5 minutes and measure again"; said plainly it is still very high.
    expect(advice.steps.join('')).not.toContain('再测一次');
    expect(advice.steps[0]).toContain('仍然非常高');
    expect(advice.steps[0]).toContain('185/125');
    expect(advice.steps.join('')).toContain('立即拨打 120');
    expect(advice.steps.join('')).toContain('今天之内联系您的诊所或医生');
  });

  it('the same in English, one language', () => {
    const advice = crisisAdvice([recheck, yesterday, first], 'china-2018', 'en', options)!;
    expect(advice.title).toContain('measured today at 08:10 (186/126 mmHg)');
    expect(advice.steps.join(' ')).not.toMatch(/measure again\.|then measure again/);
    expect(advice.steps[0]).toMatch(/still very high/);
    expect(advice.steps.join(' ')).toContain('call 120 now');
    expect(JSON.stringify(advice)).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('one crisis reading and nothing after it: rest 5 minutes and measure again', () => {
    const advice = crisisAdvice([recheck], 'china-2018', 'zh-CN', options)!;
    expect(advice.steps[0]).toBe('坐下安静休息 5 分钟，然后再测一次血压。');
  });

  it('a lower reading after it: says so plainly, no "measure again", the crisis reading still named', () => {
    const later = { ...r('c', '2026-12-08T01:00:00Z', 150, 95) }; // 09:00 local
    const zh = crisisAdvice([recheck, later], 'china-2018', 'zh-CN', options)!;
    expect(zh.level).toBe('crisis');
    expect(zh.title).toContain('186/126');
    expect(zh.steps[0]).toContain('今天 09:00');
    expect(zh.steps[0]).toContain('150/95');
    expect(zh.steps.join('')).not.toContain('再测一次血压。');
    expect(zh.steps.join('')).toContain('立即拨打 120');
    expect(zh.steps.join('')).toContain('今天之内联系您的诊所或医生');
    const en = crisisAdvice([recheck, later], 'china-2018', 'en', options)!;
    expect(en.steps[0]).toContain('150/95 mmHg');
    expect(en.steps[0]).toContain('today at 09:00');
  });
});

describe('after the care team closed the alert covering that reading', () => {
  const closed = [{ readings: ['a', 'b'], at: '2026-12-08T05:05:00Z' }];

  it('no "act now", says it was handled, keeps the 120-with-symptoms step (zh-CN)', () => {
    const advice = crisisAdvice([yesterday, first, recheck], 'china-2018', 'zh-CN', {
      ...options,
      closed,
    })!;
    expect(advice.level).toBe('crisis');
    expect(advice.handled).toEqual({ at: '2026-12-08T05:05:00Z' });
    expect(advice.title).toContain('186/126');
    expect(advice.title).toContain('医疗团队已于今天 13:05 处理');
    expect(JSON.stringify(advice)).not.toMatch(/马上|再测一次血压。/);
    expect(advice.steps.join('')).toContain(
      '如果有胸痛、呼吸困难、肢体无力、说话不清或看不清东西、剧烈头痛，请立即拨打 120。',
    );
  });

  it('in English', () => {
    const advice = crisisAdvice([recheck], 'china-2018', 'en', { ...options, closed })!;
    expect(advice.title).toContain('your care team handled it today at 13:05');
    expect(JSON.stringify(advice)).not.toMatch(/do this now|Please do this now/i);
    expect(advice.steps.join(' ')).toContain('call 120 now');
  });

  it('a newer crisis reading no closed alert covers is urgent again', () => {
    const newer = r('d', '2026-12-08T05:20:00Z', 190, 125);
    const advice = crisisAdvice([first, recheck, newer], 'china-2018', 'zh-CN', { ...options, closed })!;
    expect(advice.handled).toBeUndefined();
    expect(advice.title).toContain('190/125');
    expect(advice.title).toContain('马上');
  });
});

describe('closed crisis alerts as the box reads them', () => {
  const alert = (over: Partial<StoredAlert>): StoredAlert => ({
    id: 'f1',
    patientId: 'p',
    status: 'inactive',
    kind: 'crisis',
    severity: 'critical',
    summary: { zh: '', en: '' },
    createdAt: '2026-12-08T00:06:00Z',
    readings: ['a'],
    values: { sbp: 185, dbp: 125 },
    rule: '',
    source: '',
    acknowledged: { by: 'u', at: '2026-12-08T05:05:00Z' },
    ...over,
  });

  it('covers its own and its joined readings, only once closed with an action', () => {
    expect(
      closedCrisisCover([
        alert({ joined: [{ id: 'b', joinedAt: '2026-12-08T00:11:00Z' }] }),
        alert({ id: 'open', status: 'active', readings: ['c'] }),
        alert({ id: 'warning', severity: 'warning', readings: ['d'] }),
        alert({ id: 'no-ack', readings: ['e'], acknowledged: undefined as never }),
      ]),
    ).toEqual([{ readings: ['a', 'b'], at: '2026-12-08T05:05:00Z' }]);
  });
});
