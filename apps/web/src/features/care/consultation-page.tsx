/**
 * Guided consultation for a signed-in patient: choose zh/en, then answer the intake questions. The reply is
 * streamed as it arrives; the engine's triage can stop the conversation at once (emergency banner, input
 * disabled); without a model the fixed questions are used and a notice says so. "Finish" saves the answers
 * (QuestionnaireResponse + patient-reported drafts) for the clinician to confirm.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { care, type CareLanguage, type Consultation } from '../../api/care.ts';
import { homePath, useAuth } from '../../auth/auth-context.tsx';
import { ErrorState, Loading, Refusal } from '../../components/states.tsx';
import { isApiError } from '../../api/index.ts';
import { useAsync } from '../../lib/use-async.ts';
import {
  applyConsultationEvent,
  careLanguage,
  emergencyOf,
  emptyConsultationStream,
  inputClosed,
  pick,
  type ConsultationStream,
  resourceLabelKey,
} from './care-model.ts';
import { TriageBanner } from './care-ui.tsx';
import './care.css';

/** /care/consultation/new: language choice, then start. */
export function NewConsultationPage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const [language, setLanguage] = useState<CareLanguage>(careLanguage(i18n.language));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function start(e: FormEvent) {
    e.preventDefault();
    if (!me?.patientId) return;
    setBusy(true);
    setError(null);
    try {
      const c = await care.startConsultation(me.patientId, language);
      navigate(`/care/consultation/${encodeURIComponent(c.id)}`, { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <section className="page care-mobile" aria-labelledby="consult-new-title">
      <p className="breadcrumb">
        <Link to="/care">← {t('care.consultation.backHome')}</Link>
      </p>
      <h1 id="consult-new-title">{t('care.consultation.title')}</h1>
      <p>{t('care.consultation.intro')}</p>
      <form onSubmit={(e) => void start(e)} className="card care-composer">
        <fieldset className="care-lang">
          <legend>{t('care.consultation.language')}</legend>
          {(['zh', 'en'] as const).map((l) => (
            <label key={l}>
              <input
                type="radio"
                name="consult-language"
                value={l}
                checked={language === l}
                onChange={() => setLanguage(l)}
              />
              {l === 'zh' ? '中文' : 'English'}
            </label>
          ))}
        </fieldset>
        {error ? <ErrorState error={error} /> : null}
        <button
          type="submit"
          className="button primary care-big-button"
          disabled={busy || !me?.patientId}
          data-testid="consultation-begin"
        >
          {busy ? t('care.consultation.starting') : t('care.consultation.begin')}
        </button>
      </form>
    </section>
  );
}

/** /care/consultation/:cid */
export function ConsultationPage() {
  const { cid = '' } = useParams();
  const { t } = useTranslation();
  const { me } = useAuth();
  const loaded = useAsync((s) => care.consultation(cid, s), [cid]);
  return (
    <section className="page care-mobile" aria-labelledby="consult-title" data-testid="consultation">
      <p className="breadcrumb">
        <Link to="/care">← {t('care.consultation.backHome')}</Link>
      </p>
      <h1 id="consult-title">{t('care.consultation.title')}</h1>
      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'error' &&
        (isApiError(loaded.error) && loaded.error.isRefusal ? (
          // Another patient's consultation (403/404): not theirs to see, as on the chart pages.
          <Refusal home={me ? homePath(me) : '/'} />
        ) : (
          <ErrorState error={loaded.error} onRetry={loaded.reload} />
        ))}
      {loaded.status === 'success' && <Chat key={loaded.data.id} initial={loaded.data} />}
    </section>
  );
}

function Chat({ initial }: { initial: Consultation }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [consultation, setConsultation] = useState<Consultation>(initial);
  const [stream, setStream] = useState<ConsultationStream>(emptyConsultationStream);
  const [pending, setPending] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<{ code: string; message: string } | undefined>(undefined);
  const abort = useRef<AbortController | null>(null);
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [consultation.messages.length, stream.streaming, pending]);

  const lang = consultation.language === 'zh' ? 'zh-CN' : 'en';
  const emergency = emergencyOf(consultation, stream.triage);
  const closed = inputClosed(consultation, stream.triage);
  const modelMissing = !consultation.modelConfigured || notice?.code === 'model-not-configured';

  async function send(e: FormEvent) {
    e.preventDefault();
    const message = text.trim();
    if (!message || closed || sending) return;
    setSending(true);
    setError(null);
    setPending(message);
    setText('');
    let state: ConsultationStream = emptyConsultationStream;
    setStream(state);
    const controller = new AbortController();
    abort.current = controller;
    try {
      await care.sendMessage(
        consultation.id,
        message,
        (event) => {
          state = applyConsultationEvent(state, event);
          setStream(state);
          if (event.event === 'notice') setNotice(event.data);
          if (event.event === 'done') {
            setConsultation(event.data);
            setPending(null);
          }
        },
        controller.signal,
      );
      if (state.error) setError(new Error(state.error.message));
      if (!state.final) {
        // The stream ended without its final state: read it again.
        setConsultation(await care.consultation(consultation.id));
        setPending(null);
      }
    } catch (err) {
      if (!(err instanceof DOMException && err.name === 'AbortError')) {
        setError(err);
        setText(message);
        setPending(null);
      }
    } finally {
      setSending(false);
    }
  }

  async function finish() {
    setFinishing(true);
    setError(null);
    try {
      setConsultation(await care.completeConsultation(consultation.id));
    } catch (err) {
      setError(err);
    } finally {
      setFinishing(false);
    }
  }

  const step = consultation.step;
  // The API counts steps from 0 (index < total); show them from 1.
  const stepNumber = step ? Math.min(step.index + 1, step.total) : 0;

  return (
    <>
      {emergency && <TriageBanner triage={emergency} />}
      {modelMissing && (
        <p className="notice" role="status" data-testid="model-not-configured">
          {t('care.consultation.noModel')}
        </p>
      )}
      {notice && notice.code !== 'model-not-configured' && (
        <p className="notice" role="status" data-testid="consultation-notice" data-code={notice.code}>
          {t('care.consultation.fallbackNotice')}
        </p>
      )}
      {step && consultation.status === 'active' && !emergency?.stop && (
        <div className="care-step" data-testid="consultation-step">
          <strong>{t('care.consultation.step', { index: stepNumber, total: step.total })}</strong>
          <p lang={lang}>{pick(step.question, lang)}</p>
        </div>
      )}
      <div className="card">
        <ol className="care-chat" role="log" aria-live="polite" aria-label={t('care.consultation.messages')}>
          {consultation.messages.map((m, i) => (
            <li
              key={`${i}-${m.at}`}
              className={`care-msg care-msg-${m.role}${m.kind === 'emergency' ? ' care-msg-emergency' : ''}`}
              data-role={m.role}
            >
              <span className="visually-hidden">{t(`care.consultation.role.${m.role}`)}: </span>
              {m.text}
            </li>
          ))}
          {pending && (
            <li className="care-msg care-msg-patient" data-role="patient">
              {pending}
            </li>
          )}
          {stream.streaming && (
            <li className="care-msg care-msg-assistant" data-testid="streaming-reply" aria-busy={sending}>
              {stream.streaming}
            </li>
          )}
        </ol>
        <div ref={endRef} />
      </div>
      {error ? <ErrorState error={error} /> : null}

      {consultation.saved ? (
        <Saved consultation={consultation} />
      ) : (
        <form className="care-composer" onSubmit={(e) => void send(e)}>
          <label htmlFor={inputId}>
            {closed
              ? emergency?.stop
                ? t('care.consultation.stopped')
                : t('care.consultation.closed')
              : t('care.consultation.yourAnswer')}
          </label>
          <textarea
            id={inputId}
            value={text}
            onChange={(e) => setText(e.target.value)}
            disabled={closed || sending}
            data-testid="consultation-input"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send(e);
            }}
          />
          <div className="care-row">
            <button
              type="submit"
              className="button primary"
              disabled={closed || sending || !text.trim()}
              data-testid="consultation-send"
            >
              {sending ? t('care.consultation.sending') : t('care.consultation.send')}
            </button>
            {consultation.status !== 'stopped' && (
              <button
                type="button"
                className="button"
                disabled={sending || finishing}
                onClick={() => void finish()}
                data-testid="consultation-finish"
              >
                {finishing ? t('care.consultation.finishing') : t('care.consultation.finish')}
              </button>
            )}
          </div>
        </form>
      )}
    </>
  );
}

