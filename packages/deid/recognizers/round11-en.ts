/**
 * Round 11 (issue 18), recall first (with the safety net): English identifiers by structure.
 * 1. Names as the value of a person field (Employee:, Supervisor on duty:, Vaccinator:, Pt: SURNAME, Given,
 *    Completed by …), after a relation or a contact role (girlfriend Jess, co-worker Rudy Salas, specialist
 *    Jenna Tran), before an e-mail address (Henrik Dahl, h.dahl@…), introducing themselves (I'm Dana, the nurse),
 *    chat senders after a time (19:02 skyler_m:, 19:03 NP Alvarez:), residents listed by room (Room 9: Tom and
 *    Alice W…, Room 7: "Bunty"), initials (initials NK, Resident: ajm) and a name followed by an age over 89.
 * 2. Employers after a field label (Group:, Employer / sponsor:) or a verb of study or work (student at,
 *    formerly with), and by a company suffix (Harborview Logistics LLC, Kessler Steel Fabrication, Inc.).
 * 3. Addresses ending in a postcode or a ZIP: from the house, flat or room number up to the code, over commas
 *    (Flat 2, 17 Jesmond Vale Terrace, Newcastle upon Tyne NE2 1PL; 22 Heol y Nant, Clydach, Swansea SA6 5HB).
 * 4. Dates with a lower-case month (march 5th) and "Tuesday the 5th".
 * Pure.
 */
import type { PhiCategory, PhiSpan } from '../types.ts';
import { CLINICAL_WORD, NOT_NAMES } from './en-name-words.ts';
import { EN_FIRST_NAMES } from './given-names.ts';
import { execAll } from './collect.ts';

const WORD = "[A-Z][a-zà-öø-ÿ'’]{1,30}(?:-[A-Z][a-zà-öø-ÿ'’]{1,30})?";
/** A person's name: capitalised words with an optional middle initial. */
const PERSON = `${WORD}(?:[ \\t]+[A-Z]\\.)?(?:[ \\t]+${WORD}){0,2}`;
/** A person with an initial first (K. Osei, J.R. Tolkien) or a title (Mr. Desai: the title left out). */
const INITIAL_PERSON = "(?:[A-Z]\\.[ \\t]?){1,2}[A-Z][a-z'’-]{1,30}";
const UPPER_INVERTED = "[A-Z]{2,}(?:[-'’][A-Z]+)?,[ \\t]*[A-Z][a-z]+(?:-[A-Z][a-z]+)?";

