/**
 * Patient search from one box: name (words in any order), pinyin, identifier (MRN, 门诊号 …) or phone — the
 * searches fhir.searchPatients issues and merges (api/patient-search.ts) — paged by the Bundle's next link.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Patient } from '@medplum/fhirtypes';
import { fhir, searchNext } from '../../api/index.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { ageYears, formatDate, identifierText, patientName } from '../../lib/format.ts';
import { sortByShownName } from './sort-patients.ts';
import { useAsync } from '../../lib/use-async.ts';

export function PatientListPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  const [extra, setExtra] = useState<{ items: Patient[]; next?: string }>({ items: [] });
  const [moreBusy, setMoreBusy] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const result = useAsync((signal) => fhir.searchPatients(query, signal), [query]);

  useEffect(() => {
    setDraft(query);
    setExtra({ items: [] });
    setMoreError(null);
  }, [query]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const q = draft.trim();
    setParams(q ? { q } : {});
  }

  const page = result.status === 'success' ? result.data : undefined;
  // In the order of the names shown (the server's family sort also counts maiden names).
  const patients = page ? sortByShownName(uniqueById([...page.items, ...extra.items]), i18n.language) : [];
  const next = extra.items.length ? extra.next : page?.next;

  async function loadMore() {
    if (!next) return;
    setMoreBusy(true);
    setMoreError(null);
    try {
      const more = await searchNext<Patient>(next);
      setExtra((prev) => ({ items: [...prev.items, ...more.items], next: more.next }));
    } catch (err) {
      setMoreError(err);
    } finally {
      setMoreBusy(false);
    }
  }

  return (
    <section className="page" aria-labelledby="patients-title">
      <h1 id="patients-title">{t('patients.title')}</h1>
      <form className="search-bar" role="search" onSubmit={submit}>
        <label htmlFor="patient-search">{t('patients.searchLabel')}</label>
        <div className="search-row">
          <input
            id="patient-search"
            type="search"
            name="q"
            value={draft}
            placeholder={t('patients.searchPlaceholder')}
            autoComplete="off"
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="button primary">
            {t('common.search')}
          </button>
          {query && (
            <button type="button" className="button ghost" onClick={() => setParams({})}>
              {t('common.clear')}
            </button>
          )}
        </div>
      </form>

      {result.status === 'loading' && <Loading />}
      {result.status === 'error' && <ErrorState error={result.error} onRetry={result.reload} />}
      {page && (
        <>
          <p className="muted" role="status" aria-live="polite">
            {page.total !== undefined
              ? t('patients.total', { count: page.total })
              : t('common.resultsCount', { count: patients.length })}
          </p>
          {patients.length === 0 ? (
            <Empty>{query ? t('patients.empty') : t('patients.emptyAll')}</Empty>
          ) : (
            <div className="table-wrap">
              <table className="data-table" data-testid="patient-results">
                <thead>
                  <tr>
                    <th scope="col">{t('patients.name')}</th>
                    <th scope="col">{t('patients.gender')}</th>
                    <th scope="col">{t('patients.birthDate')}</th>
                    <th scope="col">{t('patients.age')}</th>
                    <th scope="col">{t('patients.identifier')}</th>
                  </tr>
                </thead>
                <tbody>
                  {patients.map((p) => {
                    const name = patientName(p, i18n.language);
                    const age = ageYears(p.birthDate);
                    return (
                      <tr key={p.id}>
                        <th scope="row">
                          <Link
                            to={`/patients/${encodeURIComponent(p.id ?? '')}`}
                            aria-label={t('patients.open', { name })}
                          >
                            {name}
                          </Link>
                        </th>
                        <td>{t(`gender.${p.gender ?? 'unknown'}`)}</td>
                        <td>{formatDate(p.birthDate, i18n.language)}</td>
                        <td className="num">{age ?? ''}</td>
                        <td className="mono">{identifierText(p.identifier)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {moreError ? <ErrorState error={moreError} onRetry={() => void loadMore()} /> : null}
          {next && (
            <button
              type="button"
              className="button secondary"
              disabled={moreBusy}
              onClick={() => void loadMore()}
            >
              {moreBusy ? t('common.loading') : t('patients.loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** Each patient once (a later page of one search may repeat a patient another search found). */
function uniqueById(patients: Patient[]): Patient[] {
  const seen = new Set<string | undefined>();
  return patients.filter((p) => !seen.has(p.id) && Boolean(seen.add(p.id)));
}
