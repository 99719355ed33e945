/**
 * The pharmacist's queue cards (split from pharmacy-page.tsx): a patient's group — name, open emergency and facts
 * said once (queue-groups.ts, issue 20) — and each order's card with its own findings and the approve/return
 * buttons.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { QueueItem, ReviewFinding, Severity } from './pharmacy-api.ts';
import { formatInZone } from '../../lib/zone-time.ts';
import { cardTimes } from './card-times.ts';
import type { PatientGroup } from './queue-groups.ts';
import { PatientFacts, usePersonLabel } from './patient-facts.tsx';
import { reasonForScreen } from './reason-for-screen.ts';
import { replacesWords } from './replaces-words.ts';

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${severity}`}>{t(`pharmacy.severities.${severity}`)}</span>;
}

export function PatientGroupView({
  group,
  timeZone,
  onAct,
}: {
  group: PatientGroup;
  timeZone: string | undefined;
  onAct: (item: QueueItem, action: 'approve' | 'return') => void;
}) {
  const { t } = useTranslation();
  const headingId = `rx-patient-${group.key}`;
  const first = group.items[0]?.item;
  const approved = first ? cardTimes(first, timeZone, '').reviewed : undefined;
  return (
    <li
      className="rx-patient-group"
      aria-labelledby={headingId}
      data-testid="rx-patient-group"
      data-patient={group.patient.id}
    >
      <h2 id={headingId} className="rx-patient-name">
        {group.patient.name || group.patient.id || t('pharmacy.unknownPatient')}{' '}
        <span className="muted">{t('pharmacy.orderCount', { count: group.items.length })}</span>
      </h2>
      {/* The patient's open emergency leads the facts (issue 20): check it with the prescriber. Said once per
          patient: the finding with its detail and source, else the line (open-emergency.ts, queue-groups.ts). */}
      {group.emergency.lead.length > 0 && (
        <ul
          className="finding-list emergency-lead notice notice-error"
          role="alert"
          data-testid="rx-open-emergency"
        >
          {group.emergency.lead.map((f) => (
            <FindingView key={f.id} finding={f} approved={approved} />
          ))}
        </ul>
      )}
      {group.emergency.lines.map((line) => (
        <p key={line} className="notice notice-error" role="alert" data-testid="rx-open-emergency">
          {line}
        </p>
      ))}
      <PatientFacts patient={group.patient} timeZone={timeZone} />
      <ul className="alert-list">
        {group.items.map(({ item, findings, emergencyIds }) => (
          <QueueEntry
            key={item.id}
            item={item}
            findings={findings}
            emergencyIds={emergencyIds}
            timeZone={timeZone}
            onAct={(action) => onAct(item, action)}
          />
        ))}
      </ul>
    </li>
  );
}

