/**
 * The confirmation before a prescription is signed (issue 20: signing was one click): the patient, medicine,
 * dose and frequency, days of supply and total quantity, and where the order goes — to the pharmacist's review
 * when pharmacy review is on (docs/decisions/0017) — in a modal <dialog>: Escape or 返回 closes it, Tab moves
 * between the two buttons, focus starts on 返回 so Enter alone never signs. Re-authentication at signing is not
 * asked here (out of scope).
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftView } from '../../api/care.ts';
import { signNextStep } from './sign-next.ts';

export function SignDialog({
  draft,
  patientName,
  acknowledged,
  onConfirm,
  onClose,
}: {
  draft: DraftView;
  patientName?: string | undefined;
  acknowledged: number;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const backRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    backRef.current?.focus();
    return () => dialog?.close();
  }, []);

  const signing = draft.signing;
  const next = signNextStep(draft);
  const rows: [string, string][] = [
    [t('careSign.patient'), patientName || '—'],
    [t('careSign.drug'), draft.display],
    [t('careSign.dose'), signing?.dose ?? draft.dosage ?? '—'],
    [t('careSign.frequency'), signing?.frequency ?? '—'],
    // The supply the draft carries (dispenseRequest), as signed and sent to the pharmacist (issue 20).
    [
      t('careSign.days'),
      draft.supply?.days !== undefined ? t('careDraft.supplyDays', { days: draft.supply.days }) : '—',
    ],
    [t('careSign.quantity'), draft.supply?.quantity ?? '—'],
  ];
  return (
    <dialog
      className="review-dialog sign-dialog"
      ref={ref}
      aria-labelledby={titleId}
      data-testid="sign-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm();
        }}
      >
        <h2 id={titleId}>{t('careSign.confirmTitle')}</h2>
        <dl className="sign-facts" data-testid="sign-dialog-facts">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {/* What signing will do, by the rule signing follows (issue 20), and the order it replaces stopping then. */}
        {next && (
          <p className="notice" data-testid="sign-dialog-next">
            {t(next.key, next.values)}
          </p>
        )}
        {acknowledged > 0 && <p>{t('careSign.acknowledged', { count: acknowledged })}</p>}
        <div className="care-actions">
          <button type="submit" className="button primary" data-testid="sign-confirm">
            {t('careSign.confirm')}
          </button>
          <button type="button" className="button" ref={backRef} onClick={onClose} data-testid="sign-back">
            {t('careSign.back')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
