/**
 * Blood-pressure page of the chart: the open emergency first (the overview's banner), guideline choice, summary
 * tiles, trend with thresholds, morning/evening.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  bp as bpApi,
  GUIDELINE_IDS,
  isApiError,
  type BilingualText,
  type BpAssessment,
  type GuidelineId,
} from '../../api/index.ts';
import { ErrorState, Loading } from '../../components/states.tsx';
import type { AbpmAnswer } from '../../api/bp.ts';
import { formatDate, zoneDisplayName, type DeceasedInfo } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { care } from '../../api/care.ts';
import { AbpmCard, useAbpm } from './abpm-card.tsx';
import { HOME_WINDOWS, THRESHOLDS, phenotypeVerdict, windowWords } from './bp-readings.ts';
import { BpTrend, RangeSelect, useBpVitals, type Range } from './bp-trend.tsx';
import { splitMeanText, splitView, type SplitRowView } from './split-view.ts';
import { useGuideline } from './guideline-preference.ts';
import { PatientBpView } from './patient-bp-view.tsx';
import { ReadingsCard } from './readings-card.tsx';
import { useAuth } from '../../auth/auth-context.tsx';
import { GRADES } from '../care/reading-label.ts';
import { ChartAlerts } from '../patient-chart/chart-alerts.tsx';

const PHENOTYPES = [
  'sustained-normotension',
  'sustained-hypertension',
  'masked-hypertension',
  'white-coat-hypertension',
  'controlled-hypertension',
  'uncontrolled-hypertension',
  'masked-uncontrolled-hypertension',
  'white-coat-effect',
];
/** The office categories the console names (one list, shared with the patient's reading labels). */
const CATEGORIES: readonly string[] = GRADES;
const VERDICT_TEXT = {
  zh: { 'at-target': '家庭血压已达标', 'above-target': '家庭血压未达标' },
  en: { 'at-target': 'Home BP at target', 'above-target': 'Home BP above target' },
} as const;

function pick(text: BilingualText | undefined, lang: string): string | undefined {
  if (!text) return undefined;
  return lang === 'zh-CN' ? text.zh || text.en : text.en || text.zh;
}

function round(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '—' : String(Math.round(v));
}