function QueueEntry({
  item,
  findings,
  emergencyIds,
  timeZone,
  onAct,
}: {
  item: QueueItem;
  /** The order's findings other than the patient's open emergency (said once on the group). */
  findings: ReviewFinding[];
  emergencyIds: string[];
  /** The hospital's zone: card times read as the daily report counts its day. */
  timeZone: string | undefined;
  onAct: (action: 'approve' | 'return') => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const times = cardTimes(item, timeZone, lang);
  const person = usePersonLabel();
  const headingId = `rx-${item.id}`;
  // The open emergency is said on the patient's group; an order approved over it keeps the pharmacist's reason.
  const emergencyOverrides = item.review.findings
    .filter((r) => emergencyIds.includes(r.id) && r.override)
    .map((r) => r.override!);
  const reviewer = item.reviewer ? person(item.reviewer.name, item.reviewer.role) : item.review.by;
  return (
    <li className={`alert-item severity-${item.severity ?? 'ok'}`} aria-labelledby={headingId}>
      <div className="alert-body">
        <div className="alert-head">
          {item.severity ? (
            <SeverityBadge severity={item.severity} />
          ) : (
            <span className="badge badge-ok">{t('pharmacy.noFindings')}</span>
          )}
          <h3 id={headingId} className="alert-patient">
            {item.medication}
          </h3>
          <span className="muted">
            {item.dosage ? `${item.dosage} · ` : ''}
            {supplyLine(item.supply, t)}
            {times.written}
            {item.requester ? ` · ${person(item.requester, item.requesterRole)}` : ''}
          </span>
        </div>
        {emergencyOverrides.map((reason) => (
          <p key={reason} className="notice" data-testid="rx-emergency-override">
            {t('pharmacy.emergencyOverride', { reason })}
          </p>
        ))}
        {/* What the prescriber signed over (issue 20): the critical issues acknowledged at signing. */}
        {item.acknowledged && (
          <p className="notice" data-testid="rx-acknowledged">
            {item.acknowledged}
          </p>
        )}
        {/* A switch or dose change names the order it replaces (issue 20/19): the pair is no duplicate. */}
        {/* Awaiting review it says what approval will do; a replaced order stopped meanwhile is said (issue 20). */}
        {item.replaces &&
          (() => {
            const words = replacesWords(item.replaces, item.review.state, (iso) =>
              formatInZone(iso, timeZone, lang),
            );
            return (
              <p className="notice" data-testid="rx-replaces" data-key={words.key}>
                <strong>{t(`pharmacy.replaces.${item.replaces.kind}`)}</strong>
                {t('pharmacy.labelSeparator')}
                {t(words.key, words.values)}
              </p>
            );
          })()}
        {item.note && (
          <p className="prescriber-note" data-testid="rx-note">
            <strong>{t('pharmacy.prescriberNote')}</strong>
            {t('pharmacy.labelSeparator')}
            {item.note}
          </p>
        )}
        {item.review.state !== 'pending' && (
          <p>
            <strong>{t(`pharmacy.statuses.${item.review.state}`)}</strong>
            {reviewer ? ` · ${reviewer}` : ''}
            {times.reviewed ? ` · ${times.reviewed}` : ''}
            {item.review.reason ? ` · ${reasonForScreen(item.review.reason, i18n.language)}` : ''}
          </p>
        )}
        {findings.length > 0 && (
          <ul className="finding-list">
            {findings.map((f) => (
              <FindingView
                key={f.id}
                finding={f}
                override={item.review.findings.find((r) => r.id === f.id)?.override}
                approved={times.reviewed}
                resultAt={f.afterApproval?.at ? formatInZone(f.afterApproval.at, timeZone, lang) : undefined}
              />
            ))}
          </ul>
        )}
      </div>
      {item.review.state === 'pending' && item.approvalRefused && (
        // Approval would be refused (the order it replaces was replaced meanwhile): say why, offer only return.
        <p className="notice" role="status" data-testid="rx-approval-refused">
          {item.approvalRefused}
        </p>
      )}
      {item.review.state === 'pending' && (
        <div className="alert-actions">
          {!item.approvalRefused && (
            <button
              type="button"
              className="button primary"
              aria-describedby={headingId}
              onClick={() => onAct('approve')}
            >
              {t('pharmacy.approve')}
            </button>
          )}
          <button
            type="button"
            className="button"
            aria-describedby={headingId}
            onClick={() => onAct('return')}
          >
            {t('pharmacy.return')}
          </button>
        </div>
      )}
    </li>
  );
}

/** 天数 / 总量 the order carries, then a separator ('' when it carries none). */
function supplyLine(supply: QueueItem['supply'], t: TFunction) {
  if (!supply) return '';
  const text =
    supply.days !== undefined && supply.quantity
      ? t('pharmacy.supply', { days: supply.days, quantity: supply.quantity })
      : supply.days !== undefined
        ? t('pharmacy.supplyDays', { days: supply.days })
        : t('pharmacy.supplyQuantity', { quantity: supply.quantity });
  return `${text} · `;
}

function FindingView({
  finding,
  override,
  approved,
  resultAt,
}: {
  finding: ReviewFinding;
  override?: string | undefined;
  /** The approval time as the card shows it. */
  approved?: string | undefined;
  /** The time of the result behind a finding that appeared after the approval. */
  resultAt?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <li data-after-approval={finding.afterApproval ? 'true' : undefined}>
      <SeverityBadge severity={finding.severity} /> <strong>{finding.summary}</strong>
      {finding.afterApproval && (
        <p className="notice" data-testid="rx-finding-after-approval">
          {resultAt
            ? t('pharmacy.afterApprovalResult', { approved: approved ?? '', at: resultAt })
            : t('pharmacy.afterApproval', { approved: approved ?? '' })}
        </p>
      )}
      {finding.acknowledged && (
        <span className="muted" data-testid="rx-finding-acknowledged">
          {' '}
          {t('pharmacy.acknowledgedBySigner')}
        </span>
      )}
      <p>{finding.detail}</p>
      <p className="muted">
        {t('pharmacy.source')}
        {t('pharmacy.labelSeparator')}
        {finding.source.url ? (
          <a href={finding.source.url} target="_blank" rel="noreferrer">
            {finding.source.label}
          </a>
        ) : (
          finding.source.label
        )}
        {finding.source.citation ? ` — ${finding.source.citation}` : ''}
      </p>
      {override && (
        <p>
          {t('pharmacy.overrideReason')}
          {t('pharmacy.labelSeparator')}
          {override}
        </p>
      )}
    </li>
  );
}
