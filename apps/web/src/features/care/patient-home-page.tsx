/**
 * Patient home (/care): an emergency the patient reported in a consultation first (decision 0024), then today's
 * measurement reminders, monitoring adherence, progress of weekly home means towards the target, the care plan's
 * target and lifestyle goals with their sources, signed medications only with a daily check-in, the next
 * follow-up, and a button to start a consultation. One column, large targets.
 */
import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { bp, type CrisisAdvice } from '../../api/bp.ts';
import { care, type MedicationAdherence, type PatientHome } from '../../api/care.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { PrintButton, printDate } from '../../components/print.tsx';
import { formatDate } from '../../lib/format.ts';
import { readingsTakenKey } from './readings-taken.ts';
import { useAsync } from '../../lib/use-async.ts';
import {
  leadingAdvice,
  localDate,
  percent,
  pick,
  recentSummary,
  sourceText,
  todaysReminders,
} from './care-model.ts';
import { LifestyleGoals } from './care-ui.tsx';
import { adviceNow, sessionHasCrisis } from './crisis-now.ts';
import { homeBoxes } from './home-boxes.ts';
import { CrisisBox, HandledNote, HomeReadings, ReportedBox } from './home-readings.tsx';
import './care.css';
import { medicationAdherenceLine } from './medication-adherence.ts';
import { adherenceRange } from './adherence-range.ts';

const ProgressChart = lazy(() => import('./progress-chart.tsx'));

export function PatientHomePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const home = useAsync((s) => care.me(lang, s), [lang]);
  // After a reading is saved the page's data is fetched again in place (reminders, adherence, progress, the
  // open crisis alert), without unmounting the page (tester finding 2).
  const [fresh, setFresh] = useState<{ lang: string; data: PatientHome }>();
  const refresh = useCallback(() => {
    care.me(lang).then(
      (data) => setFresh({ lang, data }),
      () => home.reload(),
    );
  }, [lang, home]);
  const data = fresh?.lang === lang ? fresh.data : home.data;
  return (
    <section className="page care-mobile" aria-labelledby="care-home-title" data-testid="care-home">
      <h1 id="care-home-title">{t('care.home.title')}</h1>
      {/* Printed, the page is the patient's visit summary: plan, medicines, follow-up, in plain words. */}
      <p className="print-only" data-testid="summary-print-title">
        {t('print.summary.title')} · {t('print.printedOn', { date: printDate() })}
      </p>
      {home.status === 'success' && <PrintButton label={t('print.printSummary')} />}
      {home.status === 'loading' && <Loading />}
      {home.status === 'error' && <ErrorState error={home.error} onRetry={home.reload} />}
      {home.status === 'success' && data && <HomeBody home={data} onSaved={refresh} />}
    </section>
  );
}

