/**
 * Message-level scopes, part 4 (issue 16; a class of training part 19, tested with fresh sentences in
 * modifiers11.test.ts), applied by scope.ts after the cue rules: a general forward — a message opened as a forward
 * (【转发】, 转发：, "Fwd:") that reads as an article (causes, early signs, what to know, pass it on) and names no person
 * and no time — is about what may happen, not about anyone now: its mentions are hypothetical. A forward about a person
 * (【转发】妈说心口像被人拧着…, "Fwd: dad says his arm is numb") or with a time (刚才, now) keeps its reading.
 * Operational cue lists, not clinical numbers.
 */
import type { ContextResult } from './context.ts';
import type { Span } from './types.ts';

type Target = Span & { kind?: string; redFlag?: string; concept?: string };

/** A forward at the start of the message. */
// (Round 9: 转发一篇：, "Forwarding this from the hospital newsletter:".)
const FORWARD =
  /^\s*(?:【转发】|\[转发\]|转发(?:一篇|一下|一条|一个|篇)?[:：]|转[:：]|转自|分享[:：]|\bfwd?:|\bforward(?:ed|ing)\b)/;
/** An article's words: causes, early signs, what everyone should know, pass it on. */
const ARTICLE =
  /原因|信号|症状|表现|前兆|征兆|知识|科普|须知|常识|识别|记住|一定要(?:知道|记住|打)|必看|收藏|转给|转发给|扩散|大家(?:都)?(?:看看|注意|收好)|\b(?:signs|symptoms|causes|things to know|share this|pass (?:it|this) on|must read|newsletter|leaflet|save (?:it|this)|everyone)\b/;
/** A person or a time: then the forward is a report. (家人 as the audience "转给家人" is not a person of the report.) */
const PERSON_OR_TIME =
  /我|俺|咱|他|她|爸|妈|爷|奶|公公|婆婆|老公|老婆|哥|姐|弟|妹|儿子|女儿|孩子|宝宝|外公|外婆|姥|刚|今天|现在|昨天|早上|晚上|\b(?:i|i'm|my|me|he|she|his|her|him|mum|mom|dad|wife|husband|son|daughter|today|now|tonight|yesterday)\b/;

/** Round 9: the audience a forward is passed to (尤其是爸妈, 转给家里老人看看) is no person of the report. */
const AUDIENCE =
  /(?:尤其是|特别是|转给|发给|给|让)(?:家里的?|咱们?的?|你们?的?)?(?:爸妈|父母|老人|家人|长辈|亲人|朋友)(?:们)?(?:看看?)?/g;

export function applyMessageScopes4(norm: string, spans: readonly Target[], ctx: ContextResult[]): void {
  if (!FORWARD.test(norm) || !ARTICLE.test(norm) || PERSON_OR_TIME.test(norm.replace(AUDIENCE, ''))) return;
  spans.forEach((_, i) => {
    const r = ctx[i] as ContextResult;
    if (r.modifiers.hypothetical) return;
    r.modifiers.hypothetical = true;
    r.cues.push('hypothetical:general forward');
  });
}
