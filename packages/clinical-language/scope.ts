/**
 * Sentence-level scopes applied after the cue rules (issue 16; classes of false emergencies of independent tuning
 * parts 4 and 5):
 * - A conditional covers the clauses it lists up to the question it asks ("要是老人突然说话不清，嘴歪，是不是要马上打
 *   120", "if chest pain, sweating, should I …?"): a later mention in the same sentence is hypothetical too, unless
 *   a terminator (现在, 但是, now, but …) or the writer's own present ("我", "my") stands in between.
 * - A general question about a sign, with no person and no time named, in a message that says it is only asking
 *   ("突然说话不清是不是脑梗？我就是问问", "is sudden blurred vision a stroke? just asking") is hypothetical. A person
 *   (我妈, he, my) or a time (刚才, 今天, now) keeps it real: the emergency rule errs to the emergency.
 * - Chinese drops the subject across sentences: after a current mention of someone else ("我爸脑梗了！！"), a later
 *   sentence with no subject ("刚才突然倒地，右边身子不能动") is still about them, unless the writer (我, I, my) or
 *   a new person is named in between. A past or denied mention of a relative carries nothing ("我爸中风过。胸口疼").
 * Operational cue lists, not clinical numbers.
 */
import type { ContextResult } from './context.ts';
import { applyMessageScopes7 } from './scope7.ts';
import { RECURRENCE, SENTENCE_BREAK } from './rules.ts';
import { applyMessageScopes } from './scope2.ts';
import { applyMessageScopes3 } from './scope3.ts';
import { applyMessageScopes4 } from './scope4.ts';
import { applyMessageScopes5 } from './scope5.ts';
import { applyMessageScopes6 } from './scope6.ts';
import { applyMessageScopes8 } from './scope8.ts';
import type { Span } from './types.ts';

const CONDITIONAL = /^(?:如果|假如|假设|要是|万一|一旦|倘若|若是|若|if|what if|in case)$/;
/** What ends a conditional's carry-over: a present, a contrast, the writer or a named person in between. */
const BREAKS =
  /现在|目前|今天|刚才|刚刚|这会儿|已经|但是|但|可是|不过|我|他|她|\b(?:now|but|today|already|i|my|he|she)\b/;
/** The sentence asks a question or what to do (the consequence of the conditional). */
const ASKS =
  /[?]|吗|是不是|要不要|需不需要|能不能|该不该|怎么办|怎么处理|咋办|该(?:怎么|吃|去|打)|应该|\b(?:should|what|do i|is it|is that|can i|need to)\b/;
const ONLY_ASKING =
  /(?:就|只|只是|就是|随便|单纯)问问|问问而已|(?:^|[.。!?])\s*(?:想)?问问\s*(?:[.。!?]|$)|\bjust (?:asking|curious|wondering)\b/;
const QUESTION = /[?]|吗|是不是|算不算|\b(?:is|are|does|can) (?:this|that|it|sudden)\b/;
const SOMEONE_OR_NOW =
  /我|你|他|她|俺|咱|[爸妈爷奶公婆伴夫妻儿女]|刚才|刚刚|现在|今天|早上|昨天|这会儿|\b(?:i|my|me|he|she|his|her|we|now|today|just now|this morning)\b/;

function sentenceTail(norm: string, pos: number): string {
  const rest = norm.slice(pos);
  const end = rest.search(SENTENCE_BREAK);
  return end < 0 ? rest : rest.slice(0, end);
}

function sentenceAround(norm: string, pos: number): Span {
  let a = pos;
  while (a > 0 && !SENTENCE_BREAK.test(norm.charAt(a - 1))) a--;
  let b = pos;
  while (b < norm.length && !SENTENCE_BREAK.test(norm.charAt(b))) b++;
  // The question mark or full stop that ends the sentence belongs to it.
  return { start: a, end: Math.min(norm.length, b + 1) };
}

