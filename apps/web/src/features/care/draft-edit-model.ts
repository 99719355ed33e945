/**
 * The draft edit form's values and checks (issue 20), pure: the form starts from the draft's values; a quantity
 * left empty is counted by the server from the strengths; the checks the server makes are made first so a wrong
 * value is said in the page's language before anything is sent (a dose above the drug's maximum daily dose is
 * refused, decision 0019); only what changed is sent. The refusals of the server: its dose-limit and unit text
 * is in the page's language already; other 400s are named generally with the server's text as detail.
 */
import { isApiError } from '../../api/index.ts';
import type { DraftEdit, DraftEditForm, DraftFrequency } from '../../api/care.ts';

export interface EditValues {
  dose: string;
  unit: string;
  frequency: DraftFrequency;
  days: string;
  quantity: string;
}

const TIMES: Record<DraftFrequency, number> = { qd: 1, bid: 2, tid: 3, qid: 4, qn: 1 };

export function initialValues(form: DraftEditForm): EditValues {
  return {
    dose: form.dose ? String(form.dose.value) : '',
    unit: form.dose?.unit ?? form.units[0]?.code ?? 'mg',
    frequency: form.frequency ?? 'qd',
    days: form.durationDays !== undefined ? String(form.durationDays) : '',
    quantity: form.quantity !== undefined ? String(form.quantity) : '',
  };
}

export type EditProblem =
  | { key: 'careDraft.errors.dose' }
  | { key: 'careDraft.errors.days'; values: { max: number } }
  | { key: 'careDraft.errors.quantity' }
  | { key: 'careDraft.errors.aboveMax'; values: { daily: number; max: number; unit: string } };

const num = (s: string) => (s.trim() === '' ? undefined : Number(s.trim().replace('，', '.')));

/** The edit to send, or the first problem in the page's language. `quantityTouched`: the user typed it. */
export function editFrom(
  form: DraftEditForm,
  values: EditValues,
  quantityTouched: boolean,
): { edit: DraftEdit } | { problem: EditProblem } {
  const dose = num(values.dose);
  if (dose === undefined || !Number.isFinite(dose) || dose <= 0)
    return { problem: { key: 'careDraft.errors.dose' } };
  const days = num(values.days);
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > form.maxDays))
    return { problem: { key: 'careDraft.errors.days', values: { max: form.maxDays } } };
  const quantity = num(values.quantity);
  if (quantity !== undefined && (!Number.isInteger(quantity) || quantity <= 0))
    return { problem: { key: 'careDraft.errors.quantity' } };
  const max = form.maxDaily;
  const daily = Number((dose * TIMES[values.frequency]).toFixed(6));
  if (max && max.unit === values.unit && daily > max.value)
    return {
      problem: { key: 'careDraft.errors.aboveMax', values: { daily, max: max.value, unit: max.unit } },
    };
  const edit: DraftEdit = {};
  if (!form.dose || form.dose.value !== dose || form.dose.unit !== values.unit)
    edit.dose = { value: dose, unit: values.unit };
  if (form.frequency !== values.frequency) edit.frequency = values.frequency;
  if (days !== undefined && days !== form.durationDays) edit.durationDays = days;
  // A quantity typed by the prescriber is sent; otherwise the server counts it for the new dose and days.
  if (quantityTouched && quantity !== undefined) edit.quantity = quantity;
  return { edit };
}

/** A refusal of the edit: the server's localized text for its own checks (400 with a reason id), else general. */
export function editRefusal(error: unknown): { key: string; detail?: string; localized?: boolean } {
  if (!isApiError(error))
    return { key: 'careDraft.errors.failed', detail: String((error as Error)?.message ?? error) };
  if (error.status === 0) return { key: 'careSign.errors.network' };
  const said = [error.message, ...error.issues];
  if (said.some((m) => /^care\.(dose-above-max|dose-unit|edit-incomplete)/.test(m)))
    return { key: 'careDraft.errors.failed', detail: error.message, localized: true };
  if (said.some((m) => m.startsWith('care.awaiting-review')))
    return { key: 'careSign.errors.awaitingReview' };
  if (said.some((m) => m.startsWith('care.not-draft'))) return { key: 'careSign.errors.withdrawnByProposal' };
  if (error.status === 403) return { key: 'careSign.errors.forbidden' };
  if (error.status === 400) return { key: 'careDraft.errors.invalid', detail: error.message };
  return { key: 'careDraft.errors.failed', detail: error.message };
}
