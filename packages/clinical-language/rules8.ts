/**
 * Context-modifier rules, part 8 (issue 16; classes of false and missed emergencies of training parts 15–17), merged
 * into the rule lists by context.ts: "never like this" (从来没有这样) and "not the same as before" (跟以前不一样) are
 * comparisons, not denials; "has had X for half an hour" is a current duration, not a past event; general questions
 * (一般挂什么科, "what does X feel like / mean?"), a doctor's standing instruction (医生交代过…就打120), a fear of the
 * future (是不是要中风了) and a warned-of effect (血压太高可能会抽搐) are hypothetical; a past episode "not had it since",
 * a known epileptic's usual fit with the person awake again, and a long-standing deficit in a clinician's relay are
 * over. Operational cue lists, not clinical numbers.
 */
import type { ScopeRule, TriggerRule } from './rules.ts';
import { AWAKE, FIT_URGENT } from './rules7.ts';

/** A person named in an English question: then it is a report, not a general question. */
const PERSON_EN =
  "\\b(?:my|me|i|i'm|im|i've|he|she|his|her|him|they|we|mum|mom|dad|wife|husband|son|daughter|baby|grandad|grandma|patient)\\b";
/** A person or a time of a report: the writer, kin, just now, today (as rules7.ts). */
const REPORTED = '我俺咱他她刚今现昨';
/** A stroke named (simplified; normalize.ts reads traditional characters as simplified). */
const STROKE = '(?:中风|脑梗|脑卒中|卒中|脑出血|脑溢血)';
/** A known epileptic's usual fit: as usual, the typical one (跟平常一样, 老样子). */
const USUAL =
  '(?:\\busual\\b|\\btypical\\b|\\bas (?:always|normal)\\b|平时那种|平常那种|(?:跟|和)(?:平时|平常|往常|以前)一样的?|老样子的?)';
/** A short current duration: minutes or hours (not years). */
const MINUTES_HOURS =
  '(?:half an hour|an? (?:hour|few minutes|couple of (?:minutes|hours))|\\d+\\s*(?:min|mins|minutes|hours?|hrs?)\\b|(?:a few|several|ten|twenty|fifteen|thirty|forty|two|three)\\s+(?:minutes|hours))';

export const PSEUDO_8: readonly ScopeRule[] = [
  // "头疼得厉害从来没有这样", "never had it like this": a comparison with every earlier time, neither a denial nor a date.
  {
    categories: ['negated', 'historical'],
    re: '(?:从来|从)(?:都)?没有?(?:像)?(?:这样|这么|如此)(?:疼|痛|厉害|难受|严重)?(?:过)?',
  },
  // "he has gone grey and clammy": a change of state, not "has gone" (away).
  {
    categories: ['historical'],
    re: "\\b(?:has|is|had|'s|have|are)\\s+gone\\s+(?:very\\s+|really\\s+|all\\s+|quite\\s+)?(?:grey|gray|pale|white|blue|purple|ashen|floppy|limp|rigid|stiff|quiet|cold|clammy|sweaty|weak|numb|funny|strange|confused|drowsy|dizzy)\\b",
  },
  // "跟以前的头疼完全不一样": different from before, no denial of what follows.
  { categories: ['negated'], re: '(?:完全|很|都|根本|特别)?不一样' },
  // "has had a tight band round his chest for about half an hour": a duration up to now, no past event.
  {
    categories: ['historical'],
    re: `\\b(?:has|have|'s|'ve)\\s+(?:had|been having)\\b(?=[^.!?;\\n]{0,60}?\\bfor\\s+(?:about\\s+|around\\s+|nearly\\s+|almost\\s+|over\\s+|the (?:last|past)\\s+)?${MINUTES_HOURS})`,
  },
];

