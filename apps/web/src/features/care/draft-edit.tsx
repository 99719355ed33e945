/**
 * Editing a prescription draft's dose (amount and the drug's unit), frequency (qd, bid, tid, qid, qn), days of
 * supply and quantity before signing (issue 20). Values are checked here first, in the page's language (the
 * drug's maximum daily dose too, decision 0019); the server checks again and re-runs the review, and the card
 * shows the draft it answers. Nothing is sent when nothing changed.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { care, type DraftView } from '../../api/care.ts';
import { careLanguage } from './care-model.ts';
import {
  editFrom,
  editRefusal,
  initialValues,
  type EditProblem,
  type EditValues,
} from './draft-edit-model.ts';

export function DraftEditPanel({
  draft,
  onSaved,
  onClose,
}: {
  draft: DraftView;
  onSaved: (d: DraftView) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const form = draft.edit!;
  const [values, setValues] = useState<EditValues>(() => initialValues(form));
  const [quantityTouched, setQuantityTouched] = useState(false);
  const [problem, setProblem] = useState<EditProblem | null>(null);
  const [refusal, setRefusal] = useState<ReturnType<typeof editRefusal> | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const unitLabel = form.units.find((u) => u.code === values.unit)?.label ?? values.unit;
  const set = (patch: Partial<EditValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setProblem(null);
  };

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setRefusal(null);
    const result = editFrom(form, values, quantityTouched);
    if ('problem' in result) {
      setProblem(result.problem);
      return;
    }
    if (Object.keys(result.edit).length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    try {
      onSaved(await care.editDraft(draft.id, result.edit, careLanguage(i18n.language)));
    } catch (err) {
      setRefusal(editRefusal(err));
    } finally {
      setBusy(false);
    }
  }

  const problemText = problem ? t(problem.key, 'values' in problem ? problem.values : {}) : null;
  return (
    <form
      className="draft-edit"
      onSubmit={(e) => void save(e)}
      aria-labelledby={`${id}-title`}
      data-testid="draft-edit"
      noValidate
    >
      <h4 id={`${id}-title`}>{t('careDraft.editTitle', { drug: draft.display })}</h4>
      {draft.returned && <p className="muted">{t('careDraft.afterReturn')}</p>}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-dose`}>{t('careDraft.dose')}</label>
          <span className="draft-edit-dose">
            <input
              id={`${id}-dose`}
              type="number"
              inputMode="decimal"
              min="0"
              step="any"
              value={values.dose}
              onChange={(e) => set({ dose: e.target.value })}
              aria-invalid={
                problem?.key === 'careDraft.errors.dose' || problem?.key === 'careDraft.errors.aboveMax'
              }
              aria-describedby={`${id}-dose-hint`}
              data-testid="edit-dose"
            />
            <select
              aria-label={t('careDraft.unit')}
              value={values.unit}
              onChange={(e) => set({ unit: e.target.value })}
              data-testid="edit-unit"
            >
              {form.units.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.label}
                </option>
              ))}
            </select>
          </span>
          <small id={`${id}-dose-hint`}>
            {[
              form.strengths.length > 0
                ? t('careDraft.strengths', { strengths: form.strengths.join(' / '), unit: unitLabel })
                : '',
              form.maxDaily ? t('careDraft.maxDaily', form.maxDaily) : '',
            ]
              .filter(Boolean)
              .join('；')}
          </small>
        </div>
        <div className="field">
          <label htmlFor={`${id}-freq`}>{t('careDraft.frequency')}</label>
          <select
            id={`${id}-freq`}
            value={values.frequency}
            onChange={(e) => set({ frequency: e.target.value as EditValues['frequency'] })}
            data-testid="edit-frequency"
          >
            {form.frequencies.map((f) => (
              <option key={f.code} value={f.code}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-days`}>{t('careDraft.days')}</label>
          <input
            id={`${id}-days`}
            type="number"
            inputMode="numeric"
            min="1"
            max={form.maxDays}
            step="1"
            value={values.days}
            onChange={(e) => set({ days: e.target.value })}
            aria-invalid={problem?.key === 'careDraft.errors.days'}
            data-testid="edit-days"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-qty`}>{t('careDraft.quantity')}</label>
          <input
            id={`${id}-qty`}
            type="number"
            inputMode="numeric"
            min="1"
            step="1"
            value={quantityTouched ? values.quantity : ''}
            placeholder={t('careDraft.quantityAuto')}
            onChange={(e) => {
              setQuantityTouched(true);
              set({ quantity: e.target.value });
            }}
            aria-invalid={problem?.key === 'careDraft.errors.quantity'}
            aria-describedby={`${id}-qty-hint`}
            data-testid="edit-quantity"
          />
          <small id={`${id}-qty-hint`}>
            {form.strengths.length > 0 || values.unit === 'tablet'
              ? t('careDraft.quantityHint', {
                  strengths: form.strengths.join(' / ') || '1',
                  unit: unitLabel,
                })
              : t('careDraft.quantityHintNone')}
          </small>
        </div>
      </div>
      {problemText && (
        <p className="notice notice-error" role="alert" data-testid="edit-problem">
          {problemText}
        </p>
      )}
      {refusal && (
        <div className="notice notice-error" role="alert" data-testid="edit-refusal">
          <p>
            <strong>{refusal.localized && refusal.detail ? refusal.detail : t(refusal.key)}</strong>
          </p>
          {refusal.detail && !refusal.localized && (
            <details>
              <summary>{t('careSign.errors.detail')}</summary>
              <span className="detail">{refusal.detail}</span>
            </details>
          )}
        </div>
      )}
      <div className="care-actions">
        <button type="submit" className="button primary" disabled={busy} data-testid="edit-save">
          {t('careDraft.save')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onClose} data-testid="edit-cancel">
          {t('careDraft.cancel')}
        </button>
      </div>
    </form>
  );
}
