/**
 * Round 8 (issue 18), English, recall first (with the safety net): names the context rules of en-names.ts and
 * the net's strong cues leave.
 * 1. one to three capitalised words before a clinician's credential ("Anneliese Vogt, GP", "Ravi Osei NP",
 *    "M. Kowalczyk PharmD") → CLINICIAN_NAME;
 * 2. two or three capitalised words (the first may be an initial: "J. Ortiz") after a verb of contact or
 *    referral (referred by, agreed with, spoke to, phoned, called, texted, per, via, c/o; round 9: dictated,
 *    transcribed, countersigned, witnessed, interpreted by) → PATIENT_NAME.
 * Round 9: a name before a bracketed relation, after a sign-off, an inverted upper-case name after a label, a
 * surname after "Pt"; contact verbs also "message/letter/call from".
 * Words that are never names or clinical words (en-name-words.ts) stop a candidate. Pure.
 */
import type { PhiSpan } from '../types.ts';
import { CLINICAL_WORD, NOT_NAMES } from './en-name-words.ts';
import { execAll } from './collect.ts';

const CREDENTIAL =
  /\b((?:[A-Z]\.[ \t]?)?[A-Z][a-zß-öø-ÿā-ž'’-]+(?:[ \t]+(?:[A-Z]\.[ \t]?)?[A-Z][a-zß-öø-ÿā-ž'’-]+){0,2}),?[ \t]+(?:MD|DO|RN|NP|PA-C|PA|GP|FNP|APRN|PharmD|DPM|MBBS|MBChB|FRCP|MRCP|LPN|CNA|RD|RDN|DPT|OTR|MSW|LCSW|CNS|CRNA|DNP|PhD)\b/dg;
const CONTACT =
  /\b(?:referred[ \t]+by|agreed[ \t]+with|spoke[ \t]+(?:to|with)|speaking[ \t]+(?:to|with)|discussed[ \t]+with|phoned|called|texted|emailed|messaged|per|via|c\/o|care[ \t]+of|accompanied[ \t]+by|brought[ \t]+in[ \t]+by|dictated[ \t]+by|transcribed[ \t]+by|scribed[ \t]+by|co-?signed[ \t]+by|countersigned[ \t]+by|witnessed[ \t]+by|translated[ \t]+by|interpreted[ \t]+by|(?:[Mm]essage|[Ll]etter|[Nn]ote|[Cc]all|[Ee]mail|[Tt]ext|[Vv]oicemail)[ \t]+from)[ \t]+((?:[A-Z][a-zß-öø-ÿā-ž'’-]+|[A-Z]\.)(?:[ \t]+[A-Z][a-zß-öø-ÿā-ž'’-]+){1,2})\b/dg;

/** Round 9: a name before a bracketed relation ("Bartholomew (patient's son) phoned"). */
const BEFORE_RELATION =
  /\b([A-Z][a-zß-öø-ÿā-ž'’-]+(?:[ \t]+[A-Z][a-zß-öø-ÿā-ž'’-]+)?)[ \t]*\((?:the[ \t]+)?(?:patient['’]s|pt['’]s|her|his|their)[ \t]+(?:son|daughter|wife|husband|partner|mother|father|brother|sister|carer|caregiver|niece|nephew|friend|neighbou?r|grandson|granddaughter|son-in-law|daughter-in-law)\)/dg;
/** Round 9: a first name or full name alone on the line after a sign-off ("Thanks,\nDeirdre"). */
const SIGN_OFF =
  /(?:^|\n|[.!?][ \t]+)[ \t]*(?:[Tt]hanks|[Tt]hank you|[Mm]any thanks|[Rr]egards|[Kk]ind regards|[Bb]est regards|[Bb]est wishes|Best|[Cc]heers|[Ss]incerely|Yours sincerely|[Ww]arm regards|Warmly|Love),?[ \t]*(?:\n[ \t]*)?([A-Z][a-zß-öø-ÿā-ž'’-]+(?:[ \t]+[A-Z][a-zß-öø-ÿā-ž'’-]+)?)[ \t]*(?=\n|$)/dg;
/** Round 9: an upper-case surname, a comma and a given name after a label ("RE: MCALLISTER, Fergus"), and a surname after "Pt". */
const LABELLED_INVERTED =
  /(?:\b(?:RE|Re|Patient|Pt|Name|Client|Resident):?|[—–|][ \t]*)[ \t]+([A-Z][A-Z'’-]+,[ \t]*[A-Z][a-zß-öø-ÿā-ž'’-]+(?:[ \t]+[A-Z]\.(?![A-Za-z]))?)/dg;