/** A resolution cue (the bout passed) and a habitual pattern (whenever, 一…就, 每次). */
const RESOLVED = /好了|冇事|没事|停了|止住|缓过来|过去了|看过|医院了|\b(?:gone|went away|settled|passed)\b/;
const HABITUAL =
  /每次|每回|经常|老是|总是|时不时|动不动|一(?:站|蹲|起|坐|躺|动|走|紧张|累|生气|着急|高|低|热|冷|激动|熬夜|喝酒|用力|劳累)[^,.。!?;]{0,4}就|(?:起身|站起来?|企起身|蹲下)就|有时候?|偶尔|\b(?:whenever|every time|each time|often|sometimes|occasionally|now and then|from time to time)\b/;

const CARRIED = 'experiencer:(subject carried over)';

/** The writer or a new person named between two mentions ends the dropped subject. */
const NEW_SUBJECT =
  /我|自己|本人|俺|你|[他她]|[爸妈爷奶公婆伴夫妻儿女哥姐弟妹叔姨舅姑]|\b(?:i|i'm|my|me|myself|he|she|his|her|you|mom|dad|mum)\b/;

/** Applies the sentence-level scopes to `ctx` (same order as `spans`, normalised positions). */
type Target = Span & { kind?: string; redFlag?: string; concept?: string };

export function applySentenceScopes(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  sentenceScopes(norm, spans, ctx);
  // Last: a denied symptom no longer there (不喘了), the dropped subject across sentences (scope7.ts).
  applyMessageScopes7(norm, spans, ctx);
}

function sentenceScopes(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  // Questions and answers, drug leaflets, history headers (scope2.ts).
  applyMessageScopes(norm, spans, ctx);
  // General enquiries, an episode over by a later sentence (scope3.ts).
  applyMessageScopes3(norm, spans, ctx);
  // A general forward (an article, no person or time: scope4.ts).
  applyMessageScopes4(norm, spans, ctx);
  // A past TIA fine since, a past stay's symptom now gone, Chinese denial lists, general questions (scope5.ts).
  applyMessageScopes5(norm, spans, ctx);
  // Study and general questions, a doctor's name for a dated episode, a past-day fit fine since (scope6.ts).
  applyMessageScopes6(norm, spans, ctx);
  // One past episode with none since, a deficit left by a stroke and unchanged (scope8.ts, round 9).
  applyMessageScopes8(norm, spans, ctx);
  // The experiential aspect inside a condition's words ("中风过", "中过风") dates it, like 过 after it.
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    if (s.kind !== 'condition' || r.modifiers.negated || r.modifiers.historical) return;
    if (!/过(?![去来])/.test(norm.slice(s.start, s.end))) return;
    if (RECURRENCE.test(sentenceTail(norm, s.end))) return;
    r.modifiers.historical = true;
    r.cues.push('historical:过');
  });
  // Conditional carry-over.
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    const cue = r.cues.find((c) => c.startsWith('hypothetical:'))?.slice('hypothetical:'.length);
    if (!cue || !CONDITIONAL.test(cue)) return;
    const sentence = sentenceAround(norm, s.start);
    // The listed clauses run up to the question; what follows it is no longer the condition.
    const asked = norm.slice(s.end, sentence.end).search(ASKS);
    if (asked < 0) return;
    spans.forEach((t, j) => {
      const other = ctx[j] as ContextResult;
      if (j === i || t.start < s.end || t.start >= s.end + asked || other.modifiers.hypothetical) return;
      if (BREAKS.test(norm.slice(s.end, t.start))) return;
      other.modifiers.hypothetical = true;
      other.cues.push(`hypothetical:${cue} (listed)`);
    });
  });
  // A recurring symptom whose every bout passes ("一站起来就晕，一会就好了", "每次…就没事") is current: the pattern goes on.
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    const cue = r.cues.find((c) => c.startsWith('historical:'));
    if (!r.modifiers.historical || !cue || !RESOLVED.test(cue)) return;
    // (Round 7: a known epilepsy's usual fit, stopped with the person awake and answering — "每次都这样" — stays over,
    // per the README's fit convention.)
    if (s.concept === 'seizure' && /对答|清醒|醒|back to|awake/.test(cue)) return;
    const sentence = sentenceAround(norm, s.start);
    if (!HABITUAL.test(norm.slice(sentence.start, sentence.end))) return;
    r.modifiers.historical = false;
    r.cues.push('current:recurring');
  });
  // One resolution closes the symptoms of one episode ("胸口闷了一下心慌了一阵，十来分钟好了"): a mention right before a
  // resolved one (a few characters, no terminator) is resolved too.
  for (let j = spans.length - 1; j > 0; j--) {
    const later = ctx[j] as ContextResult;
    const earlier = ctx[j - 1] as ContextResult;
    if (!later.modifiers.historical || later.cues.some((c) => c === 'current:recurrence')) continue;
    // Only a resolution carries, and never to a stroke or sight sign (one that went away is a TIA: BE-FAST, 中风120).
    // (A mention closed by the same episode passes it on: "发烧抽了一次，热性惊厥，已经看过医生了".)
    if (
      !later.cues.some(
        (c) => c.startsWith('historical:') && (RESOLVED.test(c) || c.endsWith('(same episode)')),
      )
    )
      continue;
    const sign = (spans[j - 1] as Target).redFlag;
    if (sign === 'neuro-deficit' || sign === 'vision-loss') continue;
    // (A condition named before the episode is not part of it: "我是糖尿病人刚才头晕…就好了".)
    if ((spans[j - 1] as Target).kind === 'condition') continue;
    const m = earlier.modifiers;
    if (m.historical || m.negated || m.hypothetical) continue;
    const gap = norm.slice((spans[j - 1] as Span).end, (spans[j] as Span).start);
    // A comma may stand before a restatement of the same event ("抽了一次，热性惊厥").
    const groupOf = (t: Target) => t.redFlag ?? t.concept;
    const same =
      groupOf(spans[j - 1] as Target) !== undefined &&
      groupOf(spans[j - 1] as Target) === groupOf(spans[j] as Target);
    if (gap.length > 6 || /现在|还|又|但|now|still/.test(gap)) continue;
    if (/[,.。!?;]/.test(gap) && !(same && !/[.。!?;]/.test(gap))) continue;
    m.historical = true;
    earlier.cues.push('historical:(same episode)');
  }
  // The dropped subject (experiencer) across sentences.
  spans.forEach((t, j) => {
    const r = ctx[j] as ContextResult;
    if (j === 0 || r.modifiers.experiencer !== 'patient') return;
    const p = ctx[j - 1] as ContextResult;
    const prev = spans[j - 1] as Span;
    const m = p.modifiers;
    if (m.experiencer !== 'other' || m.remote || m.negated || m.historical || m.hypothetical) return;
    const gap = norm.slice(prev.end, t.start);
    const carried = p.cues.includes(CARRIED);
    if ((!carried && !SENTENCE_BREAK.test(gap)) || NEW_SUBJECT.test(gap)) return;
    const own = sentenceAround(norm, t.start);
    if (NEW_SUBJECT.test(norm.slice(own.start, t.start))) return;
    r.modifiers.experiencer = 'other';
    r.cues.push(CARRIED);
  });
  // A general question about a sign in a message that is only asking.
  if (!ONLY_ASKING.test(norm)) return;
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    if (r.modifiers.hypothetical || r.modifiers.negated || r.modifiers.experiencer !== 'patient') return;
    const sentence = sentenceAround(norm, s.start);
    const text = norm.slice(sentence.start, sentence.end);
    if (!QUESTION.test(text) || SOMEONE_OR_NOW.test(text)) return;
    r.modifiers.hypothetical = true;
    // A question about what a sign means is no doubt about a state the writer has.
    r.modifiers.uncertain = false;
    r.cues.push('hypothetical:general question');
  });
}
