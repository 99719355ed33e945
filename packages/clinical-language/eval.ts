/**
 * Evaluation of the package on a labelled corpus (pure: the caller reads the files). Metrics: emergency
 * sensitivity, false-emergency rate, modifier F1 (per modifier and micro-averaged over the five), and recall of
 * the labelled concepts. Corpus line format: `emergency(1|0)|group[:mod+mod];…|text`, `#` comments.
 */
import { analyze, emergencyCall } from './analyze.ts';
import type { Analysis, Mention, Modifiers, Vital } from './types.ts';

export type Mod = 'neg' | 'hist' | 'hyp' | 'fam' | 'unc';
const MODS: readonly Mod[] = ['neg', 'hist', 'hyp', 'fam', 'unc'];

export interface CorpusItem {
  line: number;
  emergency: boolean;
  labels: { group: string; mods: Mod[] }[];
  text: string;
  lang: 'zh' | 'en' | 'mixed';
}

export function languageOf(text: string): CorpusItem['lang'] {
  const cjk = /[\u3400-\u9fff]/.test(text);
  const latin = (text.toLowerCase().match(/[a-z]{2,}/g) ?? []).filter(
    (w) => !['mmhg', 'kpa', 'bp', 'mg'].includes(w),
  );
  if (cjk && latin.length) return 'mixed';
  return cjk ? 'zh' : 'en';
}

export function parseCorpus(content: string): CorpusItem[] {
  const out: CorpusItem[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim() || raw.startsWith('#')) return;
    const [e, labels, ...rest] = raw.split('|');
    const text = rest.join('|');
    if ((e !== '0' && e !== '1') || labels === undefined || !text)
      throw new Error(`corpus line ${i + 1}: bad format`);
    out.push({
      line: i + 1,
      emergency: e === '1',
      labels: labels
        .split(';')
        .filter(Boolean)
        .map((l) => {
          const [group, mods] = l.split(':');
          const list = (mods ?? '').split('+').filter(Boolean) as Mod[];
          for (const m of list)
            if (!MODS.includes(m)) throw new Error(`corpus line ${i + 1}: unknown modifier ${m}`);
          return { group: group as string, mods: list };
        }),
      text,
      lang: languageOf(text),
    });
  });
  return out;
}

export const groupOf = (m: Mention): string => m.redFlag ?? m.concept;

/**
 * A "happening now" concept also answers for its condition label ("中风了" is a stroke mention); vomiting answers the
 * `nausea` label (the corpus labels 恶心呕吐 as one group: decision 0030, point 5).
 */
const ALIASES: Record<string, string> = {
  'stroke-now': 'stroke',
  'mi-now': 'myocardial-infarction',
  vomiting: 'nausea',
};
const matches = (m: Mention, group: string): boolean => groupOf(m) === group || ALIASES[m.concept] === group;

export function modsOf(m: { modifiers: Modifiers }): Mod[] {
  const out: Mod[] = [];
  if (m.modifiers.negated) out.push('neg');
  if (m.modifiers.historical) out.push('hist');
  if (m.modifiers.hypothetical) out.push('hyp');
  if (m.modifiers.experiencer === 'other') out.push('fam');
  if (m.modifiers.uncertain) out.push('unc');
  return out;
}

export interface EvalError {
  line: number;
  text: string;
  what: string;
}

export interface EvalReport {
  messages: number;
  byLang: Record<CorpusItem['lang'], number>;
  emergencies: number;
  caught: number;
  sensitivity: number;
  nonEmergencies: number;
  falseEmergencies: number;
  falseEmergencyRate: number;
  modifier: Record<Mod | 'micro', { tp: number; fp: number; fn: number; f1: number }>;
  labelledConcepts: number;
  conceptsFound: number;
  errors: EvalError[];
}

/**
 * How a blood-pressure reading answers a `hypertension` label (docs/decisions/0030): `'high'` (the default) — when the
 * message has no mention of the concept, a reading the writer gives at or above the office hypertension threshold,
 * systolic ≥140 and/or diastolic ≥90 mmHg (REFERENCE §1.3, China 2018 office classification; §1.2 ESH 2023 the same),
 * stands for the concept with the reading's own modifiers (a relative's reading is `fam`, last night's `hist`);
 * `'none'` — mentions only (the evaluator before decision 0030, for comparison).
 */
