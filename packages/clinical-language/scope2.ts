/**
 * Message-level scopes, part 2 (issue 16; classes of modifier errors and false emergencies of independent tuning
 * parts 7, 8 and 9), applied by scope.ts after the cue rules:
 * - Questions and answers (chat bots, triage forms, "Bot: … ? Me: no", "问：…？答：没有", "小助手问…我说是的"): a sign asked
 *   about and answered no is denied (or past, when the answer dates it: "不疼了，前天疼过"); answered yes, the doubt of
 *   the question goes. Only when the question or the answer is labelled (Q:, Bot:, 问：, A:, Me:, 答：) — an unlabelled
 *   "Is this a stroke? No one is home" is no answer. What the answer itself says is untouched.
 * - Drug leaflets and side effects ("说明书上写可能引起胸痛", "the leaflet lists seizures as a side effect"): what the
 *   leaflet says later in its sentence is a general statement (hypothetical; the leaflet's hedge is no doubt of the
 *   writer), up to the writer's own words or a present (我, I, my, 现在, now, but).
 * - History headers of clinical notes ("既往史：冠心病，高血压8年", "PMH: HTN, T2DM"): the conditions listed after the
 *   header, up to the sentence end or a present (现, 今, today), are history.
 * Operational cue lists, not clinical numbers.
 */
import type { ContextResult } from './context.ts';
import type { Span } from './types.ts';

type Target = Span & { kind?: string; redFlag?: string; concept?: string };

/** A sentence break for these scopes (a question mark is handled separately). */
const STOP = /[。!\n]|\.(?!\d)/;
const Q_LABEL =
  /(?:^|[\s,.。!?])(?:q|bot|question|chatbot|assistant|nurse|问|小助手|助手|机器人|护士|(?:随访)?(?:护士|医生|大夫|医师|客服)问)\s*:\s*/g;
const A_LABEL =
  /^\s*(?:a|me|answer|reply|pt|patient|user|答|回答|我|用户|患者|家属|我答|(?:患者|病人|家属|病人家属|老人)(?:答|回答))\s*:\s*/;
