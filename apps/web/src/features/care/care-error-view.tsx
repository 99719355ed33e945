/** A care API refusal in the page's language, the server's own text folded away as detail (issue 20). */
import { useTranslation } from 'react-i18next';
import type { CareErrorMessage } from './care-errors.ts';

export function CareErrorView({ message }: { message: CareErrorMessage }) {
  const { t } = useTranslation();
  const status = message.statusKey ? t(message.statusKey) : undefined;
  return (
    <div className="notice notice-error" role="alert" data-testid="care-error" data-key={message.key}>
      <p>
        <strong>{t(message.key, { ...message.values, ...(status ? { status } : {}) })}</strong>
      </p>
      {message.detail && message.localized ? (
        <p>{message.detail}</p>
      ) : message.detail ? (
        <details>
          <summary>{t('careSign.errors.detail')}</summary>
          <span className="detail">{message.detail}</span>
        </details>
      ) : null}
    </div>
  );
}
