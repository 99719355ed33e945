/**
 * Message-level scopes, part 8 (issue 16, round 9; classes of false emergencies of tuning part 23, formerly held-out 18;
 * tested with fresh sentences in classes15.test.ts), applied by scope.ts after the cue rules:
 * - One past episode with none since: a symptom or sign dated to a past day, week, month or year (上个礼拜, 去年,
 *   上周三, "last Tuesday") and told as not come back since (之后都没再发生, 后来没有再发, 冇再痛过, "fine since",
 *   "nothing since") is past (README labelling conventions: a symptom episode that is over is `hist`; a past-day
 *   stroke or sight sign that went away is a past TIA — decision 0021, same-day care, not a call now). Never when the
 *   day starts a sign that goes on (从昨天开始, "since Tuesday"), when a present onset is named before the sign (今天,
 *   刚才, now), or when it is back, still there or worse between the sign and the "none since".
 * - A deficit left by a stroke and unchanged ("still slurred from the stroke, same as when I left hospital, no
 *   change", 中风留下的，跟出院时一样，没变化) is long-standing (README: a long-standing deficit is `hist`); a new,
 *   worse or sudden one stays current (BE-FAST: a new deficit is a new stroke until proven otherwise).
 * - The pregnancy named by the weeks after birth (产后第五天, 生完孩子, "gave birth 3 days ago", postpartum) is over
 *   (the corpus labels it `hist`); the obstetric warning-sign compositions read their own gate (compose4.ts), and
 *   postpartum pre-eclampsia signs stay emergencies.
 * - A clinician's call transcript (护士：…患者：…, "Nurse: … Patient: …", 护：…患：…) or a follow-up note about "the
 *   patient" (随访记录…患者…, "Nurse call — patient …") is written by the clinician: what the patient says about themself
 *   is someone else's (README labelling conventions: `fam` is "a patient described by a clinician or relay").
 * Operational cue lists, not clinical numbers.
 */
import type { ContextResult } from './context.ts';
import { CHRONIC, FAMILY_ZH } from './rules.ts';
import type { Span } from './types.ts';

type Target = Span & { kind?: string; redFlag?: string; concept?: string };

/** A past day, week, month or year (not today). */
const PAST_TIME =
  /昨天|昨晚|前天|前晚|上周|上个?(?:星期|礼拜|月)|去年|前年|周[一二三四五六日天](?!末)|星期[一二三四五六日天]|礼拜[一二三四五六日天]|(?<![\d十百])(?:[一二两三四五六七八九十几]|\d{1,2})(?:个)?(?:天|日|月|年|星期|礼拜)前|前(?:两|几)天|\b(?:yesterday|last (?:night|week|month|year|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|the other day|(?:\d{1,2}|one|two|three|four|five|six|a couple of|a few|few) (?:days|weeks|months|years) ago)\b/;
/** The day as the start of something that goes on. */
const FROM_TIME =
  /(?:从|自)(?:昨天|昨晚|前天|上周|上个?(?:星期|礼拜|月)|去年)|(?:昨天|昨晚|前天|上周)[^,，。!?\n]{0,4}?(?:开始|起)|\bsince (?:yesterday|last|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/;
/** Not come back since. */
const NONE_SINCE =
  /(?:之后|后来|以后|此后|从那以后|自那以后|到现在|过后)[^。!?\n]{0,6}?(?:没|冇|未|無|无)(?:有)?再|再(?:也)?(?:没|冇|未)(?:有)?(?:发|犯|痛|疼|出现|发生)|\b(?:nothing since|(?:fine|ok|okay|normal|good|well|all right|alright) (?:ever )?since|no (?:more|further) (?:episodes?|attacks?|pain|problems?)|(?:has|have)(?:n'?t| not) (?:happened|come back|recurred|returned)(?: (?:again|since))?|not (?:happened|come back|recurred) (?:again|since))\b/;
/** Back, still there or worse between the sign and the "none since". */
const NOT_OVER =
  /又(?!好)|再次|还在|仍然|仍在|现在(?:又|还)|加重|\b(?:again|still|came back|right now|worse)\b/;
/** A present onset named before the sign in its sentence. */
const NOW_ONSET = /今天|今早|刚才|刚刚|现在|\b(?:today|this morning|tonight|just now|now)\b/;

/** Left by a stroke. */
const LEFT_BY_STROKE =
  /\b(?:from|since|after) (?:the|my|his|her|that) stroke\b|(?:中风|脑梗|脑出血)(?:后|以后|之后)?(?:留下|遗留|落下)的?|后遗症/;
/** Unchanged. */
const UNCHANGED =
  /\b(?:same as (?:when|before|always|usual)|no change|not changed|unchanged|no different|no worse|not worse)\b|没(?:有)?变化|没(?:有)?加重|(?:跟|和|与)(?:出院|以前|之前|平时)[^,，。!?\n]{0,4}?(?:一样|差不多)|老样子/;
/** New, worse or sudden. */
const NEW_OR_WORSE =
  /突然|加重|更(?:厉害|严重|重)|新的?|\b(?:new|worse|suddenly|sudden|more slurred|different now)\b/;

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

function pastEpisodeNoneSince(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  const all = sentenceSpans(norm);
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    if (!open(r) || (s.kind !== 'red-flag' && s.kind !== 'symptom')) return;
    if (s.concept && CHRONIC.includes(s.concept)) return;
    const k = all.findIndex((x) => x.start <= s.start && s.start < x.end);
    const own = all[k];
    if (!own) return;
    // The time: in the sign's sentence (before or after it) or in the sentence before.
    const around = norm.slice(all[k - 1]?.start ?? own.start, own.end);
    if (!PAST_TIME.test(around) || FROM_TIME.test(around)) return;
    if (NOW_ONSET.test(norm.slice(own.start, s.start))) return;
    const after = norm.slice(s.end);
    const none = NONE_SINCE.exec(after);
    if (!none || NOT_OVER.test(after.slice(0, none.index))) return;
    // (Back after the "none since": 后来没再痛，可是今天又痛起来了.)
    if (r.cues.includes('current:recurrence') || NOT_OVER.test(after.slice(none.index + none[0].length)))
      return;
    r.modifiers.historical = true;
    r.cues.push('historical:past episode, none since');
  });
}

function residualUnchanged(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  const all = sentenceSpans(norm);
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    if (!open(r) || s.redFlag !== 'neuro-deficit' || s.concept === 'stroke-now') return;
    const own = all.find((x) => x.start <= s.start && s.start < x.end);
    if (!own) return;
    const sentence = norm.slice(own.start, own.end);
    if (!LEFT_BY_STROKE.test(sentence) || !UNCHANGED.test(sentence) || NEW_OR_WORSE.test(sentence)) return;
    r.modifiers.historical = true;
    r.cues.push('historical:left by a stroke, unchanged');
  });
}

