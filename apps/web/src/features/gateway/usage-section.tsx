/** Usage summary grouped by day/model/key/scenario/target with totals and a token bar chart. */
import { lazy, Suspense, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { gateway, USAGE_GROUPS, type UsageGroup, type UsageRow } from '../../api/gateway.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { usageCharts } from './usage-charts.ts';

const BarChart = lazy(() => import('../../components/bar-chart.tsx'));

interface Filters {
  groupBy: UsageGroup;
  from: string;
  to: string;
}

function groupValue(row: UsageRow, group: UsageGroup): string {
  const v = row[group];
  return v === null || v === undefined || v === '' ? '—' : String(v);
}

export function UsageSection() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Filters>({ groupBy: 'day', from: '', to: '' });
  const [applied, setApplied] = useState<Filters>(draft);
  const usage = useAsync(
    (signal) =>
      gateway.usage(
        { groupBy: applied.groupBy, from: applied.from || undefined, to: applied.to || undefined },
        signal,
      ),
    [applied],
  );
  const nf = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);
  const rows = usage.status === 'success' ? usage.data.data : [];
  const totals = useMemo(() => {
    const sum = (f: (r: UsageRow) => number) => rows.reduce((s, r) => s + f(r), 0);
    const requests = sum((r) => r.requests);
    return {
      requests,
      errors: sum((r) => r.errors),
      promptTokens: sum((r) => r.promptTokens),
      completionTokens: sum((r) => r.completionTokens),
      reasoningTokens: sum((r) => r.reasoningTokens),
      totalTokens: sum((r) => r.totalTokens),
      // mean latency weighted by requests
      avgLatencyMs: requests ? sum((r) => r.avgLatencyMs * r.requests) / requests : 0,
    };
  }, [rows]);
  // Requests answered and failed, then tokens (only failures used to give a flat token chart).
  const charts = useMemo(
    () => usageCharts(rows, (r) => groupValue(r, applied.groupBy), t),
    [rows, applied.groupBy, t],
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setApplied({ ...draft });
  }

  const num = (n: number) => nf.format(Math.round(n));

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="gateway-usage">
      <h2 id={`${id}-title`}>{t('gateway.usage.title')}</h2>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-group`}>{t('gateway.usage.groupBy')}</label>
          <select
            id={`${id}-group`}
            value={draft.groupBy}
            onChange={(e) => setDraft({ ...draft, groupBy: e.target.value as UsageGroup })}
          >
            {USAGE_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`gateway.usage.by.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('gateway.usage.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('gateway.usage.to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary">
            {t('gateway.usage.apply')}
          </button>
        </div>
      </form>

      {usage.status === 'loading' && <Loading />}
      {usage.status === 'error' && <ErrorState error={usage.error} onRetry={usage.reload} />}
      {usage.status === 'success' &&
        (rows.length === 0 ? (
          <Empty>{t('gateway.usage.empty')}</Empty>
        ) : (
          <>
            {usage.data.droppedRecords > 0 && (
              <p className="warning">{t('gateway.usage.dropped', { count: usage.data.droppedRecords })}</p>
            )}
            <Suspense fallback={<Loading />}>
              <BarChart
                categories={charts.requests.categories}
                series={charts.requests.series}
                label={t('gatewayUsage.requestsChart', { group: t(`gateway.usage.by.${applied.groupBy}`) })}
              />
              {charts.hasTokens ? (
                <BarChart
                  categories={charts.tokens.categories}
                  series={charts.tokens.series}
                  label={t('gateway.usage.chartLabel', { group: t(`gateway.usage.by.${applied.groupBy}`) })}
                />
              ) : (
                <p className="muted text-small">{t('gatewayUsage.noTokens')}</p>
              )}
            </Suspense>
            <div className="table-wrap">
              <table className="data-table" data-testid="usage-table">
                <caption className="visually-hidden">{t('gateway.usage.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(`gateway.usage.by.${applied.groupBy}`)}</th>
                    <th scope="col">{t('gateway.usage.requests')}</th>
                    <th scope="col">{t('gateway.usage.errors')}</th>
                    <th scope="col">{t('gateway.usage.promptTokens')}</th>
                    <th scope="col">{t('gateway.usage.completionTokens')}</th>
                    <th scope="col">{t('gateway.usage.reasoningTokens')}</th>
                    <th scope="col">{t('gateway.usage.totalTokens')}</th>
                    <th scope="col">{t('gateway.usage.latency')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    <tr key={i}>
                      <th scope="row" className="mono">
                        {groupValue(r, applied.groupBy)}
                      </th>
                      <td className="num">{num(r.requests)}</td>
                      <td className="num">{num(r.errors)}</td>
                      <td className="num">{num(r.promptTokens)}</td>
                      <td className="num">{num(r.completionTokens)}</td>
                      <td className="num">{num(r.reasoningTokens)}</td>
                      <td className="num">{num(r.totalTokens)}</td>
                      <td className="num">{num(r.avgLatencyMs)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('gateway.usage.total')}</th>
                    <td className="num">{num(totals.requests)}</td>
                    <td className="num">{num(totals.errors)}</td>
                    <td className="num">{num(totals.promptTokens)}</td>
                    <td className="num">{num(totals.completionTokens)}</td>
                    <td className="num">{num(totals.reasoningTokens)}</td>
                    <td className="num">{num(totals.totalTokens)}</td>
                    <td className="num">{num(totals.avgLatencyMs)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </>
        ))}
    </section>
  );
}
