/**
 * Recall-oriented safety layer (issue 16): a current, affirmed abnormal state of an emergency body system — face,
 * one side of the body, speech, vision, chest, breathing, consciousness, jerking, a tearing back — written with an
 * acute time marker (突然, 刚刚, 半小时前, suddenly, just now) is read as that system's emergency concept even when the
 * exact wording is in no lexicon row or composition ("脸突然怪怪的", "说话突然不对劲", "suddenly my vision is off").
 * The sources name these systems and sudden onset as the reason to call: BE-FAST and 中风120 (sudden face, arm, leg,
 * speech, eyes), AHA heart-attack warning signs (chest discomfort, shortness of breath), REFERENCE §1.5 (acute
 * target-organ-damage symptoms: confusion, seizure; aortic dissection's tearing back pain). The rules yield existing
 * concept ids, so negation, history, hypothesis and experiencer apply unchanged; the explanations of compose rules
 * (slept on the arm, eye strain, a chest-wall cause) apply as `unless`.
 */
import type { ComposeRule } from './compose.ts';
import { BREATH, CHEST, CHEST_UNLESS, E, EYE_UNLESS, G, LIMB_CAUSE, SIDE, SPEECH_UNLESS } from './cues.ts';

/** Acute onset in the same sentence (operational cue list, not a clinical number). */
const ACUTE =
  '(?:突然|忽然|猛然|一下子|刚刚|刚才|半(?:个)?小时前|几分钟前|十分钟前|\\bsuddenly\\b|\\bjust now\\b|\\ball of a sudden\\b|\\bout of nowhere\\b)';
/** A vague abnormal state ("not right", "weird"): only with an acute cue and an emergency body system. */
const ODD_ZH = '(?:不对劲|不对|怪怪的?|奇怪|不正常|不听使唤|变了样)';
const ODD_EN = "(?:weird|wrong|off|strange|funny|not right|isn'?t right|odd)";

export const SAFETY_RULES: readonly ComposeRule[] = [
  {
    name: 'safety: face or mouth × odd, acute',
    concept: 'facial-droop',
    re: `(?:脸|嘴角|口角|嘴巴|嘴)${G}{0,3}?(?:${ODD_ZH}|歪|斜|耷拉|不对称)`,
    needs: ACUTE,
    unless: '(?:牙|拔|烫|上火|溃疡|过敏|蚊|dentist|tooth)',
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'safety: one side of the body × odd, acute',
    concept: 'limb-weakness',
    re: `${SIDE}(?:身子|身体|脸|手|脚|胳膊|腿)${G}{0,4}?(?:${ODD_ZH}|不是自己的|没感觉)`,
    needs: ACUTE,
    unless: LIMB_CAUSE,
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'safety: speech × odd, acute',
    concept: 'speech-difficulty',
    re: `(?:说话|讲话|口齿|舌头)${G}{0,4}?${ODD_ZH}`,
    needs: ACUTE,
    unless: SPEECH_UNLESS,
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'safety: sight × odd or dim, acute',
    concept: 'sudden-vision-loss',
    re: `(?:眼睛|看东西|视力|视线|眼前)${G}{0,4}?(?:${ODD_ZH}|模糊|花了|看不清|发黑|黑了)`,
    needs: ACUTE,
    unless: `(?:${EYE_UNLESS}|手机|电脑|太久|看久)`,
    sources: ['befast'],
  },
  {
    name: 'safety: chest × discomfort, acute',
    concept: 'chest-pain',
    re: `${CHEST}${G}{0,4}?(?:${ODD_ZH}|难受|不舒服)`,
    needs: ACUTE,
    unless: CHEST_UNLESS,
    sources: ['aha-heart-attack', 'ref-1.5'],
  },
  {
    name: 'safety: breathing × odd, acute',
    concept: 'dyspnoea',
    re: `${BREATH}${G}{0,4}?(?:${ODD_ZH}|难受)`,
    needs: ACUTE,
    unless: '(?:爬楼|上楼|跑|运动|感冒|鼻塞|紧张|生气|stairs|running|exercis)',
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    name: 'safety: consciousness × clouded, acute',
    concept: 'confusion',
    re: `(?:人|脑子|意识|神志)${G}{0,3}?(?:迷糊了|糊涂了|不清醒|懵了|不清楚了)`,
    needs: ACUTE,
    unless: '(?:喝|醉|睡醒|刚醒|起床|麻药|drunk|woke)',
    sources: ['ref-1.5'],
  },
  {
    name: 'safety: back × tearing, acute',
    concept: 'tearing-pain',
    re: `(?:后背|背上|背部|胸背)${G}{0,4}?(?:撕|裂开|刀割|刀绞)`,
    needs: ACUTE,
    unless: '(?:衣服|裤|包|皮肤|伤口)',
    sources: ['aha-dissection', 'ref-1.5'],
  },
  {
    name: 'safety: English body system × odd, acute',
    concept: 'speech-difficulty',
    re: `\\b(?:speech|voice|words|talking)\\b${E}{0,20}?\\b${ODD_EN}\\b`,
    needs: ACUTE,
    unless: '(?:hoarse|sore throat|cold|accent|drunk)',
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'safety: English face × odd, acute',
    concept: 'facial-droop',
    re: `\\b(?:face|mouth|smile)\\b${E}{0,20}?\\b${ODD_EN}\\b`,
    needs: ACUTE,
    unless: '(?:dentist|tooth|allerg|sunburn)',
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'safety: English vision × odd, acute',
    concept: 'sudden-vision-loss',
    re: `\\b(?:vision|eyesight|sight)\\b${E}{0,15}?\\b(?:${ODD_EN}|dim|blurry|blurred|dark)\\b`,
    needs: ACUTE,
    unless: '(?:screen|reading for|glasses|cataract|stood up|standing up)',
    sources: ['befast'],
  },
];
