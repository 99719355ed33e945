/**
 * Compositional rules, part 2 (issue 16; classes of misses of independent tuning parts 4 and 5): the same body part
 * or function × abnormal state idea as compose.ts, for wordings the first rules did not compose — jerking that is
 * going on now (progressive aspect), a headache at its maximum, coordinated limbs on one side, a side without a limb
 * word, words that cannot be found or read aloud, learner English, an English state word in Chinese chest wording,
 * hardly responding. Each rule yields an existing concept id and names its sources (BE-FAST, 中风120, AHA warning
 * signs, REFERENCE §1.5, patient education on seizures); near misses are part of the rules (`unless`).
 */
import type { ComposeRule } from './compose.ts';
import {
  CHEST,
  CHEST_UNLESS,
  E,
  FELT,
  G,
  HEAD,
  HEAD_CUE,
  HEAD_UNLESS,
  HEAD_UNLESS_NOT,
  LIMB,
  LIMB_UNLESS,
  LOST,
  DISMISSED,
  SIDE,
  SPEECH_UNLESS,
  SUDDEN,
} from './cues.ts';

/** 抽 that is no jerking: smoking, a blood test, a cramp, a draw, spare time, a drawer, a pump. */
const NOT_JERK = '(?![烟血筋空时奖屉水签样查出走风扇])';
/** A person's side with nothing but an optional body word before a lost function ("左边动不了", "右半边不能动"). */
const SIDE_ALONE = '(?<=^|[,.。!?;:\\s]|[我他她伊爷奶爸妈公婆娘爹伴人子])';

