/**
 * Context-modifier rules as data (ConText-style: triggers with a direction and a scope, pseudo-triggers that
 * look like triggers but are not, terminators that end a scope). Anchors: NegEx (Chapman et al. 2001) and
 * ConText (Harkema, Dowling, Thornblade, Chapman 2009); the rule set is this package's own, written for patient
 * messages in Chinese and English. Regular expressions run on normalised text (lower case, half-width).
 * Windows are in units (one Chinese character or one Latin word); operational choices, not clinical numbers.
 */
import { PSEUDO_2, TRIGGERS_2 } from './rules2.ts';
import { TRIGGERS_3 } from './rules3.ts';

export type Category = 'negated' | 'historical' | 'hypothetical' | 'experiencer' | 'uncertain';

export interface TriggerRule {
  category: Category;
  /** forward: applies to concepts after the cue; backward: to concepts before it. */
  direction: 'forward' | 'backward';
  re: string;
  /** Maximum distance in units between cue and concept (default per category). */
  window?: number;
  /** Backward rule that must follow the concept directly (may cross `?`, `:`, `-`). */
  adjacent?: boolean;
  /** Apply only to these concept kinds (e.g. "since childhood" dates a symptom, not a chronic condition). */
  kinds?: readonly ('red-flag' | 'symptom' | 'condition' | 'drug' | 'finding')[];
  /** Apply only to these lexicon concepts. */
  concepts?: readonly string[];
  /** Never apply to these lexicon concepts (e.g. a resolved bout does not date a chronic condition). */
  notConcepts?: readonly string[];
  /** Apply only to concepts with these red-flag codes. */
  redFlags?: readonly string[];
  /** Never apply to concepts with these red-flag codes. */
  notRedFlags?: readonly string[];
  /** Scope: the sentence instead of the clause (commas do not end it), and terminators do not apply. */
  sentence?: boolean;
}

export interface ScopeRule {
  categories: readonly Category[];
  re: string;
}

export const FAMILY_ZH =
  '(?:孃孃|嬢嬢|家里老人|爸爸|爸|妈妈|妈|父亲|母亲|爹|娘|老汉儿|老豆|老窦|阿爸|老母|闺女|老太婆|侄子|侄女|外甥|孙子|孙女|老爸|老妈|老伴|老公|丈夫|爱人|妻子|老婆|媳妇|儿子|女儿|孩子|爷爷|奶奶|外公|外婆|姥姥|姥爷|公公|婆婆|岳父|岳母|哥哥|姐姐|弟弟|妹妹|叔叔|阿姨|舅舅|姑姑|家人|家里人|亲戚|邻居|朋友|同事|老人家|老爷子|老太太|老头|家父|家母|父母|兄弟姐妹|男朋友|女朋友|男友|女友|室友|舍友|那口子|外孙女|外孙|孙儿|阿婆|阿嫲|阿嬷|阿妈|阿母|阿公|阿爷|爷叔|阿伯|娃儿|老头子|老汉|阿弟|阿妹|阿姐|阿哥|阿叔|阿婶|阿姆|细佬|细妹|老弟|太太|长辈|顾客|工友|队友|病友|[大二三小](?:哥|姐|弟|妹)|(?<=我|俺)对象|嫂子|嫂嫂|大嫂|二嫂|弟媳|姐夫|妹夫|表哥|表姐|表弟|表妹|堂哥|堂姐|堂弟|堂妹|姑父|姑丈|姨父|姨夫|姑妈|姨妈|舅妈|舅母|婶婶|婶子|伯伯|伯母|大伯|大姑|小姑子|儿媳妇|儿媳|女婿|亲家|侄儿|外甥女|孙媳妇|丈母娘|老丈人|继父|继母|干爹|干妈)';
const FAMILY_ZH_SHORT =
  '(?:弟|哥|姐|妹|儿|姑娘|爷|奶|娘|爹|舅|姨|姑|叔)(?<=[我俺](?:弟|哥|姐|妹|儿|姑娘|爷|奶|娘|爹|舅|姨|姑|叔))|(?<=[我佢]个)(?:孙|仔|女)';
// (A carer's employer or patient, lola/lolo — Filipino carers' grandmother/grandfather — are others too: issue 16 round 6.)
export const FAMILY_EN =
  '(?:mother|mom|mum|father|dad|wife|husband|son|daughter|brother|sister|grandma|grandmother|grandpa|grandfather|grandparents?|parents?|uncle|aunt|family|friend|neighbou?r|partner|kids?|child|children|boyfriend|girlfriend|cousin|spouse|customer|resident|client|classmate|teammate|relatives?|in-laws?|coworker|colleague|nephew|niece|grandson|granddaughter|grandchild|grandkids?|auntie|aunty|nan|nana|nanna|granny|gran|employer|patient|lola|lolo|stepmom|stepdad|stepmother|stepfather|fianc[eé]e?|roommate|flatmate|housemate|siblings?|twin|baby|toddler|teenager|boss)';
