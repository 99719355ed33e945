/**
 * The patient's own readings on the phone page: enter a reading, see at once what to do when it is in the
 * crisis range (the server's advice, in the patient's language, naming its guideline), and the last two weeks
 * coloured by category (with the category in words, not colour alone).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { bp, type CrisisAdvice, type RecentReadings, type UploadAnswer } from '../../api/bp.ts';
import type { PatientHandledReport, PatientReportedAlert } from '../../api/care.ts';
import { ErrorState } from '../../components/states.tsx';
import { formatInZone } from '../../lib/zone-time.ts';
import { WithdrawDialog } from '../blood-pressure/withdraw-dialog.tsx';
import { CallButton, TelText } from './care-ui.tsx';
import { readingLabelKey } from './reading-label.ts';
import './home-readings.css';

/** The crisis box: first thing on the page, never dismissed while the crisis reading is recent. */
export function CrisisBox({
  advice,
  scrollIntoView = false,
  leads = true,
}: {
  advice: Pick<CrisisAdvice, 'title' | 'steps' | 'source' | 'handled'> & { level?: CrisisAdvice['level'] };
  /** Brought into view when it appears (the advice to a reading just saved). */
  scrollIntoView?: boolean;
  /** False below a reported emergency (decision 0024): shown, but not announced as the page's alert. */
  leads?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (scrollIntoView) ref.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [scrollIntoView, advice]);
  // An old reading (before the alert look-back) is a note to tell the clinic, not an emergency box; a reading whose
  // alert the care team closed is told as handled, not announced as an alert (decision 0031).
  const old = advice.level === 'old-reading';
  const handled = !old && advice.handled !== undefined;
  return (
    <section
      className={old ? 'crisis-box crisis-box-old' : handled ? 'crisis-box crisis-box-handled' : 'crisis-box'}
      role={old || handled ? 'status' : leads ? 'alert' : 'region'}
      aria-label={t(
        old ? 'bpHome.oldReadingBoxLabel' : handled ? 'bpHome.handledBoxLabel' : 'bpHome.crisisBoxLabel',
      )}
      data-testid="crisis-advice"
      data-handled={handled ? 'true' : undefined}
      ref={ref}
    >
      <h2>
        <TelText text={advice.title} />
      </h2>
      <ol>
        {advice.steps.map((step) => (
          <li key={step}>
            <TelText text={step} />
          </li>
        ))}
      </ol>
      <p className="crisis-source">
        {t('bpHome.source')}
        {t('common.colon')}
        {advice.source}
      </p>
    </section>
  );
}

/**
 * An emergency (or same-day report) the patient made in a consultation (decision 0024): what they reported and
 * when, then what to do — an emergency with the big 120 button and steps led by "call 120 now". The server's
 * text, in the page's language; it goes once the care team closes the alert.
 */
export function ReportedBox({ alert, leads = true }: { alert: PatientReportedAlert; leads?: boolean }) {
  const { t } = useTranslation();
  const emergency = alert.level === 'emergency';
  return (
    <section
      className={emergency ? 'crisis-box reported-box' : 'crisis-box reported-box reported-box-urgent'}
      role={leads ? 'alert' : 'region'}
      aria-label={t(emergency ? 'care.reportedBox.emergencyLabel' : 'care.reportedBox.urgentLabel')}
      data-testid="reported-advice"
      data-level={alert.level}
    >
      <h2>{alert.title}</h2>
      {emergency && <CallButton number={alert.call} />}
      <ul className="reported-box-reports" data-testid="reported-what">
        {alert.reports.map((r) => (
          <li key={`${r.level}-${r.time}`}>{r.text}</li>
        ))}
      </ul>
      <ol>
        {alert.steps.map((step) => (
          <li key={step}>
            <TelText text={step} />
          </li>
        ))}
      </ol>
      <p className="crisis-source">
        {t('bpHome.source')}
        {t('common.colon')}
        {alert.source}
      </p>
    </section>
  );
}

/**
 * A reported emergency the care team closed with its recorded action, for 72 h (issue 20, decision 0024 amended):
 * a calm status note — never an alert, after every open box — in the server's words and the page's language.
 */
export function HandledNote({ note }: { note: PatientHandledReport }) {
  const { t } = useTranslation();
  return (
    <section
      className="handled-note"
      role="status"
      aria-label={t('care.handledNote.label')}
      data-testid="handled-note"
      data-outcome={note.outcome}
    >
      <p>{note.text}</p>
      {note.steps.map((step) => (
        <p key={step}>
          <TelText text={step} />
        </p>
      ))}
    </section>
  );
}

