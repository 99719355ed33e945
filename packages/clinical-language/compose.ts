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
import type { Concept, SourceId } from './types.ts';

/** A gap inside a clause: no clause break and no negation character (as the lexicon's gap patterns). */
const G = '[^,.。!?;:\\n不没无未别但却和及与、]';
const E = '[^,.;!?\\n]'; // English gap: within a clause

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
  sources: readonly SourceId[];
}

// ── Neuro deficit: limbs (BE-FAST "Arm", 中风120 "2查2只胳膊") ───────────────────────────────────────────────
// Cantonese 我只手 / 佢只脚: "my (one) hand" (classifier 只 after a pronoun).
const SIDE =
  '(?:(?<![两双])(?:左(?!右)|右|一侧|单侧|一边|半边|一只|一条|(?<=[我佢他她])只)(?:边|侧|半边)?(?:的)?)';
const LIMB = '(?:胳膊|胳臂|手臂|手指头?|手|腿|脚|半边身子|身子)';
/** Function lost or weak (a task the hand or leg cannot do). */
const LOST =
  '(?:没劲|无力|没力气?|没(?:什么|啥|得)(?:力气?|劲)|使不上劲|使不上力|使不出(?:劲|力)?|用不上劲|抬不起|举不起|抬不动|不听使唤|不听话|不听指挥|动不了|不能动|' +
  '写不(?:成|了|好)|' +
  '拿不住|拿不稳|握不住|握不紧|抓不住|捏不住|夹不住|夹不起|扣不上|系不上|套不进|穿不进|迈不开|迈不动|站不住|撑不住|' +
  '不灵活|不灵|不好使|老掉|总掉|往下掉|掉下去|滑下去|滑掉|耷拉|拖着|拖地|瘫|' +
  // Cantonese: 冇(晒)力 no strength (at all), 拎唔起 cannot lift, 揸唔实 cannot grip, 郁唔到 cannot move.
  '冇晒?力|冇晒?气力|拎唔起|揸唔实|揸唔住|郁唔到|郁唔)';
/** Sensory or heaviness: emergency only one-sided (AHA: sudden numbness, especially on one side). */
const FELT = '(?:麻(?!烦)|发麻|木|发木|没知觉|没感觉|发沉|沉|发软|软)';
/** Both sides: bilateral numbness or weakness is no stroke sign (unless one side is named as worse). */
const BILATERAL = '(?:两只|两边|两条|双手|双脚|双腿|两手|两腿|左右|both (?:hands|arms|legs|feet))';
/** Explanations of a limb state that make it no stroke sign. */
const LIMB_CAUSE =
  '(?:压(?:着|了|麻)|睡觉|睡姿|枕着|甩一甩|颈椎|腱鞘|扭(?:了|伤)|崴|骨折|' +
  '受伤|摔伤|划伤|割伤|拉伤|扭伤|伤了|伤到|手术|术后|肩周炎|落枕|烫|冻|买小|太小|太紧|有油|太滑|手套|' +
  'slept on|sleeping on|fell asleep|asleep|cross-legged|pins and needles|injur|sprain|broke|fractur|\\bcast\\b|' +
  'arthritis|surgery|operation|frozen shoulder)';
const LIMB_UNLESS = `(?:${BILATERAL}|${LIMB_CAUSE})`;
/**
 * The affected person's own dismissal reported by a caregiver ("他说没事就是冻的", "he says it's nothing") does not
 * explain a sign away: AHA stroke and heart-attack pages — people often deny symptoms; call anyway.
 */
const DISMISSED =
  "(?:[他她]|老人家?|老头|老太太)(?:说|觉得|非说)(?:没事|没什么|就是)|\\b(?:he|she) (?:says|said|thinks|insists) (?:it'?s |its )?(?:nothing|fine|just)";
/** An explanation tried and refuted ("也可能是眼镜脏了，擦了还是一半黑的"). */
const REFUTED = '(?:擦了|换了|摘了|戴上|休息了)[^。!?\\n]{0,4}?还是|\\bstill (?:the same|there)\\b';

