/**
 * The approve/return form's rules, kept pure for tests: approving over a warning or critical finding needs an
 * override reason for each one (the server refuses otherwise); returning needs a reason.
 */
import type { QueueItem } from './pharmacy-api.ts';

/** Findings that need an override reason to approve: every warning and critical finding. */
export const findingsNeedingReason = (item: QueueItem) => item.findings.filter((f) => f.severity !== 'info');

/** Ids of the findings still without a reason; empty when the form may be sent. */
export function missingReasons(
  item: QueueItem,
  action: 'approve' | 'return',
  reason: string,
  overrides: Record<string, string>,
): string[] {
  if (action === 'return') return reason.trim() ? [] : ['reason'];
  return findingsNeedingReason(item)
    .filter((f) => !overrides[f.id]?.trim())
    .map((f) => f.id);
}

/** The override reasons to send: trimmed, only for findings of this item. */
export function overridesToSend(item: QueueItem, overrides: Record<string, string>): Record<string, string> {
  const ids = new Set(item.findings.map((f) => f.id));
  return Object.fromEntries(
    Object.entries(overrides)
      .map(([id, r]) => [id, r.trim()] as const)
      .filter(([id, r]) => ids.has(id) && r),
  );
}
