/**
 * More surface forms for the emergency rows (part 4, issue 16; classes found as misses of independent tuning parts
 * 7, 8 and 9): clinician-note terms (视物不见 sight gone, 端坐呼吸 / orthopnoea, retrosternal and interscapular pain),
 * a stroke that "struck again" (脑梗又犯了), Cantonese sight (睇嘢矇矇哋) and a headache "到爆", the voice-input and
 * typo forms 历害/利害 for 厉害, a fit in lay English ("went stiff and shook", "some kind of fit", a febrile fit), and
 * "won't speak or respond". Each form is a wording of a sign the row's sources list: BE-FAST / 中风120 (eyes,
 * stroke), AHA heart-attack warning signs (chest pain, shortness of breath), AHA aortic dissection (tearing pain
 * between the shoulder blades), REFERENCE §1.5 (pulmonary oedema: breathless lying flat; seizure; impaired
 * consciousness). Merged into the rows by lexicon/index.ts; near misses in classes6.test.ts.
 */
import type { Variants } from './variants.ts';

/** A gap inside a phrase: no clause break and no negation character. */
const G = '[^,.。!?;:\\n不没无未别但却和及与、]';
/** An English gap within a clause. */
const E = '[^,.;!?\\n]';

export const VARIANTS_4: Readonly<Record<string, Variants>> = {
  // 视物不见: the sight of an eye gone (clinical Chinese), BE-FAST "Eyes".
  'sudden-vision-loss': { zh: ['视物不见'] },
  // 又犯了 / 复发了: a stroke happening again now (the row's 中风了 with an adverb in between).
  'stroke-now': {
    patterns: ['(?:中风|卒中|脑梗塞|脑梗死|脑梗|脑溢血|脑出血|脑血栓)(?:又)?(?:犯|发作|复发)了'],
  },
  // Clinician terms for speech trouble (BE-FAST "Speech"): dysphasia, aphasia, word-finding difficulty.
  'speech-difficulty': {
    patterns: [
      // Cantonese 讲嘢 (speaking) with a reduplicated state (含含糊糊); toneless pinyin "shuo bu chu hua".
      `(?:讲嘢|讲话|说话)${G}{0,3}?含含糊糊`,
      // Hokkien 讲话袂轮转 (speech not fluent; 袂 is read as 不 by normalize.ts).
      '(?:讲话|说话|讲)[^,.。!?;:\\n]{0,2}?不轮转',
      '\\bshuo[\\s-]?bu[\\s-]?chu[\\s-]?(?:hua|lai)\\b',
      // Cantonese and mixed: 讲唔到嘢 / speak 唔到嘢 (cannot speak).
      '(?:讲|\\bspeak\\b\\s?)唔(?:到|出)嘢',
    ],
    en: [
      'dysphasia',
      'aphasia',
      'expressive dysphasia',
      'receptive dysphasia',
      'word-finding difficulty',
      'word finding difficulty',
    ],
  },
  // Cantonese 口都歪埋一边 (the mouth gone crooked to one side), BE-FAST "Face".
  // Wu 面孔歪脱了 / Cantonese 块面一边垂咗落嚟 (the face gone crooked or drooping).
  'facial-droop': {
    patterns: [
      '(?<![开张伤住路出入门窗胸心])口(?:都|也)?歪(?:埋|咗|了|向|到)',
      `(?:面孔|块面|半边面|面颊|面部)${G}{0,4}?(?:歪|垂|斜|瘪)`,
    ],
  },
  // Orthopnoea: REFERENCE §1.5 acute pulmonary oedema (breathless lying flat, has to sit up to breathe).
  // AHA: chest discomfort behind the breastbone (clinician wording); Hokkien 心肝头 (the chest) 艰苦/痛.
  'chest-pain': {
    patterns: [
      `心肝头${G}{0,3}?(?:艰苦|痛|疼|闷|绞|紧)`,
      `\\b(?:retrosternal|substernal)\\s+(?:pain|pressure|tightness|heaviness|discomfort|chest pain)\\b`,
      `\\b(?:crushing|squeezing|heavy|pressing|central)\\b${E}{0,12}?\\b(?:retrosternal|substernal)\\b`,
    ],
  },
  // AHA aortic dissection: sudden tearing pain, often between the shoulder blades (interscapular).
  'tearing-pain': {
    patterns: [
      `\\b(?:tearing|ripping)\\b${E}{0,15}?\\b(?:interscapular|between (?:my|the|his|her) shoulder ?blades)\\b`,
    ],
  },
  // Clinical Chinese 突发剧烈头痛 (sudden severe headache; the row's "sudden severe headache").
  'thunderclap-headache': {
    patterns: ['(?:突发|突然)(?:的)?(?:剧烈|严重|爆炸样|炸裂样)(?:的)?(?:头痛|头疼)'],
  },
  // Cantonese 睇嘢矇矇哋 (seeing things blurred), 睇唔清 (cannot see clearly).
  'blurred-vision': { patterns: ['睇嘢(?:矇|朦|蒙)', '睇唔清'] },
  // Cantonese 头痛到爆 (head aching "to bursting"); 历害/利害 are input-method typos of 厉害.
  'severe-headache': {
    patterns: [
      `(?:头|脑壳)(?:痛|疼)到(?:爆|炸|裂)`,
      `(?:头|脑壳)${G}{0,2}?(?:痛|疼)(?:得|的)(?:很|好|特别|非常)?(?:历害|利害)`,
    ],
  },
  // Cantonese 问佢嘢都唔识答 (asked, cannot answer): REFERENCE §1.5 confusion.
  confusion: { patterns: [`问${G}{0,6}?(?:都)?唔识(?:答|应)`] },
  // Cantonese 条气唞唔到 / 唞唔切 (cannot get a breath): shortness of breath.
  dyspnoea: {
    zh: ['端坐呼吸', '唞唔到气', '唞唔切'],
    en: ['orthopnoea', 'orthopnea'],
    patterns: [`气${G}{0,2}?唞唔(?:到|过|切)`],
  },
  // 手脚一边动弹不得: a side named after the limbs (BE-FAST "Arm").
  'limb-weakness': {
    patterns: [
      `(?:手脚|手|脚|胳膊|腿)${G}{0,2}?(?:一边|半边|左边|右边)${G}{0,2}?(?:动弹不得|动不了|不能动|没力气?|冇力|没劲|无力)`,
    ],
  },
  // A sudden "blackout" in mixed writing (刚才突然 blackout 了): loss of consciousness.
  syncope: { patterns: [`(?:突然|刚才|刚刚)${G}{0,3}?black ?out`] },
  // REFERENCE §1.5 seizure: a febrile fit, "went stiff and (her arms) shook", "some kind of fit".
  seizure: {
    en: ['febrile fit', 'febrile fits', 'febrile seizure', 'febrile convulsion', 'febrile convulsions'],
    patterns: [
      `\\bwent (?:all )?(?:stiff|rigid)\\b${E}{0,30}?\\b(?:shook|shaking|jerk\\w*|twitch\\w*)\\b`,
      '\\b(?:some kind of|some sort of|a kind of|another)\\s+fit\\b(?!\\s+of)',
      // Hokkien 规身躯咧搐 (the whole body jerking).
      `(?:规身躯|归身躯|全身躯)${G}{0,2}?搐`,
    ],
  },
  // REFERENCE §1.5 impaired consciousness: "won't speak or respond", "not answering me properly".
  unresponsive: {
    patterns: [
      '(?:叫|喊|嗌)(?:极|佢|他|她|咗)?(?:都)?唔(?:应|醒|答应|理)',
      "\\bwon'?t (?:speak|talk)(?:,| or| and)+ (?:respond|answer)\\b",
      '\\bnot answering (?:me|us) properly\\b',
    ],
  },
};
