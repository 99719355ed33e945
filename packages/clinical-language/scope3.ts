/**
 * Message-level scopes, part 3 (issue 16; classes of false emergencies of independent tuning parts 10 and 11),
 * applied by scope.ts after the cue rules:
 * - General enquiries: a question whose subject is anyone ("can you go blind from…", "can a seizure make one side
 *   weak?", "can diabetics have heart attacks without chest pain?") is about what may happen, not about a person now;
 *   and in a message that says it is an enquiry ("what are the signs of…", "怎么区分", "想了解一下", "看到新闻",
 *   "for uni", "school project"), a question about a sign with no person and no time named is general too. A person
 *   (我妈, my, he) or a time (刚才, now, today) in the sentence keeps it real: the emergency rule errs to the emergency.
 * - An episode on a past day followed by a sentence saying it is over ("chest pain on Friday … Chest is fine now.",
 *   "昨天胸口疼了一下。今天没事"): over (historical). Never a stroke or sight sign (one that went away is a TIA: BE-FAST,
 *   中风120), never a chronic condition, never when it goes on (still, 还, since) or came back.
 * Operational cue lists, not clinical numbers.
 */
import type { ContextResult } from './context.ts';
import { CHRONIC, CONTINUING, FAMILY_EN, FAMILY_ZH, RECURRENCE, SENTENCE_BREAK } from './rules.ts';
import { PAST_TIME } from './rules5.ts';
import type { Span } from './types.ts';

type Target = Span & { kind?: string; redFlag?: string; concept?: string };

/** A question whose subject is anyone: what can happen to people, what a sign or disease can do. */
const GENERIC_Q = new RegExp(
  [
    '^\\s*(?:so |but |and |hi,? )?(?:can|could|will|would|does|do) (?:u|you|one|people|someone|somebody|a person|anyone|diabetics|(?:[a-z]+ )?(?:patients|people|sufferers|diabetics))(?: with [a-z0-9 ]{1,20})? (?:go|get|have|develop|suffer|become|be|feel|die)\\b',
    '^\\s*(?:so |but |and )?(?:can|could|does|do|will|would) (?:a|an)(?: [a-z-]+){1,2} (?:make|cause|give|lead to|trigger|bring on)\\b',
  ].join('|'),
);
/** The message says it is an enquiry, not a report of a state. */
const ENQUIRY =
  /(?:诊断学|内科学|外科学|病理学|生理学|药理学|儿科学|妇产科学|神经病学|护理学|急诊医学)|作业[:：]|考题|习题|理论题|学问题[:：]|带教|想(?:先|提前)?了解|了解一下|提前(?:知道|了解)|想学|急救(?:知识|常识)|新闻里|不是我现在|科普|好奇|看到新闻|看新闻|新闻上|看到(?:一篇)?文章|网上看到|刷到|怎么区分|如何区分|有什么区别|是什么意思|(?:就|只|只是|就是|随便|单纯|先|提前)问问|\b(?:what are the (?:early |warning )?(?:signs|symptoms)|difference between|how do you tell|just (?:asking|curious|wondering|reading)|asking for a friend|for (?:a |an |my )?(?:school |uni |university |college )?(?:project|assignment|essay|exam|class|coursework)|for uni)\b/;
/** The sentence asks (a question, or what something is). */
const QUESTION =
  /[?]|吗|是不是|算不算|会不会|什么意思|怎么回事|怎么区分|如何区分|有什么区别|\b(?:is|are|does|do|can|could) (?:this|that|it|sudden|a|an|u|you|one|someone|people)\b|\b(?:always|usually|typically)\b/;
