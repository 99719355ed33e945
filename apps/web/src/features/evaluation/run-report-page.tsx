/** One run: headline, per-category means with 95 % CI (chart + table), subgroups, worst items, CSV export. */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { evaluation, targetText, type MetricCell, type RunReport } from '../../api/evaluation.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { formatDate } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { pct } from './format.ts';
import { RunStatus } from './runs-page.tsx';

const BarChart = lazy(() => import('../../components/bar-chart.tsx'));
const POLL_MS = 2000;

function ciText(cell: MetricCell): string {
  return cell.ci ? `${pct(cell.ci.lower)} – ${pct(cell.ci.upper)}` : '—';
}

function CellsTable({
  cells,
  heading,
  testId,
}: {
  cells: [string, MetricCell][];
  heading: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col">{t('evaluation.report.n')}</th>
            <th scope="col">{t('evaluation.report.mean')}</th>
            <th scope="col">{t('evaluation.report.ci')}</th>
            <th scope="col">{t('evaluation.report.passRate')}</th>
            <th scope="col">{t('evaluation.runs.errors')}</th>
          </tr>
        </thead>
        <tbody>
          {cells.map(([name, cell]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td className="num">{cell.n}</td>
              <td className="num">{pct(cell.mean)}</td>
              <td className="num nowrap">{ciText(cell)}</td>
              <td className="num">{pct(cell.passRate)}</td>
              <td className="num">{cell.errors}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RunReportPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { id = '' } = useParams();
  const report = useAsync((signal) => evaluation.report(id, signal), [id]);
  const [csvBusy, setCsvBusy] = useState(false);
  const [csvError, setCsvError] = useState<unknown>(null);
  // Keep the last report while polling reloads it, so the page does not flicker.
  const [last, setLast] = useState<RunReport | undefined>(undefined);
  useEffect(() => {
    if (report.status === 'success') setLast(report.data);
  }, [report.status, report.data]);
  const data = report.status === 'success' ? report.data : last?.run.id === id ? last : undefined;
  const running = data?.run.status === 'running';
  const { reload } = report;

  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [running, data, reload]);

  const categories = useMemo(
    () => Object.entries(data?.summary.byCategory ?? {}).sort(([x], [y]) => x.localeCompare(y)),
    [data],
  );
  const chart = useMemo(
    () => ({
      categories: categories.map(([name]) => name),
      series: [{ name: t('evaluation.report.mean'), values: categories.map(([, c]) => c.mean) }],
      intervals: categories.map(([, c]) => (c.ci ? ([c.ci.lower, c.ci.upper] as [number, number]) : null)),
    }),
    [categories, t],
  );

  async function downloadCsv() {
    setCsvBusy(true);
    setCsvError(null);
    try {
      const blob = await evaluation.csv(id);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${id.replace(/[^\w.-]/g, '_')}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setCsvError(err);
    } finally {
      setCsvBusy(false);
    }
  }

  return (
    <section className="page" aria-labelledby="run-title" data-testid="eval-report">
      <nav className="breadcrumb" aria-label={t('evaluation.breadcrumb')}>
        <Link to="/evaluation">{t('evaluation.title')}</Link>
      </nav>
      <h1 id="run-title">{t('evaluation.report.title', { id: data?.run.label || id })}</h1>

      {report.status === 'loading' && !data && <Loading />}
      {report.status === 'error' && <ErrorState error={report.error} onRetry={report.reload} />}
      {data && (
        <>
          <div className="toolbar">
            <dl className="banner-facts">
              <div>
                <dt>{t('common.status')}</dt>
                <dd>
                  <RunStatus status={data.run.status} />
                </dd>
              </div>
              <div>
                <dt>{t('evaluation.runs.suite')}</dt>
                <dd>
                  {data.run.suite.name} v{data.run.suite.version}
                </dd>
              </div>
              <div>
                <dt>{t('evaluation.runs.model')}</dt>
                <dd className="mono">{targetText(data.run.target)}</dd>
              </div>
              <div>
                <dt>{t('evaluation.report.progress')}</dt>
                <dd>
                  {data.run.completed} / {data.run.itemCount}
                </dd>
              </div>
              <div>
                <dt>{t('evaluation.runs.created')}</dt>
                <dd>{formatDate(data.run.createdAt, lang, true)}</dd>
              </div>
            </dl>
            <button
              type="button"
              className="button secondary"
              disabled={csvBusy}
              onClick={() => void downloadCsv()}
              data-testid="eval-csv"
            >
              {t('evaluation.report.csv')}
            </button>
          </div>
          {csvError ? <ErrorState error={csvError} /> : null}
          {running && (
            <p className="notice" role="status">
              {t('evaluation.report.running')}
            </p>
          )}

          <div className="tiles">
            <div className="tile">
              <div className="tile-meta">{t('evaluation.runs.accuracy')}</div>
              <div className="tile-value">{pct(data.summary.accuracy)}</div>
              <div className="tile-meta">
                {t('evaluation.report.ci')}
                {t('common.colon')}
                {ciText(data.summary)}
              </div>
            </div>
            <div className="tile">
              <div className="tile-meta">{t('evaluation.report.errorsAsZero')}</div>
              <div className="tile-value">{pct(data.summary.meanErrorsAsZero)}</div>
              <div className="tile-meta">
                {t('evaluation.runs.errors')}
                {t('common.colon')}
                {data.summary.errors}
              </div>
            </div>
            <div className="tile">
              <div className="tile-meta">{t('evaluation.report.latency')}</div>
              <div className="tile-value">
                {data.summary.latencyMs.mean === null ? '—' : `${Math.round(data.summary.latencyMs.mean)} ms`}
              </div>
              <div className="tile-meta">
                p95{' '}
                {data.summary.latencyMs.p95 === null ? '—' : `${Math.round(data.summary.latencyMs.p95)} ms`}
              </div>
            </div>
            <div className="tile">
              <div className="tile-meta">{t('evaluation.report.tokens')}</div>
              <div className="tile-value">
                {(data.summary.tokens.prompt + data.summary.tokens.completion).toLocaleString(lang)}
              </div>
              <div className="tile-meta">
                {data.summary.tokens.prompt.toLocaleString(lang)} +{' '}
                {data.summary.tokens.completion.toLocaleString(lang)}
              </div>
            </div>
          </div>

          <section className="card" aria-labelledby="run-cat-title">
            <h2 id="run-cat-title">{t('evaluation.report.byCategory')}</h2>
            {categories.length === 0 ? (
              <Empty>{t('evaluation.report.noCategories')}</Empty>
            ) : (
              <>
                <Suspense fallback={<Loading />}>
                  <BarChart
                    categories={chart.categories}
                    series={chart.series}
                    intervals={chart.intervals}
                    percent
                    label={t('evaluation.report.chartLabel')}
                  />
                </Suspense>
                <CellsTable
                  cells={categories}
                  heading={t('evaluation.report.category')}
                  testId="eval-categories"
                />
              </>
            )}
          </section>

          <section className="card" aria-labelledby="run-sub-title">
            <h2 id="run-sub-title">{t('evaluation.report.bySubgroup')}</h2>
            {Object.keys(data.summary.bySubgroup).length === 0 ? (
              <Empty>{t('evaluation.report.noSubgroups')}</Empty>
            ) : (
              Object.entries(data.summary.bySubgroup).map(([dimension, cells]) => (
                <div key={dimension}>
                  <h3>{t(`evaluation.report.dimensions.${dimension}`, { defaultValue: dimension })}</h3>
                  <CellsTable
                    cells={Object.entries(cells)}
                    heading={t(`evaluation.report.dimensions.${dimension}`, { defaultValue: dimension })}
                  />
                </div>
              ))
            )}
          </section>

          <section className="card" aria-labelledby="run-worst-title">
            <h2 id="run-worst-title">{t('evaluation.report.worst')}</h2>
            {data.worst.length === 0 ? (
              <Empty>{t('evaluation.report.noItems')}</Empty>
            ) : (
              <ol className="item-list" data-testid="eval-worst">
                {data.worst.map((w) => (
                  <li key={w.itemId} className={w.status === 'error' ? 'row-warn' : undefined}>
                    <div className="item-title">
                      <span className="mono">{w.itemId}</span>{' '}
                      {w.status === 'error' ? (
                        <span className="badge badge-critical">{t('evaluation.report.itemError')}</span>
                      ) : (
                        <span className="badge badge-muted">
                          {t('evaluation.report.score')}
                          {t('common.colon')}
                          {w.score === null ? '—' : w.score.toFixed(2)}
                        </span>
                      )}
                    </div>
                    <div className="item-meta">
                      {w.categories.join(', ')}
                      {w.expected !== null && (
                        <>
                          {' · '}
                          {t('evaluation.report.expected')}
                          {t('common.colon')}
                          <strong>{w.expected}</strong>
                        </>
                      )}
                      {w.extracted !== null && (
                        <>
                          {' · '}
                          {t('evaluation.report.extracted')}
                          {t('common.colon')}
                          <strong>{w.extracted}</strong>
                        </>
                      )}
                    </div>
                    {w.error && <p className="state-error">{w.error}</p>}
                    <details>
                      <summary>{t('evaluation.report.answer')}</summary>
                      <pre className="answer">{w.answer || t('common.none')}</pre>
                    </details>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </section>
  );
}
