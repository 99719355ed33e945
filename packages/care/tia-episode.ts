/**
 * A passing stroke-like episode the patient reported (a suspected TIA, decision 0021), told back to them in plain
 * words: what they said happened, on which day, that it may be a warning sign of a stroke, and that they see a
 * doctor today — if it comes back or does not go away, call 120 now (NICE NG128 (2019) recommendation 1.1.5:
 * assessment within 24 hours of onset; RCP National Clinical Guideline for Stroke 2016). The medical name
 * (短暂性脑缺血发作) stays on the clinician's screens (issue 16: the patient read it as jargon).
 *
 * Pure: the episode is read once, when the message arrives (`tiaEpisodeOf`, with the report's instant and the
 * patient's zone), and stored with the triage; the day is then a calendar date, so a later screen says
 * "yesterday" only when it still is.
 */
import type { Text } from '@qihuang/engines/blood-pressure';
import { analyze, recentTransientEpisode, type Mention } from '@qihuang/clinical-language';

export interface TiaEpisode {
  /** The patient's own words for each sign, as written ('右手没劲'). */
  words: string[];
  /** The signs' concept ids (lexicon), for the plain words of the other language. */
  concepts: string[];
  /** The day it happened in the patient's zone (YYYY-MM-DD), when the writer named it (昨天, "2 days ago"). */
  day?: string;
}

/** Plain words per sign, both languages (the lexicon's display names are the clinician's). */
const PLAIN: Record<string, Text> = {
  'limb-weakness': { zh: '一侧手脚无力或麻木', en: 'weakness or numbness on one side' },
  'speech-difficulty': { zh: '说话不清', en: 'slurred speech or trouble speaking' },
  'facial-droop': { zh: '口角歪斜', en: 'a drooping face' },
  'balance-loss': { zh: '突然站不稳', en: 'sudden loss of balance' },
  'sudden-vision-loss': { zh: '突然看不见或看东西重影', en: 'sudden loss of sight or double vision' },
  'blurred-vision': { zh: '看东西模糊', en: 'blurred vision' },
};
const STROKE_LIKE: Text = { zh: '中风样的症状', en: 'stroke-like symptoms' };
const EPISODE_CONCEPTS = new Set(['neuro-deficit', 'vision-loss', 'tia', 'stroke']);

const ZH_NUMBER: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7 };

/** Days before the message the writer's words put it (the recent-day cues of clinical-language). */
const DAY_CUES: [RegExp, (m: RegExpMatchArray) => number][] = [
  [/大前天/, () => 3],
  [/前[天晚]|\bday before yesterday\b/i, () => 2],
  [/昨[天日晚夜儿个]|\byesterday\b|\blast night\b/i, () => 1],
  [/(?<![\d十百])([一二两三四五六七1-7])天前/, (m) => ZH_NUMBER[m[1]!] ?? Number(m[1])],
  [
    /\b(a|one|two|three|four|five|six|seven|[1-7]) days? ago\b/i,
    (m) => {
      const w = m[1]!.toLowerCase();
      const n = ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven'].indexOf(w);
      return n === 0 ? 1 : n > 0 ? n : Number(w);
    },
  ],
];

const SENTENCE_END = /[。！？!?\n]|\.(?:\s|$)/g;

/** The local calendar date of an instant in a zone (YYYY-MM-DD). */
export function localDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

/** A calendar date `days` before `day` (both YYYY-MM-DD). */
export function dayBefore(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) - days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The episode's text window (its sentence and the one before), as clinical-language dates it. */
function windowOf(text: string, m: Mention): string {
  const starts = [0];
  for (const e of text.matchAll(SENTENCE_END)) starts.push((e.index ?? 0) + e[0].length);
  let i = 0;
  while (i + 1 < starts.length && (starts[i + 1] as number) <= m.start) i++;
  return text.slice(starts[Math.max(0, i - 1)] as number, starts[i + 1] ?? text.length);
}