function HomeBody({ home, onSaved }: { home: PatientHome; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const plan = home.carePlan;
  // Home readings are judged against the home target, the chart's line (tester finding 3, REFERENCE §2.1–2.2).
  const target =
    home.progress.target ??
    plan?.homeTarget ??
    (plan ? { sbp: plan.target.sbp, dbp: plan.target.dbp } : undefined);
  const today = localDate(new Date(), home.timeZone);
  const reminders = todaysReminders(home.monitoring.reminders, today);
  const adherence = home.monitoring.adherence;
  const recent = useAsync((s) => bp.recentReadings(home.patient.id, lang, s), [home.patient.id, lang]);
  const [uploadAdvice, setUploadAdvice] = useState<CrisisAdvice | undefined>();
  // The answer to a reading just saved, the open crisis alert (any measured date) or a crisis reading of the last
  // 24 hours keeps the advice on top, and nothing says "done" or "at target" beside it.
  const readings = recent.status === 'success' ? recent.data.readings : [];
  type Advice = Pick<CrisisAdvice, 'title' | 'steps' | 'source' | 'handled'> & {
    level: CrisisAdvice['level'];
    readings?: { time: string }[];
  };
  const recentAdvice = recent.status === 'success' ? recent.data.advice : undefined;
  // The open alert's advice is about the alert's reading (its measured time). When the server's box of the recent
  // readings is about that same reading, its steps apply (a recheck is not told to measure again; decision 0031).
  const alertTime = home.crisisAlert?.reading.time;
  const sameReading =
    alertTime !== undefined &&
    recentAdvice?.level === 'crisis' &&
    !recentAdvice.handled &&
    recentAdvice.readings.some((r) => Date.parse(r.time) === Date.parse(alertTime)) &&
    recentAdvice.readings.every((r) => Date.parse(r.time) <= Date.parse(alertTime));
  const alertAdvice: Advice | undefined = home.crisisAlert
    ? {
        ...home.crisisAlert.advice,
        readings: alertTime ? [{ time: alertTime }] : [],
        ...(sameReading ? { steps: recentAdvice.steps } : {}),
      }
    : undefined;
  // A crisis reading older than the alert look-back uploaded this week: the upload's note (never leads over
  // an urgent advice).
  const olderAdvice = recentAdvice ?? home.oldCrisisAdvice;
  const leading = leadingAdvice<Advice>(uploadAdvice, alertAdvice, olderAdvice);
  // The answer to a reading just saved takes the reading box's place at the top, in the one order of decision 0024,
  // and is brought into view: beside the form it had left the top boxes, so after a save the same-day box moved
  // above the very-high-BP box and back on reload (issue 16, H12's try).
  const justSaved = leading !== undefined && leading === uploadAdvice;
  // A box about an earlier reading, after newer readings, says what to do now (not "measure again"); the server's
  // box of the recent readings already says so, about their most recent crisis reading (decision 0031).
  const advice =
    leading &&
    (justSaved || leading === recentAdvice
      ? leading
      : adviceNow(
          leading,
          readings,
          {
            measuredSince: (p) => t('care.crisisNow.measuredSince', p),
            symptoms: t('care.crisisNow.symptoms'),
            // The open alert's box about an earlier day already says "your care team has been alerted … contact
            // your clinic or doctor today" in its title: said once, no third step (issue 20 try).
            contact:
              leading === alertAdvice && home.crisisAlert?.earlierDay
                ? ''
                : t(
                    leading.level === 'crisis'
                      ? 'care.crisisNow.contactAlerted'
                      : 'care.crisisNow.contactClinic',
                  ),
          },
          home.timeZone,
        ));
  // An emergency the patient reported leads over any reading's box; a reading crisis still shows (decision 0024).
  // A reported alert closed in the last 72 h: a calm note after everything open (issue 20).
  const boxes = homeBoxes(home.reportedAlert, advice, home.handledReport);
  const last7 = recentSummary(
    home.progress.lastSevenDays,
    target,
    leading !== undefined || home.reportedAlert !== undefined,
    home.progress.weeks,
  );

  return (
    <>
      {/* The answer to a reading just saved is shown beside the form (where the patient is looking). */}
      {boxes.map((b) =>
        b.kind === 'reported' ? (
          <ReportedBox key="reported" alert={b.box} leads={b.leads} />
        ) : b.kind === 'handled' ? (
          <HandledNote key="handled" note={b.box} />
        ) : (
          <CrisisBox
            key="reading"
            advice={
              b.underEmergency
                ? {
                    ...b.box,
                    // Under "call 120 now", the reading's box only says what the reading was: its own title
                    // ("contact your clinic today, and:") would be a second, softer instruction (issue 20 try).
                    ...(home.crisisAlert
                      ? {
                          title: t(
                            home.crisisAlert.reading.local
                              ? 'care.crisisNow.readingUnderEmergency'
                              : 'care.crisisNow.readingUnderEmergencyNoTime',
                            {
                              value: `${home.crisisAlert.reading.sbp}/${home.crisisAlert.reading.dbp}`,
                              time: home.crisisAlert.reading.local,
                            },
                          ),
                        }
                      : {}),
                    steps: [t('care.crisisNow.underReportedEmergency')],
                  }
                : b.box
            }
            leads={b.leads}
            scrollIntoView={justSaved && !b.underEmergency}
          />
        ),
      )}
      <Link
        className="button primary care-big-button"
        to="/care/consultation/new"
        data-testid="start-consultation"
      >
        {t('care.home.startConsultation')}
      </Link>

      <HomeReadings
        patientId={home.patient.id}
        recent={recent.status === 'success' ? recent.data : undefined}
        timeZone={home.timeZone}
        {...(uploadAdvice ? { advice: uploadAdvice } : {})}
        onSaved={(answer) => {
          setUploadAdvice(answer.advice);
          recent.reload();
          onSaved();
        }}
        onWithdrawn={() => {
          setUploadAdvice(undefined);
          recent.reload();
          onSaved();
        }}
      />

      <section className="card" aria-labelledby="care-reminders">
        <h2 id="care-reminders">{t('care.home.reminders')}</h2>
        {reminders.length === 0 ? (
          <Empty>{t('care.home.noReminders')}</Empty>
        ) : (
          <ul className="care-list" data-testid="reminders">
            {reminders.map((r) => {
              const session = home.monitoring.plan.sessions.find((s) => s.name === r.session);
              return (
                <li key={`${r.date}-${r.session}`} data-state={r.state}>
                  <div className="care-row">
                    <strong>
                      {t(`care.session.${r.session}`)} {r.window[0]}–{r.window[1]}
                    </strong>
                    {/* "Very high" only on the session whose reading it was (its date and window). */}
                    {r.state === 'done' && sessionHasCrisis(r, readings, home.timeZone) ? (
                      <span className="badge badge-crisis">{t('bpHome.reminderCrisis')}</span>
                    ) : (
                      <span className={`badge badge-${r.state}`}>{t(`care.reminderState.${r.state}`)}</span>
                    )}
                  </div>
                  <div className="muted">
                    {r.date !== today ? `${r.date} · ` : ''}
                    {t(readingsTakenKey(r.readingsTaken, r.readingsPlanned), {
                      taken: r.readingsTaken,
                      planned: r.readingsPlanned,
                    })}
                  </div>
                  {session && r.state !== 'done' && (
                    <p className="care-source">{pick(session.instruction, lang)}</p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <p data-testid="monitoring-adherence">
          {/* Nothing due yet (before the first window of a plan begun today): no rate, no 0 % (issue 20 try). */}
          {(adherence.plannedReadings ?? adherence.plannedSessions) === 0
            ? t('care.home.adherenceNoneDue')
            : t('care.home.adherence', {
                percent: percent(adherence.fraction),
                // Readings, counted like the cards above (today's sessions once their window opens).
                completed: adherence.takenReadings ?? adherence.completedSessions,
                planned: adherence.plannedReadings ?? adherence.plannedSessions,
              })}{' '}
          <span className="muted">
            {(() => {
              // One bracket style per language; a single day once (issue 20 try).
              const range = adherenceRange(
                formatDate(adherence.from, lang, false, home.timeZone),
                formatDate(adherence.to, lang, false, home.timeZone),
              );
              return t(range.key, range.values);
            })()}
          </span>
        </p>
        <p className="care-source">
          {t(`care.phase.${home.monitoring.plan.phase}`)} ·{' '}
          {home.monitoring.plan.schedule === 'daily'
            ? t('care.home.scheduleDaily', { days: home.monitoring.plan.days })
            : t('care.home.scheduleWeekly')}
          {home.monitoring.plan.source
            ? ` · ${t('care.source')}${t('common.colon')}${sourceText(home.monitoring.plan.source, lang)}`
            : ''}
        </p>
      </section>

      <section className="card" aria-labelledby="care-progress">
        <h2 id="care-progress">{t('care.progress.title')}</h2>
        {home.progress.weeks.length === 0 ? (
          <Empty>{t('care.progress.empty')}</Empty>
        ) : (
          <>
            <p data-testid="progress-summary">
              {last7 &&
                t(last7.key, {
                  sbp: last7.sbp,
                  dbp: last7.dbp,
                  count: last7.count,
                  window: pick(last7.window, lang),
                })}{' '}
              {last7?.atTarget
                ? t('care.progress.atTargetNow')
                : last7?.excessSbp
                  ? t('care.progress.aboveTarget', { excess: last7.excessSbp })
                  : last7?.excessDbp
                    ? t('care.progress.aboveTargetDbp', { excess: last7.excessDbp })
                    : ''}{' '}
              {last7?.changeSbp
                ? t(last7.changeSbp < 0 ? 'care.progress.fellSince' : 'care.progress.roseSince', {
                    value: Math.abs(last7.changeSbp),
                    date: formatDate(last7.since, lang, false, home.timeZone),
                  })
                : ''}
            </p>
            <Suspense fallback={<Loading />}>
              <ProgressChart weeks={home.progress.weeks} target={target} />
            </Suspense>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="care-plan-title">
        <h2 id="care-plan-title">{t('care.home.plan')}</h2>
        {!plan ? (
          <Empty>{t('care.home.noPlan')}</Empty>
        ) : (
          <div data-testid="patient-care-plan">
            {target && (
              <p data-testid="home-target">
                <strong>{t('care.homeTarget', { sbp: target.sbp, dbp: target.dbp ?? '—' })}</strong>
              </p>
            )}
            <p className="muted" data-testid="office-target">
              {t('care.officeTarget', { sbp: plan.target.sbp, dbp: plan.target.dbp ?? '—' })}
            </p>
            <p className="care-source">
              {t('care.source')}
              {t('common.colon')}
              {sourceText(plan.homeTarget?.source ?? plan.target.source, lang)}
            </p>
            <h3>{t('care.home.goals')}</h3>
            <LifestyleGoals goals={plan.goals} lang={lang} />
          </div>
        )}
      </section>

      <Medications home={home} today={today} />

      <section className="card" aria-labelledby="care-followup">
        <h2 id="care-followup">{t('care.home.followUp')}</h2>
        {plan ? (
          <p data-testid="follow-up">
            <strong>{formatDate(plan.followUp.next, lang, false, home.timeZone)}</strong>
            {plan.followUp.overdueDays > 0 ? (
              <span className="badge badge-missed">
                {' '}
                {t('care.overdue', { days: plan.followUp.overdueDays })}
              </span>
            ) : null}
            <span className="care-source"> {t('care.home.every', { days: plan.followUp.intervalDays })}</span>
          </p>
        ) : (
          <Empty>{t('care.home.noFollowUp')}</Empty>
        )}
      </section>
    </>
  );
}

/** Signed (active) orders only — the server never sends drafts here — and the daily check-in. */
function Medications({ home, today }: { home: PatientHome; today: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [adherence, setAdherence] = useState<MedicationAdherence>(home.medicationAdherence);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const todayEntry = adherence.days.find((d) => d.date === today);

  async function record(taken: boolean) {
    setBusy(true);
    setError(null);
    try {
      setAdherence(await care.recordMedicationTaken(home.patient.id, today, taken));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="care-meds">
      <h2 id="care-meds">{t('care.home.medications')}</h2>
      {home.medications.length === 0 ? (
        <Empty>{t('care.home.noMedications')}</Empty>
      ) : (
        <>
          <ul className="care-list" data-testid="patient-medications">
            {home.medications.map((m) => (
              <li key={m.id}>
                <strong>{m.display}</strong>
                {m.dosage && <div>{m.dosage}</div>}
                {(m.signedBy || m.signedAt) && (
                  <p className="care-source">
                    {t('care.signedBy', {
                      name: m.signedBy ?? '—',
                      date: formatDate(m.signedAt, lang, false, home.timeZone),
                    })}
                  </p>
                )}
              </li>
            ))}
          </ul>
          {error ? <ErrorState error={error} /> : null}
          {todayEntry?.taken === true ? (
            <p className="notice notice-ok" role="status" data-testid="medication-taken">
              {t('care.home.takenToday')}{' '}
              <button
                type="button"
                className="link-button"
                disabled={busy}
                onClick={() => void record(false)}
              >
                {t('care.home.undo')}
              </button>
            </p>
          ) : (
            <button
              type="button"
              className="button primary care-big-button"
              disabled={busy}
              onClick={() => void record(true)}
              data-testid="medication-checkin"
            >
              {t('care.home.tookMedicine')}
            </button>
          )}
          <p data-testid="medication-adherence">{medicationAdherenceLine(adherence, t, percent)}</p>
          <ol className="care-days" aria-label={t('care.home.last14Days')}>
            {adherence.days.map((d) => (
              <li
                key={d.date}
                className={d.taken === true ? 'taken' : d.taken === false ? 'not-taken' : 'unrecorded'}
                title={d.date}
                aria-label={`${d.date}: ${
                  d.taken === true
                    ? t('care.home.dayTaken')
                    : d.taken === false
                      ? t('care.home.dayMissed')
                      : t('care.home.dayUnknown')
                }`}
              >
                {d.date.slice(8)}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