/** A person or a time named in the sentence: it is about someone now. */
const SOMEONE_OR_NOW =
  /我|他|她|俺|咱|[爸妈爷奶公婆伴夫妻儿女]|刚才|刚刚|现在|今天|早上|昨天|这会儿|\b(?:i|i'm|my|me|he|she|his|her|we|our|now|today|tonight|just now|this morning|minutes? ago|hours? ago)\b/;

/** A sentence that says the episode is over ("Chest is fine now.", "Today I'm ok", "今天没事"). */
const FINE_NOW =
  /^\s*(?:but |and |today |now )?(?:(?:my |the |his |her )?(?:chest|head|heart|breathing|it|everything|all|i|i'm|he|she|he's|she's)(?:'s| is| am| feels?)? )?(?:totally |completely |absolutely )?(?:fine|ok|okay|alright|all right|normal|back to normal|good) (?:now|today)\b|^\s*(?:今天|现在)(?:就|都|已经)?(?:没事了?|好了|不(?:疼|痛|闷|晕|喘)了)/;

function sentences(norm: string): Span[] {
  const out: Span[] = [];
  let a = 0;
  for (let i = 0; i < norm.length; i++) {
    const ch = norm.charAt(i);
    const br = ch === '.' ? !/\d/.test(norm.charAt(i + 1)) : SENTENCE_BREAK.test(ch);
    if (br) {
      out.push({ start: a, end: i + 1 });
      a = i + 1;
    }
  }
  if (a < norm.length) out.push({ start: a, end: norm.length });
  return out;
}

function generalEnquiries(norm: string, spans: readonly Target[], ctx: ContextResult[], all: Span[]): void {
  const enquiry = ENQUIRY.test(norm);
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    const m = r.modifiers;
    if (m.hypothetical || m.experiencer !== 'patient') return;
    const sent = all.find((x) => x.start <= s.start && s.start < x.end);
    if (!sent) return;
    const text = norm.slice(sent.start, sent.end);
    if (SOMEONE_OR_NOW.test(text)) return;
    const g = GENERIC_Q.exec(text);
    const generic = g !== null;
    if (!generic && !(enquiry && !m.negated && QUESTION.test(text))) return;
    // The population asked about ("Can diabetics have…") is no state of anyone: its condition keeps its reading.
    if (g && s.kind === 'condition' && s.start < sent.start + g.index + g[0].length) return;
    m.hypothetical = true;
    // A question about what may happen to anyone doubts, denies and dates nothing of the writer.
    m.uncertain = false;
    if (generic) {
      m.negated = false;
      m.historical = false;
    }
    r.cues.push(`hypothetical:${generic ? 'question about anyone' : 'general question (enquiry)'}`);
  });
}

function overLater(norm: string, spans: readonly Target[], ctx: ContextResult[], all: Span[]): void {
  const fine = all.filter((x) => FINE_NOW.test(norm.slice(x.start, x.end)));
  if (!fine.length) return;
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    const m = r.modifiers;
    if (m.historical || m.negated || m.hypothetical) return;
    if (s.kind !== 'red-flag' && s.kind !== 'symptom') return;
    if (s.redFlag === 'neuro-deficit' || s.redFlag === 'vision-loss') return;
    if (s.concept && CHRONIC.includes(s.concept)) return;
    const sent = all.find((x) => x.start <= s.start && s.start < x.end);
    const after = fine.find((f) => sent && f.start >= sent.end);
    if (!sent || !after) return;
    const own = norm.slice(sent.start, sent.end);
    if (!PAST_TIME.test(own) || CONTINUING.test(own) || /\bsince\b|开始|started/.test(own)) return;
    if (RECURRENCE.test(norm.slice(s.end, after.end))) return;
    m.historical = true;
    r.cues.push(`historical:${norm.slice(after.start, after.end).trim()}`);
  });
}

/** The person named right after a question about a diagnosis ("Could this be a stroke? My grandpa's face…"). */
const NAMED_AFTER = new RegExp(
  `^[\\s,.。!?]*(?:我(?:的|家)?${FAMILY_ZH}|\\b(?:my|our) (?:${FAMILY_EN})(?:'s|s)?\\b)`,
);
const DIAGNOSIS = /^(?:stroke|stroke-now|tia|myocardial-infarction|mi-now|aortic-dissection)$/;

/**
 * A diagnosis guessed or asked about before the person is named ("可能是中风了，我奶奶右半边身子动不了", "Could this be a
 * stroke? My grandpa's right side…"): the diagnosis is that person's, when the writer is not named before it.
 */
function subjectAfter(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    if (!s.concept || !DIAGNOSIS.test(s.concept) || r.modifiers.experiencer !== 'patient') return;
    if (!r.modifiers.uncertain) return;
    if (/我|俺|\b(?:i|i'm|my|me)\b/.test(norm.slice(0, s.start))) return;
    // The rest of its clause, then the next clause or sentence must start with the person.
    const rest = norm.slice(s.end);
    const stop = rest.search(/[,.。!?;]/);
    if (stop < 0 || stop > 12) return;
    if (!NAMED_AFTER.test(rest.slice(stop))) return;
    r.modifiers.experiencer = 'other';
    r.cues.push('experiencer:(named after the question)');
  });
}

/** Applies the message-level scopes of this part to `ctx` (same order as `spans`, normalised positions). */
export function applyMessageScopes3(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  const all = sentences(norm);
  generalEnquiries(norm, spans, ctx, all);
  overLater(norm, spans, ctx, all);
  subjectAfter(norm, spans, ctx);
}
