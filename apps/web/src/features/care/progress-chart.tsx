/** Weekly home-BP means (calendar weeks, a trend — not the current average) against the patient's target (ECharts, the console's modular setup; load lazily). */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts } from '../blood-pressure/echarts-setup.ts';
import type { ProgressWeek } from '../../api/care.ts';
import { progressSeries, weekShown } from './care-model.ts';

const COLORS = { sbp: '#b42318', dbp: '#1d4ed8', target: '#0f766e' };

interface Props {
  weeks: readonly ProgressWeek[];
  target?: { sbp: number; dbp?: number } | undefined;
  height?: number;
}

export function ProgressChart({ weeks, target, height = 260 }: Props) {
  const { t } = useTranslation();
  const [showTable, setShowTable] = useState(false);
  const series = useMemo(() => progressSeries(weeks, target), [weeks, target]);

  const option = useMemo(() => {
    const targetLine = (value: number | undefined, label: string) =>
      value === undefined
        ? undefined
        : {
            silent: true,
            symbol: 'none',
            data: [
              {
                yAxis: value,
                lineStyle: { color: COLORS.target, type: 'dashed' as const, width: 2 },
                // Outside the plot, right of the line's end: it never covers a week's point (issue 20).
                label: {
                  formatter: label,
                  color: COLORS.target,
                  position: 'end',
                  distance: 4,
                  fontSize: 11,
                  fontWeight: 600,
                },
              },
            ],
          };
    const min = Math.floor(Math.min(60, ...series.dbp.map((v) => v - 5)) / 20) * 20;
    const max = Math.ceil(Math.max(160, ...series.sbp.map((v) => v + 5)) / 20) * 20;
    return {
      animation: false,
      aria: { enabled: true, decal: { show: false } },
      color: [COLORS.sbp, COLORS.dbp],
      textStyle: { fontFamily: 'inherit' },
      // The right margin holds the target values (the caption below says the dashed lines are the target).
      grid: { left: 40, right: 40, top: 36, bottom: 28 },
      legend: { top: 0, data: [t('care.progress.sbp'), t('care.progress.dbp')] },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: series.weeks.map((w) => w.slice(5)), boundaryGap: false },
      yAxis: { type: 'value', min, max, interval: 20, splitLine: { lineStyle: { color: '#eef0f3' } } },
      series: [
        {
          name: t('care.progress.sbp'),
          type: 'line',
          symbolSize: 7,
          data: series.sbp,
          markLine: targetLine(series.target?.sbp, String(series.target?.sbp ?? '')),
        },
        {
          name: t('care.progress.dbp'),
          type: 'line',
          symbolSize: 7,
          data: series.dbp,
          markLine: targetLine(series.target?.dbp, String(series.target?.dbp ?? '')),
        },
      ],
    };
  }, [series, t]);

  const description = t('care.progress.chartDescription', { count: series.weeks.length });
  return (
    <figure className="chart" data-testid="progress-chart">
      <div role="img" aria-label={description}>
        <ReactEChartsCore
          echarts={echarts}
          option={option}
          notMerge
          lazyUpdate
          style={{ height, width: '100%' }}
          opts={{ renderer: 'canvas' }}
        />
      </div>
      <figcaption>
        {/* Calendar weeks, a trend: never to be read as the current average (decision 0027). */}
        <p className="muted" data-testid="progress-weekly-note">
          {t('care.progress.weeklyNote')}
        </p>
        {series.target && (
          <span className="muted">
            {t('care.progress.targetLegend', {
              sbp: series.target.sbp,
              dbp: series.target.dbp ?? '—',
            })}
          </span>
        )}{' '}
        <button
          type="button"
          className="link-button"
          aria-expanded={showTable}
          onClick={() => setShowTable((v) => !v)}
        >
          {showTable ? t('care.progress.hideTable') : t('care.progress.showTable')}
        </button>
      </figcaption>
      {showTable && (
        <div className="table-wrap">
          <table data-testid="progress-table">
            <caption className="visually-hidden">{t('care.progress.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('care.progress.week')}</th>
                <th scope="col">{t('care.progress.mean')}</th>
                <th scope="col">{t('care.progress.readings')}</th>
                <th scope="col">{t('care.progress.atTarget')}</th>
              </tr>
            </thead>
            <tbody>
              {[...weeks].reverse().map((w) => (
                <tr key={w.weekStart}>
                  <td>{w.weekStart}</td>
                  <td className="num">{weekShown(w)}</td>
                  <td className="num">{w.readings}</td>
                  <td>{w.atTarget ? t('common.yes') : t('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}

export default ProgressChart;
