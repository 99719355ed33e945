/**
 * Trend of systolic/diastolic BP and heart rate with the guideline's office and home thresholds drawn; one legend
 * (the list under the chart) and the threshold values outside the plot area (bp-chart-option.ts).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts } from './echarts-setup.ts';
import type { BpPoint, GuidelineThresholds, HrPoint } from './bp-readings.ts';
import { formatDate, formatReadingTime } from '../../lib/format.ts';
import { formatInZone } from '../../lib/zone-time.ts';
import { BP_COLORS, bpChartOption } from './bp-chart-option.ts';

const COLORS = BP_COLORS;

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

  // One legend, the figure's own list below; threshold values are written outside the plot (bp-chart-option.ts).
  const option = useMemo(
    () =>
      bpChartOption({
        bp,
        hr,
        thresholds,
        height,
        timeZone,
        words: {
          systolic: t('vitals.systolic'),
          diastolic: t('vitals.diastolic'),
          heartRate: t('vitals.heartRate'),
          bpAxis: t('vitals.bpAxis'),
          hrAxis: t('vitals.hrAxis'),
        },
      }),
    [bp, hr, thresholds, height, t, timeZone],
  );

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
