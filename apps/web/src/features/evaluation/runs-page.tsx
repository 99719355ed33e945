/** Runs list with status and accuracy; a form to start a run (polls until it finishes); pick two to compare. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { evaluation, targetText, type RunListItem } from '../../api/evaluation.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { formatDate } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { pct } from './format.ts';

const POLL_MS = 2000;

export function RunStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  const cls =
    status === 'completed'
      ? 'badge badge-ok'
      : status === 'running'
        ? 'badge badge-info'
        : status === 'failed' || status === 'error'
          ? 'badge badge-critical'
          : 'badge badge-muted';
  return <span className={cls}>{t(`evaluation.status.${status}`, { defaultValue: status })}</span>;
}

function StartRunForm({ onStarted }: { onStarted: (runId: string) => void }) {
  const { t } = useTranslation();
  const suites = useAsync((signal) => evaluation.suites(signal), []);
  const [suite, setSuite] = useState('');
  const [model, setModel] = useState('');
  const [limit, setLimit] = useState('20');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const chosen = suite || (suites.status === 'success' ? (suites.data[0]?.name ?? '') : '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const n = Number(limit);
      const started = await evaluation.start({
        suite: chosen,
        target: { model: model.trim() },
        ...(limit && Number.isInteger(n) && n > 0 ? { limit: n } : {}),
        ...(label.trim() ? { label: label.trim() } : {}),
      });
      onStarted(started.runId);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} aria-labelledby="eval-start-title">
      <h2 id="eval-start-title">{t('evaluation.start.title')}</h2>
      {suites.status === 'loading' && <Loading />}
      {suites.status === 'error' && <ErrorState error={suites.error} onRetry={suites.reload} />}
      {suites.status === 'success' && (
        <>
          <div className="field">
            <label htmlFor="eval-suite">{t('evaluation.start.suite')}</label>
            <select id="eval-suite" required value={chosen} onChange={(e) => setSuite(e.target.value)}>
              {suites.data.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name} v{s.version} ({t('evaluation.start.items', { count: s.items })})
                </option>
              ))}
            </select>
            {suites.data.find((s) => s.name === chosen)?.description ? (
              <small>{suites.data.find((s) => s.name === chosen)?.description}</small>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="eval-model">{t('evaluation.start.model')}</label>
            <input
              id="eval-model"
              required
              autoComplete="off"
              aria-describedby="eval-model-hint"
              value={model}
              onChange={(e) => setModel(e.target.value)}
            />
            <small id="eval-model-hint">{t('evaluation.start.modelHint')}</small>
          </div>
          <div className="field">
            <label htmlFor="eval-limit">{t('evaluation.start.limit')}</label>
            <input
              id="eval-limit"
              type="number"
              min="1"
              step="1"
              aria-describedby="eval-limit-hint"
              value={limit}
              onChange={(e) => setLimit(e.target.value)}
            />
            <small id="eval-limit-hint">{t('evaluation.start.limitHint')}</small>
          </div>
          <div className="field">
            <label htmlFor="eval-label">{t('evaluation.start.label')}</label>
            <input
              id="eval-label"
              autoComplete="off"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={busy || !chosen}>
              {busy ? t('evaluation.start.starting') : t('evaluation.start.submit')}
            </button>
          </div>
        </>
      )}
      {error ? <ErrorState error={error} /> : null}
    </form>
  );
}

export function RunsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const { me } = useAuth();
  const mayStart = me?.role === 'admin' || me?.role === 'clinician';
  const runs = useAsync((signal) => evaluation.runs(signal), []);
  const [started, setStarted] = useState<string | null>(null);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  // Keep the last list while polling reloads it, so the table does not flicker.
  const [last, setLast] = useState<RunListItem[] | null>(null);
  useEffect(() => {
    if (runs.status === 'success') setLast(runs.data);
  }, [runs.status, runs.data]);
  const list: RunListItem[] = runs.status === 'success' ? runs.data : (last ?? []);
  const anyRunning = list.some((r) => r.status === 'running');
  const { reload } = runs;

  // Poll while a run is in progress.
  useEffect(() => {
    if (!anyRunning && !started) return;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [anyRunning, started, list, reload]);
  useEffect(() => {
    if (started && list.some((r) => r.id === started && r.status !== 'running')) setStarted(null);
  }, [started, list]);

  function compare(event: FormEvent) {
    event.preventDefault();
    if (a && b) navigate(`/evaluation/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
  }

  const runOption = (r: RunListItem) => (
    <option key={r.id} value={r.id}>
      {r.label || r.id} — {r.suite.name} · {targetText(r.target)} · {pct(r.accuracy)}
    </option>
  );

  return (
    <section className="page" aria-labelledby="eval-title" data-testid="evaluation-page">
      <h1 id="eval-title">{t('evaluation.title')}</h1>
      <p className="muted">{t('evaluation.intro')}</p>

      {mayStart && <StartRunForm onStarted={(id) => (setStarted(id), reload())} />}
      {started && (
        <p className="notice notice-ok" role="status">
          {t('evaluation.start.started', { id: started })}{' '}
          <Link to={`/evaluation/runs/${encodeURIComponent(started)}`}>{t('evaluation.viewReport')}</Link>
        </p>
      )}

      <section className="card" aria-labelledby="eval-runs-title">
        <h2 id="eval-runs-title">{t('evaluation.runs.title')}</h2>
        {runs.status === 'loading' && last === null && <Loading />}
        {runs.status === 'error' && <ErrorState error={runs.error} onRetry={runs.reload} />}
        {(runs.status === 'success' || last !== null) &&
          (list.length === 0 ? (
            <Empty>{t('evaluation.runs.empty')}</Empty>
          ) : (
            <div className="table-wrap">
              <table className="data-table" data-testid="eval-runs-table">
                <thead>
                  <tr>
                    <th scope="col">{t('evaluation.runs.run')}</th>
                    <th scope="col">{t('evaluation.runs.suite')}</th>
                    <th scope="col">{t('evaluation.runs.model')}</th>
                    <th scope="col">{t('common.status')}</th>
                    <th scope="col">{t('evaluation.runs.items')}</th>
                    <th scope="col">{t('evaluation.runs.accuracy')}</th>
                    <th scope="col">{t('evaluation.runs.errors')}</th>
                    <th scope="col">{t('evaluation.runs.created')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        <Link to={`/evaluation/runs/${encodeURIComponent(r.id)}`}>{r.label || r.id}</Link>
                      </th>
                      <td>
                        {r.suite.name} <span className="muted">v{r.suite.version}</span>
                      </td>
                      <td className="mono">{targetText(r.target)}</td>
                      <td>
                        <RunStatus status={r.status} />
                      </td>
                      <td className="num">{r.itemCount}</td>
                      <td className="num">{pct(r.accuracy)}</td>
                      <td className="num">{r.errors ?? '—'}</td>
                      <td className="nowrap">{formatDate(r.createdAt, lang, true)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
      </section>

      {list.length >= 2 && (
        <form className="card form-grid" onSubmit={compare} aria-labelledby="eval-compare-title">
          <h2 id="eval-compare-title">{t('evaluation.compare.title')}</h2>
          <div className="field">
            <label htmlFor="eval-compare-a">{t('evaluation.compare.baseline')}</label>
            <select id="eval-compare-a" required value={a} onChange={(e) => setA(e.target.value)}>
              <option value="">{t('evaluation.compare.choose')}</option>
              {list.map(runOption)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="eval-compare-b">{t('evaluation.compare.candidate')}</label>
            <select id="eval-compare-b" required value={b} onChange={(e) => setB(e.target.value)}>
              <option value="">{t('evaluation.compare.choose')}</option>
              {list.map(runOption)}
            </select>
          </div>
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={!a || !b || a === b}>
              {t('evaluation.compare.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
