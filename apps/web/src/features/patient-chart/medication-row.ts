/**
 * One order on the chart Overview's 用药 list (issue 20 follow-up): its status in the page language — an order
 * signed and with the pharmacist is 待药师审核 / Awaiting pharmacist review (decision 0017), never 草稿, so the
 * doctor does not draft it again — and, for an active order signed on this platform, its 处方笺. Pure.
 */
import { medicationStatus, statusKey } from './chart-words.ts';

const SIGNATURE_EXTENSION = 'urn:qihuang:signed'; // @qihuang/pharmacy-review SIGNATURE_EXTENSION
const AWAITING_REASON = 'awaiting-pharmacist-review'; // @qihuang/pharmacy-review awaiting-review.ts

export interface ChartOrder {
  id?: string;
  status?: string;
  intent?: string;
  statusReason?: { coding?: { system?: string; code?: string }[] };
  extension?: {
    url?: string;
    valueString?: string;
    extension?: { url?: string; valueCode?: string }[];
  }[];
}

function awaitingReview(m: ChartOrder): boolean {
  return m.status === 'draft' && Boolean(m.statusReason?.coding?.some((c) => c.code === AWAITING_REASON));
}

/** The message key of the order's status on the chart; undefined for a code with no word. */
export function medicationStatusKey(m: ChartOrder): string | undefined {
  if (awaitingReview(m)) return 'careDraft.groups.awaiting';
  return statusKey(medicationStatus(m));
}

/** The console path of the order's 处方笺 when it is active and was signed here; else undefined. */
export function slipPath(m: ChartOrder): string | undefined {
  if (!m.id || m.status !== 'active') return undefined;
  if (!m.extension?.some((e) => e.url === SIGNATURE_EXTENSION)) return undefined;
  return `/prescriptions/${encodeURIComponent(m.id)}/print`;
}

/**
 * Whether the order belongs on the 用药 list (issue 20 try): a withdrawn or superseded draft (cancelled), an order
 * entered in error and one the pharmacist returned (the Care tab lists it with the reason) leave it; the
 * patient's history keeps every version.
 */
export function onMedicationList(m: ChartOrder): boolean {
  if (m.status === 'cancelled' || m.status === 'entered-in-error') return false;
  return medicationStatus(m) !== 'returned';
}
