/**
 * The numbers a sentence attributes to a passage must be of a kind the passage gives (decision 0018 group 1). Read
 * with certainty: every number of the sentence that carries its unit is of a kind — a dose in mg, a count of days,
 * weeks or times, a blood pressure — that the passage, which does give numbers, never gives ("螺内酯 25–100 mg/日"
 * cited to a passage of potassium and eGFR start gates; "连续测7天，每天2–3次" cited to a passage of home
 * thresholds). The patient's own values are taken out before (index.ts `patientValuesOut`).
 */
import { say, type Lang } from '../../i18n.ts';

type Kind = 'dose' | 'count' | 'pressure' | 'lab';
const KINDS: [Kind, RegExp][] = [
  ['dose', /\d(?:\.\d+)?\s*(?:mg|毫克|μg|µg|mcg)(?!\/d[lL]\b|[a-z])/gi],
  [
    'count',
    /\d\s*(?:[–—~-]\s*\d+\s*)?(?:天|日(?![剂量])|周|个?月|次|days?\b|weeks?\b|months?\b|times\b)|\b(?:one|two|three|four|five|six|seven)\s+(?:days?|weeks?|times)\b/gi,
  ],
  ['pressure', /\d{2,3}\s*\/\s*\d{2,3}|\d{2,3}\s*mmHg/gi],
  ['lab', /\d(?:\.\d+)?\s*(?:mmol|µmol|μmol|mg\/dL|mL\/min)/gi],
];

const kindsIn = (text: string) => new Set(KINDS.filter(([, re]) => text.match(re)).map(([k]) => k));

const NAME: Record<Kind, { zh: string; en: string }> = {
  dose: { zh: '剂量', en: 'doses' },
  count: { zh: '天数、次数或间隔', en: 'days, times or intervals' },
  pressure: { zh: '血压数值', en: 'blood-pressure values' },
  lab: { zh: '化验数值', en: 'laboratory values' },
};

export function foreignValues(stated: string, passage: string, lang: Lang): string | undefined {
  const mine = kindsIn(stated.normalize('NFKC'));
  const theirs = kindsIn(passage.normalize('NFKC'));
  if (!mine.size || !theirs.size || [...mine].some((k) => theirs.has(k))) return undefined;
  const k = [...mine][0] as Kind;
  return say(lang, `该资料未给出${NAME[k].zh}`, `the passage gives no ${NAME[k].en}`);
}