// ── Speech (BE-FAST "Speech", 中风120 "0(聆)听语言") ───────────────────────────────────────────────────────
const SPEECH_PART = '(?:说话|讲话|口齿|吐字|舌头|说的话|讲的话|(?<![电写打签名])(?:话|字|词|句子))';
const SPEECH_STATE =
  '(?:不清|含糊|含混|不利索|不利落|说不出(?!的)|讲不出|卡住|卡在|大舌头|颠三倒四|前言不搭后语|咬不准|咬不清|' +
  '不听使唤|打结|不连贯|对不上|乱(?!码))';
/** Explanations of a speech state: handwriting, accent or language, a hoarse throat, jargon. */
/** Slow speech is a sign only when it came on suddenly (some people always speak slowly). */
const SPEECH_SLOW = '(?:很慢|变慢|慢吞吞|一个字一个字|断断续续)';
const SPEECH_UNLESS =
  '(?:写的|写字|打字|签名|字迹|字体|气得|方言|外语|英语|普通话|口音|嗓子|哑|(?<![像跟])喝(?:多|醉)(?![^,.。]{0,3}(?:一样|似的))|accent|hoarse|sore throat|(?<!(?:sounds?|like|seems?|as if|looks?) )drunk)';

// ── Breath (REFERENCE §1.5 pulmonary oedema; AHA shortness of breath) ────────────────────────────────────
/** 气 that is no breath: 天气, 脾气, 生气 … (the character before) or 气温, 气味 … (after). */
const NOT_BREATH_BEFORE = '生脾天空力运客口小勇香煤暖淘争福泄怒语神洋大志骨义冷通';
const BREATH = `(?:(?<![${NOT_BREATH_BEFORE}])气(?![温候味球色质])|呼吸|喘气|出气|吸气)`;
const BREATH_STATE = '(?:上不来|接不上|不够|憋|急(?!败)|困难|费劲|费力|短|促|不过来|透不过|不顺|顶不上)';
const EXERTION =
  '(?:爬楼|上楼|爬坡|爬山|走快|快走|运动|干活|跑(?:步|了|完|过)|锻炼|打球|游泳|stairs|exercis|running|jogging|workout|gym)';
const AT_REST = '(?:坐着|躺|不动|休息|歇着|静|睡|说话|at rest|sitting|lying)';

// ── Lips/face colour (central cyanosis: hypoxia) ──────────────────────────────────────────────────────────
const COLOUR_UNLESS = '(?:冷|冻|游泳|口红|涂|桑葚|蓝莓|cold|swim|lipstick|berr)';

// ── Vision (BE-FAST "Eyes": sudden vision loss, double vision) ──────────────────────────────────────────────
const EYE = '(?:眼睛|左眼|右眼|一只眼|眼|看(?:东西|电视|手机|书|报纸?|人|字)?|视野|眼前|视线|视力)';
const EYE_STATE =
  '(?:看不见|看不到|什么都看不|一片黑|黑了|发黑|是黑的|一半|半边|重影|两个|双的|成双|双影|帘子|黑布|黑幕|黑影|' +
  '蒙住|蒙上|挡住|遮住|一块黑|是重的|重了)';
const EYE_UNLESS =
  '(?:站起|蹲|起身|起来快|低血糖|饿|老花|近视|散光|好几年|多年|眼镜|看久了|用眼|疲劳|熬夜|白内障|手术|屏幕|干涩|眼药水|干眼|' +
  'screen|reading for|cataract|glasses)';
const SUDDEN = '(?:突然|一下子|猛然|忽然|刚才|suddenly)';

// ── Chest (AHA: pressure, squeezing, fullness or pain) ─────────────────────────────────────────────────────
const CHEST = '(?:胸口|胸部|胸前|胸骨|心口|心窝子?|前胸|左胸|胸(?![罩围卡牌怀肌椎罩]))';
/** Pain words and the weight similes patients use (像压了块石头, 像有块大石头, 秤砣). */
const CHEST_STATE = '(?:疼|痛|闷|压|紧|堵|烧|攥|揪|勒|绞|沉|憋|撕|石头|秤砣|铅块)';
const CHEST_UNLESS =
  '(?:痘|疙瘩|疹|伤口|刀口|撞|磕|碰|摔|按着|按压|一按|乳|咳|反酸|烧心|打嗝|cough|pulled|muscle|bruis|heartburn|acid|gym)';

