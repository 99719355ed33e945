/**
 * Vital-sign expressions in patient text (pure): blood pressure in every common form (190/125, 190-125,
 * 190 over 125, 高压/上压/收缩压 190 低压/下压/舒张压 125, systolic/diastolic, 血压 190 125, kPa, Chinese
 * numerals 一百九), heart rate and glucose. Plausibility limits are the blood-pressure engine's (PLAUSIBLE).
 */
import { kpaToMmHg, PLAUSIBLE } from '@qihuang/engines/blood-pressure';
import { parseNumber } from './numbers.ts';
import { filtered, TextIndex } from './prefilter.ts';
import type { Span, Vital } from './types.ts';

export type RawVital = Omit<Vital, 'text' | 'modifiers' | 'cues'>;

const N = '(\\d{1,3}(?:\\.\\d+)?|[零一二两三四五六七八九十百点]{1,7})';
const SEP = '\\s*(?:/|\\\\|-|~|:|比|的|over|on)\\s*';
const KPA = '\\s*(kpa|千帕)';
const MMHG = '\\s*(?:mmhg|mm hg|毫米汞柱)';
const HI = '(?:高压|上压|收缩压|高的|上面的?|systolic|sbp|top number|top)';
const LO = '(?:低压|下压|舒张压|低的|下面的?|diastolic|dbp|bottom number|bottom)';
const IS = "\\s*(?:是|为|有|到了|到|达|:|is|was|of|at|reads?|'s)?\\s*";
const BP_CONTEXT = /(?:血压|高压|低压|bp|blood pressure|pressure|mmhg|量了|测了|reading)/;

/** Glucose mg/dL → mmol/L: molar mass of glucose 180.16 g/mol → 1 mmol/L = 18.016 mg/dL. */
export const MGDL_PER_MMOLL = 18.016;
/** Glucose values outside this range are transcription errors. Operational limit (UNVERIFIED), wider than common meters (0.6–33.3 mmol/L). */
export const PLAUSIBLE_GLUCOSE = { min: 0.5, max: 60 } as const; // operational limit (UNVERIFIED)

const RE = {
  labelled: filtered(`${HI}${IS}${N}(${KPA})?[^。!?\\n\\d]{0,12}?${LO}${IS}${N}(${KPA})?`, 'g'),
  labelledRev: filtered(`${LO}${IS}${N}(${KPA})?[^。!?\\n\\d]{0,12}?${HI}${IS}${N}(${KPA})?`, 'g'),
  pair: filtered(`(?<![\\d.])${N}${SEP}${N}(?![\\d])(?:${KPA}|${MMHG})?`, 'g'),
  spaced: filtered(
    `(?:血压|bp|blood pressure)${IS}${N}(?:\\s+|\\s*[,，、]\\s*)${N}(?![\\d]|\\s*(?:次|bpm|岁|斤|kg|公斤|mg|mmol|分钟|min))(?:${KPA}|${MMHG})?`,
    'g',
  ),
  // "血压200多", "血压高到190了", "blood pressure is 210": one number after a BP word is the systolic.
  bare: filtered(
    `(?:血压|bp|blood pressure)${IS}(?:(?:量了?|测了?)(?:一下)?|(?:高|升|飙)(?:到|至)了?|都|已经|还是|又|(?:一直|总是|老是|天天|每天)?(?:在|维持在|徘徊在|保持在)|一直)?${IS}${N}(多|几)?(?![\\d]|\\s*(?:次|bpm|岁|斤|kg|公斤|mg|mmol|分钟|min|天|年|%)|\\s*(?:/|\\\\|-|~|比|的|over)\\s*[\\d一二两三四五六七八九])`,
    'g',
  ),
  single: filtered(`(${HI}|${LO})${IS}${N}(${KPA})?`, 'g'),
  hr: filtered(
    `(?:心率|脉搏|心跳|脉率|pulse|heart rate|hr)${IS}${N}\\s*(?:次/分|次每分|次|bpm|/min|beats)?|(?<![\\d.])(\\d{2,3})\\s*(?:bpm|次/分|beats per minute)`,
    'g',
  ),
  glucose: filtered(
    `(?:空腹血糖|餐后血糖|随机血糖|血糖|glucose|blood sugar|sugar|bg)${IS}${N}\\s*(mmol/l|mmol|mg/dl|毫摩尔)?`,
    'g',
  ),
};

const isLo = (label: string): boolean => new RegExp(`^${LO}$`).test(label);

function bpPlausible(sbp?: number, dbp?: number): boolean {
  if (sbp !== undefined && (sbp < PLAUSIBLE.sbp.min || sbp > PLAUSIBLE.sbp.max)) return false;
  if (dbp !== undefined && (dbp < PLAUSIBLE.dbp.min || dbp > PLAUSIBLE.dbp.max)) return false;
  return !(sbp !== undefined && dbp !== undefined && dbp >= sbp);
}

