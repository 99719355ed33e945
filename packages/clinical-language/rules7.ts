/**
 * Context-modifier rules, part 7 (issue 16; classes of false emergencies and missed emergencies of independent tuning
 * parts 13 and 14), merged into the rule lists by context.ts: "never … like this before" is a comparison, not a past
 * date; a question whether a sign is the warning sign of a stroke (是不是中风的征兆/前兆/徵兆) with no person or time
 * named is general; a faint or a fit on a past day that stopped at once (两分钟就停了, 很快就醒了, 马上就醒了) is over.
 * Operational cue lists, not clinical numbers.
 */
import type { ScopeRule, TriggerRule } from './rules.ts';

/**
 * A stroke whose warning signs are asked about (simplified and traditional). Not a heart condition: "胸口疼是不是心脏病的
 * 表现" is labelled a report of chest pain in the first tuning part, and chest pain is asked about while it hurts.
 */
const CONDITION = '(?:中风|中風|脑梗|腦梗|脑卒中|腦卒中|卒中|脑出血|腦出血)';
/** The warning sign (omen) of a stroke: 征兆, 前兆, 先兆, 徵兆, 预兆, 信号 — not 表现/症状. */
const WARNING = '(?:征兆|前兆|先兆|徵兆|预兆|預兆|信号|信號)';
/** A person or a time of a report: the writer, kin, just now, today. */
const REPORTED = '我俺咱他她刚剛今现現昨';
/** Past day (simplified and traditional). */
const PAST_DAY_ZH =
  '(?:昨天|昨晚|昨夜|前天|前晚|上周|上週|上个?(?:星期|礼拜|禮拜)|上個?(?:星期|禮拜)|前几天|前幾天|那天|周[一二三四五六日天]|星期[一二三四五六日天])';
const APPROX_7 = '(?:\\d+|[一二两三四五六七八九十几半多]+)(?:来|把|多)?';
const PAST_DAY_EN =
  '(?:yesterday|last (?:night|week|weekend)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)|at the weekend|days ago|the other day)';
/** Stopped or woke at once: 两分钟就停了, 一分多钟就停了, 很快就醒了, 马上就醒了 (simplified and traditional). */
const AT_ONCE =
  '(?:(?<=(?:秒|秒钟|秒鐘|分钟|分鐘|多钟|多鐘)(?:左右)?)(?:就|便)(?:停了|停止了|没了|沒了|好了|醒了)|(?:很快|马上|馬上|立刻|一会儿?|一會兒?)就?(?:醒了|醒过来了|醒過來了|清醒了|停了|好了))';

/** Awake and answering normally again (clinical and lay). */
export const AWAKE =
  '(?:现已清醒|已清醒|已经清醒|清醒了|现神志清|神志清|神清|对答(?:都|也)?(?:可|切题|正常|清楚)|醒(?:着|了|过来了?)[^。!?\\n]{0,4}?(?:能说话|说话(?:正常|清楚)|能正常说话)|\\bback to (?:normal|baseline|(?:him|her|my)self)\\b|\\bawake and (?:talking|alert|chatting|answering)\\b)';
/**
 * What keeps a stopped fit an emergency: a first fit, a fever or a child, drowsy or not woken, five minutes or more,
 * again, pregnancy.
 */
export const FIT_URGENT =
  '(?:第一次|首次|头一次|高热|发烧|发热|患儿|宝宝|孩子|\\bfever|\\bbaby\\b|\\btoddler\\b|\\bchild\\b|迷糊|没醒|未醒|叫不醒|不太醒|嗜睡|孕|产后|又|再次|(?:[5-9]|[1-9]\\d|[五六七八九十])\\s*(?:分钟|分鐘|min)|\\bfirst\\b|\\bnever had\\b|\\bpregnan|\\bagain\\b|\\bdrowsy\\b|\\bconfused\\b)';

export const PSEUDO_7: readonly ScopeRule[] = [
  // A resultative "cannot" (闭不上, 合不上, 抬不起, 握不住, 站不稳): a lost function, no denial of the next sign
  // ("右眼闭不上 说话也漏风").
  {
    categories: ['negated'],
    re: '[闭合睁抬举握拿站走咽张穿扣端][不][上起住开动下稳]',
  },
  // "It has never hurt like this before": a comparison with every earlier time, no past date of the pain now.
  {
    categories: ['historical'],
    re: '\\bnever\\b[^.!?;\\n]{0,30}?\\b(?:like this|this (?:bad|much|painful)) before\\b',
  },
];