// ── Headache (REFERENCE §1.5 hypertensive encephalopathy; AHA stroke sign "sudden severe headache") ────────────
const HEAD = '(?:头|脑壳|脑袋|脑门|后脑勺?)';
/** Severe head pain: bursting similes, "unbearable", "worse than ever". */
const HEAD_SEVERE = '(?:炸|爆|裂|剧痛|厉害|遭不住|受不了|要命|难忍|比以往|比以前|哪次都|从来没|从没|从未)';
/** What makes a severe headache an emergency: sudden onset, worst ever, not the usual one, vomiting, stiff neck. */
const HEAD_CUE =
  '(?:突然|一下子|猛然|忽然|从来没|从没|从未|比以往|哪次都|这辈子|不是平时|不像平时|跟平时不一样|' +
  '脖子(?:也|都)?(?:硬|僵)|止不住地?吐|吐了|呕吐|一直吐|吐个不停|' +
  'sudden|worst|never had|stiff neck|neck is stiff|threw up|throwing up|vomit)';
/** A named usual cause (a known migraine, a hangover, a cold) explains it, unless it is "not the usual one". */
const HEAD_UNLESS = '(?:偏头痛|宿醉|喝多|感冒|发烧|migraine|hangover|hungover|a cold|flu)';
const HEAD_UNLESS_NOT = '(?:不是平时|不像平时|跟平时不一样|不一样|not (?:like )?my usual|different)';

