/**
 * A prescription draft's dose, frequency, days and quantity as the prescriber edits them (issue 20), pure: the
 * fixed frequency list (qd, bid, tid, qid, qn), the dose units a drug is ordered in (its dose facts' unit; a
 * single-pill combination in tablets), the quantity in tablets from the drug's strengths, the limit an edit may
 * not pass (the drug's maximum daily dose; docs/decisions/0019), and the order written back — dosageInstruction
 * (text, timing, dose) and dispenseRequest (quantity, expectedSupplyDuration in days, numberOfRepeatsAllowed 0).
 */
import type { DrugEntry } from '@qihuang/drug-knowledge';
import type { FhirResource } from '@qihuang/store';

export const FREQUENCY_CODES = ['qd', 'bid', 'tid', 'qid', 'qn'] as const;
export type FrequencyCode = (typeof FREQUENCY_CODES)[number];

interface Frequency {
  timesPerDay: number;
  /** FHIR event timing: HS = before sleep (qn, every night). */
  when?: 'HS';
  zh: string;
  en: string;
}

export const FREQUENCIES: Record<FrequencyCode, Frequency> = {
  qd: { timesPerDay: 1, zh: '每日一次', en: 'once daily' },
  bid: { timesPerDay: 2, zh: '每日两次', en: 'twice daily' },
  tid: { timesPerDay: 3, zh: '每日三次', en: 'three times daily' },
  qid: { timesPerDay: 4, zh: '每日四次', en: 'four times daily' },
  qn: { timesPerDay: 1, when: 'HS', zh: '每晚一次', en: 'once nightly' },
};

/**
 * Days of supply an edit may ask: at least 1, at most 84 — 《长期处方管理规范（试行）》(国卫办医发〔2021〕17号):
 * a long-term prescription for a stable chronic disease is in principle at most 12 weeks.
 */
export const MAX_SUPPLY_DAYS = 84;
/**
 * Days of supply the engine's proposal writes: until the plan's follow-up visit (the guideline edition's interval,
 * REFERENCE §7.1/§7.3/§7.4 via the treatment engine's follow-up step). An open emergency puts the visit at today
 * (0): the supply then lasts to the edition's follow-up after a start or change (`afterChangeDays`), the visit the
 * emergency text names once the emergency is excluded (issue 20: 7 tablets for 7 days beside a 28-day follow-up).
 * With neither, 7 days — 《处方管理办法》第十九条: a prescription is in general at most 7 days' supply.
 * At most 84 days (MAX_SUPPLY_DAYS).
 */
export const EMERGENCY_SUPPLY_DAYS = 7;

export function proposalSupplyDays(followUpDays: number, afterChangeDays: number): number {
  const days =
    followUpDays > 0 ? followUpDays : afterChangeDays > 0 ? afterChangeDays : EMERGENCY_SUPPLY_DAYS;
  return Math.min(Math.round(days), MAX_SUPPLY_DAYS);
}

export const TABLET = 'tablet';
const UCUM = 'http://unitsofmeasure.org';

interface Dosage {
  text?: string;
  timing?: { repeat?: { frequency?: number; period?: number; periodUnit?: string; when?: string[] } };
  route?: unknown;
  doseAndRate?: { doseQuantity?: { value?: number; unit?: string; code?: string } }[];
}

interface OrderShape {
  medicationCodeableConcept?: { text?: string };
  dosageInstruction?: Dosage[];
  dispenseRequest?: {
    quantity?: { value?: number; unit?: string; code?: string };
    expectedSupplyDuration?: { value?: number; unit?: string; code?: string };
  };
}

/** The order's frequency code from its timing (daily 1–4 times; once nightly), when it is one of the list. */
export function frequencyOf(d: Dosage | undefined): FrequencyCode | undefined {
  const r = d?.timing?.repeat;
  if (!r?.frequency || (r.period ?? 1) !== 1 || (r.periodUnit ?? 'd') !== 'd') return undefined;
  if (r.when?.includes('HS') && r.frequency === 1) return 'qn';
  return FREQUENCY_CODES.find((c) => FREQUENCIES[c].timesPerDay === r.frequency && !FREQUENCIES[c].when);
}

/** The frequency in words (`lang`) from the order's timing: qn reads 每晚一次 / once nightly. */
export function frequencyText(d: Dosage | undefined, lang: 'zh' | 'en'): string | undefined {
  const code = frequencyOf(d);
  if (code) return FREQUENCIES[code][lang];
  const r = d?.timing?.repeat;
  if (!r?.frequency || (r.period ?? 1) !== 1 || (r.periodUnit ?? 'd') !== 'd') return undefined;
  return lang === 'zh' ? `每日${r.frequency}次` : `${r.frequency} times daily`;
}

