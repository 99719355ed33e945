/**
 * What a card says, in one language per request (issue 20): the language from Accept-Language (en / zh-CN, else
 * the hospital's configured locale), orders named by drug and dose, times in the hospital's zone, and the date of
 * each result a finding rests on — called stale when older than the configured window (docs/decisions/
 * 0016-cds-card-language-and-result-age.md). Internal ids stay in the card's machine fields. Pure.
 */
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import {
  resolveMedication,
  type Finding,
  type LabValue,
  type MedicationInput,
  type PatientContext,
} from '@qihuang/engines/prescription-review';

export type CardLanguage = 'en' | 'zh';

/** The first language of Accept-Language that is en or zh (q-weights respected); else the fallback. */
export function cardLanguage(acceptLanguage: string | undefined, fallback: CardLanguage): CardLanguage {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (/^zh\b/i.test(tag)) return 'zh';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return fallback;
}

/**
 * One formatter per zone, built on first use (building an Intl.DateTimeFormat costs ~50 µs, a tenth of an
 * order-sign call; formatting with a built one ~2 µs — issue 19). A zone Intl refuses throws RangeError, as before,
 * and is not remembered. Bounded: zones come from configuration, but the map never grows without limit.
 */
const FORMATS = new Map<string, Intl.DateTimeFormat>();
const FORMATS_LIMIT = 64;

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    if (FORMATS.size >= FORMATS_LIMIT) FORMATS.clear();
    FORMATS.set(timeZone, format);
  }
  return format;
}

function parts(at: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatFor(timeZone).formatToParts(at)) out[p.type] = p.value;
  return out;
}

/** "2026-11-20 16:00" in the zone (a date-only value stays as written). */
export function localTime(iso: string, timeZone: string): string {
  if (/^\d{4}(-\d{2}){0,2}$/.test(iso)) return iso;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g;

/** Every ISO date-time in a text, shown as local time in the zone. */
export function withLocalTimes(text: string, timeZone: string): string {
  return text.replace(ISO_TIME, (iso) => localTime(iso, timeZone));
}

const EN_TIMES: Record<number, string> = { 1: 'once daily', 2: 'twice daily', 3: 'three times daily' };

/** "lisinopril 20 mg once daily" / "赖诺普利 20 mg，每日1次"; the order's own text when the drug is unknown. */
export function orderName(input: MedicationInput, kb: DrugKnowledgeBase, lang: CardLanguage): string {
  const resolved = resolveMedication(kb, input, false, false);
  const drug = resolved.drug;
  if (!drug) return input.text ?? resolved.text;
  const name = lang === 'zh' ? drug.names.zh : drug.names.en;
  const dose = resolved.doseMg !== undefined ? ` ${resolved.doseMg} mg` : '';
  const n = resolved.timesPerDay;
  const times =
    n === undefined ? '' : lang === 'zh' ? `，每日${n}次` : ` ${EN_TIMES[n] ?? `${n} times daily`}`;
  return `${name}${dose}${dose ? times : ''}`;
}

type LabKey = keyof PatientContext['labs'];
const LAB_NAME: Record<LabKey, Record<CardLanguage, string>> = {
  egfr: { en: 'eGFR', zh: 'eGFR' },
  crcl: { en: 'CrCl', zh: '肌酐清除率' },
  creatinine: { en: 'Serum creatinine', zh: '血肌酐' },
  potassium: { en: 'Potassium', zh: '血钾' },
};
const LAB_UNIT: Record<LabKey, string> = {
  egfr: 'mL/min/1.73 m²',
  crcl: 'mL/min',
  creatinine: 'mg/dL',
  potassium: 'mmol/L',
};

/** The results a finding rests on: kidney function for renal findings and eGFR/CrCl facts, potassium for K⁺ facts. */
export function labsOf(finding: Finding): LabKey[] {
  const facts = finding.evidence.facts;
  const keys: LabKey[] = [];
  if (finding.type === 'renal' || facts.some((f) => /^(eGFR|CrCl)=|^lab:(egfr|crcl|creatinine)/i.test(f)))
    keys.push('egfr', 'crcl', 'creatinine');
  if (facts.some((f) => /^lab:potassium/i.test(f))) keys.push('potassium');
  return keys;
}

export interface ResultLine {
  text: string;
  stale?: { lab: LabKey; at: string };
}

const DAY_MS = 86_400_000;

/**
 * One line per result: value, unit and date in the hospital zone; a result older than `windowDays` is called
 * stale and the finding said to rest on an old result (the card is kept: a safety finding is never withheld).
 */
export function resultLines(
  finding: Finding,
  labs: PatientContext['labs'],
  options: { lang: CardLanguage; now: Date; timeZone: string; windowDays: number },
): ResultLine[] {
  const { lang, now, timeZone, windowDays } = options;
  const lines: ResultLine[] = [];
  for (const key of labsOf(finding)) {
    const lab: LabValue | undefined = labs[key];
    if (!lab) continue;
    const name = LAB_NAME[key][lang];
    const value = `${lab.value} ${LAB_UNIT[key]}`;
    if (!lab.at) {
      lines.push({
        text: lang === 'zh' ? `${name} ${value}（无检验日期）` : `${name} ${value} (no result date)`,
      });
      continue;
    }
    const date = localTime(lab.at, timeZone).slice(0, 10);
    const age = now.getTime() - new Date(lab.at).getTime();
    if (age > windowDays * DAY_MS) {
      lines.push({
        text:
          lang === 'zh'
            ? `${name} ${value}（${date}）：结果已过期，超过 ${windowDays} 天；本提示基于旧结果，请复查后再判断`
            : `${name} ${value} (${date}): stale result, older than ${windowDays} days; this finding rests on an old result — recheck before relying on it`,
        stale: { lab: key, at: lab.at },
      });
    } else lines.push({ text: lang === 'zh' ? `${name} ${value}（${date}）` : `${name} ${value} (${date})` });
  }
  return lines;
}
