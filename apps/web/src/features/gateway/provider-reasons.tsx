/**
 * Why a provider is not up, in the console's language: the server's reason codes (failing health check and its
 * request, failed requests in a row, circuit breaker) with when; the untranslated technical message is behind
 * a "technical detail" disclosure.
 */
import { useTranslation } from 'react-i18next';
import type { ProviderReason } from '../../api/gateway.ts';
import { formatDate } from '../../lib/format.ts';
import './gateway.css';

export function ProviderReasons({ reasons }: { reasons: readonly ProviderReason[] | undefined }) {
  const { t, i18n } = useTranslation();
  if (!reasons?.length) return null;
  return (
    <ul className="provider-reasons text-small" data-testid="provider-reasons">
      {reasons.map((r, i) => {
        const cause = r.cause ? t(`gatewayReasons.causes.${r.cause}`, { status: r.status ?? '' }) : '';
        return (
          <li key={`${r.kind}-${i}`} data-reason={r.kind}>
            {t(`gatewayReasons.${r.kind}`, { check: r.check ?? '', cause, count: r.failures ?? 1 })}
            {r.at ? (
              <span className="muted">
                {' '}
                · {t('gatewayReasons.at', { time: formatDate(r.at, i18n.language, true) })}
              </span>
            ) : null}
            {r.detail ? (
              <details>
                <summary className="muted">{t('gatewayReasons.technical')}</summary>
                <code className="mono">{r.detail}</code>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
