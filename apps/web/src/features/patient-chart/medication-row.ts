/**
 * One order on the chart Overview's 用药 list (issue 20 follow-up): its status in the page language — an order
 * signed and with the pharmacist is 待药师审核 / Awaiting pharmacist review (decision 0017), never 草稿, so the
 * doctor does not draft it again — and, for an active order signed on this platform, its 处方笺. Pure.
 */
import type { CodeableConcept } from '@medplum/fhirtypes';
import { codeText, formatDate } from '../../lib/format.ts';
import { withoutSemanticTag } from './chart-dosage.ts';
import { medicationStatus, statusKey } from './chart-words.ts';

const SIGNATURE_EXTENSION = 'urn:qihuang:signed'; // @qihuang/pharmacy-review SIGNATURE_EXTENSION
const AWAITING_REASON = 'awaiting-pharmacist-review'; // @qihuang/pharmacy-review awaiting-review.ts
const REVIEW_EXTENSION = 'urn:qihuang:pharmacy-review'; // @qihuang/pharmacy-review REVIEW_EXTENSION
const REPLACED_REASON = 'replaced'; // @qihuang/pharmacy-review replaced-order.ts REPLACED_REASON

export interface ChartOrder {
  id?: string;
  status?: string;
  intent?: string;
  statusReason?: { coding?: { system?: string; code?: string }[] };
  authoredOn?: string;
  priorPrescription?: { reference?: string };
  medicationCodeableConcept?: CodeableConcept;
  extension?: {
    url?: string;
    valueString?: string;
    extension?: { url?: string; valueCode?: string; valueString?: string; valueDateTime?: string }[];
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

/** Statuses of an order that took the place of another: it was made actionable (it may have ended since). */
const TOOK_EFFECT = new Set(['active', 'on-hold', 'completed', 'stopped']);

/**
 * The order that replaced a stopped one (issue 20, H10): a switch or dose change names the order it replaces in
 * priorPrescription and, once in effect, that order is `stopped` with statusReason `replaced` (pharmacy-review
 * replaced-order.ts). `at`: when it took effect — the pharmacist's approval that stopped it (review record `at`
 * beside `stopped`), else the prescriber's signature (signed without pharmacy review), else the order's date.
 * Undefined when the order was not replaced, or the order replacing it is not among `orders`.
 */
export function replacementOf<T extends ChartOrder>(
  m: ChartOrder,
  orders: readonly T[],
): { order: T; at?: string } | undefined {
  if (!m.id || !isReplaced(m)) return undefined;
  const ref = `MedicationRequest/${m.id}`;
  const order = orders.find(
    (o) => o.priorPrescription?.reference === ref && TOOK_EFFECT.has(o.status ?? '') && o.id !== m.id,
  );
  if (!order) return undefined;
  const at = approvedAt(order, ref) ?? signedAt(order) ?? order.authoredOn;
  return at ? { order, at } : { order };
}

function isReplaced(m: ChartOrder): boolean {
  return m.status === 'stopped' && Boolean(m.statusReason?.coding?.some((c) => c.code === REPLACED_REASON));
}

function approvedAt(order: ChartOrder, stoppedRef: string): string | undefined {
  const review = order.extension?.find((e) => e.url === REVIEW_EXTENSION)?.extension ?? [];
  const value = (url: string) => {
    const part = review.find((x) => x.url === url);
    return part?.valueDateTime ?? part?.valueString ?? part?.valueCode;
  };
  return value('stopped') === stoppedRef ? value('at') : undefined;
}

function signedAt(order: ChartOrder): string | undefined {
  const raw = order.extension?.find((e) => e.url === SIGNATURE_EXTENSION)?.valueString;
  try {
    const at = raw ? (JSON.parse(raw) as { at?: unknown }).at : undefined;
    return typeof at === 'string' ? at : undefined;
  } catch {
    return undefined;
  }
}

/** A medicine's name and strength without a plain tablet form ("氯噻酮 12.5 mg 片" → "氯噻酮 12.5 mg"). */
function medicineName(concept: CodeableConcept | undefined, lang: string): string {
  return withoutSemanticTag(codeText(concept, lang))
    .replace(/\s*(?:oral\s+)?tablets?$/i, '')
    .replace(/\s*片$/, '')
    .trim();
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The order's status on the chart in the page language; a stopped order that a switch or dose change replaced says
 * by what and on which day in the patient's zone ("已停用（由 氯噻酮 12.5 mg 替换，2026-12-08）"), or that a new
 * order replaced it when that order is not in the list.
 */
export function medicationStatusText<T extends ChartOrder>(
  m: T,
  orders: readonly T[],
  t: Translate,
  lang: string,
  timeZone: string | undefined,
): string | undefined {
  const key = medicationStatusKey(m);
  const status = key ? t(key) : m.status;
  if (!isReplaced(m)) return status;
  const replacement = replacementOf(m, orders);
  const medication = replacement && medicineName(replacement.order.medicationCodeableConcept, lang);
  if (!replacement || !medication) return t('chart.replacedByNew', { status });
  const date = formatDate(replacement.at, lang, false, timeZone);
  return t(date ? 'chart.replacedBy' : 'chart.replacedByUndated', { status, medication, date });
}
