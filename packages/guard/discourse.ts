/**
 * What an answer has established so far (carried from sentence to sentence): the guideline named, the patient's
 * age and conditions, potassium, eGFR/CrCl, and the medicines the patient takes. Starts from the request's
 * patient context and guideline; a sentence that names a new value replaces the old one.
 */
import type { Guideline, Setting } from '@qihuang/engines/blood-pressure';
import type { Mention, PatientContext } from './types.ts';

export interface Discourse {
  guideline?: Guideline;
  age?: number;
  diabetes?: boolean;
  ckd?: boolean;
  proteinuria?: boolean;
  /** mmol/L */
  potassium?: number;
  egfr?: number;
  crcl?: number;
  /** Medicines the answer says the patient takes ("正在服用…", "is on …"). */
  current: Mention[];
  /** The reading the previous sentence stated without a category ("Your readings average 128/82 mmHg."). */
  lastReading?: { sbp: number; dbp: number; setting: Setting };
  /** Several readings of the sentence before ("clinic 118/74 and daytime 139/88. Both are normal."). */
  lastReadings?: { sbp: number; dbp: number; setting: Setting }[];
  /** The request's renal function (the patient's, with certainty). */
  requestRenal?: { egfr?: number; crcl?: number };
  /** A list of thresholds continued over ';' ("thresholds: home: ≥135/85; daytime ABPM: ≥135/85; …"). */
  listThreshold?: boolean;
  /** The measurement setting the last sentence naming one named ("You asked about home readings."). */
  setting?: Setting;
  /** Conditions an earlier sentence gave the patient without naming a drug ("患者有痛风病史。"). */
  conditionIds?: string[];
  /** The words those conditions were stated in (request and sentences): their form ("bilateral", "Child-Pugh C"). */
  conditionWords?: string;
}

export function startDiscourse(
  patient: PatientContext | undefined,
  guideline: Guideline | undefined,
): Discourse {
  const conditions = (patient?.conditions ?? []).join(' ').toLowerCase();
  return {
    ...(guideline ? { guideline } : {}),
    ...(patient?.age !== undefined ? { age: patient.age } : {}),
    ...(/diabet|糖尿病/.test(conditions) ? { diabetes: true } : {}),
    ...(/\bckd\b|chronic kidney|慢性肾/.test(conditions) ? { ckd: true } : {}),
    ...(/proteinuria|albuminuria|蛋白尿/.test(conditions) ? { proteinuria: true } : {}),
    ...(patient?.potassium !== undefined ? { potassium: patient.potassium } : {}),
    ...(patient?.egfr !== undefined ? { egfr: patient.egfr } : {}),
    ...(patient?.crcl !== undefined ? { crcl: patient.crcl } : {}),
    ...(patient?.egfr !== undefined || patient?.crcl !== undefined
      ? {
          requestRenal: {
            ...(patient.egfr !== undefined ? { egfr: patient.egfr } : {}),
            ...(patient.crcl !== undefined ? { crcl: patient.crcl } : {}),
          },
        }
      : {}),
    ...(conditions ? { conditionWords: conditions } : {}),
    current: [],
  };
}

const NUM = String.raw`(\d+(?:\.\d+)?)`;

/** Age stated in a sentence ("a 58-year-old", "患者82岁", "aged 65–79", "80岁以上", "≥80"). */
export function ageIn(text: string): number | undefined {
  if (!/\d{2}/.test(text) && !/高龄/.test(text)) return undefined;
  // "This patient is 84." — an age stated as a bare number after the person.
  const bare = /\b(?:patient|he|she|who|man|woman) is (\d{2})(?=\s*(?:[.,;]|$))/i.exec(text);
  if (bare) return Number(bare[1]);
  if (!/岁|year|aged?|年龄|older|over|and over|以上|≥|>=|高龄/i.test(text)) return undefined;
  const t = text.normalize('NFKC');
  let m =
    /(?:ages?|aged|年龄)\s*(\d{2})\s*(?:[–—~-]|to|至)\s*(\d{2})(?!\d)|(\d{2})\s*(?:[–—~-]|至)\s*(\d{2})\s*(?:岁|years|-year-olds?)/i.exec(
      t,
    );
  if (m) return Math.round((Number(m[1] ?? m[3]) + Number(m[2] ?? m[4])) / 2);
  m =
    /(?:aged?\s*|年龄\s*)(?:≥|>=)\s*(\d{2})(?!\d)|(?:≥|>=|over|above)\s*(\d{2})(?!\d)\s*(?:岁|years)|(\d{2})(?!\d)\s*(?:岁|years(?: of age)?|-year-olds?)?\s*(?:及|或)?(?:以上|or older|and older|or over|and over)/i.exec(
      t,
    );
  if (m) return Number(m[1] ?? m[2] ?? m[3]) + 5;
  m = /(\d{2})[- ]year[- ]old|(\d{2})(?!\d)\s*岁|aged?\s*(\d{2})(?!\d)|(\d{2}) years old/i.exec(t);
  if (m) return Number(m[1] ?? m[2] ?? m[3] ?? m[4]);
  if (/高龄/.test(t)) return 85;
  return undefined;
}

