/**
 * A stroke-like episode that is over but happened in the last days: a suspected transient ischaemic attack (TIA).
 *
 * The corpus conventions (README) read a stroke or sight sign on a past day that went away as past, so it is no
 * emergency (no 120 call). It is still not "nothing": NICE NG128 (2019) recommendation 1.1.5 — "refer immediately
 * people who have had a suspected TIA for specialist assessment and investigation, to be seen within 24 hours of
 * onset of symptoms"; the RCP National Clinical Guideline for Stroke (2016): a suspected TIA more than a week ago is
 * still assessed as soon as possible within 7 days. Triage therefore raises such a message to same-day care
 * (decision 0021). Pure: reads an analysis, no clock — the recency is what the writer says (昨天, 前天, "2 days ago").
 */
import type { Analysis, Mention } from './types.ts';

/** Concepts whose past episode in the last days is a suspected TIA (REFERENCE §1.5 stroke signs; lexicon ids). */
const TIA_CONCEPTS = new Set(['neuro-deficit', 'vision-loss', 'tia', 'stroke']);

/** Up to a week ago (RCP 2016: within 7 days), in the writer's words. */
const RECENT_DAY = new RegExp(
  [
    '昨[天日晚夜儿]|昨个|夜里|前[天晚]|大前天|前两天|前几天|这两天|这几天|这周|本周|这星期|这个星期|(?<![\\d十百])[一二两三四五六七1-7]天前|几天前|(?<![每几])(?:星期|周|礼拜)[一二三四五六日天](?![次回])',
    '\\byesterday\\b|\\blast night\\b|\\bday before yesterday\\b|\\b(?:a|one|two|three|four|five|six|seven|(?<!\\d)[1-7]|a couple of|a few|few) days? ago\\b|\\bearlier this week\\b|\\bthis week\\b|\\bon (?:mon|tues|wednes|thurs|fri|satur|sun)day\\b|\\b(?:mon|tues|wednes|thurs|fri|satur|sun)day (?:morning|afternoon|evening|night)\\b',
  ].join('|'),
  'i',
);

/** Long ago: a cue that puts the episode beyond a week, so the recent cue (e.g. 周三 of some year) is not it. */
const LONG_AGO =
  /[年月]前|去年|前年|多年|年轻时|小时候|以前|曾经|\byears? ago\b|\bmonths? ago\b|\blast (?:year|month)\b|\bin (?:19|20)\d\d\b/i;

const SENTENCE_END = /[。！？!?\n]|\.(?:\s|$)/g;

/** Start offsets of the sentences of `text`. */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(SENTENCE_END)) starts.push((m.index ?? 0) + m[0].length);
  return starts;
}

/**
 * The past, not-denied, not-hypothetical stroke-like mention of someone with the writer (the writer or a person they
 * care for) whose sentence, or the sentence before, dates it to the last days — or undefined.
 */
export function recentTransientEpisode(a: Analysis): Mention | undefined {
  const starts = sentenceStarts(a.text);
  for (const m of a.mentions) {
    if (!TIA_CONCEPTS.has(m.concept) && !(m.redFlag && TIA_CONCEPTS.has(m.redFlag))) continue;
    const mod = m.modifiers;
    if (!mod.historical || mod.negated || mod.hypothetical || mod.remote) continue;
    let i = 0;
    while (i + 1 < starts.length && (starts[i + 1] as number) <= m.start) i++;
    const from = starts[Math.max(0, i - 1)] as number;
    const to = starts[i + 1] ?? a.text.length;
    const window = a.text.slice(from, to);
    if (RECENT_DAY.test(window) && !LONG_AGO.test(window)) return m;
  }
  return undefined;
}
