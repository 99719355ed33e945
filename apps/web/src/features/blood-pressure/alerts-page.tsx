/**
 * Clinicians' inbox of active blood-pressure alerts across patients. New and escalated alerts arrive live (server-
 * sent events); an alert is closed only with the action taken (who contacted the patient, when, how, what was
 * done), which the server keeps as FHIR Task + Communication + Provenance. The critical-value timeliness of the
 * last 30 days is shown on top.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/bp-withdraw.ts';
import { Link } from 'react-router-dom';
import { bp, isApiError, type BpAlert } from '../../api/index.ts';
import { care, type TimeZones } from '../../api/care.ts';
import type { AlertStreamEvent } from '../../api/bp.ts';
import { AlertActionForm, TimelinessLine } from './alert-action-form.tsx';
import { AlertAttemptHistory } from './alert-attempt-history.tsx';
import { inboxAfterAnswer } from './alert-attempts.ts';
import '../../i18n/alert-attempts.ts';
import { ALERT_KINDS } from './alert-kinds.ts';
import { AlertClock, AlertReading, useNow } from './alert-overdue.tsx';
import { inboxOrder, isOverdue } from './alert-overdue.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { formatInZone } from '../../lib/zone-time.ts';
import { useAsync } from '../../lib/use-async.ts';
import { ConsultationQuote } from '../care/consultations-section.tsx';
import { joinedItems, withdrawnValue } from './withdrawn-marks.ts';
import { evidenceLine } from './alert-evidence.ts';

const SEVERITY_ORDER = ['critical', 'high', 'warning', 'moderate', 'low', 'info'];
const KINDS = ALERT_KINDS;

function severityRank(s: string): number {
  const i = SEVERITY_ORDER.indexOf(s);
  return i === -1 ? SEVERITY_ORDER.length : i;
}

export function AlertsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const alerts = useAsync((s) => bp.alerts(s), []);
  const [done, setDone] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string>('');
  const [open, setOpen] = useState<string | null>(null);
  const [arrived, setArrived] = useState<BpAlert[]>([]);
  const [escalated, setEscalated] = useState<Set<string>>(new Set());
  const [live, setLive] = useState<'connecting' | 'live' | 'offline'>('connecting');
  // Bumped on every live event and local close so the timeliness figures are refetched.
  const [version, setVersion] = useState(0);

  // Live updates: new alerts are added on top, escalations marked, readings that joined an open alert shown,
  // alerts closed elsewhere removed.
  useEffect(() => {
    const controller = new AbortController();
    const onEvent = (event: AlertStreamEvent) => {
      setLive('live');
      setVersion((v) => v + 1);
      const a = event.alert;
      if (event.type === 'closed') setDone((prev) => new Set(prev).add(a.id));
      else {
        setArrived((prev) => [a, ...prev.filter((x) => x.id !== a.id)]);
        if (event.type === 'escalated') setEscalated((prev) => new Set(prev).add(a.id));
        // `joined`: a new crisis reading joined this open alert — the alert is updated in place, not announced.
        else if (event.type === 'alert')
          setMessage(t('alertLoop.newAlert', { name: a.patientName || a.patientId }));
      }
    };
    setLive('live');
    bp.streamAlerts(onEvent, controller.signal).then(
      () => !controller.signal.aborted && setLive('offline'),
      () => !controller.signal.aborted && setLive('offline'),
    );
    return () => controller.abort();
  }, [t]);

  const merged =
    alerts.status === 'success'
      ? [...arrived, ...alerts.data.filter((a) => !arrived.some((x) => x.id === a.id))]
      : arrived;
  // Times in each patient's zone (their own, else the hospital's), never the browser's (issue 17 item 1).
  const patientKey = [...new Set(merged.map((a) => a.patientId))].sort().join(',');
  const [zones, setZones] = useState<TimeZones | undefined>();
  useEffect(() => {
    const controller = new AbortController();
    care.timeZones(patientKey ? patientKey.split(',') : [], controller.signal).then(
      (z) => setZones(z),
      () => undefined, // the times stay in the browser's zone
    );
    return () => controller.abort();
  }, [patientKey]);
  const zoneOf = (patientId: string) => zones?.patients[patientId] ?? zones?.timeZone;

  // Overdue cards first, each marked; the header's overdue count is theirs (issue 20).
  const nowMs = useNow();
  const overdue = (a: BpAlert) => isOverdue(a, nowMs, escalated.has(a.id));
  const list =
    alerts.status === 'success'
      ? inboxOrder(
          merged.filter((a) => !done.has(a.id)),
          overdue,
          severityRank,
        )
      : [];

  return (
    <section className="page" aria-labelledby="alerts-title">
      <h1 id="alerts-title">{t('alerts.title')}</h1>
      <p className="muted">{t('alerts.intro')}</p>
      <p className={`live-indicator live-${live}`} data-testid="alerts-live">
        {live === 'offline' ? t('alertLoop.offline') : t('alertLoop.live')}
      </p>
      <TimelinessLine
        version={version}
        {...(alerts.status === 'success' ? { overdue: list.filter(overdue).length } : {})}
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
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
                  className={`alert-item severity-${a.severity}${escalated.has(a.id) ? ' escalated' : ''}${overdue(a) ? ' overdue' : ''}`}
                  data-alert-id={a.id}
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
                        {formatInZone(a.createdAt, zoneOf(a.patientId), lang)}
                      </span>
                    </div>
                    {escalated.has(a.id) && !a.due && (
                      <p className="badge badge-critical">{t('alertLoop.escalated')}</p>
                    )}
                    <AlertClock alert={a} overdue={overdue(a)} timeZone={zoneOf(a.patientId)} />
                    <p className="alert-summary">{summary}</p>
                    <AlertReading alert={a} timeZone={zoneOf(a.patientId)} />
                    <AlertEvidence alert={a} timeZone={zoneOf(a.patientId)} />
                    <AlertAttemptHistory alert={a} timeZone={zoneOf(a.patientId)} />
                    {/* A consultation's alert quotes what the patient wrote (issue 20). */}
                    {(a.kind === 'reported-emergency' || a.kind === 'reported-urgent') && (
                      <ConsultationQuote
                        patientId={a.patientId}
                        alertId={a.id}
                        timeZone={zoneOf(a.patientId)}
                      />
                    )}
                    {open === a.id && (
                      <AlertActionForm
                        alert={a}
                        timeZone={zoneOf(a.patientId)}
                        onCancel={() => setOpen(null)}
                        onAnswered={(answered) => {
                          // Closed: it leaves the inbox. Not reached (decision 0026): it stays, with the attempt.
                          const next = inboxAfterAnswer({ arrived, done }, answered);
                          setOpen(null);
                          setArrived(next.arrived);
                          setDone(next.done);
                          setVersion((v) => v + 1);
                          setMessage(
                            answered.status === 'active' ? t('alertAttempt.recorded') : t('alertLoop.closed'),
                          );
                        }}
                      />
                    )}
                  </div>
                  {open !== a.id && (
                    <div className="alert-actions">
                      <button
                        type="button"
                        className="button primary"
                        aria-describedby={`alert-${a.id}`}
                        onClick={() => setOpen(a.id)}
                      >
                        {t('alertLoop.record')}
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        ))}
    </section>
  );
}