const POTASSIUM = new RegExp(
  String.raw`(?:potassium|K\+|serum K|血钾|钾)[^0-9。;；]{0,24}?${NUM}\s*(?:mmol|mEq)`,
  'i',
);
// "eGFR works out to about 58", "eGFR came back this time at roughly 33": a few words between name and value.
const EGFR = new RegExp(String.raw`(?:eGFR|GFR|肾小球滤过率)([^0-9。;；]{0,26}?)${NUM}`, 'i');
// "CrCl by Cockcroft–Gault is about 16": the method named between the word and the value.
const CRCL = new RegExp(
  String.raw`(?:CrCl|creatinine clearance|肌酐清除率)(?:\s*(?:by|per|using|via|按|[(（])?\s*Cockcroft\s*[–—\-‐ ]\s*Gault\s*(?:公式|[)）])?)?([^0-9。;；]{0,16}?)${NUM}`,
  'i',
);
/** "under 10", "低于 30", "<30": a bound — the value is below the number (a renal rule "below 10" applies). */
const BELOW = /(?:under|below|less than|低于|小于|不足|<|＜)\s*$/i;
const valueOf = (m: RegExpExecArray): number =>
  BELOW.test(m[1] as string) ? Number(m[2]) - 0.1 : Number(m[2]);

/** "K+ 5.8", "血钾5.6": a potassium stated without its unit (a decimal in the range serum potassium takes). */
const POTASSIUM_BARE =
  /(?:potassium|K\+|serum K|血钾)\s*(?:is|of|was|为|是|:|：|=)?\s*(\d\.\d{1,2})(?!\d|\.\d|\s*(?:mg|g\b|%))/i;

/** "potassium came back at 5.3", "血钾这次复查是5.4": a few words of report between the name and a bare value. */
const POTASSIUM_REPORTED =
  /(?:potassium|K\+|serum K|血钾)((?:\s+\w+){0,4}?\s+(?:at|was|is|of)|[^0-9，。,;；]{0,8}?(?:是|为))\s*(\d\.\d{1,2})(?!\d|\.\d|\s*(?:mg|g\b|%))/i;
const reported = (t: string): [string, string] | undefined => {
  const m = POTASSIUM_REPORTED.exec(t);
  return m &&
    !POTASSIUM_BOUND.test(m[1] as string) &&
    !/if|如果|若|when|应|should|target|目标/i.test(m[1] as string)
    ? [m[0], m[2] as string]
    : undefined;
};

const POTASSIUM_BOUND =
  /(?:低于|不超过|不高于|超过|高于|小于|大于|under|below|above|over|less than|more than|[<>≤≥＜＞]|cut-?off[^0-9]{0,16}|threshold[^0-9]{0,16}|界值|切点)\s*$/i;

export function potassiumIn(text: string): number | undefined {
  if (!/钾|potassium|K\+|K⁺|serum K/i.test(text)) return undefined;
  const t = text.normalize('NFKC').replace(/K⁺/g, 'K+');
  // Two different values ("was 5.4 last month but is 4.6 now"): which is current is not read with certainty.
  // A bound ("只要低于 5.5", "the cut-off … is 5.5") is no second value of the patient's.
  const all = new Set(
    [...t.matchAll(/(?<![\d.])(\d\.\d{1,2})(?![\d.])/g)]
      .filter((x) => !POTASSIUM_BOUND.test(t.slice(Math.max(0, (x.index as number) - 24), x.index)))
      .map((x) => Number(x[1]))
      .filter((v) => v >= 2 && v <= 8),
  );
  if (all.size > 1) return undefined;
  const m = POTASSIUM.exec(t);
  if (m) return Number(m[1]);
  const b = POTASSIUM_BARE.exec(t) ?? reported(t);
  const v = b ? Number(b[1]) : undefined;
  return v !== undefined && v >= 2 && v <= 8 ? v : undefined;
}

/** `exact`: only values stated as the patient's ("CrCl 18"), not bounds ("in patients with CrCl below 30"). */
/** A renal value for people: a bound read as `n − 0.1` is shown as "<n". */
export const renalShown = (v: number): string =>
  Math.abs(v + 0.1 - Math.round(v + 0.1)) < 1e-9 && !Number.isInteger(v) ? `<${Math.round(v + 0.1)}` : `${v}`;

export function renalIn(text: string, exact = false): { egfr?: number; crcl?: number } {
  if (!/GFR|肾小球滤过率|CrCl|clearance|肌酐清除率/i.test(text)) return {};
  const t = text.normalize('NFKC').replace(/mL\/min\/1\.73\s*m(?:2|²)/gi, 'mL/min');
  const e = EGFR.exec(t);
  const c = CRCL.exec(t);
  const keep = (m: RegExpExecArray | null): m is RegExpExecArray =>
    !!m && !(exact && BELOW.test(m[1] as string));
  return { ...(keep(e) ? { egfr: valueOf(e) } : {}), ...(keep(c) ? { crcl: valueOf(c) } : {}) };
}

export const TAKES =
  /\b(takes?|taking|is on|are on|already on|currently on|receiv\w+|on treatment with|patients? on)\b|(?:^|[,，:：;；])\s*on\s+(?=[a-z])|正在服用|正在用|在服用|服用|已用|长期用|目前用|现服|现用|正服|在服|吃着|服着|用着|(?:您|你|患者)(?:目前|现在)?(?:在用|在吃|一直吃|一直在吃)/i;

/** Updates the discourse with what a sentence states; returns nothing. */
export function absorb(d: Discourse, text: string): void {
  const age = ageIn(text);
  if (age !== undefined) d.age = age;
  if (/diabet|糖尿病/i.test(text) && !/\bno diabetes|without diabetes|无糖尿病|没有糖尿病/i.test(text))
    d.diabetes = true;
  if (/\bCKD\b|chronic kidney disease|慢性肾脏病|慢性肾病/i.test(text)) d.ckd = true;
  if (/proteinuria|albuminuria|蛋白尿/i.test(text) && !/without proteinuria|无蛋白尿|没有蛋白尿/i.test(text))
    d.proteinuria = true;
  const k = potassiumIn(text);
  if (k !== undefined) d.potassium = k;
  const r = renalIn(text);
  if (r.egfr !== undefined) d.egfr = r.egfr;
  if (r.crcl !== undefined) d.crcl = r.crcl;
}
