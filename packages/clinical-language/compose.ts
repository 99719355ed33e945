/**
 * Compositional recognition (issue 16): an emergency concept = a body part or function × an abnormal state of
 * it, within one clause — instead of a list of phrases. "右手筷子老是夹不住菜", "左脚怎么都套不进去",
 * "想说的词就是说不出来", "气接不上来", "crushing feeling in the middle of my chest" are recognised because the
 * parts are, whatever the words between them. Each rule yields an existing lexicon concept id (so codes,
 * red flags and the context modifiers apply unchanged to the composed span) and names its sources
 * (lexicon/sources.ts): BE-FAST and 中风120 (sudden one-sided weakness or numbness of face, arm or leg; speech
 * trouble; sudden vision loss or double vision), AHA heart-attack warning signs (chest pressure, squeezing,
 * fullness or pain; shortness of breath), REFERENCE §1.5 target-organ-damage symptoms.
 *
 * Near misses are part of each rule: a sentence that explains the state away (slept on the arm, both hands,
 * cold weather, climbing stairs, a spot on the chest) does not compose — a `unless` cue in the same sentence;
 * states that are common without a stroke (can't button a shirt, can't see) need a one-sided or sudden cue
 * (`needs`) as BE-FAST/中风120 word them ("sudden", "one side").
 */
import {
  AT_REST,
  BREATH,
  BREATH_STATE,
  CHEST,
  CHEST_STATE,
  CHEST_UNLESS,
  COLOUR_UNLESS,
  DISMISSED,
  E,
  EXERTION,
  EYE,
  EYE_STATE,
  EYE_UNLESS,
  FELT,
  G,
  HEAD,
  HEAD_CUE,
  HEAD_SEVERE,
  HEAD_UNLESS,
  HEAD_UNLESS_NOT,
  NOT_HEAD_PART,
  LIMB,
  LIMB_UNLESS,
  LOST,
  SIDE,
  SPEECH_PART,
  SPEECH_SLOW,
  SPEECH_STATE,
  SPEECH_UNLESS,
  SUDDEN,
  sentenceOf,
  withoutHedges,
} from './cues.ts';
import { COMPOSE_RULES_2 } from './compose2.ts';
import { COMPOSE_RULES_3 } from './compose3.ts';
import { COMPOSE_RULES_4 } from './compose4.ts';
import { COMPOSE_RULES_5 } from './compose5.ts';
import { COMPOSE_RULES_6 } from './compose6.ts';
import { COMPOSE_RULES_7 } from './compose7.ts';
import { COMPOSE_RULES_8 } from './compose8.ts';
import { COMPOSE_RULES_9 } from './compose9.ts';
import { COMPOSE_RULES_10 } from './compose10.ts';
import { COMPOSE_RULES_11 } from './compose11.ts';
import { SAFETY_RULES } from './safety.ts';
import type { Concept, SourceId } from './types.ts';

export interface ComposeRule {
  /** Name for tests and explanations. */
  name: string;
  /** Lexicon concept id the composition yields. */
  concept: string;
  /** Regular-expression source of body part/function × state (flag `g`, on normalised text). */
  re: string;
  /** The sentence must also contain this (a laterality or suddenness cue). */
  needs?: string;
  /** Not composed when the sentence contains this (an explanation that makes it a near miss). */
  unless?: string;
  /** Unless-cue overridden when the sentence also contains this (e.g. breathless "even sitting"). */
  unlessNot?: string;
  /**
   * Speed only: a cheap test the whole message must pass before `re` is run (words every match contains); `needs`
   * (when it has no anchor) is a gate as well: a sentence can only contain it if the message does.
   */
  gate?: string;
  sources: readonly SourceId[];
}

