/**
 * A care API refusal in the page's language (issue 20: "MedicationRequest/htn-… is cancelled; only a draft can be
 * signed" on a Chinese screen). The server's stable reason ids (care.not-draft:<status>, care.awaiting-review,
 * a critical finding's id) and its error codes map to i18n keys; the server's own text stays as the detail. Pure.
 */
import { isApiError } from '../../api/index.ts';

export type CareAction = 'sign' | 'cancel' | 'propose';

export interface CareErrorMessage {
  key: string;
  values?: Record<string, string>;
  /** The i18n key of the status named in `values.status`, translated by the caller. */
  statusKey?: string;
  /** The server's text (any language), shown as detail. */
  detail?: string;
  /** The draft is no longer what the page shows: re-read the drafts. */
  stale?: boolean;
  /** The server wrote the detail in the page's language (a proposal refused for want of readings): shown as is. */
  localized?: boolean;
}

const FAILED: Record<CareAction, string> = {
  sign: 'careSign.errors.signFailed',
  cancel: 'careSign.errors.cancelFailed',
  propose: 'careSign.errors.proposeFailed',
};

export function careErrorMessage(
  action: CareAction,
  error: unknown,
  criticalIds: readonly string[] = [],
): CareErrorMessage {
  if (!isApiError(error))
    return { key: FAILED[action], detail: error instanceof Error ? error.message : String(error) };
  const detail = error.message;
  const said = [error.message, ...error.issues];
  if (error.status === 0) return { key: 'careSign.errors.network' };
  const notDraft = said.map((m) => /^care\.not-draft:([a-z-]+)/.exec(m)?.[1]).find(Boolean);
  if (notDraft) {
    // An unsigned proposal found cancelled was withdrawn meanwhile — by a newer proposal, or on another screen (the
    // server keeps no mark of which: the message says both, second non-author try).
    if (notDraft === 'cancelled') return { key: 'careSign.errors.withdrawnByProposal', detail, stale: true };
    return {
      key: 'careSign.errors.notDraft',
      statusKey: `careSign.status.${notDraft}`,
      detail,
      stale: true,
    };
  }
  // A second pending change of one order (packages/care same-prior.ts): the server words the reason in the page's
  // language; it is the message, visible, not folded under details (issue 20).
  if (said.some((m) => m.startsWith('care.second-pending-replacement')))
    return { key: FAILED[action], detail, localized: true };
  if (said.some((m) => m.startsWith('care.awaiting-review')))
    return { key: 'careSign.errors.awaitingReview', detail, stale: true };
  if (action === 'sign' && error.status === 409 && criticalIds.some((id) => said.join(' ').includes(id)))
    return { key: 'careSign.errors.criticalUnacknowledged', detail };
  // A proposal's 400 (no readings) is worded by the server in the language the console asked for.
  if (action === 'propose' && error.status === 400) return { key: FAILED.propose, detail, localized: true };
  if (error.status === 403) return { key: 'careSign.errors.forbidden', detail };
  if (error.status === 404) return { key: 'careSign.errors.notFound', detail, stale: action !== 'propose' };
  return { key: FAILED[action], detail };
}
