/**
 * Message-level scopes, part 6 (issue 16, round 6; classes of false emergencies of tuning parts 19 and 21, tested with
 * fresh sentences in modifiers13.test.ts), applied by scope.ts after the cue rules:
 * - A study or exam question (内科学复习, 考试题, 考研, 医学生提问, 书上, "medical student", "for my exam") with no
 *   patient, person of a report or time of one (刚才, 床, 患者, now, today, "my mum") is general: hypothetical.
 * - A message that only asks general questions about signs — every sentence holding a sign is a question with no
 *   person, "this/it" or time, and the message names no one (hearsay such as "I heard", 听说 aside) — is general
 *   ("Is chest pain different in women? I heard heart attacks can feel like indigestion").
 * - A diagnosis a doctor gave to an episode already dated (…上周抽过一次，一分钟就好了，医生说是热性惊厥) belongs to that
 *   episode: past, unless the sign is now again.
 * - A fit or faint on a past day, over (抽过一次, 晕过去一次, "had a fit", passed) and fine since (今天一切正常, "fine today")
 *   is past (README fit convention: a fit today stays current when it needs a call; one on a past day does not).
 * - A message headed by a patient's age and sex (58M, 74F, 4yo, 男，60岁, 2岁男童) with the writer nowhere its subject is
 *   about that patient (README convention: a patient described by a clinician or relay is `fam`).
 * Operational cue lists, not clinical numbers.
 */
import type { ContextResult } from './context.ts';
import { CHRONIC, RECURRENCE } from './rules.ts';
import type { Span } from './types.ts';

type Target = Span & { kind?: string; redFlag?: string; concept?: string };

/** A study, exam or textbook question. */
const STUDY =
  /复习|考试题|考题|考研|考点|真题|执医|医考|(?:病理|生理|病理生理|内科|外科|诊断|药理|神经|急诊)(?:学)?课|课(?:上|堂)(?:讲|老师)?|医学生|护理学生|书上|教材|课本|讲义|\b(?:medical|nursing|med|pharmacy) (?:student|school)\b|\bexam (?:question|paper)\b|\bfor (?:my|an|the) (?:exam|boards|finals|osce|test)\b|\btextbook\b|\blecture\b|\brevision\b|\bosce\b|\bquiz\b/;
/** A patient, a person of a report or a time of one: the study framing may be a real case. */
const REPORT_NOW =
  /刚才|刚刚|现在|今天|今晚|今早|昨天|前天|小时前|分钟前|\d+\s?床|患者|病人|阿姨|大爷|老人家|考研党|我(?:妈|爸|爷|奶|外婆|外公|老公|老婆|家)|\b(?:now|right now|just now|today|tonight|this morning|ago|my|i'?m|i have|i've|patient|pt|bed \d+)\b/;

/** Asking: a question, a distinction or a definition. */
const ASKING =
  /[?？]|吗|怎么|如何|哪些|什么|为什么|区别|鉴别|定义|几分钟|\b(?:how|what|why|which|difference|define|definition)\b/;
/** "Like someone …" in a simile is no other person (feels like someone's kneeling on my chest). */
const SIMILE_SOMEONE = /\b(?:like|as if|as though)\s+(?:someone|somebody)\b/;

/** Hearsay and reading: no person of a report ("heard" may reach here typo-corrected to "heart"). */
const HEARSAY =
  /\bi (?:hear[dt]|read|saw|was told|have hear[dt]|'ve hear[dt]|keep hearing|wonder|was wondering|am wondering|'m wondering)\b|听说|看到|看了|听人说/g;