/** What triggered the alert: how many readings (the server sends their ids), and the readings that joined it. */
function AlertEvidence({ alert, timeZone }: { alert: BpAlert; timeZone?: string }) {
  const { t, i18n } = useTranslation();
  // The readings that raised the alert (those that joined it later are listed on their own line), so the count
  // agrees with the alert's text ("1 reading").
  const joinedIds = new Set((alert.joined ?? []).map((r) => r.id));
  const readings = alert.readings.filter((id) => !joinedIds.has(id));
  const v = alert.values ?? {};
  const pair =
    !alert.summary && typeof v.sbp === 'number' && typeof v.dbp === 'number'
      ? `${Math.round(v.sbp)}/${Math.round(v.dbp)} mmHg`
      : '';
  // Crisis readings measured after the alert was raised joined it: the newest that stands is what the patient has
  // now; one withdrawn as entered in error is marked so, never shown as current (issue 20). A joined reading the
  // server could not find again has no values or time: shown as "—", never "undefined".
  const joined = joinedItems(alert).map((r) => {
    // "192/124（2026-12-08 00:17）" / "192/124 at …": no ASCII "@" on a Chinese screen (issue 20).
    const item = r.time
      ? t('alerts.readingAt', { value: r.value, time: formatInZone(r.time, timeZone, i18n.language) })
      : r.value;
    return r.withdrawn ? t('bpWithdraw.joinedWithdrawn', { item }) : item;
  });
  if (!pair && readings.length === 0 && joined.length === 0 && !alert.withdrawn?.length) return null;
  // A consultation report is said as such, not as "1 次测量" (issue 20).
  const line = evidenceLine(alert, readings.length);
  return (
    <>
      <p className="alert-readings">
        <span className="muted">
          {t(line.label)}
          {t('common.colon')}
        </span>
        {[pair, t(line.key, 'count' in line ? { count: line.count } : {})].filter(Boolean).join(' · ')}
      </p>
      {joined.length > 0 && (
        <p className="alert-readings" data-testid="alert-joined">
          <span className="muted">
            {t('alerts.joined', { count: alert.joined?.length ?? 0 })}
            {t('common.colon')}
          </span>
          <strong>{joined.join(t('common.semicolon'))}</strong>
        </p>
      )}
      {(alert.withdrawn ?? []).map((w) => {
        // A reading of this alert was withdrawn as entered in error (decision 0020): a critical alert stays
        // open for the clinician to acknowledge, with this note naming the reading where the alert knows it.
        const value = withdrawnValue(alert, w.id);
        const args = {
          by: t(w.by === 'patient' ? 'bpWithdraw.byPatient' : 'bpWithdraw.byCareTeam'),
          time: formatInZone(w.at, timeZone, i18n.language),
          reason: w.reason,
        };
        return (
          <p className="notice" role="note" key={w.id} data-testid="alert-withdrawn">
            {value
              ? t('bpWithdraw.alertWithdrawnValue', { ...args, value })
              : t('bpWithdraw.alertWithdrawn', args)}
          </p>
        );
      })}
    </>
  );
}
