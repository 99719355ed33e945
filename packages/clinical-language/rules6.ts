/**
 * Context-modifier rules, part 6 (issue 16; classes of modifier errors and false emergencies of independent tuning
 * part 12), merged into the rule lists by context.ts: an episode that is over in clinical or lay wording (自行清醒,
 * 几秒钟就没了, 已停, 现已清醒, "came round", "fine since", "lasted a few seconds"), 当年 ("back then") over its sentence
 * up to a "now", and facial palsy of months or years with the crookedness still there (long-standing). Never a
 * stroke or sight sign for an episode that went away (a TIA now: BE-FAST, 中风120), never a chronic condition.
 * Operational cue lists, not clinical numbers.
 */
import { CHRONIC, type TriggerRule } from './rules.ts';

const NUM = '(?:\\d+|[一二两三四五六七八九十几半多]+)';
/** Loss of consciousness and fits: over only when dated to a past day (one an hour ago is still seen today). */
const CONSCIOUSNESS = ['syncope', 'confusion', 'unresponsive', 'seizure'];
const PAST_DAY_ZH =
  '(?:昨天|昨晚|昨夜|前天|前晚|上周|上个?(?:星期|礼拜)|前几天|那天|周[一二三四五六日天]|星期[一二三四五六日天])';
const PAST_DAY_EN =
  '(?:yesterday|last (?:night|week|weekend)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)|at the weekend|days ago|the other day)';
/** Chinese: came round by itself, gone in seconds, stopped, awake or normal again. */
const OVER_ZH = `(?:自行(?:清醒|醒来|醒过来|苏醒|缓解|好转|恢复|转复|消失)|(?:${NUM}|几)(?:秒钟?|分钟)(?:左右)?(?:就|便)?(?:没了|没有了|消失了|停了|过了)|(?:已|已经)(?:停止|止住|停)(?:了)?(?=[\\s,.。;!?]|$)|现(?:已|在已经?)(?:清醒|醒了|好了|正常|恢复))`;
/** English: came round, fine since, lasted seconds. */
const OVER_EN =
  '\\b(?:came (?:round|around|to)\\b(?! yet)|(?:been )?fine (?:ever )?since|lasted (?:only )?(?:a few|a couple of|\\d+|two|three|five|ten) seconds)';
/** A "now" later in the sentence ends a past reading (not "现在想起来", recalling now). */
const NOW_LATER = '(?:现在(?!想起|回想|回忆|想想)|今天|刚才|刚刚|这会儿|这两天|\\bnow\\b|today)';
/** Facial palsy named as such (Bell's palsy is no stroke; its residue is long-standing after months). */
const PALSY = "(?:面瘫|面神经炎|面神经麻痹|口眼歪斜|bell'?s palsy|facial palsy)";
const MONTHS_ZH = `${NUM}(?:个多?月|多?年)(?:多)?了?`;

/** Surnames for 王伯, 陈叔, 李婶 (a neighbour or elder named by surname and kin word). */
const SURNAME =
  '[王李张刘陈杨黄赵周吴徐孙朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋杜叶程魏苏吕丁沈钟姜崔谭陆范汪廖金贾夏邹熊孟秦邱侯江薛段雷龙黎陶贺郝顾龚邵钱戴严莫孔汤康乔赖]';
/**
 * Someone named by role or kin word without 我的: a clinic's old patient (一位老病号; "X的老病号" is the writer), 老太, a resident (居民), 一名/一位 patient,
 * a mate (哥们儿), an elder by surname (王伯, 陈叔), a Hokkien child (囡仔, 细汉的); not the writer naming themself (我是…).
 */
const ROLE_ZH = `(?<!(?:我是|本人是|我自己就是个?|我就是个?|我也是个?)[^,。!?;\\n]{0,6})(?:(?:一位|一个|有个|有位|那个|这个|那位|这位)老病号|老太(?!太)|居民|一名(?:患者|病人|男性?|女性?)|一位(?:患者|病人|[^,。!?;\\s]{0,4}?病人)|哥们儿?|${SURNAME}(?:伯|叔|婶|姨)(?![伯叔婶姨])|囡仔|细汉的)`;

