/** Edits one provider or virtual model as JSON: checked locally for syntax, then by the server (its message names the bad field). */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/index.ts';
import { configErrorLines } from './config-errors.ts';

interface Props {
  title: string;
  initial: unknown;
  onSave: (value: Record<string, unknown>) => Promise<unknown>;
  onClose: () => void;
}

export function JsonEditor({ title, initial, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(initial, null, 2));
  const [error, setError] = useState<string | null>(null);
  // A server refusal in the page language, field by field; the server's own text behind "technical detail".
  const [refusal, setRefusal] = useState<{ lines: string[]; raw: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setRefusal(null);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      setError(t('gateway.json.syntax', { detail: err instanceof Error ? err.message : String(err) }));
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      setError(t('gateway.json.notObject'));
      return;
    }
    setBusy(true);
    try {
      await onSave(value as Record<string, unknown>);
      onClose();
    } catch (err) {
      const raw = isApiError(err) ? err.message : err instanceof Error ? err.message : String(err);
      if (isApiError(err) && err.code === 'conflict' && /already exists/.test(raw)) {
        const id = /"([^"]+)"/.exec(raw)?.[1] ?? '';
        setRefusal({ lines: [t('gatewayErrors.exists', { id })], raw });
        return;
      }
      const lines = isApiError(err) ? configErrorLines(raw, t) : [];
      if (lines.length) setRefusal({ lines: [t('gatewayErrors.summary'), ...lines], raw });
      else setError(raw);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card editor-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('gateway.json.label')}</label>
        <textarea
          id={`${id}-text`}
          className="mono"
          rows={16}
          spellCheck={false}
          value={text}
          aria-invalid={error || refusal ? true : undefined}
          aria-describedby={error || refusal ? `${id}-error` : `${id}-hint`}
          onChange={(e) => setText(e.target.value)}
        />
        <small id={`${id}-hint`}>{t('gateway.json.hint')}</small>
      </div>
      {refusal && (
        <div id={`${id}-error`} className="state state-error" role="alert" data-testid="gateway-json-error">
          <p>{refusal.lines[0]}</p>
          {refusal.lines.length > 1 ? (
            <ul>
              {refusal.lines.slice(1).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
          <details>
            <summary className="muted">{t('gatewayErrors.technical')}</summary>
            <code className="mono">{refusal.raw}</code>
          </details>
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="state state-error" role="alert" data-testid="gateway-json-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button ghost" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
