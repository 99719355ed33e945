/**
 * Clinician "Care" tab of the patient chart: engine findings with rule and source, open alerts, the latest
 * intake with its patient-reported drafts, the triage; a guarded narrative; the engine's treatment proposal
 * with prescription-review findings per draft, signing (clinicians only, critical findings acknowledged) and
 * cancelling; the care plan; and the copilot chat.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  care,
  type CareSummary,
  type DraftView,
  type GuardedText,
  type ProposalResult,
} from '../../api/care.ts';
import { GUIDELINE_IDS, type GuidelineId } from '../../api/index.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useAction } from '../../lib/use-action.ts';
import { ALERT_KINDS as KINDS } from '../blood-pressure/alert-kinds.ts';
import { useGuideline } from '../blood-pressure/guideline-preference.ts';
import { careLanguage, mergeDrafts, pick } from './care-model.ts';
import { ReportedItems } from './reported-items.tsx';
import { GuardedTextView } from './care-ui.tsx';
import { CareZoneContext, useCareTime } from './care-zone.tsx';
import { usePatientCard } from './patient-phone.ts';
import { unbrokenPhone } from './care-tab-phone.ts';
import { draftsAfterProposal } from './draft-phase.ts';
import { careErrorMessage, type CareErrorMessage } from './care-errors.ts';
import { CareErrorView } from './care-error-view.tsx';
import { EmergencyBanner } from '../patient-chart/chart-alerts.tsx';
import { DraftCard } from './draft-card.tsx';
import { DraftGroups } from './draft-groups.tsx';
import { CarePlanSection } from './care-plan-section.tsx';
import { CopilotPanel } from './copilot-panel.tsx';
import { ConsultationsSection } from './consultations-section.tsx';
import { DeceasedBanner, MeasuredCard, type CurrencyFields } from './measured-card.tsx';
import './care.css';

export function CareTab({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const [guideline, setGuideline] = useGuideline();
  const language = careLanguage(i18n.language);
  // The server writes rule texts, dosage lines and source names in the screen's language: re-read on a switch.
  const summary = useAsync(
    (s) => care.summary(patientId, guideline, language, s),
    [patientId, guideline, language],
  );
  const existingDrafts = useAsync((s) => care.drafts(patientId, language, s), [patientId, language]);
  const [drafts, setDrafts] = useState<DraftView[]>([]);
  // A signature or withdrawal can change the active orders: the care plan re-reads its 当前用药.
  const [ordersChanged, setOrdersChanged] = useState(0);
  // Why a draft is no longer what the page showed (withdrawn or signed elsewhere): the page's, not the card's — the
  // re-read takes the card away — until dismissed or the next action (issue 20, non-author try).
  const [pageMessage, setPageMessage] = useState<CareErrorMessage | null>(null);
  const selectId = useId();

  useEffect(() => {
    // The list just read (in the screen's language) replaces the drafts it names; drafts added here stay.
    if (existingDrafts.status === 'success') setDrafts((cur) => mergeDrafts(cur, existingDrafts.data));
  }, [existingDrafts.status, existingDrafts.data]);

  // After a proposal (which withdraws earlier unsigned drafts) or a refusal saying a draft changed elsewhere, the
  // list is read again: a withdrawn draft never stays with a 签署 button (issue 20).
  const reread = async () => {
    const fresh = await care.drafts(patientId, language);
    setDrafts((cur) => draftsAfterProposal(cur, fresh));
  };
  // Withdraw a returned draft and propose again (issue 20: the pharmacist's return reaches the prescriber).
  const revise = async (draft: DraftView) => {
    const withdrawn = await care.cancel(draft.id, language);
    setDrafts((cur) => mergeDrafts(cur, [withdrawn]));
    await care.proposal(patientId, guideline, language);
    await reread();
  };
  const zone = summary.status === 'success' ? summary.data.timeZone : undefined;
  const { phone, name: patientName } = usePatientCard(patientId);

  return (
    <CareZoneContext.Provider value={zone}>
      <div className="care-tab" data-testid="care-tab">
        {/* The open emergency leads the tab as on the overview (issue 20). */}
        {summary.status === 'success' && (
          <EmergencyBanner summary={summary.data} phone={unbrokenPhone(phone)} />
        )}
        <div className="toolbar span-2">
          <label htmlFor={selectId}>{t('care.clinician.guideline')}</label>{' '}
          <select
            id={selectId}
            value={guideline}
            onChange={(e) => setGuideline(e.target.value as GuidelineId)}
          >
            {GUIDELINE_IDS.map((g) => (
              <option key={g} value={g}>
                {t(`bp.guidelines.${g}`, { defaultValue: g })}
              </option>
            ))}
          </select>
        </div>

        {summary.status === 'loading' && <Loading />}
        {summary.status === 'error' && (
          <div className="span-2">
            <ErrorState error={summary.error} onRetry={summary.reload} />
          </div>
        )}
        {summary.status === 'success' && <SummarySections summary={summary.data} />}
        {/* Every consultation, stopped ones too, with the patient's own words (issue 20). */}
        <ConsultationsSection patientId={patientId} />

        <Narrative patientId={patientId} guideline={guideline} language={language} />
        <Proposal
          patientId={patientId}
          guideline={guideline}
          language={language}
          onDrafts={async (incoming) => {
            setPageMessage(null);
            setDrafts((cur) => mergeDrafts(cur, incoming));
            await reread().catch(() => existingDrafts.reload());
          }}
        />
        <section className="card span-2" aria-labelledby="care-drafts-title">
          <h2 id="care-drafts-title">{t('careDraft.sectionTitle')}</h2>
          {pageMessage && (
            <div className="care-page-message" data-testid="care-page-message">
              <CareErrorView message={pageMessage} />
              <button type="button" className="button small ghost" onClick={() => setPageMessage(null)}>
                {t('common.close')}
              </button>
            </div>
          )}
          {existingDrafts.status === 'error' && (
            <ErrorState error={existingDrafts.error} onRetry={existingDrafts.reload} />
          )}
          {existingDrafts.status === 'loading' && drafts.length === 0 && <Loading />}
          {existingDrafts.status !== 'loading' && drafts.length === 0 && (
            <Empty>{t('care.clinician.noDrafts')}</Empty>
          )}
          {drafts.length > 0 && (
            <DraftGroups
              drafts={drafts}
              render={(d) => (
                <DraftCard
                  key={d.id}
                  draft={d}
                  onChange={(next) => {
                    setDrafts((cur) => mergeDrafts(cur, [next]));
                    setOrdersChanged((n) => n + 1);
                  }}
                  onRevise={revise}
                  onStale={(message) => {
                    setPageMessage(message);
                    void reread().catch(() => existingDrafts.reload());
                  }}
                  onAct={() => setPageMessage(null)}
                  patientName={patientName}
                />
              )}
            />
          )}
        </section>
        <CarePlanSection patientId={patientId} guideline={guideline} refresh={ordersChanged} />
        <CopilotPanel patientId={patientId} language={language} />
      </div>
    </CareZoneContext.Provider>
  );
}

