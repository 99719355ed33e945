/**
 * Closing an alert with the action taken (危急值闭环): who contacted the patient, when, how, whether they were
 * reached and what was done. Every field is required (the server refuses a close without them too). A critical or
 * same-day alert whose patient was not reached is closed only with emergency care sent; else the contact is recorded
 * as an attempt and the alert stays open (decision 0026). Also the
 * one-line critical-value timeliness report for the inbox.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  bp,
  CONTACT_METHODS,
  HANDOVERS,
  type BpAlert,
  type ContactMethod,
  type Handover,
} from '../../api/bp.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { isApiError } from '../../api/api-error.ts';
import { ErrorState } from '../../components/states.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { actionFormProblems, dash, lateUploadText, timelinessFigures } from './alert-timeliness.ts';
import { needsPatientReached, submitCloses } from './alert-attempts.ts';
import '../../i18n/alert-attempts.ts';
import './alert-action-form.css';
import { instantFromZonedInput, zonedInputValue } from './zoned-input.ts';
import { zoneDisplayName } from '../../lib/format.ts';

export function AlertActionForm({
  alert,
  onAnswered,
  onCancel,
  timeZone,
}: {
  alert: BpAlert;
  /**
   * The patient's zone, else the hospital's (patient-time-zone.ts): the contact time is typed and read in it, as
   * every care screen shows times — never the browser's (issue 20). Undefined while loading.
   */
  timeZone?: string | undefined;
  /** The alert as the server now has it: inactive when closed, still active when only an attempt was recorded. */
  onAnswered: (alert: BpAlert) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const [contactedBy, setContactedBy] = useState(me?.displayName || me?.username || '');
  const [contactedAt, setContactedAt] = useState(() => zonedInputValue(new Date(), timeZone));
  const [atTouched, setAtTouched] = useState(false);
  // The zone arrives after the form opened: the untouched default follows it.
  useEffect(() => {
    if (!atTouched) setContactedAt(zonedInputValue(new Date(), timeZone));
  }, [timeZone, atTouched]);
  const [method, setMethod] = useState<ContactMethod>('phone');
  const [reached, setReached] = useState<'yes' | 'no' | ''>('');
  // Not reached: emergency care sent (closes the alert), else the contact is only an attempt (decision 0026).
  const [handover, setHandover] = useState<Handover | ''>('');
  const [action, setAction] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = alert.patientName || alert.patientId;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const at = instantFromZonedInput(contactedAt, timeZone) ?? new Date(NaN);
    const problems = actionFormProblems({ contactedBy, action, reached, contactedAt: at }, t);
    setMissing(problems);
    if (problems.length) return;
    setBusy(true);
    setError(null);
    try {
      const answered = await bp.acknowledge(
        alert.id,
        {
          contactedBy: contactedBy.trim(),
          contactedAt: at.toISOString(),
          method,
          patientReached: reached === 'yes',
          action: action.trim(),
          ...(reached === 'no' && handover ? { handover } : {}),
        },
        i18n.language,
      );
      onAnswered(answered);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const id = (field: string) => `${alert.id}-${field}`;
  const asksHandover = reached === 'no' && needsPatientReached(alert);
  const closes = submitCloses(alert, reached, reached === 'no' ? handover : '');
  return (
    <form className="alert-action-form" onSubmit={(e) => void submit(e)} data-testid="alert-action-form">
      <h3>{t('alertLoop.formTitle', { name })}</h3>
      <label htmlFor={id('by')}>{t('alertLoop.contactedBy')}</label>
      <input id={id('by')} value={contactedBy} onChange={(e) => setContactedBy(e.target.value)} />
      <label htmlFor={id('at')}>
        {t('alertLoop.contactedAt')}
        {timeZone ? (
          <span className="muted" data-testid="contacted-at-zone">
            {' '}
            ({zoneDisplayName(timeZone, i18n.language)})
          </span>
        ) : null}
      </label>
      <input
        id={id('at')}
        type="datetime-local"
        value={contactedAt}
        data-time-zone={timeZone ?? ''}
        onChange={(e) => {
          setAtTouched(true);
          setContactedAt(e.target.value);
        }}
      />
      <label htmlFor={id('method')}>{t('alertLoop.method')}</label>
      <select id={id('method')} value={method} onChange={(e) => setMethod(e.target.value as ContactMethod)}>
        {CONTACT_METHODS.map((m) => (
          <option key={m} value={m}>
            {t(`alertLoop.methods.${m}`)}
          </option>
        ))}
      </select>
      <fieldset>
        <label>
          <input
            type="radio"
            name={id('reached')}
            checked={reached === 'yes'}
            onChange={() => setReached('yes')}
          />{' '}
          {t('alertLoop.reached')}
        </label>
        <label>
          <input
            type="radio"
            name={id('reached')}
            checked={reached === 'no'}
            onChange={() => setReached('no')}
          />{' '}
          {t('alertLoop.notReached')}
        </label>
      </fieldset>
      {asksHandover && (
        <>
          <label htmlFor={id('handover')}>{t('alertAttempt.handover')}</label>
          <select
            id={id('handover')}
            value={handover}
            onChange={(e) => setHandover(e.target.value as Handover | '')}
            data-testid="alert-handover"
          >
            <option value="">{t('alertAttempt.handovers.none')}</option>
            {HANDOVERS.map((h) => (
              <option key={h} value={h}>
                {t(`alertAttempt.handovers.${h}`)}
              </option>
            ))}
          </select>
          {!closes && (
            <p className="notice" role="note" data-testid="alert-stays-open">
              {t('alertAttempt.staysOpen')}
            </p>
          )}
        </>
      )}
      <label htmlFor={id('action')}>{t('alertLoop.action')}</label>
      <textarea
        id={id('action')}
        rows={3}
        value={action}
        placeholder={t('alertLoop.actionHint')}
        onChange={(e) => setAction(e.target.value)}
      />
      {missing.length > 0 && (
        <p className="notice notice-error" role="alert" data-testid="action-required">
          {missing.join(' ')}
        </p>
      )}
      {error ? (
        isApiError(error) && error.status === 400 ? (
          // The server's own refusal (in the page language, times in the hospital's zone), under the form.
          <p className="notice notice-error" role="alert" data-testid="action-refused">
            {error.message}
          </p>
        ) : (
          <ErrorState error={error} />
        )
      ) : null}
      <div className="alert-action-buttons">
        <button type="submit" className="button primary" disabled={busy}>
          {closes ? t('alertLoop.submit') : t('alertAttempt.submitAttempt')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('alertLoop.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * Critical-value timeliness of the last 30 days (nothing shown when the server has no report). `version`
 * changes when an alert arrives or is closed, which refetches the figures.
 */
/** `overdue`: the inbox's count of cards marked overdue, shown instead of the report's (they agree; issue 20). */
export function TimelinessLine({ version = 0, overdue }: { version?: number; overdue?: number }) {
  const { t } = useTranslation();
  const report = useAsync((s) => bp.timeliness(s), [version]);
  if (report.status !== 'success') return null;
  const f = timelinessFigures(report.data);
  if (f.alerts === 0) return null;
  const late = lateUploadText(f, t);
  // The headline (alert → closed by a clinician) and reading → alert (late device uploads lengthen it) are two
  // different clocks: each on its own line.
  return (
    <div className="muted" data-testid="alert-timeliness">
      <p>
        {/* Nothing closed yet: one sentence ("7 条，尚无已处置的；5 条超时未处置"), not "尚无已处置的。已处置 0 / 7 条". */}
        {!f.headline?.count
          ? t('alertLoop.timelinessNone', { alerts: f.alerts, overdue: overdue ?? f.overdue })
          : `${t('alertLoop.timelinessHeadline', {
              alerts: f.alerts,
              median: dash(f.headline?.medianMinutes),
              p90: dash(f.headline?.p90Minutes),
              within: dash(f.headline?.withinTargetPercent),
              target: f.targetMinutes,
            })} ${t('alertLoop.timelinessOpen', { closed: f.closed, alerts: f.alerts, overdue: overdue ?? f.overdue })}`}
      </p>
      {f.readingToAlert?.count ? (
        <p data-testid="alert-timeliness-reading">
          {t('alertLoop.timelinessReading', {
            median: dash(f.readingToAlert.medianMinutes),
            p90: dash(f.readingToAlert.p90Minutes),
          })}
        </p>
      ) : null}
      {late ? <p data-testid="alert-timeliness-late">{late}</p> : null}
    </div>
  );
}
