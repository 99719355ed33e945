/**
 * Replaces identifiers: placeholders for names and codes (restored in the answer), dates shifted by the
 * request's one offset (intervals stay right, the year is kept), ages over 89 grouped ("90岁以上",
 * "90 or older"), ZIP codes cut to their first three digits (Safe Harbor item B). Pure.
 */
import { oldBirthSpans, referenceYear } from './birth-dates.ts';
import { chooseShift, findDates, shiftDate } from './dates.ts';
import { detectPhiInTexts, mergeSpans, type DetectOptions } from './detect.ts';
import { groupAge } from './recognizers/ages.ts';
import type { KnownIdentifiers, PhiSpan, ReplacedSpan } from './types.ts';
import { PlaceholderVault } from './vault.ts';

/**
 * US three-digit ZIP prefixes whose area had 20,000 people or fewer (Census 2000, as HHS guidance lists
 * them): written as 000 (Safe Harbor item B(2)).
 */
const SMALL_ZIP3 = new Set([
  '036',
  '059',
  '063',
  '102',
  '203',
  '556',
  '692',
  '790',
  '821',
  '823',
  '830',
  '831',
  '878',
  '879',
  '884',
  '890',
  '893',
]);

/** "62704" → "627XX"; small areas → "000XX"; 6-digit Chinese 邮编 keep the first three digits too. */
export function generalizeZip(zip: string): string {
  const digits = zip.replace(/\D/g, '');
  const head = digits.length === 5 && SMALL_ZIP3.has(digits.slice(0, 3)) ? '000' : digits.slice(0, 3);
  return head + 'X'.repeat(Math.max(0, digits.length - 3));
}

function replacementFor(span: PhiSpan, text: string, vault: PlaceholderVault): string {
  if (span.category === 'DATE') {
    const [date] = findDates(span.text);
    if (date && date.start === 0 && date.end === span.text.length) {
      vault.noteShiftedDate();
      return shiftDate(date, vault.dateShiftDays ?? 0);
    }
    return vault.placeholderFor(span.text, 'DATE');
  }
  if (span.category === 'AGE' || span.category === 'ZIP') {
    const zh = /[\u4e00-\u9fa5]/.test(text.slice(Math.max(0, span.start - 4), span.end + 4));
    const replacement = span.category === 'AGE' ? groupAge(span.text, zh) : generalizeZip(span.text);
    vault.noteGeneralised(span.text, replacement, span.category);
    return replacement;
  }
  return vault.placeholderFor(span.text, span.category);
}

/** A date of birth of someone over 89: "90岁以上" / "90 or older", restored while it stands for one original. */
function generaliseOldBirth(span: PhiSpan, text: string, vault: PlaceholderVault): string {
  const around = text.slice(Math.max(0, span.start - 8), span.end + 4);
  const replacement = /[\u4e00-\u9fa5]/.test(around) ? '90岁以上' : '90 or older';
  vault.noteGeneralised(span.text, replacement, 'AGE');
  return replacement;
}

export interface DeidentifiedText {
  text: string;
  spans: ReplacedSpan[];
}

/** De-identifies a set of texts that belong together (one request), consistently; returns the spans too. */
export function deidentifyWithSpans(
  texts: readonly string[],
  vault: PlaceholderVault,
  known: KnownIdentifiers = {},
  options: DetectOptions = {},
): DeidentifiedText[] {
  const detected = detectPhiInTexts(texts, known, options);
  // Dates of birth indicating an age over 89 are generalised whole, year included (Safe Harbor item C).
  const reference = referenceYear(texts);
  const oldBirths = texts.map((text, i) => {
    const found = oldBirthSpans(text, detected[i]!, reference);
    if (found.some((s) => !detected[i]!.some((d) => d.start === s.start && d.end === s.end)))
      detected[i] = mergeSpans(text, [...detected[i]!, ...found]);
    return new Set(found.map((s) => s.start));
  });
  if (vault.dateShiftDays === undefined) {
    const dates = texts.flatMap((text, i) =>
      detected[i]!.filter((s) => s.category === 'DATE').flatMap((s) => findDates(s.text)),
    );
    if (dates.length) vault.dateShiftDays = chooseShift(dates, vault.seed);
  }
  return texts.map((text, i) => {
    let out = '';
    let last = 0;
    const spans: ReplacedSpan[] = [];
    for (const span of detected[i]!) {
      const replacement = oldBirths[i]!.has(span.start)
        ? generaliseOldBirth(span, text, vault)
        : replacementFor(span, text, vault);
      spans.push({ ...span, replacement });
      out += text.slice(last, span.start) + replacement;
      last = span.end;
    }
    return { text: out + text.slice(last), spans };
  });
}

/** De-identifies a set of texts that belong together (one request), consistently. */
export function deidentifyTexts(
  texts: readonly string[],
  vault: PlaceholderVault,
  known: KnownIdentifiers = {},
  options: DetectOptions = {},
): string[] {
  return deidentifyWithSpans(texts, vault, known, options).map((r) => r.text);
}
