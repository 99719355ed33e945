/**
 * Users never see the project's internal reference file or its verification marks: a source label or citation
 * that still names them ("REFERENCE §6 row 3 …:", "Qihuang clinical reference §5.2:", "(UNVERIFIED …)") is shown
 * without them, leaving the guideline, label or paper it names. Pure.
 */
export function withoutInternalReferences(text: string): string {
  const known = cleanedTexts.get(text);
  if (known !== undefined) return known;
  const cleaned = clean(text);
  if (text.length > 2000) return cleaned;
  // Bounded: the texts are source labels and citations (a few hundred); an unbounded caller cannot grow it.
  if (cleanedTexts.size >= CLEANED_LIMIT) cleanedTexts.delete(cleanedTexts.keys().next().value!);
  cleanedTexts.set(text, cleaned);
  return cleaned;
}

/**
 * Cleaned texts by original: prescription review cleans the same few source labels and citations for every
 * finding of every request, so each is cleaned once (same answer: the function is pure).
 */
const cleanedTexts = new Map<string, string>();
export const CLEANED_LIMIT = 2000;

function clean(text: string): string {
  const cleaned = text
    .replace(
      /\(?(?:Qihuang clinical reference|REFERENCE)\s*(?:§[\w.–-]+(?:\s*(?:rows?|ONC list)\s*[#\d–-]+)?[\s,/and]*)+\)?:?\s*/gi,
      '',
    )
    .replace(/\s*[(（][^()（）]*(?:UNVERIFIED|未核实|label text seen)[^()（）]*[)）]/gi, '')
    .replace(/\bUNVERIFIED\b/gi, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s—:;,-]+|[\s—:;,-]+$/g, '');
  // "REFERENCE §5.1 (ACC/AHA 2017 Table 18, WHO ATC)" leaves the bracketed names alone: drop the brackets.
  const bracketed = /^\(([^()]*)\)$/.exec(cleaned);
  return bracketed ? bracketed[1]!.trim() : cleaned;
}
