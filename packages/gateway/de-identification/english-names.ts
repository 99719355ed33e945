/**
 * English personal names found by context: titles (Mr., Mrs.), labels (Patient:, Name:) and relatives
 * (wife, son, next of kin …) followed by capitalised words.
 */
const WORD = "[A-Z][a-z'’-]+";
const FULL = `(${WORD}(?:\\s+[A-Z]\\.)?(?:\\s+${WORD}){1,2})`;

const TITLE = new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Mx)\\.?\\s+(${WORD}(?:\\s+${WORD})?)`, 'g');
const LABEL = new RegExp(
  `\\b(?:[Pp]atient(?:'s)?(?:\\s+[Nn]ame)?|[Nn]ame|Pt)\\s*:\\s*(${WORD}(?:\\s+[A-Z]\\.)?(?:\\s+${WORD}){0,2})`,
  'g',
);
const NAMED = new RegExp(`\\b(?:[Pp]atient|[Nn]amed|[Cc]alled)\\s+(?:is\\s+)?${FULL}`, 'g');
// Case-insensitive cue words, case-sensitive names (no inline regex modifiers on Node 20).
const either = (word: string) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;
const RELATIVE_CUES = [
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
  'next of kin',
  'emergency contact',
  'guardian',
  'caregiver',
];
const RELATIVE = new RegExp(
  `\\b(?:${RELATIVE_CUES.map(either).join('|')})(?:\\s*\\([^)]*\\))?[:,]?\\s+${FULL}`,
  'g',
);

const NOT_NAMES = new Set([
  'The',
  'This',
  'He',
  'She',
  'Patient',
  'Name',
  'History',
  'Unknown',
  'None',
  'Denies',
  'Reports',
  'Is',
  'Was',
  'Has',
]);

export interface FoundEnglishName {
  value: string;
  relative: boolean;
}

export function findEnglishNames(text: string): FoundEnglishName[] {
  const found: FoundEnglishName[] = [];
  const add = (regex: RegExp, relative: boolean) => {
    for (const match of text.matchAll(regex)) {
      const words = match[1]!.split(/\s+/);
      while (words.length > 0 && NOT_NAMES.has(words[0]!)) words.shift();
      while (words.length > 0 && NOT_NAMES.has(words[words.length - 1]!)) words.pop();
      if (words.length === 0) continue;
      found.push({ value: words.join(' '), relative });
      // The family name alone ("Mr. Smith", "Smith's") is an identifier too.
      const last = words[words.length - 1]!;
      if (words.length > 1 && last.length >= 3 && !last.endsWith('.')) found.push({ value: last, relative });
    }
  };
  add(LABEL, false);
  add(NAMED, false);
  add(TITLE, false);
  add(RELATIVE, true);
  return found;
}