export const COMPOSE_RULES: readonly ComposeRule[] = [
  {
    name: 'one-sided limb × lost function or numbness',
    gate: '[左右侧边半只条]',
    concept: 'limb-weakness',
    re: `${SIDE}${LIMB}${G}{0,8}?(?:${LOST}|${FELT})`,
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'limb or hand task × lost function, sudden',
    concept: 'limb-weakness',
    re: `(?:${LIMB}|筷子|扣子|碗|杯子|笔|鞋)${G}{0,6}?${LOST}`,
    needs: SUDDEN,
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'one side × limb lost function (English)',
    gate: '(?:right|left|one)',
    concept: 'limb-weakness',
    re:
      `\\b(?:right|left|one)\\s+(?:arm|hand|leg|foot|side|fingers)\\b${E}{0,30}?` +
      "\\b(?:can'?t|cannot|won'?t|couldn'?t|unable|flopp\\w*|dropp\\w*|dragg\\w*|gave way|useless|clumsy|not working|" +
      'feels? (?:like it|like a|strange|odd|funny|weird|different|dead|heavy|numb|weak)|belongs to someone)',
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'hand task lost, one-sided limb named in the sentence',
    concept: 'limb-weakness',
    re: LOST,
    needs: `${SIDE}${LIMB}`,
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'one-sided limb in English × Chinese state (mixed)',
    gate: '(?:right|left)',
    concept: 'limb-weakness',
    re: `\\b(?:right|left)\\s*(?:hand|arm|leg|foot|side)\\b${G}{0,6}?(?:${LOST}|${FELT}|拿不起)`,
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'dragging or limping × one-sided leg (English)',
    concept: 'limb-weakness',
    re: `\\b(?:dragg\\w*|limping on|can'?t feel)\\s+(?:my |his |her |their )?(?:right|left)\\s+(?:leg|foot|arm|hand)\\b`,
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'cannot do a task × one-sided limb (English)',
    gate: '(?:right|left|one)',
    concept: 'limb-weakness',
    re:
      "\\b(?:can'?t|cannot|couldn'?t|unable to|(?:is |was |are )?not able to)\\s+(?:grip|hold|lift|raise|move|feel|use|button|do up|write|pick up)\\b" +
      `${E}{0,40}?\\b(?:right|left|one)\\s+(?:arm|hand|leg|foot|side)\\b`,
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'speech part × garbled or stuck',
    concept: 'speech-difficulty',
    re: `${SPEECH_PART}${G}{0,4}?${SPEECH_STATE}`,
    unless: SPEECH_UNLESS,
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'speech × slow, word by word — sudden',
    concept: 'speech-difficulty',
    re: `(?:说话|讲话|说的话|讲的话)${G}{0,4}?${SPEECH_SLOW}`,
    needs: SUDDEN,
    unless: SPEECH_UNLESS,
    sources: ['befast', 'stroke120'],
  },
  {
    name: "someone's words × not understood",
    concept: 'speech-difficulty',
    re: `(?:说的话|讲的话|说话|讲话)${G}{0,6}?听不懂`,
    unless: `(?:医生|大夫|专业|术语|${SPEECH_UNLESS})`,
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'wrong words, words stuck (English)',
    gate: '(?:speech|talking|speaking|word|sentence)',
    concept: 'speech-difficulty',
    re:
      `\\b(?:speech|talking|speaking|words)\\b${E}{0,12}?\\b(?:is|are|was|were|went|seems?|sounds?)\\s+(?:all\\s+)?(?:off|not right|slow|odd|different|muddled)\\b|` +
      '\\b(?:wrong|jumbled|mixed[- ]up|muddled) words\\b|\\bwords?\\b[^,.;!?\\n]{0,20}?\\b(?:nonsense|gibberish|scrambled)\\b|' +
      "\\btalking (?:nonsense|gibberish)\\b|\\bcan'?t get (?:a |the |his |her |my )?(?:sentence|words?) out\\b",
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'breath × not enough, at rest',
    concept: 'dyspnoea',
    re: `${BREATH}(?:${G}|特别){0,3}?${BREATH_STATE}`,
    unless: `(?:${EXERTION}|感冒|鼻塞|鼻子|紧张|生气|着急)`,
    unlessNot: AT_REST,
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    name: 'gasping with the mouth open',
    concept: 'dyspnoea',
    re: `(?:大口|张(?:着)?嘴)${G}{0,3}?(?:喘|吸气|呼吸|倒气)`,
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    name: 'breathing fast, shallow or short of air (English)',
    concept: 'dyspnoea',
    re: `\\bnot enough air\\b|\\bbreath\\w*\\b${E}{0,15}?\\b(?:fast and shallow|shallow|laboured|labored|rapid|so hard|really hard)\\b`,
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    name: 'SOB abbreviation, gasping (English)',
    concept: 'dyspnoea',
    re: '(?<!\\b(?:to|i|she|he|they|we|and) )\\bsob\\b',
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    name: 'lips or face × blue',
    gate: '(?:嘴|唇|脸|指甲|lip|face|fingertip|nail)',
    concept: 'dyspnoea',
    re: `(?:嘴唇|嘴皮|口唇|脸色|脸|指甲)${G}{0,3}?(?:发紫|发青|发乌|紫了|青了|青紫|乌青|乌紫|紫黑|紫绀|发绀)|\\b(?:lips?|face|fingertips|nails)\\b${E}{0,20}?\\b(?:blue|bluish|grey|gray|purple|dusky)\\b`,
    unless: COLOUR_UNLESS,
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    name: 'eye or sight × dark, half, double — sudden or one eye',
    concept: 'sudden-vision-loss',
    re: `${EYE}${G}{0,6}?${EYE_STATE}`,
    needs: `(?:${SUDDEN}|左眼|右眼|一只眼|一半|半边)`,
    unless: EYE_UNLESS,
    sources: ['befast'],
  },
  {
    name: 'one eye × blurred — sudden',
    concept: 'sudden-vision-loss',
    re: `${EYE}${G}{0,6}?(?:看不(?:太)?清|模糊|朦胧)`,
    needs: `^(?=.*(?:左眼|右眼|一只眼|一边眼))(?=.*${SUDDEN})`,
    unless: EYE_UNLESS,
    sources: ['befast'],
  },
  {
    name: 'one side of the visual field × unseen',
    gate: '(?:看不|黑|没了)',
    concept: 'sudden-vision-loss',
    re: `${SIDE}(?:东西|视野|眼睛|眼)${G}{0,4}?(?:看不见|看不到|看不清|黑|没了)`,
    unless: EYE_UNLESS,
    sources: ['befast'],
  },
  {
    name: 'curtain over an eye, double vision (English)',
    concept: 'sudden-vision-loss',
    re: `\\b(?:right|left|one)\\s+eye\\b${E}{0,20}?\\b(?:dark|black|blind|grey|gray|went out|can'?t see)\\b|\\b(?:curtain|shade|shadow)\\b${E}{0,30}?\\beyes?\\b|\\beverything\\b${E}{0,12}?\\bdouble\\b|\\bsee(?:ing)? double\\b`,
    sources: ['befast'],
  },
  {
    name: 'chest × pain, pressure, tightness',
    gate: '[胸心]',
    concept: 'chest-pain',
    re: `${CHEST}${G}{0,6}?${CHEST_STATE}`,
    unless: CHEST_UNLESS,
    sources: ['aha-heart-attack', 'ref-1.5'],
  },
  {
    name: 'chest × crushing, squeezing, heavy (English)',
    gate: '(?:chest|\\bcp\\b)',
    concept: 'chest-pain',
    re:
      `\\b(?:crushing|squeezing|squeezed|heavy|heaviness|weight|elephant|pressure|tightness|tighten\\w*|band|belt|vice|vise|burning|bricks?|stone|rock|boulder|anvil|sandbag)\\b${E}{0,30}?\\bchest\\b|` +
      `\\bchest\\b(?:(?!\\b(?:not|no|doesn'?t|don'?t|isn'?t|never)\\b)${E}){0,25}?\\b(?:crush\\w*|squeez\\w*|heavy|heaviness|burn\\w*|hurts?|hurting|aches?|aching|tight\\w*|pressure)\\b|\\bcp\\b`,
    unless: CHEST_UNLESS,
    sources: ['aha-heart-attack', 'ref-1.5'],
  },
  {
    name: 'head × severe pain — sudden, worst ever, vomiting or stiff neck',
    concept: 'thunderclap-headache',
    re:
      `${HEAD}(?:[^。!?;\\n]{0,3}?(?:痛|疼)[^。!?;\\n${NOT_HEAD_PART}]{0,8}?${HEAD_SEVERE}|${G}{0,3}?(?:炸|爆|剧痛))|` +
      `\\bhead(?:ache)?\\b${E}{0,30}?\\b(?:explod\\w*|burst\\w*|pounding|splitting)\\b|` +
      `\\b(?:explosive|thunderclap)\\b${E}{0,12}?\\bhead(?:ache)?\\b`,
    needs: HEAD_CUE,
    unless: HEAD_UNLESS,
    unlessNot: HEAD_UNLESS_NOT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    name: 'not knowing where one is, confused words, repeated questions',
    concept: 'confusion',
    re:
      `(?:想不起来?|记不起来?|搞不清|分不清|不知道)${G}{0,3}?(?:自己在哪|这是哪|我是谁|今天几号)|` +
      `\\b(?:not|isn'?t|is not|aren'?t|wasn'?t)\\s+making (?:any )?sense\\b|\\bdoesn'?t (?:recogni[sz]e|know) (?:me|us|anyone)\\b`,
    sources: ['ref-1.5'],
  },
  {
    name: 'slow responses or the same question over and over — new today',
    concept: 'confusion',
    re:
      `反应${G}{0,3}?(?:慢了|变慢|迟钝)|半天才(?:答|回答|反应)|(?:反复|一直|老是)问${G}{0,3}?(?:同一个|一样的)${G}{0,2}?问题|` +
      `\\b(?:(?:keeps?|kept) )?asking (?:the )?same (?:question|thing)(?: over and over| again and again)?\\b`,
    needs: `(?:${SUDDEN}|今天|这会儿|早上还|started|an hour ago|this morning|today|all of a sudden)`,
    unless: '(?:一直这样|好几年|多年|老年痴呆|痴呆|always|for years|dementia)',
    sources: ['ref-1.5'],
  },
  {
    name: 'numbness or weakness × one side (English)',
    gate: '(?:right|left|one)',
    concept: 'limb-weakness',
    re: `\\b(?:numb\\w*|weak\\w*|tingl\\w*)\\b${E}{0,25}?\\b(?:right|left|one)\\s+(?:side|arm|leg|hand|half)\\b`,
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'cannot get a full breath (English)',
    concept: 'dyspnoea',
    re: `\\b(?:can'?t|cannot|unable to)\\b${E}{0,15}?\\b(?:get|take|draw)\\s+(?:a\\s+|my\\s+)?(?:full|deep|proper|whole)\\s+breath\\b`,
    unless: `(?:${EXERTION}|climbing)`,
    unlessNot: AT_REST,
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    name: 'not recognising people, cannot be woken',
    gate: '(?:不认|叫|喊|推|拍|胡言|答非|sense|know where)',
    concept: 'confusion',
    re: `不认(?:识)?人|(?:叫|喊|推|拍)${G}{0,4}?(?:不醒|不应|没反应|不睁眼|不理人|不答应)|胡言乱语|答非所问|\\bnot making sense\\b|\\bdoesn'?t know where (?:he|she|they|i) (?:is|are|am)\\b`,
    sources: ['ref-1.5'],
  },
  {
    name: 'does not know who or where — sudden',
    concept: 'confusion',
    re:
      `(?:我是谁|他是谁|自己是谁|自己在哪|在哪里|在哪儿|今天几号|家里人)${G}{0,3}?不知道|(?:不知道|认不出|不认识)${G}{0,3}?(?:我(?![家们的])|家里人|家人|人|自己在哪)|` +
      '\\bnot with it\\b|\\bnot (?:answering|responding)(?: to)? (?:me|us|questions|his name|her name)\\b|\\bstaring\\b[^,.;!?\\n]{0,20}\\bnot (?:answering|responding)\\b',
    needs: `(?:${SUDDEN}|all of a sudden|\\bnow\\b|staring|not with it)`,
    sources: ['ref-1.5'],
  },
  {
    name: 'whole body × jerking',
    concept: 'seizure',
    re: `(?:全身|浑身|四肢|手脚|身子)${G}{0,4}?(?:抽起来|抽搐|抽动|一抽一抽|抖个不停|一直抖|僵直|挺直|震(?!动|惊))|\\b(?:whole body|all over)\\b${E}{0,15}?\\b(?:jerk\\w*|convuls\\w*)\\b`,
    unless: '(?:冷|冻|寒战|发烧|紧张|害怕|cold|chills|fever|nervous)',
    sources: ['ref-1.5'],
  },
];

