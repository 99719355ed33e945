/**
 * ConText-style modifier assignment (pure): each concept or vital mention gets negated / historical /
 * hypothetical / experiencer / uncertain from the rules in rules.ts, with pseudo-triggers masking cues, cues
 * inside a concept's own words ignored ("说不出话", "叫不醒"), scopes ending at clause breaks (sentence breaks
 * for the experiencer) and at terminators, and a unit window between cue and concept.
 */
import { Filtered, filtered, TextIndex } from './prefilter.ts';
import type { ConceptKind, Modifiers, Span } from './types.ts';
import {
  CHRONIC,
  CLAUSE_BREAK,
  CONTINUING,
  COPRESENT,
  DEFAULT_WINDOW,
  REMOTE_PERSON,
  REPORT,
  STRANGER,
  PSEUDO,
  RECURRENCE,
  SENTENCE_BREAK,
  TERMINATORS,
  TRIGGERS,
  type Category,
  type TriggerRule,
} from './rules.ts';
import { PSEUDO_4, TRIGGERS_4 } from './rules4.ts';
import { PSEUDO_5, TRIGGERS_5 } from './rules5.ts';
import { TRIGGERS_6 } from './rules6.ts';
import { PSEUDO_7, TRIGGERS_7 } from './rules7.ts';
import { PSEUDO_8, TRIGGERS_8 } from './rules8.ts';
import { PSEUDO_9, TRIGGERS_9 } from './rules9.ts';
import { PSEUDO_10, TRIGGERS_10 } from './rules10.ts';
import { TRIGGERS_11 } from './rules11.ts';
import { TRIGGERS_12 } from './rules12.ts';
import { TRIGGERS_13 } from './rules13.ts';

// Parts 4 and 5 of the rules (rules4.ts, rules5.ts) are read here, after the lists of rules.ts (whose rule-case
// tables count them).
const ALL_TRIGGERS = [
  ...TRIGGERS,
  ...TRIGGERS_4,
  ...TRIGGERS_5,
  ...TRIGGERS_6,
  ...TRIGGERS_7,
  ...TRIGGERS_8,
  ...TRIGGERS_9,
  ...TRIGGERS_10,
  ...TRIGGERS_11,
  ...TRIGGERS_12,
  ...TRIGGERS_13,
];
const ALL_PSEUDO = [...PSEUDO, ...PSEUDO_4, ...PSEUDO_5, ...PSEUDO_7, ...PSEUDO_8, ...PSEUDO_9, ...PSEUDO_10];

/** A past cue years back (long-standing when it goes on). */
const YEARS_BACK = /年前|去年|前年|(?:19|20)\d{2}|\byears? ago\b/;
/** Negation cues that deny a recurrence (不再, 没再, no longer): what they deny was there before. */
const NO_RECURRENCE = /^(?:[都也]?(?:不再|没再|未再|没有再)|no longer)$/;

export interface Target extends Span {
  kind: ConceptKind;
  redFlag?: string;
  /** The lexicon concept id (rules may name concepts). */
  concept?: string;
  /** Matched by a gap pattern: a cue inside the gap ("右手好像没劲", "右眼从小就看不见") modifies this concept. */
  gap?: boolean;
}

interface Cue extends Span {
  rule: TriggerRule;
  text: string;
  /** The pattern-matched concept whose gap holds the cue. */
  inside?: Target;
}

const CATEGORIES: readonly Category[] = ['negated', 'historical', 'hypothetical', 'experiencer', 'uncertain'];