/** A person, "this/it" (the writer's own state) or a time of a report. */
const REPORT =
  /我|你|他|她|俺|咱|[爸妈爷奶公婆伴夫妻儿女孩娃宝]|刚才|刚刚|现在|今天|今晚|早上|昨天|这会儿|这样|这个|\b(?:i|i'm|i've|my|me|mine|you|your|he|she|his|her|him|we|our|us|they|now|today|tonight|yesterday|just|this|it|it's|currently|right now|ago)\b/;
/** An English yes/no or wh- question sentence (telegraphic Chinese reports often carry no person word: not read). */
const QUESTION =
  /^\s*(?:is|are|does|do|can|could|should|will|would|how|what|why|when|which)\b[^?\u3400-\u9fff]*\?\s*$/;

/** A doctor's name for what happened. */
const DOCTOR_SAID =
  /(?:医生|大夫|医院|医师)(?:说|讲|诊断|判断|考虑)(?:是|为|成|了)?[^,，。.!?;\s]{0,4}$|诊断(?:为|是)[^,，。.!?;\s]{0,4}$|\b(?:doctors?|dr|gp|they|the hospital) (?:said|says|called|diagnosed|thinks?|thought)(?: it)?(?: (?:was|as|is))?(?: an?)?(?: [a-z]+)?\s?$/;

const PAST_DAY =
  /昨天|昨晚|昨夜|前天|前晚|上周|上个?(?:星期|礼拜|月)|\b(?:yesterday|last night|last week|the other day|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/;
/** Over: the experiential 过, a count of one bout, passed or came round. */
const OVER =
  /过(?:一次|一回|一下|去一次)?|一次|一回|好了|停了|醒了|没事了|\b(?:had (?:a|one)|passed|stopped|came round|came to)\b/;
const FINE_SINCE =
  /(?:今天|今早|现在|之后|后来|这两天)[^。!?\n]{0,8}?(?:没事|挺好|正常|好好的|没再|都好)|\b(?:fine|normal|ok|okay|well)\b[^.!?\n]{0,16}?\b(?:since|today|now)\b|\b(?:today|now)\b[^.!?\n]{0,20}?\b(?:normal|fine|ok|okay)\b/;
const NOW_AGAIN =
  /又(?!好)|再次|还在|还是(?!好)|仍然|现在(?:又|还)|\b(?:again|still|came back|coming back|right now|at the moment)\b/;

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

const closed = (r: ContextResult): boolean =>
  r.modifiers.negated || r.modifiers.historical || r.modifiers.hypothetical;

function mark(r: ContextResult, cue: string): void {
  r.modifiers.hypothetical = true;
  r.modifiers.uncertain = false;
  r.cues.push(`hypothetical:${cue}`);
}

function studyQuestion(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  if (REPORT_NOW.test(norm) || !ASKING.test(norm)) return;
  spans.forEach((_, i) => {
    const r = ctx[i] as ContextResult;
    if (!closed(r)) mark(r, 'study question');
  });
}

function onlyGeneralQuestions(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  if (REPORT.test(norm.replace(HEARSAY, ' '))) return;
  const all = sentenceSpans(norm);
  const signs = spans.filter((s) => s.redFlag !== undefined);
  if (!signs.length) return;
  const asked = (s: Target) => {
    const own = all.find((x) => x.start <= s.start && s.start < x.end);
    return own !== undefined && QUESTION.test(norm.slice(own.start, own.end));
  };
  if (!signs.every(asked)) return;
  spans.forEach((_, i) => {
    const r = ctx[i] as ContextResult;
    if (!closed(r)) mark(r, 'general question');
  });
}

function doctorsName(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    if (closed(r)) return;
    if (!DOCTOR_SAID.test(norm.slice(Math.max(0, s.start - 16), s.start))) return;
    const group = s.redFlag ?? s.concept;
    const dated = spans.some(
      (t, j) => j < i && (t.redFlag ?? t.concept) === group && (ctx[j] as ContextResult).modifiers.historical,
    );
    if (!dated || NOW_AGAIN.test(norm.slice(s.end))) return;
    r.modifiers.historical = true;
    r.cues.push("historical:doctor's name for a dated episode");
  });
}