export type ReadingRule = 'high' | 'none';

export interface EvaluateOptions {
  readings?: ReadingRule;
}

const SBP_HYPERTENSION = 140; // REFERENCE §1.3 office hypertension, SBP ≥140 mmHg
const DBP_HYPERTENSION = 90; // REFERENCE §1.3 office hypertension, DBP ≥90 mmHg

/** The reading that answers a `hypertension` label with no mention (decision 0030), if any. */
function readingFor(a: Analysis, group: string, rule: ReadingRule): Vital | undefined {
  if (rule === 'none' || group !== 'hypertension') return undefined;
  return a.vitals.find(
    (v) =>
      v.kind === 'bp' &&
      v.plausible &&
      ((v.sbp ?? 0) >= SBP_HYPERTENSION || (v.dbp ?? 0) >= DBP_HYPERTENSION),
  );
}

const f1 = (tp: number, fp: number, fn: number): number =>
  tp === 0 ? (fp + fn === 0 ? 1 : 0) : (2 * tp) / (2 * tp + fp + fn);

export function evaluate(
  items: readonly CorpusItem[],
  run: (text: string) => Analysis = analyze,
  options: EvaluateOptions = {},
): EvalReport {
  const rule = options.readings ?? 'high';
  const counts = Object.fromEntries(
    [...MODS, 'micro'].map((m) => [m, { tp: 0, fp: 0, fn: 0, f1: 0 }]),
  ) as EvalReport['modifier'];
  const errors: EvalError[] = [];
  const byLang = { zh: 0, en: 0, mixed: 0 };
  let caught = 0;
  let falseEm = 0;
  let labelled = 0;
  let found = 0;
  for (const item of items) {
    byLang[item.lang]++;
    const a = run(item.text);
    const call = emergencyCall(a).emergency;
    if (item.emergency && call) caught++;
    if (item.emergency && !call) errors.push({ line: item.line, text: item.text, what: 'missed emergency' });
    if (!item.emergency && call) {
      falseEm++;
      errors.push({ line: item.line, text: item.text, what: 'false emergency' });
    }
    for (const label of item.labels) {
      labelled++;
      // A mention that answers for another label of the message through its alias ("脑梗了" is the stroke label's,
      // labelled "stroke:fam+unc;neuro-deficit:fam") is not taken for this label when another mention of the group
      // exists: the labelled mention is the sign, not the named condition.
      const candidates = a.mentions.filter((x) => matches(x, label.group));
      const aliasOfOther = (x: Mention) =>
        item.labels.some((l) => l !== label && l.group === ALIASES[x.concept]);
      const m = candidates.find((x) => !aliasOfOther(x)) ?? candidates[0] ?? readingFor(a, label.group, rule);
      if (m) found++;
      else errors.push({ line: item.line, text: item.text, what: `concept not found: ${label.group}` });
      const pred = m ? modsOf(m) : [];
      for (const mod of MODS) {
        const g = label.mods.includes(mod);
        const p = pred.includes(mod);
        const c = counts[mod];
        if (g && p) c.tp++;
        else if (p) c.fp++;
        else if (g) c.fn++;
      }
      if (m && pred.join('+') !== [...label.mods].sort((x, y) => MODS.indexOf(x) - MODS.indexOf(y)).join('+'))
        errors.push({
          line: item.line,
          text: item.text,
          what: `${label.group}: modifiers ${pred.join('+') || '-'} ≠ ${label.mods.join('+') || '-'}`,
        });
    }
  }
  for (const mod of MODS) {
    const c = counts[mod];
    c.f1 = f1(c.tp, c.fp, c.fn);
    counts.micro.tp += c.tp;
    counts.micro.fp += c.fp;
    counts.micro.fn += c.fn;
  }
  counts.micro.f1 = f1(counts.micro.tp, counts.micro.fp, counts.micro.fn);
  const emergencies = items.filter((i) => i.emergency).length;
  const non = items.length - emergencies;
  return {
    messages: items.length,
    byLang,
    emergencies,
    caught,
    sensitivity: emergencies ? caught / emergencies : 1,
    nonEmergencies: non,
    falseEmergencies: falseEm,
    falseEmergencyRate: non ? falseEm / non : 0,
    modifier: counts,
    labelledConcepts: labelled,
    conceptsFound: found,
    errors,
  };
}
