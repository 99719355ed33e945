/**
 * Decision 0027 "Not yet" (issue 20): the weekly progress chart rounded each week with Math.round in the console — a
 * week of 134.6 beside the <135 target line read as "135". The server sends each week's figure as shown (`shown`,
 * never across the target); the chart and its table show that. The chart is a calendar-week trend, labelled so it
 * does not read as the current average.
 */
import { describe, expect, it } from 'vitest';
import type { ProgressWeek } from '../../api/care.ts';
import { progressSeries, weekShown } from './care-model.ts';
import { enCare } from '../../i18n/en-care.ts';
import { zhCNCare } from '../../i18n/zh-CN-care.ts';

const weeks: ProgressWeek[] = [
  {
    weekStart: '2026-03-09',
    sbp: 134.6,
    dbp: 84.5,
    shown: { sbp: '134.6', dbp: '84.5' },
    readings: 10,
    atTarget: true,
  },
  {
    weekStart: '2026-03-02',
    sbp: 150.25,
    dbp: 95,
    shown: { sbp: '150', dbp: '95' },
    readings: 14,
    atTarget: false,
  },
];

describe('weekly means as the server shows them', () => {
  it('the chart’s points: 134.6/84.5, not 135/85, beside a <135/85 target', () => {
    expect(progressSeries(weeks, { sbp: 135, dbp: 85 })).toMatchObject({
      weeks: ['2026-03-02', '2026-03-09'],
      sbp: [150, 134.6],
      dbp: [95, 84.5],
    });
  });

  it('the table’s figure: the shown pair; whole mmHg for a week sent before `shown` existed', () => {
    expect(weekShown(weeks[0]!)).toBe('134.6/84.5');
    expect(weekShown({ weekStart: '2026-02-23', sbp: 141.4, dbp: 88.6, readings: 3, atTarget: false })).toBe(
      '141/89',
    );
  });

  it('the chart says it is calendar-week means, not the current average, in each language', () => {
    const enNote = enCare.progress.weeklyNote;
    const zhNote = zhCNCare.progress.weeklyNote;
    expect(enNote).toMatch(/calendar week/i);
    expect(enNote).toMatch(/not the current average/i);
    expect(zhNote).toContain('周一至周日');
    expect(zhNote).toContain('不是当前均值');
    expect(zhNote).not.toMatch(/[A-Za-z]/);
  });
});
