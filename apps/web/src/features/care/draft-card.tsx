/**
 * One prescription draft on the clinician's care tab: dosage, a dose change named as a change of the active
 * order ("change Amlodipine 5 mg → 10 mg", issue 20), the pharmacist's return with reason, who and when (revise
 * or withdraw; a returned draft is not signed as it stands), a signed order awaiting the pharmacist's review
 * (not yet the patient's medication, decision 0017: withdraw only), review findings per draft with critical ones
 * acknowledged before signing (only where it can be signed), and times in the care tab's zone. An open emergency
 * leads the card (issue 20); signing asks for confirmation first (sign-dialog.tsx); refusals are worded in the
 * page's language (care-errors.ts) and a draft found withdrawn or signed elsewhere re-reads the list (`onStale`).
 * Dose, frequency, days and quantity are edited in place before signing (draft-edit.tsx), and 总量/天数 shown.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { care, type DraftView } from '../../api/care.ts';
import { can, useAuth } from '../../auth/auth-context.tsx';
import {
  allAcknowledged,
  careLanguage,
  criticalFindingIds,
  missingAcknowledgements,
  pick,
  worstSeverity,
} from './care-model.ts';
import { SeverityBadge } from './care-ui.tsx';
import { useCareTime } from './care-zone.tsx';
import { doseChange, pendingChangeKey } from './draft-change.ts';
import { reasonForScreen } from '../pharmacy/reason-for-screen.ts';
import { canAcknowledge, draftPhase, isEmergencyFinding } from './draft-phase.ts';
import { careErrorMessage, type CareErrorMessage } from './care-errors.ts';
import { CareErrorView } from './care-error-view.tsx';
import { SignDialog } from './sign-dialog.tsx';
import { DraftEditPanel } from './draft-edit.tsx';

export function DraftCard({
  draft,
  onChange,
  onRevise,
  onStale,
  onAct,
  patientName,
}: {
  draft: DraftView;
  onChange: (d: DraftView) => void;
  /**
   * The draft is not what the page shows any more (withdrawn by a newer proposal, signed elsewhere): the page says
   * why (`message`, kept on the page: the re-read may take this card away, issue 20) and re-reads its drafts.
   */
  onStale?: (message: CareErrorMessage) => void;
  /** An action starts here: the page's earlier message goes. */
  onAct?: () => void;
  patientName?: string | undefined;
  /** Withdraws the returned draft and proposes again. */
  onRevise?: (d: DraftView) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const time = useCareTime();
  const { me } = useAuth();
  const [acknowledged, setAcknowledged] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CareErrorMessage | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [confirmingWithdraw, setConfirmingWithdraw] = useState(false);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const canSign = me ? can.careSign(me.role) : false;
  const critical = criticalFindingIds(draft);
  const severity = worstSeverity(draft);
  const headingId = `draft-${draft.id}`;

  const phase = draftPhase(draft);
  const returned = phase === 'returned' ? draft.returned : undefined;
  const awaiting = phase === 'awaiting-review';
  const change =
    (draft.status === 'draft' || draft.status === 'active') && draft.priorPrescription
      ? doseChange(draft.priorPrescription.display, draft.display, t('careDraft.currentOrder'))
      : undefined;

  const emergencies = draft.findings.filter(isEmergencyFinding);

  async function act(kind: 'sign' | 'cancel' | 'revise') {
    setConfirming(false);
    setConfirmingWithdraw(false);
    setBusy(true);
    setError(null);
    onAct?.();
    try {
      const language = careLanguage(i18n.language);
      if (kind === 'revise') await onRevise?.(draft);
      else
        onChange(
          kind === 'sign'
            ? await care.sign(draft.id, [...acknowledged], language)
            : await care.cancel(draft.id, language),
        );
    } catch (err) {
      const message = careErrorMessage(
        kind === 'sign' ? 'sign' : kind === 'cancel' ? 'cancel' : 'propose',
        err,
        critical,
      );
      // A stale draft's message is the page's (onStale): the card may go when the page re-reads its drafts.
      if (!(message.stale && onStale)) setError(message);
      if (message.key === 'careSign.errors.criticalUnacknowledged' && err instanceof Error) {
        const missing = missingAcknowledgements(
          draft,
          err.message,
          (err as { issues?: string[] }).issues ?? [],
        );
        if (missing.length > 0)
          setAcknowledged((cur) => new Set([...cur].filter((id) => !missing.includes(id))));
      }
      if (message.stale) onStale?.(message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li
      className={`care-draft status-${draft.status}${severity ? ` severity-${severity}` : ''}`}
      aria-labelledby={headingId}
      data-testid="draft"
      data-status={draft.status}
      data-id={draft.id}
    >
      <div className="care-row">
        <h4 id={headingId} className="alert-patient">
          {draft.display}
        </h4>
        {returned ? (
          <span className="badge badge-missed" data-testid="draft-status" data-returned="true">
            {t('care.draftReview.returned')}
          </span>
        ) : awaiting ? (
          <span className="badge badge-info" data-testid="draft-status" data-awaiting-review="true">
            {t('care.draftReview.awaiting')}
          </span>
        ) : (
          <span
            className={`badge ${draft.status === 'active' ? 'badge-ok' : 'badge-muted'}`}
            data-testid="draft-status"
          >
            {/* One word for a withdrawn draft, as its heading and button say (撤回, issue 20). */}
            {draft.status === 'cancelled' ? t('careDraft.withdrawn') : t(`care.draftStatus.${draft.status}`)}
          </span>
        )}
      </div>
      {emergencies.map((f) => (
        <p key={f.id} className="notice notice-error" role="alert" data-testid="draft-emergency">
          <strong>
            {t('careSign.emergencyLead')}
            {t('common.colon')}
          </strong>
          {pick(f.summary, lang)}
        </p>
      ))}
      {change && (
        <p data-testid="draft-change">
          <span className="badge badge-info">{t(change.badge)}</span>{' '}
          {/* Once in effect (approved, or signed without review) the order it replaced is stopped (issue 20/19). */}
          {draft.status === 'active'
            ? t(change.drug ? 'careDraft.changeDoseDone' : 'careDraft.changeFromToDone', { ...change })
            : // By the review setting: with pharmacist review on, the current order stops on approval.
              t(
                pendingChangeKey(change, {
                  ...draft,
                  awaitingReview: awaiting || draft.awaitingReview === true,
                }),
                {
                  ...change,
                },
              )}
        </p>
      )}
      {awaiting && (
        <p className="notice" role="status" data-testid="draft-awaiting-review">
          {t('care.draftReview.awaitingNote')}
        </p>
      )}
      {draft.dosage && <p data-testid="draft-dosage">{draft.dosage}</p>}
      {draft.supply && (
        <p className="draft-supply" data-testid="draft-supply">
          {draft.supply.quantity
            ? t('careDraft.supply', { quantity: draft.supply.quantity, days: draft.supply.days ?? '—' })
            : t('careDraft.supplyDays', { days: draft.supply.days })}
        </p>
      )}
      {saved && !editing && (
        <p className="notice" role="status" data-testid="draft-edit-saved">
          {t('careDraft.saved')}
        </p>
      )}
      {editing && draft.edit && (
        <DraftEditPanel
          draft={draft}
          onClose={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            setSaved(true);
            setAcknowledged(new Set());
            onChange(next);
          }}
        />
      )}
      {returned && (
        <div className="notice notice-error" role="status" data-testid="draft-returned">
          <strong>
            {t('care.draftReview.returnedBy', { name: returned.by ?? '—', date: time(returned.at) })}
          </strong>
          <p>
            {t('care.draftReview.reason')}
            {t('common.colon')}
            {reasonForScreen(returned.reason, i18n.language)}
          </p>
        </div>
      )}
      <p className="care-source">
        {draft.status === 'active' || awaiting
          ? t('care.signedBy', { name: draft.signedBy ?? '—', date: time(draft.signedAt) })
          : t('care.clinician.drafted', { date: time(draft.createdAt) })}
      </p>
      {draft.approved && (
        <p className="care-source" data-testid="draft-approved">
          {t('careDraft.approvedBy', { name: draft.approved.by ?? '—', date: time(draft.approved.at) })}
        </p>
      )}
      {draft.findings.length === 0 ? (
        <p className="muted" data-testid="no-review-findings">
          {t('care.clinician.noReviewFindings')}
        </p>
      ) : (
        <ul className="finding-list" data-testid="review-findings">
          {draft.findings.map((f) => (
            <li key={f.id}>
              <SeverityBadge severity={f.severity} /> <strong>{pick(f.summary, lang)}</strong>
              {/* Not among what the pharmacist approved: it came later (issue 20). */}
              {f.afterApproval && (
                <p className="notice" data-testid="finding-after-approval">
                  {f.afterApproval.at
                    ? t('careDraft.afterApprovalResult', {
                        date: time(draft.approved?.at),
                        at: time(f.afterApproval.at),
                      })
                    : t('careDraft.afterApproval', { date: time(draft.approved?.at) })}
                </p>
              )}
              <p>{pick(f.detail, lang)}</p>
              <p className="care-source">
                {t('care.source')}
                {t('common.colon')}
                {f.source.label}
                {f.source.citation ? ` — ${f.source.citation}` : ''}
              </p>
              {canAcknowledge(phase) && canSign && f.severity === 'critical' && (
                <label className="care-ack">
                  <input
                    type="checkbox"
                    checked={acknowledged.has(f.id)}
                    onChange={(e) =>
                      setAcknowledged((cur) => {
                        const next = new Set(cur);
                        if (e.target.checked) next.add(f.id);
                        else next.delete(f.id);
                        return next;
                      })
                    }
                    data-testid="acknowledge"
                  />
                  {t('care.clinician.acknowledge')}
                </label>
              )}
            </li>
          ))}
        </ul>
      )}
      {error ? <CareErrorView message={error} /> : null}
      {confirming && (
        <SignDialog
          draft={draft}
          patientName={patientName}
          acknowledged={acknowledged.size}
          onConfirm={() => void act('sign')}
          onClose={() => setConfirming(false)}
        />
      )}
      {/* A slip is a prescription once approved (active); an unsigned draft prints as a draft. Signed and with the
          pharmacist, or returned: no slip (decision 0017: not yet something the patient may take). */}
      {(draft.status === 'active' || phase === 'unsigned') && (
        <p className="no-print">
          <Link to={`/prescriptions/${encodeURIComponent(draft.id)}/print`} data-testid="print-slip-link">
            {draft.status === 'active' ? t('print.printSlip') : t('print.printDraft')}
          </Link>
        </p>
      )}
      {/* Withdrawing is asked first (issue 20): 返回 keeps the draft. */}
      {draft.status === 'draft' && confirmingWithdraw && (
        <div
          className="notice"
          role="group"
          aria-labelledby={`${headingId}-withdraw`}
          data-testid="withdraw-confirm"
        >
          <p id={`${headingId}-withdraw`}>{t('careDraft.withdrawConfirm')}</p>
          <div className="care-actions">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void act('cancel')}
              data-testid="withdraw-yes"
            >
              {t('careDraft.withdrawYes')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => setConfirmingWithdraw(false)}
              data-testid="withdraw-back"
            >
              {t('careDraft.withdrawBack')}
            </button>
          </div>
        </div>
      )}
      {draft.status === 'draft' && (
        <div className="care-actions">
          {returned && onRevise && (
            <button
              type="button"
              className="button primary"
              disabled={busy}
              aria-describedby={headingId}
              onClick={() => void act('revise')}
              data-testid="revise-draft"
            >
              {t('care.draftReview.revise')}
            </button>
          )}
          {draft.edit && canSign && !editing && (
            <button
              type="button"
              className="button"
              disabled={busy}
              aria-describedby={headingId}
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
              data-testid="edit-draft"
            >
              {t('careDraft.edit')}
            </button>
          )}
          {returned || awaiting ? null : canSign ? (
            <button
              type="button"
              className="button primary"
              disabled={busy || editing || !allAcknowledged(draft, acknowledged)}
              aria-describedby={headingId}
              onClick={() => setConfirming(true)}
              data-testid="sign-draft"
            >
              {t('care.clinician.sign')}
            </button>
          ) : (
            <span className="muted">{t('care.clinician.onlyClinicianSigns')}</span>
          )}
          <button
            type="button"
            className="button"
            disabled={busy}
            aria-describedby={headingId}
            onClick={() => setConfirmingWithdraw(true)}
            data-testid="cancel-draft"
          >
            {returned || awaiting ? t('care.draftReview.withdraw') : t('careDraft.withdrawDraft')}
          </button>
          {canAcknowledge(phase) &&
            canSign &&
            critical.length > 0 &&
            !allAcknowledged(draft, acknowledged) && (
              <span className="muted">{t('care.clinician.ackRequired', { count: critical.length })}</span>
            )}
        </div>
      )}
    </li>
  );
}
