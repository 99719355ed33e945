/** Overview: problems, medications, allergies, recent encounters and vital signs with the BP/HR trend. */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Observation } from '@medplum/fhirtypes';
import { fhir } from '../../api/index.ts';
import { Empty, Loading } from '../../components/states.tsx';
import { codeText, formatDate, formatPeriod, referenceText } from '../../lib/format.ts';
import { useAsync, type AsyncState } from '../../lib/use-async.ts';
import { formatInZone } from '../../lib/zone-time.ts';
import { THRESHOLDS, extractVitals } from '../blood-pressure/bp-readings.ts';
import { useGuideline } from '../blood-pressure/guideline-preference.ts';
import { SectionCard } from './section-card.tsx';
import { usePatientTimeZone } from './patient-time-zone.ts';
import { statusKey } from './chart-words.ts';
import { medicationStatusText, onMedicationList, slipPath } from './medication-row.ts';
import { dosageText, withoutSemanticTag } from './chart-dosage.ts';
import { conditionNameZh } from './condition-names.ts';
import { reportedBadge, type ReportedBadge } from './reported-badge.ts';
import { crisisBeside, latestPerCode, latestValueText } from './latest-values.ts';
import { ChartAlerts } from './chart-alerts.tsx';

const BpChart = lazy(() => import('../blood-pressure/bp-chart.tsx'));

