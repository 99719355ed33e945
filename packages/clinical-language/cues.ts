/**
 * Shared vocabulary of the compositional rules (compose.ts) and of the explanations that take a sign away
 * (explain.ts): body parts, abnormal states, laterality and suddenness cues, and the near-miss causes. Sources as
 * named in compose.ts (BE-FAST, 中风120, AHA warning signs, REFERENCE §1.5).
 */

/** A gap inside a clause: no clause break and no negation character (as the lexicon's gap patterns). */
export const G = '[^,.。!?;:\\n不没无未别但却和及与、莫勿弗]'; // 莫得/勿/弗: Sichuan and Wu negation
export const E = '[^,.;!?\\n]'; // English gap: within a clause

// ── Neuro deficit: limbs (BE-FAST "Arm", 中风120 "2查2只胳膊") ───────────────────────────────────────────────
// Cantonese 我只手 / 佢只脚: "my (one) hand" (classifier 只 after a pronoun).
export const SIDE =
  '(?:(?<![两双])(?:左(?!右)|右|一侧|单侧|一边|半边|半拉|一只|一条|(?<=[我佢他她])只)(?:边|侧|半边|半拉)?(?:的)?)';
export const LIMB = '(?:胳膊|胳臂|手臂|上肢|下肢|肢体|手指头?|手|腿|脚|半边身子|身子)';
/** Function lost or weak (a task the hand or leg cannot do). */
export const LOST =
  '(?:没劲|劲儿?(?:都|也)?没(?:有)?(?![少变减问事])了?|无力|活动障碍|活动不利|偏瘫|没力气?|没(?:什么|啥|得)(?:力气?|劲)|使不上劲|使不上力|使不出(?:劲|力)?|用不上劲|抬不起|举不起|抬不动|不听使唤|不听话|不听指挥|动不了|不能动|不会动|' +
  '写不(?:成|了|好)|打字打不(?:了|成|动)|打不了字|' +
  '拿不住|拿不稳|握不住|握不紧|抓不住|捏不住|夹不住|夹不起|扣不上|系不上|套不进|穿不进|迈不开|迈不动|站不住|撑不住|' +
  '端不住|端不稳|不太灵活|不大灵活|不灵活|不灵|不好使|老掉|总掉|往下掉|往下落|落下来|举不住|抬不住|攥不(?:住|紧|起|成)|甩着走|画圈|划圈|掉下去|滑下去|滑掉|耷拉|拖着|拖地|瘫|' +
  // Cantonese: 冇(晒)力 no strength (at all), 拎唔起 cannot lift, 揸唔实 cannot grip, 郁唔到 cannot move.
  '冇晒?力|冇晒?气力|拎唔起|揸唔实|揸唔住|郁唔到|郁唔)';
/** Sensory or heaviness: emergency only one-sided (AHA: sudden numbness, especially on one side). */
export const FELT = '(?:麻(?!烦)|发麻|木|发木|没知觉|没感觉|发沉|沉|发软|软)';
/** Both sides: bilateral numbness or weakness is no stroke sign (unless one side is named as worse). */
export const BILATERAL =
  '(?:两只|两边|两条|双手|双脚|双腿|两手|两腿|左右|both (?:hands|arms|legs|feet)|' +
  // "左手和右手都麻": both sides named one after the other.
  '左(?:手|脚|腿|胳膊|手臂)(?:和|跟|与|、)右|右(?:手|脚|腿|胳膊|手臂)(?:和|跟|与|、)左)';
/** Explanations of a limb state that make it no stroke sign. */
export const LIMB_CAUSE =
  '(?:压(?:着|了|麻)|睡觉|睡姿|枕着|甩一甩|颈椎|腱鞘|扭(?:了|伤)|崴|骨折|' +
  '受伤|摔伤|划伤|割伤|拉伤|扭伤|伤了|伤到|手术|术后|肩周炎|落枕|烫|冻|买小|太小|太紧|有油|太滑|手套|键盘|键坏|' +
  'slept on|sleeping on|sleep on|fell asleep|asleep|cross-legged|pins and needles|injur|sprain|broke|fractur|\\bcast\\b|' +
  'arthritis|surgery|operation|frozen shoulder|tight (?:shoes?|boots?|socks?|ring|watch|band)|(?:shoes?|boots?) (?:are |is )?too tight)';
export const LIMB_UNLESS = `(?:${BILATERAL}|${LIMB_CAUSE})`;
/**
 * The affected person's own dismissal reported by a caregiver ("他说没事就是冻的", "he says it's nothing") does not
 * explain a sign away: AHA stroke and heart-attack pages — people often deny symptoms; call anyway.
 */
