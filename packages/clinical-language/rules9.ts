/**
 * Context-modifier rules, part 9 (issue 16; classes of false and missed emergencies of training parts 18–19, tested
 * with fresh sentences in modifiers11.test.ts), merged into the rule lists by context.ts:
 * - a known epileptic's short fit with the person awake and talking normally again, in lay words (醒着能说话, 已经醒了
 *   能说话了, 现在清醒，说话正常, "he's awake and chatting normally now") is over — unless a first-aid reason to call
 *   (a first fit, five minutes or more, again / 第三回 / twice, not woken, "never this bad"; epilepsy first aid);
 * - a general question whether a sign means a stroke or heart attack (…是中风的表现吗？问一下, 胸口疼一定是心梗吗,
 *   "Does a headache mean I'm having a stroke?") with no person or time named is hypothetical;
 * - a scary idiom (要把我逼出心梗了 lol, 气得我要脑溢血了, 她就要心梗了🙄, "gonna give me a heart attack") is no event;
 * - an A-not-A question in a quoted reply answered with a denial ("胸口疼不疼？" —— 不疼) is a denial;
 * - a timeline whose present keeps only another symptom ("breathless Tuesday … today just the cough left", 现在就剩咳嗽)
 *   and a deficit "since then" after an event years ago are over;
 * - a self-correction ("- no wait, it's the LEFT hand", 不对，是左手) and "like never before" deny nothing.
 * Operational cue lists, not clinical numbers.
 */
import type { ScopeRule, TriggerRule } from './rules.ts';
import { FIT_URGENT } from './rules7.ts';

/** A person or a time of a report (as rules8.ts): the writer, kin, just now, today. */
const REPORTED = '我俺咱他她刚今现昨妈爸';
/** A stroke or heart attack named (simplified; normalize.ts reads traditional characters as simplified). */
const DIAG = '(?:中风|脑梗|脑卒中|卒中|脑出血|脑溢血|心梗|心肌梗死|心肌梗塞|心脏病|心绞痛)';
/** Awake and talking normally again, in lay words. */
const AWAKE_LAY =
  '(?:(?:醒着|醒了|醒过来了|清醒(?:了)?|神志清)[^。!?\\n]{0,8}?(?:能说话|会说话|说话正常|对答(?:可|正常|切题|清楚)|跟平时一样|和平时一样|能认人)|' +
  '\\bawake\\b[^.!?\\n]{0,6}?\\b(?:and\\s+)?(?:chatting|talking|answering|alert|normal)\\b|\\bback to (?:normal|(?:him|her)self|baseline)\\b)';
/** More reasons to call after a fit (epilepsy first aid): again, twice, the worst yet, not woken in between. */
const FIT_URGENT_MORE =
  "(?:第[二三四五六七八九几]+(?:回|次)|两次|三次|几次|好几次|\\btwice\\b|\\bthree times\\b|never this bad|从来没这么|没醒过来|不醒|还没醒|\\bnot woken\\b|\\bhasn'?t woken\\b|撞到头|磕到头|\\bhit (?:his|her) head\\b|发紫|\\bblue\\b)";
const URGENT = `(?:${FIT_URGENT}|${FIT_URGENT_MORE})`;
/** Known epilepsy named in the message. */
const EPILEPSY = '(?:癫痫|羊癫疯|羊角风|羊癫风|\\bepilep)';
/** A joke or an idiom: laughter, an emoji, someone driving the writer to it. */
const JOKE = '(?:笑死|哈哈|呵呵|\\blol\\b|\\blmao\\b|🙄|🙃|🤯|😤|💀|😂|🤣|😅|😭|开玩笑|\\bjk\\b|\\bhaha)';
const DAYS_EN = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';

export const PSEUDO_9: readonly ScopeRule[] = [
  // A self-correction of a detail ("- no wait, it's the LEFT hand", "no sorry, I mean", 不对，是左手): the sign stays.
  {
    categories: ['negated'],
    re: '(?:-\\s*)?\\bno,?\\s+(?:wait|sorry|hang on|i mean|actually)\\b|不对不对|不对[,，]?\\s*(?:是|应该是)|哦不[,，]?\\s*是|说错了',
  },
  // "headache is very severe like never before": a comparison with every earlier time, neither a denial nor a date.
  {
    categories: ['negated', 'historical'],
    re: "\\blike never before\\b|\\blike (?:i'?ve|i have|he'?s|she'?s|he has|she has) never (?:had|felt)\\b|\\bworst (?:ever|of (?:my|his|her) life)\\b",
  },
];

