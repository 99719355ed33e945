/** A patient's chart: banner, section tabs, overview or blood pressure. 403/404 on the Patient → refusal. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useParams } from 'react-router-dom';
import type { Patient } from '@medplum/fhirtypes';
import { fhir, isApiError } from '../../api/index.ts';
import { can, homePath, useAuth } from '../../auth/auth-context.tsx';
import { ErrorState, Loading, Refusal } from '../../components/states.tsx';
import { PrintFrame, RunningHeader, printDate } from '../../components/print.tsx';
import { ageYears, deceasedInfo, formatDate, identifierText, patientName } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { ChartOverview } from './chart-overview.tsx';

const BloodPressurePage = lazy(() => import('../blood-pressure/blood-pressure-page.tsx'));
const CareTab = lazy(() => import('../care/care-tab.tsx').then((m) => ({ default: m.CareTab })));

export type ChartSection = 'overview' | 'blood-pressure' | 'care';

export function PatientChartPage({ section }: { section: ChartSection }) {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const { id = '' } = useParams();
  const patient = useAsync((signal) => fhir.patient(id, signal), [id]);

  if (patient.status === 'loading') return <Loading />;
  if (patient.status === 'error') {
    if (isApiError(patient.error) && patient.error.isRefusal)
      return <Refusal home={me ? homePath(me) : '/'} />;
    return <ErrorState error={patient.error} onRetry={patient.reload} />;
  }
  const p = patient.data;
  const name = patientName(p, i18n.language);
  const base = `/patients/${encodeURIComponent(id)}`;

  return (
    <section className="page chart-page" aria-labelledby="chart-title">
      {/* On paper the running header (patient, sex, age, MRN, print date) repeats on every page (issue 20). */}
      <PrintFrame
        header={
          <RunningHeader
            patient={{
              name,
              sex: t(`gender.${p.gender ?? 'unknown'}`),
              ageYears: deceasedInfo(p)?.ageAtDeath ?? ageYears(p.birthDate),
              mrn: me?.role === 'patient' ? undefined : identifierText(p.identifier) || undefined,
            }}
            printedOn={printDate()}
          />
        }
      >
        {me && can.searchPatients(me.role) && (
          <p className="breadcrumb">
            <NavLink to="/patients">← {t('chart.backToList')}</NavLink>
          </p>
        )}
        <PatientBanner patient={p} name={name} />
        <nav aria-label={t('chart.tabs')} className="tabs">
          <NavLink end to={base} className={({ isActive }) => (isActive ? 'tab active' : 'tab')}>
            {t('chart.overview')}
          </NavLink>
          <NavLink
            to={`${base}/blood-pressure`}
            className={({ isActive }) => (isActive ? 'tab active' : 'tab')}
          >
            {t('chart.bloodPressure')}
          </NavLink>
          {me && can.careTeam(me.role) && (
            <NavLink to={`${base}/care`} className={({ isActive }) => (isActive ? 'tab active' : 'tab')}>
              {t('care.tab')}
            </NavLink>
          )}
        </nav>
        {section === 'overview' ? (
          <ChartOverview patientId={id} />
        ) : section === 'care' ? (
          <Suspense fallback={<Loading />}>
            <CareTab patientId={id} />
          </Suspense>
        ) : (
          <Suspense fallback={<Loading />}>
            <BloodPressurePage patientId={id} deceased={deceasedInfo(p)} />
          </Suspense>
        )}
      </PrintFrame>
    </section>
  );
}

function PatientBanner({ patient, name }: { patient: Patient; name: string }) {
  const { t, i18n } = useTranslation();
  const deceased = deceasedInfo(patient);
  // A deceased patient's age is the age at death (never today's), next to the date of death.
  const age = deceased ? deceased.ageAtDeath : ageYears(patient.birthDate);
  const mrn = identifierText(patient.identifier);
  const patientView = useAuth().me?.role === 'patient';
  const phone = patient.telecom?.find((c) => c.system === 'phone')?.value;
  const address = patient.address?.[0];
  const addressText =
    address?.text ??
    [address?.state, address?.city, address?.district, ...(address?.line ?? [])].filter(Boolean).join(' ');
  return (
    <header className="patient-banner" data-testid="patient-banner">
      <h1 id="chart-title">{name}</h1>
      <dl className="banner-facts">
        <div>
          <dt>{t('patients.gender')}</dt>
          <dd>{t(`gender.${patient.gender ?? 'unknown'}`)}</dd>
        </div>
        <div>
          <dt>{t('patients.birthDate')}</dt>
          <dd>
            {formatDate(patient.birthDate, i18n.language) || t('common.none')}
            {age !== undefined
              ? ` (${deceased ? t('chart.ageAtDeath', { count: age }) : t('chart.ageYears', { count: age })})`
              : ''}
          </dd>
        </div>
        {deceased && (
          <div data-testid="patient-deceased">
            <dt>{t('chart.status')}</dt>
            <dd>
              <span className="badge badge-muted">
                {deceased.date ? t('chart.deceasedOn', { date: deceased.date }) : t('chart.deceased')}
              </span>
            </dd>
          </div>
        )}
        {/* A record number is the clinic's; a patient is shown no raw identifier. */}
        {mrn && !patientView && (
          <div>
            <dt>{t('chart.mrn')}</dt>
            <dd className="mono">{mrn}</dd>
          </div>
        )}
        {phone && (
          <div>
            <dt>{t('chart.phone')}</dt>
            <dd>{phone}</dd>
          </div>
        )}
        {addressText && (
          <div>
            <dt>{t('chart.address')}</dt>
            <dd>{addressText}</dd>
          </div>
        )}
      </dl>
    </header>
  );
}
