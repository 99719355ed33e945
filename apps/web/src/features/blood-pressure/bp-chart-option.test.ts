/**
 * Issue 20: on the BP trend (the patient's own view at 375 px and the clinician's chart) the threshold labels
 * covered the readings and each other, and the legend was drawn twice (ECharts' and the figure's).
 */
import { describe, expect, it } from 'vitest';
import { bpChartOption, LABEL_GUTTER } from './bp-chart-option.ts';
import { THRESHOLDS, type BpPoint } from './bp-readings.ts';

const words = { systolic: 'SBP', diastolic: 'DBP', heartRate: 'HR', bpAxis: 'mmHg', hrAxis: 'bpm' };
const bp: BpPoint[] = Array.from({ length: 40 }, (_, i) => {
  const time = new Date(Date.UTC(2026, 10, 1 + i, 7)).toISOString();
  return {
    id: `r${i}`,
    time,
    ms: Date.parse(time),
    sbp: 150 + (i % 7),
    dbp: 92 + (i % 5),
    setting: 'home',
  } as BpPoint;
});

function labelCentres(height: number, guideline: keyof typeof THRESHOLDS) {
  const option = bpChartOption({ bp, hr: [], thresholds: THRESHOLDS[guideline], height, words });
  const axis = option.yAxis[0]!;
  const px = (height - option.grid.top - option.grid.bottom) / (axis.max - axis.min);
  const centres = (i: 0 | 1) =>
    (option.series[i]!.markLine?.data ?? []).map((d) => ({
      value: d.yAxis,
      y: option.grid.top + (axis.max - d.yAxis) * px + d.label.offset[1]!,
      label: d.label,
    }));
  return { option, sbp: centres(0), dbp: centres(1) };
}

describe('BP trend chart option', () => {
  it('draws no legend of its own: the figure lists the series and threshold lines once', () => {
    const { option } = labelCentres(300, 'china-2018');
    expect(option).not.toHaveProperty('legend');
  });

  it('writes threshold values outside the plot area, in a gutter left of the heart-rate axis', () => {
    const { option, sbp, dbp } = labelCentres(300, 'china-2018');
    for (const line of [...sbp, ...dbp]) {
      expect(line.label.position).toBe('end'); // past the line's end = right of the plot's edge
      expect(line.label.formatter).toBe(String(line.value));
    }
    expect(option.yAxis[1]!.offset).toBe(LABEL_GUTTER);
    expect(option.grid.right).toBeGreaterThanOrEqual(LABEL_GUTTER + 30);
  });

  it.each([300, 360])('keeps office 140 and home 135 (90 and 85) labels apart at %i px', (height) => {
    const { sbp, dbp } = labelCentres(height, 'china-2018');
    for (const [office, home] of [sbp, dbp]) {
      // 11 px text: centres at least a label's height apart, the higher value's label above.
      expect(home!.y - office!.y).toBeGreaterThanOrEqual(11);
    }
  });

  it('one line per series when office and home thresholds are the same (ACC/AHA 2017 130/80)', () => {
    const { sbp, dbp } = labelCentres(300, 'acc-aha-2017');
    expect(sbp.map((l) => l.value)).toEqual([130]);
    expect(dbp.map((l) => l.value)).toEqual([80]);
    expect(sbp[0]!.label.offset).toEqual([0, 0]);
  });
});
