/**
 * Message-level scopes, part 7 (issue 16, round 8: modifier classes of the tuning parts,
 * docs/notes/cl-modifiers-study-2026-12-08.md; tested with fresh sentences in modifiers15.test.ts), applied last by
 * scope.ts:
 * - The dropped subject (zero anaphora). Chinese drops the subject while the topic stays the same person, and a
 *   carer's English does the same across sentences ("Writing about my grandad. Since breakfast slurred speech …"). A
 *   mention with no person cue of its own, in a sentence after the one that named someone other than the writer, is
 *   that person's until the writer names themself (我, I, my …) — ConText's experiencer scope is the sentence (Harkema
 *   et al. 2009, J Biomed Inform 42:839); this extends it over the discourse topic, as Chinese zero-anaphora resolution
 *   does (the topic chain: Li & Thompson 1981, Mandarin Chinese, ch. 4). Never from a family-history cue (家族史,
 *   "family history"), an unnamed stranger (有人, someone) or a person in a report (新闻, "on the news"); never onto a
 *   hypothetical mention (a general question after a relative is named is no report about them).
 * - A denied symptom with the change-of-state 了 (不喘了, 已经不晕了): "no longer", the episode is over — historical, not
 *   denied (the labelling conventions' `hist`: a symptom episode that is over), as NegEx's "no longer" is a
 *   pseudo-negation of a past finding (Chapman et al. 2001). Never a chronic condition.
 * - A family history (家族有心梗史) is the family's, with no past event named: not historical.
 * Operational cue lists, not clinical numbers.
 */
import { personCues, type ContextResult } from './context.ts';
import { CHRONIC, REPORT, SENTENCE_BREAK, STRANGER } from './rules.ts';
import type { Span } from './types.ts';

type Target = Span & { kind?: string; redFlag?: string; concept?: string };

/** The writer naming themself (not 我们/we: a clinician's "we examined" or a family's "we"). */
const SELF = /我(?!们)|俺(?!们)|本人|\b(?:i|i'm|im|i've|i'd|i'll|me|my|myself|mine)\b/g;
/** Cues that name a family history or a kind of person, not someone the message goes on about. */
const NOT_A_SUBJECT = /家族|家里有人|遗传|家人们|\b(?:family history|family members?|relatives?|family)\b/;
/** A recovery told in the sentence (缓过来了, 恢复了). */
const RECOVERED = /缓过来|恢复了|好转了|\brecovered\b/;
/** Whether a cue text is the change-of-state 了 of a denied symptom. */
const NO_LONGER_AFTER = /^\s?了(?![解])/;

function sentenceStart(norm: string, pos: number): number {
  let a = pos;
  while (a > 0 && !SENTENCE_BREAK.test(norm.charAt(a - 1))) a--;
  return a;
}

function sentenceAt(norm: string, pos: number): string {
  const a = sentenceStart(norm, pos);
  let b = pos;
  while (b < norm.length && !SENTENCE_BREAK.test(norm.charAt(b))) b++;
  return norm.slice(a, b);
}

function droppedSubject(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  const open = spans.some((_, i) => {
    const r = ctx[i] as ContextResult;
    return r.modifiers.experiencer === 'patient' && !r.modifiers.hypothetical;
  });
  if (!open) return;
  // (Only a mention after a sentence break can carry a subject over: speed only.)
  const last = spans[spans.length - 1] as Target;
  if (!SENTENCE_BREAK.test(norm.slice(0, last.start))) return;
  const others = personCues(norm).filter(
    (c) => !NOT_A_SUBJECT.test(c.text) && !STRANGER.test(c.text) && !REPORT.test(sentenceAt(norm, c.start)),
  );
  if (!others.length) return;
  const selves = [...norm.matchAll(SELF)].map((m) => m.index);
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    const m = r.modifiers;
    if (m.experiencer !== 'patient' || m.hypothetical || m.remote) return;
    if (r.cues.some((c) => c.startsWith('experiencer:'))) return;
    const from = sentenceStart(norm, s.start);
    // The latest person named before the mention's sentence, and no self-mention after it up to the mention.
    const other = others.filter((c) => c.end <= from).pop();
    if (!other) return;
    if (selves.some((p) => p >= other.end && p < s.start)) return;
    // Not after a past story of that person alone ("我舅舅脑出血过。头疼怎么办": the writer asks about themself): the
    // person's mentions in the sentence that named them must include one that is current.
    const a = sentenceStart(norm, other.start);
    const theirs = spans
      .map((t, j) => ({ t, r: ctx[j] as ContextResult }))
      .filter(
        ({ t, r }) =>
          t.start >= other.end && t.start < from && t.start >= a && r.modifiers.experiencer === 'other',
      );
    if (theirs.length && theirs.every(({ r }) => r.modifiers.historical || r.modifiers.negated)) return;
    m.experiencer = 'other';
    r.cues.push(`experiencer:${other.text} (dropped subject)`);
  });
}