const PT_CUE =
  /\bPt\.?[ \t]+([A-Z][a-zß-öø-ÿā-ž'’-]{2,}(?:[ \t]+[A-Z][a-zß-öø-ÿā-ž'’-]+){0,2})(?=[ \t]+(?:seen|reports?|states?|was|is|has|had|denies|complains|c\/o|attended|presents?|arrived|called|phoned|agreed|declined|refused|feels?|says?|and)\b)/dg;

/**
 * Round 10: two or three capitalised words after a role or account noun ("Transplant coordinator Lucy
 * Fairbanks", "portal user Nguyen Thi Lan", "interpreter Hodan Abdi").
 */
const ROLE_BEFORE =
  /\b(?:[Cc]oordinator|[Nn]avigator|[Cc]ase[ \t]+manager|[Ss]ocial[ \t]+worker|[Ii]nterpreter|[Tt]ranslator|[Cc]aregiver|[Cc]arer|[Cc]haplain|[Dd]ietitian|[Cc]ounsell?or|[Aa]dvocate|[Ll]iaison|[Aa]ide|[Mm]idwife|[Tt]herapist|[Pp]hysiotherapist|[Pp]harmacist|[Ee]ducator|[Ss]ecretary|[Aa]ssistant|[Uu]ser|[Aa]ccount[ \t]+holder|[Gg]uarantor|[Ss]ubscriber|[Pp]olicyholder|[Gg]uardian)[ \t]+((?:[A-Z][a-zß-öø-ÿā-ž'’-]+)(?:[ \t]+[A-Z][a-zß-öø-ÿā-ž'’-]+){1,2})\b/dg;
/** Round 10: a name with a quoted nickname ("Roderick \"Rod\" McAllister"); the nickname is found alone too. */
const NICKNAME =
  /\b([A-Z][a-zß-öø-ÿā-ž'’-]+[ \t]+["“‘'][A-Z][a-z]+["”’'][ \t]+[A-Z][a-zß-öø-ÿā-ž'’-]+(?:[A-Z][a-zß-öø-ÿā-ž'’-]+)?)/dg;

/** Role words before a credential ("Triage RN", "Charge Nurse RN"). */
const ROLE_WORDS = new Set(
  'Triage Charge Staff Floor Night Day Float Agency Attending Resident Consultant Registered Certified Senior Junior Head Lead Ward Clinic Covering On-call Locum Bank Student'.split(
    ' ',
  ),
);
const isPersonWord = (word: string) => {
  const w = word.replace(/\.$/, '');
  return !NOT_NAMES.has(w) && !ROLE_WORDS.has(w) && !CLINICAL_WORD.test(w);
};
/** A credential that is also a US state (MD, PA, DE): "Baltimore, MD" is a place — one word and a comma. */
const STATE_LIKE = /,[ \t]+(?:MD|PA|DO)$/;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Adds English names found by credentials and contact verbs to `out`. */
export function findRecallEnglishNames(text: string, out: PhiSpan[]): void {
  const found = out.slice();
  const add = (category: PhiSpan['category'], start: number, end: number) => {
    const candidate = { start, end };
    if (found.some((span) => span.start <= start && span.end >= end)) return;
    if (found.some((span) => span.category === 'DATE' && overlaps(span, candidate))) return;
    out.push({ category, start, end, text: text.slice(start, end) });
  };
  for (const [regex, category] of [
    [CREDENTIAL, 'CLINICIAN_NAME'],
    [CONTACT, 'PATIENT_NAME'],
    [BEFORE_RELATION, 'RELATIVE_NAME'],
    [SIGN_OFF, 'PATIENT_NAME'],
    [LABELLED_INVERTED, 'PATIENT_NAME'],
    [PT_CUE, 'PATIENT_NAME'],
    [ROLE_BEFORE, 'PATIENT_NAME'],
    [NICKNAME, 'PATIENT_NAME'],
  ] as const) {
    if (regex === NICKNAME && !/["“‘'][A-Z][a-z]+["”’']/.test(text)) continue; // cheap gate (speed)
    regex.lastIndex = 0;
    for (const m of execAll(regex, text)) {
      const words = m[1]!.split(/[ \t]+/);
      if (regex === CREDENTIAL && words.length === 1 && STATE_LIKE.test(m[0])) continue;
      // Drop leading words that are no name ("Thanks Lucinda Fairweather RN" keeps the name).
      let skip = 0;
      while (skip < words.length && !isPersonWord(words[skip]!)) skip++;
      if (skip === words.length || !words.slice(skip).every(isPersonWord)) continue;
      const [start0, end] = m.indices![1]!;
      const at = [...m[1]!.matchAll(/\S+/g)][skip]!.index;
      add(category, start0 + at, end);
      if (regex === NICKNAME) {
        const quoted = /["“‘']([A-Z][a-z]+)["”’']/d.exec(m[1]!)!;
        add(category, start0 + quoted.indices![1]![0], start0 + quoted.indices![1]![1]);
      }
    }
  }
}