export function ChartOverview({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const conditions = useAsync((s) => fhir.conditions(patientId, s), [patientId]);
  const medications = useAsync((s) => fhir.medications(patientId, s), [patientId]);
  const allergies = useAsync((s) => fhir.allergies(patientId, s), [patientId]);
  const encounters = useAsync((s) => fhir.encounters(patientId, s), [patientId]);
  const vitals = useAsync((s) => fhir.vitalSigns(patientId, s), [patientId]);
  const [guideline] = useGuideline();
  // Every time on the page in the patient's zone, else the hospital's (the BP tab's rule), never the browser's.
  const { timeZone } = usePatientTimeZone(patientId);
  // Status and criticality codes in the page language, for every reader (one language per screen).
  const word = (code: string | undefined) => {
    const key = statusKey(code);
    return key ? t(key) : code;
  };
  // A concept in the page language without its SNOMED semantic tag ("… (disorder)"; issue 20).
  const named = (concept: Parameters<typeof codeText>[0]) => withoutSemanticTag(codeText(concept, lang));
  // A condition with no zh translation: the care conditions by their SNOMED CT code.
  const condition = (concept: Parameters<typeof codeText>[0]) => {
    const text = named(concept);
    return lang.startsWith('zh') && !/\p{Script=Han}/u.test(text) ? (conditionNameZh(concept) ?? text) : text;
  };

  return (
    <div className="chart-grid">
      <ChartAlerts patientId={patientId} />
      <SectionCard id="sec-vitals" title={t('chart.observations')} state={vitals} className="span-2">
        {(page) => {
          const { bp, hr } = extractVitals(page.items);
          if (page.items.length === 0) return <Empty>{t('chart.noObservations')}</Empty>;
          return (
            <>
              {bp.length > 0 ? (
                <Suspense fallback={<Loading />}>
                  <BpChart
                    bp={bp}
                    hr={hr}
                    thresholds={THRESHOLDS[guideline]}
                    height={300}
                    timeZone={timeZone}
                  />
                </Suspense>
              ) : (
                <Empty>{t('vitals.noBp')}</Empty>
              )}
              <LatestValues observations={page.items} timeZone={timeZone} />
            </>
          );
        }}
      </SectionCard>

      <ListSection
        id="sec-problems"
        title={t('chart.problems')}
        empty={t('chart.noProblems')}
        state={conditions}
        item={(c) => ({
          title: condition(c.code),
          badge: reportedBadge(c),
          meta: [
            word(codeText(c.clinicalStatus)),
            c.onsetDateTime
              ? `${t('chart.onset')} ${formatDate(c.onsetDateTime, lang, false, timeZone)}`
              : (c.onsetString ?? ''),
          ],
        })}
      />
      <ListSection
        id="sec-meds"
        title={t('chart.medications')}
        empty={t('chart.noMedications')}
        state={medications}
        // A withdrawn or superseded draft and a returned order leave the list (history keeps them; issue 20).
        keep={onMedicationList}
        item={(m) => ({
          title: named(m.medicationCodeableConcept) || referenceText(m.medicationReference),
          meta: [
            // The dose in the page language, from the order's structured fields (issue 20).
            dosageText(m.dosageInstruction?.[0], lang),
            // Signed and with the pharmacist: 待药师审核, not 草稿 (decision 0017; issue 20); a stopped order that a
            // switch or dose change replaced names the new order and the day (its priorPrescription; issue 20).
            medicationStatusText(m, medications.data?.items ?? [], t, lang, timeZone),
            formatDate(m.authoredOn, lang, false, timeZone),
          ],
          // An active order signed here prints its 处方笺 from the chart (issue 20).
          ...(slipPath(m) ? { action: { to: slipPath(m)!, label: t('print.printSlip') } } : {}),
        })}
      />
      <ListSection
        id="sec-allergies"
        title={t('chart.allergies')}
        empty={t('chart.noKnownAllergies')}
        state={allergies}
        item={(a) => {
          const reactions = a.reaction?.[0]?.manifestation?.map(named).join(', ');
          return {
            title: named(a.code),
            critical: a.criticality === 'high',
            // A patient-reported allergy shows with its badge (it counts in prescription review; issue 20).
            badge: reportedBadge(a),
            meta: [
              a.criticality ? `${t('chart.criticality')}${t('common.colon')}${word(a.criticality)}` : '',
              reactions ? `${t('chart.reaction')}${t('common.colon')}${reactions}` : '',
            ],
          };
        }}
      />
      <ListSection
        id="sec-encounters"
        title={t('chart.encounters')}
        empty={t('chart.noEncounters')}
        state={encounters}
        item={(e) => ({
          title: named(e.type?.[0]) || e.class?.display || e.class?.code || t('chart.encounters'),
          meta: [formatPeriod(e.period, lang, timeZone), named(e.reasonCode?.[0]), word(e.status)],
        })}
      />
    </div>
  );
}

/** One titled list of FHIR resources: each item a title and its non-empty details joined by " · ". */
function ListSection<T extends { id?: string }>({
  id,
  title,
  empty,
  state,
  item,
  keep,
}: {
  id: string;
  title: string;
  empty: string;
  state: AsyncState<{ items: T[] }> & { reload: () => void };
  /** Which resources the list shows (all when absent). */
  keep?: (resource: T) => boolean;
  item: (resource: T) => {
    title: string;
    meta: (string | undefined)[];
    critical?: boolean;
    badge?: ReportedBadge | undefined;
    action?: { to: string; label: string };
  };
}) {
  const { t } = useTranslation();
  return (
    <SectionCard id={id} title={title} state={state}>
      {(page) => {
        // A patient-reported item a clinician rejected leaves the list (its history keeps it; issue 20).
        const kept = page.items
          .filter((r) => keep?.(r) ?? true)
          .map((r) => ({ r, shown: item(r) }))
          .filter((x) => x.shown.badge !== 'rejected');
        return kept.length === 0 ? (
          <Empty>{empty}</Empty>
        ) : (
          <ul className="item-list">
            {kept.map(({ r, shown }, i) => {
              return (
                <li key={r.id ?? i} className={shown.critical ? 'critical' : undefined}>
                  <span className="item-title">{shown.title}</span>
                  {shown.badge ? (
                    <>
                      {' '}
                      <span
                        className={shown.badge === 'rejected' ? 'badge badge-missed' : 'badge badge-muted'}
                        data-testid="chart-reported-badge"
                      >
                        {t(`care.reported.${shown.badge}`)}
                      </span>
                    </>
                  ) : null}
                  <span className="item-meta">{shown.meta.filter(Boolean).join(' · ')}</span>
                  {shown.action ? (
                    <Link
                      className="item-action no-print"
                      to={shown.action.to}
                      data-testid="chart-print-slip"
                    >
                      {shown.action.label}
                    </Link>
                  ) : null}
                </li>
              );
            })}
          </ul>
        );
      }}
    </SectionCard>
  );
}

/**
 * A value the patient recorded that no clinician has confirmed (the store's recorded-by tag), other than a
 * home BP or heart rate: it drives no calculation (docs/decisions/0003), so it is labelled where shown.
 */
function unconfirmed(o: Observation): boolean {
  const tagged = o.meta?.tag?.some((t) => t.system === 'urn:qihuang:recorded-by' && t.code === 'patient');
  const vital = o.code?.coding?.some((c) =>
    ['85354-9', '55284-4', '8480-6', '8462-4', '8867-4'].includes(c.code ?? ''),
  );
  return Boolean(tagged) && !vital;
}

/** Most recent value per observation code (input is sorted newest first). */
function LatestValues({
  observations,
  timeZone,
}: {
  observations: readonly Observation[];
  timeZone: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const latest = latestPerCode(observations);
  const value = (o: Observation) => latestValueText(o, i18n.language);
  return (
    <div className="table-wrap">
      <table className="data-table compact latest-values">
        <caption>{t('chart.latestObservations')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.observation')}</th>
            <th scope="col">{t('chart.value')}</th>
            <th scope="col">{t('chart.recorded')}</th>
          </tr>
        </thead>
        <tbody>
          {latest.map((o) => (
            <tr key={o.id}>
              <td>{codeText(o.code, i18n.language)}</td>
              <td className="num">
                {value(o)}
                <CrisisBeside observations={observations} latest={o} timeZone={timeZone} />
                {unconfirmed(o) ? (
                  <span className="badge" data-testid="patient-recorded">
                    {' '}
                    {t('chart.patientRecorded')}
                  </span>
                ) : null}
              </td>
              <td data-testid="latest-time">
                {formatInZone(o.effectiveDateTime ?? o.effectivePeriod?.start, timeZone, i18n.language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A crisis BP in the alert window beside a latest BP that is not one (issue 20 item 1). */
function CrisisBeside({
  observations,
  latest,
  timeZone,
}: {
  observations: readonly Observation[];
  latest: Observation;
  timeZone: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const crisis = crisisBeside(observations, latest, new Date().toISOString());
  if (!crisis) return null;
  return (
    <strong className="crisis-beside" data-testid="crisis-beside">
      {' · '}
      {t('care.triage.crisisBeside', {
        value: latestValueText(crisis, i18n.language),
        time: formatInZone(
          crisis.effectiveDateTime ?? crisis.effectivePeriod?.start,
          timeZone,
          i18n.language,
        ),
      })}
    </strong>
  );
}
