import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/index.ts';
import { homePath, useAuth } from '../../auth/auth-context.tsx';
import { LanguageSwitch } from '../../components/language-switch.tsx';

/** Only same-app paths are accepted as a post-sign-in destination. */
function safeNext(value: string | null): string | null {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/signin')
    ? value
    : null;
}

export function SignInPage() {
  const { t } = useTranslation();
  const { me, signIn, expired } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const next = safeNext(new URLSearchParams(location.search).get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  if (me) return <Navigate to={next ?? homePath(me)} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(t('signIn.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const user = await signIn(username.trim(), password);
      navigate(next ?? homePath(user), { replace: true });
    } catch (err) {
      setPassword('');
      if (isApiError(err) && (err.status === 401 || err.status === 400)) setError(t('signIn.invalid'));
      else if (isApiError(err) && err.status === 429) setError(t('signIn.throttled'));
      else if (isApiError(err) && err.status === 0) setError(t('common.networkError'));
      else
        setError(
          `${t('common.error')}${t('common.colon')}${err instanceof Error ? err.message : String(err)}`,
        );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="signin-page">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      <main id="main" className="signin-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            岐
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <h1>{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.subtitle')}</p>
        {expired && !error && (
          <div className="notice" role="status">
            {t('signIn.sessionExpired')}
          </div>
        )}
        {error && (
          <div className="notice notice-error" role="alert" tabIndex={-1} ref={errorRef} id="signin-error">
            {error}
          </div>
        )}
        <form
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-describedby={error ? 'signin-error' : undefined}
        >
          <div className="field">
            <label htmlFor="signin-username">{t('signIn.username')}</label>
            <input
              id="signin-username"
              name="username"
              autoComplete="username"
              autoFocus
              required
              aria-invalid={error ? true : undefined}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="signin-password">{t('signIn.password')}</label>
            <input
              id="signin-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-invalid={error ? true : undefined}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <button type="submit" className="button primary wide" disabled={busy} aria-busy={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
