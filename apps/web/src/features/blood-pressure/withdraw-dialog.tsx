/**
 * The confirmation before a reading is withdrawn as entered in error (decision 0020), in a modal <dialog>:
 * Escape or 返回 closes it, focus starts on 返回 so Enter alone never withdraws. The patient picks a reason (or
 * writes one); the care team writes one. The server's refusal (past the patient's 24 hours, already withdrawn)
 * is shown in the dialog, in the page's language.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/states.tsx';
import '../../i18n/bp-withdraw.ts';
import { withdrawReading, type WithdrawAnswer } from './withdraw-api.ts';
import './withdraw-dialog.css';

const PATIENT_REASONS = ['duplicate', 'typo', 'notMine', 'other'] as const;
type PatientReason = (typeof PATIENT_REASONS)[number];

export function WithdrawDialog({
  patientId,
  reading,
  who,
  onDone,
  onClose,
}: {
  patientId: string;
  reading: { id: string; sbp: number; dbp: number; timeText: string };
  who: 'patient' | 'care-team';
  onDone: (answer: WithdrawAnswer) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [choice, setChoice] = useState<PatientReason | ''>('');
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    backRef.current?.focus();
    return () => dialog?.close?.();
  }, []);

  const reason =
    who === 'patient' && choice && choice !== 'other' ? t(`bpWithdraw.reasons.${choice}`) : text.trim();

  async function confirm() {
    if (reason.length < 2) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      onDone(await withdrawReading(patientId, reading.id, reason, i18n.language));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      className="withdraw-dialog"
      ref={ref}
      aria-labelledby={titleId}
      data-testid="withdraw-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <h2 id={titleId}>{t(who === 'patient' ? 'bpWithdraw.patientTitle' : 'bpWithdraw.clinicianTitle')}</h2>
        <p className="withdraw-reading">
          <strong>
            {reading.sbp}/{reading.dbp}
          </strong>{' '}
          mmHg · <span className="muted">{reading.timeText}</span>
        </p>
        {who === 'patient' ? (
          <>
            <p>{t('bpWithdraw.patientLead')}</p>
            <fieldset className="withdraw-reasons">
              <legend>{t('bpWithdraw.patientWhy')}</legend>
              {PATIENT_REASONS.map((r) => (
                <label key={r}>
                  <input
                    type="radio"
                    name="withdraw-reason"
                    value={r}
                    checked={choice === r}
                    onChange={() => {
                      setChoice(r);
                      setMissing(false);
                    }}
                  />
                  {t(`bpWithdraw.reasons.${r}`)}
                </label>
              ))}
            </fieldset>
            {choice === 'other' && (
              <label className="withdraw-text">
                {t('bpWithdraw.otherReason')}
                <input
                  value={text}
                  maxLength={500}
                  onChange={(e) => {
                    setText(e.target.value);
                    setMissing(false);
                  }}
                />
              </label>
            )}
            <p className="muted withdraw-hint">{t('bpWithdraw.correctHint')}</p>
          </>
        ) : (
          <label className="withdraw-text">
            {t('bpWithdraw.clinicianReason')}
            <textarea
              value={text}
              maxLength={500}
              rows={3}
              onChange={(e) => {
                setText(e.target.value);
                setMissing(false);
              }}
              data-testid="withdraw-reason"
            />
          </label>
        )}
        {missing && (
          <p className="notice notice-error" role="alert">
            {t('bpWithdraw.reasonRequired')}
          </p>
        )}
        {error ? <ErrorState error={error} /> : null}
        <div className="withdraw-actions">
          <button type="submit" className="button danger" disabled={busy} data-testid="withdraw-confirm">
            {t(who === 'patient' ? 'bpWithdraw.patientConfirm' : 'bpWithdraw.clinicianConfirm')}
          </button>
          <button
            type="button"
            className="button"
            ref={backRef}
            onClick={onClose}
            data-testid="withdraw-back"
          >
            {t('bpWithdraw.back')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
