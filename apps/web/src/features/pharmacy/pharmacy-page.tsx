/**
 * Pharmacist review queue (前置审方): incoming orders with the review engine's findings (answered by the server
 * in the screen's language), approve (an override reason for every warning or critical finding) or return with a
 * reason, and the daily report (the hospital's day: without a date the server picks today in its time zone).
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { useAsync } from '../../lib/use-async.ts';
import {
  pharmacy,
  type QueueItem,
  type QueueStatus,
  type ReviewFinding,
  type Severity,
} from './pharmacy-api.ts';
import { formatInZone } from '../../lib/zone-time.ts';
import type { TFunction } from 'i18next';
import { cardTimes } from './card-times.ts';
import { groupByPatient } from './queue-groups.ts';
import { PatientGroupView, SeverityBadge } from './queue-entry.tsx';
import { PatientFacts, usePersonLabel } from './patient-facts.tsx';
import './pharmacy.css';
import {
  findingsNeedingReason,
  missingReasons,
  missingReturnFields,
  overridesToSend,
  returnReasonText,
  type ReturnReason,
} from './review-form.ts';
import { ReturnReasonFields } from './return-reason-fields.tsx';
import { reasonForScreen } from './reason-for-screen.ts';
import { Report } from './daily-report.tsx';

const STATUSES: QueueStatus[] = ['pending', 'approved', 'returned', 'all'];
export function PharmacyPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [status, setStatus] = useState<QueueStatus>('pending');
  // Empty until the server names the hospital's current day in its first report.
  const [date, setDate] = useState('');
  const [tick, setTick] = useState(0);
  const [message, setMessage] = useState('');
  const queue = useAsync((s) => pharmacy.queue(status, lang, s), [status, lang, tick]);
  const report = useAsync((s) => pharmacy.report(date || undefined, s), [date, tick]);
  const shownDate = date || (report.status === 'success' ? report.data.date : '');
  const [acting, setActing] = useState<{ item: QueueItem; action: 'approve' | 'return' } | null>(null);

  return (
    <section className="page" aria-labelledby="pharmacy-title">
      <h1 id="pharmacy-title">{t('pharmacy.title')}</h1>
      <p className="muted">{t('pharmacy.intro')}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      <div className="toolbar">
        <label>
          {t('pharmacy.statusFilter')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as QueueStatus)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`pharmacy.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {queue.status === 'loading' && <Loading />}
      {queue.status === 'error' && <ErrorState error={queue.error} onRetry={queue.reload} />}
      {queue.status === 'success' &&
        (queue.data.items.length === 0 ? (
          <Empty>{t('pharmacy.empty')}</Empty>
        ) : (
          <ul className="rx-groups" data-testid="pharmacy-queue">
            {/* One patient's orders together, named once, the open emergency once (issue 20), in the server's
                order by priority (queue-groups.ts). */}
            {groupByPatient(queue.data.items).map((group) => (
              <PatientGroupView
                key={group.key}
                group={group}
                timeZone={
                  queue.data.timeZone ?? (report.status === 'success' ? report.data.timeZone : undefined)
                }
                onAct={(item, action) => setActing({ item, action })}
              />
            ))}
          </ul>
        ))}
      {acting && (
        <ReviewDialog
          item={acting.item}
          action={acting.action}
          onClose={(done) => {
            setActing(null);
            if (done) {
              setMessage(done === 'approve' ? t('pharmacy.approvedMessage') : t('pharmacy.returnedMessage'));
              setTick((n) => n + 1);
            }
          }}
        />
      )}
      <h2 id="pharmacy-report-title">{t('pharmacy.report.title')}</h2>
      <label>
        {t('pharmacy.report.date')}{' '}
        <input type="date" value={shownDate} onChange={(e) => e.target.value && setDate(e.target.value)} />
      </label>
      {report.status === 'loading' && <Loading />}
      {report.status === 'error' && <ErrorState error={report.error} onRetry={report.reload} />}
      {report.status === 'success' && <Report report={report.data} />}
    </section>
  );
}

function ReviewDialog({
  item,
  action,
  onClose,
}: {
  item: QueueItem;
  action: 'approve' | 'return';
  onClose: (done?: 'approve' | 'return') => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [returnCode, setReturnCode] = useState<ReturnReason | ''>('');
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<string[]>([]);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const absent =
      action === 'return'
        ? missingReturnFields(returnCode, reason)
        : missingReasons(item, action, reason, overrides);
    if (absent.length > 0) {
      setMissing(absent);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (action === 'approve')
        await pharmacy.approve(item.id, lang, overridesToSend(item, overrides), reason.trim() || undefined);
      else
        await pharmacy.returnOrder(
          item.id,
          lang,
          returnReasonText(t(`pharmacy.returnReasons.${returnCode}`), reason, t('pharmacy.labelSeparator')),
        );
      onClose(action);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const serious = findingsNeedingReason(item);
  const patient = item.patient.name || item.patient.id || t('pharmacy.unknownPatient');
  // The patient and the dose ordered, not only the product (an amlodipine 10 mg tablet ordered at 20 mg).
  const subject = item.dosage
    ? t('pharmacy.dialogSubject', { patient, medication: item.medication, dosage: item.dosage })
    : `${patient} — ${item.medication}`;
  return (
    <dialog
      className="review-dialog"
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {/* noValidate: the form shows its own messages in the page language, not the browser's. */}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <h2 id={titleId}>
          {action === 'approve' ? t('pharmacy.approveTitle') : t('pharmacy.returnTitle')}
          <span className="visually-hidden">: </span>
          <span className="dialog-subject" data-testid="review-dialog-subject">
            {subject}
          </span>
        </h2>
        {error ? <ErrorState error={error} /> : null}
        {action === 'return' ? (
          <ReturnReasonFields
            code={returnCode}
            detail={reason}
            missing={missing}
            onCode={(c) => {
              setReturnCode(c);
              setMissing([]);
            }}
            onDetail={(d) => {
              setReason(d);
              setMissing((m) => m.filter((x) => x !== 'reasonDetail'));
            }}
          />
        ) : (
          <>
            <label htmlFor={reasonId}>{t('pharmacy.noteOptional')}</label>
            <textarea
              id={reasonId}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={3}
              autoFocus={serious.length === 0}
            />
          </>
        )}
        {action === 'approve' &&
          serious.map((f, i) => {
            const inputId = `${reasonId}-${i}`;
            const absent = missing.includes(f.id);
            return (
              <div key={f.id}>
                <label htmlFor={inputId}>
                  <SeverityBadge severity={f.severity} /> {t('pharmacy.overrideFor', { finding: f.summary })}
                </label>
                <input
                  id={inputId}
                  type="text"
                  required
                  autoFocus={i === 0}
                  aria-invalid={absent || undefined}
                  aria-describedby={absent ? `${inputId}-error` : undefined}
                  value={overrides[f.id] ?? ''}
                  onChange={(e) => {
                    setOverrides((prev) => ({ ...prev, [f.id]: e.target.value }));
                    setMissing((m) => m.filter((x) => x !== f.id));
                  }}
                />
                {absent && (
                  <p id={`${inputId}-error`} role="alert" className="error">
                    {t('pharmacy.overrideMissing')}
                  </p>
                )}
              </div>
            );
          })}
        <div className="alert-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy
              ? t('pharmacy.saving')
              : action === 'approve'
                ? t('pharmacy.approve')
                : t('pharmacy.return')}
          </button>
          <button type="button" className="button" onClick={() => onClose()}>
            {t('pharmacy.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
