/**
 * Clinician copilot about this patient: the question goes to the model with tools (engines, FHIR store,
 * prescription review, knowledge search). Text streams in; every tool call is a collapsible row with its name,
 * arguments and result; the final answer shows the guard's claims and the citations.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { care, type ChatMessage, type CopilotToolEvent } from '../../api/care.ts';
import { isApiError } from '../../api/index.ts';
import { ErrorState } from '../../components/states.tsx';
import { applyCopilotEvent, emptyCopilotTurn, formatJson, type CopilotTurn } from './care-model.ts';
import { Citations, GuardClaims } from './care-ui.tsx';
import './care.css';

interface Exchange {
  question: string;
  turn: CopilotTurn;
}

export function CopilotPanel({ patientId, language }: { patientId: string; language: 'zh' | 'en' }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [exchanges, setExchanges] = useState<Exchange[]>([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  async function ask(e: FormEvent) {
    e.preventDefault();
    const question = text.trim();
    if (!question || busy) return;
    const history: ChatMessage[] = exchanges.flatMap((x) => [
      { role: 'user' as const, content: x.question },
      ...(x.turn.text ? [{ role: 'assistant' as const, content: x.turn.text }] : []),
    ]);
    history.push({ role: 'user', content: question });
    const index = exchanges.length;
    setExchanges((cur) => [...cur, { question, turn: emptyCopilotTurn }]);
    setText('');
    setBusy(true);
    setError(null);
    const controller = new AbortController();
    abort.current = controller;
    let turn = emptyCopilotTurn;
    try {
      await care.copilot(
        patientId,
        history,
        language,
        (event) => {
          turn = applyCopilotEvent(turn, event);
          const snapshot = turn;
          setExchanges((cur) => cur.map((x, i) => (i === index ? { ...x, turn: snapshot } : x)));
        },
        controller.signal,
      );
    } catch (err) {
      if (isApiError(err) && err.code === 'model-not-configured') {
        // Refused before the stream opened: shown as the answer's plain notice, not as a failure.
        const refused = { ...turn, error: { code: err.code, message: err.message } };
        setExchanges((cur) => cur.map((x, i) => (i === index ? { ...x, turn: refused } : x)));
      } else if (!(err instanceof DOMException && err.name === 'AbortError')) setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card span-2" aria-labelledby="copilot-title" data-testid="copilot">
      <h2 id="copilot-title">{t('care.copilot.title')}</h2>
      <p className="muted">{t('care.copilot.intro')}</p>
      <ol className="care-chat" aria-live="polite" aria-label={t('care.copilot.title')}>
        {exchanges.map((x, i) => (
          <li key={i} className="care-exchange">
            <div className="care-msg care-msg-user">{x.question}</div>
            <TurnView turn={x.turn} streaming={busy && i === exchanges.length - 1} />
          </li>
        ))}
      </ol>
      {error ? <ErrorState error={error} /> : null}
      <form className="care-composer" onSubmit={(e) => void ask(e)}>
        <label htmlFor={inputId}>{t('care.copilot.question')}</label>
        <textarea
          id={inputId}
          value={text}
          onChange={(e) => setText(e.target.value)}
          disabled={busy}
          data-testid="copilot-input"
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void ask(e);
          }}
        />
        <div className="care-row">
          <button
            type="submit"
            className="button primary"
            disabled={busy || !text.trim()}
            data-testid="copilot-send"
          >
            {busy ? t('care.copilot.thinking') : t('care.copilot.ask')}
          </button>
          {busy && (
            <button type="button" className="button" onClick={() => abort.current?.abort()}>
              {t('care.copilot.stop')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function TurnView({ turn, streaming }: { turn: CopilotTurn; streaming: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="care-msg care-msg-assistant" data-testid="copilot-answer" aria-busy={streaming}>
      {turn.tools.length > 0 && (
        <ul className="care-list" data-testid="copilot-tools" aria-label={t('care.copilot.tools')}>
          {turn.tools.map((tool) => (
            <ToolRow key={tool.id} tool={tool} />
          ))}
        </ul>
      )}
      {turn.error && (
        <p className="notice" role="status" data-testid="copilot-error" data-code={turn.error.code}>
          {/* One message: the server's already says the model is not configured (issue 20). */}
          {turn.error.message}
        </p>
      )}
      {turn.text ? (
        <div className="care-text" data-testid="copilot-text">
          {turn.text}
        </div>
      ) : streaming && !turn.error ? (
        <span className="muted">{t('care.copilot.thinking')}</span>
      ) : null}
      {turn.done && (
        <>
          <p className="muted text-small">{t('care.copilot.toolCalls', { count: turn.done.toolCalls })}</p>
          <GuardClaims guard={turn.done.guard} />
          <Citations citations={turn.done.citations ?? []} />
        </>
      )}
    </div>
  );
}

function ToolRow({ tool }: { tool: CopilotToolEvent }) {
  const { t } = useTranslation();
  return (
    <li className="care-tool" data-testid="copilot-tool" data-name={tool.name}>
      <details>
        <summary>
          <span className="badge badge-info">{t('care.copilot.tool')}</span> <code>{tool.name}</code>
        </summary>
        <p className="text-small">{t('care.copilot.arguments')}</p>
        <pre>{formatJson(tool.arguments)}</pre>
        <p className="text-small">{t('care.copilot.result')}</p>
        <pre>{formatJson(tool.result)}</pre>
      </details>
    </li>
  );
}
