/**
 * 天数 / 总量 of an order (FHIR MedicationRequest.dispenseRequest) in the card's language: the days of supply as
 * a number, the quantity in tablets worded ('28 片', '28 tablets') or, in any other unit, as written. Pure.
 */
import type { Language } from './api-types/index.ts';

export interface DispenseRequest {
  quantity?: { value?: number; unit?: string; code?: string };
  expectedSupplyDuration?: { value?: number; unit?: string; code?: string };
}

/** UCUM duration codes in days (the card counts days). */
const DAYS_PER: Record<string, number> = { d: 1, wk: 7 };

export function supplyText(
  dr: DispenseRequest | undefined,
  lang: Language,
): { days?: number; quantity?: string } | undefined {
  if (!dr) return undefined;
  const q = dr.quantity;
  const tablet = q?.code === '{tbl}' || q?.unit === 'tablet' || q?.unit === '片';
  const quantity =
    q?.value === undefined
      ? undefined
      : tablet
        ? lang === 'zh-CN'
          ? `${q.value} 片`
          : `${q.value} ${q.value === 1 ? 'tablet' : 'tablets'}`
        : `${q.value} ${q.unit ?? q.code ?? ''}`.trim();
  const d = dr.expectedSupplyDuration;
  const per = DAYS_PER[d?.code ?? (d?.unit === 'days' || d?.unit === 'day' ? 'd' : '')];
  const days = d?.value !== undefined && per !== undefined ? d.value * per : undefined;
  if (quantity === undefined && days === undefined) return undefined;
  return { ...(days !== undefined ? { days } : {}), ...(quantity !== undefined ? { quantity } : {}) };
}
