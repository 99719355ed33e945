/**
 * Guard playground: an answer (Markdown), the passages it was given (typed in, or filled from a search) and an
 * optional patient context → POST /guard/check; the answer is shown with each claim marked by verdict (colour, a
 * symbol and text, never colour alone) and the claims listed with their evidence.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import {
  knowledge,
  type CheckedClaim,
  type GuardPassage,
  type GuardRequest,
  type GuardResult,
  type Verdict,
} from '../../api/knowledge.ts';
import { ErrorState } from '../../components/states.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { GuardPatientFields } from './guard-patient-fields.tsx';
import { claimRuns, worstVerdict } from './text-segments.ts';

const SYMBOL: Record<Verdict, string> = { supported: '✓', contradicted: '✗', unverifiable: '?' };
type Policy = NonNullable<GuardRequest['policy']>;
const POLICIES: Policy[] = ['annotate', 'block', 'revise'];

interface Row extends GuardPassage {
  key: number;
}

let nextKey = 1;
const row = (p: Partial<GuardPassage> = {}): Row => ({
  key: nextKey++,
  id: p.id ?? '',
  title: p.title ?? '',
  text: p.text ?? '',
});

function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  return (
    <span className={`kb-verdict kb-verdict-${verdict}`}>
      <span aria-hidden="true">{SYMBOL[verdict]} </span>
      {t(`knowledge.guard.verdicts.${verdict}`)}
    </span>
  );
}

function MarkedAnswer({ answer, claims }: { answer: string; claims: CheckedClaim[] }) {
  const { t } = useTranslation();
  return (
    <div className="kb-answer" data-testid="guard-marked-answer">
      {claimRuns(answer, claims).map((run, i) => {
        const refs = run.ending.map((c) => {
          const claim = claims[c] as CheckedClaim;
          const label = t('knowledge.guard.claimRef', {
            n: c + 1,
            verdict: t(`knowledge.guard.verdicts.${claim.verdict}`),
          });
          return (
            <a
              key={c}
              href={`#guard-claim-${c + 1}`}
              className={`kb-claim-ref kb-verdict-${claim.verdict}`}
              aria-label={label}
              title={label}
            >
              {SYMBOL[claim.verdict]}
              {c + 1}
            </a>
          );
        });
        if (run.claims.length === 0) return <span key={i}>{run.text}</span>;
        const verdict = worstVerdict(run.claims.map((c) => (claims[c] as CheckedClaim).verdict));
        return (
          <span key={i}>
            <mark
              className={`kb-claim kb-claim-${verdict}`}
              data-verdict={verdict}
              data-testid="guard-claim-mark"
            >
              {run.text}
              <span className="visually-hidden"> ({t(`knowledge.guard.verdicts.${verdict}`)})</span>
            </mark>
            {refs.length > 0 && <sup className="kb-claim-refs">{refs}</sup>}
          </span>
        );
      })}
    </div>
  );
}

function ClaimList({ claims }: { claims: CheckedClaim[] }) {
  const { t } = useTranslation();
  if (claims.length === 0) return <p className="state state-empty">{t('knowledge.guard.noClaims')}</p>;
  return (
    <ol className="kb-claims" data-testid="guard-claims">
      {claims.map((c, i) => (
        <li
          key={i}
          id={`guard-claim-${i + 1}`}
          className={`kb-claim-item kb-claim-item-${c.verdict}`}
          data-testid="guard-claim"
          data-verdict={c.verdict}
          data-kind={c.kind}
        >
          <div className="kb-claim-head">
            <strong>{t('knowledge.guard.claimN', { n: i + 1 })}</strong>
            <VerdictBadge verdict={c.verdict} />
            <span className="badge badge-muted">
              {t(`knowledge.guard.kinds.${c.kind}`, { defaultValue: c.kind })}
            </span>
          </div>
          <blockquote className="kb-claim-text">{c.text}</blockquote>
          <p>
            <strong>
              {t('knowledge.guard.reason')}
              {t('common.colon')}
            </strong>
            {c.reason}
          </p>
          <details open={c.verdict === 'contradicted'}>
            <summary>
              {t('knowledge.guard.evidence')} ({c.evidence.length})
            </summary>
            {c.evidence.length === 0 ? (
              <p className="muted">{t('knowledge.guard.noEvidence')}</p>
            ) : (
              <ul className="kb-evidence">
                {c.evidence.map((e, k) => (
                  <li key={k}>
                    <span className="mono">{e.source}</span>: {e.text}
                  </li>
                ))}
              </ul>
            )}
          </details>
        </li>
      ))}
    </ol>
  );
}

function SearchFill({ onFill }: { onFill: (passages: GuardPassage[]) => void }) {
  const { t } = useTranslation();
  const collections = useAsync((signal) => knowledge.collections(signal), []);
  const [query, setQuery] = useState('');
  const [collection, setCollection] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run() {
    if (!query.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const result = await knowledge.search({
        query: query.trim(),
        ...(collection ? { collections: [collection] } : {}),
        limit: 5,
      });
      onFill(result.passages.map((p) => ({ id: p.id, title: p.title, text: p.text })));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="kb-fill">
      <div className="field">
        <label htmlFor="guard-fill-query">{t('knowledge.guard.useSearchQuery')}</label>
        <input
          id="guard-fill-query"
          type="search"
          autoComplete="off"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void run();
            }
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="guard-fill-collection">{t('knowledge.search.collection')}</label>
        <select id="guard-fill-collection" value={collection} onChange={(e) => setCollection(e.target.value)}>
          <option value="">{t('knowledge.search.all')}</option>
          {collections.status === 'success' &&
            collections.data.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </select>
      </div>
      <button
        type="button"
        className="button secondary"
        disabled={busy || !query.trim()}
        onClick={() => void run()}
      >
        {busy ? t('knowledge.search.searching') : t('knowledge.guard.useSearch')}
      </button>
      {error ? <ErrorState error={error} /> : null}
    </div>
  );
}

export function GuardPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const handed = (location.state as { passages?: GuardPassage[] } | null)?.passages;
  const [answer, setAnswer] = useState('');
  const [rows, setRows] = useState<Row[]>(() => (handed?.length ? handed.map(row) : []));
  const [patient, setPatient] = useState('');
  const [patientError, setPatientError] = useState('');
  const [policy, setPolicy] = useState<Policy>('annotate');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [checked, setChecked] = useState<{ answer: string; result: GuardResult } | null>(null);

  const setRow = (key: number, patch: Partial<GuardPassage>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    let patientValue: GuardRequest['patient'];
    setPatientError('');
    if (patient.trim()) {
      try {
        const parsed = JSON.parse(patient) as unknown;
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('{ … }');
        patientValue = parsed as GuardRequest['patient']; // the server checks the facts (400 naming the field)
      } catch (err) {
        setPatientError(t('knowledge.guard.patientInvalid', { message: (err as Error).message }));
        return;
      }
    }
    setBusy(true);
    setError(null);
    try {
      const passages = rows
        .filter((r) => r.id.trim() && r.text.trim())
        .map((r) => ({
          id: r.id.trim(),
          ...(r.title?.trim() ? { title: r.title.trim() } : {}),
          text: r.text,
        }));
      const result = await knowledge.check({
        answer,
        passages,
        ...(patientValue ? { patient: patientValue } : {}),
        policy,
      });
      setChecked({ answer, result });
    } catch (err) {
      setError(err);
      setChecked(null);
    } finally {
      setBusy(false);
    }
  }

  const result = checked?.result;
  return (
    <>
      <p className="muted">{t('knowledge.guard.intro')}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      <form className="card kb-guard-form" onSubmit={(e) => void submit(e)} aria-labelledby="guard-title">
        <h2 id="guard-title">{t('knowledge.guard.title')}</h2>
        <div className="field">
          <label htmlFor="guard-answer">{t('knowledge.guard.answer')}</label>
          <textarea
            id="guard-answer"
            required
            rows={7}
            maxLength={100_000}
            aria-describedby="guard-answer-hint"
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
          />
          <small id="guard-answer-hint">{t('knowledge.guard.answerHint')}</small>
        </div>

        <fieldset className="kb-passages-editor">
          <legend>{t('knowledge.guard.passages')}</legend>
          <SearchFill
            onFill={(passages) => {
              setRows(passages.map(row));
              setMessage(t('knowledge.guard.filled', { count: passages.length }));
            }}
          />
          {message && <p className="muted">{message}</p>}
          {rows.length === 0 && <p className="muted">{t('knowledge.guard.passagesEmpty')}</p>}
          <ol className="kb-passage-rows">
            {rows.map((r, i) => (
              <li key={r.key} className="kb-passage-row" data-testid="guard-passage-row">
                <fieldset>
                  <legend>{t('knowledge.guard.passageRow', { n: i + 1 })}</legend>
                  <div className="field">
                    <label htmlFor={`guard-p-id-${r.key}`}>{t('knowledge.guard.passageId')}</label>
                    <input
                      id={`guard-p-id-${r.key}`}
                      className="mono"
                      value={r.id}
                      onChange={(e) => setRow(r.key, { id: e.target.value })}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`guard-p-title-${r.key}`}>{t('knowledge.guard.passageTitle')}</label>
                    <input
                      id={`guard-p-title-${r.key}`}
                      value={r.title ?? ''}
                      onChange={(e) => setRow(r.key, { title: e.target.value })}
                    />
                  </div>
                  <div className="field kb-passage-text-field">
                    <label htmlFor={`guard-p-text-${r.key}`}>{t('knowledge.guard.passageText')}</label>
                    <textarea
                      id={`guard-p-text-${r.key}`}
                      rows={3}
                      value={r.text}
                      onChange={(e) => setRow(r.key, { text: e.target.value })}
                    />
                  </div>
                  <button
                    type="button"
                    className="button small ghost"
                    onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
                  >
                    {t('knowledge.guard.removePassage', { n: i + 1 })}
                  </button>
                </fieldset>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button secondary small"
            onClick={() => setRows((all) => [...all, row({ id: `p${all.length + 1}` })])}
          >
            {t('knowledge.guard.addPassage')}
          </button>
        </fieldset>

        <GuardPatientFields json={patient} onJson={setPatient} />
        <div className="field">
          <label htmlFor="guard-patient">{t('knowledge.guard.patient')}</label>
          <textarea
            id="guard-patient"
            className="mono"
            rows={3}
            aria-describedby="guard-patient-hint"
            aria-invalid={patientError ? true : undefined}
            aria-errormessage={patientError ? 'guard-patient-error' : undefined}
            placeholder='{"age": 72, "sex": "female", "egfr": 25}'
            value={patient}
            onChange={(e) => setPatient(e.target.value)}
          />
          <small id="guard-patient-hint">{t('knowledge.guard.patientHint')}</small>
          {patientError && (
            <p id="guard-patient-error" className="notice notice-error" role="alert">
              {patientError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="guard-policy">{t('knowledge.guard.policy')}</label>
          <select id="guard-policy" value={policy} onChange={(e) => setPolicy(e.target.value as Policy)}>
            {POLICIES.map((p) => (
              <option key={p} value={p}>
                {t(`knowledge.guard.policies.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy || !answer.trim()}>
            {busy ? t('knowledge.guard.checking') : t('knowledge.guard.check')}
          </button>
        </div>
        {error ? <ErrorState error={error} /> : null}
      </form>

      {checked && result && (
        <section className="card" aria-labelledby="guard-result-title" data-testid="guard-result">
          <h2 id="guard-result-title">{t('knowledge.guard.result')}</h2>
          <p data-testid="guard-summary">
            <strong>{t(`knowledge.guard.actions.${result.action}`)}</strong> —{' '}
            {t('knowledge.guard.summary', result.summary)}
          </p>
          <h3>{t('knowledge.guard.marked')}</h3>
          <p className="kb-legend">
            <span className="visually-hidden">
              {t('knowledge.guard.legend')}
              {t('common.colon')}
            </span>
            {(['supported', 'contradicted', 'unverifiable'] as const).map((v) => (
              <VerdictBadge key={v} verdict={v} />
            ))}
          </p>
          <MarkedAnswer answer={checked.answer} claims={result.claims} />
          {result.notes.length > 0 && (
            <>
              <h3>{t('knowledge.guard.notes')}</h3>
              <ul className="kb-notes">
                {result.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          )}
          {result.action !== 'pass' && (
            <>
              <h3>{t('knowledge.guard.shown')}</h3>
              {result.action === 'block' ? (
                <p className="notice notice-error">{t('knowledge.guard.blocked')}</p>
              ) : (
                <div className="kb-answer" data-testid="guard-shown-answer">
                  {result.answer}
                </div>
              )}
            </>
          )}
          <h3>{t('knowledge.guard.claims')}</h3>
          <ClaimList claims={result.claims} />
        </section>
      )}
    </>
  );
}
