/**
 * The measurement setting of a blood-pressure value (office, home, daytime, night-time, 24-h): the one named
 * closest before the value, else right after it; "the same as in the office" names the compared setting, not the
 * subject.
 */
import type { Setting } from '@qihuang/engines/blood-pressure';

const SETTINGS: [Setting, RegExp][] = [
  ['night', /night|nocturnal|asleep|sleep-time|夜间|睡眠/gi],
  ['24h', /24[- ]?(?:h\b|hour)|24\s*小时|全天/gi],
  ['day', /daytime|day-time|awake|白天|日间/gi],
  ['home', /\bhome\b|HBPM|self-measured|家庭|家测|自测|在家/gi],
  ['office', /office|clinic|诊室|门诊/gi],
];

/** The setting named closest before `at` in the sentence (else right after the value; else office). */
export function settingAt(raw: string, at: number): Setting {
  // "≥140/90 in the office", "≥140/90（诊室）": a setting named right after the value is its own.
  const own = OWN_AFTER.exec(raw.slice(at));
  if (own)
    for (const [s, re] of SETTINGS)
      if (new RegExp(re.source, 'i').test(own[1] ?? own[2] ?? own[3] ?? '')) return s;
  // "家庭血压的标准与诊室血压相同" / "the same as in the office": the compared setting is not the subject; a setting
  // inside brackets closed before the value ("（对应诊室130/80），ESH用≥130/80") is the bracket's own.
  const text = raw
    .replace(SAME_AS, (m) => '_'.repeat(m.length))
    .replace(OUT_OF_OFFICE, (m) => '_'.repeat(m.length))
    .replace(/[（(][^（）()]*[）)]/g, (m, i: number) => (i + m.length <= at ? '_'.repeat(m.length) : m));
  let best: { s: Setting; pos: number } | undefined;
  let next: { s: Setting; pos: number } | undefined;
  for (const [s, re] of SETTINGS) {
    for (const m of text.matchAll(re)) {
      const pos = m.index as number;
      if (pos <= at && (!best || pos > best.pos)) best = { s, pos };
      if (pos > at && pos - at < 40 && (!next || pos < next.pos)) next = { s, pos };
    }
  }
  if (best) return best.s;
  if (next) return next.s;
  if (/ambulatory|ABPM|动态血压/i.test(text)) return '24h';
  return 'office';
}

/** The value, then a setting with nothing but a preposition or an opening bracket between, or a bare setting word
 * closing the item of a list ("thresholds 130/80 daytime, 110/65 night, 125/75 over 24 h"). */
const OWN_AFTER =
  /^[≥≤<>＜=\d\s/／–~-]*(?:mm\s*Hg)?\s*(?:(?:in|at|for|on) (?:the )?(office|clinic|daytime|night-?time|home|24-hour)\b|[（(]\s*(诊室|家庭|家测|夜间|白天|日间|24\s*小时|office|home|night-time|daytime|24-hour)\s*[）)]|(daytime|night-?time|night|(?:over )?24[- ]?h(?:ours?)?|24-hour|home)(?=\s*(?:[,;)）]|$|\.(?:\s|$))))/i;

const SAME_AS =
  /对应(?:于)?诊室(?=[^，。,;；\d]{0,2}[1-3一二三][期级])|(?:与|和|跟|同)(?:诊室|办公室|家庭|家中)(?:血压)?(?:的)?(?:标准)?(?:相同|一样|一致|不同|不一样)|(?:the )?(?:same as|different from|lower than|higher than|unlike) (?:in |for |at )?(?:the )?(?:office|clinic|home)(?: readings?| values?| BP| threshold)?/gi;

/** "Out-of-office", "诊室外", "outside the clinic": no setting of its own (the home or ambulatory one meant is named
 * elsewhere), and certainly not the office. */
const OUT_OF_OFFICE =
  /out-of-(?:office|clinic)|out of (?:the )?(?:office|clinic)|outside (?:the )?(?:office|clinic)|(?:诊室|门诊)(?:以)?外/gi;

/** The sentence names out-of-office values and no setting: they are in the setting an earlier sentence named. */
export const outOfOfficeOnly = (t: string): boolean =>
  new RegExp(OUT_OF_OFFICE.source, 'i').test(t) && namedSetting(t) === undefined;

/** The one setting a sentence names, null when it names several, undefined when none. */
export function namedSetting(t: string): Setting | null | undefined {
  const text = t
    .replace(SAME_AS, (m) => '_'.repeat(m.length))
    .replace(OUT_OF_OFFICE, (m) => '_'.repeat(m.length));
  const found = new Set(SETTINGS.filter(([, re]) => new RegExp(re.source, 'i').test(text)).map(([s]) => s));
  if (!found.size && /ambulatory|ABPM|动态血压/i.test(text)) found.add('24h');
  return found.size === 1 ? [...found][0] : found.size ? null : undefined;
}