export function HomeReadings({
  patientId,
  recent,
  onSaved,
  onWithdrawn,
  timeZone,
  advice,
}: {
  /**
   * The advice to the reading just saved: its box is the page's reading box at the top (in the order of decision
   * 0024, brought into view); here it marks the status line.
   */
  advice?: CrisisAdvice;
  patientId: string;
  recent: RecentReadings | undefined;
  /** The zone the server counts today's reminders in; reading times are shown in it. */
  timeZone?: string;
  onSaved: (answer: UploadAnswer) => void;
  /** A reading was withdrawn as entered in error (the list, reminders and averages are read again). */
  onWithdrawn?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [sbp, setSbp] = useState('');
  const [dbp, setDbp] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState(false);
  const [status, setStatus] = useState('');
  // The reading whose withdrawal is being confirmed (decision 0020: a correction is a withdrawal + a new reading).
  const [withdrawing, setWithdrawing] = useState<RecentReadings['readings'][number] | null>(null);
  // One save's idempotency key and time, kept while its values are retried (a failed request sent again is
  // the same reading); a new reading gets new ones (issue 20: two readings a minute apart are two readings).
  const pending = useRef<{ sbp: number; dbp: number; key: string; time: string } | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const s = Number(sbp);
    const d = Number(dbp);
    // Input checks only (the server checks plausibility again); not clinical thresholds.
    if (!Number.isInteger(s) || !Number.isInteger(d) || s < 50 || s > 300 || d < 30 || d > 200 || d >= s) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setBusy(true);
    setError(null);
    try {
      if (!pending.current || pending.current.sbp !== s || pending.current.dbp !== d)
        pending.current = { sbp: s, dbp: d, key: newKey(), time: localNow() };
      const answer = await bp.uploadReading(patientId, pending.current, lang);
      pending.current = null;
      setStatus(
        answer.advice?.level === 'crisis'
          ? t('bpHome.savedCrisis')
          : answer.alertEvaluation === 'pending'
            ? t('bpHome.savedPending')
            : t('bpHome.saved'),
      );
      setSbp('');
      setDbp('');
      onSaved(answer);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="bp-home-title">
      <h2 id="bp-home-title">{t('bpHome.title')}</h2>
      <form className="reading-form" onSubmit={(e) => void save(e)} data-testid="reading-form">
        <label>
          {t('bpHome.sbp')}
          <input
            inputMode="numeric"
            pattern="[0-9]*"
            value={sbp}
            onChange={(e) => setSbp(e.target.value)}
            name="sbp"
            required
          />
        </label>
        <label>
          {t('bpHome.dbp')}
          <input
            inputMode="numeric"
            pattern="[0-9]*"
            value={dbp}
            onChange={(e) => setDbp(e.target.value)}
            name="dbp"
            required
          />
        </label>
        <button type="submit" className="button primary care-big-button" disabled={busy}>
          {busy ? t('bpHome.saving') : t('bpHome.save')}
        </button>
      </form>
      {invalid && (
        <p className="notice notice-error" role="alert">
          {t('bpHome.invalid')}
        </p>
      )}
      {error ? <ErrorState error={error} /> : null}
      <p role="status" className={advice ? 'reading-status-crisis' : 'muted'} data-testid="reading-status">
        {status}
      </p>
      <h3>{t('bpHome.recent')}</h3>
      {!recent || recent.readings.length === 0 ? (
        <p className="muted">{t('bpHome.none')}</p>
      ) : (
        <ul className="reading-list" data-testid="recent-readings">
          {recent.readings.slice(0, 10).map((r) => (
            <li key={r.id} className={`reading reading-${r.category}`} data-category={r.category}>
              <strong>
                {r.sbp}/{r.dbp}
              </strong>{' '}
              <span className="reading-unit">mmHg</span>
              <span className={`reading-badge reading-badge-${r.category}`}>{t(readingLabelKey(r))}</span>
              <span className="muted reading-time">{formatInZone(r.time, timeZone, lang)}</span>
              {r.patientMayWithdraw && (
                <button
                  type="button"
                  className="button ghost reading-withdraw"
                  aria-label={t('bpWithdraw.withdrawLabel', { value: `${r.sbp}/${r.dbp}` })}
                  onClick={() => setWithdrawing(r)}
                  data-testid="reading-withdraw"
                >
                  {t('bpWithdraw.withdraw')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {withdrawing && (
        <WithdrawDialog
          patientId={patientId}
          who="patient"
          reading={{ ...withdrawing, timeText: formatInZone(withdrawing.time, timeZone, lang) }}
          onClose={() => setWithdrawing(null)}
          onDone={() => {
            setWithdrawing(null);
            setStatus(t('bpWithdraw.withdrawn'));
            onWithdrawn?.();
          }}
        />
      )}
      {recent?.remembered?.length ? (
        // Remembered in a consultation: the time shown is when it was told, so it is named as such, apart from
        // the measured readings and never the latest one (issue 20 item 2).
        <ul className="reading-list" data-testid="remembered-readings">
          {recent.remembered.map((r) => (
            <li key={r.id} className={`reading reading-${r.category}`} data-category={r.category}>
              <strong>
                {r.sbp}/{r.dbp}
              </strong>{' '}
              <span className="reading-unit">mmHg</span>
              <span className={`reading-badge reading-badge-${r.category}`}>{t(readingLabelKey(r))}</span>
              <span className="muted reading-time">{r.label}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** A fresh idempotency key for one save. */
function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** Now as a local date-time (to the second) with its UTC offset (a reading keeps the zone it was taken in). */
function localNow(): string {
  const now = new Date();
  now.setMilliseconds(0);
  const offset = -now.getTimezoneOffset();
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const local = new Date(now.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${offset >= 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`;
}
