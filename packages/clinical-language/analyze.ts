/** analyze(text): concepts with codes, spans and modifiers, and vital signs (pure, deterministic). */
import { DEFAULT_ALERT_CONFIG } from '@qihuang/engines/blood-pressure';
import { assignModifiers, type Target } from './context.ts';
import { CONCEPTS_BY_ID, LEXICON } from './lexicon/index.ts';
import { candidates, compile, resolve } from './match.ts';
import { normalize, toOriginal } from './normalize.ts';
import { recallRaises } from './recall-net.ts';
import { TextIndex } from './prefilter.ts';
import { TRIGGERS } from './rules.ts';
import { applySentenceScopes } from './scope.ts';
import { noLongerThere } from './scope7.ts';
import type { Analysis, Concept, ConceptKind, Mention, Modifiers, RedFlagCode, Vital } from './types.ts';
import { findVitals } from './vitals.ts';

/** English cue words from the rules join the typo vocabulary ("denys" → "denies" is not attempted: 5+ letters only). */
// (Whole words only: "neighbou" of "neighbou?r" is no word, and would "correct" neighbour.)
const CUE_WORDS = TRIGGERS.flatMap((r) => r.re.match(/(?<![a-z])[a-z]{5,}(?![a-z?'])/g) ?? []);
const COMPILED = compile(LEXICON, CUE_WORDS);

export function analyze(text: string): Analysis {
  const n = normalize(text, COMPILED.typos);
  // One index of the normalised text for every expression's prefilter (prefilter.ts).
  const idx = new TextIndex(n.norm);
  const found = resolve(candidates(n.norm, COMPILED, idx));
  const raw = findVitals(n.norm, idx);
  const targets: Target[] = [];
  for (const c of found) {
    const t: Target = { start: c.start, end: c.end, kind: c.concept.kind, concept: c.concept.id };
    if (c.concept.redFlag) t.redFlag = c.concept.redFlag;
    if (c.gap) t.gap = true;
    targets.push(t);
  }
  for (const v of raw) targets.push({ start: v.start, end: v.end, kind: 'finding' });
  const ctx = assignModifiers(n.norm, targets, idx);
  applySentenceScopes(n.norm, targets, ctx);
  const mentions: Mention[] = found.map((c, i) => {
    const { modifiers, cues } = ctx[i] as (typeof ctx)[number];
    if (c.infixNegation) {
      modifiers.negated = true;
      cues.push(`negated:${c.infixNegation}`);
      // (Round 8: 不喘了 — "no longer" — is over, not denied: scope7.ts.)
      if (n.norm.includes('了'))
        noLongerThere(n.norm, targets[i] as Target, ctx[i] as (typeof ctx)[number], targets, ctx);
    }
    const { start, end } = toOriginal(n, c.start, c.end);
    const { id: concept, kind, codes, redFlag } = c.concept;
    const emergency = c.concept.emergency === true;
    const said = text.slice(start, end);
    // (Literal objects, same keys in the same order as before; no spread: speed only.)
    return redFlag
      ? { start, end, concept, kind, codes, redFlag, emergency, text: said, modifiers, cues }
      : { start, end, concept, kind, codes, emergency, text: said, modifiers, cues };
  });
  const vitals: Vital[] = raw.map((v, i) => {
    const { modifiers, cues } = ctx[found.length + i] as (typeof ctx)[number];
    const span = toOriginal(n, v.start, v.end);
    return { ...v, ...span, text: text.slice(span.start, span.end), modifiers, cues };
  });
  return { text, mentions, vitals };
}

/**
 * Modifiers of spans the caller found itself (e.g. a drug name matched by the drug knowledge base), read with the
 * same rules and with the lexicon's concepts in view. Spans are on the original text.
 */
export function modifiersAt(
  text: string,
  spans: readonly { start: number; end: number; kind: ConceptKind }[],
): { modifiers: Modifiers; cues: string[] }[] {
  const n = normalize(text, COMPILED.typos);
  const toNorm = (pos: number): number => {
    const i = n.origin.findIndex((o) => o >= pos);
    return i < 0 ? n.norm.length : Math.min(i, n.norm.length);
  };
  const found = resolve(candidates(n.norm, COMPILED));
  const extra: Target[] = spans.map((s) => ({ start: toNorm(s.start), end: toNorm(s.end), kind: s.kind }));
  const others = found
    .filter((c) => !extra.some((e) => c.start < e.end && e.start < c.end))
    .map((c) => ({ start: c.start, end: c.end, kind: c.concept.kind }));
  return assignModifiers(n.norm, [...extra, ...others]).slice(0, extra.length);
}

/**
 * Not negated, not past, not hypothetical, not about someone in a report: happening now to the writer or to
 * someone with them.
 */
export function isCurrent(m: { modifiers: Mention['modifiers'] }): boolean {
  return (
    !m.modifiers.negated &&
    !m.modifiers.historical &&
    !m.modifiers.hypothetical &&
    m.modifiers.remote !== true
  );
}

/** REFERENCE §1.5 crisis reading: SBP >180 or DBP >120 (strict), the blood-pressure engine's crisis alert threshold. */
export function isCrisisVital(v: Vital): boolean {
  const { sbp, dbp } = DEFAULT_ALERT_CONFIG.crisis; // REFERENCE §1.5 >180/120
  return v.kind === 'bp' && v.plausible && ((v.sbp ?? 0) > sbp || (v.dbp ?? 0) > dbp);
}

export interface EmergencyCall {
  emergency: boolean;
  /** Current mentions that are target-organ-damage signs together with a crisis reading (concept `crisisSign`). */
  crisisSigns?: Mention[];
  /** Current red flags (any experiencer; uncertain mentions count — a possible stroke is treated as one). */
  redFlags: Mention[];
  /** Current red flags that are emergencies by themselves. */
  emergencies: Mention[];
  /** Current crisis readings written in the text. */
  crisis: Vital[];
  rule: string;
}

// REFERENCE §1.5 TOD symptom; the rule text reaches users (`qihuang text analyze`), so it names the guideline.
const EMERGENCY_RULE =
  'current emergency concept (acute target-organ-damage symptom; ACC/AHA 2017 §11.2 hypertensive emergency)';

/**
 * The package's own emergency reading of a message: an affirmed, current emergency concept, or a current crisis
 * reading together with a current red flag (REFERENCE §1.5: severe BP + acute target-organ-damage symptom); failing
 * both, the recall net (recall-net.ts) may raise — never lower — the call on wording the lexicon does not know.
 */
export function emergencyCall(a: Analysis): EmergencyCall {
  const redFlags = a.mentions.filter((m) => m.redFlag !== undefined && isCurrent(m));
  const emergencies = redFlags.filter((m) => m.emergency);
  const crisis = a.vitals.filter((v) => isCrisisVital(v) && isCurrent(v));
  if (emergencies.length)
    return {
      emergency: true,
      redFlags,
      emergencies,
      crisis,
      rule: EMERGENCY_RULE,
    };
  const signs = a.mentions.filter((m) => CONCEPTS_BY_ID.get(m.concept)?.crisisSign === true && isCurrent(m));
  if (crisis.length && (redFlags.length || signs.length))
    return {
      emergency: true,
      redFlags,
      emergencies,
      crisis,
      ...(signs.length ? { crisisSigns: signs } : {}),
      rule: redFlags.length
        ? 'crisis reading + current red flag (ACC/AHA 2017 §11.2 hypertensive crisis)' // REFERENCE §1.5
        : 'crisis reading + back pain or numbness (ACC/AHA 2017 §11.2; AHA hypertensive crisis)',
    };
  // Raise-only second reading (recall-net.ts): wording the lexicon does not know; it is never asked to lower.
  if (recallRaises(a)) return { emergency: true, redFlags, emergencies, crisis, rule: EMERGENCY_RULE };
  return { emergency: false, redFlags, emergencies, crisis, rule: 'no current emergency concept' };
}

/** Red-flag codes of current mentions, in first-mention order. */
export function currentRedFlagCodes(a: Analysis): RedFlagCode[] {
  const out: RedFlagCode[] = [];
  for (const m of a.mentions) if (m.redFlag && isCurrent(m) && !out.includes(m.redFlag)) out.push(m.redFlag);
  return out;
}

export function conceptById(id: string): Concept | undefined {
  return LEXICON.find((c) => c.id === id);
}
