/** Trend of systolic/diastolic BP and heart rate with the guideline's office and home thresholds drawn. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts } from './echarts-setup.ts';
import type { BpPoint, GuidelineThresholds, HrPoint } from './bp-readings.ts';
import { formatDate, formatReadingTime } from '../../lib/format.ts';
import { formatInZone } from '../../lib/zone-time.ts';
import { chartTimes } from './reading-zone.ts';

const COLORS = { sbp: '#b42318', dbp: '#1d4ed8', hr: '#6b7280', office: '#9a3412', home: '#0f766e' };

interface Props {
  bp: readonly BpPoint[];
  hr: readonly HrPoint[];
  thresholds?: GuidelineThresholds;
  height?: number;
  /** The patient's (or hospital's) zone: dates and the table's times are shown in it when known. */
  timeZone?: string;
}

export function BpChart({ bp, hr, thresholds, height = 320, timeZone }: Props) {
  const { t, i18n } = useTranslation();
  const [showTable, setShowTable] = useState(false);
  const lang = i18n.language;

  const sameLines =
    thresholds &&
    thresholds.home.sbp === thresholds.office.sbp &&
    thresholds.home.dbp === thresholds.office.dbp;

  const option = useMemo(() => {
    const line = (
      value: number,
      color: string,
      label: string,
      position: 'insideEndTop' | 'insideEndBottom',
    ) => ({
      yAxis: value,
      lineStyle: { color, type: 'dashed' as const, width: 1.5 },
      label: { formatter: label, color, position, fontSize: 11 },
    });
    const officeLabel = (v: number) => (sameLines ? String(v) : `${t('vitals.officeThreshold')} ${v}`);
    const homeLabel = (v: number) => `${t('vitals.homeThreshold')} ${v}`;
    const linesFor = (key: 'sbp' | 'dbp') =>
      thresholds
        ? [
            line(thresholds.office[key], COLORS.office, officeLabel(thresholds.office[key]), 'insideEndTop'),
            ...(sameLines
              ? []
              : [
                  line(thresholds.home[key], COLORS.home, homeLabel(thresholds.home[key]), 'insideEndBottom'),
                ]),
          ]
        : [];
    const sbpLines = linesFor('sbp');
    const dbpLines = linesFor('dbp');
    const markLine = (data: ReturnType<typeof line>[]) =>
      data.length ? { silent: true, symbol: 'none', data } : undefined;
    // Axis bounds on a 20 mmHg grid that always shows the threshold lines.
    // In the named zone the axis shows its wall clock (each reading converted on its own, daylight saving
    // included), drawn with useUTC; without one, the browser's clock as ECharts does by default.
    const x = chartTimes(timeZone);
    const minBp = Math.floor(Math.min(60, ...bp.map((p) => p.dbp - 5)) / 20) * 20;
    const maxBp = Math.ceil(Math.max(160, ...bp.map((p) => p.sbp + 5)) / 20) * 20;
    return {
      animation: false,
      useUTC: x.useUTC,
      aria: { enabled: true, decal: { show: false } },
      color: [COLORS.sbp, COLORS.dbp, COLORS.hr],
      textStyle: { fontFamily: 'inherit' },
      // Room between the legend (top row) and the axis names, which overlapped on a 375 px phone.
      grid: { left: 48, right: 48, top: 64, bottom: bp.length > 30 ? 64 : 32 },
      legend: { top: 0, data: [t('vitals.systolic'), t('vitals.diastolic'), t('vitals.heartRate')] },
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
          name: t('vitals.bpAxis'),
          min: minBp,
          max: maxBp,
          interval: 20,
          splitLine: { lineStyle: { color: '#eef0f3' } },
        },
        { type: 'value', name: t('vitals.hrAxis'), min: 40, max: 140, splitLine: { show: false } },
      ],
      dataZoom: bp.length > 30 ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }] : [],
      series: [
        {
          name: t('vitals.systolic'),
          type: 'line',
          symbolSize: 5,
          data: bp.map((p) => [x.at(p), p.sbp]),
          markLine: markLine(sbpLines),
        },
        {
          name: t('vitals.diastolic'),
          type: 'line',
          symbolSize: 5,
          data: bp.map((p) => [x.at(p), p.dbp]),
          markLine: markLine(dbpLines),
        },
        {
          name: t('vitals.heartRate'),
          type: 'line',
          yAxisIndex: 1,
          symbol: 'emptyCircle',
          symbolSize: 4,
          lineStyle: { width: 1, type: 'dotted' },
          data: hr.map((p) => [x.at(p), p.value]),
        },
      ],
    };
  }, [bp, hr, thresholds, sameLines, t, timeZone]);

  const from = formatDate(bp[0]?.time, lang, false, timeZone);
  const to = formatDate(bp[bp.length - 1]?.time, lang, false, timeZone);
  const description = t('vitals.chartDescription', { count: bp.length, from, to });

  return (
    <figure className="chart" data-testid="bp-chart">
      <div role="img" aria-label={`${t('vitals.chartTitle')}. ${description}`}>
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
        <ul className="chart-legend" aria-label={t('vitals.legend')} data-testid="bp-legend">
          <li>
            <span className="swatch" style={{ background: COLORS.sbp }} aria-hidden="true" />
            {t('vitals.systolic')}
          </li>
          <li>
            <span className="swatch" style={{ background: COLORS.dbp }} aria-hidden="true" />
            {t('vitals.diastolic')}
          </li>
          <li>
            <span className="swatch swatch-dotted" style={{ borderColor: COLORS.hr }} aria-hidden="true" />
            {t('vitals.heartRate')}
          </li>
          {thresholds && (
            <li>
              <span
                className="swatch swatch-dashed"
                style={{ borderColor: COLORS.office }}
                aria-hidden="true"
              />
              {t('vitals.threshold', {
                label: sameLines ? '' : t('vitals.officeThreshold'),
                sbp: thresholds.office.sbp,
                dbp: thresholds.office.dbp,
              })}
            </li>
          )}
          {thresholds && !sameLines && (
            <li>
              <span
                className="swatch swatch-dashed"
                style={{ borderColor: COLORS.home }}
                aria-hidden="true"
              />
              {t('vitals.threshold', {
                label: t('vitals.homeThreshold'),
                sbp: thresholds.home.sbp,
                dbp: thresholds.home.dbp,
              })}
            </li>
          )}
        </ul>
        <button
          type="button"
          className="link-button"
          aria-expanded={showTable}
          onClick={() => setShowTable((v) => !v)}
        >
          {showTable ? t('vitals.hideTable') : t('vitals.showTable')}
        </button>
      </figcaption>
      {showTable && <ReadingsTable bp={bp} timeZone={timeZone} />}
    </figure>
  );
}

function ReadingsTable({ bp, timeZone }: { bp: readonly BpPoint[]; timeZone?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('vitals.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.date')}</th>
            <th scope="col">{t('vitals.systolic')}</th>
            <th scope="col">{t('vitals.diastolic')}</th>
            <th scope="col">{t('vitals.heartRate')}</th>
            <th scope="col">{t('vitals.setting')}</th>
          </tr>
        </thead>
        <tbody>
          {[...bp].reverse().map((p) => (
            <tr key={p.id}>
              <td>
                {timeZone
                  ? formatInZone(p.time, timeZone, i18n.language)
                  : // No zone named: the clock written in the value, labelled when that clock is UTC's.
                    `${formatReadingTime(p.time)}${/(Z|[+-]00:?00)$/i.test(p.time) ? ' UTC' : ''}`}
              </td>
              <td className="num">{p.sbp}</td>
              <td className="num">{p.dbp}</td>
              <td className="num">{p.heartRate ?? ''}</td>
              <td>{p.setting === 'unknown' ? '' : t(`vitals.${p.setting}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default BpChart;
