/**
 * The blood-pressure tab for a patient (issue 20 finding 8): plain-language summary from the home page's server
 * answer (same mean, count and measuring windows — finding 10), the trend and the readings in the patient's
 * zone. No guideline picker, phenotypes, risk scores or engine details: those are the clinician's view.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { care } from '../../api/care.ts';
import { ErrorState, Loading } from '../../components/states.tsx';
import { formatDate } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { THRESHOLDS } from './bp-readings.ts';
import { BpTrend, RangeSelect, useBpVitals, type Range } from './bp-trend.tsx';
import { patientBpSummary } from './patient-bp-summary.ts';
import { pick } from '../care/care-model.ts';

export function PatientBpView({ patientId, timeZone }: { patientId: string; timeZone: string | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [range, setRange] = useState<Range>('30');
  const home = useAsync((s) => care.me(lang, s), [lang]);
  const { vitals, shown } = useBpVitals(patientId, range);
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
                {t('care.progress.bpTab', {
                  window: pick(last.window, lang),
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
        <RangeSelect id="pbp-range" value={range} onChange={setRange} />
        {/* The guide lines are the home page's target line family (China 2018 home thresholds). */}
        <BpTrend
          vitals={vitals}
          shown={shown}
          thresholds={THRESHOLDS['china-2018']}
          height={300}
          timeZone={timeZone}
        />
      </section>
    </div>
  );
}
