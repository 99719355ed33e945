/**
 * Context-modifier rules, part 2 (issue 16; classes of misses of independent tuning parts 4 and 5), merged into the
 * rule lists of rules.ts: a patient described by a clinician or a nurse (N床, 患者, pt, bed N) is someone other than
 * the writer; a relative's past event (中风后…, died of); an episode that stopped after minutes (十来分钟就停了) or was
 * already seen by a doctor; 过去 as "went over" is no past. Operational cue lists, not clinical numbers.
 */
import type { ScopeRule, TriggerRule } from './rules.ts';

/** Numerals with an approximate suffix ("十来", "二十来", "一两", "个把"). */
const APPROX = '(?:\\d+|[一二两三四五六七八九十几半多]+)(?:来|把|多)?';

export const TRIGGERS_2: readonly TriggerRule[] = [
  // A patient written about by a clinician, a nurse or a relay ("3床患者…", "病人诉…", "pt c/o …", "bed 7 …"), and a
  // baby or a child in the writer's care named without a possessive ("宝宝咳嗽"; "老人" alone is as often general).
  {
    category: 'experiencer',
    direction: 'forward',
    // (Not "高血压患者", "heart failure patient": a kind of patient may be the writer describing themselves.)
    re: '(?:(?:\\d+|[一二三四五六七八九十]+)(?:床|号床)|(?<![压病症衰尿癌塞梗风炎])(?:患者|病人|病患)|家属|(?<![的个位一])(?:宝宝|小孩)(?![家们子]))|\\b(?:pts?|bed ?\\d+)\\b',
  },
  // A condition as the attribute of a relative ("糖尿病的老爸", "高血压的婆婆").
  {
    category: 'experiencer',
    direction: 'backward',
    adjacent: true,
    re: '^\\s*的(?:老爸|老妈|爸爸|妈妈|爸|妈|父亲|母亲|老公|老婆|丈夫|妻子|爷爷|奶奶|外公|外婆|姥姥|姥爷|公公|婆婆|孩子|儿子|女儿|老伴|老人家?)',
  },
  // Several people of the family ("家里好几个人都是脑出血走的").
  {
    category: 'experiencer',
    direction: 'forward',
    re: '家里(?:有)?(?:好几个|几个|两个|三个|很多|不少|好多)人',
  },
  // A past event the person lives with now ("中风后一直住在养老院", "脑梗以后在康复医院").
  {
    category: 'historical',
    direction: 'backward',
    adjacent: true,
    re: '^\\s*(?:以后|之后|后)(?=[^,.。!?;\\n]{0,2}(?:一直|在|住|康复|恢复|留下|遗留|就一直))',
    concepts: ['stroke', 'myocardial-infarction', 'tia'],
  },
  // Stopped or gone after a short time ("两分钟就停了", "十来分钟好了"), or already seen by a doctor.
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^。!?;\\n]{0,20}?(?:${APPROX}(?:秒钟?|分钟)(?:就|后|左右)?(?:自己)?(?:好了|停了|停下来了|止住了|缓过来了)|(?:已经|都)看过(?:医生|大夫|急诊|门诊)?了)`,
    notRedFlags: ['neuro-deficit', 'vision-loss', 'seizure'],
    sentence: true,
    window: 20,
  },
  // Resolved: Cantonese 就冇事 (就没事), pinched or pressed and stopped (捏了十分钟止住了), stopped only after (才停);
  // English "gone in seconds", "stopped after", "none today".
  {
    category: 'historical',
    direction: 'backward',
    re: '^[^。!?;\\n]{0,20}?(?:就冇事|冇事喇|(?:按|捏|压|堵)(?:了|住)?[^,.。!?;\\n]{0,5}?(?:就|才)?(?:止住了|停了|不流了)|才停(?:了|下来)?(?=[,.。!?;\\s]|$))',
    notRedFlags: ['neuro-deficit', 'vision-loss', 'seizure'],
    sentence: true,
    window: 20,
  },
  {
    category: 'historical',
    direction: 'backward',
    re: '^[^.!?;\\n]{0,40}?\\b(?:gone (?:in|within|after) (?:a few )?(?:seconds|minutes|a minute)|stopped after|none (?:today|since)|not since)\\b',
    notRedFlags: ['neuro-deficit', 'vision-loss', 'seizure'],
    sentence: true,
    window: 12,
  },
  // A past-day event already taken to hospital ("邻居前天在楼下抽过去了，送医院了"): over, not a call now.
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^。!?;\\n]{0,20}?(?<=(?:昨天|前天|大前天|上个?(?:月|周|星期|礼拜)|去年|${APPROX}(?:天|周|个月)(?:前|以前))[^。!?\\n]{0,30})(?:已经)?送(?:到|去)?(?:了)?医院了`,
    sentence: true,
    window: 20,
  },
  // A long-standing symptom with its duration in the next clause ("一累就心慌，好几年了").
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^,.。!?;\\n]{0,8}?,\\s*(?:已经|都|有)?(?:好几年|好多年|多年|${APPROX}年)(?:多)?了`,
    kinds: ['red-flag', 'symptom'],
    sentence: true,
    window: 12,
  },
  // Cantonese 係咪 / 系咪 / 是咪 (是不是): doubt.
  { category: 'uncertain', direction: 'forward', re: '(?:係咪|系咪|是咪|会唔会)' },
  // English: "had X before and now …" (before followed by the conjunction).
  {
    category: 'historical',
    direction: 'backward',
    re: '^\\s+before(?=\\s+(?:and|but)\\s+(?:now|today|this (?:time|morning|week))\\b)',
    window: 2,
  },
];

export const PSEUDO_2: readonly ScopeRule[] = [
  // Double negation by contrast ("胸口不是不疼，是越来越疼", "it's not that I don't have chest pain, it's that …"): the
  // sign is affirmed.
  {
    categories: ['negated'],
    re: "(?:不是不|并不是不|倒不是不|也不是不)|\\bnot that (?:i|there|it|he|she|we|they)(?:'s|'re| is| are)? (?:don'?t|do not|doesn'?t|does not|isn'?t|is not|have no|has no|no)\\b",
  },
  // The writer is the patient ("我是高血压老病人", "I am a patient of Dr Li").
  {
    categories: ['experiencer'],
    re: "(?:我是|我作为|作为)[^,.。!?;\\n]{0,8}(?:患者|病人)|\\b(?:i am|i'?m|as) a patient\\b",
  },
  // "Like this since just now" is an acute course, not a long-standing one ("从刚才开始一直这样").
  {
    categories: ['historical'],
    re: '(?:从)?(?:刚才|刚刚|今天|今早|早上|上午|下午|晚上|半小时前|[一二两三几\\d]+(?:分钟|个小时|小时)(?:前|以前))(?:开始|起)?(?:就)?(?:一直|都)这样',
  },
  // A child as the subject of a conditional is general ("小孩要是抽搐了该怎么处理").
  { categories: ['experiencer'], re: '(?:宝宝|小孩)(?=[^,.。!?;\\n]{0,3}(?:要是|如果|万一|假如|若是|一旦))' },
  // Better but still there ("好了一半", "好多了") is no resolution.
  { categories: ['historical'], re: '(?:好了一半|好多了|好点了|好一些了|好些了)' },
  // 过去 as a movement verb ("过去一看她右手垂着") is no past.
  { categories: ['historical'], re: '过去(?:一看|看看?|一瞧|瞧|扶|叫|帮|找)' },
];
