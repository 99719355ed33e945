/** Audit trail search (FHIR AuditEvent) with filters kept in the URL, paging and NDJSON export. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { AuditEvent, Bundle } from '@medplum/fhirtypes';
import { admin, searchNext } from '../../api/index.ts';
import { request, sameOriginPath, type RequestOptions } from '../../api/client.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { formatInZone } from '../../lib/zone-time.ts';
import { AuditAgent } from './audit-agent.tsx';
import { bundleTimeZone, entityViews, eventText, outcomeText, type EntityView } from './audit-words.ts';

const ACTIONS = ['C', 'R', 'U', 'D', 'E'] as const;
interface Filters {
  patient: string;
  agent: string;
  from: string;
  to: string;
  action: string;
}
const EMPTY: Filters = { patient: '', agent: '', from: '', to: '', action: '' };

function fromParams(params: URLSearchParams): Filters {
  return {
    patient: params.get('patient') ?? '',
    agent: params.get('agent') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    action: params.get('action') ?? '',
  };
}

/** "To date" is inclusive for the user: events before the start of the next day. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function toQuery(f: Filters): Record<string, string | string[] | number | undefined> {
  const patient = f.patient.trim();
  const dates = [f.from ? `ge${f.from}` : '', f.to ? `lt${nextDay(f.to)}` : ''].filter(Boolean);
  return {
    patient: patient ? (patient.startsWith('Patient/') ? patient : `Patient/${patient}`) : undefined,
    agent: f.agent.trim() || undefined,
    date: dates.length ? dates : undefined,
    action: f.action || undefined,
    _count: 50,
  };
}

/** The AuditEvent search with the zone the server shows times in (the hospital's, on the Bundle's meta). */
async function searchAudit(query: RequestOptions['query'], signal?: AbortSignal) {
  const bundle = await request<
    Bundle<AuditEvent> & { meta?: { extension?: { url: string; valueCode?: string }[] } }
  >('/fhir/R4/AuditEvent', { query, accept: 'application/fhir+json', signal });
  const items = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is AuditEvent => r !== undefined);
  const next = bundle.link?.find((l) => l.relation === 'next')?.url;
  return {
    items,
    total: bundle.total,
    next: next ? sameOriginPath(next) : undefined,
    timeZone: bundleTimeZone(bundle),
  };
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const applied = fromParams(params);
  const key = params.toString();
  const [draft, setDraft] = useState<Filters>(applied);
  const [extra, setExtra] = useState<{ items: AuditEvent[]; next?: string }>({ items: [] });
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const result = useAsync((s) => searchAudit(toQuery(fromParams(new URLSearchParams(key))), s), [key]);

  useEffect(() => {
    setDraft(fromParams(new URLSearchParams(key)));
    setExtra({ items: [] });
  }, [key]);

  function apply(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries(draft)) if (v.trim()) next[k] = v.trim();
    setParams(next);
  }

  async function exportNdjson() {
    setExporting(true);
    setExportError(null);
    try {
      const query = toQuery(applied);
      delete query._count;
      const blob = await admin.exportAudit(query);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `audit-${new Date().toISOString().slice(0, 10)}.ndjson`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setExportError(err);
    } finally {
      setExporting(false);
    }
  }

  const page = result.status === 'success' ? result.data : undefined;
  const events = page ? [...page.items, ...extra.items] : [];
  const next = extra.items.length ? extra.next : page?.next;
  const field = (name: keyof Filters) => ({
    id: `audit-${name}`,
    name,
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: e.target.value })),
  });

  return (
    <section className="page" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <form className="filters card" onSubmit={apply} aria-label={t('audit.filters')}>
        <div className="field">
          <label htmlFor="audit-patient">{t('audit.patient')}</label>
          <input {...field('patient')} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="audit-agent">{t('audit.agent')}</label>
          <input {...field('agent')} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('audit.from')}</label>
          <input {...field('from')} type="date" />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('audit.to')}</label>
          <input {...field('to')} type="date" />
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t('audit.action')}</label>
          <select {...field('action')}>
            <option value="">{t('audit.anyAction')}</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a} — {t(`audit.actions.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit" className="button primary">
            {t('audit.apply')}
          </button>
          <button
            type="button"
            className="button ghost"
            onClick={() => {
              setDraft(EMPTY);
              setParams({});
            }}
          >
            {t('audit.reset')}
          </button>
          <button
            type="button"
            className="button secondary"
            disabled={exporting}
            onClick={() => void exportNdjson()}
          >
            {exporting ? t('audit.exporting') : t('audit.export')}
          </button>
        </div>
      </form>
      {exportError ? <ErrorState error={exportError} /> : null}
      {result.status === 'loading' && <Loading />}
      {result.status === 'error' && <ErrorState error={result.error} onRetry={result.reload} />}
      {page &&
        (events.length === 0 ? (
          <Empty>{t('audit.empty')}</Empty>
        ) : (
          <>
            <p className="muted" role="status">
              {page.total !== undefined
                ? t('common.showing', { shown: events.length, total: page.total })
                : t('common.resultsCount', { count: events.length })}
            </p>
            <div className="table-wrap">
              <table className="data-table" data-testid="audit-table">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.recorded')}</th>
                    <th scope="col">{t('audit.action')}</th>
                    <th scope="col">{t('audit.type')}</th>
                    <th scope="col">{t('audit.agent')}</th>
                    <th scope="col">{t('audit.entity')}</th>
                    <th scope="col">{t('audit.outcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((e, i) => {
                    const agent = e.agent?.find((a) => a.requestor) ?? e.agent?.[0];
                    const outcome = e.outcome ?? '0';
                    return (
                      <tr key={e.id ?? i} className={outcome !== '0' ? 'row-warn' : undefined}>
                        <td className="nowrap">{formatInZone(e.recorded, page.timeZone, lang)}</td>
                        <td className="nowrap">
                          {e.action
                            ? `${e.action} ${ACTIONS.includes(e.action) ? t(`audit.actions.${e.action}`) : ''}`
                            : ''}
                        </td>
                        <td>{eventText(e, t)}</td>
                        <td>
                          <AuditAgent agent={agent} />
                        </td>
                        <td>
                          <EntityList views={entityViews(e, t)} separator={lang === 'zh-CN' ? '、' : ', '} />
                        </td>
                        <td>
                          {outcomeText(e, t)}
                          {e.outcomeDesc ? <span className="muted"> — {e.outcomeDesc}</span> : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {next && (
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  void searchNext<AuditEvent>(next).then(
                    (more) =>
                      setExtra((prev) => ({ items: [...prev.items, ...more.items], next: more.next })),
                    (err: unknown) => setExportError(err),
                  );
                }}
              >
                {t('patients.loadMore')}
              </button>
            )}
          </>
        ))}
    </section>
  );
}

/**
 * The first few records an event touched, then "+N" (a search can touch a whole page of patients); each with
 * its reference or query in the tooltip.
 */
function EntityList({ views, separator }: { views: EntityView[]; separator: string }) {
  const shown = views.slice(0, 4);
  return (
    <span title={views.length > 4 ? views.map((v) => v.text).join('\n') : undefined}>
      {shown.map((v, i) => (
        <span key={i} title={v.title} data-ref={v.title}>
          {i > 0 ? separator : ''}
          {v.text}
        </span>
      ))}
      {views.length > 4 ? <span className="muted"> +{views.length - 4}</span> : null}
    </span>
  );
}