const compiled = {
  forward: ALL_TRIGGERS.filter((r) => r.direction === 'forward').map((rule) => ({
    rule,
    expr: filtered(rule.re, 'g'),
  })),
  // Backward rules are anchored at the concept's end: sticky expressions without the leading "^".
  backward: ALL_TRIGGERS.filter((r) => r.direction === 'backward').map((rule, index) => ({
    rule,
    index,
    re: new RegExp(rule.re.replace(/^\^/, ''), 'y'),
    // The cue without its anchored gap prefix, and the longest gap: a rule can match after a concept only where
    // an occurrence of its cue reaches past the concept's end within the gap (a speed-up only; the anchored
    // expression decides).
    presence: filtered(rule.re.replace(/^\^(?:\\s\*|\[\^[^\]]*\]\{0,\d+\}\?)?/, ''), 'g'),
    gap: Number(/^\^\[\^[^\]]*\]\{0,(\d+)\}\?/.exec(rule.re)?.[1] ?? 4),
  })),
  pseudo: ALL_PSEUDO.map((p) => ({ categories: p.categories, expr: filtered(p.re, 'g') })),
  terminators: TERMINATORS.map((t) => ({ categories: t.categories, expr: filtered(t.re, 'g') })),
  // Speed only (prefilter.ts): each expression runs only where the words it needs occur (worked out on first use).
  report: new Filtered(REPORT),
  remotePerson: new Filtered(REMOTE_PERSON),
};
/** Backward rules by category, in rule order (speed only: each target's loop reads only its category's rules). */
const BACKWARD_OF = new Map(
  CATEGORIES.map((c) => [c, compiled.backward.filter((b) => b.rule.category === c)]),
);

/** English denials whose scope is a list of items. */
const LIST_DENIAL = /^(?:nil|denies|deny|denied|denying|no|without|negative for|free of|none of)$/;
/** What may stand between listed items: commas, slashes, and/or/nor/any. */
const LIST_GAP = /^[\s,/]*(?:(?:or|and|nor|any|other)\b[\s,/]*)*$/;