function pastFit(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  const all = sentenceSpans(norm);
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    if (r.modifiers.negated || r.modifiers.historical || r.modifiers.hypothetical) return;
    if (s.concept !== 'seizure' && s.concept !== 'syncope') return;
    const k = all.findIndex((x) => x.start <= s.start && s.start < x.end);
    const own = all[k];
    if (!own) return;
    if (!PAST_DAY.test(norm.slice(own.start, s.start))) return;
    if (/今天|刚才|刚刚|现在|\b(?:today|this morning|just now|now)\b/.test(norm.slice(own.start, s.start)))
      return;
    const after = norm.slice(s.end, all[k + 1]?.end ?? own.end);
    if (!OVER.test(norm.slice(s.start, Math.min(norm.length, s.end + 6))) && !OVER.test(after)) return;
    if (!FINE_SINCE.test(after) || NOW_AGAIN.test(after) || RECURRENCE.test(after)) return;
    r.modifiers.historical = true;
    r.cues.push('historical:past day, fine since');
  });
}

/**
 * A simile is the writer's own sign: "like someone's kneeling on my chest" names no other person, and 好像 that opens
 * the simile inside the sign (胸口好像有块石头压着) hedges nothing.
 */
function similes(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    const m = r.modifiers;
    if (m.experiencer === 'other' && r.cues.some((c) => /^experiencer:(?:someone|somebody)/.test(c))) {
      const own = r.cues.filter((c) => c.startsWith('experiencer:'));
      if (own.length === 1 && SIMILE_SOMEONE.test(norm.slice(Math.max(0, s.start - 120), s.end))) {
        m.experiencer = 'patient';
        r.cues.push('experiencer:(simile)');
      }
    }
    // "feels as if …" is a simile, not a condition.
    const cond = r.cues.filter((c) => c.startsWith('hypothetical:'));
    if (m.hypothetical && cond.length === 1 && cond[0] === 'hypothetical:if') {
      const before = norm.slice(Math.max(0, s.start - 60), s.start);
      if (/\bas if\b/.test(before) && !/\bif\b/.test(before.replace(/\bas if\b/g, ' '))) {
        m.hypothetical = false;
        r.cues.push('current:(simile as if)');
      }
    }
    const hedge = r.cues.find((c) => c.startsWith('uncertain:'))?.slice('uncertain:'.length);
    if (
      m.uncertain &&
      hedge &&
      /^(?:好像|像|似乎)$/.test(hedge) &&
      new RegExp(`${hedge}(?:是)?(?:有|被)(?:一)?[块个座床只头张堆]`).test(norm.slice(s.start, s.end))
    ) {
      m.uncertain = false;
      r.cues.push('certain:(simile)');
    }
  });
}

/** A clinician's or relay's header for a patient: age and sex (58M, 74F, 4yo, 男，60岁, 2岁男童). */
const DEMOGRAPHIC =
  /(?<![\d/.])\b\d{1,3}\s?(?:m|f|yo|y\/o|years? old|year-old)\b|(?:男|女)[,，、\s]*\d{1,3}\s?岁|\d{1,3}\s?岁(?:的)?(?:男|女)/;
/** The writer as the one with the signs (我是…的 introduces the writer's role, not a sign of theirs). */
const FIRST_PERSON = /我(?!们|是)|\b(?:i|i'm|i've|my|me|myself)\b/;

/** A message headed by a patient's age and sex, with the writer nowhere the subject, is about that patient. */
function describedPatient(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  if (FIRST_PERSON.test(norm.replace(/我是[^,，。.!?;]*/g, ' '))) return;
  spans.forEach((_, i) => {
    const m = (ctx[i] as ContextResult).modifiers;
    if (m.experiencer !== 'patient') return;
    m.experiencer = 'other';
    (ctx[i] as ContextResult).cues.push('experiencer:(age and sex of a described patient)');
  });
}

