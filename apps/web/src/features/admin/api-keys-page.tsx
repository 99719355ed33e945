/** Admin: API keys — list, create (secret shown once in a copy box), revoke. */
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { admin, isApiError, type ApiKey, type CreatedApiKey } from '../../api/index.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { formatDate } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { addScope, KEY_SCOPE_CHOICES, scopeProblems } from './api-key-scopes.ts';

function keyStatus(k: ApiKey): 'revoked' | 'expired' | 'active' {
  if (k.revoked) return 'revoked';
  if (k.expiresAt && Date.parse(k.expiresAt) < Date.now()) return 'expired';
  return 'active';
}

export function ApiKeysPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const keys = useAsync(() => admin.apiKeys(), []);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState('');
  const [expires, setExpires] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The scope field's own error in the page language (the server's text, if it answered, as detail).
  const [scopeError, setScopeError] = useState<{ text: string; raw?: string } | null>(null);
  const [created, setCreated] = useState<{ name: string; key: CreatedApiKey } | null>(null);
  const [copied, setCopied] = useState(false);
  const secretRef = useRef<HTMLInputElement>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setScopeError(null);
    const problems = scopeProblems(scopes);
    if (problems.invalid.length || problems.patient.length) {
      setScopeError({ text: scopeProblemText(problems) });
      return;
    }
    setBusy(true);
    try {
      const scopeList = scopes.split(/[\s,]+/).filter(Boolean);
      const body = {
        name: name.trim(),
        scopes: scopeList,
        ...(expires ? { expiresAt: new Date(`${expires}T23:59:59`).toISOString() } : {}),
      };
      const key = await admin.createApiKey(body);
      setCreated({ name: body.name, key });
      setCopied(false);
      setName('');
      setScopes('');
      setExpires('');
      keys.reload();
      setTimeout(() => secretRef.current?.select(), 0);
    } catch (err) {
      if (isApiError(err) && /^scopes\b/.test(err.message))
        setScopeError({ text: t('apiKeyErrors.invalid', { scopes: scopes.trim() }), raw: err.message });
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  function scopeProblemText(problems: { invalid: string[]; patient: string[] }): string {
    const sep = i18n.language === 'zh-CN' ? '、' : ', ';
    return [
      problems.invalid.length ? t('apiKeyErrors.invalid', { scopes: problems.invalid.join(sep) }) : '',
      problems.patient.length ? t('apiKeyErrors.patient', { scopes: problems.patient.join(sep) }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.key.key);
      setCopied(true);
    } catch {
      secretRef.current?.select();
    }
  }

  async function revoke(k: ApiKey) {
    if (!window.confirm(t('apiKeys.confirmRevoke', { name: k.name }))) return;
    setError(null);
    try {
      await admin.revokeApiKey(k.id);
      keys.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="page" aria-labelledby="keys-title">
      <h1 id="keys-title">{t('apiKeys.title')}</h1>

      {created && (
        <div className="secret-box" role="alert" data-testid="new-api-key">
          <h2>{t('apiKeys.newKey')}</h2>
          <p className="warning">⚠ {t('apiKeys.newKeyWarning')}</p>
          <label htmlFor="new-key-secret">{t('apiKeys.keyLabel', { name: created.name })}</label>
          <div className="copy-row">
            <input
              id="new-key-secret"
              ref={secretRef}
              className="mono"
              readOnly
              value={created.key.key}
              onFocus={(e) => e.target.select()}
            />
            <button type="button" className="button primary" onClick={() => void copy()}>
              {copied ? t('common.copied') : t('common.copy')}
            </button>
            <button type="button" className="button ghost" onClick={() => setCreated(null)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      )}

      <form className="card form-grid" onSubmit={(e) => void create(e)} aria-labelledby="create-key-title">
        <h2 id="create-key-title">{t('apiKeys.create')}</h2>
        <div className="field">
          <label htmlFor="key-name">{t('apiKeys.name')}</label>
          <input
            id="key-name"
            required
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="key-scopes">{t('apiKeys.scopes')}</label>
          <input
            id="key-scopes"
            autoComplete="off"
            aria-describedby={scopeError ? 'key-scopes-error key-scopes-hint' : 'key-scopes-hint'}
            aria-invalid={scopeError ? true : undefined}
            value={scopes}
            onChange={(e) => setScopes(e.target.value)}
          />
          <small id="key-scopes-hint">{t('apiKeys.scopesHint')}</small>
          {scopeError && (
            <div
              id="key-scopes-error"
              className="state state-error"
              role="alert"
              data-testid="key-scopes-error"
            >
              {scopeError.text}
              {scopeError.raw ? (
                <details>
                  <summary className="muted">{t('apiKeyErrors.technical')}</summary>
                  <code className="mono">{scopeError.raw}</code>
                </details>
              ) : null}
            </div>
          )}
          <div
            className="scope-choices"
            role="group"
            aria-label={t('apiKeys.scopeChoices')}
            style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem', marginTop: '0.25rem' }}
          >
            {KEY_SCOPE_CHOICES.map((choice) => (
              <button
                key={choice.scope}
                type="button"
                className="button ghost"
                title={t(`apiKeys.scopeChoice.${choice.help}`)}
                aria-label={t('apiKeys.addScope', {
                  scope: choice.scope,
                  help: t(`apiKeys.scopeChoice.${choice.help}`),
                })}
                onClick={() => setScopes((typed) => addScope(typed, choice.scope))}
              >
                <span className="mono">{choice.scope}</span>
              </button>
            ))}
          </div>
        </div>
        <div className="field">
          <label htmlFor="key-expires">{t('apiKeys.expiresAt')}</label>
          <input
            id="key-expires"
            type="date"
            aria-describedby="key-expires-hint"
            value={expires}
            onChange={(e) => setExpires(e.target.value)}
          />
          <small id="key-expires-hint">{t('apiKeys.expiresHint')}</small>
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {t('apiKeys.create')}
          </button>
        </div>
      </form>

      {error ? <ErrorState error={error} /> : null}
      {keys.status === 'loading' && <Loading />}
      {keys.status === 'error' && <ErrorState error={keys.error} onRetry={keys.reload} />}
      {keys.status === 'success' &&
        (keys.data.length === 0 ? (
          <Empty>{t('apiKeys.empty')}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="keys-table">
              <thead>
                <tr>
                  <th scope="col">{t('apiKeys.name')}</th>
                  <th scope="col">{t('apiKeys.scopes')}</th>
                  <th scope="col">{t('apiKeys.expiresAt')}</th>
                  <th scope="col">{t('apiKeys.lastUsed')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {keys.data.map((k) => {
                  const s = keyStatus(k);
                  return (
                    <tr key={k.id} className={s !== 'active' ? 'row-muted' : undefined}>
                      <th scope="row">{k.name}</th>
                      <td className="mono">{k.scopes.join(' ')}</td>
                      <td className="nowrap">
                        {k.expiresAt ? formatDate(k.expiresAt, lang) : t('common.none')}
                      </td>
                      <td className="nowrap">
                        {k.lastUsedAt ? formatDate(k.lastUsedAt, lang, true) : t('apiKeys.never')}
                      </td>
                      <td>
                        <span className={s === 'active' ? 'badge badge-ok' : 'badge badge-muted'}>
                          {t(`apiKeys.${s}`)}
                        </span>
                      </td>
                      <td>
                        {s !== 'revoked' && (
                          <button
                            type="button"
                            className="button small danger"
                            aria-label={`${t('apiKeys.revoke')} ${k.name}`}
                            onClick={() => void revoke(k)}
                          >
                            {t('apiKeys.revoke')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