/** Someone unnamed ("有人", "一个老人", "someone", "a man"): another person, a bystander or one in a report. */
const PERSON_ZH =
  '(?:有人|有个人|有一个人|一(?<!我一|自己一)个人(?!在家|住)|那个人|这个人|[老小](?<![\\u4e00-\\u9fff][老小])[王李张刘陈杨黄赵周吴徐孙朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋杜叶程魏苏吕丁沈钟姜崔谭陆范汪廖金贾夏邹熊孟秦邱侯江薛段雷龙黎陶贺郝顾龚邵钱戴严莫孔汤康乔赖]|某人|别人|男子|女子|路人|网友|(?:有个|一个|有位|一位)(?:老人|老太太|老大爷|大爷|大妈|小伙子?|姑娘|孩子|男的|女的|年轻人))';
const PERSON_EN =
  "(?:someone|somebody|(?<!i'?m |i am )(?:a|an old|an elderly|a young) (?:man|woman|guy|lady|person|kid|child|boy|girl|gentleman|footballer|player|athlete|celebrity|actor|singer|student|teacher|driver))";
const CJK_NUM = '(?:\\d+|[一二两三四五六七八九十几半多]+)';
const EN_NUM = '(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|many|couple of)';
/** Pseudo-trigger (round 7): an old complaint followed in its sentence by a new onset dates nothing after it. */
const NEW_AFTER = '(?![^。!?;\\n]{0,30}?(?:刚刚|刚才|突然|今天|今早|这会儿))';

/** Chronic conditions: a resolution or "not again" in their sentence speaks of a bout, not of the condition. */
export const CHRONIC: readonly string[] = [
  'hypertension',
  'diabetes',
  'ckd',
  'coronary',
  'heart-failure',
  'gout',
  'asthma',
  'hyperlipidemia',
  'atrial-fibrillation',
  'epilepsy',
];

export const DEFAULT_WINDOW: Record<Category, number> = {
  negated: 8,
  historical: 14,
  hypothetical: 14,
  experiencer: 200,
  uncertain: 10,
};