/** An episode over, said after the symptom in its sentence (gone now, stopped after 10 mins, 好了, 止住了, 今天不晕了). */
const OVER_AFTER =
  /好了|好返|停了|止住了?|消了|退了|没了|过去了|不(?:晕|疼|痛|麻|咳|肿|恶心|心慌)了|\bstopped\b(?! (?:me|him|her|us|them|my|his))|\bgone(?=\s*(?:[,.!?;]|$|now|since|by|after|away|completely|today))|\bwent (?:away|down)\b|\bsettled\b|\bcleared\b|\bpassed(?: off)?\b|\bresolved\b|\bsubsided\b|\b(?:fine|ok|okay|normal|good) (?:now|today|since)\b|\bright as rain\b/;
/** A recurring pattern whose every bout passes (README convention: current). */
const HABIT =
  /每次|每回|经常|老是|总是|时不时|动不动|有时|偶尔|\bby (?:the )?(?:morning|evening|night)\b|\b(?:whenever|every time|each time|often|sometimes|usually)\b/;
/** Still there, back again or worse between the symptom and its end. */
const NOT_OVER = /还在|还是|又|再|仍|但|可是|\b(?:still|again|but|back|worse|keeps?)\b/;

/**
 * A symptom (not a red flag, not a chronic condition) whose episode is told as over later in its sentence is past
 * (README convention: a symptom episode that is over is `hist`; stroke and sight signs are red flags and stay).
 */
function episodeOver(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  const all = sentenceSpans(norm);
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    if (s.kind !== 'symptom' || s.redFlag !== undefined || closed(r)) return;
    if (s.concept && CHRONIC.includes(s.concept)) return;
    const own = all.find((x) => x.start <= s.start && s.start < x.end);
    if (!own) return;
    const after = norm.slice(s.end, own.end);
    const over = OVER_AFTER.exec(after);
    if (!over || NOT_OVER.test(after.slice(0, over.index))) return;
    const rest = after.slice(over.index + over[0].length);
    const lead = after.slice(Math.max(0, over.index - 2), over.index);
    // (A bout that passes on an action — 歇一会儿就好了, 甩一甩就好了 — is a pattern that goes on; better but not gone
    // — 好了点, 好了一半; 没完没了, 不好了; 晕过去了 is a faint.)
    if (
      /就|便|完|没|不|晕|昏/.test(lead.slice(-1)) ||
      /^\s?(?:又|再|点|一点|一半|一大半|大半|些|很多|多了|[一两二三几\d]+天)/.test(rest)
    )
      return;
    // (A red flag told between is the episode the resolution speaks of: 发烧…抽了一分多钟，现在停了.)
    const at = s.end + over.index;
    if (spans.some((t) => t.redFlag !== undefined && t.start > s.end && t.start < at)) return;
    if (HABIT.test(norm.slice(own.start, own.end)) || /\bstill\b|还有|还在|仍/.test(rest)) return;
    r.modifiers.historical = true;
    r.cues.push(`historical:${over[0]} (episode over)`);
  });
}

/** Applies the message-level scopes of this part to `ctx` (same order as `spans`, normalised positions). */
export function applyMessageScopes6(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  if (!spans.length) return;
  // (Each scope runs only where its words occur: speed only.)
  if (STUDY.test(norm)) studyQuestion(norm, spans, ctx);
  if (norm.includes('?')) onlyGeneralQuestions(norm, spans, ctx);
  if (/医生|大夫|医院|医师|诊断|doctor|\bdr\b|\bgp\b|said|diagnosed/.test(norm))
    doctorsName(norm, spans, ctx);
  if (PAST_DAY.test(norm)) pastFit(norm, spans, ctx);
  if (DEMOGRAPHIC.test(norm)) describedPatient(norm, spans, ctx);
  if (OVER_AFTER.test(norm)) episodeOver(norm, spans, ctx);
  if (/像|似乎|\blike\b|\bas (?:if|though)\b/.test(norm)) similes(norm, spans, ctx);
}
