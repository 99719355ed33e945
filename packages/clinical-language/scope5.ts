/**
 * Message-level scopes, part 5 (issue 16, round 5; classes of false emergencies of tuning part 20, tested with fresh
 * sentences in modifiers12.test.ts), applied by scope.ts after the cue rules:
 * - A stroke or sight sign on a past day (昨天下午, "on Monday", "last Tuesday's episode") that went away (十几分钟就好了,
 *   "It went away"; round 7: a "fine since" — 今天一整天都没事, "It's been fine every day since" — is no longer needed)
 *   is a past TIA to be seen the same day (decision 0021, triage `urgent`), not a call now (README labelling
 *   conventions: a sign that went away today stays current), also when the day or the going away stands in the next
 *   sentence. Never when it came back (again, 又, now) or goes on (still, 还), nor when the day is the start of a sign
 *   that went on (从昨天开始, "since yesterday").
 * - A symptom of a past stay in hospital (住院那会儿喘得厉害, "I was breathless in hospital") with "now no longer"
 *   after it (现在不喘了, "I'm not any more", no longer) is over. Never a stroke or sight sign, never a chronic condition.
 * - A Chinese denial runs over a list joined by 、/及/和/以及/或 (无头痛、胸闷、视物模糊及肢体麻木).
 * - A yes/no question whether something stops, gives or causes it in "you" or people, no person, relative or time of
 *   a report named ("Does aspirin stop you having a stroke?") is general: hypothetical.
 * Operational cue lists, not clinical numbers.
 */
import type { ContextResult } from './context.ts';
import { CHRONIC, FAMILY_EN, RECURRENCE } from './rules.ts';
import type { Span } from './types.ts';

type Target = Span & { kind?: string; redFlag?: string; concept?: string };

