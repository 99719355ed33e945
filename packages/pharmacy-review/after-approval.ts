/**
 * Whether a review finding on an approved order appeared after the pharmacist's approval (issue 20): the approval
 * recorded the findings seen then (review-state.ts); one that is not among them came later — a new lab, a new
 * condition, a new order — and the card says so instead of showing it as approved over. `at` is the time of the
 * result behind it (the lab the finding cites) when that came after the approval. Pure.
 */
import type { Finding, PatientContext } from '@qihuang/engines/prescription-review';
import type { ReviewRecord } from './api-types/index.ts';

type Labs = PatientContext['labs'];

/** The lab a finding cites ("lab:potassium=5.8", "egfr=25") → its observation time. */
function evidenceTime(f: Finding, labs: Labs): { ms: number; at: string } | undefined {
  let latest: { ms: number; at: string } | undefined;
  for (const fact of f.evidence.facts) {
    const key = /^lab:(\w+)=/.exec(fact)?.[1] ?? /^(egfr|crcl|creatinine)=/.exec(fact)?.[1];
    const at = key ? (labs as Record<string, { at?: string } | undefined>)[key]?.at : undefined;
    const ms = at ? Date.parse(at) : Number.NaN;
    if (at && Number.isFinite(ms) && (latest === undefined || ms > latest.ms)) latest = { ms, at };
  }
  return latest;
}

export function afterApproval(
  f: Finding,
  review: ReviewRecord,
  context: Pick<PatientContext, 'labs'>,
): { at?: string } | undefined {
  if (review.state !== 'approved') return undefined;
  if (review.findings.some((r) => r.id === f.id)) return undefined;
  const at = evidenceTime(f, context.labs);
  const approvedAt = review.at ? Date.parse(review.at) : Number.NaN;
  return at !== undefined && (!Number.isFinite(approvedAt) || at.ms > approvedAt) ? { at: at.at } : {};
}
