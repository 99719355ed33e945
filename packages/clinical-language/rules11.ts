/**
 * Context-modifier rules, part 11 (issue 16, round 7; modifier classes of tuning part 22, formerly held-out 25, tested
 * with fresh sentences in modifiers14.test.ts), merged into the rule lists by context.ts:
 * - a stroke or heart attack said as an English idiom of the future or of a near thing ("I'll have a stroke 😂", "is
 *   going to have a stroke when he sees this", "nearly had a heart attack 💸") — no event: hypothetical (the Chinese
 *   form with a joke, 要让我 heart attack 了 lol, is rules9.ts's, here with the English object a few words on);
 * - a stroke or heart attack named as a kind of people in a question (心梗的人能不能喝茶？) or asked about as what
 *   comes before it or how high a reading brings it (心梗前会有什么预兆, 血压多高会中风) — a general question: hypothetical.
 * - a stroke or heart attack dated as past: a year with a space before 年 (2018 年 stroke), "post stroke", "stroke rehab",
 *   "the same pain as my heart attack", a span of time before a comma (中风半年，…), an operation done for it
 *   (脑出血做过手术) — historical.
 * - someone else named in mixed writing (我 roommate, 一个 worker 说) or an infant by its age in months at the start
 *   ("9 month old breathing fast") is the experiencer (README convention: anyone other than the writer is `fam`).
 * Operational cue lists, not clinical numbers.
 */
import type { TriggerRule } from './rules.ts';

const EVENTS = ['mi-now', 'stroke-now', 'myocardial-infarction', 'stroke'];
/** The conditions of a past event (not the "happening now" concepts). */
const PAST_EVENTS = ['myocardial-infarction', 'stroke', 'tia'];
const CJK_NUM_11 = '(?:\\d+|[一二两三四五六七八九十几半多]+)';
/** A joke or an idiom's tone: laughter or an emoji (as rules9.ts JOKE, with a money emoji). */
const JOKE_11 = '(?:笑死|哈哈|\\blol\\b|\\blmao\\b|\\bhaha\\b|🙄|🙃|🤯|😤|💀|😂|🤣|😅|💸)';