export const TRIGGERS: readonly TriggerRule[] = [
  // ---- negation, before the term
  {
    category: 'negated',
    direction: 'forward',
    re: '(?:(?:都|也)?(?:没有再|没再|未再|不再)|从来没有|从来没|从没有|从没|从未|并没有|并无|都没有|也没有|没有|没|无|未|否认|未见|不是|无明显|不觉得|不感觉|不感到|排除了|已排除)',
  },
  { category: 'negated', direction: 'forward', re: '不', window: 1 },
  // Cantonese 冇 (no) / 唔 (not): "冇胸口痛", "唔系好痛".
  { category: 'negated', direction: 'forward', re: '(?:冇|唔)', window: 2 },
  // Sichuan 莫得/莫有 (没有), Wu 勿/弗 (不): "胸口莫得啥子痛", "心口头勿痛".
  { category: 'negated', direction: 'forward', re: '(?:莫得|莫有)', window: 6 },
  { category: 'negated', direction: 'forward', re: '(?:勿|弗)', window: 2 },
  {
    category: 'negated',
    direction: 'forward',
    re: "\\b(?:no longer|no|nil|not|never|denies|deny|denied|denying|without|none of|negative for|free of|neither|nor|no longer|ruled out|rules out|don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t|hadn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|won'?t)\\b",
    window: 5,
  },
  // ---- negation, after the term ("胸痛？没有", "糖尿病没有", "chest pain: none")
  {
    category: 'negated',
    direction: 'backward',
    adjacent: true,
    re: '^\\s*[?:\\-]?\\s*(?:(?:那|这)(?:个|种|样的?)?(?:情况|症状|感觉|问题)?)?(?:也|都|倒是|倒|并|是|就|呢|嘛)?\\s*(?:从来没有|从来没|没有过|没有|没|无|未|否认|不明显|没感觉|不存在)(?!缓解|好转|减轻|停|好|消|退|改善|见好|过多久|多久|怎么|办法|法|力|劲|知觉|反应|吃|喝|人|想到|事)',
  },
  {
    category: 'negated',
    direction: 'backward',
    adjacent: true,
    re: '^\\s*(?:-?\\s*free\\b(?! (?:time|day|month|week|of charge))|[?:\\-]\\s*(?:no|none|nope|negative|denied|denies|nil|not really)|,?\\s*(?:none|not at all|not anymore)|(?:was|has been|is|were) (?:ruled out|excluded))\\b',
  },
  // An A-not-A question answered "no" after the term ("看东西模糊不模糊？不模糊", "疼不疼？不疼").
  {
    category: 'negated',
    direction: 'backward',
    adjacent: true,
    re: '^不[\\u4e00-\\u9fff]{1,2}\\s*[?:]?\\s*(?:也|都|倒|并|一点也|一点都)?(?:不|没有|没)',
  },
  // A list denied as a whole after it: "胸闷气短这些都没有", "头痛、胸痛以上都没有" (not "…，其他这些都没有").
  {
    category: 'negated',
    direction: 'backward',
    // The whole tail is the cue (named group), so the other listed concepts before it do not block it.
    re: '^(?<cue>(?![^,.。!?;\\n]{0,16}?(?:其他|其它|别的|其余))[^,.。!?;\\n]{0,16}?(?:这些|这几个|这几样|以上|上述|上面这些)(?:症状)?(?:也|都|全|统统|一概|一律|完全|根本)?(?:没有|没|无)(?!缓解|好转|减轻))',
    window: 16,
  },
  // Asked about it, answered no ("医生问我有没有胸闷，我说没有", "asked if I had chest pain, I said no").
  {
    category: 'negated',
    direction: 'backward',
    re: '^[^。!?;\\n]{0,3}?[,]\\s*(?:(?:我|他|她)(?:就)?(?:说|回答)|回答说?)(?:了)?(?:没有|没|不是|不)(?=\\s*(?:[,.。!?;]|$))|^[^.!?;\\n]{0,3}?,\\s*(?:i|he|she) said no\\b',
    sentence: true,
    window: 8,
  },
  // Clinical notation "胸痛(-)", "胸痛（阴性）", "脑梗已排除".
  {
    category: 'negated',
    direction: 'backward',
    adjacent: true,
    re: '^\\s*(?:\\(\\s*[-−]\\s*\\)|\\(\\s*阴性\\s*\\)|阴性|已排除|已除外|排除了)',
  },
  // ---- history / resolved / long-standing
  {
    category: 'historical',
    direction: 'forward',
    re: `(?:(?:以前|之前|从前(?![胸额面边])|过去)(?<=(?:^|[,.。!?;:\\n\\s我他她妈爸奶爷公婆]|好像|似乎|可能)(?:以前|之前|从前|过去))|曾经|小时候|年轻时|年轻的时候|去年|前年|上个月|上周|上星期|上礼拜|前些年|早年|那年|有过|得过|患过|发过|犯过|曾有|曾患|曾因|曾诊断|曾行|曾发生|既往|上个星期|上个礼拜|上次|上回|前几年|前几天|前些天|前段时间|前阵子|(?:19|20)\\d{2}年(?!\\d{1,2}月\\d{1,2}[日号])|${CJK_NUM}(?:年|个月|个星期|周|礼拜)(?:前|以前|之前)|${CJK_NUM}岁(?:的时候|时|那年|就))`,
  },
  {
    category: 'historical',
    direction: 'backward',
    re: `^\\s*(?:过(?![去来])|history\\b|病史|史|后遗症|走的|去世|过世|死的|是${CJK_NUM}(?:年|个月)前|${CJK_NUM}(?:年|个月|个星期)前|已经好了|早就好了|早就没了|早没了|已消失|已经消失|早没事了|早就不(?:疼|痛|闷)了|好了|没了|已经没了|已愈|治好了|看过了|已经看过|过去了|消失了|缓解了|已缓解|已经缓解|那是以前|是以前的事|是小时候|是(?:去年|前年|上个月|上周|很久以前|好多年前)的事)`,
    window: 8,
  },
  {
    category: 'historical',
    direction: 'forward',
    re: `(?<!family )\\b(?:history of|hx of|h/o|previously|previous|prior(?! to)|recovered from|recovering from|in the past|used to|as a child|as a kid|when i was (?:young|younger|a child|a kid)|last (?:year|month|week)|back in (?:\\d{4}|(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec))|in \\d{4}|(?<!\\b(?:died|passed away|passed on|dead)\\s(?:\\w+\\s)?)(?:${EN_NUM} )?(?:years?|yrs?|months?|mos?|weeks?|wks?) ago|died of|died from|passed away from|passed away of|my late|our late)\\b`,
  },
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^.!?;]{0,40}?\\b(?:(?:${EN_NUM} )?(?:years?|yrs?|months?|mos?|weeks?|wks?) ago|as a young (?:man|woman)|when (?:he|she|i) was (?:\\d+|young|younger|a child|a kid|a teenager|a teen|a baby|little)|at (?:the )?age (?:of )?\\d+|aged \\d+|in the past|as a (?:child|kid)|when i was (?:young|younger|a child|a kid)|years back|before (?:he|she|they) (?:died|passed(?: away)?)|back in (?:\\d{4}|(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec))|in \\d{4}|last (?:year|month|week)|went away|(?:is|has|had) gone|has resolved|resolved|cleared up|got better|(?:once |ever )?before(?=\\s*(?:[,.;!?]|$)))\\b`,
    window: 10,
  },
  {
    category: 'historical',
    direction: 'forward',
    // (Round 7: not a 老毛病 followed in its sentence by a new onset — 高血压的老毛病，今天左眼突然黑了一半.)
    re: `(?:从小|自小|天生|先天|老毛病${NEW_AFTER}|多年的|好多年的)`,
    kinds: ['red-flag', 'symptom'],
  },
  // Long-standing deficits ("脑梗后遗症，说话一直不太清楚"): sentence scope, stroke-type and vision deficits only.
  {
    category: 'historical',
    direction: 'forward',
    re: `(?:后遗症|从小|自小|小时候|天生|先天|老毛病${NEW_AFTER}|受过伤|多年(?![^。!?;\\n]{0,30}?(?:刚刚|刚才|突然|今天|今早|这会儿))|(?:中风|脑梗塞|脑梗死|脑梗|卒中|脑出血|脑溢血)(?:以后|之后|后|(?:已经|都)?(?:好几年|好多年|多年|${CJK_NUM}年)(?:多)?了))`,
    redFlags: ['neuro-deficit', 'vision-loss'],
    sentence: true,
    window: 20,
  },
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^。!?;\\n]{0,14}?(?:从小就|从小|好多年了|好几年了|多年了|${CJK_NUM}年了|老毛病了?|一直都这样|一直这样|后遗症)`,
    redFlags: ['neuro-deficit', 'vision-loss'],
    sentence: true,
    window: 14,
  },
  // "At that time" after a past cue in the same sentence ("我姐以前脑动脉瘤破过，当时头疼得要命").
  {
    category: 'historical',
    direction: 'forward',
    re: '(?<=(?:以前|之前|从前|那年|小时候|年前|去年|前年|曾经)[^。!?;\\n]{0,20})(?:当时|那时候?)',
    sentence: true,
    window: 8,
  },
  // A deficit left by a past event and unchanged since ("三年前中风，左手一直没什么力气，…没有变化", "had a stroke in
  // 2019, left hand still weak, no change"): sentence scope, stroke-type and vision deficits, only after a past
  // event or date earlier in the sentence (an acute deficit "since 10 am, no change" stays current).
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^。!?;\\n]{0,24}?(?<=(?:年前|去年|前年|年了|(?:19|20)\\d{2}|\\bago\\b|中风|脑梗|卒中|脑出血|眼底出血|\\bstroke\\b)[^。!?\\n]{0,60})(?:(?:一直|都|始终)?没(?:有|什么|啥)?(?:变化|改变)|(?:这几年|一年了?|几年了?)都这样|\\bno change\\b|\\bunchanged\\b|\\bhasn'?t changed\\b)`,
    redFlags: ['neuro-deficit', 'vision-loss'],
    sentence: true,
    window: 24,
  },
  // An event N years ago ("中风三年了", "心梗两年多了"): for events, "N years" dates them (not for conditions
  // such as 高血压5年, which are still present).
  {
    category: 'historical',
    direction: 'backward',
    re: `^\\s*(?:已经|都)?(?:有)?${CJK_NUM}(?:年|个月|多年)(?:多)?了`,
    concepts: ['stroke', 'myocardial-infarction', 'tia'],
    window: 8,
  },
  // English: resolved later in the sentence ("had chest pain on Tuesday but it settled", "breathlessness no longer
  // present").
  {
    category: 'historical',
    direction: 'backward',
    re: "^[^.!?;\\n]{0,40}?\\b(?:(?:it|that|which|the pain|the pressure) (?:has |had )?(?:settled|eased off|eased|passed|gone away|went away|resolved|cleared up)|(?:it'?s|it is|it was) gone now|(?:stopped|settled|cleared) (?:by itself|on its own)|went away after|(?:was |felt )?fine after|(?:is |are |was )?no longer (?:present|there|a problem|an issue))\\b(?! (?:to|for) )",
    notRedFlags: ['neuro-deficit', 'vision-loss'],
    notConcepts: CHRONIC,
    sentence: true,
    window: 14,
  },
  // Resolved later in the sentence ("前几天胸闷，今天已经好了").
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^。!?;\\n]{0,24}?(?:(?:自己|自行)好了|(?:一会儿?|自己|自行|(?:按|压|捏|堵)(?:了|住)?[^,。]{0,8}?)(?:就)?止住了|(?<=了[^,.。!?;\\n]{0,6})就好了|(?:后来|一直|也)?没再(?:犯|发作|出现|有过?)|${CJK_NUM}(?:秒钟?|分钟)(?:就|后)?好了|后来再(?:也)?没(?:有)?(?:过|犯过|发过)|后来(?:就)?好了|后来(?:就)?没事了|后来就不(?:疼|痛|闷)了|过了?一会儿?(?:就)?好了|休息(?:了)?(?:一下|一会儿?)?就好了|已经好了|早就好了|已经没了|已经消失了|已经缓解了|(?:已经|早就|早)不(?:疼|痛|闷)了|早就好了|早就没事了|现在好了|现在不(?:疼|痛|闷)了|现在没事了|已经没事了)`,
    // A stroke sign that went away is a TIA: still call 120 (BE-FAST, 中风120), so it is not "resolved".
    notRedFlags: ['neuro-deficit', 'vision-loss'],
    notConcepts: CHRONIC,
    sentence: true,
    window: 24,
  },
  // A stroke or sight sign on a past day that went away and has not come back ("前天左手麻了十分钟自己好了", "去年一只
  // 眼睛突然看不见了几分钟，后来好了"): a past TIA to be seen soon, not a call now. A sign that went away today stays
  // current (a TIA now: BE-FAST, 中风120 — call anyway), so the past day must be written earlier in the sentence.
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^。!?;\\n]{0,20}?(?<=(?:前天|大前天|上个?(?:月|周|星期|礼拜)|去年|前年|${CJK_NUM}(?:天|周|个月|年)(?:前|以前)|\\blast (?:week|month|year)\\b|\\b(?:days|weeks|months|years) ago\\b)[^。!?\\n]{0,40})(?:(?:就|自己|自行|后来(?:就)?)好了|(?:后来|一直|也)?(?:再)?没再(?:犯|发作|出现|有过?)|后来(?:再也)?没(?:有)?(?:再)?(?:犯|发作|出现)|\\b(?:went away|resolved|never (?:came back|happened again))\\b)`,
    redFlags: ['neuro-deficit', 'vision-loss'],
    sentence: true,
    window: 20,
  },
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^,.。!?;\\n]{0,12}?(?:从小就|从小|好多年了|好几年了|多年了|${CJK_NUM}年了|老毛病|一直都这样|一直这样)`,
    kinds: ['red-flag', 'symptom'],
    window: 12,
  },
  {
    category: 'historical',
    direction: 'backward',
    re: '^[^.!?;]{0,30}?\\b(?<cue>since (?:childhood|birth|i was (?:a child|a kid|young|born)|(?:my|his|her|the) (?:stroke|accident|injury|surgery|operation))|for (?:many |several )?years|all my life|long-standing|always been|ever since)\\b',
    kinds: ['red-flag', 'symptom'],
    window: 10,
  },
  {
    category: 'historical',
    direction: 'backward',
    re: "^[^.!?;]{0,30}?\\b(?:at (?:the )?(?:age )?\\d{2}|in (?:his|her|my) (?:\\d0s|forties|fifties|sixties|seventies|eighties))\\b(?! ?(?:am|pm|o'?clock|:|minutes?|mins?|hours?))",
    kinds: ['condition'],
    window: 10,
  },
  // ---- hypothetical
  {
    category: 'hypothetical',
    direction: 'forward',
    re: '(?:怎么知道|如何知道|怎么判断|如何判断|怎么区分|如何识别|怎么识别|听说|据说|听人说|如果|假如|假设|要是|万一|一旦|倘若|若是|若|如出现|怕会|怕|害怕|担心会|担心|预防|防止|避免|以防|以免|会不会(?!是)|会(?=[^,.。!?;\\n]{1,8}吗)|会导致|会引起|导致|引起|容易|警惕|留意|注意观察|注意)',
  },
  {
    category: 'hypothetical',
    direction: 'backward',
    re: '^\\s*(?:(?:前|之前)?(?:有)?(?:什么|哪些)(?:征兆|先兆|症状|表现)|(?:的时候|时)[^,.。!?;\\n]{0,4}(?:怎么|如何|咋|能吃|可以吃|该吃|要吃|能用|可以用)|的话|的症状|有什么症状|有哪些症状|是什么症状|的表现|有哪些表现|有什么表现|的征兆|的先兆|的风险|风险|的危险|的可能性|的早期)',
  },
  {
    category: 'hypothetical',
    direction: 'forward',
    re: '\\b(?:causes?|worry about|should i worry|if|in case|what if|should i get|worried about|worried that|afraid of|scared of|fear of|prevent|preventing|prevention|avoid|risk of|risk for|at risk|signs of|symptoms of|warning signs|could cause|can cause|cause a|(?:can|could|does|will) (?:high |low )?(?:blood pressure|bp|it|this|that)?\\s*(?:make|give) (?:you|people|someone)|lead to|leads to|watch for|watch out for|look out for|when to call|chance of|unless|in the event of|how would i (?:know|recogni[sz]e|tell|spot)|how (?:to|do you|can i) (?:recogni[sz]e|spot|tell)|how do i know|what (?:does|do|would) (?:a |an |the )?(?=[^,.;!?]{1,25} (?:feel|look|sound) like))\\b',
    window: 8,
  },
  // "Is chest pain a side effect of amlodipine?": a general question about the drug.
  {
    category: 'hypothetical',
    direction: 'backward',
    adjacent: true,
    re: '^\\s+(?:a |an )?(?:common |possible |known )?side effects? of\\b',
  },
  // A question about what a word or campaign means ("中风120是什么意思", "口角歪斜要打120吗" after it).
  {
    category: 'hypothetical',
    direction: 'backward',
    re: '^\\s*(?:120|1-2-0)?\\s*(?:是什么意思|是啥意思|什么意思|是指什么|指的是什么)',
    window: 8,
  },
  {
    category: 'hypothetical',
    direction: 'forward',
    re: '(?:是什么意思|是啥意思|什么意思)',
    sentence: true,
    window: 20,
  },
  // A general population as the subject ("老年人突然糊涂是不是中风的表现"): a general question, not a person now.
  {
    category: 'hypothetical',
    direction: 'forward',
    re: '(?<![我俺家的个位])(?:中老年人|老年人|年轻人|高血压(?:病)?(?:患者|病人)|一般人|人们)',
    window: 10,
  },
  // ---- uncertainty
  {
    category: 'uncertain',
    direction: 'forward',
    re: '(?:可能|好像|好象|似乎|也许|大概|或许|不确定|算不算|说不准|说不清是不是|有点像|像是|疑似|怀疑|是不是|会不会是|不知道是不是|感觉像|估计|貌似|不知是否)',
  },
  { category: 'uncertain', direction: 'backward', re: '^\\s*(?:吧|吗\\?)', window: 3 },
  // The writer doubts it after naming it ("chest feels heavy, might be nothing").
  {
    category: 'uncertain',
    direction: 'backward',
    re: '^[^.!?;\\n]{0,20}?\\b(?:might be nothing|could be nothing|probably nothing|prob nothing)\\b',
    sentence: true,
    window: 8,
  },
  // A guessed harmless cause after the term ("有点喘不上来气，可能是紧张？", "有点糊涂，可能是没睡好？").
  {
    category: 'uncertain',
    direction: 'backward',
    re: '^[^。!?;\\n]{0,3}?(?<cue>[,]\\s*(?:可能是|也许是|估计是|大概是|或许是)[^。!;\\n]{1,8}?\\?)',
    sentence: true,
    window: 12,
  },
  // Doubt about what it is or a guessed harmless cause before "but/就是" ("not sure if it's heartburn but my chest is
  // tight", "不知道是不是胃疼，就是心窝子压着疼"): the sentence, across the terminator. ("Maybe it's nothing but my
  // chest feels tight" doubts the importance, not the symptom: affirmed.)
  {
    category: 'uncertain',
    direction: 'forward',
    re: "(?:不知道是不是|不确定是不是)[^,.。!?;\\n]{1,4}?(?:疼|痛|病|炎)|\\bnot sure if (?:it'?s|its) (?:just )?[a-z]+|\\bnot sure what'?s going on\\b|\\bmaybe (?:i'?m|im) just [a-z]+",
    sentence: true,
    window: 16,
  },
  {
    category: 'uncertain',
    direction: 'forward',
    re: "\\b(?:maybe|might|might be|possibly|perhaps|probably|not sure|i think|i guess|seems?|seemed|kind of|sort of|unsure|could be|wondering if|wonder if|whether|not certain|possible|suspect|suspected|i'm not sure|think it'?s)\\b",
    window: 8,
  },
  // ---- experiencer (someone other than the writer)
  {
    category: 'experiencer',
    direction: 'forward',
    re: `(?:${FAMILY_ZH}|${FAMILY_ZH_SHORT}|${PERSON_ZH}|[他她](?<!其[他她])(?!们家)|(?<=^|[,.。!?;\\s])伊(?=[\\u4e00-\\u9fff])|家族史|家族里|家里有人|遗传|\\bwo (?:ba|ma|baba|mama|lao ?po|lao ?gong|nai ?nai|ye ?ye)\\b)`,
  },
  { category: 'experiencer', direction: 'backward', re: '^\\s*(?:家族史|遗传|是家族遗传)', window: 4 },
  {
    category: 'experiencer',
    direction: 'forward',
    re: `\\b(?:(?:my|our|your) (?:late )?${FAMILY_EN}s?|(?<=^|[.!?:]\\s{0,2})(?:wife|husband|son|daughter|brother|sister|grandson|granddaughter|nan|nana|nanna|gran|father|mother|grandmother|grandfather|uncle|aunt|auntie|aunty|cousin|nephew|niece)(?! of\\b)|${PERSON_EN}|(?:he|she|his|her|him)|mom|mum|dad|mummy|mommy|daddy|amma|appa|nani|dadi|grandma|grandpa|granny|grandad|lola|lolo|ah (?:ma|mah|gong|kong|po)|sir(?=(?:'s| is| has| was| cannot| can'?t| suddenly))|family history|family members?|relatives?|the patient)\\b`,
  },
  {
    category: 'experiencer',
    direction: 'backward',
    re: '^[^.!?;]{0,20}?\\b(?:runs in (?:my|the|our) family|in my family|family history)\\b',
    window: 8,
  },
  ...TRIGGERS_2,
  ...TRIGGERS_3,
];

/** Pseudo-triggers: contain a cue but do not negate / hypothesise (idioms and verb phrases). */
export const PSEUDO: readonly ScopeRule[] = [
  {
    categories: ['negated'],
    re: '(?:无时无刻(?:不)?|没完没了|无缘无故|无明显诱因|无诱因|无明显原因|无原因|无端|无意中|无意间|无论|无法|无力|无奈|毫无征兆|毫无预兆|不知不觉|没想到|没料到|未曾想|不停|不断|不止|不住|止不住|不适|不舒服|不得劲|不对劲|不太对|不对|不行|不了|不好|不得了|不见好|不缓解|不减轻|不退|不消|不仅|不光|不但|不只|不单|不管|不论|不能|不敢|不清楚|不知道|不确定|不一会儿|不一会|不久|不到|不大一会|不小心|不由得|忍不住|差不多|不少|不太清楚|受不了|吃不下|不想|不一样|不同|不得不|不然|要不|没缓解|没有缓解|未缓解|无缓解|没好|没有好转|未好转|无好转|未见好转|没减轻|没有减轻|未减轻|没退|没消|没停|没有停|从来没有这么|从没这么|没这么|没有这么|从来没这么|没有过这么|从来没有过这样|从没有过这样|从未这么|从未有过这样|没办法|没法|没过多久|没多久|没一会儿|没一会|没几分钟|没几天|没什么原因|没有原因|没有诱因|没有征兆|没有任何征兆|没有预兆|没有任何预兆|没有任何原因|有没有|没事|没(?:有)?(?:按时)?(?:吃|喝)(?:药|降压药|饭|东西|早饭|午饭|晚饭|酒)|没(?:有)?(?:按时|注意|在意|当回事|管|睡好|休息好|测|量|去|来得及|人))',
  },
  {
    categories: ['negated'],
    re: '(?:是不是|会不会|算不算|要不要|能不能|该不该|用不用|需不需要|严不严重|对不对)',
  },
  {
    categories: ['uncertain'],
    // "怎么知道是不是…" asks how to tell (hypothetical); "好像有块石头压着" is a simile, not a doubt.
    re: '(?:(?:怎么|如何|咋)(?:知道|判断|区分|分辨|看出)(?:是不是|是否)|(?:好像|好象|像是|感觉像)(?=[^,.。!?;\\n]{0,8}(?:一样|似的|石头|压着|被))|不可能|尽可能|\\b(?:might as well|no doubt|without (?:a )?doubt|for sure|definitely)\\b)',
  },
  {
    categories: ['negated', 'historical'],
    re: '(?:从来|从)?(?:没有|没|未)(?:有过|过)?(?:这么|这样|如此)[^,.。!?;]{0,4}过',
  },
  {
    categories: ['negated'],
    re: "\\b(?:nil by mouth|can'?t (?:walk|stand|move|sit|get up)[^,.;!?]{0,15}? without|cannot (?:walk|stand|move|sit|get up)[^,.;!?]{0,15}? without|not only|not just|no relief|not relieved|no better|not better|no improvement|not improving|not getting better|no doubt|no idea|no reason|for no reason|no warning|without (?:any )?warning|without (?:any )?reason|no matter|not long|not until|not stopping|not going away|not gone|won'?t stop|doesn'?t stop|don'?t know|didn'?t know|never (?:had|felt|been|experienced)[^,.;!?]{0,40}(?:like this|this bad|so bad|before)|never (?:had|felt|experienced) (?:such|so|anything like)|nothing (?:helps|works)|can'?t stop|couldn'?t stop|no change|not sure|not certain|didn'?t take|haven'?t taken|forgot)\\b",
  },
  {
    categories: ['hypothetical'],
    re: "\\b(?:(?:don'?t know|didn'?t know|doesn'?t know|not sure|wondering|wonder|no idea) (?:if|whether))\\b",
  },
  { categories: ['hypothetical'], re: '(?:注意到|引起了注意)' },
  // "净说些颠三倒四的话": 的话 after a speech verb is the noun "words", not "if" (…的话 = conditional).
  { categories: ['hypothetical'], re: '(?:说|讲)(?:些|了些|了|着|出)(?!话)[^,.。!?;\\n]{0,8}的话' },
  // "previously healthy, now …", "prior to calling": not a past mention of the concept.
  {
    categories: ['historical'],
    re: '\\b(?:previously (?:healthy|well|fine|normal)|prior to|used to be (?:fine|healthy|well))\\b',
  },
  // ("帮我外公问一下：…" asks on the relative's behalf: the relative is the subject, round 8.)
  {
    categories: ['experiencer'],
    re: `(?<!(?:帮|替|代)(?:我|俺)?(?:家)?)${FAMILY_ZH}(?:问|想问|让我问|帮我问|叫我问)`,
  },
  // A simile, not a person: "胸口像有人坐在上面", "像有个人掐着脖子".
  { categories: ['experiencer'], re: '像(?:是)?(?:有人|有个人|有一个人|被人)' },
  ...PSEUDO_2,
];

/** Terminators: a scope of these categories does not cross them. */
export const TERMINATORS: readonly ScopeRule[] = [
  {
    categories: ['negated', 'uncertain', 'hypothetical', 'historical'],
    re: '(?:但是|但|可是|不过|然而|却|只是|就是|而是|反而|结果|然后|后来|接着|现在|目前|今天|今早|今晚|刚才|刚刚|这会儿|此刻|还有|而且|并且|同时|另外|此外)',
  },
  { categories: ['negated'], re: '(?:就|才)' },
  // Sudden onset ends a negation, doubt or past scope ("以前没事，突然…"), but not a conditional: "如果突然说话不清楚"
  // and "if suddenly …" ask about a sudden sign.
  { categories: ['negated', 'uncertain', 'historical'], re: '突然' },
  // English "I think I suddenly lost …" keeps the doubt (the hedge governs the whole clause).
  { categories: ['negated', 'historical'], re: '\\bsuddenly\\b' },
  { categories: ['negated', 'uncertain', 'historical'], re: '(?:之后|以后)' },
  { categories: ['negated', 'historical'], re: '(?:又|再次)' },
  {
    categories: ['negated', 'uncertain', 'hypothetical', 'historical'],
    re: "\\b(?:but|however|although|though|(?<!\\bnot |n't )yet|except|still|now|right now|just(?= (?:had|started|collapsed|fainted|passed out|lost|began|went))|today|tonight|this morning|apart from|aside from|plus|then|which|who|again|currently|at the moment)\\b",
  },
  { categories: ['negated'], re: "\\b(?:i have|i'?ve got|i'?m having|i feel|i am)\\b" },
  {
    categories: ['experiencer'],
    re: '(?:(?<![和跟陪带叫让给替帮得识着问诉看找接扶喊])我(?!的?(?:爸|妈|父|母|家|老伴|老公|老婆|爱人|丈夫|妻子|媳妇|儿|女|孩|爷|奶|外公|外婆|外孙|孙|姥|哥|姐|弟|妹|叔|姨|舅|姑|公公|婆婆|岳|邻居|朋友|同事|对象|男朋友|女朋友|男友|女友|室友|舍友|那口子|大哥|二哥|大姐|二姐|们家))|自己|本人)',
  },
  {
    categories: ['experiencer'],
    re: `\\b(?:i|i'm|i've|i'd|me|myself|my own)\\b|(?<!\\b(?:at|in|from|of|on|to|near|with) )\\bmy (?!(?:late )?${FAMILY_EN}s?\\b)`,
  },
];