const FIELD = new RegExp(
  `(?:^|\\n|[ \\t]{2,}|[.;,][ \\t]+)[ \\t]*(?:Employee|Supervisor(?: on duty)?|Vaccinator|Pt|Patient|Resident|Intern|Scribe|Carer|Caregiver|Witness|Interpreter|Claimant|Insured|Policyholder|Subscriber|Emergency contact|Next of kin|Personal contact|Contact person)[ \\t]*:[ \\t]*(${UPPER_INVERTED}|${PERSON}|[a-z]{2,3}(?=[ \\t]*(?:\\n|$))|[A-Z]{2,3}(?=[ \\t]*(?:\\n|$)))`,
  'dg',
);
const BY = new RegExp(
  `\\b(?:[Cc]ompleted|[Pp]repared|[Rr]eported|[Ww]itnessed|[Ff]iled|[Ss]ubmitted|[Rr]ecorded|[Ee]ntered|[Ii]nterviewed|[Cc]onsented|[Oo]btained|[Ss]creened|[Vv]erified|[Cc]alled|[Pp]aged|[Aa]ssessed|[Ee]xamined|[Cc]hecked|[Ss]wabbed|[Dd]rawn|[Rr]ead back|[Hh]anded over|[Ee]scalated|[Aa]dministered|[Gg]iven|[Uu]pdated|[Ii]nformed|[Nn]otified|[Dd]iscussed|[Ss]poke|[Mm]et|[Ss]poken)[ \\t]+(?:by|to|with)[ \\t]+(${INITIAL_PERSON}|${PERSON})`,
  'dg',
);
/** A clinician's role or grade straight before the name (lab tech Priya, RN Kowalski, charge nurse Ama Boateng). */
const ROLE_BEFORE = new RegExp(
  `\\b(?:RN|LPN|NP|PA|CNA|HCA|tech|technician|phlebotomist|registrar|SHO|FY1|FY2|charge nurse|midwife|scribe|dietitian|physio|OT|SLT|chaplain|social worker)[ \\t]+(${PERSON})`,
  'dg',
);
/** A person after a numbered subject, bed or room and a dash (Subject 014 – J. Whitfield –, Bed 6 - Mr. Desai). */
const NUMBERED = new RegExp(
  `(?:Subject|Participant|Patient|Pt|Bed|Bay|Room|Rm|Case)[ \\t]*#?[ \\t]*[A-Z]?\\d{1,4}[A-Z]?(?:[ \\t]*[-–—:][ \\t]*|[ \\t]+)(?:(?:Mr|Mrs|Ms|Miss|Dr)\\.?[ \\t]+)?(${INITIAL_PERSON}|${PERSON})`,
  'dg',
);
/** A person before a bracketed role (Jo (nurse in charge), Raj (pharmacy), Dot (daughter)). */
const BEFORE_ROLE_LEAD = `(${INITIAL_PERSON}|${PERSON})`;
const BEFORE_ROLE = new RegExp(
  `${BEFORE_ROLE_LEAD}[ \\t]*\\((?:the[ \\t]+|patient'?s[ \\t]+|pt'?s[ \\t]+|her[ \\t]+|his[ \\t]+|their[ \\t]+)?(?:nurse|RN|charge nurse|nurse in charge|NIC|HCA|carer|pharmacy|pharmacist|physio|OT|SLT|dietitian|registrar|SHO|F[Yy][12]|resident|intern|fellow|consultant|attending|on call|on-call|bed manager|site manager|porter|interpreter|social worker|son|daughter|wife|husband|partner|mother|father|sister|brother|niece|nephew|friend|neighbou?r|NOK|next of kin|POA)\\b`,
  'dg',
);
/** An initial and a family name inside a sentence (for T. Abernathy, bed 12; not an option 'A. Diltiazem'), not a species or a place (S. Aureus, St. Louis). */
const INITIAL_ANYWHERE = /(?<=[a-z][ \t]|[,;(][ \t]?)([A-Z]\.[ \t]?[A-Z][a-z'’-]{2,30})(?![ \t]*[a-z])/dg;
const NOT_FAMILY =
  /^(?:Aureus|Coli|Pylori|Pneumoniae|Epidermidis|Faecalis|Albicans|Louis|Paul|Lucia|Petersburg|Johns)$/;
/** SURNAME, Given anywhere when the given name is a known one (on HARGREAVES, Leonard (MRN …)). */
const INVERTED_ANYWHERE = /\b([A-Z]{3,}(?:[-'’][A-Z]+)?,[ \t]*([A-Z][a-z]+))\b/dg;
/** Relations and contact roles, lower-case or capitalised at a sentence's start (Carer Bukola gave …). */
const RELATION_WORDS = (
  'girlfriend boyfriend partner fiancé fiancée fiance fiancee co-worker coworker colleague friend roommate room-mate ' +
  'flatmate neighbour neighbor landlord landlady contact specialist supervisor manager foreman boss cousin niece ' +
  'nephew carer caregiver sponsor translator interpreter witness'
)
  .split(' ')
  .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
  .join('|');
const RELATION = new RegExp(`\\b(?:${RELATION_WORDS})[ \\t]+(${PERSON})`, 'dg');
const BEFORE_EMAIL = new RegExp(`(${PERSON})[ \\t]*[,(<][ \\t]*[\\w.+-]+@[\\w-]+`, 'dg');
/**
 * Speed (issue 18): rules that start with the name run only when what must follow it occurs in the text — an
 * address's @, the bracketed role (the rule's own tail, a necessary condition): same matches, fewer scans.
 */
const NAME_GATES = new Map<RegExp, RegExp>([
  [BEFORE_EMAIL, /@/],
  [BEFORE_ROLE, new RegExp(BEFORE_ROLE.source.slice(BEFORE_ROLE_LEAD.length))],
]);
const INTRODUCTION =
  /\b(?:I'm|I’m|I am|my name is|this is)[ \t]+([A-Z][a-z]+)(?=,|[ \t]+(?:the|your|from|a|an|with)\b)/dg;
const CHAT =
  /(?:^|\n)[ \t]*\d{1,2}:\d{2}(?::\d{2})?[ \t]+(?:(NP|RN|Dr\.?|MD|PA|Nurse|Pharmacist|Agent)[ \t]+)?([A-Za-z][\w.'’-]{1,30})[ \t]*:/dg;
const CHAT_ROLE =
  /^(?:Patient|Pt|Nurse|Doctor|Dr|Agent|System|Bot|Admin|Support|Caller|Clinician|Pharmacist|User|Note)$/i;
const ROOM =
  /(?:^|\n)[ \t]*(?:Room|Rm|Bed|Bay)[ \t]*\d{1,3}[A-Z]?[ \t]*:[ \t]*(?:["“]([^"”\n]{2,20})["”]|([A-Z][a-z]+)(?:[ \t]+and[ \t]+([A-Z][a-z]+))?)/dg;
const INITIALS =
  /\binitials[ \t:]+([A-Z]{2,3})\b|\b([A-Z]{2,3})[ \t]*\((?:pt[ \t]+|patient[ \t]+)?initials\)/dg;
const NAME_AGE = /\b([A-Z][a-z]+[ \t]+[A-Z][a-z'’-]+),[ \t]*(9\d|1[01]\d)(?=[.,;)]|\s)/dg;
/** Its age part alone (speed: a necessary condition checked first). */
const NAME_AGE_GATE = /,[ \t]*(?:9\d|1[01]\d)(?=[.,;)]|\s)/;

const notName = (value: string) =>
  value.split(/[ \t]+/).some((w) => NOT_NAMES.has(w.replace(/[.,]$/, '')) || CLINICAL_WORD.test(w));

function names(text: string, add: (s: number, e: number, c: PhiCategory) => void): void {
  for (const regex of [FIELD, BY, RELATION, BEFORE_EMAIL, INTRODUCTION, ROLE_BEFORE, NUMBERED, BEFORE_ROLE]) {
    if (NAME_GATES.get(regex)?.test(text) === false) continue;
    regex.lastIndex = 0;
    for (const m of execAll(regex, text)) {
      if (notName(m[1]!) && !/^[A-Z]{2,},/.test(m[1]!)) continue;
      // A field's one capitalised word before lower-case words is a name only when it is a given name
      // (Patient: Chest pain since …; Carer: Ruth came).
      const valueEnd = m.indices![1]![1];
      if (
        regex === FIELD &&
        /^[A-Z][a-z]+$/.test(m[1]!) &&
        /^[ \t]+[a-z]/.test(text.slice(valueEnd, valueEnd + 2)) &&
        !EN_FIRST_NAMES.has(m[1]!)
      )
        continue;
      const [start, end] = m.indices![1]!;
      // A capitalised word before a colon is the next label (RN   Oncoming: …).
      if (text[end] === ':') continue;
      add(start, end, 'PATIENT_NAME');
    }
  }
  INITIAL_ANYWHERE.lastIndex = 0;
  for (const m of execAll(INITIAL_ANYWHERE, text)) {
    const family = m[1]!.replace(/^[A-Z]\.[ \t]?/, '');
    if (NOT_FAMILY.test(family) || notName(family) || /^S[t]\./.test(m[1]!)) continue;
    const [start, end] = m.indices![1]!;
    add(start, end, 'PATIENT_NAME');
  }
  INVERTED_ANYWHERE.lastIndex = 0;
  for (const m of execAll(INVERTED_ANYWHERE, text)) {
    if (!EN_FIRST_NAMES.has(m[2]!)) continue;
    const [start, end] = m.indices![1]!;
    add(start, end, 'PATIENT_NAME');
  }
  CHAT.lastIndex = 0;
  for (const m of execAll(CHAT, text)) {
    if (CHAT_ROLE.test(m[2]!)) continue;
    const [start, end] = m.indices![2]!;
    add(start, end, m[1] ? 'CLINICIAN_NAME' : 'PATIENT_NAME');
  }
  for (const regex of [ROOM, INITIALS]) {
    regex.lastIndex = 0;
    for (const m of execAll(regex, text))
      for (let g = 1; g < m.length; g++) {
        const at = m.indices![g];
        if (at && !NOT_NAMES.has(m[g]!)) add(at[0], at[1], 'PATIENT_NAME');
      }
  }
  NAME_AGE.lastIndex = 0;
  for (const m of NAME_AGE_GATE.test(text) ? execAll(NAME_AGE, text) : []) {
    if (notName(m[1]!)) continue;
    const [start, end] = m.indices![1]!;
    add(start, end, 'PATIENT_NAME');
    const [as, ae] = m.indices![2]!;
    add(as, ae, 'AGE');
  }
}

// ---- 2. employers -------------------------------------------------------------------------------------

const ORG_WORD = "[A-ZÀ-ÖØ-Þ][\\w&'’.à-öø-ÿ-]{0,30}";
const ORG = `${ORG_WORD}(?:[ \\t]+(?:(?:of|and|&|the|for|de|du|des|sans|San|Sans)[ \\t]+)?${ORG_WORD}){0,6}(?:,?[ \\t]+(?:Inc\\.|LLC|Ltd\\.?|Corp\\.|Co\\.|PLC))?`;
const EMPLOYER_FIELD = new RegExp(
  `(?:(?<=^|\\n|[ \\t]{2})(?:Group|Company|School|Agency|Organi[sz]ation)|\\b(?:Employer|Sponsor|Workplace))(?:[ \\t]*/[ \\t]*[a-z]+)?[ \\t]*:[ \\t]*(${ORG})`,
  'dg',
);
const EMPLOYER_VERB = new RegExp(
  `\\b(?:student|studies|studying|enrolled|formerly|previously|retired|volunteers?|volunteering)[ \\t]+(?:with|at|for|from)[ \\t]+(?:the[ \\t]+)?(${ORG})`,
  'dg',
);
const EMPLOYER_OF = new RegExp(
  `\\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Ff]ormer)[ \\t]+employer(?:,|[ \\t]+is)[ \\t]+(?:the[ \\t]+)?(${ORG})`,
  'dg',
);
const COMPANY =
  /\b((?:[A-Z][\w&'’-]{0,30}[ \t]+){1,4}(?:LLC|L\.L\.C\.|Inc\.|Ltd\.?|Corp\.|GmbH|PLC|LLP)|(?:[A-Z][\w&'’-]{0,30}[ \t]+){1,4}[A-Z][\w&'’-]{0,30},[ \t]+Inc\.)/dg;
const COMPANY_SUFFIX = /LLC|L\.L\.C\.|Inc\.|Ltd|Corp\.|GmbH|PLC|LLP/;
const NOT_ORG = /^(?:The|A|An|This|Our|None|Self|Unemployed|Retired|N\/A|Hospital|Clinic)$/;

function employers(text: string, add: (s: number, e: number, c: PhiCategory) => void): void {
  for (const regex of [EMPLOYER_FIELD, EMPLOYER_VERB, EMPLOYER_OF, COMPANY]) {
    if (regex === COMPANY && !COMPANY_SUFFIX.test(text)) continue; // speed: no suffix, no company
    regex.lastIndex = 0;
    for (const m of execAll(regex, text)) {
      const raw = m[1]!.replace(/[ \t]+$/, '');
      const value = /\b(?:Inc|Co|Corp|Ltd)\.$/.test(raw) ? raw : raw.replace(/[.,]+$/, '');
      if (NOT_ORG.test(value) || /Hospital|Clinic|Medical Center|Health/.test(value)) continue;
      const [start] = m.indices![1]!;
      // A maker named in brackets after a product (SPSS Inc., Chicago) is no employer.
      if (regex === COMPANY && /[(（][ \t]*$/.test(text.slice(Math.max(0, start - 2), start))) continue;
      add(start, start + value.length, 'EMPLOYER');
    }
  }
}

// ---- 3. addresses ending in a postcode -----------------------------------------------------------------

const POSTCODE =
  /\b(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?|(?<=[A-Za-z],?[ \t]+)\d{6})\b/g;
const HOUSE_START =
  /(?:(?:Flat|Apt\.?|Apartment|Room|Unit|Suite)[ \t]+[\w-]+,[ \t]*)?(?:No\.[ \t]*)?[A-Z]?\d{1,5}[A-Z]?[ \t]+(?:No\.[ \t]*\d|[A-Za-z])[\w \t,.'’-]*$/;

function addresses(text: string, add: (s: number, e: number, c: PhiCategory) => void): void {
  POSTCODE.lastIndex = 0;
  for (const m of execAll(POSTCODE, text)) {
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    let from = Math.max(lineStart, m.index - 120);
    const before = text.slice(from, m.index);
    const cut = Math.max(before.lastIndexOf(':'), before.lastIndexOf('('), before.lastIndexOf(';'));
    if (cut >= 0) from += cut + 1;
    const window = text.slice(from, m.index);
    const house = HOUSE_START.exec(window);
    if (!house || !house[0].includes(',') || !/[A-Z][a-z]/.test(house[0])) continue;
    const start = from + house.index;
    // The postcode stays its own span (cut to its first digits); a US state before the ZIP is the address's.
    const state = /^[A-Z]{2}[ \t]+(?=\d)/.exec(m[0]);
    const end = state ? m.index + state[0].trimEnd().length : from + window.replace(/[ \t,]+$/, '').length;
    add(start, end, 'ADDRESS');
  }
}

// ---- 4. dates ------------------------------------------------------------------------------------------

const DATES =
  /\b(?:(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)|(?<=(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day[ \t]+the[ \t]+)\d{1,2}(?:st|nd|rd|th))\b/dg;

/** A month/day after a verb of an event (randomised 11/06, admitted 3/14, due 12/1). */
/** A month/day opening a line before a dash or a colon (11/03 – pt …). */
const LINE_MONTH_DAY = /(?:^|\n)[ \t]*((?:1[0-2]|0?[1-9])\/(?:3[01]|[12]\d|0?[1-9]))(?=[ \t]*[-–—:])/dg;
const VERB_MONTH_DAY =
  /\b(?:randomi[sz]ed|enrolled|consented|screened|admitted|discharged|seen|started|stopped|restarted|due|until|since|dated|scheduled|booked|rescheduled|called|delivered|transferred)[ \t]+((?:1[0-2]|0?[1-9])\/(?:3[01]|[12]\d|0?[1-9]))(?![\d/])/dg;

function dates(text: string, add: (s: number, e: number, c: PhiCategory) => void): void {
  DATES.lastIndex = 0;
  for (const m of execAll(DATES, text)) add(m.index, m.index + m[0].length, 'DATE');
  for (const regex of [VERB_MONTH_DAY, LINE_MONTH_DAY]) regex.lastIndex = 0;
  for (const m of [...execAll(VERB_MONTH_DAY, text), ...execAll(LINE_MONTH_DAY, text)]) {
    const [start, end] = m.indices![1]!;
    add(start, end, 'DATE');
  }
}

// ---- 5. codes after a label -----------------------------------------------------------------------------

/** A code after an identifier label (Group #: 88312, pt ID 04-117, Claim #: CLM-2026-0047731); a digit in it. */
const LABELLED_CODE =
  /\b(?:Group|Policy|Member|Claim|Subscriber|Account|Acct|Case|Ref|Reference|Pt|Patient|Study|Subject|Participant|Screening|Randomi[sz]ation|Enrol(?:l)?ment|Visit|Authori[sz]ation|Auth|Prior auth|Confirmation|Ticket|Order)[ \t]*(?:#|No\.?|number|ID|Id)[ \t]*[:#]?[ \t]*([A-Z]{0,5}-?\d[\dA-Z]{1,18}(?:-[\dA-Z]{1,10}){0,3})\b/dgi;
const LABEL_CATEGORY: [RegExp, PhiCategory][] = [
  [/^(?:Group|Policy|Member|Subscriber)/i, 'INSURANCE_NO'],
  [/^(?:Claim|Account|Acct)/i, 'ACCOUNT_NO'],
];

function codes(text: string, add: (s: number, e: number, c: PhiCategory) => void): void {
  LABELLED_CODE.lastIndex = 0;
  for (const m of execAll(LABELLED_CODE, text)) {
    const [start, end] = m.indices![1]!;
    const category = LABEL_CATEGORY.find(([label]) => label.test(m[0]))?.[1] ?? 'IDENTIFIER';
    add(start, end, category);
  }
}

/** Adds round 11's English identifiers to `out`. */
export function findRound11English(text: string, out: PhiSpan[]): void {
  const add = (start: number, end: number, category: PhiCategory) =>
    out.push({ category, start, end, text: text.slice(start, end) });
  names(text, add);
  employers(text, add);
  addresses(text, add);
  dates(text, add);
  if (/\d/.test(text)) codes(text, add);
}