export const DISMISSED =
  "(?:[他她]|老人家?|老头|老太太)(?:说|觉得|非说)(?:没事|没什么|就是)|\\b(?:he|she) (?:says|said|thinks|insists) (?:it'?s |its )?(?:nothing|fine|just)";
/** An explanation tried and refuted ("也可能是眼镜脏了，擦了还是一半黑的"). */
export const REFUTED =
  '(?:擦了|换了|摘了|戴上|休息了)[^。!?\\n]{0,4}?还是|\\bstill (?:the same|there)\\b|' +
  // The device said to be fine ("手机没问题", "but the phone is fine"): the eye, not the screen.
  '(?:手机|屏幕|电视)(?:是)?(?:好的|没问题|没坏)|\\b(?:phone|screen|tv|monitor|device) (?:(?:is|was) (?:fine|ok|okay|working)|works(?: fine)?)\\b|\\bnothing wrong with the (?:phone|screen|tv)\\b';

// ── Speech (BE-FAST "Speech", 中风120 "0(聆)听语言") ───────────────────────────────────────────────────────
export const SPEECH_PART = '(?:说话|讲话|口齿|吐字|舌头|说的话|讲的话|(?<![电写打签名])(?:话|字|词|句子))';
export const SPEECH_STATE =
  '(?:不清|含糊|含混|不利索|不利落|说不出(?!的)|讲不出|卡住|卡在|大舌头|颠三倒四|前言不搭后语|咬不准|咬不清|' +
  '不听使唤|打结|不连贯|对不上|乱(?!码))';
/** Explanations of a speech state: handwriting, accent or language, a hoarse throat, jargon. */
/** Slow speech is a sign only when it came on suddenly (some people always speak slowly). */
export const SPEECH_SLOW = '(?:很慢|变慢|慢吞吞|一个字一个字|断断续续)';
export const SPEECH_UNLESS =
  '(?:看不清|看不见|老花|写的|写字|打字|签名|字迹|字体|气得|方言|外语|英语|普通话|口音|嗓子|哑|(?<![像跟])喝(?:多|醉)(?![^,.。]{0,3}(?:一样|似的))|accent|hoarse|sore throat|(?<!(?:sounds?|like|seems?|as if|looks?)(?: (?:he|she|they|i)(?:\\x27s|\\x27re|\\x27m| is| are| was| were)?)? )drunk)';

// ── Breath (REFERENCE §1.5 pulmonary oedema; AHA shortness of breath) ────────────────────────────────────
/** 气 that is no breath: 天气, 脾气, 生气 … (the character before) or 气温, 气味 … (after). */
export const NOT_BREATH_BEFORE = '生脾天空力运客口小勇香煤暖淘争福泄怒语神洋大志骨义冷通';
export const BREATH = `(?:(?<![${NOT_BREATH_BEFORE}])气(?![温候味球色质])|呼吸|喘气|出气|吸气)`;
export const BREATH_STATE =
  '(?:上不来|接不上|不够|憋|急(?!败)|困难|费劲|费力|短|促|不过来|透不过|不顺|顶不上)';
export const EXERTION =
  '(?:爬楼|上楼|爬坡|爬山|走快|快走|运动|干活|跑(?:步|了|完|过)|锻炼|打球|游泳|stairs|exercis|running|jogging|workout|gym)';
export const AT_REST = '(?:坐着|躺|不动|休息|歇着|静|睡|说话|at rest|sitting|lying)';

// ── Lips/face colour (central cyanosis: hypoxia) ──────────────────────────────────────────────────────────
export const COLOUR_UNLESS = '(?:冷|冻|游泳|口红|涂|桑葚|蓝莓|cold|swim|lipstick|berr)';

// ── Vision (BE-FAST "Eyes": sudden vision loss, double vision) ──────────────────────────────────────────────
export const EYE = '(?:眼睛|左眼|右眼|一只眼|眼|看(?:东西|电视|手机|书|报纸?|人|字)?|视野|眼前|视线|视力)';
export const EYE_STATE =
  '(?:看不见|看不到|什么都看不|一片黑|黑了|发黑|是黑的|一半|半边|重影|两个|双的|成双|双影|帘子|黑布|黑幕|黑影|' +
  '蒙住|蒙上|挡住|遮住|一块黑|是重的|重了|睇唔到|睇唔见|' +
  // Northern 俩 (two): "看东西都是俩" double vision; not "俩小时" (two hours).
  '(?:都是|成了?|变成)俩(?![小钟个天人])|(?<=视物)不见)';
export const EYE_UNLESS =
  '(?:站起|蹲|起身|起来快|低血糖|饿|老花|近视|散光|' +
  // Long-standing — but not another condition's (高血压病史多年, 糖尿病十多年) in a later clause.
  '(?<!(?:史|病|压)[^,.。]{0,2})(?:好几年|多年)|眼镜|看久了|用眼|疲劳|熬夜|白内障|手术|屏幕|干涩|眼药水|干眼|' +
  'screen|reading for|cataract|glasses)';