export const TRIGGERS_11: readonly TriggerRule[] = [
  // "nearly had a heart attack", "almost had a stroke": a near thing, no event.
  {
    category: 'hypothetical',
    direction: 'forward',
    re: '\\b(?:nearly|almost)\\s+(?:had|have|got)\\s+(?:a\\s+)?(?=(?:stroke|heart attack)\\b)',
    concepts: EVENTS,
    window: 3,
  },
  // "he's going to have a stroke when he sees these numbers": a future with its occasion, no event.
  {
    category: 'hypothetical',
    direction: 'forward',
    re: "\\b(?:i'?ll|i will|he'?ll|she'?ll|(?:i'?m|he'?s|she'?s|is|am|are|'s|'re|'m) (?:going to|gonna)|gonna)\\s+(?:have|get)\\s+(?:a\\s+)?(?=(?:stroke|heart attack)\\b[^.!?\\n]{0,40}\\b(?:when|if|once)\\b)",
    concepts: EVENTS,
    window: 3,
  },
  // The same forward of the event with the joke after it ("I'll have a stroke 😂", "gonna have a heart attack lol").
  {
    category: 'hypothetical',
    direction: 'forward',
    re: `\\b(?:i'?ll|i will|he'?ll|she'?ll|(?:i'?m|he'?s|she'?s|is|am|are) (?:going to|gonna)|gonna|(?:nearly|almost))\\s+(?:have|had|get|got)\\s+(?:a\\s+)?(?=(?:stroke|heart attack)\\b[^.!?\\n]{0,60}${JOKE_11})`,
    concepts: EVENTS,
    window: 3,
  },
  // 要让我 heart attack 了 lol: the Chinese idiom with an English object and a joke later in the sentence.
  {
    category: 'hypothetical',
    direction: 'forward',
    re: `(?:要|快要|就要|快)(?:让|把|逼)(?:我|他|她)(?=[^。!?\\n]{0,30}${JOKE_11})`,
    concepts: EVENTS,
    window: 4,
  },
  // 心梗的人能不能喝茶？ — a condition as a kind of people in a question, no person or time named.
  {
    category: 'hypothetical',
    direction: 'backward',
    re: '^的(?:人|病人|患者)(?=[^。!\\n]*(?:[?？吗]|能不能|可不可以|要注意))(?![^。!?\\n]*(?:我|他|她|刚才|现在|今天))',
    // (Events only: "高血压的人能吃布洛芬吗？" is often the writer's own condition — earlier parts label it so.)
    concepts: EVENTS,
    adjacent: true,
    window: 4,
  },
  // 心梗前会有什么预兆, 中风前有哪些征兆 — what comes before it, asked.
  {
    category: 'hypothetical',
    direction: 'backward',
    re: '^(?:之)?前(?:会|一般|通常)?(?:有|出现)(?:什么|哪些)(?:预兆|征兆|先兆|症状|表现|信号)',
    concepts: EVENTS,
    adjacent: true,
    window: 12,
  },
  // 血压多高会中风 — how high a reading brings it on, asked.
  {
    category: 'hypothetical',
    direction: 'forward',
    re: '(?:多高|多少)(?:才|就)?(?:会|容易)(?=\\s?(?:中风|脑梗|脑出血|心梗))',
    concepts: EVENTS,
    window: 2,
  },
  // 2018 年 stroke: a year with a space before 年 (mixed writing; rules.ts reads 2018年).
  {
    category: 'historical',
    direction: 'forward',
    re: '(?:19|20)\\d{2}\\s年(?!\\s?\\d{1,2}\\s?月)',
    concepts: PAST_EVENTS,
    window: 3,
  },
  // "six weeks post stroke", "post-MI": after the event.
  {
    category: 'historical',
    direction: 'forward',
    re: '\\bpost[- ]?(?=(?:stroke|heart attack|mi)\\b)',
    concepts: PAST_EVENTS,
    window: 1,
  },
  // "Stroke rehab update", "stroke recovery": the rehabilitation after it.
  {
    category: 'historical',
    direction: 'backward',
    re: '^\\s*(?:rehab|rehabilitation|recovery)\\b',
    concepts: PAST_EVENTS,
    adjacent: true,
    window: 2,
  },
  // "the same pain as my heart attack", "like my last stroke": the earlier event compared with.
  {
    category: 'historical',
    direction: 'forward',
    re: '\\b(?:as|like) (?:my|his|her) (?:last |previous |first |old |earlier )?(?=(?:heart attack|stroke)\\b)',
    concepts: PAST_EVENTS,
    window: 1,
  },
  // 中风半年，… / 心梗三个月，…: a span of time since the event before a comma (rules.ts reads …了).
  {
    category: 'historical',
    direction: 'backward',
    re: `^\\s*(?:已经|都)?(?:有)?${CJK_NUM_11}(?:年|个月)(?:多)?(?=[,，])`,
    concepts: PAST_EVENTS,
    adjacent: true,
    window: 8,
  },
  // 脑出血做过手术, 心梗放过支架: an operation done for it.
  {
    category: 'historical',
    direction: 'backward',
    re: '^\\s*(?:做过|做了|动过|放过|放了)(?:手术|支架|溶栓|介入|搭桥)',
    concepts: PAST_EVENTS,
    adjacent: true,
    window: 6,
  },
  // 我 roommate, 我的 boss, 一个 worker 说: someone else in English inside Chinese.
  {
    category: 'experiencer',
    direction: 'forward',
    re: '(?:我(?:的)?|一个|有个|那个|这个)\\s?(?:roommate|flatmate|housemate|coworker|co-worker|colleague|boss|friend|bf|gf|uncle|aunt|auntie|cousin|mum|mom|dad|grandma|grandpa|husband|wife|son|daughter|baby|kid|worker|guy|customer|student|patient)\\b',
  },
  // "9 month old breathing super fast", "6 week old won't feed": an infant by its age, opening the message.
  {
    category: 'experiencer',
    direction: 'forward',
    re: '(?<=^\\s*(?:my |our )?)\\d{1,2}\\s?(?:months?|mo|weeks?|wk)[- ]old\\b',
  },
];
