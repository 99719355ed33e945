/**
 * The ECharts option of the BP trend (bp-chart.tsx), pure so that its layout rules are tested:
 * - one legend: the figure's own (the HTML list under the chart, which also names the threshold lines);
 *   ECharts draws none.
 * - the threshold lines' values are written in a gutter right of the plot area, outside it, so they never
 *   cover a reading; the heart-rate axis sits right of that gutter. Two lines closer than a label's height
 *   (office 140 and home 135) have their labels pushed apart, the higher one up and the lower one down.
 */
import type { BpPoint, GuidelineThresholds, HrPoint } from './bp-readings.ts';
import { chartTimes } from './reading-zone.ts';

export const BP_COLORS = {
  sbp: '#b42318',
  dbp: '#1d4ed8',
  hr: '#6b7280',
  office: '#9a3412',
  home: '#0f766e',
};

/** Width (px) between the plot's right edge and the heart-rate axis, where threshold values are written. */
export const LABEL_GUTTER = 34;
const LABEL_FONT = 11;
/** Half a label's height plus a pixel: two labels whose centres are this far apart do not touch. */
const LABEL_HALF = LABEL_FONT / 2 + 2;

export interface BpChartWords {
  systolic: string;
  diastolic: string;
  heartRate: string;
  bpAxis: string;
  hrAxis: string;
}

interface LineSpec {
  value: number;
  color: string;
}

/** The threshold lines of one series, with labels outside the plot and apart from each other. */
export function thresholdLines(lines: readonly LineSpec[], pxPerMmHg: number) {
  const sorted = [...lines].sort((a, b) => b.value - a.value);
  return sorted.map((line, i) => {
    // Pixels between this line and its neighbours; closer than a label's height → nudge apart.
    const above = i > 0 ? (sorted[i - 1]!.value - line.value) * pxPerMmHg : Infinity;
    const below = i < sorted.length - 1 ? (line.value - sorted[i + 1]!.value) * pxPerMmHg : Infinity;
    const up = below < 2 * LABEL_HALF ? LABEL_HALF - below / 2 : 0;
    const down = above < 2 * LABEL_HALF ? LABEL_HALF - above / 2 : 0;
    return {
      yAxis: line.value,
      lineStyle: { color: line.color, type: 'dashed' as const, width: 1.5 },
      label: {
        formatter: String(line.value),
        color: line.color,
        position: 'end' as const,
        distance: 4,
        fontSize: LABEL_FONT,
        fontWeight: 600 as const,
        offset: [0, Math.round(down - up)],
      },
    };
  });
}

export function bpChartOption(input: {
  bp: readonly BpPoint[];
  hr: readonly HrPoint[];
  thresholds?: GuidelineThresholds;
  height: number;
  timeZone?: string;
  words: BpChartWords;
}) {
  const { bp, hr, thresholds, height, timeZone, words } = input;
  const sameLines =
    !!thresholds &&
    thresholds.home.sbp === thresholds.office.sbp &&
    thresholds.home.dbp === thresholds.office.dbp;
  const zoom = bp.length > 30;
  const grid = { left: 44, right: 40 + LABEL_GUTTER, top: 36, bottom: zoom ? 64 : 32 };
  // Axis bounds on a 20 mmHg grid that always shows the threshold lines.
  const minBp = Math.floor(Math.min(60, ...bp.map((p) => p.dbp - 5)) / 20) * 20;
  const maxBp = Math.ceil(Math.max(160, ...bp.map((p) => p.sbp + 5)) / 20) * 20;
  const pxPerMmHg = (height - grid.top - grid.bottom) / (maxBp - minBp);
  const linesFor = (key: 'sbp' | 'dbp') =>
    thresholds
      ? thresholdLines(
          [
            { value: thresholds.office[key], color: BP_COLORS.office },
            ...(sameLines ? [] : [{ value: thresholds.home[key], color: BP_COLORS.home }]),
          ],
          pxPerMmHg,
        )
      : [];
  const markLine = (data: ReturnType<typeof thresholdLines>) =>
    data.length ? { silent: true, symbol: 'none', data } : undefined;
  // In the named zone the axis shows its wall clock (each reading converted on its own, daylight saving
  // included), drawn with useUTC; without one, the browser's clock as ECharts does by default.
  const x = chartTimes(timeZone);
  return {
    animation: false,
    useUTC: x.useUTC,
    aria: { enabled: true, decal: { show: false } },
    color: [BP_COLORS.sbp, BP_COLORS.dbp, BP_COLORS.hr],
    textStyle: { fontFamily: 'inherit' },
    grid,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? String(Math.round(v)) : String(v)),
    },
    xAxis: {
      type: 'time',
      axisLabel: {
        hideOverlap: true,
        formatter: {
          year: '{yyyy}',
          month: '{MM}-{dd}',
          day: '{MM}-{dd}',
          hour: '{HH}:{mm}',
          minute: '{HH}:{mm}',
        },
      },
    },
    yAxis: [
      {
        type: 'value',
        name: words.bpAxis,
        nameTextStyle: { align: 'left' as const },
        min: minBp,
        max: maxBp,
        interval: 20,
        splitLine: { lineStyle: { color: '#eef0f3' } },
      },
      {
        type: 'value',
        name: words.hrAxis,
        nameTextStyle: { align: 'right' as const },
        min: 40,
        max: 140,
        // Right of the threshold labels' gutter.
        offset: LABEL_GUTTER,
        splitLine: { show: false },
      },
    ],
    dataZoom: zoom ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }] : [],
    series: [
      {
        name: words.systolic,
        type: 'line',
        symbolSize: 5,
        data: bp.map((p) => [x.at(p), p.sbp]),
        markLine: markLine(linesFor('sbp')),
      },
      {
        name: words.diastolic,
        type: 'line',
        symbolSize: 5,
        data: bp.map((p) => [x.at(p), p.dbp]),
        markLine: markLine(linesFor('dbp')),
      },
      {
        name: words.heartRate,
        type: 'line',
        yAxisIndex: 1,
        symbol: 'emptyCircle',
        symbolSize: 4,
        lineStyle: { width: 1, type: 'dotted' },
        data: hr.map((p) => [x.at(p), p.value]),
      },
    ],
  };
}