/** Units between two positions: one per Chinese character, one per Latin word or number. */
export function units(s: string): number {
  let n = 0;
  for (const m of s.matchAll(/[\u3400-\u9fff]|[a-z0-9']+/g)) n += m[0] ? 1 : 0;
  return n;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

const applies = (rule: TriggerRule, t: Target): boolean =>
  (!rule.kinds || rule.kinds.includes(t.kind)) &&
  (!rule.concepts || (t.concept !== undefined && rule.concepts.includes(t.concept))) &&
  (!rule.notConcepts || t.concept === undefined || !rule.notConcepts.includes(t.concept)) &&
  (!rule.notRedFlags || t.redFlag === undefined || !rule.notRedFlags.includes(t.redFlag)) &&
  (!rule.redFlags || (t.redFlag !== undefined && rule.redFlags.includes(t.redFlag)));

/**
 * The people a message names as someone other than the writer: forward experiencer cues ("我爸", "she", "3床") outside
 * their pseudo-triggers, in text order (round 8: the dropped subject across sentences, scope7.ts).
 */
export function personCues(norm: string, idx = new TextIndex(norm)): (Span & { text: string })[] {
  const masks: Span[] = [];
  for (const p of compiled.pseudo)
    if (p.categories.includes('experiencer'))
      for (const m of idx.matchAll(p.expr)) masks.push({ start: m.index, end: m.index + m[0].length });
  const out: (Span & { text: string })[] = [];
  for (const f of compiled.forward) {
    if (f.rule.category !== 'experiencer' || f.rule.kinds || f.rule.concepts) continue;
    for (const m of idx.matchAll(f.expr)) {
      if (!m[0]) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      if (!masks.some((p) => overlaps(p, span))) out.push({ ...span, text: m[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export interface ContextResult {
  modifiers: Modifiers;
  cues: string[];
}

/** Modifiers for every target (same order). `norm` is the normalised text the spans refer to. */
export function assignModifiers(
  norm: string,
  targets: readonly Target[],
  idx = new TextIndex(norm),
): ContextResult[] {
  const pseudo: { categories: readonly Category[]; span: Span }[] = [];
  for (const p of compiled.pseudo)
    for (const m of idx.matchAll(p.expr))
      pseudo.push({ categories: p.categories, span: { start: m.index, end: m.index + m[0].length } });
  const terms: { categories: readonly Category[]; span: Span }[] = [];
  for (const t of compiled.terminators)
    for (const m of idx.matchAll(t.expr))
      terms.push({ categories: t.categories, span: { start: m.index, end: m.index + m[0].length } });
  const cues: Cue[] = [];
  for (const f of compiled.forward) {
    const { rule } = f;
    for (const m of idx.matchAll(f.expr)) {
      if (!m[0]) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      if (pseudo.some((p) => p.categories.includes(rule.category) && overlaps(p.span, span))) continue;
      // A cue inside a concept's own words is no cue ("说不出话"), except in the gap of a pattern match.
      const inside = targets.find((t) => t.start <= span.start && span.end <= t.end);
      // (Negation characters never stand in a gap, so a negation cue inside a concept is part of its words.)
      if (inside && (!inside.gap || rule.category === 'negated')) continue;
      cues.push({ ...span, rule, text: m[0], ...(inside ? { inside } : {}) });
    }
  }

  // Prefix counts: clause breaks, sentence breaks and units up to each position (O(1) range queries).
  const clause = new Int32Array(norm.length + 1);
  const sentence = new Int32Array(norm.length + 1);
  const unit = new Int32Array(norm.length + 1);
  for (let i = 0; i < norm.length; i++) {
    const ch = norm.charAt(i);
    clause[i + 1] = (clause[i] as number) + (CLAUSE_BREAK.test(ch) ? 1 : 0);
    const sb = ch === '.' ? !/\d/.test(norm.charAt(i + 1)) : SENTENCE_BREAK.test(ch);
    sentence[i + 1] = (sentence[i] as number) + (sb ? 1 : 0);
    const word = /[a-z0-9']/.test(ch);
    const starts = /[\u3400-\u9fff]/.test(ch) || (word && !/[a-z0-9']/.test(norm.charAt(i - 1) || ' '));
    unit[i + 1] = (unit[i] as number) + (starts ? 1 : 0);
  }
  const count = (arr: Int32Array, a: number, b: number): number => (arr[b] as number) - (arr[a] as number);
  // Nearest cue first ("父亲高血压，母亲糖尿病": 糖尿病 is the mother's).
  cues.sort((a, b) => b.end - a.end);
  const cuesOf = new Map<Category, Cue[]>(
    CATEGORIES.map((c) => [c, cues.filter((q) => q.rule.category === c)]),
  );
  // Terminators per category, by start (binary search in terminated()).
  const termsOf = new Map<Category, Span[]>(
    CATEGORIES.map((c) => [
      c,
      terms
        .filter((t) => t.categories.includes(c))
        .map((t) => t.span)
        .sort((a, b) => a.start - b.start),
    ]),
  );
  const breakBetween = (a: number, b: number, re: RegExp): boolean =>
    b > a && count(re === SENTENCE_BREAK ? sentence : clause, a, b) > 0;
  const unitsBetween = (a: number, b: number): number => (b > a ? count(unit, a, b) : 0);
  const terminated = (a: number, b: number, cat: Category): boolean => {
    const list = termsOf.get(cat) as Span[];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as Span).start < a) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length && (list[i] as Span).start < b; i++)
      if ((list[i] as Span).end <= b) return true;
    return false;
  };
  const reports = [...idx.matchAll(compiled.report)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const remotePeople = [...idx.matchAll(compiled.remotePerson)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  /** The sentence around a position (for co-presence). */
  const sentenceAt = (pos: number): string => {
    let a = pos;
    while (a > 0 && !SENTENCE_BREAK.test(norm.charAt(a - 1))) a--;
    let b = pos;
    while (b < norm.length && !SENTENCE_BREAK.test(norm.charAt(b))) b++;
    return norm.slice(a, b);
  };

  /**
   * An English denial followed by a list: between the cue and the target only other concepts, commas, slashes and
   * or/and/nor/any (NegEx's list scope; not across a sentence break, a verb or a pronoun).
   */
  const deniedList = (cue: Cue, target: Target): boolean => {
    if (!LIST_DENIAL.test(cue.text) || cue.end > target.start) return false;
    let gap = norm.slice(cue.end, target.start);
    if (!gap.includes(',') && !/\b(?:or|nor)\b/.test(gap)) return false;
    for (const t of targets)
      if (t !== target && t.start >= cue.end && t.end <= target.start)
        gap = gap.slice(0, t.start - cue.end) + ' '.repeat(t.end - t.start) + gap.slice(t.end - cue.end);
    return (
      LIST_GAP.test(gap) && targets.some((t) => t !== target && t.start >= cue.end && t.end <= target.start)
    );
  };

  const found: (Span[] | undefined)[] = [];
  const occurrences = (b: (typeof compiled.backward)[number]): Span[] =>
    (found[b.index] ??= [...idx.matchAll(b.presence)].map((m) => ({
      start: m.index,
      end: m.index + Math.max(1, m[0].length),
    })));
  /** Whether an occurrence of the rule's cue ends after `end` and starts within the rule's gap of it. */
  const cueNear = (b: (typeof compiled.backward)[number], end: number): boolean =>
    occurrences(b).some((o) => o.end > end && o.start <= end + b.gap + 1);
  /** Per category, the backward rules whose cue occurs in the text at all (rule order; speed only). */
  const liveOf = new Map<Category, (typeof compiled.backward)[number][]>();
  const liveBackward = (cat: Category) => {
    let list = liveOf.get(cat);
    if (!list)
      liveOf.set(cat, (list = (BACKWARD_OF.get(cat) ?? []).filter((b) => occurrences(b).length > 0)));
    return list;
  };

  return targets.map((target) => {
    const mods: Modifiers = {
      negated: false,
      historical: false,
      hypothetical: false,
      experiencer: 'patient',
      uncertain: false,
    };
    const why: string[] = [];
    /** Where the cue that made the experiencer someone else starts (forward cues). */
    let otherAt = -1;
    let otherCue = '';
    const set = (cat: Category, cue: string, at = -1) => {
      if (cat === 'experiencer') {
        mods.experiencer = 'other';
        otherAt = at;
        otherCue = cue;
      } else mods[cat] = true;
      why.push(`${cat}:${cue.trim()}`);
    };
    for (const cat of CATEGORIES) {
      // Before the term.
      for (const cue of cuesOf.get(cat) as Cue[]) {
        // (A cue after the target that is not in its gap is skipped before the rule's applicability. Speed only.)
        if (cue.inside !== target && cue.end > target.start) continue;
        if (!applies(cue.rule, target)) continue;
        if (cue.inside === target) {
          set(cat, cue.text, cue.start);
          break;
        }
        if (cue.end > target.start) continue;
        // An English denial runs over a list of concepts ("denies chest pain, SOB, or slurred speech").
        if (cat === 'negated' && deniedList(cue, target)) {
          set(cat, cue.text, cue.start);
          break;
        }
        const scopeBreak = cat === 'experiencer' || cue.rule.sentence ? SENTENCE_BREAK : CLAUSE_BREAK;
        if (breakBetween(cue.end, target.start, scopeBreak)) continue;
        if (!cue.rule.sentence && terminated(cue.end, target.start, cat)) continue;
        if (
          cue.rule.sentence &&
          targets.some((t) => t !== target && t.start >= cue.end && t.end <= target.start)
        )
          continue;
        const window = cue.rule.window ?? DEFAULT_WINDOW[cat];
        if (unitsBetween(cue.end, target.start) > window) continue;
        set(cat, cue.text, cue.start);
        break;
      }
      if ((cat === 'experiencer' ? mods.experiencer === 'other' : mods[cat]) === true) continue;
      // After the term.
      for (const b of liveBackward(cat)) {
        const { rule, re } = b;
        // (The cached cue occurrences first: most rules have none in a message. Speed only.)
        if (!cueNear(b, target.end) || !applies(rule, target)) continue;
        re.lastIndex = target.end;
        const m = re.exec(norm);
        if (!m) continue;
        const cueEnd = target.end + m[0].length;
        const gap = { start: target.end, end: cueEnd };
        // A named cue spans a list ("胸痛、手脚无力这些都没有"): a pseudo-trigger inside the listed items (无力) does
        // not block it, only one at its end.
        const tail = m.groups?.cue ? { start: Math.max(gap.start, cueEnd - 3), end: cueEnd } : gap;
        if (pseudo.some((p) => p.categories.includes(cat) && overlaps(p.span, tail))) continue;
        if (!rule.adjacent) {
          // The cue belongs to the nearest concept: none may start in between, and no terminator either.
          // A concept inside the cue itself ("since my stroke") does not count.
          const cueStart = m.groups?.cue ? cueEnd - m.groups.cue.length : cueEnd;
          // (A reading in between does not take a "resolved" cue: "有点头晕，复测150/95，现在好了" is the dizziness.)
          const between = (t: Target) =>
            t !== target &&
            t.start >= gap.start &&
            t.start < cueStart &&
            (cat !== 'historical' || !!t.concept);
          if (targets.some(between)) continue;
          if (!rule.sentence && terminated(gap.start, gap.end, cat)) continue;
          if (cat !== 'experiencer' && !rule.sentence && breakBetween(gap.start, gap.end - 1, CLAUSE_BREAK))
            continue;
          if (unitsBetween(gap.start, gap.end) > (rule.window ?? DEFAULT_WINDOW[cat])) continue;
        }
        set(cat, m[0]);
        break;
      }
    }
    // Reports (news, articles, videos): a stranger in the report is not with the writer (remote); a reported
    // general statement (no one named) is hypothetical. The writer's own words ("我", "I") end a report's scope,
    // and the writer's relatives are never remote ("视频里看到我妈嘴歪了" is a caregiver's emergency).
    const inSentence = (s: Span, window: number) =>
      s.end <= target.start &&
      !breakBetween(s.end, target.start, SENTENCE_BREAK) &&
      !terminated(s.end, target.start, 'experiencer') &&
      unitsBetween(s.end, target.start) <= window;
    const report = reports.filter((r) => inSentence(r, 30)).pop();
    if (report && mods.experiencer === 'other' && otherAt >= report.start && STRANGER.test(otherCue)) {
      mods.remote = true;
      why.push(`remote:${norm.slice(report.start, report.end)}`);
    } else if (
      report &&
      mods.experiencer === 'patient' &&
      !mods.hypothetical &&
      !breakBetween(report.end, target.start, CLAUSE_BREAK) &&
      !terminated(report.end, target.start, 'hypothetical')
    ) {
      mods.hypothetical = true;
      why.push(`hypothetical:${norm.slice(report.start, report.end)}`);
    }
    // Someone else's relative ("同事的爸爸中风了"), unless with the writer now.
    const person = remotePeople.filter((r) => inSentence(r, 20)).pop();
    if (person && mods.experiencer === 'other' && !mods.remote && !COPRESENT.test(sentenceAt(target.start))) {
      mods.remote = true;
      why.push(`remote:${norm.slice(person.start, person.end)}`);
    }
    // "没再心慌", "no longer getting chest pain": no recurrence of something that was there is over (historical), not
    // a denial; a chronic condition keeps its reading.
    const negCue = why.find((w) => w.startsWith('negated:'))?.slice('negated:'.length);
    if (
      mods.negated &&
      negCue &&
      NO_RECURRENCE.test(negCue) &&
      !(target.concept && CHRONIC.includes(target.concept))
    ) {
      mods.negated = false;
      mods.historical = true;
      why.push('historical:no recurrence');
    }
    // Negation wins over history ("没有中风过", "以前没有胸痛" = never had it).
    if (mods.negated && mods.historical) mods.historical = false;
    // "以前胸痛过，现在又痛了": a later recurrence in the same sentence makes the mention current again.
    if (mods.historical) {
      const after = norm.slice(target.end);
      const sentenceEnd = after.search(SENTENCE_BREAK);
      const sentence = sentenceEnd < 0 ? after : after.slice(0, sentenceEnd);
      const symptom = target.kind === 'red-flag' || target.kind === 'symptom';
      // (A deficit or symptom dated years back that goes on is long-standing, not current: "两年前面瘫，到现在还有点歪".)
      const yearsBack = YEARS_BACK.test(why.find((w) => w.startsWith('historical:')) ?? '');
      if (RECURRENCE.test(sentence) || (symptom && !yearsBack && CONTINUING.test(sentence))) {
        mods.historical = false;
        why.push('current:recurrence');
      }
    }
    return { modifiers: mods, cues: why };
  });
}