/** Clause breaks (negation, uncertainty, hypothesis and history scopes end here). */
export const CLAUSE_BREAK = /[,.。!?;:\n]/;
/** Sentence breaks (experiencer scope). A dot between digits is a decimal point. */
export const SENTENCE_BREAK = /[。!?\n]|\.(?!\d)/;
/** A later "again / 又…" in the same sentence makes a historical mention current ("以前胸痛过，现在又痛了"). */
export const RECURRENCE =
  /(?<![没未不冇无]|没有|没有再|[没不冇]会)(?:又|再次|再)(?:犯|发作|开始|痛|疼|闷|来了|出现)|\b(?:(?<!\b(?:drive|driving|work|working|fly|flying|travel|exercise|swim|play|walk|eat|sleep|normal|fine|well|up) )(?<!(?:\bnever|\bnot|\bnor|n't)(?: [a-z]+)? )again|(?<!\b(?:never|not) )came back|is back|it's back|back again|recurr\w*)\b/;
/** A symptom that began in the past and goes on ("上周开始胸闷到现在", "现在还疼", "still hurts") is current. */
export const CONTINUING =
  /还(?:在|是)?(?:疼|痛|闷|难受|没好)|到现在|至今|\bstill\b(?! (?:need|needs|have to|has to|should|want|wants|worth|go(?:ing)? to (?:see|the))\b)/;

/**
 * Third-party reports (news, articles, videos, posts): a mention of someone in a report is not someone with the
 * writer (`remote`, never an emergency); a reported general statement ("电视上说胸痛要打120") is hypothetical.
 */
export const REPORT =
  /(?:新闻|报道|报纸|电视剧|电影里|小说里|电视上|电视里|网上|网络上|朋友圈|抖音|快手|微博|微信群|视频里|视频上|视频中|文章|公众号|节目里|节目上|\byoutube\b|\btiktok\b|b站|小红书)|\b(?:read about|reading about|heard about|i read that|i heard that|i read online|the news|a news|an article|a story|a video|a report|a post|a documentary|on tv|on television|on facebook|on the internet)\b/g;
/**
 * An unnamed stranger as the experiencer cue ("有人", "一个老人", "someone", "a man"): only such a person in a report
 * is remote. The writer's own relatives and pronouns never are ("视频里看到我妈嘴歪了" is a caregiver's emergency).
 */
export const STRANGER = new RegExp(
  `^(?:${PERSON_ZH}|${PERSON_EN}|(?:老?大爷|大妈|老太太|老人|小伙子?|姑娘|男子|女子|博主|网红|明星))$`,
);
/**
 * Someone else's relative ("同事的爸爸", "my coworker's father") or a relative's colleague or friend ("她的同事", "his
 * colleague"): not someone with the writer, unless co-present.
 * "邻居大爷" without 的/家 is the neighbour himself (an old man next door), not his relative.
 */
export const REMOTE_PERSON = new RegExp(
  `(?:他|她)的(?:同事|朋友|同学|邻居|领导|老板)|(?:朋友|同事|邻居|同学|熟人|领导|老板|网友|别人)(?:家)?(?:说(?:他|她)(?:的|家)?${FAMILY_ZH}|的${FAMILY_ZH}|(?:的|(?<=家))(?:大爷|大妈|老人|老太太|老爷子))|\\b(?:friend|coworker|co-worker|colleague|neighbou?r|classmate|boss)'?s ${FAMILY_EN}\\b|\\b(?:his|her|their) (?:friend|coworker|co-worker|colleague|neighbou?r|classmate|boss)\\b`,
  'g',
);
/** Co-presence: the person is with the writer now (a caregiver's message, not a report). */
export const COPRESENT =
  /在我(?:家|这|这里|旁边|身边|跟前)|(?:跟|和)我在一起|就在我|我(?:陪|守)着|我在(?:旁边|身边|他家|她家)|\b(?:with me|next to me|here with|in front of me|i'?m with (?:him|her|them))\b/;
