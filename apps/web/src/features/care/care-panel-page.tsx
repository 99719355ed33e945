/** Clinician panel (/care/panel): patients with a care plan, ranked by need, each linked to the chart's Care tab. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { care, type PanelEntry } from '../../api/care.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { percent, pick } from './care-model.ts';
import { PRIORITY_BADGE, panelPriority } from './panel-priority.ts';
import './care.css';

const REASON_BADGE: Record<PanelEntry['reasons'][number]['code'], string> = {
  emergency: 'badge-critical',
  crisis: 'badge-critical',
  alerts: 'badge-warning',
  uncontrolled: 'badge-warning',
  'non-adherent': 'badge-info',
  overdue: 'badge-info',
  drafts: 'badge-muted',
};

export function CarePanelPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [mine, setMine] = useState(false);
  const panel = useAsync((s) => care.panel(s, mine), [mine]);
  return (
    <section className="page" aria-labelledby="care-panel-title">
      <h1 id="care-panel-title">{t('care.panel.title')}</h1>
      <p className="muted">{t('care.panel.intro')}</p>
      <label className="inline-check">
        <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />{' '}
        {t('care.panel.mine')}
      </label>
      {panel.status === 'loading' && <Loading />}
      {panel.status === 'error' && <ErrorState error={panel.error} onRetry={panel.reload} />}
      {panel.status === 'success' &&
        (panel.data.length === 0 ? (
          <Empty>{t('care.panel.empty')}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="data-table care-badges" data-testid="care-panel">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('care.panel.patient')}</th>
                  <th scope="col">{t('care.panel.reasons')}</th>
                  <th scope="col">{t('care.panel.control')}</th>
                  <th scope="col">{t('care.panel.alerts')}</th>
                  <th scope="col">{t('care.panel.adherence')}</th>
                  <th scope="col">{t('care.panel.overdue')}</th>
                  <th scope="col">{t('care.panel.drafts')}</th>
                  <th scope="col">{t('care.panel.priority')}</th>
                </tr>
              </thead>
              <tbody>
                {panel.data.map((e, i) => (
                  <tr key={e.patientId} data-patient={e.patientId}>
                    <td className="num">{i + 1}</td>
                    <th scope="row">
                      <Link to={`/patients/${encodeURIComponent(e.patientId)}/care`}>
                        {e.name || e.patientId}
                      </Link>
                    </th>
                    <td>
                      {e.reasons.length === 0 ? (
                        <span className="badge badge-ok">{t('care.panel.noReasons')}</span>
                      ) : (
                        e.reasons.map((r) => (
                          <span
                            key={r.code}
                            className={`badge ${REASON_BADGE[r.code] ?? ''}`}
                            data-reason={r.code}
                          >
                            {pick(r.display, lang)}
                          </span>
                        ))
                      )}
                    </td>
                    <td>
                      {e.controlled === undefined
                        ? t('common.none')
                        : e.controlled
                          ? t('care.panel.controlled')
                          : t('care.panel.uncontrolled', { excess: e.excessSbp ?? '?' })}
                      {/* The figure it is judged on, as every screen shows it (decision 0027). */}
                      {e.homeMean && (
                        <div className="muted" data-testid="panel-home-mean">
                          {t('care.panel.mean', {
                            sbp: e.homeMean.shown.sbp,
                            dbp: e.homeMean.shown.dbp,
                            window: pick(e.homeMean.label, lang),
                          })}
                        </div>
                      )}
                    </td>
                    <td className="num">{e.openAlerts}</td>
                    <td className="num">{percent(e.adherenceFraction)}</td>
                    <td className="num">
                      {e.daysOverdue ? t('care.overdue', { days: e.daysOverdue }) : '—'}
                    </td>
                    <td className="num">{e.pendingDrafts}</td>
                    <td>
                      {/* The ranking's tier in words, not its raw score (issue 20 try: '分值 101230'). */}
                      <span
                        className={`badge ${PRIORITY_BADGE[panelPriority(e)]}`}
                        data-priority={panelPriority(e)}
                      >
                        {t(`care.panel.priorities.${panelPriority(e)}`)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
