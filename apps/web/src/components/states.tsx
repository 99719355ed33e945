/** Loading, error, empty and refusal states, each announced to screen readers. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessageKey } from '../lib/format.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { key, detail } = errorMessageKey(error);
  return (
    <div className="state state-error" role="alert">
      <p>
        <strong>{t(key)}</strong>
        {detail && key === 'common.error' ? <span className="detail"> {detail}</span> : null}
      </p>
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

export function Refusal({ home }: { home: string }) {
  const { t } = useTranslation();
  return (
    <section className="refusal" data-testid="refusal" aria-labelledby="refusal-title">
      <svg className="refusal-icon" aria-hidden="true" viewBox="0 0 24 24" width="44" height="44">
        <rect x="4" y="10" width="16" height="11" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M8 10V7a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2" />
        <circle cx="12" cy="15.5" r="1.6" fill="currentColor" />
      </svg>
      <h1 id="refusal-title">{t('refusal.title')}</h1>
      <p>{t('refusal.body')}</p>
      <Link className="button" to={home}>
        {t('refusal.home')}
      </Link>
    </section>
  );
}