function bp(span: Span, sbpRaw?: number, dbpRaw?: number, kpa = false): RawVital | undefined {
  if (sbpRaw === undefined && dbpRaw === undefined) return undefined;
  // A bare number below 20 next to a BP word is not a reading in mmHg ("上面的一个"); kPa values are converted.
  if (!kpa && [sbpRaw, dbpRaw].some((v) => v !== undefined && v < 20)) return undefined;
  const conv = (v?: number) => (v === undefined ? undefined : kpa ? kpaToMmHg(v) : v);
  const sbp = conv(sbpRaw);
  const dbp = conv(dbpRaw);
  return {
    ...span,
    kind: 'bp',
    ...(sbp !== undefined ? { sbp } : {}),
    ...(dbp !== undefined ? { dbp } : {}),
    unit: 'mm[Hg]',
    ...(kpa ? { writtenUnit: 'kPa' as const } : {}),
    plausible: bpPlausible(sbp, dbp),
  };
}

/** Vitals found in normalised text (spans on the normalised text). */
export function findVitals(norm: string, idx = new TextIndex(norm)): RawVital[] {
  const out: RawVital[] = [];
  const free = (s: Span) => !out.some((v) => v.start < s.end && s.start < v.end);
  const push = (v: RawVital | undefined) => {
    if (v && free(v)) out.push(v);
  };
  const at = (m: RegExpMatchArray): Span => ({
    start: m.index as number,
    end: (m.index as number) + m[0].length,
  });
  for (const m of idx.matchAll(RE.labelled))
    push(bp(at(m), parseNumber(m[1] ?? ''), parseNumber(m[4] ?? ''), !!(m[2] || m[5])));
  for (const m of idx.matchAll(RE.labelledRev))
    push(bp(at(m), parseNumber(m[4] ?? ''), parseNumber(m[1] ?? ''), !!(m[2] || m[5])));
  for (const m of idx.matchAll(RE.spaced))
    push(bp(at(m), parseNumber(m[1] ?? ''), parseNumber(m[2] ?? ''), !!m[3]));
  for (const m of idx.matchAll(RE.pair)) {
    const a = parseNumber(m[1] ?? '');
    const b = parseNumber(m[2] ?? '');
    if (a === undefined || b === undefined) continue;
    const kpa = !!m[3];
    const sep = m[0]
      .slice((m[1] ?? '').length)
      .trim()
      .charAt(0);
    const before = norm.slice(Math.max(0, (m.index as number) - 15), m.index);
    const context = BP_CONTEXT.test(before) || /mmhg|毫米汞柱|kpa|千帕/.test(m[0]);
    // Slash, dash and "over" pairs are read as BP when plausible (numbers below 20, as in dates and times, are
    // never readings); colons and 比 need BP words nearby.
    const v = bp(at(m), a, b, kpa);
    if (!v) continue;
    if (context || ((sep === '/' || sep === 'o' || sep === '\\' || sep === '-') && v.plausible)) push(v);
  }
  for (const m of idx.matchAll(RE.bare)) {
    const value = parseNumber(m[1] ?? '');
    // Only a systolic-sized number (≥100) alone is read as a reading; operational choice, not a clinical number.
    if (value === undefined || value < 100) continue;
    push(bp(at(m), value, undefined, false));
  }
  for (const m of idx.matchAll(RE.single)) {
    const value = parseNumber(m[2] ?? '');
    if (value === undefined) continue;
    const kpa = !!m[3];
    push(isLo(m[1] ?? '') ? bp(at(m), undefined, value, kpa) : bp(at(m), value, undefined, kpa));
  }
  for (const m of idx.matchAll(RE.hr)) {
    const value = parseNumber(m[1] ?? m[2] ?? '');
    if (value === undefined) continue;
    const plausible = value >= PLAUSIBLE.heartRate.min && value <= PLAUSIBLE.heartRate.max;
    push({ ...at(m), kind: 'heart-rate', value, unit: '/min', plausible });
  }
  for (const m of idx.matchAll(RE.glucose)) {
    const raw = parseNumber(m[1] ?? '');
    if (raw === undefined) continue;
    const mgdl = m[2] === 'mg/dl' || (m[2] === undefined && raw > PLAUSIBLE_GLUCOSE.max);
    const value = mgdl ? Math.round((raw / MGDL_PER_MMOLL) * 10) / 10 : raw;
    const plausible = value >= PLAUSIBLE_GLUCOSE.min && value <= PLAUSIBLE_GLUCOSE.max;
    push({
      ...at(m),
      kind: 'glucose',
      value,
      unit: 'mmol/L',
      ...(mgdl ? { writtenUnit: 'mg/dL' as const } : {}),
      plausible,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
