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

/**
 * Reasons for returning a prescription, after the suitability checks of 《医疗机构处方审核规范》(国卫办医发〔2018〕14号):
 * indication, dose and usage, quantity, dosage form and route, duplication, interaction or incompatibility,
 * contraindication (special populations, organ function), allergy, an incomplete prescription, or other.
 */
export const RETURN_REASONS = [
  'indication',
  'dose',
  'quantity',
  'route',
  'duplication',
  'interaction',
  'contraindication',
  'allergy',
  'incomplete',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/**
 * What the return form still needs: a reason chosen from the list (required), and the details — required only for
 * "other", where the list says nothing.
 */
export function missingReturnFields(
  code: ReturnReason | '',
  detail: string,
): ('reasonCode' | 'reasonDetail')[] {
  if (!code) return ['reasonCode'];
  if (code === 'other' && !detail.trim()) return ['reasonDetail'];
  return [];
}

/** The reason the prescriber reads: the chosen reason's words, then the details ("剂量不适宜：…"). */
export function returnReasonText(label: string, detail: string, separator: string): string {
  const d = detail.trim();
  return d ? `${label}${separator}${d}` : label;
}

/**
 * A return reason in the screen's language (issue 20: "重复给药" on the English pharmacist screen): the category a
 * pharmacist chose, written in whichever language their screen had (`known`: each language's labels by code), is
 * worded with `target`'s label and separator; the details stay as written. A reason with no known category is
 * returned unchanged.
 */
export function reasonInLanguage(
  text: string,
  known: readonly Partial<Record<ReturnReason, string>>[],
  target: { labels: Partial<Record<ReturnReason, string>>; separator: string },
): string {
  let best: { code: ReturnReason; length: number } | undefined;
  for (const labels of known)
    for (const code of RETURN_REASONS) {
      const label = labels[code];
      if (!label || !text.startsWith(label) || (best && best.length >= label.length)) continue;
      const rest = text.slice(label.length);
      if (rest === '' || /^\s*[:：]/.test(rest)) best = { code, length: label.length };
    }
  const label = best && target.labels[best.code];
  if (!best || !label) return text;
  const detail = text
    .slice(best.length)
    .replace(/^\s*[:：]\s*/, '')
    .trim();
  return detail ? `${label}${target.separator}${detail}` : label;
}
