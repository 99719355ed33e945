/**
 * Explanations that take a sign away (issue 16): a whole sentence that explains a state applies to every mention of
 * the concept, found by the lexicon or composed (compose.ts) — exertional breathlessness, a limb slept on, eye
 * strain, chest-wall pain with a named cause … — unless a sign of the emergency is named as well.
 */
import {
  AT_REST,
  BILATERAL,
  DISMISSED,
  EXERTION,
  EYE_UNLESS,
  LIMB_CAUSE,
  NOT_BREATH_BEFORE,
  REFUTED,
  SPEECH_UNLESS,
  sentenceOf,
  withoutHedges,
} from './cues.ts';
import { EXPLAINED_2 } from './explain2.ts';

/**
 * A whole sentence that explains a state away applies to every mention of the concept, found by the lexicon or
 * composed: breathless while running or climbing stairs (not at rest, no sign of hypoxia) is exertional, not an
 * emergency; a limb state explained by sleeping on it, both hands, an injury or a garment is no stroke sign.
 */
const EXPLAINED: readonly { concept: string; unless: RegExp; unlessNot: RegExp }[] = [
  {
    concept: 'dyspnoea',
    unless: new RegExp(`${EXERTION}|climbing|walking (?:up|fast)|爬了|层楼|楼梯|climbed`),
    // (New today and barely able to climb — "can barely get up the stairs and it came on today" — is no exertion.)
    unlessNot: new RegExp(
      `${AT_REST}|嘴唇|发紫|发青|说不出话|憋醒|blue|can'?t (?:speak|talk)|\\bbarely\\b|came on (?:today|this morning|suddenly)`,
    ),
  },
  // Breathless only on exertion and fine at rest, or at its usual level in a known condition ("as usual, no worse"):
  // no sign of hypoxia, nothing new (heart failure at baseline; AHA warning signs of heart failure: worse, at rest).
  {
    concept: 'dyspnoea',
    unless:
      /(?:fine|ok|okay|normal|good|settles?|goes|better) (?:at|with|when i) rest|歇(?:一歇|一会儿?|会儿?)就好|休息(?:一下|一会儿?)?就好|^(?=.*(?:walk|stair|climb|hill|shop|exert|爬|走路|上楼|活动|干活)).*(?:as usual|no worse|not worse|same as (?:usual|always|normal|before)|(?:和|跟)平时(?:一样|差不多)|老样子|没有?加重)/,
    unlessNot:
      /嘴唇|发紫|发青|说不出话|憋醒|\bblue\b|can'?t (?:speak|talk)|sudden|突然|(?<!no |not )worse|加重(?<!没有?加重)|越来越|tonight|今晚|pink|froth|泡沫|lying (?:down|flat)|躺/,
  },
  {
    concept: 'limb-weakness',
    unless: new RegExp(LIMB_CAUSE),
    unlessNot: new RegExp(`突然|suddenly|${DISMISSED}`),
  },
  {
    concept: 'limb-weakness',
    unless: new RegExp(BILATERAL),
    unlessNot: new RegExp(
      `突然|suddenly|drift|往下掉|掉下来|一边|一侧|\\bone (?:side|arm|leg)\\b|(?:right|left) one`,
    ),
  },
  // A leg numb or weak with low-back disc trouble, sciatica or long sitting is a nerve root, not a stroke sign (BE-FAST:
  // sudden, face or arm), unless it came on suddenly or the face or an arm is named too.
  {
    concept: 'limb-weakness',
    unless: /腰突|腰椎|椎间盘|坐骨神经|久坐|坐久|sciatica|slipped disc|herniated disc|sitting (?:too )?long/,
    unlessNot: /突然|suddenly|脸|嘴|手|胳膊|说话|face|arm|hand|speech/,
  },
  { concept: 'speech-difficulty', unless: new RegExp(SPEECH_UNLESS), unlessNot: /突然|suddenly/ },
  // "No words to describe it" (找不到词形容, can't find the words to describe) is an idiom, not word-finding trouble.
  {
    concept: 'speech-difficulty',
    unless:
      /(?:找不到|找不着|想不出)[^,.。!?;\n]{0,3}(?:词|话|字)[^,.。!?;\n]{0,3}(?:形容|描述|来说)|words to (?:describe|explain)/,
    unlessNot: /突然|suddenly/,
  },
  // A dental or local anaesthetic explains a numb half mouth or face (麻药没过), unless it droops or came suddenly.
  {
    concept: 'facial-droop',
    unless: /麻药|局麻|打了麻|拔(?:完|了)?牙|补(?:完|了)?牙|牙医|numbing|novocaine|anaesthe|anesthe|dentist/,
    unlessNot: /突然|歪|耷拉|suddenly|droop/,
  },
  // Known dementia explains evening confusion, unless it is new or sudden (REFERENCE §1.5: acute confusion).
  {
    concept: 'confusion',
    unless: /痴呆|dementia|alzheimer/,
    // (A change from the usual — 平时不这样, "normally mild but since tea time" — or drowsiness, which dementia does not
    // explain, is new.)
    unlessNot:
      /突然|今天|比平时|平时不|平常不|叫不醒|嗜睡|昏睡|suddenly|today|worse|new|\b(?:normally|usually)\b[^.!?\n]{0,40}?\bbut\b|\bsince (?:this morning|lunch|breakfast|dinner|tea|noon|last night|\d)|drowsy|\b(?:rouse|wake) (?:him|her)\b/,
  },
  // Someone absorbed in a game or wearing headphones, or sulking, who does not answer when called (玩紧game，叫佢都唔应)
  // is no altered consciousness (REFERENCE §1.5), unless a sign of illness is named (fever, a fit, drowsy, sudden).
  {
    concept: 'unresponsive',
    unless: /游戏|打紧|玩紧|耳机|嬲|扭计|闹脾气|赌气|\bgames?\b|headphones|sulk/,
    unlessNot: /发烧|抽|突然|眼瞓|昏|摇|叫不醒|drowsy|fever|sudden|fit|seizure|floppy/,
  },
  // An app, a phone or a device that stopped responding is no person unresponsive (REFERENCE §1.5), unless one is named.
  {
    concept: 'unresponsive',
    unless:
      /\b(?:app|phone|website|site|screen|computer|laptop|device|monitor|machine|system|printer|wifi|cuff)\b|手机|电脑|软件|网站|血压计/,
    unlessNot:
      /\b(?:he|she|him|her|mum|mom|dad|grandad|grandpa|grandma|nan|baby|son|daughter|husband|wife|father|mother)\b|[他她妈爸爷奶]/,
  },
  // A broken device explains half a picture gone dark ("看电视一半黑了，是电视坏了"), unless an eye is named.
  {
    concept: 'sudden-vision-loss',
    unless:
      /(?:电视|屏幕|手机|电脑|显示器)(?:是|也)?(?:坏了|有问题|的问题|没信号|摔了)|\b(?:tv|screen|phone|monitor)\b (?:is |was )?(?:broken|faulty|cracked)/,
    unlessNot: /眼睛|左眼|右眼|一只眼|\beye\b/,
  },
  // An unsteady gait explained by a knee, an injury, crutches or drink (BE-FAST "Balance" is sudden and unexplained),
  // unless it came on suddenly or drifts to one side.
  {
    concept: 'balance-loss',
    unless:
      /膝|腿疼|腰疼|崴|扭伤|骨折|术后|拐杖|(?<![像跟])喝(?:多|醉)(?![^,.。]{0,3}(?:一样|似的))|\bknee|crutch|(?<!like |as if )drunk|sprain|broken (?:leg|ankle)/,
    unlessNot: /突然|突发|一下子|往(?:左|右)|向(?:左|右)|偏斜|suddenly|sudden|veer/,
  },
  // Eye strain, long-standing eye disease or eye surgery explains blurred or double vision (not sudden).
  {
    concept: 'sudden-vision-loss',
    unless: new RegExp(EYE_UNLESS),
    // (Sight gone just now is no eye strain: the screen is where it was seen.)
    unlessNot: new RegExp(`突然|suddenly|${REFUTED}|刚刚|刚才|\\bjust (?:vanished|disappeared|gone|went)\\b`),
  },
  // Chest-wall pain with a named cause (a spot, a wound, a knock, tenderness, strained muscles) and no sign of a
  // heart attack (AHA: sweat, breathlessness, pain spreading to arm, jaw or back).
  // Chest tightness brought on by cold air and gone indoors, with no sign of a heart attack (AHA warning signs).
  // A garment that tore at the back ("后背的衣服撕开了", "my jeans ripped apart at the back") is no tearing pain unless
  // pain is named (AHA aortic dissection: sudden severe tearing pain).
  {
    concept: 'tearing-pain',
    unless: /衣服|裤|衬衫|外套|裙|布料|jeans|shirt|pants|trousers|jacket|dress|seam|zip|fabric/,
    unlessNot: /疼|痛|pain|hurt|ache/,
  },
  // Fullness after a meal relieved by belching, or acid reflux, with no sign of a heart attack (AHA warning signs).
  {
    concept: 'chest-pain',
    unless: /打嗝|打了几个嗝|嗝|反酸|烧心|胃酸|burp|belch|heartburn|acid reflux/,
    unlessNot: /汗|喘|气短|胳膊|下巴|后背|突然|越来越|sweat|clammy|breath|arm|jaw|back|sudden|worse/,
  },
  // Indigestion relieved by antacids ("burning after dinner, goes away with antacids"), no sign of a heart attack and
  // nothing that says the relief failed (AHA warning signs).
  {
    concept: 'chest-pain',
    unless:
      /indigestion|消化不良|(?:goes|went|go|settles?|eases?) (?:away )?with (?:an |some )?(?:antacids?|gaviscon|rennies?|tums|mylanta)|antacids? (?:help|helps|helped|settle|settles|fix|work)|(?:吃了?|喝了?)(?:点)?胃药(?:就)?(?:好了|好多了|缓解|舒服)/,
    unlessNot:
      /汗|喘|气短|胳膊|下巴|后背|突然|越来越|压榨|没用|不管用|sweat|clammy|breath|\barm\b|jaw|\bback\b|sudden|worse|crushing|squeez|heavy|pressure|n't help|not help|no help|not working/,
  },
  {
    concept: 'chest-pain',
    unless: /冷空气|冷风|cold air|cold wind/,
    unlessNot: /汗|喘|胳膊|下巴|后背|突然|不缓解|sweat|breath|arm|jaw|back|sudden|won'?t go|doesn'?t go/,
  },
  {
    concept: 'chest-pain',
    unless:
      /痘|疙瘩|疹|纹身|伤口|刀口|撞|磕|碰|摔|按着|一按|按压|拉伤|搬(?:了|东西|家具|重物)|扭(?:了|到|身)|push-?ups?|pulled|muscle|bruis|tattoo|pimple|rash|press(?:ed|ing)? on (?:it|the spot|that spot)|when i (?:press|twist|turn)|\btwist|furniture|lifting (?:boxes|heavy)|lifted (?:boxes|something heavy)/,
    // Pain on moving the arm ("抬胳膊也疼", "when I lift my arm") is chest-wall pain, not pain spreading to the arm.
    unlessNot:
      /汗|(?<![不没])喘(?!气?(?:没事|正常|还行|顺|没问题))|(?<!喘)气(?!(?:没事|正常|还行|顺|没问题))|(?<![抬举动伸甩])胳膊|下巴|后背|突然|sweat|breath|(?<!(?:lift|raise|move) (?:my |the )?)arm|jaw|back|sudden/,
  },
  ...EXPLAINED_2,
];

/** True when the sentence around a mention of `concept` explains it away (see EXPLAINED). */
export function explainedAway(norm: string, concept: string, start: number, end: number): boolean {
  // A lexicon form starting with 气 ("气急", "气短") inside 天气/脾气/生气 … is no breath ("天气急转直下").
  if (
    concept === 'dyspnoea' &&
    start > 0 &&
    norm.charAt(start) === '气' &&
    NOT_BREATH_BEFORE.includes(norm.charAt(start - 1))
  )
    return true;
  for (const x of EXPLAINED) {
    if (x.concept !== concept) continue;
    const s = withoutHedges(sentenceOf(norm, start, end));
    if (x.unless.test(s) && !x.unlessNot.test(s)) return true;
  }
  return false;
}
