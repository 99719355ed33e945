/**
 * The contact attempts recorded on an open alert that did not reach the patient (decision 0026, issue 20): how
 * many, the last one on the card, all of them under "attempts". Times in the patient's zone, as the card's others.
 */
import { useTranslation } from 'react-i18next';
import type { BpAlert, ContactAttempt } from '../../api/bp.ts';
import { formatInZone } from '../../lib/zone-time.ts';
import '../../i18n/alert-attempts.ts';

export function AlertAttemptHistory({ alert, timeZone }: { alert: BpAlert; timeZone?: string }) {
  const { t, i18n } = useTranslation();
  const attempts = alert.attempts ?? [];
  if (attempts.length === 0) return null;
  const words = (a: ContactAttempt) => ({
    time: formatInZone(a.contactedAt, timeZone, i18n.language),
    by: a.contactedBy,
    method: t(`alertLoop.methods.${a.method}`),
    action: a.action,
  });
  const last = attempts[attempts.length - 1]!;
  return (
    <div className="notice" role="note" data-testid="alert-attempts">
      <p>
        <strong>{t('alertAttempt.attempts', { count: attempts.length })}</strong>
        {t('common.semicolon')}
        {t('alertAttempt.last', words(last))}
      </p>
      {attempts.length > 1 && (
        <details>
          <summary>{t('alertAttempt.history')}</summary>
          <ol>
            {attempts.map((a, i) => (
              <li key={`${a.at}-${i}`}>{t('alertAttempt.item', words(a))}</li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