/** Quantity unit in the reader's language (tablets: 片). */
export function unitIn(unit: string | undefined, lang: 'zh' | 'en', count = 2): string {
  if (unit === TABLET || unit === '{tbl}') return lang === 'zh' ? '片' : count === 1 ? 'tablet' : 'tablets';
  return unit ?? '';
}

/** The units a drug's dose is ordered in: tablets for a single-pill combination, else its dose facts' unit. */
export function doseUnitsOf(drug: DrugEntry | undefined): string[] {
  if (!drug) return ['mg'];
  if (drug.components) return [TABLET];
  return [drug.dose?.unit ?? 'mg'];
}

const STRENGTH = /^([\d.]+)\s*(mg|g|mcg|µg)$/i;
const TO_MG: Record<string, number> = { mg: 1, g: 1000, mcg: 0.001, µg: 0.001 };

/** The drug's strengths in its dose unit (a single ingredient's "2.5 mg", "5 mg" → [2.5, 5]). */
export function strengthsOf(drug: DrugEntry | undefined): number[] {
  const unit = drug?.dose?.unit ?? 'mg';
  const out: number[] = [];
  for (const s of drug?.strengths ?? []) {
    const m = s.trim().match(STRENGTH);
    const from = m ? TO_MG[m[2]!.toLowerCase()] : undefined;
    const to = TO_MG[unit];
    if (m && from !== undefined && to !== undefined)
      out.push(Number(((Number(m[1]) * from) / to).toFixed(6)));
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/**
 * Tablets per dose: a combination's dose is counted in tablets; a single ingredient's dose is made of one
 * strength — the largest that gives whole tablets, else half tablets. Undefined when no strength fits.
 */
export function tabletsPerDose(drug: DrugEntry | undefined, dose: { value: number; unit: string }) {
  if (dose.unit === TABLET) return dose.value;
  const strengths = strengthsOf(drug).reverse();
  for (const step of [1, 0.5]) {
    for (const s of strengths) {
      const n = dose.value / s;
      if (n >= step && Math.abs(n / step - Math.round(n / step)) < 1e-9) return Math.round(n / step) * step;
    }
  }
  return undefined;
}

/** Tablets for `days` days; undefined when tablets per dose are unknown. Rounded up to whole tablets. */
export function quantityFor(
  drug: DrugEntry | undefined,
  dose: { value: number; unit: string },
  frequency: FrequencyCode,
  days: number,
): number | undefined {
  const perDose = tabletsPerDose(drug, dose);
  if (perDose === undefined) return undefined;
  return Math.ceil(perDose * FREQUENCIES[frequency].timesPerDay * days - 1e-9);
}

export interface DraftDosage {
  dose?: { value: number; unit: string };
  frequency?: FrequencyCode;
  durationDays?: number;
  quantity?: number;
}

/** What the order says now, for the edit form. */
export function dosageOf(resource: FhirResource): DraftDosage {
  const mr = resource as unknown as OrderShape;
  const d = mr.dosageInstruction?.[0];
  const q = d?.doseAndRate?.[0]?.doseQuantity;
  const tablets = d?.text?.match(/\((\d+(?:\.\d+)?) tablets?\)/)?.[1];
  const dose =
    q?.value !== undefined
      ? { value: q.value, unit: q.code === '{tbl}' ? TABLET : (q.unit ?? q.code ?? 'mg') }
      : tablets
        ? { value: Number(tablets), unit: TABLET }
        : undefined;
  const frequency = frequencyOf(d);
  const supply = mr.dispenseRequest?.expectedSupplyDuration?.value;
  const quantity = mr.dispenseRequest?.quantity?.value;
  return {
    ...(dose ? { dose } : {}),
    ...(frequency ? { frequency } : {}),
    ...(supply !== undefined ? { durationDays: supply } : {}),
    ...(quantity !== undefined ? { quantity } : {}),
  };
}

/** A dose above the drug's maximum daily dose: the numbers to refuse it with (decision 0019). */
export interface DoseLimit {
  dailyDose: number;
  maxDaily: number;
  unit: string;
  source: string;
}

/** The daily dose above the drug's labelled maximum (single ingredients in their dose unit), else undefined. */
export function aboveMaxDaily(
  drug: DrugEntry | undefined,
  dose: { value: number; unit: string },
  frequency: FrequencyCode,
): DoseLimit | undefined {
  const fact = drug?.dose;
  if (!fact?.maxDaily || drug?.components || dose.unit !== fact.unit) return undefined;
  const daily = Number((dose.value * FREQUENCIES[frequency].timesPerDay).toFixed(6));
  if (daily <= fact.maxDaily) return undefined;
  return { dailyDose: daily, maxDaily: fact.maxDaily, unit: fact.unit, source: fact.source };
}

/** The medicine line's strength part follows the dose ("Amlodipine 5 mg" → "Amlodipine 10 mg"). */
function conceptText(text: string | undefined, dose: { value: number; unit: string }): string | undefined {
  if (!text || dose.unit === TABLET) return text;
  const replaced = text.replace(/\s[\d.]+\s*(mg|g|mcg|µg)$/i, ` ${dose.value} ${dose.unit}`);
  return replaced;
}

/**
 * The order with the edited dosage written back: dosageInstruction (English text as the proposal writes it,
 * timing with qn as when HS, dose quantity), the medicine line's strength, and dispenseRequest.
 */
export function withDosage(
  resource: FhirResource,
  next: Required<Omit<DraftDosage, 'quantity'>> & {
    quantity?: number;
  },
): FhirResource {
  const mr = resource as unknown as OrderShape & Record<string, unknown>;
  const old = mr.dosageInstruction?.[0] ?? {};
  const f = FREQUENCIES[next.frequency];
  const tablet = next.dose.unit === TABLET;
  const amount = tablet
    ? `${next.dose.value} ${unitIn(TABLET, 'en', next.dose.value)}`
    : `${next.dose.value} ${next.dose.unit}`;
  const strength = old.text?.match(/^([\d.]+(?:\s*mg)?(?:\/[\d.]+(?:\s*mg)?)+)/)?.[1];
  const dosage = {
    ...old,
    text: `${tablet && strength ? `${strength} (${amount})` : amount} ${f.en}`,
    timing: {
      repeat: { frequency: f.timesPerDay, period: 1, periodUnit: 'd', ...(f.when ? { when: [f.when] } : {}) },
    },
    doseAndRate: [
      {
        doseQuantity: tablet
          ? { value: next.dose.value, unit: TABLET, system: UCUM, code: '{tbl}' }
          : { value: next.dose.value, unit: next.dose.unit, system: UCUM, code: next.dose.unit },
      },
    ],
  };
  const text = conceptText(mr.medicationCodeableConcept?.text, next.dose);
  return {
    ...mr,
    ...(mr.medicationCodeableConcept
      ? { medicationCodeableConcept: { ...mr.medicationCodeableConcept, text } }
      : {}),
    dosageInstruction: [dosage, ...(mr.dosageInstruction ?? []).slice(1)],
    dispenseRequest: dispenseRequest(next.durationDays, next.quantity),
  } as unknown as FhirResource;
}

/** FHIR dispenseRequest: days of supply (UCUM d), the quantity in tablets when known, no repeats. */
export function dispenseRequest(days: number, quantity: number | undefined) {
  return {
    ...(quantity !== undefined
      ? { quantity: { value: quantity, unit: TABLET, system: UCUM, code: '{tbl}' } }
      : {}),
    expectedSupplyDuration: { value: days, unit: 'days', system: UCUM, code: 'd' },
    numberOfRepeatsAllowed: 0,
  };
}

/** 总量 and 天数 of an order in the reader's language, from its dispenseRequest. */
export function supplyOf(
  resource: FhirResource,
  lang: 'zh' | 'en',
): { quantity?: string; days?: number } | undefined {
  const dr = (resource as unknown as OrderShape).dispenseRequest;
  if (!dr) return undefined;
  const q = dr.quantity;
  const days = dr.expectedSupplyDuration?.value;
  const quantity =
    q?.value !== undefined
      ? `${q.value} ${q.code === '{tbl}' ? unitIn(TABLET, lang, q.value) : (q.unit ?? '')}`.trim()
      : undefined;
  if (quantity === undefined && days === undefined) return undefined;
  return { ...(quantity ? { quantity } : {}), ...(days !== undefined ? { days } : {}) };
}

/** The edit form of a draft: its values now and the choices, labelled in `lang`. */
export function editFormOf(resource: FhirResource, drug: DrugEntry | undefined, lang: 'zh' | 'en') {
  const now = dosageOf(resource);
  const fact = drug?.dose;
  const units = doseUnitsOf(drug);
  return {
    ...now,
    units: units.map((code) => ({ code, label: unitIn(code, lang) })),
    strengths: units[0] === TABLET ? [] : strengthsOf(drug),
    frequencies: FREQUENCY_CODES.map((code) => ({ code, label: FREQUENCIES[code][lang] })),
    ...(fact?.maxDaily && !drug?.components ? { maxDaily: { value: fact.maxDaily, unit: fact.unit } } : {}),
    maxDays: MAX_SUPPLY_DAYS,
  };
}

/** The proposal's frequency code for `timesPerDay` (1–4 a day). */
export function frequencyForTimes(timesPerDay: number): FrequencyCode | undefined {
  return FREQUENCY_CODES.find((c) => FREQUENCIES[c].timesPerDay === timesPerDay && !FREQUENCIES[c].when);
}