/** A follow-up call transcript's answer by the patient or a relative (护士问…患者答…): the writer is the transcriber. */
const A_OTHER = /^\s*(?:患者|病人|家属|病人家属|老人)(?:答|回答)\s*:/;
// (Round 9: 都没有, 也没, 啥都没有 — "none of them" — answer a listed question no.)
const NO =
  /^(?:都|也|全都|啥都|什么都|一样都)?(?:(?:no|nope|nah|not really|not now|none|negative|nil)(?![a-z'])(?!\s+(?:idea|doubt|matter|one|clue|relief|better|change|improvement|way)\b)|没有|没|无(?![法力])|不是|否|冇|唔係|唔系|不(?![知清确好停行舒对太敢能会用了]))/;
const YES =
  /^(?:yes|yeah|yep|yup|correct|是的|是啊|是呀|对的|对|有的|有|嗯|还在|还是?(?:闷|疼|痛|晕|喘|麻|有))/;
/**
 * Round 9: an answer that tells a bout today still going on ("今天早上疼了一次，到现在还压着", "this morning, still there")
 * is a yes, and the question's experiential 过 ("疼过吗？") no longer dates it.
 */
const STILL = /^[^。!?\n]{0,24}?(?:到现在还|现在还|至今还|一直还|还在|还没好|\bstill\b)/;
/** Round 9: an answer that names only one past bout ("Only that one twinge on Sunday", 就上周三疼过一次): past. */
const PAST_BOUT =
  /^(?:(?:only|just)\b[^.!?\n]{0,30}\b(?:on (?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|last (?:week|night|month)|the other day|(?:\d+|a few|a couple of|two|three) days ago)\b|(?:就|只有?|只是)(?:上周|上个?(?:星期|礼拜)|昨天|前天|前几天|周[一二三四五六日天]|星期[一二三四五六日天]))/;
/** The answer dates the sign: over, not denied ("不疼了，前天疼过", "not now, it was last week"). */
const DATED =
  /昨天|前天|上周|上个?(?:月|星期|礼拜)|之前|以前|前几天|\b(?:yesterday|last (?:week|night|month)|it was|earlier|before)\b/;
const OTHER_PERSON =
  /病人|患者|[他她]|老人|孩子|宝宝|\b(?:he|she|him|her|the patient|your (?:mother|father|mum|mom|dad|wife|husband|son|daughter|child|baby|grandma|grandpa|grandmother|grandfather))\b/;
const WRITER = /我|\b(?:i|i'm|my|me)\b/;
/** A question reported without a question mark ("小助手问是不是胸口疼 我说是的"). */
const REPORTED_QA =
  /问(?:我)?(?<q>[^。!?\n]{1,30}?)\s*(?:我|他|她)(?:就)?(?:说|答|回答)(?:了)?\s*(?<a>是的|是啊|是|对|有|没有|没|不是|不)/g;

function answerEffect(
  norm: string,
  spans: readonly Target[],
  ctx: ContextResult[],
  q: Span,
  answer: string,
): void {
  const body = answer.replace(A_LABEL, '');
  const no = NO.test(body);
  const still = !no && STILL.test(body);
  const yes = !no && (YES.test(body) || still);
  const pastBout = !no && !yes && PAST_BOUT.test(body);
  // A person named in the question ("病人能叫醒吗？", "Is your mother confused?") is whom the answer's signs are about,
  // unless the answer names the writer.
  const person =
    (OTHER_PERSON.test(norm.slice(q.start, q.end)) && !WRITER.test(body)) || A_OTHER.test(answer);
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    if (
      person &&
      (s.start > q.end || (A_OTHER.test(answer) && s.start >= q.start)) &&
      s.start <= q.end + 1 + answer.length &&
      r.modifiers.experiencer === 'patient'
    ) {
      r.modifiers.experiencer = 'other';
      r.cues.push('experiencer:(named in the question)');
    }
  });
  // Round 9: an answer that names the same sign, affirmed ("手脚麻吗？患者：两只脚底都有点麻"), answers the question's
  // doubt as a yes would; its own reading (past, denied) stays with its own mention.
  if (!no && !yes && !pastBout) {
    const answerEnd = q.end + 1 + answer.length;
    const group = (t: Target) => t.redFlag ?? t.concept;
    spans.forEach((s, i) => {
      const r = ctx[i] as ContextResult;
      if (s.start < q.start || s.end > q.end || !r.modifiers.uncertain) return;
      const restated = spans.some((t, j) => {
        const o = (ctx[j] as ContextResult).modifiers;
        return (
          t.start > q.end && t.start < answerEnd && group(t) === group(s) && !o.negated && !o.hypothetical
        );
      });
      if (!restated) return;
      r.modifiers.uncertain = false;
      r.cues.push('current:answered by naming it');
    });
    return;
  }
  const past =
    pastBout || (no && DATED.test(body) && /了|\bnot now\b|\bno longer\b|\bnot anymore\b/.test(body));
  spans.forEach((s, i) => {
    if (s.start < q.start || s.end > q.end) return;
    const r = ctx[i] as ContextResult;
    r.modifiers.uncertain = false;
    if (yes) {
      if (still && r.cues.includes('historical:过')) r.modifiers.historical = false;
      r.cues.push('current:answered yes');
      return;
    }
    if (past) {
      r.modifiers.historical = true;
      r.cues.push(pastBout ? 'historical:answered a past bout' : 'historical:answered not now');
    } else {
      r.modifiers.negated = true;
      r.cues.push('negated:answered no');
    }
  });
}

function questionsAndAnswers(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  const labelled = [...norm.matchAll(Q_LABEL)].map((m) => m.index + m[0].length);
  for (let at = norm.indexOf('?'); at >= 0; at = norm.indexOf('?', at + 1)) {
    let start = at;
    while (start > 0 && !STOP.test(norm.charAt(start - 1)) && norm.charAt(start - 1) !== '?') start--;
    let end = at + 1;
    while (end < norm.length && !STOP.test(norm.charAt(end)) && norm.charAt(end) !== '?') end++;
    const answer = norm.slice(at + 1, end);
    const qLabel = labelled.some((p) => p >= start && p <= at);
    if (!qLabel && !A_LABEL.test(answer)) continue;
    answerEffect(norm, spans, ctx, { start, end: at }, answer);
  }
  for (const m of norm.matchAll(REPORTED_QA)) {
    const q = { start: m.index + 1, end: m.index + m[0].length - (m.groups?.a?.length ?? 0) };
    answerEffect(norm, spans, ctx, q, m.groups?.a ?? '');
  }
}

const LEAFLET =
  /说明书|药品说明|副作用|不良反应|\b(?:leaflet|package insert|patient information|side effects?|the insert)\b/g;
/** The writer's own words or a present end what the leaflet says. */
const OWN =
  /我|本人|自己|现在|目前|今天|刚才|但|可是|不过|\b(?:i|i'm|i've|me|my|now|today|but|currently|this morning)\b/;

function leaflets(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  for (const m of norm.matchAll(LEAFLET)) {
    const from = m.index + m[0].length;
    spans.forEach((s, i) => {
      if (s.start < from) return;
      const gap = norm.slice(from, s.start);
      if (STOP.test(gap) || /[?]/.test(gap) || OWN.test(gap)) return;
      const r = ctx[i] as ContextResult;
      if (r.modifiers.negated || r.modifiers.experiencer === 'other') return;
      r.modifiers.hypothetical = true;
      r.modifiers.uncertain = false;
      r.cues.push(`hypothetical:${m[0]}`);
    });
  }
}

const HISTORY_HEADER = /(?:既往史|既往病史|既往|病史)\s*:|\b(?:pmh|past medical history|hx)\s*:/g;
const HEADER_END = /现|今|本次|目前|\b(?:today|now|currently|presents?|c\/o)\b/;

function historyHeaders(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  for (const m of norm.matchAll(HISTORY_HEADER)) {
    const from = m.index + m[0].length;
    spans.forEach((s, i) => {
      if (s.start < from || s.kind !== 'condition') return;
      const gap = norm.slice(from, s.start);
      if (STOP.test(gap) || /[?]/.test(gap) || HEADER_END.test(gap)) return;
      const r = ctx[i] as ContextResult;
      if (r.modifiers.negated || r.modifiers.historical) return;
      r.modifiers.historical = true;
      r.cues.push(`historical:${m[0].trim()}`);
    });
  }
}

/** Diagnoses a hedge governs ("好像中风了"); the signs after them are observed, not doubted. */
const DIAGNOSIS = /^(?:stroke|stroke-now|tia|myocardial-infarction|mi-now|aortic-dissection|epilepsy)$/;
const EVENT = /^(?:stroke|tia|myocardial-infarction)$/;

/**
 * Two corrections of the cue rules:
 * - A hedge that governs a diagnosis ("我感觉好像中风了半边脸不对劲") stops there: a sign after the diagnosis, with the same
 *   cue, is observed (the README convention: the observed signs are affirmed).
 * - A past event (既往心梗, "had a heart attack before") stays past when the "again" of its sentence belongs to a sign
 *   named after it ("今日再次出现…胸痛", "now chest pain again"): the recurrence is the sign's.
 */
function diagnosisScopes(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    if (r.modifiers.uncertain && !DIAGNOSIS.test(s.concept ?? '')) {
      const cue = r.cues.find((c) => c.startsWith('uncertain:'));
      const governed = spans.some(
        (d, j) =>
          j < i &&
          DIAGNOSIS.test(d.concept ?? '') &&
          d.end <= s.start &&
          !/[,.。!?;\n]/.test(norm.slice(d.end, s.start)) &&
          (ctx[j] as ContextResult).cues.includes(cue ?? ''),
      );
      if (governed) {
        r.modifiers.uncertain = false;
        r.cues.push('current:observed after the diagnosis');
      }
    }
    if (EVENT.test(s.concept ?? '') && r.cues.includes('current:recurrence')) {
      const past = r.cues.find((c) => c.startsWith('historical:'));
      let end = s.end;
      while (end < norm.length && !STOP.test(norm.charAt(end)) && norm.charAt(end) !== '?') end++;
      const signAfter = spans.some(
        (t) => t.start >= s.end && t.end <= end && t.redFlag !== undefined && !EVENT.test(t.concept ?? ''),
      );
      if (past && signAfter) {
        r.modifiers.historical = true;
        r.cues.push("historical:(the recurrence is the sign's)");
      }
    }
  });
}

/** A general question whether a condition shows a sign ("心梗是不是会胸口疼？") asks, it doubts nothing. */
const GENERAL_WILL =
  /^hypothetical:(?:是不是(?:都)?会|会不会|一般(?:都)?会|通常会|都会|的表现|的症状|的征兆|的先兆|general question|signs? of|symptoms? of)/;

function generalQuestions(ctx: ContextResult[]): void {
  for (const r of ctx)
    if (r.modifiers.hypothetical && r.modifiers.uncertain && r.cues.some((c) => GENERAL_WILL.test(c))) {
      r.modifiers.uncertain = false;
      r.cues.push('current:(a general question is no doubt)');
    }
}

/** Applies the message-level scopes of this part to `ctx` (same order as `spans`, normalised positions). */
export function applyMessageScopes(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  if (norm.includes('?') || norm.includes('问')) questionsAndAnswers(norm, spans, ctx);
  leaflets(norm, spans, ctx);
  historyHeaders(norm, spans, ctx);
  diagnosisScopes(norm, spans, ctx);
  generalQuestions(ctx);
}
