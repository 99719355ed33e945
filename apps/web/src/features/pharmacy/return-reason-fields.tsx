/**
 * The return dialog's required fields (issue 20: the form was hard to complete): a reason chosen from the list
 * (required, 《医疗机构处方审核规范》's suitability checks) and details for the prescriber (required only for
 * "other"); each missing field says so in the page's language next to it.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RETURN_REASONS, type ReturnReason } from './review-form.ts';

export function ReturnReasonFields({
  code,
  detail,
  missing,
  onCode,
  onDetail,
}: {
  code: ReturnReason | '';
  detail: string;
  missing: readonly string[];
  onCode: (c: ReturnReason | '') => void;
  onDetail: (d: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const codeMissing = missing.includes('reasonCode');
  const detailMissing = missing.includes('reasonDetail');
  return (
    <>
      <p className="muted" data-testid="return-required-note">
        {t('pharmacy.returnRequiredNote')}
      </p>
      <label htmlFor={`${id}-code`}>{t('pharmacy.returnReasonLabel')}</label>
      <select
        id={`${id}-code`}
        value={code}
        required
        autoFocus
        aria-invalid={codeMissing || undefined}
        aria-describedby={codeMissing ? `${id}-code-error` : undefined}
        onChange={(e) => onCode(e.target.value as ReturnReason | '')}
        data-testid="return-reason-code"
      >
        <option value="">{t('pharmacy.returnReasonChoose')}</option>
        {RETURN_REASONS.map((r) => (
          <option key={r} value={r}>
            {t(`pharmacy.returnReasons.${r}`)}
          </option>
        ))}
      </select>
      {codeMissing && (
        <p id={`${id}-code-error`} role="alert" className="error" data-testid="return-reason-error">
          {t('pharmacy.returnReasonMissing')}
        </p>
      )}
      <label htmlFor={`${id}-detail`}>
        {code === 'other' ? t('pharmacy.returnDetailRequired') : t('pharmacy.returnDetailOptional')}
      </label>
      <textarea
        id={`${id}-detail`}
        value={detail}
        required={code === 'other'}
        rows={3}
        placeholder={t('pharmacy.returnDetailPlaceholder')}
        aria-invalid={detailMissing || undefined}
        aria-describedby={detailMissing ? `${id}-detail-error` : undefined}
        onChange={(e) => onDetail(e.target.value)}
        data-testid="return-reason-detail"
      />
      {detailMissing && (
        <p id={`${id}-detail-error`} role="alert" className="error" data-testid="return-detail-error">
          {t('pharmacy.returnDetailMissing')}
        </p>
      )}
    </>
  );
}
