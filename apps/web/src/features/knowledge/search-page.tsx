/** Search the knowledge base (Chinese or English): passages with score, citation data and the matching terms marked. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { knowledge, type SearchResult } from '../../api/knowledge.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { PassageView } from './passage-view.tsx';

export function SearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const collections = useAsync((signal) => knowledge.collections(signal), []);
  const [query, setQuery] = useState('');
  const [collection, setCollection] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<SearchResult | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!query.trim()) return;
    setBusy(true);
    setError(null);
    try {
      setResult(
        await knowledge.search({
          query: query.trim(),
          ...(collection ? { collections: [collection] } : {}),
          limit: 10,
        }),
      );
    } catch (err) {
      setError(err);
      setResult(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form
        className="card form-grid"
        role="search"
        onSubmit={(e) => void submit(e)}
        aria-labelledby="kb-search-title"
      >
        <h2 id="kb-search-title">{t('knowledge.search.title')}</h2>
        <div className="field span-2 kb-query">
          <label htmlFor="kb-search-query">{t('knowledge.search.query')}</label>
          <input
            id="kb-search-query"
            type="search"
            required
            maxLength={4000}
            autoComplete="off"
            aria-describedby="kb-search-hint"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <small id="kb-search-hint">{t('knowledge.search.queryHint')}</small>
        </div>
        <div className="field">
          <label htmlFor="kb-search-collection">{t('knowledge.search.collection')}</label>
          <select
            id="kb-search-collection"
            value={collection}
            onChange={(e) => setCollection(e.target.value)}
          >
            <option value="">{t('knowledge.search.all')}</option>
            {collections.status === 'success' &&
              collections.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy || !query.trim()}>
            {busy ? t('knowledge.search.searching') : t('knowledge.search.submit')}
          </button>
        </div>
      </form>
      {busy && <Loading label={t('knowledge.search.searching')} />}
      {error ? <ErrorState error={error} /> : null}
      {result && !busy && (
        <section className="card" aria-labelledby="kb-results-title" data-testid="kb-search-results">
          <div className="kb-results-head">
            <h2 id="kb-results-title">{t('knowledge.search.results', { count: result.passages.length })}</h2>
            <span className={result.mode === 'hybrid' ? 'badge badge-ok' : 'badge badge-muted'}>
              {result.mode === 'hybrid'
                ? t('knowledge.search.modeHybrid')
                : t('knowledge.search.modeKeyword')}
            </span>
          </div>
          {result.terms && result.terms.length > 0 && (
            <p className="muted">{t('knowledge.search.terms', { terms: result.terms.join(' · ') })}</p>
          )}
          {result.notes.length > 0 && (
            <ul className="kb-notes muted">
              {result.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          {result.passages.length === 0 ? (
            <Empty>{t('knowledge.search.empty')}</Empty>
          ) : (
            <>
              <ol className="kb-passages">
                {result.passages.map((p, i) => (
                  <PassageView key={p.id} passage={p} rank={i + 1} />
                ))}
              </ol>
              <button
                type="button"
                className="button secondary"
                onClick={() =>
                  navigate('/knowledge/guard', {
                    state: {
                      passages: result.passages.map((p) => ({ id: p.id, title: p.title, text: p.text })),
                    },
                  })
                }
              >
                {t('knowledge.search.toGuard')}
              </button>
            </>
          )}
        </section>
      )}
    </>
  );
}
