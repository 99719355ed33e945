/**
 * Context-modifier rules, part 3 (issue 16; classes of false emergencies of independent tuning part 6), appended to
 * the trigger list of rules.ts: a deficit still left years after a dated stroke (现在…还, "residual"), clinician
 * history shorthand (Hx, PMH, h/o), and general questions whether a condition shows a sign ("心梗是不是会胸口疼？",
 * "Is crushing chest pain a sign of a heart attack?"). Operational cue lists, not clinical numbers.
 */
import type { TriggerRule } from './rules.ts';

/** Conditions asked about in general questions ("心梗是不是会…？"). */
const COND =
  '(?:小中风|中风|脑梗|脑梗塞|脑出血|心梗|心肌梗死|心肌梗塞|卒中|心绞痛|主动脉夹层|夹层|高血压|癫痫)';
const WILL_IT = '(?:是不是(?:都)?会|会不会|一般(?:都)?会|通常会|都会)';
export const TRIGGERS_3: readonly TriggerRule[] = [
  // A deficit still left by a past stroke ("前年脑梗过，现在左手还是不太灵活", "十年前中风，到现在说话还不太清楚"): after a dated
  // stroke earlier in the sentence, 现在/到现在 followed by 还 (still); not when the sentence says it is new (突然, 今天, 刚, 又).
  {
    category: 'historical',
    direction: 'forward',
    re: `(?<=(?:年前|去年|前年|(?:19|20)\\d{2}|\\bago\\b)[^。!?;\\n]{0,8}?(?:中风|脑梗|卒中|脑出血|\\bstroke\\b|\\bcva\\b)[^。!?;\\n]{0,12})(?:到现在|现在|至今|如今)(?=[^。!?;\\n]{0,10}?还)(?![^。!?;\\n]{0,16}?(?:突然|今天|刚|又|加重|更))`,
    redFlags: ['neuro-deficit', 'vision-loss'],
    sentence: true,
    window: 10,
  },
  // A residual deficit (clinician wording: "residual R hemiparesis", 遗留, 后遗症) is left by a past event.
  {
    category: 'historical',
    direction: 'forward',
    re: '\\bresidual\\b|遗留(?:了|的)?|后遗症(?:是)?',
    redFlags: ['neuro-deficit', 'vision-loss'],
    window: 6,
  },
  // Clinician shorthand for history: "Hx CVA", "PMH stroke", "h/o MI" (not "FHx", family history).
  { category: 'historical', direction: 'forward', re: '\\b(?:hx|pmh|h/o)\\b', window: 6 },
  // A general question whether a condition shows a sign, asked with the condition as the subject of the sentence
  // ("心梗是不是会胸口疼得特别厉害？", "中风会不会说话不清？"): hypothetical, the condition and the sign.
  {
    category: 'hypothetical',
    direction: 'forward',
    re: `(?<=(?:^|[。.!?\\n]\\s*)${COND}(?:的话)?)${WILL_IT}(?=[^。!?\\n]*(?:\\?|吧\\s*(?:$|[。!])))`,
    sentence: true,
  },
  {
    category: 'hypothetical',
    direction: 'backward',
    adjacent: true,
    re: `^(?<=(?:^|[。.!?\\n]\\s*)${COND})(?:的话)?${WILL_IT}(?=[^。!?\\n]*(?:\\?|吧\\s*(?:$|[。!])))`,
  },
  // "Is crushing chest pain a sign of a heart attack?": a general question; the sign before "a sign of" (the
  // condition after it is covered by the "signs of" rule and this one).
  {
    category: 'hypothetical',
    direction: 'backward',
    re: `^\\s*(?:(?:pain|ache|pressure|discomfort|tightness)\\s+)?(?<=(?:^|[.!?\\n]\\s*)(?:is|are|can|could)\\b[^.!?\\n]{0,40})(?:a |an )?(?:common |typical |usual |classic )?(?:sign|symptom|warning sign)s? of\\b`,
  },
  {
    category: 'hypothetical',
    direction: 'forward',
    re: '\\ba (?:common |typical |usual |classic )?(?:sign|symptom|warning sign) of\\b',
  },
  // "什么叫小中风？", "啥是心梗": a question about what a condition is.
  {
    category: 'hypothetical',
    direction: 'forward',
    re: '(?:什么叫|啥叫|什么是|啥是)',
    concepts: ['stroke', 'tia', 'myocardial-infarction'],
    window: 6,
  },
  // "脑梗之前有什么征兆", "中风前有啥征兆": a question about the warning signs of a condition.
  {
    category: 'hypothetical',
    direction: 'backward',
    adjacent: true,
    re: '^\\s*(?:的\\s?)?(?:之前|前)?(?:会)?有?(?:啥|什么|哪些)(?:征兆|症状|表现|信号|先兆)|^\\s*(?:的\\s?)?(?:征兆|症状|表现|symptoms?|signs?)\\s?(?:是啥|是什么|有哪些|有啥)',
    concepts: ['stroke', 'tia', 'myocardial-infarction'],
  },
  // Clinician shorthand "?TIA", "?ACS": a query diagnosis.
  { category: 'uncertain', direction: 'forward', re: '(?<=^|[\\s,;(])\\?(?=[a-z])', window: 1 },
];