export const SUDDEN = '(?:突然|一下子|猛然|忽然|刚才|suddenly)';

// ── Chest (AHA: pressure, squeezing, fullness or pain) ─────────────────────────────────────────────────────
export const CHEST = '(?:胸口|胸部|胸前|胸骨|心口|心窝子?|前胸|左胸|胸(?![罩围卡牌怀肌椎罩]))';
/** Pain words and the weight similes patients use (像压了块石头, 像有块大石头, 秤砣). */
export const CHEST_STATE = '(?:疼|痛|闷|压|紧|堵|烧|攥|揪|勒|绞|沉|憋|撕|石头|秤砣|铅块)';
export const CHEST_UNLESS =
  '(?:痘|疙瘩|疹|伤口|刀口|撞|磕|碰|摔|按着|按压|一按|乳|咳|反酸|烧心|打嗝|cough|pulled|muscle|bruis|heartburn|acid|gym)';

// ── Headache (REFERENCE §1.5 hypertensive encephalopathy; AHA stroke sign "sudden severe headache") ────────────
export const HEAD = '(?:头|脑壳|脑袋|脑瓜子?|脑门|后脑勺?)';
/** Severe head pain: bursting similes, "unbearable", "worse than ever". */
export const HEAD_SEVERE =
  '(?:炸|爆|裂|剧痛|厉害|遭不住|受不了|要命|欲死|要死|难忍|比以往|比以前|哪次都|从来没|从没|从未)';
/** What makes a severe headache an emergency: sudden onset, worst ever, not the usual one, vomiting, stiff neck. */
export const HEAD_CUE =
  '(?:突然|一下子|猛然|忽然|从来没|从没|从未|比以往|哪次都|这辈子|不是平时|不像平时|跟平时不一样|' +
  '脖子(?:也|都)?(?:硬|僵)|止不住地?吐|吐了|呕吐|一直吐|吐个不停|呕咗|呕了|吐咗|' +
  'sudden|worst|never had|stiff neck|neck is stiff|threw up|throwing up|vomit)';
/** A named usual cause (a known migraine, a hangover, a cold) explains it, unless it is "not the usual one". */
/** Another body part between a headache and "never this painful": the worst pain is that part's. */
export const NOT_HEAD_PART = '牙齿肚胃腰腿脚手背胸耳';
/** "Never hurt this much" (从来没这么疼过, 这辈子都没这么痛过, 活了五十年从来没…, 前所未有): worst ever. */
export const HEAD_NEVER =
  '(?:(?:从来|从|这辈子都?|一辈子|长这么大)没有?(?:这么|这样|如此)(?:疼|痛)过|前所未有|最(?:疼|痛)的一次)';
export const HEAD_UNLESS = '(?:偏头痛|宿醉|喝多|感冒|发烧|migraine|hangover|hungover|a cold|flu)';
export const HEAD_UNLESS_NOT = '(?:不是平时|不像平时|跟平时不一样|不一样|not (?:like )?my usual|different)';

const SENTENCE_END = /[.。!?\n]/;

/** The sentence around a span (normalised text). */
export function sentenceOf(norm: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !SENTENCE_END.test(norm.charAt(a - 1))) a--;
  let b = end;
  while (b < norm.length && !SENTENCE_END.test(norm.charAt(b))) b++;
  return norm.slice(a, b);
}

/**
 * A cause the writer only guesses at with doubt ("不确定是不是压着了", "not sure if it's heartburn") or denies ("不是压麻的",
 * "not from sleeping on it"; round 7: "I wasn't lying on it", "not pins and needles") explains nothing:
 * the clause is dropped before the explanation cues are tested (AHA / BE-FAST: when in doubt, treat as the sign).
 */
const HEDGED =
  /(?:不确定|不知道|说不准|搞不清)是不是[^,.。!?;\n]*|\bnot sure (?:if|whether) (?:it'?s |its |it is )?[^,.;!?\n]*|(?:不是|并不是|也不是|不像是)[^,.。!?;\n]{0,10}|\b(?:not|isn'?t|wasn'?t) (?:from|because of|due to|caused by) [^,.;!?\n]*|\b(?:i|he|she|they)\s+(?:wasn'?t|was not|weren'?t|hadn'?t been|didn'?t sleep)\s+(?:lying|sleeping|leaning|sitting)?\s*on\b[^,.;!?\n]*|\bnot (?:just )?(?:pins and needles|a cramp|cramp)\b/g;

/** The sentence without the clauses that only guess at a cause (see HEDGED). */
export const withoutHedges = (s: string): string => s.replace(HEDGED, '');
