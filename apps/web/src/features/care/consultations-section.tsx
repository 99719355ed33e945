/**
 * The clinician's list of a patient's recent consultations on the Care tab (issue 20: a consultation that stopped
 * at once as an emergency was invisible — the tab said 尚无问诊 — and the patient's own words appeared nowhere):
 * every consultation, stopped ones too, with its time, how it ended, the triage and the patient's words verbatim
 * and in order. `ConsultationQuote` gives the words of the consultations an alert stands for (the alert inbox).
 */
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { care, type ConsultationView } from '../../api/care.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { formatInZone } from '../../lib/zone-time.ts';
import { useAsync } from '../../lib/use-async.ts';
import { careLanguage, triageSourceText } from './care-model.ts';
import { useCareTime } from './care-zone.tsx';

const OUTCOME_BADGE: Record<ConsultationView['outcome'], string> = {
  'emergency-stop': 'badge badge-critical',
  stopped: 'badge badge-critical',
  completed: 'badge badge-done',
  abandoned: 'badge badge-missed',
  'in-progress': 'badge badge-muted',
};

export function ConsultationsSection({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const lang = careLanguage(i18n.language);
  const list = useAsync((s) => care.consultationViews(patientId, lang, undefined, s), [patientId, lang]);
  return (
    <section className="card span-2" aria-labelledby="care-consultations-title">
      <h2 id="care-consultations-title">{t('care.consultations.title')}</h2>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorState error={list.error} onRetry={list.reload} />}
      {list.status === 'success' &&
        (list.data.length === 0 ? (
          <Empty>{t('care.consultations.none')}</Empty>
        ) : (
          <ul className="item-list" data-testid="care-consultations">
            {list.data.map((c) => (
              <ConsultationItem key={c.id} consultation={c} />
            ))}
          </ul>
        ))}
    </section>
  );
}

function ConsultationItem({ consultation: c }: { consultation: ConsultationView }) {
  const { t, i18n } = useTranslation();
  const time = useCareTime();
  return (
    <li id={`consultation-${c.id}`} data-consultation={c.id} data-outcome={c.outcome}>
      <span className="item-title">
        <span className={OUTCOME_BADGE[c.outcome]} data-testid="consultation-outcome">
          {t(`care.consultations.outcome.${c.outcome}`)}
        </span>{' '}
        {t('care.consultations.started', { time: time(c.startedAt) })}
      </span>
      {c.triage && (
        <p data-testid="consultation-triage">
          <span className="muted">
            {t('care.consultations.triage')}
            {t('common.colon')}
          </span>
          <strong>{t(`care.consultations.level.${c.triage.level}`)}</strong>
          {c.triage.text ? `${t('common.semicolon')}${c.triage.text}` : ''}
          {c.triage.source ? (
            <span className="care-source">
              {' '}
              · {t('care.source')}
              {t('common.colon')}
              {triageSourceText(c.triage.source, i18n.language)}
            </span>
          ) : null}
        </p>
      )}
      <div>
        <span className="muted">
          {t('care.consultations.patientWords')}
          {t('common.colon')}
        </span>
        {c.patientWords.length === 0 ? (
          <span>{t('care.consultations.noWords')}</span>
        ) : (
          <ol className="care-list" data-testid="consultation-words">
            {c.patientWords.map((w, i) => (
              <li key={i}>
                <q lang={c.language === 'zh' ? 'zh-CN' : 'en'}>{w.text}</q>{' '}
                <span className="item-meta">{time(w.at)}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </li>
  );
}

/** The patient's words in the consultations an alert stands for (the alert inbox), with a link to the Care tab. */
export function ConsultationQuote({
  patientId,
  alertId,
  timeZone,
}: {
  patientId: string;
  alertId: string;
  timeZone?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = careLanguage(i18n.language);
  const list = useAsync(
    (s) => care.consultationViews(patientId, lang, alertId, s),
    [patientId, alertId, lang],
  );
  if (list.status !== 'success' || list.data.length === 0) return null;
  return (
    <div className="alert-readings" data-testid="alert-consultation-words">
      {list.data.map((c) => (
        <p key={c.id}>
          <span className="muted">
            {t('care.consultations.alertWords')}
            {t('common.colon')}
          </span>
          {c.patientWords.map((w, i) => (
            <span key={i}>
              {i > 0 ? ' ' : ''}
              <q lang={c.language === 'zh' ? 'zh-CN' : 'en'}>{w.text}</q>
            </span>
          ))}{' '}
          <span className="item-meta">{formatInZone(c.startedAt, timeZone, i18n.language)}</span>{' '}
          <Link to={`/patients/${encodeURIComponent(patientId)}/care#consultation-${c.id}`}>
            {t('care.consultations.openCare')}
          </Link>
        </p>
      ))}
    </div>
  );
}