export const TRIGGERS_6: readonly TriggerRule[] = [
  // Chinese clinical and lay: came round by itself (自行清醒), gone in seconds (几秒钟就没了), stopped (已停, 已止住),
  // awake now (现已清醒) — after the episode in the sentence; for a faint or a fit only on a past day (昨天…自行清醒).
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^。!?;\\n]{0,30}?${OVER_ZH}`,
    notRedFlags: ['neuro-deficit', 'vision-loss'],
    notConcepts: [...CHRONIC, ...CONSCIOUSNESS],
    sentence: true,
    window: 40,
  },
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^。!?;\\n]{0,30}?(?<=${PAST_DAY_ZH}[^。!?;\\n]{0,60})${OVER_ZH}`,
    concepts: CONSCIOUSNESS,
    sentence: true,
    window: 40,
  },
  // English: "came round within a minute", "has been fine since", "lasted a few seconds" (a faint: on a past day).
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^.!?;\\n]{0,80}?${OVER_EN}`,
    notRedFlags: ['neuro-deficit', 'vision-loss'],
    notConcepts: [...CHRONIC, ...CONSCIOUSNESS],
    sentence: true,
    window: 40,
  },
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^.!?;\\n]{0,80}?(?<=\\b${PAST_DAY_EN}\\b[^.!?;\\n]{0,120})${OVER_EN}`,
    concepts: CONSCIOUSNESS,
    sentence: true,
    window: 40,
  },
  // Someone named by role or kin word (ROLE_ZH), and "my bro/sis/mate" (English kin words of texting).
  { category: 'experiencer', direction: 'forward', re: ROLE_ZH },
  {
    category: 'experiencer',
    direction: 'forward',
    re: '\\b(?:my|our) (?:bro|bruv|sis|mate|bestie|pal|buddy|homie|m8)\\b',
  },
  // Long-standing (years): Cantonese 痛咗十几年 (咗 is the perfective 了), English "years of pins and needles". Symptoms
  // only: a chronic condition the person has is current, however long.
  {
    category: 'historical',
    direction: 'backward',
    adjacent: true,
    re: `^\\s*咗\\s*(?:成|有)?(?:好多|好几|十几|几十|很多|许多|${NUM})年`,
    kinds: ['symptom', 'red-flag'],
  },
  {
    category: 'historical',
    direction: 'forward',
    re: '\\b(?:years|decades) (?:and years )?of\\b',
    kinds: ['symptom', 'red-flag'],
    window: 4,
  },
  // Cantonese 细个 / 细个嗰阵 ("when I was small"), as Mandarin 小时候.
  { category: 'historical', direction: 'forward', re: '细个(?:嗰阵|时|阵)?(?!子)' },
  // 当年 ("back then"): what the sentence tells of then is past, unless a "now" follows in it.
  {
    category: 'historical',
    direction: 'forward',
    re: `当年(?![龄纪轻])(?![^。!?;\\n]{0,40}?${NOW_LATER})`,
    sentence: true,
    window: 40,
  },
  // Facial palsy of months or years: the palsy itself (面瘫三个月了) …
  {
    category: 'historical',
    direction: 'backward',
    adjacent: true,
    re: `^\\s*(?:已经|都|有)?${MONTHS_ZH}`,
    concepts: ['facial-droop'],
  },
  // … and the crookedness still there after it (面神经炎两个月了，嘴角还是有点歪), unless new, sudden or the other side.
  {
    category: 'historical',
    direction: 'forward',
    re: `(?<=${PALSY}[^。!?;\\n]{0,4}?${MONTHS_ZH}[^。!?;\\n]{0,12})(?:还是|还|一直|仍然?|依然)(?![^。!?;\\n]{0,12}?(?:突然|又|另一边|另一侧|加重))`,
    redFlags: ['neuro-deficit'],
    sentence: true,
    window: 12,
  },
];