export interface CompiledRule {
  rule: ComposeRule;
  concept: Concept;
  re: RegExp;
  needs?: RegExp;
  unless?: RegExp;
  unlessNot?: RegExp;
  /** Necessary conditions on the whole message, tested before `re` (speed only; see `gatesOf`). */
  gates: RegExp[];
}

const LATIN = /[a-z]/;
const CJK = /[\u3400-\u9fff]/;

/**
 * Cheap necessary conditions of a rule on the whole message (speed only, never a change of what is found): its
 * `gate`; its `needs` when unanchored (a sentence contains it only if the message does); a Latin letter for a rule
 * written without Chinese characters, a Chinese character for a rule written without Latin letters.
 */
function gatesOf(rule: ComposeRule): RegExp[] {
  const out: RegExp[] = [];
  if (!CJK.test(rule.re)) out.push(LATIN);
  else if (!/[a-z]/i.test(rule.re.replace(/\\[a-zA-Z]/g, ''))) out.push(CJK);
  if (rule.gate) out.push(new RegExp(rule.gate));
  if (rule.needs && !rule.needs.includes('^')) out.push(new RegExp(rule.needs));
  return out;
}

export function compileRules(byId: (id: string) => Concept | undefined): CompiledRule[] {
  return [
    ...COMPOSE_RULES,
    ...COMPOSE_RULES_2,
    ...COMPOSE_RULES_3,
    ...COMPOSE_RULES_4,
    ...COMPOSE_RULES_5,
    ...COMPOSE_RULES_6,
    ...COMPOSE_RULES_7,
    ...COMPOSE_RULES_8,
    ...COMPOSE_RULES_9,
    ...COMPOSE_RULES_10,
    ...COMPOSE_RULES_11,
    ...SAFETY_RULES,
  ].map((rule) => {
    const concept = byId(rule.concept);
    if (!concept) throw new Error(`compose rule "${rule.name}": unknown concept ${rule.concept}`);
    return {
      rule,
      concept,
      re: new RegExp(rule.re, 'g'),
      ...(rule.needs ? { needs: new RegExp(rule.needs) } : {}),
      ...(rule.unless ? { unless: new RegExp(rule.unless) } : {}),
      ...(rule.unlessNot ? { unlessNot: new RegExp(rule.unlessNot) } : {}),
      gates: gatesOf(rule),
    };
  });
}

/** Composed mentions: spans with the rule that found them. */
export function composedMatches(
  norm: string,
  rules: readonly CompiledRule[],
): { start: number; end: number; concept: Concept; rule: ComposeRule }[] {
  const out: { start: number; end: number; concept: Concept; rule: ComposeRule }[] = [];
  for (const r of rules) {
    if (r.gates.some((g) => !g.test(norm))) continue;
    for (const m of norm.matchAll(r.re)) {
      if (!m[0]) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (r.needs || r.unless) {
        const s = sentenceOf(norm, start, end);
        if (r.needs && !r.needs.test(s)) continue;
        const u = r.unless ? withoutHedges(s) : s;
        if (r.unless && r.unless.test(u) && !(r.unlessNot && r.unlessNot.test(s))) continue;
      }
      out.push({ start, end, concept: r.concept, rule: r.rule });
    }
  }
  return out;
}
