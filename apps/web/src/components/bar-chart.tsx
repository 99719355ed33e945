/**
 * Bar chart with optional 95 % CI whiskers (ECharts, modular imports; load lazily with React.lazy so lists
 * and sign-in do not download ECharts). The same numbers are always shown in a table beside the chart.
 */
import { useMemo } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart as EBarChart, CustomChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  EBarChart,
  CustomChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  CanvasRenderer,
]);

const PALETTE = ['#1d4ed8', '#0f766e', '#9a3412', '#6b7280', '#7c3aed'];

export interface BarSeries {
  name: string;
  values: (number | null)[];
}

interface Props {
  categories: string[];
  series: BarSeries[];
  /** One [lower, upper] per category for the first series (drawn as whiskers). */
  intervals?: ([number, number] | null)[];
  /** Values are fractions shown as percentages (axis 0–100 %). */
  percent?: boolean;
  label: string;
  height?: number;
}

export default function BarChart({ categories, series, intervals, percent, label, height = 300 }: Props) {
  const option = useMemo(() => {
    const fmt = (v: number) => (percent ? `${Math.round(v * 1000) / 10}%` : v.toLocaleString());
    const whiskers = intervals
      ? [
          {
            type: 'custom',
            name: '95% CI',
            silent: true,
            z: 10,
            data: intervals.map((ci, i) => (ci ? [i, ci[0], ci[1]] : [i, NaN, NaN])),
            renderItem: (
              _params: unknown,
              api: {
                value: (dim: number) => number;
                coord: (p: [number, number]) => [number, number];
                size: (p: [number, number]) => [number, number];
              },
            ) => {
              const lo = api.value(1);
              const hi = api.value(2);
              if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
              const x = api.value(0);
              const a = api.coord([x, lo]);
              const b = api.coord([x, hi]);
              const w = api.size([1, 0])[0] * 0.12;
              const style = { stroke: '#111827', lineWidth: 1.5 };
              return {
                type: 'group',
                children: [
                  { type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style },
                  { type: 'line', shape: { x1: a[0] - w, y1: a[1], x2: a[0] + w, y2: a[1] }, style },
                  { type: 'line', shape: { x1: b[0] - w, y1: b[1], x2: b[0] + w, y2: b[1] }, style },
                ],
              };
            },
          },
        ]
      : [];
    return {
      animation: false,
      aria: { enabled: true, label: { description: label } },
      color: PALETTE,
      grid: { left: 56, right: 16, top: series.length > 1 ? 36 : 16, bottom: 48, containLabel: true },
      legend: series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : undefined,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : String(v ?? '')),
      },
      xAxis: {
        type: 'category',
        data: categories,
        axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 },
      },
      yAxis: {
        type: 'value',
        ...(percent ? { min: 0, max: 1 } : {}),
        axisLabel: { formatter: (v: number) => fmt(v) },
      },
      series: [
        ...series.map((s) => ({ type: 'bar', name: s.name, data: s.values, barMaxWidth: 48 })),
        ...whiskers,
      ],
    };
  }, [categories, series, intervals, percent, label]);

  return (
    <div role="img" aria-label={label} className="chart-box">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge lazyUpdate />
    </div>
  );
}
