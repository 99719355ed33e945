/**
 * The blood-pressure tab for a patient (issue 20 finding 8): plain-language summary from the home page's server
 * answer (same mean, count and measuring windows — finding 10), the trend and the readings in the patient's
 * zone. No guideline picker, phenotypes, risk scores or engine details: those are the clinician's view.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fhir } from '../../api/index.ts';
import { care } from '../../api/care.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { formatDate } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { BpChart } from './bp-chart.tsx';
import { THRESHOLDS, extractVitals } from './bp-readings.ts';
import { patientBpSummary } from './patient-bp-summary.ts';

const DAY_MS = 86_400_000;
type Range = '30' | '90' | 'all';

export function PatientBpView({ patientId, timeZone }: { patientId: string; timeZone: string | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [range, setRange] = useState<Range>('30');
  const home = useAsync((s) => care.me(lang, s), [lang]);
  const vitals = useAsync((s) => fhir.vitalSigns(patientId, s, 5), [patientId]);
  const all = useMemo(
    () => (vitals.status === 'success' ? extractVitals(vitals.data.items) : { bp: [], hr: [] }),
    [vitals.status, vitals.data],
  );
  const shown = useMemo(() => {
    if (range === 'all' || all.bp.length === 0) return all;
    const last = Math.max(all.bp[all.bp.length - 1]?.ms ?? 0, all.hr[all.hr.length - 1]?.ms ?? 0);
    const from = last - Number(range) * DAY_MS;
    return { bp: all.bp.filter((p) => p.ms >= from), hr: all.hr.filter((p) => p.ms >= from) };
  }, [all, range]);
  const summary = home.status === 'success' ? patientBpSummary(home.data) : undefined;
  const last = summary?.lastSevenDays;
  const target = summary?.target;

  return (
    <div className="bp-page" data-testid="patient-bp">
      <section className="card" aria-labelledby="pbp-summary">
        <h2 id="pbp-summary">{t('bpPatient.title')}</h2>
        {home.status === 'loading' && <Loading />}
        {home.status === 'error' && <ErrorState error={home.error} onRetry={home.reload} />}
        {summary && (
          <>
            {last ? (
              <p className="pbp-mean" data-testid="pbp-last7">
                {t('bpPatient.lastSevenDays', {
                  sbp: last.sbp,
                  dbp: last.dbp,
                  count: last.readings,
                  from: formatDate(last.from, lang, false),
                  to: formatDate(last.to, lang, false),
                })}
              </p>
            ) : (
              <p>{t('bpPatient.noReadings')}</p>
            )}
            {last && target && (
              <p>
                <span className={summary.atTarget ? 'badge badge-ok' : 'badge badge-high'}>
                  {summary.atTarget ? t('bpPatient.atTarget') : t('bpPatient.aboveTarget')}
                </span>{' '}
                {t('bpPatient.target', { sbp: target.sbp, dbp: target.dbp ?? '—' })}
              </p>
            )}
            <p className="muted" data-testid="pbp-windows">
              {t('bpPatient.when')}{' '}
              {summary.windows
                .map((w) => `${t(`care.session.${w.name}`)} ${w.from}–${w.to}`)
                .join(t('bpPatient.and'))}
            </p>
          </>
        )}
      </section>
      <section aria-labelledby="pbp-trend" className="card">
        <h2 id="pbp-trend">{t('bpPatient.trend')}</h2>
        <div className="field inline">
          <label htmlFor="pbp-range">{t('bp.range')}</label>
          <select id="pbp-range" value={range} onChange={(e) => setRange(e.target.value as Range)}>
            <option value="30">{t('bp.range30')}</option>
            <option value="90">{t('bp.range90')}</option>
            <option value="all">{t('bp.rangeAll')}</option>
          </select>
        </div>
        {vitals.status === 'loading' && <Loading />}
        {vitals.status === 'error' && <ErrorState error={vitals.error} onRetry={vitals.reload} />}
        {vitals.status === 'success' &&
          (shown.bp.length === 0 ? (
            <Empty>{t('vitals.noBp')}</Empty>
          ) : (
            // The chart's guide lines are the home page's target line family (China 2018 home thresholds).
            <BpChart
              bp={shown.bp}
              hr={shown.hr}
              thresholds={THRESHOLDS['china-2018']}
              height={300}
              timeZone={timeZone}
            />
          ))}
      </section>
    </div>
  );
}