export const COMPOSE_RULES_2: readonly ComposeRule[] = [
  {
    // Patient education on seizures: a seizure going on for 5 minutes is an emergency; 在/还在/正在/一直 抽 is one
    // going on now, whatever the person's known epilepsy.
    name: 'jerking going on now (progressive aspect)',
    concept: 'seizure',
    re: `(?:还在|正在|一直在|一直|在)抽${NOT_JERK}(?:搐|动|着|个不停)?|抽${NOT_JERK}(?:着|个不停)|抽${NOT_JERK}[^。!?;\\n]{0,12}?(?:还不停|还没停|不停|没停下)`,
    unless: '(?:抽烟|抽血|抽筋|抽空|抽时间|抽奖|抽屉|抽水)',
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    name: 'shaking or jerking with the eyes rolled, on the ground, or not stopping (English)',
    concept: 'seizure',
    re: '\\b(?:shaking|jerking|twitching|convulsing|fitting)\\b(?!\\s+(?:the|a|an|his|her|my|it|out|off|hands?|head)\\b)',
    needs:
      "(?:eyes? (?:rolled|rolling)|on the (?:floor|ground|bed)|won'?t stop|will not stop|not stopping|keeps? (?:shaking|jerking)|minutes|foam)",
    unless:
      '(?:cold|chills|coffee|nervous|anxious|scared|shiver|after (?:exercise|the gym)|hands? (?:are|is) shaking)',
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // AHA stroke warning signs / REFERENCE §1.5: a sudden severe headache; "at its worst / ten out of ten" is severe.
    name: 'pain at its maximum × head in the sentence, sudden or worst ever',
    concept: 'thunderclap-headache',
    re: '(?:痛|疼)(?:到|得)(?:了)?(?:极点|极致|顶点|最厉害)|\\b(?:ten|10) (?:out of|/) ?(?:ten|10)\\b|\\b10/10\\b|\\bworst pain (?:of|in) my life\\b',
    needs: `^(?=.*(?:${HEAD}|\\bhead))(?=.*${HEAD_CUE})`,
    unless: HEAD_UNLESS,
    unlessNot: HEAD_UNLESS_NOT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    name: 'one side × coordinated limbs × lost function or numbness (左边胳膊和腿)',
    concept: 'limb-weakness',
    re: `${SIDE}${LIMB}(?:和|跟|与|及|还有)${LIMB}${G}{0,6}?(?:${LOST}|${FELT})`,
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    // Telegraphic caregiver wording: a person's side with no limb word ("外婆右边不能动").
    name: 'a side of the body alone × cannot move',
    concept: 'limb-weakness',
    re: `${SIDE_ALONE}(?:左边|右边|左侧|右侧|左半边|右半边|半边)(?:身子|身体)?(?:${G}{0,2}?)(?:不能动|动不了|动弹不了|没(?:有)?知觉|没劲|没力气?|瘫了)`,
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'words not found or not read aloud (aphasia, alexia)',
    concept: 'speech-difficulty',
    re: `(?:词|字|话|名字)${G}{0,3}?找不(?:到|着)|(?:叫|喊|说)不出${G}{0,3}?(?:名字|人名)|(?:念|读)不出${G}{0,2}?(?:字|来)|(?:乱|错)(?:的|七八糟的)?(?:词|字)`,
    needs: `(?:${SUDDEN}|今天|早上|起来|刚|这会儿|现在)`,
    unless: `(?:形容|描述|表达|${SPEECH_UNLESS})`,
    sources: ['befast', 'stroke120'],
  },
  {
    name: "can't find words (English)",
    concept: 'speech-difficulty',
    re: "\\b(?:can'?t|cannot|couldn'?t|unable to) find (?:his |her |my |their |the )?words\\b",
    unless: '(?:describe|express|explain)',
    sources: ['befast', 'stroke120'],
  },
  {
    // Northern colloquial: 舌头发硬/舌头硬 (stiff tongue), 说话不得劲 (speech not right).
    name: 'tongue stiff, speech not right (northern colloquial)',
    concept: 'speech-difficulty',
    re: `舌头${G}{0,2}?(?:发硬|硬了|僵硬|发僵|硬)|(?:说话|讲话)${G}{0,2}?不得劲`,
    unless: `(?:烫|咬|溃疡|${SPEECH_UNLESS})`,
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'learner English: speech not clear, one side no power',
    concept: 'speech-difficulty',
    re: '\\b(?:speak|speaks|talk|talks|speaking|talking)\\b (?:is |are )?(?:not clear|no clear|unclear|not proper|not properly)\\b',
    unless: '(?:accent|english|language|phone|line|signal)',
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'learner English: one side no power',
    gate: '(?:right|left|one)',
    concept: 'limb-weakness',
    re: `\\b(?:right|left|one)\\s+(?:arm|hand|leg|foot|side)\\b${E}{0,6}?\\b(?:no power|no strength|no force|weak|numb)\\b`,
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    // Mixed wording: a Chinese chest word with an English state ("心口很tight", "胸口有点pain").
    name: 'chest (Chinese) × English pain or pressure word',
    concept: 'chest-pain',
    re: `${CHEST}${G}{0,4}?\\s?(?:tight\\w*|pain\\w*|hurts?|heavy|pressure|squeez\\w*|crush\\w*)\\b`,
    unless: `(?:${CHEST_UNLESS}|push-?ups?)`,
    sources: ['aha-heart-attack', 'ref-1.5'],
  },
  {
    name: 'mumbling that cannot be made out — sudden',
    concept: 'speech-difficulty',
    re: `(?:说话|讲话|说的话|讲的话)${G}{0,12}?(?:听不明白|整不明白|听不清|听不懂|嘟嘟囔囔|嘟囔)`,
    needs: SUDDEN,
    unless: `(?:医生|大夫|术语|${SPEECH_UNLESS})`,
    sources: ['befast', 'stroke120'],
  },
  {
    // 中风120 "1看1张脸" (mouth drooping): sudden drooling that cannot be held.
    name: 'drooling — sudden',
    concept: 'facial-droop',
    re: `(?:口水|哈喇子|涎水)${G}{0,3}?(?:直流|流个不停|往下流|止不住|兜不住|流出来)`,
    needs: SUDDEN,
    unless: '(?:睡觉|睡着|牙|婴儿|宝宝|孩子|长牙)',
    sources: ['befast', 'stroke120'],
  },
  {
    name: "doesn't know who I am (English)",
    concept: 'confusion',
    re: "\\b(?:does ?n'?t|dont|don'?t|did ?n'?t|didnt) (?:know|recogni[sz]e) who (?:i am|i'm|im|we are|she is|he is)\\b",
    sources: ['ref-1.5'],
  },
  {
    // BE-FAST "Eyes": half of the view gone, with the device said to be fine (the eye, not the screen).
    name: 'half of the view black, device fine (English)',
    gate: 'half',
    concept: 'sudden-vision-loss',
    re: `\\bhalf\\b${E}{0,30}?\\b(?:black|dark|missing|gone|blank|blacked out)\\b`,
    needs:
      '^(?=.*\\b(?:left|right) (?:half|side)\\b)(?=.*\\b(?:is fine|are fine|works|working|nothing wrong|eyes?|vision|suddenly)\\b)',
    unless: '(?:crack|broke|smash|dropped|dead pixel|glitch)',
    sources: ['befast'],
  },
  {
    // REFERENCE §1.5 (impaired consciousness): hardly responding, 呼之不应 (clinical), eyes half open not answering.
    name: 'hardly responding to a call, 呼之不应',
    concept: 'confusion',
    re: `呼之不应|(?:叫|喊|问|拍)${G}{0,5}?不(?:太|大)应|\\b(?:won'?t|will not|doesn'?t|does not|isn'?t|is not) (?:respond|responding|answer|answering)\\b${E}{0,20}?\\beyes\\b`,
    unless: '(?:游戏|手机|耳机|看电视|生气|装睡|game|headphones|phone)',
    sources: ['ref-1.5'],
  },
];