/** A clinician's speaker label and a patient's speaker label (a transcript), or a follow-up note about the patient. */
const CLINICIAN_LABEL = /(?:^|[\s,.。!?)）])(?:护士|护|医生|大夫|医|nurse|dr|doctor)\s*:/;
const PATIENT_LABEL = /(?:^|[\s,.。!?)）])(?:患者|患|病人|patient|pt)\s*:/;
const FOLLOW_UP_NOTE =
  /^\s*(?:随访记录|随访电话记录|电话随访|随访|nurse (?:call|follow-up(?: call)?)|follow-up call)[^。!?\n]{0,80}?(?:患者|病人|\bpatient\b|\bpt\b)/;

function clinicianTranscript(spans: readonly Target[], ctx: ContextResult[]): void {
  spans.forEach((_, i) => {
    const r = ctx[i] as ContextResult;
    if (r.modifiers.experiencer !== 'patient') return;
    r.modifiers.experiencer = 'other';
    r.cues.push('experiencer:(the patient of a clinician’s transcript)');
  });
}

const PERSON_BEFORE = new RegExp(`${FAMILY_ZH}|[他她]|\\b(?:my|his|her|wife|she)\\b`);
/** The weeks after birth named as the pregnancy (产后, 生完孩子, 剖腹产后, "gave birth", postpartum): it is over. */
const AFTER_BIRTH = /产后|生完|剖(?:腹|宫)?产(?:完|后)|剖完|月子|\b(?:gave birth|postpartum|post-partum)\b/;

function afterBirth(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  spans.forEach((s, i) => {
    const r = ctx[i] as ContextResult;
    if (s.concept !== 'pregnancy' || r.modifiers.historical || r.modifiers.negated) return;
    const said = norm.slice(s.start, s.end);
    if (!AFTER_BIRTH.test(said)) return;
    r.modifiers.historical = true;
    r.cues.push('historical:after birth');
    // The child born (生完孩子) is no experiencer of the mother's pregnancy.
    const cue = r.cues.find((c) => c.startsWith('experiencer:'))?.slice('experiencer:'.length);
    // (Unless a person is named before it: 我老婆生完孩子第三天.)
    const before = norm.slice(Math.max(0, s.start - 12), s.start);
    if (r.modifiers.experiencer === 'other' && cue && said.includes(cue) && !PERSON_BEFORE.test(before)) {
      r.modifiers.experiencer = 'patient';
      r.cues.push('experiencer:(the child born is not the experiencer)');
    }
  });
}

/** Applies the message-level scopes of this part to `ctx` (same order as `spans`, normalised positions). */
export function applyMessageScopes8(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  if (!spans.length) return;
  // (Each scope runs only where its words occur: speed only.)
  if (NONE_SINCE.test(norm) && PAST_TIME.test(norm)) pastEpisodeNoneSince(norm, spans, ctx);
  if (UNCHANGED.test(norm) && LEFT_BY_STROKE.test(norm)) residualUnchanged(norm, spans, ctx);
  if (AFTER_BIRTH.test(norm)) afterBirth(norm, spans, ctx);
  if ((CLINICIAN_LABEL.test(norm) && PATIENT_LABEL.test(norm)) || FOLLOW_UP_NOTE.test(norm))
    clinicianTranscript(spans, ctx);
}
