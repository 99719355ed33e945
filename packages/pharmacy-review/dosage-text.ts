/**
 * The order's dosage line in the screen's language. The prescriber's free text (dosageInstruction.text) is shown
 * when it is already in that language; otherwise the line is composed from the structured dose, route and timing
 * (FHIR Dosage) when they are understood, and the free text is the fallback (never translated word by word).
 */
import type { Language } from './api-types/index.ts';

export interface DosageInstruction {
  text?: string;
  timing?: { repeat?: { frequency?: number; period?: number; periodUnit?: string } };
  route?: { coding?: { system?: string; code?: string }[]; text?: string };
  doseAndRate?: { doseQuantity?: { value?: number; unit?: string; code?: string } }[];
}

const HAN = /\p{Script=Han}/u;
const SNOMED = 'http://snomed.info/sct';
const ORAL = '26643006'; // SNOMED CT: Oral route

const EN_TIMES: Record<number, string> = { 1: 'once', 2: 'twice', 3: 'three times', 4: 'four times' };
const EN_UNIT: Record<string, string> = { d: 'daily', wk: 'weekly' };
const ZH_UNIT: Record<string, string> = { d: '每日', wk: '每周' };

function composed(d: DosageInstruction, lang: Language): string | undefined {
  const dose = d.doseAndRate?.[0]?.doseQuantity;
  const unit = dose?.unit ?? dose?.code;
  const r = d.timing?.repeat;
  if (dose?.value === undefined || !unit || !r?.frequency || (r.period ?? 1) !== 1 || !r.periodUnit)
    return undefined;
  if (!(r.periodUnit in EN_UNIT)) return undefined;
  const hasRoute = Boolean(d.route);
  const oral = d.route?.coding?.some((c) => c.system === SNOMED && c.code === ORAL) ?? false;
  if (hasRoute && !oral) return undefined; // other routes are not worded here: keep the prescriber's text
  const amount = `${dose.value} ${unit}`;
  if (lang === 'zh-CN') return `${amount}${oral ? ' 口服' : ''}，${ZH_UNIT[r.periodUnit]}${r.frequency}次`;
  const times = EN_TIMES[r.frequency] ?? `${r.frequency} times`;
  return `${amount}${oral ? ' by mouth' : ''} ${times} ${EN_UNIT[r.periodUnit]}`;
}

export function dosageLine(d: DosageInstruction | undefined, lang: Language): string | undefined {
  if (!d) return undefined;
  const text = d.text?.trim();
  if (text && HAN.test(text) === (lang === 'zh-CN')) return text;
  return composed(d, lang) ?? (text || undefined);
}

/** Chinese dosage-form names for the forms the orders use (RxNorm dose-form words). */
const ZH_FORM: [RegExp, string][] = [
  [/extended[- ]release.*tablet/i, '缓释片'],
  [/tablet/i, '片'],
  [/capsule/i, '胶囊'],
];

/** One English word or two (the drug name) followed only by strengths: "amlodipine 5 mg", "losartan 50 mg". */
const BARE = /^[a-z][a-z-]*(?: [a-z][a-z-]*)?(?:\s*[/+]?\s*\d+(?:\.\d+)?\s*(?:mg|mcg|µg|g|ml)\b)+$/i;

/**
 * The ordered product in the screen's language: on a zh screen an English product text becomes the knowledge
 * base's Chinese name + form + strength ("氯噻酮片 12.5 mg"); otherwise the order's own text.
 */
export function medicationLine(text: string, zhName: string | undefined, lang: Language): string {
  if (lang !== 'zh-CN' || !zhName || HAN.test(text)) return text;
  const strengths = [...text.matchAll(/(\d+(?:\.\d+)?)\s*(mg|mcg|µg|g|ml)\b/gi)].map(
    (m) => `${m[1]} ${m[2]!.toLowerCase().replace('ml', 'mL')}`,
  );
  // Only a product description (strength + dose form) is reworded; free text ('losartan 50 mg qd') may carry
  // a frequency or instruction that must not be lost, so it stays as written.
  const form = ZH_FORM.find(([re]) => re.test(text))?.[1];
  // A bare name and strength ("amlodipine 5 mg", as care drafts write it) carries nothing else to lose.
  if (!form && strengths.length && BARE.test(text.trim())) return `${zhName} ${strengths.join('/')}`;
  if (!form || !strengths.length) return text;
  return [`${zhName}${form}`, strengths.join('/')].filter(Boolean).join(' ');
}