export const TRIGGERS_7: readonly TriggerRule[] = [
  // "嘴歪了是不是中风的前兆？", "請問眼睛突然看不清是不是中風的徵兆？": the sign before the question is asked about in
  // general when nothing from the sentence start names the writer, a relative or a time (我爸…是不是中风的前兆 reports).
  // The condition is inside the named cue, so it does not stand between the sign and its cue.
  {
    category: 'hypothetical',
    direction: 'backward',
    re: `^[^。!?\\n]{0,10}?(?<=(?:^|[。!?\\n])\\s*(?:请问|請問|问一下|問一下|想问一下?|想問一下?)?[^。!?\\n${REPORTED}]{0,24})(?<cue>是(?:不是|否)?(?:就是)?${CONDITION}的?${WARNING})`,
    sentence: true,
    window: 30,
  },
  // Not knowing people in a dementia of years (阿尔茨海默病好几年了，一直不认人): long-standing, not an acute confusion
  // (a sudden change — 突然, 今天 — ends the scope as a terminator).
  {
    category: 'historical',
    direction: 'forward',
    re: '(?<=(?:痴呆|阿尔茨海默|阿茨海默|认知障碍|认知症|dementia|alzheimer)[^。!?\\n]{0,16})(?:一直|一向|向来|always)',
    concepts: ['confusion'],
    sentence: true,
    window: 8,
  },
  // A life stage long past (大学时, 读高中时, 年轻时, 小时候 …): dates the event in its sentence (突然, 现在, 今天 end it).
  {
    category: 'historical',
    direction: 'forward',
    re: '(?:(?:大学|高中|初中|中学|小学|年轻|当兵)(?:的)?(?:时候?|那会儿?|那阵子?|那几年)|小时候)',
    sentence: true,
    window: 12,
  },
  // A fit today that has stopped with the person awake and answering normally (已停 … 现已清醒 对答可, "stopped …
  // awake and talking") is over — unless a first fit, still drowsy, five minutes or more, again, or in pregnancy
  // (epilepsy first aid: when to call an ambulance; the README's labelling conventions).
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^。!?;\\n]{0,30}?(?<!${FIT_URGENT}[^。!?\\n]{0,60})(?:已停|已经停|停了|停止了|已停止|才停|就停|\\bstopped\\b|\\b(?:under|less than) a minute\\b)[^。!?;\\n]{0,40}?${AWAKE}(?![^。!?\\n]*${FIT_URGENT})`,
    concepts: ['seizure'],
    sentence: true,
    window: 40,
  },
  // A faint or a fit on a past day that stopped or came round at once: over (one today is still seen today).
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^。!?;\\n]{0,30}?(?<=${PAST_DAY_ZH}[^。!?;\\n]{0,60})${AT_ONCE}`,
    concepts: ['syncope', 'confusion', 'unresponsive', 'seizure'],
    sentence: true,
    window: 40,
  },
  // A fit is not closed by the generic "it stopped" rules (rules2.ts leaves seizure out): a fit today that stopped is
  // over only when the person is awake and answering normally and nothing urgent is said (the rule above); one on a
  // past day that stopped, or one already seen by a doctor, is over (the README's labelling conventions, fits).
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^。!?;\\n]{0,20}?(?:(?<=${PAST_DAY_ZH}[^。!?\\n]{0,60})(?:${APPROX_7}(?:秒钟?|分钟)(?:就|后|左右)?(?:自己)?(?:好了|停了|停下来了|止住了|缓过来了)|才停(?:了|下来)?(?=[,.。!?;\\s]|$))|(?:已经|都)看过(?:医生|大夫|急诊|门诊)?了)`,
    concepts: ['seizure'],
    sentence: true,
    window: 20,
  },
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^.!?;\\n]{0,40}?(?<=${PAST_DAY_EN}[^.!?\\n]{0,80})\\b(?:gone (?:in|within|after) (?:a few )?(?:seconds|minutes|a minute)|stopped after|none (?:today|since)|not since)\\b`,
    concepts: ['seizure'],
    sentence: true,
    window: 20,
  },
];
