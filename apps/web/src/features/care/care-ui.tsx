/** Pieces shared by the care pages: emergency banner, severity badge, guarded (model-written) text. */
import type { Ref } from 'react';
import { unbrokenPhone } from './care-tab-phone.ts';
import { useTranslation } from 'react-i18next';
import type {
  Citation,
  FindingSeverity,
  GuardReport,
  GuardedText,
  LifestyleGoal,
  TriageResult,
} from '../../api/care.ts';
import {
  contradictedCount,
  evidenceLines,
  orderedClaims,
  pick,
  sourceText,
  triageSourceText,
} from './care-model.ts';
import { emergencyNumber, telSegments } from './tel-links.ts';
import { triageReading } from './triage-reading.ts';
import { flagList } from './triage-flags.ts';
import { formatInZone } from '../../lib/zone-time.ts';
import '../../i18n/bp-withdraw.ts';
import './care.css';

/**
 * Text whose emergency numbers (120, 911) are tap-to-call links, each a small call button (the banner's call
 * button in line, at least 44 × 44 px: a 19 px-high "120" was hard to hit on a phone, issue 20).
 */
export function TelText({ text }: { text: string }) {
  return (
    <>
      {telSegments(text).map((s, i) =>
        s.tel ? (
          <a
            key={i}
            href={`tel:${s.tel}`}
            className="care-call-button care-call-inline tel-link"
            data-testid="tel-link"
          >
            {s.text}
          </a>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

/** A large, obvious call button (emergency banner, crisis box). */
export function CallButton({ number }: { number: string }) {
  const { t } = useTranslation();
  return (
    <a href={`tel:${number}`} className="button care-call-button" data-testid="call-emergency">
      {t('care.triage.call', { number })}
    </a>
  );
}

/**
 * The clinician's big button on an emergency: contact the patient (issue 20 item 6 — "call 120" is the patient's
 * instruction, not the doctor's), a tap-to-call link with the chart's phone number when there is one.
 */
export function ContactPatientButton({ phone }: { phone?: string | undefined }) {
  const { t } = useTranslation();
  if (!phone)
    return (
      <p className="button care-call-button" data-testid="contact-patient">
        {t('care.triage.contactPatientNoPhone')}
      </p>
    );
  return (
    <a
      href={`tel:${phone.replace(/[^\d+]/g, '')}`}
      className="button care-call-button"
      data-testid="contact-patient"
    >
      {/* Never split across lines (every screen with the button: Care tab, overview, BP page banner). */}
      {t('care.triage.contactPatient', { phone: unbrokenPhone(phone) })}
    </a>
  );
}

/**
 * The engine's triage. An emergency is a red banner with role="alert" showing the fixed instruction in the
 * page language (never model text; one language per screen); an urgent triage is a softer notice.
 */
export function TriageBanner({
  triage,
  bannerRef,
  audience = 'patient',
  phone,
  latest,
  timeZone,
}: {
  /** `crisisReadingWithdrawn`: the reading it quotes was withdrawn as entered in error (the clinician's summary). */
  triage: TriageResult & { crisisReadingWithdrawn?: true };
  /** The latest measured reading (the chart), said beside a quoted reading that was withdrawn (issue 20). */
  latest?: { sbp: number; dbp: number; time: string } | undefined;
  /** The patient's zone, for that reading's time. */
  timeZone?: string | undefined;
  /** The patient's phone number (chart), for the clinician's "contact the patient" button. */
  phone?: string | undefined;
  /** The clinician's chart reads "assess soon", never the patient's "see a doctor soon" (issue 20). */
  audience?: 'patient' | 'clinician';
  /** The consultation scrolls the banner into view below the sticky header when it appears. */
  bannerRef?: Ref<HTMLElement>;
}) {
  const { t, i18n } = useTranslation();
  if (triage.level === 'none') return null;
  const emergency = triage.level === 'emergency';
  const flags = flagList(triage.redFlags, i18n.language);
  const instruction = pick(triage.instruction, i18n.language);
  // A withdrawn reading is marked, with the latest that stands, never shown as current (decision 0020, issue 20).
  const reading = triageReading(triage, latest);
  const readingText = !reading
    ? ''
    : reading.withdrawn
      ? [
          t('bpWithdraw.triageReadingWithdrawn', { sbp: reading.sbp, dbp: reading.dbp }),
          reading.latest
            ? t('bpWithdraw.triageLatest', {
                sbp: reading.latest.sbp,
                dbp: reading.latest.dbp,
                time: formatInZone(reading.latest.time, timeZone, i18n.language),
              })
            : '',
        ]
          .filter(Boolean)
          .join(t('common.semicolon'))
      : t('care.triage.crisisReading', { sbp: reading.sbp, dbp: reading.dbp });
  return (
    <section
      className={emergency ? 'care-emergency' : 'care-urgent'}
      role="alert"
      data-testid={emergency ? 'emergency-banner' : 'urgent-banner'}
      ref={bannerRef}
      tabIndex={-1}
    >
      <h2>
        {emergency
          ? t('care.triage.emergencyTitle')
          : audience === 'clinician'
            ? t('care.triage.clinicianUrgentTitle')
            : t('care.triage.urgentTitle')}
      </h2>
      {emergency &&
        (audience === 'clinician' ? (
          <ContactPatientButton phone={phone} />
        ) : (
          <CallButton number={emergencyNumber(instruction)} />
        ))}
      <p>
        <strong>
          <TelText text={instruction} />
        </strong>
      </p>
      {(flags || readingText) && (
        <p className="care-flags" data-testid="triage-reading">
          {flags ? `${t('care.triage.redFlags')}${t('common.colon')}${flags}` : ''}
          {flags && readingText ? ' · ' : ''}
          {readingText}
        </p>
      )}
      {triage.source && (
        <p className="care-flags">
          {t('care.source')}
          {t('common.colon')}
          {triageSourceText(triage.source, i18n.language)}
        </p>
      )}
    </section>
  );
}

export function SeverityBadge({ severity }: { severity: FindingSeverity }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${severity}`} data-testid="severity-badge" data-severity={severity}>
      {t(`care.severity.${severity}`)}
    </span>
  );
}

export function Citations({ citations }: { citations: readonly Citation[] }) {
  const { t } = useTranslation();
  if (citations.length === 0) return null;
  return (
    <details open>
      <summary>{t('care.guard.citations', { count: citations.length })}</summary>
      <ol className="care-citations" data-testid="citations">
        {citations.map((c) => (
          <li key={c.id} id={`cite-${c.id}`}>
            <strong>[{c.id}]</strong> {c.title}
            {c.section ? ` · ${c.section}` : ''}
            {c.collection ? ` (${c.collection})` : ''}
            {c.text && <div className="muted text-small">{c.text}</div>}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The guard's verdict per claim. Contradicted claims are listed first and marked; none is hidden. */
export function GuardClaims({ guard }: { guard: GuardReport | undefined }) {
  const { t } = useTranslation();
  if (!guard) return null;
  const contradicted = contradictedCount(guard);
  const claims = orderedClaims(guard);
  return (
    <div data-testid="guard-claims">
      {contradicted > 0 ? (
        <p className="notice notice-error" role="alert" data-testid="guard-contradicted">
          {t('care.guard.contradictedWarning', { count: contradicted })}
        </p>
      ) : (
        <p className="muted text-small">{t('care.guard.checked', { count: claims.length })}</p>
      )}
      {claims.length > 0 && (
        <ul className="care-claims">
          {claims.map((c, i) => (
            <li key={`${i}-${c.text}`} className={c.verdict} data-verdict={c.verdict}>
              <span className={`badge badge-${c.verdict}`}>{t(`care.guard.verdict.${c.verdict}`)}</span>{' '}
              {c.verdict === 'contradicted' ? <strong>{c.text}</strong> : c.text}
              <span className="muted text-small"> · {c.kind}</span>
              {c.verdict === 'contradicted' && c.reason && <div className="text-small">{c.reason}</div>}
              {c.verdict !== 'supported' && evidenceLines(c.evidence).length > 0 && (
                <ul className="muted text-small">
                  {evidenceLines(c.evidence).map((line, j) => (
                    <li key={j}>
                      {t('care.guard.evidence')}
                      {t('common.colon')}
                      {line}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A model-written text after the guard: plain message when no model, else text + claims + citations. */
export function GuardedTextView({ value, testId }: { value: GuardedText; testId: string }) {
  const { t } = useTranslation();
  if (value.status !== 'ok') {
    return (
      <div className="notice" role="status" data-testid={`${testId}-status`} data-status={value.status}>
        <strong>
          {value.status === 'model-not-configured' ? t('care.modelNotConfigured') : t('care.modelError')}
        </strong>
        {value.message ? <p>{value.message}</p> : null}
      </div>
    );
  }
  return (
    <div data-testid={testId}>
      <div className="care-text">{value.text}</div>
      <GuardClaims guard={value.guard} />
      <Citations citations={value.citations} />
    </div>
  );
}

/** The care plan's lifestyle goals, each with its advice, expected SBP reduction and source (clinician and patient views). */
export function LifestyleGoals({ goals, lang }: { goals: readonly LifestyleGoal[]; lang: string }) {
  const { t } = useTranslation();
  return (
    <ul className="care-list">
      {goals.map((g) => (
        <li key={g.domain}>
          <strong>
            {t(`care.domain.${g.domain}`)}: {pick(g.goal, lang)}
          </strong>
          <p>{pick(g.advice, lang)}</p>
          {g.expectedSbpReduction !== undefined && (
            <p className="muted">{t('care.expectedReduction', { value: g.expectedSbpReduction })}</p>
          )}
          <p className="care-source">
            {t('care.source')}
            {t('common.colon')}
            {sourceText(g.source, lang)}
          </p>
        </li>
      ))}
    </ul>
  );
}
