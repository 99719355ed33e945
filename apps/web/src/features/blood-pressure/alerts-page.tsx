/** Clinicians' inbox of active blood-pressure alerts across patients, with acknowledge. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { bp, isApiError, type BpAlert } from '../../api/index.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { formatDate, formatReadingTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';

const SEVERITY_ORDER = ['critical', 'high', 'warning', 'moderate', 'low', 'info'];
const KINDS = ['crisis', 'sustained-above-target', 'rapid-rise', 'rapid-fall', 'missed-measurements'];

function severityRank(s: string): number {
  const i = SEVERITY_ORDER.indexOf(s);
  return i === -1 ? SEVERITY_ORDER.length : i;
}

export function AlertsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const alerts = useAsync((s) => bp.alerts(s), []);
  const [done, setDone] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string>('');
  const [actionError, setActionError] = useState<unknown>(null);

  async function acknowledge(alert: BpAlert) {
    setBusy(alert.id);
    setActionError(null);
    try {
      await bp.acknowledge(alert.id);
      setDone((prev) => new Set(prev).add(alert.id));
      setMessage(t('alerts.acknowledged'));
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(null);
    }
  }

  const list =
    alerts.status === 'success'
      ? alerts.data
          .filter((a) => !done.has(a.id))
          .sort(
            (a, b) =>
              severityRank(a.severity) - severityRank(b.severity) || b.createdAt.localeCompare(a.createdAt),
          )
      : [];

  return (
    <section className="page" aria-labelledby="alerts-title">
      <h1 id="alerts-title">{t('alerts.title')}</h1>
      <p className="muted">{t('alerts.intro')}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      {actionError ? <ErrorState error={actionError} /> : null}
      {alerts.status === 'loading' && <Loading />}
      {alerts.status === 'error' &&
        (isApiError(alerts.error) && alerts.error.status === 404 ? (
          <p className="notice">{t('alerts.unavailable')}</p>
        ) : (
          <ErrorState error={alerts.error} onRetry={alerts.reload} />
        ))}
      {alerts.status === 'success' &&
        (list.length === 0 ? (
          <Empty>{t('alerts.empty')}</Empty>
        ) : (
          <ul className="alert-list" data-testid="alert-list">
            {list.map((a) => {
              const summary =
                lang === 'zh-CN' ? a.summary?.zh || a.summary?.en : a.summary?.en || a.summary?.zh;
              const severity = SEVERITY_ORDER.includes(a.severity)
                ? t(`alerts.severities.${a.severity}`)
                : a.severity;
              return (
                <li
                  key={a.id}
                  className={`alert-item severity-${a.severity}`}
                  aria-labelledby={`alert-${a.id}`}
                >
                  <div className="alert-body">
                    <div className="alert-head">
                      <span className={`badge badge-${a.severity}`}>{severity}</span>
                      <h2 id={`alert-${a.id}`} className="alert-patient">
                        <Link to={`/patients/${encodeURIComponent(a.patientId)}/blood-pressure`}>
                          {a.patientName || a.patientId}
                        </Link>
                      </h2>
                      <span className="muted">
                        {KINDS.includes(a.kind) ? t(`alerts.kinds.${a.kind}`) : a.kind} ·{' '}
                        {formatDate(a.createdAt, lang, true)}
                      </span>
                    </div>
                    <p className="alert-summary">{summary}</p>
                    <AlertEvidence alert={a} />
                  </div>
                  <div className="alert-actions">
                    <button
                      type="button"
                      className="button primary"
                      disabled={busy === a.id}
                      aria-describedby={`alert-${a.id}`}
                      onClick={() => void acknowledge(a)}
                    >
                      {busy === a.id ? t('alerts.acknowledging') : t('alerts.acknowledge')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        ))}
    </section>
  );
}

/** What triggered the alert: the readings (values and times when sent as objects, else how many). */
function AlertEvidence({ alert }: { alert: BpAlert }) {
  const { t } = useTranslation();
  const readings = alert.readings ?? [];
  const parts = readings
    .filter((r): r is Exclude<BpAlert['readings'][number], string> => typeof r === 'object' && r !== null)
    .slice(0, 6)
    .map((r) =>
      [
        r.sbp !== undefined && r.dbp !== undefined ? `${r.sbp}/${r.dbp}` : '',
        r.time ? formatReadingTime(r.time) : '',
      ]
        .filter(Boolean)
        .join(' @ '),
    );
  const v = alert.values ?? {};
  const pair =
    !alert.summary && typeof v.sbp === 'number' && typeof v.dbp === 'number'
      ? `${Math.round(v.sbp)}/${Math.round(v.dbp)} mmHg`
      : '';
  if (parts.length === 0 && !pair && readings.length === 0) return null;
  return (
    <p className="alert-readings">
      <span className="muted">{t('alerts.readings')}: </span>
      {parts.length > 0
        ? parts.join('; ')
        : [pair, t('bp.readings', { count: readings.length })].filter(Boolean).join(' · ')}
    </p>
  );
}