export default function BloodPressurePage({
  patientId,
  deceased,
}: {
  patientId: string;
  /** Set when the patient has died: the page says so above everything else. */
  deceased?: DeceasedInfo;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [guideline, setGuideline] = useGuideline();
  const [range, setRange] = useState<Range>('90');
  const { vitals, all, shown } = useBpVitals(patientId, range);
  const assessment = useAsync((s) => bpApi.assessment(patientId, guideline, s), [patientId, guideline]);
  const abpm = useAbpm(patientId);
  // The patient's zone (their own, else the hospital's), an IANA name from the server: times and the chart in it.
  // Never a fixed default offset — without it readings keep their own clock and the console buckets none.
  const zones = useAsync((s) => care.patientTimeZone(patientId, s), [patientId]);
  const timeZone =
    zones.status === 'success' ? (zones.data.patients[patientId] ?? zones.data.timeZone) : undefined;

  const thresholds = THRESHOLDS[guideline];
  // Morning/evening means are the server's (its HBPM window, bucketed in the patient's zone per reading).
  const hbpm = assessment.status === 'success' ? assessment.data.home?.hbpm : undefined;
  const split = useMemo(
    () => splitView({ hbpm, all: all.bp, shown: shown.bp, timeZone, homeThreshold: thresholds.home }),
    [hbpm, all.bp, shown.bp, timeZone, thresholds.home],
  );
  const splitPending = assessment.status === 'loading' || (!hbpm && zones.status === 'loading');
  const { me } = useAuth();

  // A patient reads plain words and the home page's numbers; the clinician controls below are theirs only.
  if (me?.role === 'patient') return <PatientBpView patientId={patientId} timeZone={timeZone} />;

  return (
    <div className="bp-page">
      {/* The open emergency leads here as on the overview (issue 20); nothing when none is open. */}
      <ChartAlerts patientId={patientId} />
      {deceased && (
        <p className="notice" role="status" data-testid="bp-deceased">
          {deceased.date ? t('chart.deceasedOn', { date: deceased.date }) : t('chart.deceased')} ·{' '}
          {t('chart.deceasedNote')}
        </p>
      )}
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor="bp-guideline">{t('bp.guideline')}</label>
          <select
            id="bp-guideline"
            value={guideline}
            onChange={(e) => setGuideline(e.target.value as GuidelineId)}
          >
            {GUIDELINE_IDS.map((g) => (
              <option key={g} value={g}>
                {t(`bp.guidelines.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <RangeSelect id="bp-range" value={range} onChange={setRange} />
      </div>

      <section aria-labelledby="bp-summary-title" className="card">
        <h2 id="bp-summary-title">{t('bp.summary')}</h2>
        {assessment.status === 'loading' && <Loading />}
        {assessment.status === 'error' &&
          (isApiError(assessment.error) &&
          (assessment.error.status === 404 || assessment.error.status === 501) ? (
            <p className="notice" role="status">
              {t('bp.assessmentUnavailable')}
            </p>
          ) : (
            <ErrorState error={assessment.error} onRetry={assessment.reload} />
          ))}
        {assessment.status === 'success' && (
          <SummaryTiles
            assessment={assessment.data}
            lang={lang}
            abpm={abpm.status === 'success' ? (abpm.data ?? undefined) : undefined}
          />
        )}
      </section>

      <AbpmCard abpm={abpm} lang={lang} timeZone={timeZone} />

      <section aria-labelledby="bp-trend-title" className="card">
        <h2 id="bp-trend-title">{t('vitals.chartTitle')}</h2>
        <BpTrend vitals={vitals} shown={shown} thresholds={thresholds} height={360} timeZone={timeZone} />
      </section>

      <ReadingsCard
        patientId={patientId}
        timeZone={timeZone}
        onChanged={() => {
          vitals.reload();
          assessment.reload();
        }}
      />

      {vitals.status === 'success' && all.bp.length > 0 && !splitPending && (
        <section aria-labelledby="bp-split-title" className="card">
          <h2 id="bp-split-title">{t('bp.morningEvening')}</h2>
          {split ? (
            <>
              <p className="tile-meta" data-testid="bp-split-source">
                {split.source === 'server'
                  ? t('bp.splitServer')
                  : t('bp.splitConsole', { zone: zoneDisplayName(timeZone, lang) })}
                {split.source === 'server' && timeZone
                  ? ` ${t('bp.splitZone', { zone: zoneDisplayName(timeZone, lang) })}`
                  : ''}
              </p>
              <div className="table-wrap">
                <table className="data-table" data-testid="bp-split">
                  <thead>
                    <tr>
                      <th scope="col">{t('bp.period')}</th>
                      <th scope="col">{t('bp.count')}</th>
                      <th scope="col">
                        {t('bp.mean')} {t('vitals.systolic')}/{t('vitals.diastolic')} (mmHg)
                      </th>
                      <th scope="col">
                        {t('bp.mean')} {t('vitals.heartRate')}
                      </th>
                      <th scope="col">{t('common.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <SplitRow
                      label={t('bp.morning', windowWords(HOME_WINDOWS.morning))}
                      value={split.morning}
                      home={split.threshold}
                    />
                    <SplitRow
                      label={t('bp.evening', windowWords(HOME_WINDOWS.evening))}
                      value={split.evening}
                      home={split.threshold}
                    />
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            <p className="notice" role="status" data-testid="bp-split-unavailable">
              {t('bp.splitUnavailable')}
            </p>
          )}
        </section>
      )}
    </div>
  );
}

function SplitRow({
  label,
  value,
  home,
}: {
  label: string;
  value: SplitRowView;
  home: { sbp: number; dbp: number };
}) {
  const { t } = useTranslation();
  const mean = splitMeanText(value);
  const hasMean = mean !== undefined;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{value.n ?? '—'}</td>
      <td className="num">{mean ?? t('bp.noReadingsPeriod')}</td>
      <td className="num">{round(value.heartRate)}</td>
      <td>
        {hasMean && value.high !== undefined && (
          <span className={value.high ? 'badge badge-high' : 'badge badge-ok'}>
            {value.high ? t('bp.aboveHome') : t('bp.belowHome')} ({home.sbp}/{home.dbp})
          </span>
        )}
      </td>
    </tr>
  );
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function Tile({
  title,
  value,
  meta,
  alert,
  testId,
}: {
  title: string;
  value: ReactNode;
  meta?: ReactNode;
  alert?: boolean;
  testId?: string;
}) {
  return (
    <div className={`tile ${alert ? 'tile-alert' : ''}`} data-testid={testId}>
      <h3>{title}</h3>
      <p className="tile-value">{value}</p>
      {meta ? <p className="tile-meta">{meta}</p> : null}
    </div>
  );
}

/** Renders the server's assessment (packages/bp-monitoring/api-types BpAssessment) and the latest ABPM summary. */
function SummaryTiles({
  assessment,
  lang,
  abpm,
}: {
  assessment: BpAssessment;
  lang: string;
  abpm?: AbpmAnswer;
}) {
  const { t } = useTranslation();
  const { office, home, risk } = assessment;
  // Dipping needs a 24-hour recording: the uploaded ABPM recording's (the assessment has none).
  const dipping = abpm?.summary.dipping;
  const hbpm = home?.hbpm;
  const homeSbp = num(hbpm?.mean?.sbp);
  const homeDbp = num(hbpm?.mean?.dbp);
  const sufficient = hbpm?.sufficient;
  const homeHigh = hbpm?.high;
  const readingsUsed = num(hbpm?.readingsUsed);
  const daysUsed = num(hbpm?.daysUsed);
  const homeThreshold = hbpm?.threshold;
  const homeStatus =
    homeHigh === undefined
      ? undefined
      : homeThreshold
        ? // The threshold inside the catalogue's own brackets: （135/85） on a zh screen (issue 20).
          t(homeHigh ? 'bp.aboveHomeAt' : 'bp.belowHomeAt', {
            sbp: homeThreshold.sbp,
            dbp: homeThreshold.dbp,
          })
        : t(homeHigh ? 'bp.aboveHome' : 'bp.belowHome');

  const officeClass = office?.classification ?? home?.officeClassification;
  // The category's own label; the engine's display sentence repeats unrounded means.
  const officeText =
    categoryLabel(officeClass?.category) ?? pick(officeClass?.display, lang) ?? officeClass?.category;
  const officeSbp = num(office?.mean?.sbp);
  const officeDbp = num(office?.mean?.dbp);

  const riskFraction = num(risk?.pce?.tenYearRisk);
  const riskPercent =
    riskFraction === undefined ? undefined : riskFraction <= 1 ? riskFraction * 100 : riskFraction;
  const riskText = pick(risk?.pce?.display, lang);

  // One verdict per tile: the target check decides where the phenotype name would contradict it.
  const { phenotype: shownPhenotype, verdict } = phenotypeVerdict(
    home?.phenotype?.phenotype,
    home?.target?.met,
  );
  const dip = num(dipping?.dipPercent);
  const ratio = num(dipping?.nightDayRatio);
  const notAssessed = <span className="tile-text">{t('bp.notAssessed')}</span>;
  function categoryLabel(category: string | undefined): string | undefined {
    return category && CATEGORIES.includes(category) ? t(`bp.categories.${category}`) : undefined;
  }

  return (
    <div className="tiles" data-testid="bp-tiles">
      <Tile
        testId="tile-hbpm"
        title={t('bp.hbpmAverage')}
        alert={homeHigh === true}
        value={
          homeSbp !== undefined && homeDbp !== undefined ? (
            <>
              {/* As the server shows it: never across the threshold or target (decision 0027). */}
              {hbpm?.shown?.sbp ?? round(homeSbp)}/{hbpm?.shown?.dbp ?? round(homeDbp)} <small>mmHg</small>
            </>
          ) : (
            <span className="tile-text">
              {sufficient === false ? t('bp.insufficient') : t('bp.notAssessed')}
            </span>
          )
        }
        meta={[
          // The one current home average's window, named (decision 0027): 近7天（不含第1天）, dates.
          hbpm?.from && hbpm.to
            ? t('care.progress.window', {
                window: pick(hbpm.label, lang) ?? '',
                from: formatDate(hbpm.from, lang, false),
                to: formatDate(hbpm.to, lang, false),
              })
            : '',
          homeStatus,
          readingsUsed !== undefined ? t('bp.readings', { count: readingsUsed }) : '',
          assessment.pendingProjection
            ? t('bp.pendingProjection', { count: assessment.pendingProjection })
            : '',
          daysUsed !== undefined ? t('bp.days', { count: daysUsed }) : '',
          sufficient === false && homeSbp !== undefined ? t('bp.insufficient') : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      />
      <Tile
        testId="tile-category"
        title={t('bp.officeCategory')}
        alert={officeClass?.crisis === true}
        value={officeText ? <span className="tile-text">{officeText}</span> : notAssessed}
        meta={
          !officeText && assessment.officeMissing
            ? // Not assessed says why, like the other tiles: no office visit in the window, and the last one if older.
              assessment.officeMissing.lastBefore
              ? t('bp.officeMissingOlder', {
                  since: assessment.officeMissing.since,
                  last: assessment.officeMissing.lastBefore,
                })
              : t('bp.officeMissing', { since: assessment.officeMissing.since })
            : [
                officeSbp !== undefined && officeDbp !== undefined
                  ? `${round(officeSbp)}/${round(officeDbp)} mmHg`
                  : '',
                office?.date ?? '',
                officeClass?.crisis ? t('bp.crisis') : '',
              ]
                .filter(Boolean)
                .join(' · ')
        }
      />
      {home?.phenotype?.display || home?.target?.display ? (
        <Tile
          testId="tile-phenotype"
          title={t('bp.phenotype')}
          alert={home?.target?.met === false}
          value={
            <span className="tile-text">
              {shownPhenotype && PHENOTYPES.includes(shownPhenotype)
                ? t(`bp.phenotypes.${shownPhenotype}`)
                : shownPhenotype
                  ? (pick(home?.phenotype?.display, lang) ?? t('bp.notAssessed'))
                  : verdict
                    ? VERDICT_TEXT[lang === 'zh-CN' ? 'zh' : 'en'][verdict]
                    : t('bp.notAssessed')}
            </span>
          }
          meta={pick(home?.target?.display, lang)}
        />
      ) : null}
      <Tile
        testId="tile-dipping"
        title={t('bp.dipping')}
        value={
          (pick(dipping?.display, lang) ?? dipping?.dippingClass) ? (
            <span className="tile-text">{pick(dipping?.display, lang) ?? dipping?.dippingClass}</span>
          ) : (
            notAssessed
          )
        }
        meta={
          dipping
            ? [
                dip !== undefined ? `${dip.toFixed(1)}%` : '',
                ratio !== undefined ? t('bp.ratio', { value: ratio.toFixed(2) }) : '',
              ]
                .filter(Boolean)
                .join(' · ')
            : t('bp.dippingNeedsAbpm')
        }
      />
      <Tile
        testId="tile-risk"
        title={t('bp.risk')}
        value={riskPercent !== undefined ? `${riskPercent.toFixed(1)}%` : notAssessed}
        meta={
          riskPercent !== undefined
            ? riskText
            : risk?.missing?.length
              ? t('bp.riskMissing', { items: risk.missing.join(', ') })
              : undefined
        }
      />
    </div>
  );
}
