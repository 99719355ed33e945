/**
 * Round 13 (issue 18), recall first (with the safety net): the English classes of tuning-6's study
 * (docs/notes/deid-tuning6-study-2026-12-08.md).
 * 1. A person after a role or an action noun, a colon allowed, initials allowed ("privacy officer Nadine
 *    Ferreira", "Supervisor review: D. Lachance", "run by A. Qureshi", "(CRNA Holly)", "true name …").
 * 2. A name before a credential the older list lacks, after a comma ("Guy Hunter, PT.", "…, CCRC").
 * 3. Two capitalised words after "Dr." even when they are ordinary words ("Dr. May Black").
 * 4. A nickname in brackets right after a found name ("Brooks (\"DB\")", "Liu Chih-Wei (Wilson)").
 * 5. Hong Kong (Cantonese) names by their surname and syllables ("CHAN Tai Man", "Chan Mei Yee, Mandy",
 *    "Yeung Wing-sze", "Ho K.Y.").
 * 6. Month/day dates without a year where a date is meant: after a word of an event or a preposition of time,
 *    in a list of two or more, in Chinese brackets; never a proper fraction (1/2, 3/4) or a score (5/10 pain).
 * 7. Shapes: Canadian postal codes and street addresses, Taiwan districts, HK-style numbers with a check digit,
 *    labelled account numbers, ages in "Sex/Age: M/93" and after a birth date ("1/15/1935 (91)").
 * Pure.
 */