// (Round 8: a count of days back — 3天前, 两天前, 几天前, 前两天, "3 days ago", "a couple of days ago" — dates the episode
// as 昨天 does; RCP 2016 counts a suspected TIA within 7 days as recent, recent-transient.ts.)
const PAST_DAY =
  /昨天|昨晚|昨夜|前天|前晚|上周|上个?(?:星期|礼拜)|周[一二三四五六日天](?!末)|星期[一二三四五六日天]|(?<![\d十百])(?:[一二两三四五六七八九十]|\d{1,2})(?:天|日)前|几天前|前(?:两|几)天|\b(?:yesterday|last night|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|last (?:mon|tues|wednes|thurs|fri|satur|sun)day(?:'s)?|the other day|last week|(?:\d{1,2}|one|two|three|four|five|six|seven|a couple of|a few|few) days ago)\b/;
/** Went away (in its episode). */
const WENT_AWAY =
  /(?:就|自己|自行|后来(?:就)?|又)?(?:好了|散了|没了|消失了|恢复了|缓过来了)|\b(?:came right|then (?:fine|ok|okay|normal)|went away|resolved|cleared|passed|back to normal|for (?:a|about|around|maybe)?\s*(?:few|couple of|\d+|one|two|three|five|ten|fifteen|twenty)\s+(?:minutes|mins|seconds)|for a minute|for (?:about |around |maybe )?(?:half an hour|an hour)|(?:it|that|everything|things) was (?:fine|ok|okay|normal|all right|alright))\b/;
/** Fine since, fine today. */
const FINE_SINCE =
  /(?:今天|今早|现在|之后|后来|这两天)[^。!?\n]{0,8}?(?:没事|挺好|正常|好好的|没再|都好|normal|fine)|\b(?:fine|normal|ok|okay|good|well)\b[^.!?\n]{0,16}?\bsince\b|\b(?:today|now)\b[^.!?\n]{0,20}?\b(?:normal|fine|ok|okay)\b|\b(?:completely|totally|perfectly) (?:normal|fine)\b/;
/** The past day as the start of a sign that went on (从昨天开始, 昨天起, "since yesterday"): not an episode over. */
const FROM_DAY =
  /(?:从|自)(?:昨天|昨晚|前天|前晚|上周|上个?(?:星期|礼拜)|(?:[一二两三四五六七八九十几]|\d{1,2})天前)|(?:昨天|昨晚|前天|前晚|(?:[一二两三四五六七八九十几]|\d{1,2})天前)(?:[^,，。!?\n]{0,4}?)(?:开始|起)|\b(?:started|began|since) (?:\d{1,2}|one|two|three|four|five|six|seven|a couple of|a few|few) days ago\b|\bsince (?:yesterday|last night|last week|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/;
/** The sign now, again or going on. */
const NOW_AGAIN =
  /又(?!好)|再次|还在|还是(?!好)|仍然|现在(?:又|还)|\b(?:again|still|now (?:it'?s|my|his|her)|came back|coming back|right now|at the moment)\b/;

/** A past stay in hospital. */
const PAST_STAY =
  /住院(?:那会儿?|时候?|的时候|期间|那几天|那阵子?)|(?:在医院|医院里)(?:那会儿?|时|的时候)|\b(?:was|were)\b[^.!?\n]{0,40}?\b(?:in (?:the )?hospital|on the ward)\b|\bwhen (?:i|he|she) was (?:admitted|in)\b/;
/** Now no longer. */
const NOW_NOT =
  /现在(?:已经|也)?(?:不|没有?)|现在[^。!?\n]{0,12}?[,，]\s*(?:已经|也)?不(?:喘|疼|痛|闷|晕|咳)了|现在\s?no longer|\bno longer\b|\bnot any ?more\b|\bnot anymore\b|\bno more\b/;

/** Joiners of a Chinese list of denied items, with up to three characters before the next item (肢体). */
const LIST_JOIN =
  /^\s*(?:、|及|和|以及|或|或者|与)\s*(?:(?![现但可却又还有是今刚突感觉])[\u4e00-\u9fff]){0,3}$/;

/** A general yes/no question: about "you" or people, no person of a report, no time. */
const GENERAL_Q =
  /^\s*(?:does|do|can|could|will|would|should|is|are)\b[^.!?\n]*\b(?:stop|stops|give|gives|make|makes|cause|causes|prevent|prevents|protect|protects|keep|keeps|put|puts)\s+(?:you|one|people|someone|anyone|a person)\b[^.!?\n]*\?/;
const REPORT_WORDS = new RegExp(
  `\\b(?:i|i'm|i've|my|me|mine|he|she|his|her|him|we|our|us|today|now|tonight|yesterday|this morning|just|${FAMILY_EN})\\b|[我他她俺]`,
);

function sentenceSpans(norm: string): Span[] {
  const out: Span[] = [];
  let a = 0;
  for (const m of norm.matchAll(/[。!?！？\n]|\.(?!\d)/g)) {
    out.push({ start: a, end: m.index + 1 });
    a = m.index + 1;
  }
  if (a < norm.length) out.push({ start: a, end: norm.length });
  return out;
}

const open = (r: ContextResult): boolean =>
  !r.modifiers.negated && !r.modifiers.historical && !r.modifiers.hypothetical;

function pastTia(norm: string, spans: readonly Target[], ctx: ContextResult[], all: Span[]): void {
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    if (!open(r) || (s.redFlag !== 'neuro-deficit' && s.redFlag !== 'vision-loss')) return;
    const k = all.findIndex((x) => x.start <= s.start && s.start < x.end);
    const own = all[k];
    if (!own) return;
    // The day: earlier in the sentence, or in the sentence before it.
    const before = norm.slice(all[k - 1]?.start ?? own.start, s.start);
    if (!PAST_DAY.test(before)) return;
    // No "today"/"now" of the sign's own onset between the day and the sign.
    if (/今天|刚才|刚刚|现在|\b(?:today|this morning|just now|now)\b/.test(norm.slice(own.start, s.start)))
      return;
    const after = norm.slice(s.end, all[k + 1]?.end ?? own.end);
    if (!WENT_AWAY.test(after)) return;
    const fine = FINE_SINCE.test(after);
    // Without a "fine since", the day must date the episode, not start a sign that went on.
    if (!fine && FROM_DAY.test(norm.slice(all[k - 1]?.start ?? own.start, own.end))) return;
    if (NOW_AGAIN.test(after) || RECURRENCE.test(after)) return;
    r.modifiers.historical = true;
    r.cues.push(fine ? 'historical:past day, fine since' : 'historical:past day, went away');
  });
}

function pastStay(norm: string, spans: readonly Target[], ctx: ContextResult[], all: Span[]): void {
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    if (!open(r) || (s.kind !== 'red-flag' && s.kind !== 'symptom')) return;
    if (s.redFlag === 'neuro-deficit' || s.redFlag === 'vision-loss') return;
    if (s.concept && CHRONIC.includes(s.concept)) return;
    const own = all.find((x) => x.start <= s.start && s.start < x.end);
    if (!own) return;
    const sentence = norm.slice(own.start, own.end);
    const stay = PAST_STAY.exec(sentence);
    const not = NOW_NOT.exec(norm.slice(s.end, own.end));
    if (!stay || !not) return;
    // The stay is told before the "now": it dates the mention, and nothing comes back after.
    if (own.start + stay.index > s.end + not.index) return;
    if (NOW_AGAIN.test(norm.slice(s.end, own.end))) return;
    r.modifiers.historical = true;
    r.cues.push(`historical:${stay[0]}`);
  });
}

function deniedLists(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  for (let j = 1; j < spans.length; j++) {
    const prev = ctx[j - 1] as ContextResult;
    const cur = ctx[j] as ContextResult;
    if (!prev.modifiers.negated || cur.modifiers.negated) continue;
    const cue = prev.cues.find((c) => c.startsWith('negated:'));
    if (!cue || !/[\u4e00-\u9fff]/.test(cue)) continue;
    if (!LIST_JOIN.test(norm.slice((spans[j - 1] as Target).end, (spans[j] as Target).start))) continue;
    cur.modifiers.negated = true;
    cur.cues.push(`${cue} (list)`);
  }
}

function generalQuestions(norm: string, spans: readonly Target[], ctx: ContextResult[], all: Span[]): void {
  for (const x of all) {
    const text = norm.slice(x.start, x.end);
    if (!GENERAL_Q.test(text) || REPORT_WORDS.test(text)) continue;
    spans.forEach((s, i) => {
      const r = ctx[i] as ContextResult;
      if (s.start < x.start || s.start >= x.end || r.modifiers.hypothetical) return;
      r.modifiers.hypothetical = true;
      r.cues.push('hypothetical:general question');
    });
  }
}

/** Applies the message-level scopes of this part to `ctx` (same order as `spans`, normalised positions). */
export function applyMessageScopes5(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  if (!spans.length) return;
  // (Each scope runs only where its words occur: speed only.)
  const sign = spans.some((s) => s.redFlag === 'neuro-deficit' || s.redFlag === 'vision-loss');
  const tia = sign && PAST_DAY.test(norm);
  const stay = PAST_STAY.test(norm) && NOW_NOT.test(norm);
  const asks = norm.includes('?');
  const all = tia || stay || asks ? sentenceSpans(norm) : [];
  if (tia) pastTia(norm, spans, ctx, all);
  if (stay) pastStay(norm, spans, ctx, all);
  deniedLists(norm, spans, ctx);
  if (asks) generalQuestions(norm, spans, ctx, all);
}