function SummarySections({ summary }: { summary: CareSummary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const time = useCareTime();
  return (
    <>
      <DeceasedBanner summary={summary as CareSummary & CurrencyFields} lang={lang} />
      {!summary.modelConfigured && (
        <p className="notice span-2" role="status" data-testid="care-model-not-configured">
          {t('care.clinician.noModel')}
        </p>
      )}
      <section className="card span-2" aria-labelledby="care-findings-title">
        <h2 id="care-findings-title">{t('care.clinician.findings')}</h2>
        {summary.findings.length === 0 ? (
          <Empty>{t('care.clinician.noFindings')}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="care-findings">
              <thead>
                <tr>
                  <th scope="col">{t('care.clinician.finding')}</th>
                  <th scope="col">{t('care.clinician.value')}</th>
                  <th scope="col">{t('care.clinician.rule')}</th>
                  <th scope="col">{t('care.source')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.findings.map((f) => (
                  <tr key={f.key} data-key={f.key}>
                    <th scope="row">{pick(f.label, lang)}</th>
                    <td>{pick(f.value, lang)}</td>
                    <td className="text-small">
                      {f.rule}
                      {f.ruleDetail && (
                        <details data-testid="rule-detail">
                          <summary>{t('care.clinician.formula')}</summary>
                          {f.ruleDetail}
                        </details>
                      )}
                    </td>
                    <td className="text-small">{f.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <MeasuredCard summary={summary as CareSummary & CurrencyFields} lang={lang} />

      <section className="card" aria-labelledby="care-alerts-title">
        <h2 id="care-alerts-title">{t('care.clinician.alerts')}</h2>
        {summary.alerts.length === 0 ? (
          <Empty>{t('care.clinician.noAlerts')}</Empty>
        ) : (
          <ul className="item-list" data-testid="care-alerts">
            {summary.alerts.map((a) => (
              <li key={a.id}>
                <span className="item-title">{pick(a.display, lang)}</span>
                <span className="item-meta">
                  {KINDS.includes(a.kind) ? t(`alerts.kinds.${a.kind}`) : a.kind} · {time(a.time)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="care-intake-title">
        <h2 id="care-intake-title">{t('care.clinician.intake')}</h2>
        {!summary.intake ? (
          <Empty>{t('care.clinician.noIntake')}</Empty>
        ) : (
          <div data-testid="care-intake">
            <p className="muted">
              {summary.intake.completedAt
                ? t('care.clinician.intakeCompleted', {
                    date: time(summary.intake.completedAt),
                  })
                : t('care.clinician.intakeOpen')}
            </p>
            <dl className="care-facts">
              {Object.entries(summary.intake.answers).map(([k, v]) => (
                <div key={k}>
                  <dt>{t(`care.intakeStep.${k}`, { defaultValue: k })}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
            <h3>{t('care.clinician.patientReported')}</h3>
            <ReportedItems items={summary.intake.drafts} />
          </div>
        )}
      </section>
    </>
  );
}

function Narrative({
  patientId,
  guideline,
  language,
}: {
  patientId: string;
  guideline: GuidelineId;
  language: 'zh' | 'en';
}) {
  const { t } = useTranslation();
  const { result, busy, error, run } = useAction<GuardedText>(() =>
    care.narrative(patientId, guideline, language),
  );
  return (
    <section className="card" aria-labelledby="care-narrative-title" aria-busy={busy}>
      <h2 id="care-narrative-title">{t('care.clinician.narrative')}</h2>
      <div className="care-actions">
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => void run()}
          data-testid="write-summary"
        >
          {busy ? t('care.clinician.writing') : t('care.clinician.writeSummary')}
        </button>
      </div>
      {busy && <Loading label={t('care.clinician.writing')} />}
      {error ? <ErrorState error={error} /> : null}
      {result && <GuardedTextView value={result} testId="narrative" />}
    </section>
  );
}

function Proposal({
  patientId,
  guideline,
  language,
  onDrafts,
}: {
  patientId: string;
  guideline: GuidelineId;
  language: 'zh' | 'en';
  onDrafts: (drafts: DraftView[]) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { result, busy, error, run } = useAction<ProposalResult>(async () => {
    const r = await care.proposal(patientId, guideline, language);
    await onDrafts(r.drafts);
    return r;
  });
  const p = result?.proposal;
  return (
    <section className="card" aria-labelledby="care-proposal-title" aria-busy={busy}>
      <h2 id="care-proposal-title">{t('care.clinician.proposal')}</h2>
      <div className="care-actions">
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => void run()}
          data-testid="propose-treatment"
        >
          {busy ? t('care.clinician.proposing') : t('care.clinician.propose')}
        </button>
      </div>
      {busy && <Loading label={t('care.clinician.proposing')} />}
      {error ? <CareErrorView message={careErrorMessage('propose', error)} /> : null}
      {p && (
        <div data-testid="proposal">
          <p>
            <span className="badge badge-info" data-testid="proposal-decision" data-decision={p.decision}>
              {t(`care.decision.${p.decision}`, { defaultValue: p.decision })}
            </span>{' '}
            <strong>
              {t(`care.targetIn.${result?.targetSetting ?? 'office'}`, {
                sbp: p.target.sbp,
                dbp: p.target.dbp ?? '—',
              })}
            </strong>
          </p>
          <p className="care-source">
            {pick(p.target.display, lang) || p.target.rule} · {t('care.source')}
            {t('common.colon')}
            {p.target.source}
          </p>
          {p.orders.length > 0 && (
            <>
              <h3>{t('care.clinician.orders')}</h3>
              <ul className="care-list" data-testid="proposal-orders">
                {p.orders.map((o, i) => (
                  <li key={`${o.agent}-${i}`}>
                    <strong>{pick(o.display, lang)}</strong>{' '}
                    <span className="badge badge-muted">
                      {t(`care.action.${o.action}`, { defaultValue: o.action })}
                    </span>
                    <p>{pick(o.rationale, lang)}</p>
                    <p className="care-source">
                      {t('care.source')}
                      {t('common.colon')}
                      {o.source}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )}
          {p.avoided.length > 0 && (
            <>
              <h3>{t('care.clinician.avoided')}</h3>
              <ul className="care-list" data-testid="proposal-avoided">
                {p.avoided.map((a) => (
                  <li key={a.cls}>
                    <strong>{t(`care.class.${a.cls}`, { defaultValue: a.cls })}</strong>:{' '}
                    {pick(a.reason, lang)}
                    <p className="care-source">
                      {t('care.source')}
                      {t('common.colon')}
                      {a.source}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )}
          {p.notes.length > 0 && (
            <ul>
              {p.notes.map((n, i) => (
                <li key={i}>{pick(n, lang)}</li>
              ))}
            </ul>
          )}
          <p data-testid="proposal-follow-up">{pick(p.followUpText, lang)}</p>
          <h3>{t('care.clinician.explanation')}</h3>
          <GuardedTextView value={result.explanation} testId="explanation" />
        </div>
      )}
    </section>
  );
}