export const TRIGGERS_8: readonly TriggerRule[] = [
  // "胸口疼一般要挂什么科？": which department in general — a general question about the sign.
  {
    category: 'hypothetical',
    direction: 'backward',
    re: '^[^。!?\\n]{0,20}?(?<cue>一般(?:要|该|应该|得)?(?:挂|看|去)(?:什么|哪个|哪一个|哪)(?:科|个科))',
    sentence: true,
    window: 30,
  },
  // "问一下：嘴歪、说话不清是不是中风的表现？": a question opened as a question, no person or time named, whether the signs
  // are how a stroke shows — general (rules7.ts takes 征兆/前兆 without the opener; 表现 needs it: "胸口疼是不是心脏病的
  // 表现" is a report).
  {
    category: 'hypothetical',
    direction: 'backward',
    re: `^(?<cue>[^。!?\\n${REPORTED}]{0,24}?是(?:不是|否)(?:就是)?${STROKE}的?(?:表现|症状|前兆|征兆|信号))(?<=(?:^|[。!?\\n])\\s*(?:请问|问一下|想问一下?|问问|咨询一下)[：:，,\\s]*(?:(?!现在|[我俺咱他她刚今昨])[^。!?\\n]){0,60})`,
    sentence: true,
    window: 30,
  },
  // "想问问胸口疼挂哪个科": which department, with no person, time or duration named from the sentence start.
  {
    category: 'hypothetical',
    direction: 'backward',
    re: `^(?<cue>(?:(?!小时|分钟|一直|还在|正在|突然)[^。!?\\n${REPORTED}]){0,12}?(?:要|该|应该|得)?(?:挂|看)(?:什么|哪个|哪一个|哪)科)(?<=(?:^|[。!?\\n])(?:(?!小时|分钟|一直|还在|正在|突然)[^。!?\\n${REPORTED}]){0,50})`,
    sentence: true,
    window: 30,
  },
  // "What does heart attack chest pain actually feel like?", "What does a 'thunderclap headache' mean?": a general
  // question when no person is named from the question word to the sign.
  {
    category: 'hypothetical',
    direction: 'backward',
    re: `^(?<cue>(?:(?!${PERSON_EN})[^.!?\\n]){0,30}?\\b(?:feel like|mean|look like|a sign of)\\b)(?<=(?:^|[.!?\\n])\\s*(?:so\\s+|but\\s+|and\\s+)?what\\s+(?:does|do|is|are|would)\\b(?:(?!${PERSON_EN})[^.!?\\n]){0,90})(?=[^.!\\n]{0,30}\\?)`,
    sentence: true,
    window: 40,
  },
  // "医生交代过，胸痛超过十五分钟不缓解就打120": a standing instruction — the sign is a condition, not a report.
  {
    category: 'hypothetical',
    direction: 'forward',
    re: '(?:交代|交待|嘱咐|叮嘱|吩咐|告诉过|教过)(?:过|了)?(?:我|我们)?(?:说)?(?=[^。!?\\n]{0,30}(?:就|马上|立即|立刻|要)(?:要)?(?:打|拨|叫|去|来|上)(?:120|999|911|救护车|急诊|医院))',
    sentence: true,
    window: 20,
  },
  // "我是不是要中风了？": a fear of the future (hypothetical), not a stroke now. (Round 8: "我是不是脑梗了" — 是不是 with the
  // perfective 了 and no 要/快 — asks whether it has happened: a doubt about a present state, uncertain only, per the
  // labelling conventions' `unc`; 会不会 stays the future.)
  {
    category: 'hypothetical',
    direction: 'forward',
    re: '(?:会不会(?:快|马上)?(?=要?(?:中风|脑梗|心梗|脑出血|脑溢血|猝死))|(?:是不是|是否)(?:快|马上)?(?=要(?:中风|脑梗|心梗|脑出血|脑溢血|猝死)|(?:中风|脑梗|心梗|脑出血|脑溢血|猝死)(?!了)))',
    window: 2,
  },
  // "Dr说血压太高可能会抽搐": an effect warned of, not a sign now.
  {
    category: 'hypothetical',
    direction: 'forward',
    re: '(?:太高|过高|高了|控制不好|吃多了|吃多|过量)[^。!?\\n，,]{0,3}?(?:可能|容易|就)?会(?:引起|导致|造成|出现|得)?',
    window: 6,
  },
  // "Had some chest discomfort … last Thursday … and not had it since": an episode that is over.
  {
    category: 'historical',
    direction: 'backward',
    re: "^[^.!?\\n]{0,120}?(?<cue>\\b(?:not|haven'?t|hasn'?t|never)\\s+(?:had|felt|noticed)\\s+(?:it|one|any|another|anything)(?:\\s+(?:again|like it))?\\s+since\\b)",
    sentence: true,
    window: 60,
  },
  // A known epileptic's usual fit with the person awake again ("one of her usual seizures … she's awake and chatting
  // now", 跟平时一样的发作 … 现已清醒): over — unless a first-aid reason to call (rules7.ts FIT_URGENT).
  {
    category: 'historical',
    direction: 'forward',
    re: `${USUAL}(?<!${FIT_URGENT}[^\\n]{0,120})(?=[^\\n]{0,80}${AWAKE})(?![^\\n]*${FIT_URGENT})`,
    concepts: ['seizure'],
    sentence: true,
    window: 6,
  },
  // The same after the fit: "刚才发作了一次，跟平常一样，现已清醒".
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^。!?\\n]{0,30}?(?<cue>${USUAL})(?<!${FIT_URGENT}[^\\n]{0,120})(?=[^\\n]{0,60}${AWAKE})(?![^\\n]*${FIT_URGENT})`,
    concepts: ['seizure'],
    sentence: true,
    window: 30,
  },
  // "long-standing L hemiparesis from a 2015 CVA": a deficit of years in a clinician's relay, not a new sign.
  {
    category: 'historical',
    direction: 'forward',
    re: '\\b(?:long-?standing|chronic|residual|baseline|pre-?existing)\\b',
    concepts: ['limb-weakness', 'facial-droop', 'speech-difficulty', 'balance-loss'],
    window: 4,
  },
];
