/**
 * A finding's source said once (issue 20: "Verapamil UK SmPC section 4.3 … — Verapamil hydrochloride tablets, UK
 * Summary of Product Characteristics …, section 4.3"): a citation whose words are all in the name adds nothing (the
 * name alone); a citation naming the same section as the name is the fuller form of the same reference (the citation
 * alone). Otherwise both. Used by the pharmacist's card (localize.ts) and the clinician's draft card. Pure.
 */
export interface SourceWords {
  label: string;
  citation: string;
}

const words = (t: string): string[] => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Each of the citation's words (initials aside) is already in the name. */
function repeats(citation: string, label: string): boolean {
  const named = new Set(words(label));
  return words(citation)
    .filter((w) => w.length > 1)
    .every((w) => named.has(w));
}

const SECTION = /\bsection\s+(\d+(?:\.\d+)*)/gi;
const sections = (t: string) => [...t.matchAll(SECTION)].map((m) => m[1]!);

/** The label's sections are all in the citation, as is the first word of its name (the same document). */
function sameSection(citation: string, label: string): boolean {
  const own = sections(label);
  if (own.length === 0) return false;
  const cited = new Set(sections(citation));
  const first = words(label)[0];
  return own.every((s) => cited.has(s)) && !!first && words(citation).includes(first);
}

export function sourceOnce(label: string, citation: string): SourceWords {
  if (!citation || repeats(citation, label)) return { label, citation: '' };
  if (sameSection(citation, label)) return { label: citation, citation: '' };
  return { label, citation };
}
