import { describe, expect, it } from 'vitest';
import { adviceNow, adviceTime, sessionHasCrisis } from './crisis-now.ts';

const ZONE = 'Asia/Shanghai';
// 02-home-p2 / 02-home-fold: 184/124 the evening before, two normal-high readings this morning.
const readings = [
  { time: '2026-12-07T07:08:00+08:00', sbp: 142, dbp: 88, category: 'high' },
  { time: '2026-12-07T07:07:00+08:00', sbp: 143, dbp: 94, category: 'high' },
  { time: '2026-12-06T21:08:00+08:00', sbp: 184, dbp: 124, category: 'crisis' },
];
const words = {
  measuredSince: (p: { count: number; time: string; sbp: number; dbp: number }) =>
    `since: ${p.count} · ${p.time} · ${p.sbp}/${p.dbp}`,
  symptoms: 'symptoms → 120',
  contact: 'contact the clinic today',
};

describe('crisis messages tied to their reading (issue 20)', () => {
  it('a session card is "very high" only when a crisis reading was measured in that session', () => {
    const morning = { date: '2026-12-07', window: ['04:00', '12:00'] as [string, string] };
    const lastEvening = { date: '2026-12-06', window: ['18:00', '04:00'] as [string, string] };
    expect(sessionHasCrisis(morning, readings, ZONE)).toBe(false);
    expect(sessionHasCrisis(lastEvening, readings, ZONE)).toBe(true);
    // The same instant read in the zone the server counts days in (13:08 UTC is 21:08 in Shanghai).
    expect(
      sessionHasCrisis(
        lastEvening,
        [{ time: '2026-12-06T13:08:00Z', sbp: 184, dbp: 124, category: 'crisis' }],
        ZONE,
      ),
    ).toBe(true);
  });

  it('an evening session running past midnight (18:00–04:00, decision 0012) holds a crisis reading at 01:30', () => {
    const lastEvening = { date: '2026-12-06', window: ['18:00', '04:00'] as [string, string] };
    const night = [{ time: '2026-12-07T01:30:00+08:00', sbp: 186, dbp: 122, category: 'crisis' }];
    expect(sessionHasCrisis(lastEvening, night, ZONE)).toBe(true);
    expect(sessionHasCrisis({ date: '2026-12-07', window: ['04:00', '12:00'] }, night, ZONE)).toBe(false);
    expect(sessionHasCrisis({ date: '2026-12-07', window: ['18:00', '04:00'] }, night, ZONE)).toBe(false);
  });

  it('after newer readings the red box says what to do now, not "measure again"', () => {
    const advice = {
      title: '您在 2026-12-06 21:08 测的血压非常高（184/124 mmHg）',
      steps: ['坐下安静休息 5 分钟，然后再测一次血压。', '…120…', '…'],
      readings: [{ id: 'r1', time: '2026-12-06T21:08:00+08:00', sbp: 184, dbp: 124 }],
    };
    expect(adviceTime(advice)).toBe('2026-12-06T21:08:00+08:00');
    const now = adviceNow(advice, readings, words, ZONE);
    expect(now.title).toBe(advice.title);
    expect(now.steps).toEqual([
      'since: 2 · 2026-12-07 07:08 · 142/88',
      'symptoms → 120',
      'contact the clinic today',
    ]);
    expect(now.steps.join(' ')).not.toContain('再测一次');
    // Nothing newer: the advice as the server wrote it.
    expect(adviceNow(advice, readings.slice(2), words, ZONE)).toBe(advice);
    // The reading just saved is the newest: unchanged.
    const saved = {
      ...advice,
      readings: [{ id: 'r9', time: '2026-12-07T15:22:00+08:00', sbp: 190, dbp: 125 }],
    };
    expect(adviceNow(saved, readings, words, ZONE)).toBe(saved);
  });
  it('the step names the earlier reading it is about ("184/124 mmHg 那次读数不需要再复测"), issue 20 item 6', () => {
    const advice = { title: 't', steps: ['s'], readings: [{ time: '2026-12-06T21:08:00+08:00' }] };
    const seen: unknown[] = [];
    adviceNow(advice, readings, { ...words, measuredSince: (p) => (seen.push(p), '') }, ZONE);
    expect(seen[0]).toMatchObject({ earlier: '184/124 mmHg', count: 2, sbp: 142, dbp: 88 });
  });
  it('the zh and en texts say which reading needs no re-measuring', async () => {
    const { zhCNCare } = await import('../../i18n/zh-CN-care.ts');
    const { enCare } = await import('../../i18n/en-care.ts');
    for (const text of [
      zhCNCare.crisisNow.measuredSince_one,
      zhCNCare.crisisNow.measuredSince_other,
      enCare.crisisNow.measuredSince_one,
      enCare.crisisNow.measuredSince_other,
    ])
      expect(text).toContain('{{earlier}}');
  });
});

describe('a contact step the title already says (issue 20 try: "contact your clinic today" twice)', () => {
  it('an empty contact adds no step', () => {
    const advice = {
      title: 'Your care team has been alerted. Please contact your clinic or doctor today, and:',
      steps: ['a', 'b', 'c'],
      readings: [{ time: '2026-12-07T00:00:00Z' }],
    };
    const now = adviceNow(
      advice,
      [{ time: '2026-12-08T01:00:00Z', sbp: 142, dbp: 90, category: 'high' }],
      { measuredSince: () => 'since', symptoms: 'call 120', contact: '' },
      'UTC',
    );
    expect(now.steps).toEqual(['since', 'call 120']);
  });
});