import type { PhiCategory, PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';
import { CLINICAL_WORD, NOT_NAMES } from './en-name-words.ts';

const W = "[A-Z][a-zß-öø-ÿā-ž'’]+(?:-[A-Za-z][a-zß-öø-ÿā-ž'’]+)?";
const PERSON = `(?:[A-Z]\\.[ \\t]?)?${W}(?:[ \\t]+(?:[A-Z]\\.[ \\t]?)?${W}){0,2}`;

const ROLE = new RegExp(
  `\\b(?:(?:charge[ \\t]+|staff[ \\t]+|night[ \\t]+|triage[ \\t]+)?nurse,?|midwife,?|paramedic,?|[Pp]rivacy[ \\t]+officer|[Cc]ompliance[ \\t]+officer|[Cc]oordinator|[Ss]upervisor(?:[ \\t]+review)?|[Rr]eviewer|[Hh]elper|[Cc]aregiver|[Ii]nterpreter|CRNA|[Tt]rue[ \\t]+name|[Rr]eal[ \\t]+name|[Ll]egal[ \\t]+name|[Rr]un[ \\t]+by|[Rr]eviewed[ \\t]+by|[Aa]pproved[ \\t]+by|[Vv]erified[ \\t]+by|[Cc]hecked[ \\t]+by|[Ee]ntered[ \\t]+by|[Pp]erformed[ \\t]+by|[Dd]rawn[ \\t]+by|[Cc]ollected[ \\t]+by|[Pp]harmacist[ \\t]+check)[ \\t]*:?[ \\t]+(${PERSON})`,
  'dg',
);
const CREDENTIAL = new RegExp(
  `\\b(${W}(?:[ \\t]+(?:[A-Z]\\.[ \\t]?)?${W}){0,2}),[ \\t]+(?:PT|OT|OTR\\/L|SLP|CCC-SLP|RRT|CPhT|MLS|EMT|CMA|CCRC|CCRP|RPh|LMT|LCSW|CNM)(?=[ \\t]*[.,;:)(\\n]|$)`,
  'dg',
);
const DOCTOR_WORDS = /\bDr\.?[ \t]+([A-Z][a-z]+[ \t]+[A-Z][a-zß-öø-ÿ'’-]+)(?=[ \t]*(?:[—–,;.(]|$))/dg;
const ROLE_WORD =
  /^(?:Practitioner|Practice|Manager|Educator|Specialist|Station|Team|Bank|Agency|Consultant|Attending|Resident|Registrar|Fellow|Intern|Nurse|Surgeon|Physician|Pharmacist|Therapist|Specialist|Locum|Retired|Deceased|Interpreter|Daughter|Son|Wife|Husband|Mother|Father|Sister|Brother|Friend|Neighbour|Neighbor|Guardian|Carer|Caregiver|Patient|Pending|Declined|Unknown|Alias)$/;
/** Languages and nationalities stand in brackets after a name too ("Ms. Nguyen (Vietnamese)"). */
const LANGUAGE =
  /^(?:Vietnamese|Chinese|Cantonese|Mandarin|Hakka|Spanish|Arabic|Portuguese|Russian|Korean|Japanese|Indonesian|Filipino|Tagalog|Hindi|Urdu|Punjabi|Bengali|Somali|Haitian|French|German|Italian|Polish|Farsi|Persian|Dari|Pashto|Turkish|English|Thai|Malay|Nepali|Swahili|Amharic|Tigrinya|Burmese|Karen|Khmer|Lao|Hmong|Ukrainian|Romanian|Greek|Hebrew|Yoruba|Igbo|Hausa|Twi|Creole|Deaf|Interpreter)$/;
const NICK_AFTER = /^[ \t]*\([ \t]*(?:["“]([A-Z][A-Za-z]{1,15})["”]|([A-Z][a-z]{2,15}))[ \t]*\)/;

const CANTO =
  'Chan|Cheung|Wong|Lee|Lam|Leung|Ho|Ng|Yeung|Lau|Tsang|Chow|Chu|Fung|Kwok|Yip|Tang|Tse|Mak|Choi|Law|Tam|Siu|Hui|Kwan|Cheng|Poon|Lai|Chiu|Yuen|Lui|Fong|Hung|Leong|Chong|Tsui|Mok|Pang|Shek';
const SYL =
  'Tai|Man|Mei|Yee|Ka|Chun|Siu|Ling|Wing|Sze|Chi|Wai|Kin|Ming|Yan|Hoi|Lok|Fai|Kwok|Hung|Sau|Kit|Fung|Wah|Kam|Yuk|Lai|Shing|Tak|Yiu|Pui|Shan|Kei|Hin|Ching|Yin|Wun|Nga|Oi|Kwan|Hei|Long|Tsz|Chung|Keung|Ying|Lun|Tung|Fan|Sum|Hang|Him|Po|Hiu|Tin|Cheuk|Kai|Yuet|Suk|Kwai|Bo|Chak|Pak|Sin|Yat|Shun|Yung|Kuen|Yau|Lap|Wan|Cho|Ngai|Tsun|Hon|Kwong|Chuen|Sing|Fat|Choi';
const HK_NAME = new RegExp(
  `\\b(?:${CANTO}|${CANTO.toUpperCase()})[ \\t]+(?:(?:${SYL})[ \\t]+(?:${SYL})(?:,[ \\t]+[A-Z][a-z]{2,})?|(?:${SYL})-[a-z]{2,5}|[A-Z]\\.[ \\t]?[A-Z]\\.)(?![A-Za-z])`,
  'g',
);

const M = '(?:1[0-2]|0?[1-9])';
const D = '(?:3[01]|[12]\\d|0?[1-9])';
const MD = new RegExp(
  `(?<![\\w/.\\-:])(${M})\\/(${D})(?![\\w/%]|\\.\\d|[ \\t]*(?:pain|strength|power|scale|score)\\b)`,
  'dg',
);
const DATE_LEAD =
  /(?:\b(?:on|from|since|until|till|through|thru|by|sent|removed|placed|inserted|started|stopped|held|resumed|dated|registration|drawn|collected|admitted|discharged|seen|last|next|before|after|the|due|scheduled|booked|received|reported|done|performed|repeated)|\b(?!(?:scored|rated|graded|measured|estimated|ranked|matched|improved|reduced|increased|decreased)\b)[a-z]{3,}ed|[（，])[ \t]*$/;
/** A count, not a date: 9/19 patients, 8/19 had. */
const COUNT_AFTER =
  /^[ \t]+(?:patients|cases|subjects|participants|had|have|were|was|of|in|with|showed|developed|children|women|men|eyes|samples|specimens|respondents)\b/;

const OLD = '(?:9\\d|1[01]\\d)';
const SHAPES: [RegExp, PhiCategory][] = [
  [/\b([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ ]?\d[ABCEGHJ-NPRSTV-Z]\d)\b/dg, 'ZIP'],
  [
    /\b(\d{1,5}[ \t]+(?:(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))[ \t]+){1,3}(?:Ave|Avenue|St|Street|Rd|Road|Dr|Drive|Blvd|Way|Cres|Crescent|Pl|Place|Court|Ct|Lane|Ln)\.?,[ \t]*[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?,[ \t]*(?:BC|AB|SK|MB|ON|QC|NB|NS|PE|NL|YT|NT|NU))\b/dg,
    'ADDRESS',
  ],
  [/\b([A-Z][a-z]+[ \t]+District,[ \t]+(?:New[ \t]+)?[A-Z][a-z]+[ \t]+City)\b/dg, 'ADDRESS'],
  [/\b([A-Z]{1,3}\d{6,10}\(\d\))/dg, 'MRN'],
  [/\b(?:Acct|Account|Acc)\.?(?:[ \t]*(?:#|No\.?))?:?[ \t]+([A-Z]{2,4}[ \t]\d{6,12})\b/dg, 'ACCOUNT_NO'],
  [new RegExp(`\\b(?:Sex\\/Age|Age\\/Sex)[ \\t]*:?[ \\t]*(?:[MF]\\/)?(${OLD})\\b`, 'dg'), 'AGE'],
  [new RegExp(`\\b\\d{1,2}\\/\\d{1,2}\\/\\d{4}[ \\t]*\\((${OLD})\\)`, 'dg'), 'AGE'],
];

const NAME_CATEGORIES = new Set<PhiCategory>(['PATIENT_NAME', 'RELATIVE_NAME', 'CLINICIAN_NAME']);
const personWords = (value: string) =>
  value
    .split(/[ \t]+/)
    .map((w) => w.replace(/\.$/, ''))
    .every((w) => /^[A-Z]$/.test(w) || (!NOT_NAMES.has(w) && !CLINICAL_WORD.test(w) && !ROLE_WORD.test(w)));

/** Adds round 13's English identifiers to `out`. */
export function findRound13English(text: string, out: PhiSpan[]): void {
  const add = (start: number, end: number, category: PhiCategory) =>
    out.push({ category, start, end, text: text.slice(start, end) });
  for (const [regex, category] of SHAPES)
    for (const m of execAll(regex, text)) add(...m.indices![1]!, category);
  if (text.includes('/')) {
    let lastDate = -1;
    for (const m of execAll(MD, text)) {
      const month = Number(m[1]);
      const day = Number(m[2]);
      if (month < day && day <= 4) continue; // 1/2, 2/3, 3/4: fractions
      const [s, e] = m.indices![0]!;
      const lead = DATE_LEAD.test(text.slice(Math.max(0, s - 16), s));
      // a list of month/days (11/16, 11/17), or one joined to a date just found (drawn 3/14 and 3/15)
      const listed =
        /^,[ \t]*\d{1,2}\/\d{1,2}(?![\d/])/.test(text.slice(e, e + 8)) ||
        /\d{1,2}\/\d{1,2},[ \t]*$/.test(text.slice(Math.max(0, s - 8), s)) ||
        (lastDate >= 0 && /^(?:,|[ \t]+(?:and|or|to|&))[ \t]*$/.test(text.slice(lastDate, s)));
      if ((lead || listed) && !COUNT_AFTER.test(text.slice(e, e + 16))) {
        add(s, e, 'DATE');
        lastDate = e;
      }
    }
  }
  if (!/[A-Z][a-z]|[A-Z]{2}/.test(text)) return;
  for (const m of execAll(ROLE, text)) {
    // a capitalised role word without a colon is a heading (The Coordinator Meeting), not a role before a name
    const role = m[0].slice(0, m.indices![1]![0] - m.index).trim();
    if (/^[A-Z][a-z]+$/.test(role)) continue;
    if (personWords(m[1]!)) add(...m.indices![1]!, 'CLINICIAN_NAME');
  }
  for (const m of execAll(CREDENTIAL, text)) if (personWords(m[1]!)) add(...m.indices![1]!, 'CLINICIAN_NAME');
  for (const m of execAll(DOCTOR_WORDS, text)) {
    const second = m[1]!.split(/[ \t]+/)[1]!;
    if (!CLINICAL_WORD.test(second)) add(...m.indices![1]!, 'CLINICIAN_NAME');
  }
  for (const m of execAll(HK_NAME, text)) add(m.index, m.index + m[0].length, 'PATIENT_NAME');
  // 4. a nickname in brackets after a found name
  if (text.includes('('))
    for (const span of [...out]) {
      if (!NAME_CATEGORIES.has(span.category) || !/[A-Za-z]$/.test(span.text)) continue;
      const nick = NICK_AFTER.exec(text.slice(span.end, span.end + 24));
      if (!nick) continue;
      const value = nick[1] ?? nick[2]!;
      if (
        !nick[1] &&
        (NOT_NAMES.has(value) || CLINICAL_WORD.test(value) || ROLE_WORD.test(value) || LANGUAGE.test(value))
      )
        continue;
      const at = span.end + nick[0].indexOf(value);
      add(at, at + value.length, span.category);
    }
}