function Saved({ consultation }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const saved = consultation.saved!;
  return (
    <section className="card" aria-labelledby="consult-saved" data-testid="consultation-saved">
      <h2 id="consult-saved">{t('care.consultation.savedTitle')}</h2>
      <p className="notice notice-ok" role="status">
        {t('care.consultation.savedBody')}
      </p>
      <dl className="care-facts">
        <dt>{t('care.consultation.savedQuestionnaire')}</dt>
        <dd>
          <span className="badge badge-ok">{t('care.consultation.recorded')}</span>{' '}
          {t(`care.resource.${resourceLabelKey(saved.questionnaireResponse)}`)}
        </dd>
        <dt>{t('care.consultation.savedDrafts', { count: saved.drafts.length })}</dt>
        <dd>
          {saved.drafts.length === 0 ? (
            t('common.none')
          ) : (
            <ul className="item-list">
              {saved.drafts.map((d) => (
                <li key={d}>
                  <span className="badge badge-ok">{t('care.consultation.recorded')}</span>{' '}
                  {t(`care.resource.${resourceLabelKey(d)}`)}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {Object.keys(consultation.answers).length > 0 && (
        <>
          <h3>{t('care.consultation.answers')}</h3>
          <dl className="care-facts">
            {Object.entries(consultation.answers).map(([k, v]) => (
              <div key={k}>
                <dt>{t(`care.intakeStep.${k}`, { defaultValue: k })}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <Link className="button care-big-button" to="/care">
        {t('care.consultation.backHome')}
      </Link>
    </section>
  );
}
