/**
 * English personal names by context (as Philter and Presidio's context words do): titles (Mr., Mrs., Dr.),
 * labels (Patient:, Name:, Re:), relatives (wife, son, next of kin …), self-introductions ("this is …"),
 * signatures ("Regards, …", "…, MD") and a name followed by an age or a record number. Words are
 * capitalised; name parts are separated by spaces or tabs, never by a line break.
 */
import type { PhiCategory, PhiSpan } from '../types.ts';
import { CLINICAL_WORD, NOT_NAMES } from './en-name-words.ts';
import { EN_FIRST_NAMES } from './given-names.ts';
import { execAll } from './collect.ts';

// Lower-case letters include accented ones (Tomás, Zoë); a second capital inside (McBride, DeLuca); a hyphen
// may join a lower-case part (Ji-ho).
const LO = 'a-zß-öø-ÿ';
const PART = `[A-Z][${LO}]+(?:[A-Z][${LO}]+)?(?:['’][A-Z]?[${LO}]+)?(?:-[A-Za-z][${LO}]+)?|[A-Z]['’][A-Z][${LO}]+(?:-[A-Za-z][${LO}]+)?`;
const INITIAL = '[A-Z]\\.';
/** One to three name words, an optional middle initial. */
/** A generational suffix kept in the name ("Ezekiel Boateng Jr."). */
const SUFFIX = `(?:,?[ \\t]+(?:Jr|Sr)\\.?(?![A-Za-z])|[ \\t]+(?:II|III|IV)\\b)?`;
const FULL = `((?:${PART})(?:[ \\t]+(?:${INITIAL}|(?!(?:Jr|Sr)\\b)(?:${PART}))){0,3}${SUFFIX})`;
/** Two or more words (for weaker contexts). */
const FULL2 = `((?:${PART})(?:[ \\t]+(?:${INITIAL}|(?!(?:Jr|Sr)\\b)(?:${PART}))){1,3}${SUFFIX})`;
/** A signature's name: a full name or an initial and a family name ("Anthony Russo, MD", "J. Ortiz RN"). */
const SIGNED = `(${FULL2.slice(1, -1)}|[A-Z]\\.[ \\t]?(?:${PART}))`;
const either = (word: string) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;