export const TRIGGERS_9: readonly TriggerRule[] = [
  // A known epileptic's short fit, awake and talking normally again (epilepsy first aid; README labelling conventions).
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^。!?;\\n]{0,50}?(?<cue>${AWAKE_LAY})(?<=${EPILEPSY}[^]{0,200})(?<!${URGENT}[^]{0,200})(?![^\\n]*${URGENT})`,
    concepts: ['seizure'],
    sentence: true,
    window: 50,
  },
  // "说话不清楚是中风的表现吗？问一下": whether a sign is how a stroke shows, asked as a question, no person or time.
  {
    category: 'hypothetical',
    direction: 'backward',
    re: `^(?<cue>[^。!?\\n${REPORTED}]{0,16}?是(?:不是)?${DIAG}的?(?:表现|症状|前兆|征兆|信号)(?:吗|么|嘛)?[?？]\\s*(?:问一下|问问|请问|想问一下?|咨询一下))(?<=(?:^|[。!?\\n])(?:[^。!?\\n${REPORTED}]){0,60})`,
    sentence: true,
    window: 30,
  },
  // "胸口疼一定是心梗吗？": whether a sign always means a stroke or heart attack, no person or time named.
  {
    category: 'hypothetical',
    direction: 'backward',
    re: `^(?<cue>[^。!?\\n${REPORTED}]{0,8}?(?:一定|肯定|就一定|都)(?:就)?是${DIAG}(?:吗|么|嘛))(?<=(?:^|[。!?\\n])(?:[^。!?\\n${REPORTED}]){0,50})`,
    sentence: true,
    window: 20,
  },
  // "Does a headache mean I'm having a stroke?", "Can sudden dizziness be a sign of a stroke?": a general question.
  {
    category: 'hypothetical',
    direction: 'forward',
    re: '\\b(?:does|do|can|could|would|is)\\s+(?:an?|sudden|severe|bad)\\s(?<=(?:^|[.!?\\n])\\s*\\b(?:does|do|can|could|would|is)\\s+(?:an?|sudden|severe|bad)\\s)(?=[^.!?\\n]{0,40}\\b(?:mean|be a sign|be a symptom|indicate|a sign of|a symptom of)\\b[^.!?\\n]*\\?)',
    sentence: true,
    window: 14,
  },
  // … and what follows "mean" in it ("… mean I'm having a stroke?").
  {
    category: 'hypothetical',
    direction: 'forward',
    re: '\\b(?:mean|indicate|be a sign of|be a symptom of)\\b(?<=(?:^|[.!?\\n])\\s*\\b(?:does|do|can|could|would|is)\\s+(?:an?|sudden|severe|bad)\\s[^.!?\\n]{0,40}\\b(?:mean|indicate|be a sign of|be a symptom of))(?=[^.!?\\n]*\\?)',
    sentence: true,
    window: 8,
  },
  // "要把我逼出心梗了", "气得我要脑溢血了", "吓得我心脏病都要犯了": an idiom of being driven to it, no event.
  {
    category: 'hypothetical',
    direction: 'forward',
    re: '(?:逼出|气出|急出|吓出|累出|(?:被|把我|把他|把她)?(?:气|逼|吓|急|笑)得(?:我|他|她)?(?:都|快|要|快要)?)',
    concepts: ['mi-now', 'stroke-now', 'myocardial-infarction', 'stroke'],
    window: 8,
  },
  // "她就要心梗了🙄", "我要中风了哈哈": a future diagnosis said as a joke.
  {
    category: 'hypothetical',
    direction: 'forward',
    re: `(?:就要|快要|要|快)(?=[^。!?\\n]{0,12}${JOKE}|(?<=${JOKE}[^\\n]{0,40}))`,
    concepts: ['mi-now', 'stroke-now', 'myocardial-infarction', 'stroke'],
    window: 6,
  },
  // "you're gonna give me a heart attack", "nearly gave me a stroke": an idiom, no event.
  {
    category: 'hypothetical',
    direction: 'forward',
    re: '\\b(?:gonna|going to|will|nearly|almost|about to|trying to)\\s+give\\s+(?:me|him|her|us)\\b|\\b(?:nearly|almost)\\s+gave\\s+(?:me|him|her|us)\\b',
    concepts: ['mi-now', 'stroke-now', 'myocardial-infarction', 'stroke'],
    window: 6,
  },
  // "胸口疼不疼？" —— 不疼: an A-not-A question in a quote answered with a denial.
  {
    category: 'negated',
    direction: 'backward',
    re: '^(?:不[疼痛闷晕麻胀])?[?？]["”」』\']?\\s*(?:——|—|--|-|:|：)?\\s*["“「『]?(?<cue>不[疼痛闷晕麻胀]|没有|没)(?=[,，。!！\\s]|$)',
    sentence: true,
    window: 12,
  },
  // "Breathless Tuesday, better Wednesday, today just the cough left", "前天喘，今天就剩咳嗽了": only another sign now.
  {
    category: 'historical',
    direction: 'backward',
    re: `^\\s*(?:on\\s+)?(?:${DAYS_EN}|yesterday|last night)\\b[^.!?\\n]{0,40}?\\b(?<cue>(?:today|now)\\b[^.!?\\n]{0,6}?\\b(?:just|only)\\b[^.!?\\n]{0,25}?\\b(?:left|remaining|remains))\\b`,
    sentence: true,
    window: 60,
  },
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^。!?\\n]{0,20}?(?<cue>(?:现在|今天|目前)(?:就|只)剩)(?<=(?:周[一二三四五六日天]|星期[一二三四五六日天]|前天|昨天)[^。!?\\n]{0,24})`,
    sentence: true,
    window: 60,
  },
  // "stroke 4 years ago, right side cannot move since then": a deficit since an event years back.
  {
    category: 'historical',
    direction: 'backward',
    re: '^[^。.!?\\n]{0,20}?(?<cue>\\bsince then\\b|\\bever since\\b|从那以后|从那时起|之后一直)(?<=(?:年前|去年|前年|\\byears? ago\\b|\\b(?:19|20)\\d{2}\\b)[^\\n]{0,80})',
    sentence: true,
    window: 30,
  },
];
