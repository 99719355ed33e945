/** Pharmacist review queue (前置审方): queue with review findings, approve/return, daily report. */
export {
  createPharmacyReviewRoutes,
  PHARMACY_OPENAPI,
  type PharmacyReviewRouteDeps,
  type QueueItem,
} from './pharmacy-routes.ts';
export { dailyReport, type DailyReport } from './daily-report.ts';
export {
  REVIEW_EXTENSION,
  readReview,
  withReview,
  type ReviewRecord,
  type ReviewState,
  type ReviewedFinding,
} from './review-state.ts';
export { loadChart, reviewOrder, type PatientChart } from './review-order.ts';
/** The wire contract of this package's routes (type-only; the console imports it from `@qihuang/pharmacy-review/api-types`). */
export type * from './api-types/index.ts';
/** Findings in one language with sources named from the one source-name table (the CDS cards use it too). */
export { languageOf, localizeFinding } from './localize.ts';
export { sourceOnce } from './source-once.ts';
export { sectionsInWords } from './section-words.ts';
/** Signed orders awaiting the pharmacist (decision 0017): care's signing marks them, approval activates them. */
export {
  AWAITING_REVIEW_REASON,
  RETURNED_REASON,
  SIGNATURE_EXTENSION,
  isAwaitingReview,
  isReturnedSigned,
  priorIdOf,
  withStatusReason,
} from './awaiting-review.ts';
/** The order a switch or dose change replaces: stopped (statusReason replaced) when the change becomes active. */
export { REPLACED_REASON, currentPrior, replacementProvenance, stoppedAsReplaced } from './replaced-order.ts';
/** A finding on an approved order that the approval did not see (issue 20): care's approved cards mark it too. */
export { afterApproval } from './after-approval.ts';
/** Two pending changes of one order (issue 20/19): a critical finding on each, and approval of a stale one refused. */
export { samePriorFindings, replacedMeanwhile, SAME_PRIOR_RULE } from './same-prior.ts';
