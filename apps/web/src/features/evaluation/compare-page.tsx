/** Run B (candidate) against run A (baseline): overall and per-category differences with p-values; regressions flagged. */
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { evaluation, type Difference } from '../../api/evaluation.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { pct, points, pValueText } from './format.ts';

function DiffRow({ name, d, alpha }: { name: string; d: Difference; alpha: number }) {
  const { t } = useTranslation();
  const significant = d.pValue !== null && d.pValue < alpha;
  return (
    <tr className={d.regression ? 'row-warn' : undefined} data-regression={d.regression || undefined}>
      <th scope="row">{name}</th>
      <td className="num">{d.n}</td>
      <td className="num">{pct(d.a)}</td>
      <td className="num">{pct(d.b)}</td>
      <td className="num">{points(d.difference)}</td>
      <td className="num nowrap">{d.ci ? `${points(d.ci.lower)} – ${points(d.ci.upper)}` : '—'}</td>
      <td className="num">{pValueText(d.pValue)}</td>
      <td>{t(`evaluation.compare.tests.${d.test}`)}</td>
      <td>
        {d.regression ? (
          <span className="badge badge-critical">{t('evaluation.compare.regression')}</span>
        ) : significant ? (
          <span className="badge badge-info">{t('evaluation.compare.significant')}</span>
        ) : (
          <span className="badge badge-muted">{t('evaluation.compare.notSignificant')}</span>
        )}
      </td>
    </tr>
  );
}

export function ComparePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const result = useAsync(
    (signal) => (a && b ? evaluation.compare(a, b, signal) : Promise.resolve(null)),
    [a, b],
  );
  const data = result.status === 'success' ? result.data : null;

  return (
    <section className="page" aria-labelledby="compare-title" data-testid="eval-compare">
      <nav className="breadcrumb" aria-label={t('evaluation.breadcrumb')}>
        <Link to="/evaluation">{t('evaluation.title')}</Link>
      </nav>
      <h1 id="compare-title">{t('evaluation.compare.title')}</h1>
      <p>
        {t('evaluation.compare.baseline')}
        {t('common.colon')}
        <Link to={`/evaluation/runs/${encodeURIComponent(a)}`} className="mono">
          {a || '—'}
        </Link>{' '}
        · {t('evaluation.compare.candidate')}
        {t('common.colon')}
        <Link to={`/evaluation/runs/${encodeURIComponent(b)}`} className="mono">
          {b || '—'}
        </Link>
      </p>
      {(!a || !b) && <Empty>{t('evaluation.compare.pickTwo')}</Empty>}
      {result.status === 'loading' && <Loading />}
      {result.status === 'error' && <ErrorState error={result.error} onRetry={result.reload} />}
      {data && (
        <>
          {!data.sameSuite && (
            <p className="notice notice-error" role="alert">
              {t('evaluation.compare.differentSuites')}
            </p>
          )}
          {data.alerts.length > 0 ? (
            <div className="notice notice-error" role="alert" data-testid="eval-regressions">
              <h2>{t('evaluation.compare.alerts', { count: data.alerts.length })}</h2>
              <ul>
                {data.alerts.map((alert) => (
                  <li key={alert}>{alert}</li>
                ))}
              </ul>
            </div>
          ) : data.overall.n > 0 ? (
            <p className="notice notice-ok" role="status">
              {t('evaluation.compare.noRegression')}
            </p>
          ) : null}
          <p className="muted">
            {t('evaluation.compare.explain', {
              threshold: (data.threshold * 100).toFixed(1),
              alpha: data.alpha,
            })}
          </p>
          {data.overall.n === 0 ? (
            <Empty>{t('evaluation.compare.noPairs')}</Empty>
          ) : (
            <div className="table-wrap">
              <table className="data-table" data-testid="eval-compare-table">
                <thead>
                  <tr>
                    <th scope="col">{t('evaluation.report.category')}</th>
                    <th scope="col">{t('evaluation.report.n')}</th>
                    <th scope="col">{t('evaluation.compare.baseline')}</th>
                    <th scope="col">{t('evaluation.compare.candidate')}</th>
                    <th scope="col">{t('evaluation.compare.difference')}</th>
                    <th scope="col">{t('evaluation.report.ci')}</th>
                    <th scope="col">{t('evaluation.compare.pValue')}</th>
                    <th scope="col">{t('evaluation.compare.test')}</th>
                    <th scope="col">{t('evaluation.compare.verdict')}</th>
                  </tr>
                </thead>
                <tbody>
                  <DiffRow name={t('evaluation.compare.overall')} d={data.overall} alpha={data.alpha} />
                  {Object.entries(data.byCategory).map(([name, d]) => (
                    <DiffRow key={name} name={name} d={d} alpha={data.alpha} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