const rules: {
  regex: RegExp;
  category: PhiCategory;
  weak?: boolean;
  firstNameAlone?: boolean;
  keep?: boolean;
}[] = [
  {
    regex: new RegExp(`\\b(?:Dr|Doctor|Prof)\\.?[ \\t]+(?:med\\.[ \\t]+)?${FULL}`, 'dg'),
    category: 'CLINICIAN_NAME',
  },
  // "Her grandson (Dashiell)": a relative's name in brackets after the relation.
  {
    regex: new RegExp(
      `\\b(?:${['son', 'daughter', 'wife', 'husband', 'mother', 'father', 'sister', 'brother', 'grandson', 'granddaughter', 'niece', 'nephew', 'partner', 'spouse', 'caregiver', 'friend', 'neighbou?r', 'aide'].map(either).join('|')})[ \\t]*\\(((?:${PART})(?:[ \\t]+(?:${PART}))?)\\)`,
      'dg',
    ),
    category: 'RELATIVE_NAME',
  },
  { regex: new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Mx)\\.?[ \\t]+${FULL}`, 'dg'), category: 'PATIENT_NAME' },
  {
    regex: new RegExp(
      `\\b(?:[Pp]atient(?:'s)?(?:[ \\t]+[Nn]ame)?|PATIENT(?:[ \\t]+NAME)?|[Nn]ame|NAME|Pt|Patient name|From|Sender|Insured(?:'s)?(?:[ \\t]+[Nn]ame)?|Member(?:[ \\t]+[Nn]ame)?|Beneficiary|Agent|Witness|Guardian|Representative|Requester|Requestor|Caregiver|Next of kin|Emergency contact)[ \\t]*:[ \\t]*${FULL}`,
      'dg',
    ),
    category: 'PATIENT_NAME',
  },
  // Round 6: "Subject: Remote transmission alert", "RE: Prior authorization" are phrases (a lower-case word
  // follows), "RE: Mary Jones" is a name.
  {
    regex: new RegExp(`\\b(?:Re|RE|Subject)[ \\t]*:[ \\t]*${FULL}(?![A-Za-z'’-]|[ \\t]+[a-z])`, 'dg'),
    category: 'PATIENT_NAME',
  },
  // Round 6: "(also known as May Zhou)", "> On Oct 14, 2025, Jonah Whitfield wrote:" (May is kept: keep).
  {
    regex: new RegExp(
      `\\b(?:also known as|a\\.k\\.a\\.?|aka|goes by|prefers to be called)[ \\t]+${FULL}`,
      'dg',
    ),
    category: 'PATIENT_NAME',
    keep: true,
  },
  { regex: new RegExp(`${FULL2}(?=[ \\t]*(?:<[^>\\n]*>)?[ \\t]*wrote:)`, 'dg'), category: 'CLINICIAN_NAME' },
  {
    regex: new RegExp(`\\b(?:[Pp]atient|[Nn]amed|[Cc]alled)[ \\t]+(?:is[ \\t]+)?${FULL2}`, 'dg'),
    category: 'PATIENT_NAME',
    // "Called Pharmacy Services" (phoned) is not a name: checked against clinical words.
    weak: true,
  },
  {
    regex: new RegExp(`\\b(?:[Tt]his is|[Ii]t'?s|I am|I'm|[Mm]y name is)[ \\t]+${FULL2}`, 'dg'),
    category: 'PATIENT_NAME',
  },
  {
    regex: new RegExp(
      `\\b(?:${[
        'son',
        'daughter',
        'wife',
        'husband',
        'mother',
        'father',
        'spouse',
        'partner',
        'brother',
        'sister',
        'grandson',
        'granddaughter',
        'niece',
        'nephew',
        'next of kin',
        'emergency contact',
        'guardian',
        'caregiver',
        'friend',
        'fiancée?',
        'neighbou?r',
        'roommate',
        'landlord',
        'uncle',
        'aunt',
        'auntie',
        'cousin',
        'grandma',
        'grandpa',
        'grandmother',
        'grandfather',
        'stepdaughter',
        'stepson',
        'son-in-law',
        'daughter-in-law',
        'sister-in-law',
        'brother-in-law',
      ]
        .map(either)
        .join('|')})(?:[ \\t]*\\([^)\\n]*\\))?[:,]?[ \\t]+${FULL}`,
      'dg',
    ),
    category: 'RELATIVE_NAME',
  },
  {
    regex: new RegExp(
      `\\b(?:${[
        'attending',
        'resident',
        'nurse',
        'charge nurse',
        'ward pharmacist',
        'pharmacist',
        'consultant',
        'social worker',
        'case manager',
        'physician',
        'ordering physician',
        'surgeon',
        'referring(?: physician)?',
        'prescriber',
        'medical assistant',
        'office staff',
        'office manager',
        'office contact',
        'billing office contact',
        'front desk',
        'scheduler',
        'technician',
        'interpreter',
        'translator',
        'chaperone',
        'witness',
        'signed',
        'electronically signed by',
        'dictated by',
        'seen by',
        'handed over by',
        'provider',
      ]
        .map(either)
        .join('|')}|RN|LPN|CNA|NP|PA|MA|GP|PharmD)[ \\t]*:?[ \\t]+(?!Dr\\b)${FULL2}`,
      'dg',
    ),
    category: 'CLINICIAN_NAME',
  },
  // Staff written with an initial: "RN J. Ortiz", "Nurse K. Okoro".
  {
    regex: new RegExp(
      `\\b(?:RN|LPN|CNA|NP|PA|MA|PharmD|[Nn]urse|[Pp]harmacist|[Tt]echnician|[Ss]igned|[Ss]een by|[Cc]hecked by)[ \\t]*:?[ \\t]+([A-Z]\\.[ \\t]?(?:${PART}))`,
      'dg',
    ),
    category: 'CLINICIAN_NAME',
  },
  // A name followed by its role: "Nina Brooks (HF nurse)", "Omar Haddad (pharmacist)".
  {
    regex: new RegExp(
      `${FULL2}[ \\t]*\\((?:[A-Z]{2,4}[ \\t]+)?(?:nurse|pharmacist|dietitian|dietician|physician|cardiologist|nephrologist|social worker|case manager|therapist|physiotherapist|coordinator|resident|fellow|attending|registrar|consultant|NP|RN|PA|MD|DO)\\)`,
      'dg',
    ),
    category: 'CLINICIAN_NAME',
  },
  // A role followed by a name in brackets: "front desk (Tanya)", "reception (Molly)".
  {
    regex: new RegExp(
      `\\b(?:${['front desk', 'reception', 'receptionist', 'scheduler', 'nurse', 'pharmacist', 'office staff', 'medical assistant', 'triage'].map(either).join('|')}|FRONT DESK|RECEPTION|NURSE)[ \\t]*\\(((?:${PART})(?:[ \\t]+(?:${PART}))?)\\)`,
      // case-sensitive: a name is capitalised, an abbreviation in brackets ("nurse (NBP)") is not a name
      'dg',
    ),
    category: 'CLINICIAN_NAME',
  },
  // Greetings in messages: "Hi Karen,", "Dear Linda".
  {
    regex: new RegExp(`\\b(?:Hi|Hello|Hey|Dear)[ \\t]+((?:${PART}))(?=[ \\t]*[,!:\\n])`, 'dg'),
    category: 'PATIENT_NAME',
    weak: true,
  },
  // Round 5: a person contacted ("Spoke with Rosalind Achterberg", "Left a message for …"), checked against
  // clinical words ("Called Pharmacy Services" stays).
  {
    regex: new RegExp(
      `\\b(?:[Ss]poke|[Tt]alked|[Mm]et)[ \\t]+(?:with|to)[ \\t]+${FULL2}|\\b(?:[Cc]alled|[Pp]honed|[Tt]exted|[Ee]mailed|[Cc]ontacted|[Pp]aged)[ \\t]+${FULL2}|\\b(?:[Ll]eft|[Ll]eaving)[ \\t]+(?:a[ \\t]+)?(?:message|voicemail|VM|note)[ \\t]+(?:for|with)[ \\t]+${FULL2}`,
      'dg',
    ),
    category: 'PATIENT_NAME',
    weak: true,
  },
  // "ask for Philippa", "Nurse Abernethy": one word is enough after these, checked against clinical words.
  {
    regex: new RegExp(
      `\\b(?:[Aa]sk(?:ed)?[ \\t]+for|[Nn]urse|[Ss]ister|[Mm]atron|[Pp]harmacist)[ \\t]+(?!(?:Practitioner|Educator|Navigator|Manager|Specialist|Coordinator|Station|Practice|Call|Line|Visit|Note|Triage|Help|Refills?)\\b)${FULL}`,
      'dg',
    ),
    category: 'PATIENT_NAME',
    weak: true,
  },
  // "Discussed with Ferreira (pharmacy)", "Reviewed with Okafor": one word is enough, checked against clinical
  // words (Cardiology, Pharmacy stay).
  {
    regex: new RegExp(
      `\\b(?:[Dd]iscussed|[Rr]eviewed|[Cc]onferred|[Cc]onsulted)[ \\t]+with[ \\t]+${FULL}`,
      'dg',
    ),
    category: 'CLINICIAN_NAME',
    weak: true,
  },
  // "Note written by Kowalski, RN": a surname alone with a credential after "by".
  {
    regex: new RegExp(
      `\\b[Bb]y[ \\t]+(${PART}),?[ \\t]+(?:MD|M\\.D\\.|DO|RN|NP|PA-C|PharmD|LPN|CNA)\\b`,
      'dg',
    ),
    category: 'CLINICIAN_NAME',
    weak: true,
  },
  // "Harold reports better sleep", "Thaddeus Okonjo presents for follow-up": a common first name (or a full name)
  // before a verb of report or arrival.
  {
    regex: new RegExp(
      `${FULL}(?=[ \\t]+(?:reports|reported|says|said|states|stated|denies|denied|presents|presented|called|phoned|returns|returned|came|comes|arrived|feels|felt|notes|noted|asked|complains|complained)\\b)`,
      'dg',
    ),
    category: 'PATIENT_NAME',
    weak: true,
    // a single word only when it is a common first name ("Nursing reports stable" stays)
    firstNameAlone: true,
  },
  // "Gwendolyn Abernathy, her daughter, called": a name before an apposed relation.
  {
    regex: new RegExp(
      `${FULL2}(?=,[ \\t]+(?:her|his|their|the patient's|patient's)[ \\t]+(?:daughter|son|wife|husband|mother|father|sister|brother|partner|spouse|niece|nephew|granddaughter|grandson|caregiver|neighbou?r|friend)\\b)`,
      'dg',
    ),
    category: 'RELATIVE_NAME',
    weak: true,
  },
  // "daughter of Harriet Vance": the person the relation is of.
  {
    regex: new RegExp(
      `\\b(?:${['son', 'daughter', 'wife', 'husband', 'mother', 'father', 'grandson', 'granddaughter', 'niece', 'nephew', 'caregiver', 'friend', 'guardian'].map(either).join('|')})[ \\t]+of[ \\t]+${FULL}`,
      'dg',
    ),
    category: 'PATIENT_NAME',
  },
  // "Nora (daughter)", "Robert Carter (son)".
  {
    regex: new RegExp(
      `${FULL}[ \\t]*\\((?:${['daughter', 'son', 'wife', 'husband', 'mother', 'father', 'sister', 'brother', 'niece', 'nephew', 'grandson', 'granddaughter', 'partner', 'spouse', 'caregiver', 'friend', 'guardian'].join('|')})\\)`,
      'dg',
    ),
    category: 'RELATIVE_NAME',
  },
  // Signatures: "Anthony Russo, MD", "Regards, Mark Ellis", "— Teresa Kowalski".
  {
    regex: new RegExp(
      `${SIGNED},?[ \\t]+(?:MD|M\\.D\\.|DO|RN|NP|PA-C|PharmD|PhD|MBBS|FACC|MLS|MT|CNA|LPN|APRN|RPh|MSW|CRNA|DNP)\\b`,
      'dg',
    ),
    category: 'CLINICIAN_NAME',
  },
  {
    regex: new RegExp(
      `\\b(?:Thanks|Thank you|Regards|Sincerely|Best(?: regards| wishes)?|Cheers|Yours(?: truly)?)[,.]?[ \\t\\n]+${FULL2}`,
      'dg',
    ),
    category: 'PATIENT_NAME',
  },
  {
    regex: new RegExp(`(?:^|\\n)[ \\t]*[—–-]+[ \\t]*${FULL2}[ \\t]*(?=\\n|$)`, 'dg'),
    category: 'PATIENT_NAME',
    weak: true,
  },
  {
    regex: new RegExp(`[—–][ \\t]*${FULL2}(?=[ \\t]*(?:\\n|$|,))`, 'dg'),
    category: 'PATIENT_NAME',
    weak: true,
  },
  // A name followed by its age, sex or record number: "Olivia Bennett, 39,", "Raymond Okafor, a 91-year-old",
  // "Luis Fernando Ortega (MRN", "Jerome Whitfield (DOB".
  {
    regex: new RegExp(
      `${FULL2}(?=,?[ \\t]+(?:(?:is|was)[ \\t]+)?(?:a[ \\t]+|an[ \\t]+)?\\d{1,3}(?:[ \\t]*(?:y/?o|yo|years?|-year-old|,|[ \\t]+[MF]\\b))|[ \\t]*\\((?:MRN|DOB|Medical|age|aged)\\b)`,
      'dg',
    ),
    category: 'PATIENT_NAME',
  },
  // Weaker contexts, checked against clinical words: a name before "(born", ", DOB", "was seen"; after a
  // referral opener ("I am referring …", "Dear Dr X, … regarding …").
  {
    regex: new RegExp(
      `${FULL2}(?=[ \\t]*\\((?:born|b\\.|DOB|D\\.O\\.B\\.|date of birth)|,?[ \\t]+(?:DOB|D\\.O\\.B\\.|born|date of birth)\\b|[ \\t]+(?:was|is|has been|were)[ \\t]+(?:seen|evaluated|admitted|referred|examined)\\b)`,
      'dg',
    ),
    category: 'PATIENT_NAME',
    weak: true,
  },
  {
    regex: new RegExp(
      `\\b(?:[Rr]eferring|[Rr]egarding|[Cc]oncerning|[Rr]efer|[Rr]e:?|[Aa]bout|[Ss]ee(?:ing)?)[ \\t]+(?:(?:Mr|Mrs|Ms|Miss)\\.?[ \\t]+)?${FULL2}`,
      'dg',
    ),
    category: 'PATIENT_NAME',
    weak: true,
  },
  {
    regex: new RegExp(
      `\\b(?:[Ff]ollow-up|[Vv]isit|[Rr]eferral|[Cc]onsult(?:ation)?|[Nn]ote|[Ss]ummary)[ \\t]+(?:for|of)[ \\t]+${FULL2}`,
      'dg',
    ),
    category: 'PATIENT_NAME',
  },
];

/**
 * Speed (issue 18): a rule that starts with the name and ends with its context (", her daughter", "(MRN", ", MD")
 * is run only when that context occurs somewhere in the text: the context alone is a necessary condition, found
 * far faster than names tried at every capital letter (same matches).
 */
function contextGate(regex: RegExp): RegExp | undefined {
  const lead = [FULL, FULL2, SIGNED].find((l) => regex.source.startsWith(l));
  return lead ? new RegExp(regex.source.slice(lead.length), regex.flags.replace(/[dgy]/g, '')) : undefined;
}
const GATES = rules.map((rule) => contextGate(rule.regex));

/**
 * Inverted names after a label: "Patient: Alvarez-Quinn, Beatrix", "Ordering physician: Lindqvist, Per, MD"
 * (family name, comma, given name; the given name is not checked against NOT_NAMES: Per, Hope, May).
 */
const INVERTED = new RegExp(
  `\\b(?:[Pp]atient|PATIENT|Pt|PT|[Nn]ame|NAME|[Pp]hysician|[Pp]rovider|[Aa]ttending|[Rr]eferring(?: physician)?|[Ss]urgeon|[Cc]onsultant|[Nn]urse|[Pp]harmacist|[Ii]nsured|[Mm]ember|[Gg]uarantor|[Ss]ubscriber)[ \\t]*:[ \\t]*((?:${PART}),[ \\t]+(?:${PART})(?:[ \\t]+${INITIAL})?)(?![A-Za-z])`,
  'dg',
);

/** Inverted names in capitals after a label: "Pt: GARRISON, ELOISE M" (not "DIABETES, TYPE 2"). */
const INVERTED_CAPS =
  /\b(?:Pt|PT|Patient|PATIENT|Name|NAME|Patient name|PATIENT NAME|Ordering|Copy to|Attending|Physician|Provider|Referring|cc)[ \t]*:[ \t]*([A-Z][A-Z'’-]{1,30},[ \t]*[A-Z][A-Z'’-]{1,30}(?:[ \t]+[A-Z]\b\.?)?)(?![A-Za-z0-9])/dg;

/** A common first name and a capitalised family name, without any cue ("Mary Johnson reports …"). */
const FIRST_LAST = new RegExp(
  `\\b([A-Z][a-z]+)[ \\t]+(?:[A-Z]\\.[ \\t]+)?(?:${PART})\\b(?![ \\t]+(?:Hospital|Medical|Clinic|Center|Centre|Health|University|College|School|Institute|Foundation|Memorial|Hall|Street|St|Road|Rd|Avenue|Ave|Drive|Lane|Boulevard|Syndrome|Disease|Score|Scale|Criteria|Test|Sign|Trial|Study|Building|Park))`,
  'dg',
);

/** Lower-case chat senders with a common first name ("linda: hi") and lower-case names after "dr". */
const CHAT_SENDER = /(?:^|\n)[ \t]*([a-z]{3,15})[ \t]*:[ \t]/dg;
const LOWER_DOCTOR = /\b[Dd]r\.?[ \t]+([a-z]{3,15})\b/dg;
const NOT_LOWER_NAMES = new Set(
  'appointment office visit said says told and the was will who can has had note notes orders order wants thinks'.split(
    ' ',
  ),
);

export function findEnglishNames(text: string, out: PhiSpan[]): void {
  INVERTED_CAPS.lastIndex = 0;
  for (const m of execAll(INVERTED_CAPS, text)) {
    const words = m[1]!.split(/[ \t,]+/).map((w) => w[0]! + w.slice(1).toLowerCase());
    if (words.some((w) => CLINICAL_WORD.test(w) || NOT_NAMES.has(w))) continue;
    const [start, end] = m.indices![1]!;
    out.push({ category: 'PATIENT_NAME', start, end, text: m[1]! });
  }
  INVERTED.lastIndex = 0;
  for (const m of execAll(INVERTED, text)) {
    const [start, end] = m.indices![1]!;
    const family = m[1]!.split(',')[0]!;
    if (NOT_NAMES.has(family) || CLINICAL_WORD.test(family)) continue;
    out.push({
      category: /^[Pp]at|^PAT|^[Nn]am|^NAM|^[Ii]ns|^[Mm]em|^[Gg]ua|^[Ss]ub/.test(m[0])
        ? 'PATIENT_NAME'
        : 'CLINICIAN_NAME',
      start,
      end,
      text: m[1]!,
    });
  }
  CHAT_SENDER.lastIndex = 0;
  for (const m of execAll(CHAT_SENDER, text)) {
    const word = m[1]!;
    if (!EN_FIRST_NAMES.has(word[0]!.toUpperCase() + word.slice(1))) continue;
    const [start, end] = m.indices![1]!;
    out.push({ category: 'PATIENT_NAME', start, end, text: word });
  }
  LOWER_DOCTOR.lastIndex = 0;
  for (const m of execAll(LOWER_DOCTOR, text)) {
    if (NOT_LOWER_NAMES.has(m[1]!)) continue;
    const [start, end] = m.indices![1]!;
    out.push({ category: 'CLINICIAN_NAME', start, end, text: m[1]! });
  }
  FIRST_LAST.lastIndex = 0;
  for (const m of execAll(FIRST_LAST, text)) {
    if (!EN_FIRST_NAMES.has(m[1]!)) continue;
    const last = m[0].split(/[ \t]+/).pop()!;
    if (NOT_NAMES.has(last)) continue;
    out.push({ category: 'PATIENT_NAME', start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const [i, { regex, category, weak, firstNameAlone, keep }] of rules.entries()) {
    if (GATES[i] && !GATES[i].test(text)) continue;
    regex.lastIndex = 0;
    for (const m of execAll(regex, text)) {
      // The name is the first capture group that took part (a rule may have alternatives).
      const group = m.findIndex((g, i) => i > 0 && g !== undefined);
      let [start, end] = m.indices![group]!;
      const words = m[group]!.split(/([ \t]+)/);
      // A wide gap (a tab, two spaces) ends the name: "Member: Priyanka Venkataraman   Member ID: …".
      const gap = words.findIndex((w, i) => i % 2 === 1 && (w.includes('\t') || w.length > 1));
      if (gap > 0) {
        end -= words.slice(gap).join('').length;
        words.splice(gap);
      }
      // Trim non-name words at either end.
      while (!keep && words.length && NOT_NAMES.has(words[0]!.replace(/\.$/, ''))) {
        start += words[0]!.length + (words[1]?.length ?? 0);
        words.splice(0, 2);
      }
      while (!keep && words.length && NOT_NAMES.has(words[words.length - 1]!.replace(/\.$/, ''))) {
        end -= words[words.length - 1]!.length + (words[words.length - 2]?.length ?? 0);
        words.splice(-2, 2);
      }
      if (!words.length || end <= start) continue;
      if (weak && words.some((w) => CLINICAL_WORD.test(w.replace(/\.$/, '')))) continue;
      if (firstNameAlone && words.length === 1 && !EN_FIRST_NAMES.has(words[0]!)) continue;
      out.push({ category, start, end, text: text.slice(start, end) });
    }
  }
}

/** The family name of a found full name ("Harold J. Whitaker" → "Whitaker"), also hidden where it stands alone. */
export function familyNameOf(name: string): string | undefined {
  const words = name.split(/[ \t]+/).filter((w) => !/^[A-Z]\.$/.test(w));
  if (words.length < 2) return undefined;
  const last = words[words.length - 1]!;
  return last.length >= 3 && !NOT_NAMES.has(last) ? last : undefined;
}

/** The given name ("Harold J. Whitaker" → "Harold"). */
export function givenNameOf(name: string): string | undefined {
  const words = name.split(/[ \t]+/);
  if (words.length < 2) return undefined;
  const first = words[0]!;
  return /^[A-Z][a-z]{2,}$/.test(first) && !NOT_NAMES.has(first) ? first : undefined;
}

/** A capitalised word that can be a given name next to a known family name ("Jorge" of "Jorge Alvarez"). */
export function isGivenNameWord(word: string): boolean {
  return /^[A-Z][a-z]{2,}$/.test(word) && !NOT_NAMES.has(word) && !CLINICAL_WORD.test(word);
}