/** The passing episode in `text`, reported at `at` by a patient in `timeZone`, or undefined. */
export function tiaEpisodeOf(text: string, at: string, timeZone: string): TiaEpisode | undefined {
  const a = analyze(text);
  const first = recentTransientEpisode(a);
  if (!first) return undefined;
  const window = windowOf(a.text, first);
  // Every sign of that episode (same sentences, past, not denied), in the order written.
  const signs = a.mentions.filter(
    (m) =>
      (EPISODE_CONCEPTS.has(m.concept) || (m.redFlag !== undefined && EPISODE_CONCEPTS.has(m.redFlag))) &&
      m.modifiers.historical &&
      !m.modifiers.negated &&
      !m.modifiers.hypothetical &&
      windowOf(a.text, m) === window,
  );
  const cue = DAY_CUES.map(([re, n]) => {
    const m = window.match(re);
    return m ? n(m) : undefined;
  }).find((n) => n !== undefined);
  return {
    words: [...new Set(signs.map((m) => m.text))],
    concepts: [...new Set(signs.map((m) => m.concept))],
    ...(cue ? { day: dayBefore(localDay(at, timeZone), cue) } : {}),
  };
}

const HAS_HAN = /\p{Script=Han}/u;

/** What happened, in the screen's language: the patient's own words when written in it, else plain words. */
function signsIn(episode: TiaEpisode | undefined, language: 'zh' | 'en'): string {
  const join = language === 'zh' ? '、' : ', ';
  if (!episode)
    return language === 'zh'
      ? '一过性的中风样症状（比如一侧手脚无力、说话不清）'
      : 'passing stroke-like symptoms (such as weakness on one side or trouble speaking)';
  const own = episode.words.length > 0 && episode.words.every((w) => HAS_HAN.test(w) === (language === 'zh'));
  if (language === 'zh' && own) return episode.words.join(join);
  const plain = [...new Set(episode.concepts.map((c) => (PLAIN[c] ?? STROKE_LIKE)[language]))];
  if (plain.length === 0) return STROKE_LIKE[language];
  // English names the last sign with "and" ("weakness …, a drooping face and slurred speech").
  return language === 'en' && plain.length > 1
    ? `${plain.slice(0, -1).join(join)} and ${plain.at(-1)}`
    : plain.join(join);
}

/** "yesterday" / "2 days ago" / a date, said from `today` (YYYY-MM-DD, the patient's zone). */
function whenIn(day: string | undefined, today: string, language: 'zh' | 'en'): string {
  if (!day) return language === 'zh' ? '最近几天' : 'in the last few days';
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
  if (days === 0) return language === 'zh' ? '今天' : 'today';
  if (days === 1) return language === 'zh' ? '昨天' : 'yesterday';
  if (days === 2) return language === 'zh' ? '前天' : 'the day before yesterday';
  const [, month = '', date = ''] = day.split('-');
  return language === 'zh' ? `${Number(month)}月${Number(date)}日` : `on ${day}`;
}

/**
 * What the patient reported, as their home box and the consultation say it: "昨天右手没劲、说话不清，之后好转了
 * ——这可能是中风的先兆" / "weakness … yesterday, which then went away — this may be a warning sign of a stroke".
 */
export function tiaReported(episode: TiaEpisode | undefined, today: string): Text {
  const zhWhen = whenIn(episode?.day, today, 'zh');
  const enWhen = whenIn(episode?.day, today, 'en');
  return {
    zh: `${zhWhen}${signsIn(episode, 'zh')}，之后好转了——这可能是中风的先兆`,
    en: `${signsIn(episode, 'en')} ${enWhen}, which then went away — this may be a warning sign of a stroke`,
  };
}

/**
 * The consultation's answer to a suspected TIA, told at once and before any blood-pressure notice: what they
 * reported, see a doctor today, and 120 now if it comes back or does not go away (NICE NG128 (2019) 1.1.5).
 */
export function tiaNotice(episode: TiaEpisode | undefined, today: string): Text {
  const what = tiaReported(episode, today);
  return {
    zh: `您报告${what.zh}。即使现在已经好了，也请今天就去医院看医生（神经内科），或今天联系您的医疗团队。如果症状再次出现或没有消退，请立即拨打120。`,
    en: `You reported ${what.en}. Even though it has gone, see a doctor today: go to a hospital today (neurology) or contact your care team today. If it comes back or does not go away, call emergency services (120 in China / 911 in the US) now.`,
  };
}
