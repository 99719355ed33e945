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
import { emergencyOnCard } from './open-emergency.ts';
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
          <ul className="alert-list" data-testid="pharmacy-queue">
            {queue.data.items.map((item) => (
              <QueueEntry
                key={item.id}
                item={item}
                timeZone={
                  queue.data.timeZone ?? (report.status === 'success' ? report.data.timeZone : undefined)
                }
                onAct={(action) => setActing({ item, action })}
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

function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${severity}`}>{t(`pharmacy.severities.${severity}`)}</span>;
}

function QueueEntry({
  item,
  timeZone,
  onAct,
}: {
  item: QueueItem;
  /** The hospital's zone: card times read as the daily report counts its day. */
  timeZone: string | undefined;
  onAct: (action: 'approve' | 'return') => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const times = cardTimes(item, timeZone, lang);
  const person = usePersonLabel();
  const headingId = `rx-${item.id}`;
  const emergency = emergencyOnCard(item);
  const reviewer = item.reviewer ? person(item.reviewer.name, item.reviewer.role) : item.review.by;
  return (
    <li className={`alert-item severity-${item.severity ?? 'ok'}`} aria-labelledby={headingId}>
      <div className="alert-body">
        <div className="alert-head">
          {item.severity ? (
            <SeverityBadge severity={item.severity} />
          ) : (
            <span className="badge badge-ok">{t('pharmacy.noFindings')}</span>
          )}
          <h2 id={headingId} className="alert-patient">
            {item.medication} — {item.patient.name || item.patient.id || t('pharmacy.unknownPatient')}
          </h2>
          <span className="muted">
            {item.dosage ? `${item.dosage} · ` : ''}
            {supplyLine(item.supply, t)}
            {times.written}
            {item.requester ? ` · ${person(item.requester, item.requesterRole)}` : ''}
          </span>
        </div>
        {/* The patient's open emergency leads the facts (issue 20): check it with the prescriber. Said once: the
            finding with its detail and source, else the line (open-emergency.ts). */}
        {emergency.lead.length > 0 && (
          <ul
            className="finding-list emergency-lead notice notice-error"
            role="alert"
            data-testid="rx-open-emergency"
          >
            {emergency.lead.map((f) => (
              <FindingView
                key={f.id}
                finding={f}
                override={item.review.findings.find((r) => r.id === f.id)?.override}
                approved={times.reviewed}
              />
            ))}
          </ul>
        )}
        {emergency.lines.map((line) => (
          <p key={line} className="notice notice-error" role="alert" data-testid="rx-open-emergency">
            {line}
          </p>
        ))}
        {/* What the prescriber signed over (issue 20): the critical issues acknowledged at signing. */}
        {item.acknowledged && (
          <p className="notice" data-testid="rx-acknowledged">
            {item.acknowledged}
          </p>
        )}
        {/* A switch or dose change names the order it replaces (issue 20/19): the pair is no duplicate. */}
        {item.replaces && (
          <p className="notice" data-testid="rx-replaces">
            <strong>{t(`pharmacy.replaces.${item.replaces.kind}`)}</strong>
            {t('pharmacy.labelSeparator')}
            {t(
              ['active', 'on-hold'].includes(item.replaces.status)
                ? 'pharmacy.replaces.pending'
                : 'pharmacy.replaces.stopped',
              { medication: item.replaces.medication },
            )}
          </p>
        )}
        <PatientFacts patient={item.patient} timeZone={timeZone} />
        {item.note && (
          <p className="prescriber-note" data-testid="rx-note">
            <strong>{t('pharmacy.prescriberNote')}</strong>
            {t('pharmacy.labelSeparator')}
            {item.note}
          </p>
        )}
        {item.review.state !== 'pending' && (
          <p>
            <strong>{t(`pharmacy.statuses.${item.review.state}`)}</strong>
            {reviewer ? ` · ${reviewer}` : ''}
            {times.reviewed ? ` · ${times.reviewed}` : ''}
            {item.review.reason ? ` · ${reasonForScreen(item.review.reason, i18n.language)}` : ''}
          </p>
        )}
        {emergency.findings.length > 0 && (
          <ul className="finding-list">
            {emergency.findings.map((f) => (
              <FindingView
                key={f.id}
                finding={f}
                override={item.review.findings.find((r) => r.id === f.id)?.override}
                approved={times.reviewed}
                resultAt={f.afterApproval?.at ? formatInZone(f.afterApproval.at, timeZone, lang) : undefined}
              />
            ))}
          </ul>
        )}
      </div>
      {item.review.state === 'pending' && (
        <div className="alert-actions">
          <button
            type="button"
            className="button primary"
            aria-describedby={headingId}
            onClick={() => onAct('approve')}
          >
            {t('pharmacy.approve')}
          </button>
          <button
            type="button"
            className="button"
            aria-describedby={headingId}
            onClick={() => onAct('return')}
          >
            {t('pharmacy.return')}
          </button>
        </div>
      )}
    </li>
  );
}

/** 天数 / 总量 the order carries, then a separator ('' when it carries none). */
function supplyLine(supply: QueueItem['supply'], t: TFunction) {
  if (!supply) return '';
  const text =
    supply.days !== undefined && supply.quantity
      ? t('pharmacy.supply', { days: supply.days, quantity: supply.quantity })
      : supply.days !== undefined
        ? t('pharmacy.supplyDays', { days: supply.days })
        : t('pharmacy.supplyQuantity', { quantity: supply.quantity });
  return `${text} · `;
}

function FindingView({
  finding,
  override,
  approved,
  resultAt,
}: {
  finding: ReviewFinding;
  override?: string | undefined;
  /** The approval time as the card shows it. */
  approved?: string | undefined;
  /** The time of the result behind a finding that appeared after the approval. */
  resultAt?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <li data-after-approval={finding.afterApproval ? 'true' : undefined}>
      <SeverityBadge severity={finding.severity} /> <strong>{finding.summary}</strong>
      {finding.afterApproval && (
        <p className="notice" data-testid="rx-finding-after-approval">
          {resultAt
            ? t('pharmacy.afterApprovalResult', { approved: approved ?? '', at: resultAt })
            : t('pharmacy.afterApproval', { approved: approved ?? '' })}
        </p>
      )}
      {finding.acknowledged && (
        <span className="muted" data-testid="rx-finding-acknowledged">
          {' '}
          {t('pharmacy.acknowledgedBySigner')}
        </span>
      )}
      <p>{finding.detail}</p>
      <p className="muted">
        {t('pharmacy.source')}
        {t('pharmacy.labelSeparator')}
        {finding.source.url ? (
          <a href={finding.source.url} target="_blank" rel="noreferrer">
            {finding.source.label}
          </a>
        ) : (
          finding.source.label
        )}
        {finding.source.citation ? ` — ${finding.source.citation}` : ''}
      </p>
      {override && (
        <p>
          {t('pharmacy.overrideReason')}
          {t('pharmacy.labelSeparator')}
          {override}
        </p>
      )}
    </li>
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