/**
 * Whether a denied mention is "no longer" (不喘了, 已经不晕了, 头不疼了): the denial is the 不 of its own words or right
 * before it, the change-of-state 了 follows, and it is no question (不疼了吗). Then it is over: historical.
 */
export function noLongerThere(
  norm: string,
  s: Target,
  r: ContextResult,
  spans: readonly Target[],
  ctx: readonly ContextResult[],
): void {
  const m = r.modifiers;
  if (!m.negated || m.hypothetical || m.historical) return;
  if (s.kind !== 'red-flag' && s.kind !== 'symptom') return;
  if (s.concept && CHRONIC.includes(s.concept)) return;
  if (!NO_LONGER_AFTER.test(norm.slice(s.end, s.end + 3))) return;
  if (!/不[\u4e00-\u9fff]{0,3}$/.test(norm.slice(Math.max(0, s.start - 2), s.end))) return;
  if (/^\s?了(?:吗|么|没|嘛)/.test(norm.slice(s.end, s.end + 4))) return;
  // Over only where the message tells the episode: the symptom affirmed earlier (前两天…喘，这两天不喘了) or a
  // recovery after it (不喘了，…已经缓过来了). Alone ("胸口不闷了，谢谢医生") it is a status report: denied (tuning labels).
  const group = (t: Target) => t.redFlag ?? t.concept;
  // (The same group, or the same symptom word: 爬山喘 … 不喘了.)
  const word = [...(norm.slice(s.start, s.end).split('不').pop() ?? '')].filter((c) =>
    /[\u4e00-\u9fff]/.test(c),
  );
  const told = spans.some(
    (t, j) =>
      t.end <= s.start &&
      !(ctx[j] as ContextResult).modifiers.negated &&
      (group(t) === group(s) || word.some((c) => norm.slice(t.start, t.end).includes(c))),
  );
  // (Or the symptom word said earlier, affirmed: "前几天晕得厉害，…今天已经不晕了".)
  const before = norm.slice(0, Math.max(0, s.start - 1));
  const saidBefore = word.some((c) => new RegExp(`(?<![不没无])${c}`).test(before));
  if (!told && !saidBefore && !RECOVERED.test(sentenceAt(norm, s.end))) return;
  m.negated = false;
  m.historical = true;
  r.cues.push('historical:不…了 (no longer)');
}

function noLonger(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  spans.forEach((s, i) => noLongerThere(norm, s, ctx[i] as ContextResult, spans, ctx));
}

/**
 * A family history (家族有心梗史, "family history of stroke") names no past event of anyone: its 史/history makes the
 * mention the family's, not historical (README labelling conventions: "family history of X" is `fam` only).
 */
function familyHistory(ctx: ContextResult[]): void {
  for (const r of ctx) {
    if (!r.modifiers.historical || r.modifiers.experiencer !== 'other') continue;
    if (!r.cues.some((c) => /^experiencer:(?:家族|家里有|家中有|[^:]*family history)/.test(c))) continue;
    const hist = r.cues.filter((c) => c.startsWith('historical:'));
    if (!hist.length || !hist.every((c) => /^historical:\s*(?:病?史|family history|history)\s*$/.test(c)))
      continue;
    r.modifiers.historical = false;
    r.cues.push('current:(family history names no past event)');
  }
}

/** Applies the message-level scopes of this part to `ctx` (same order as `spans`, normalised positions). */
export function applyMessageScopes7(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  if (!spans.length) return;
  familyHistory(ctx);
  if (norm.includes('了')) noLonger(norm, spans, ctx);
  droppedSubject(norm, spans, ctx);
}