export const COMPOSE_RULES: readonly ComposeRule[] = [
  {
    name: 'one-sided limb × lost function or numbness',
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
    concept: 'limb-weakness',
    re:
      "\\b(?:can'?t|cannot|couldn'?t|unable to)\\s+(?:grip|hold|lift|raise|move|feel|use|button|do up|write|pick up)\\b" +
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
    concept: 'chest-pain',
    re: `${CHEST}${G}{0,6}?${CHEST_STATE}`,
    unless: CHEST_UNLESS,
    sources: ['aha-heart-attack', 'ref-1.5'],
  },
  {
    name: 'chest × crushing, squeezing, heavy (English)',
    concept: 'chest-pain',
    re:
      `\\b(?:crushing|squeezing|squeezed|heavy|heaviness|weight|elephant|pressure|tightness|tighten\\w*|band|belt|vice|vise|burning)\\b${E}{0,30}?\\bchest\\b|` +
      `\\bchest\\b(?:(?!\\b(?:not|no|doesn'?t|don'?t|isn'?t|never)\\b)${E}){0,25}?\\b(?:crush\\w*|squeez\\w*|heavy|heaviness|burn\\w*|hurts?|hurting|aches?|aching|tight\\w*|pressure)\\b|\\bcp\\b`,
    unless: CHEST_UNLESS,
    sources: ['aha-heart-attack', 'ref-1.5'],
  },
  {
    name: 'head × severe pain — sudden, worst ever, vomiting or stiff neck',
    concept: 'thunderclap-headache',
    re:
      `${HEAD}(?:[^。!?;\\n]{0,3}?(?:痛|疼)[^。!?;\\n]{0,8}?${HEAD_SEVERE}|${G}{0,3}?(?:炸|爆|剧痛))|` +
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
    re: `(?:全身|浑身|四肢|手脚|身子)${G}{0,4}?(?:抽起来|抽搐|抽动|一抽一抽|抖个不停|一直抖|僵直|挺直)|\\b(?:whole body|all over)\\b${E}{0,15}?\\b(?:jerk\\w*|convuls\\w*)\\b`,
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
}

export function compileRules(byId: (id: string) => Concept | undefined): CompiledRule[] {
  return COMPOSE_RULES.map((rule) => {
    const concept = byId(rule.concept);
    if (!concept) throw new Error(`compose rule "${rule.name}": unknown concept ${rule.concept}`);
    return {
      rule,
      concept,
      re: new RegExp(rule.re, 'g'),
      ...(rule.needs ? { needs: new RegExp(rule.needs) } : {}),
      ...(rule.unless ? { unless: new RegExp(rule.unless) } : {}),
      ...(rule.unlessNot ? { unlessNot: new RegExp(rule.unlessNot) } : {}),
    };
  });
}

/**
 * A whole sentence that explains a state away applies to every mention of the concept, found by the lexicon or
 * composed: breathless while running or climbing stairs (not at rest, no sign of hypoxia) is exertional, not an
 * emergency; a limb state explained by sleeping on it, both hands, an injury or a garment is no stroke sign.
 */
const EXPLAINED: readonly { concept: string; unless: RegExp; unlessNot: RegExp }[] = [
  {
    concept: 'dyspnoea',
    unless: new RegExp(`${EXERTION}|climbing|walking (?:up|fast)`),
    unlessNot: new RegExp(`${AT_REST}|嘴唇|发紫|发青|说不出话|憋醒|blue|can'?t (?:speak|talk)`),
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
  { concept: 'speech-difficulty', unless: new RegExp(SPEECH_UNLESS), unlessNot: /突然|suddenly/ },
  // Known dementia explains evening confusion, unless it is new or sudden (REFERENCE §1.5: acute confusion).
  {
    concept: 'confusion',
    unless: /痴呆|dementia|alzheimer/,
    unlessNot: /突然|今天|比平时|suddenly|today|worse|new/,
  },
  // Eye strain, long-standing eye disease or eye surgery explains blurred or double vision (not sudden).
  {
    concept: 'sudden-vision-loss',
    unless: new RegExp(EYE_UNLESS),
    unlessNot: new RegExp(`突然|suddenly|${REFUTED}`),
  },
  // Chest-wall pain with a named cause (a spot, a wound, a knock, tenderness, strained muscles) and no sign of a
  // heart attack (AHA: sweat, breathlessness, pain spreading to arm, jaw or back).
  // Chest tightness brought on by cold air and gone indoors, with no sign of a heart attack (AHA warning signs).
  {
    concept: 'chest-pain',
    unless: /冷空气|冷风|cold air|cold wind/,
    unlessNot: /汗|喘|胳膊|下巴|后背|突然|不缓解|sweat|breath|arm|jaw|back|sudden|won'?t go|doesn'?t go/,
  },
  {
    concept: 'chest-pain',
    unless:
      /痘|疙瘩|疹|纹身|伤口|刀口|撞|磕|碰|摔|按着|一按|按压|拉伤|push-?ups?|pulled|muscle|bruis|tattoo|pimple|rash/,
    unlessNot: /汗|喘|气|胳膊|下巴|后背|突然|sweat|breath|arm|jaw|back|sudden/,
  },
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
    const s = sentenceOf(norm, start, end);
    if (x.unless.test(s) && !x.unlessNot.test(s)) return true;
  }
  return false;
}

const SENTENCE_END = /[.。!?\n]/;

/** The sentence around a span (normalised text). */
function sentenceOf(norm: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !SENTENCE_END.test(norm.charAt(a - 1))) a--;
  let b = end;
  while (b < norm.length && !SENTENCE_END.test(norm.charAt(b))) b++;
  return norm.slice(a, b);
}

/** Composed mentions: spans with the rule that found them. */
export function composedMatches(
  norm: string,
  rules: readonly CompiledRule[],
): { start: number; end: number; concept: Concept; rule: ComposeRule }[] {
  const out: { start: number; end: number; concept: Concept; rule: ComposeRule }[] = [];
  for (const r of rules) {
    for (const m of norm.matchAll(r.re)) {
      if (!m[0]) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (r.needs || r.unless) {
        const s = sentenceOf(norm, start, end);
        if (r.needs && !r.needs.test(s)) continue;
        if (r.unless && r.unless.test(s) && !(r.unlessNot && r.unlessNot.test(s))) continue;
      }
      out.push({ start, end, concept: r.concept, rule: r.rule });
    }
  }
  return out;
}
