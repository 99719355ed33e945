/** The care plan section of the clinician "Care" tab: show the patient's plan, create or revise it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { care, type CarePlanView } from '../../api/care.ts';
import type { GuidelineId } from '../../api/index.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { PrintButton } from '../../components/print.tsx';
import { useCareTime } from './care-zone.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useAction } from '../../lib/use-action.ts';
import { LifestyleGoals } from './care-ui.tsx';
import { careLanguage, pick } from './care-model.ts';
import { planAuthor } from './plan-author.ts';

export function CarePlanSection({
  patientId,
  guideline,
  refresh = 0,
}: {
  patientId: string;
  guideline: GuidelineId;
  /** Bumped when a prescription was signed or withdrawn here: the plan's 当前用药 is re-read (issue 20). */
  refresh?: number;
}) {
  const { t, i18n } = useTranslation();
  // The server names the plan's sources in the screen's language: re-read on a switch.
  const language = careLanguage(i18n.language);
  const existing = useAsync((s) => care.carePlan(patientId, language, s), [patientId, language, refresh]);
  const [savedIn, setSavedIn] = useState<string>();
  const [savedAt, setSavedAt] = useState(refresh);
  const {
    result: saved,
    busy,
    error,
    run: save,
  } = useAction<CarePlanView>(() => {
    setSavedIn(language);
    setSavedAt(refresh);
    return care.saveCarePlan(patientId, guideline, language);
  });
  const plan = saved && savedIn === language && savedAt === refresh ? saved : undefined;
  const shown = plan ?? (existing.status === 'success' ? existing.data : null);

  return (
    <section className="card span-2" aria-labelledby="care-plan-section" id="care-plan-print">
      <h2 id="care-plan-section">{t('care.clinician.carePlan')}</h2>
      <div className="care-actions">
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => void save()}
          data-testid="save-care-plan"
        >
          {shown ? t('care.clinician.updatePlan') : t('care.clinician.createPlan')}
        </button>
        {shown && <PrintButton label={t('print.printCarePlan')} target="care-plan-print" />}
      </div>
      {error ? <ErrorState error={error} /> : null}
      {existing.status === 'loading' && !plan && <Loading />}
      {existing.status === 'error' && !plan && (
        <ErrorState error={existing.error} onRetry={existing.reload} />
      )}
      {existing.status !== 'loading' && !shown && <Empty>{t('care.clinician.noPlan')}</Empty>}
      {shown && <CarePlanDetails plan={shown} />}
    </section>
  );
}

export function CarePlanDetails({ plan }: { plan: CarePlanView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const time = useCareTime();
  return (
    <div data-testid="care-plan" data-plan-id={plan.id}>
      <dl className="care-facts">
        <div>
          <dt>{t('common.status')}</dt>
          <dd>
            <span className={`badge ${plan.status === 'active' ? 'badge-ok' : 'badge-muted'}`}>
              {t(`care.planStatus.${plan.status}`)}
            </span>{' '}
            {time(plan.created)}
            {` · ${planAuthor(plan.author, { generated: t('care.planGenerated') })}`}
          </dd>
        </div>
        <div>
          <dt>{t('care.clinician.targetLabel')}</dt>
          <dd data-testid="care-plan-target">
            <strong>
              {t('care.targetIn.office', { sbp: plan.target.sbp, dbp: plan.target.dbp ?? '—' })}
            </strong>
            <div className="care-source">
              {pick(plan.target.display, i18n.language) || plan.target.rule} · {t('care.source')}
              {t('common.colon')}
              {plan.target.source}
            </div>
          </dd>
        </div>
        <div>
          <dt>{t('care.clinician.monitoring')}</dt>
          <dd>
            {t(`care.phase.${plan.monitoring.phase}`)} ·{' '}
            {plan.monitoring.schedule === 'daily'
              ? t('care.home.scheduleDaily', { days: plan.monitoring.days })
              : t('care.home.scheduleWeekly')}{' '}
            ·{' '}
            {plan.monitoring.sessions
              .map((s) => `${t(`care.session.${s.name}`)} ${s.window.join('–')}`)
              .join(', ')}
            {plan.monitoring.source && <div className="care-source">{plan.monitoring.source}</div>}
          </dd>
        </div>
        <div>
          <dt>{t('care.home.followUp')}</dt>
          <dd>
            {time(plan.followUp.next, false)}
            {t('care.home.everyInBrackets', { days: plan.followUp.intervalDays })}
            {plan.followUp.overdueDays > 0 && (
              <span className="badge badge-missed">
                {' '}
                {t('care.overdue', { days: plan.followUp.overdueDays })}
              </span>
            )}
            <div className="care-source">{pick(plan.followUp.sourceText, lang) || plan.followUp.source}</div>
          </dd>
        </div>
        <div>
          <dt>{t('care.clinician.medications')}</dt>
          <dd data-testid="care-plan-medications">
            {plan.medications.length === 0
              ? t('common.none')
              : plan.medications.map((m) => m.display).join(t('common.semicolon'))}
          </dd>
        </div>
      </dl>
      <h3>{t('care.home.goals')}</h3>
      <LifestyleGoals goals={plan.goals} lang={lang} />
      <p>
        <Link to={`/care/panel`}>{t('care.clinician.toPanel')}</Link>
      </p>
    </div>
  );
}
