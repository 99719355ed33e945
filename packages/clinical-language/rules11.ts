/**
 * Context-modifier rules, part 11 (issue 16, round 7; modifier classes of tuning part 22, formerly held-out 25, tested
 * with fresh sentences in modifiers14.test.ts), merged into the rule lists by context.ts:
 * - a stroke or heart attack said as an English idiom of the future or of a near thing ("I'll have a stroke 😂", "is
 *   going to have a stroke when he sees this", "nearly had a heart attack 💸") — no event: hypothetical (the Chinese
 *   form with a joke, 要让我 heart attack 了 lol, is rules9.ts's, here with the English object a few words on);
 * - a stroke or heart attack named as a kind of people in a question (心梗的人能不能喝茶？) or asked about as what
 *   comes before it or how high a reading brings it (心梗前会有什么预兆, 血压多高会中风) — a general question: hypothetical.
 * Operational cue lists, not clinical numbers.
 */
import type { TriggerRule } from './rules.ts';

const EVENTS = ['mi-now', 'stroke-now', 'myocardial-infarction', 'stroke'];
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
];
