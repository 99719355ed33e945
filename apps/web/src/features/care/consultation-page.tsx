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
  allAnswered,
  applyConsultationEvent,
  careLanguage,
  emergencyOf,
  emptyConsultationStream,
  inputClosed,
  pick,
  type ConsultationStream,
} from './care-model.ts';
import { TelText, TriageBanner } from './care-ui.tsx';
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
      <p>
        <TelText text={t('care.consultation.intro')} />
      </p>
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
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  // The server's fixed text comes in the page language, read again when the patient switches it.
  const readLanguage = careLanguage(i18n.language);
  const loaded = useAsync((s) => care.consultation(cid, readLanguage, s), [cid, readLanguage]);
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
      {loaded.status === 'success' && (
        <Chat key={`${loaded.data.id}-${readLanguage}`} initial={loaded.data} />
      )}
    </section>
  );
}

function Chat({ initial }: { initial: Consultation }) {
  const { t, i18n } = useTranslation();
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
  const bannerRef = useRef<HTMLElement>(null);
  const finishRef = useRef<HTMLButtonElement>(null);

  // One language per screen: the page language (the server sends its fixed text in it).
  const readLanguage = careLanguage(i18n.language);
  const lang = readLanguage === 'zh' ? 'zh-CN' : 'en';
  const emergency = emergencyOf(consultation, stream.triage);
  const stopped = emergency?.stop === true;
  const closed = inputClosed(consultation, stream.triage);
  const done = allAnswered(consultation);

  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    // An emergency stop brings the instruction into view below the sticky header instead of the chat's end.
    if (stopped) return;
    endRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [consultation.messages.length, stream.streaming, pending, stopped]);
  useEffect(() => {
    // Every question answered: the "finish and save" button is what to press next — bring it into view.
    if (done) finishRef.current?.scrollIntoView?.({ block: 'center' });
  }, [done]);
  useEffect(() => {
    if (!stopped) return;
    bannerRef.current?.scrollIntoView?.({ block: 'start' });
    bannerRef.current?.focus?.({ preventScroll: true });
  }, [stopped, consultation.messages.length]);
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
        readLanguage,
      );
      if (state.error) setError(new Error(state.error.message));
      if (!state.final) {
        // The stream ended without its final state: read it again.
        setConsultation(await care.consultation(consultation.id, readLanguage));
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
      await care.completeConsultation(consultation.id);
      setConsultation(await care.consultation(consultation.id, readLanguage));
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
      {/* An urgent (not stopping) triage is told once, in the conversation, with the reading's date. */}
      {emergency && stopped && <TriageBanner triage={emergency} bannerRef={bannerRef} />}
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
              <TelText text={m.text} />
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
          <label htmlFor={inputId} data-testid="consultation-input-label">
            {closed
              ? stopped
                ? t('care.consultation.stopped')
                : done
                  ? t('care.consultation.allAnswered')
                  : t('care.consultation.closed')
              : t('care.consultation.yourAnswer')}
          </label>
          <textarea
            id={inputId}
            hidden={done && !stopped}
            value={text}
            onChange={(e) => setText(e.target.value)}
            disabled={closed || sending}
            data-testid="consultation-input"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send(e);
            }}
          />
          <div className="care-row">
            {!done && (
              <button
                type="submit"
                className="button primary"
                disabled={closed || sending || !text.trim()}
                data-testid="consultation-send"
              >
                {sending ? t('care.consultation.sending') : t('care.consultation.send')}
              </button>
            )}
            {consultation.status !== 'stopped' && (
              <button
                type="button"
                className={done ? 'button primary care-big-button' : 'button'}
                disabled={sending || finishing}
                onClick={() => void finish()}
                ref={finishRef}
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

/** The saved answers in the patient's words (no record types, no ids): what the clinician will review. */
function Saved({ consultation }: { consultation: Consultation }) {
  const { t } = useTranslation();
  const answers = Object.entries(consultation.answers);
  return (
    <section className="card" aria-labelledby="consult-saved" data-testid="consultation-saved">
      <h2 id="consult-saved">{t('care.consultation.savedTitle')}</h2>
      <p className="notice notice-ok" role="status">
        {t('care.consultation.savedBody')}
      </p>
      <h3>{t('care.consultation.savedAnswers', { count: answers.length })}</h3>
      {answers.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <dl className="care-facts" data-testid="saved-answers">
          {answers.map(([k, v]) => (
            <div key={k}>
              <dt>{t(`care.intakeStep.${k}`, { defaultValue: k })}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      <Link className="button care-big-button" to="/care">
        {t('care.consultation.backHome')}
      </Link>
    </section>
  );
}
