/**
 * An order's notes in the pharmacist's screen language (issue 20 item 2): a note the system wrote in both
 * languages carries its Chinese as FHIR's translation extension on `text` (care's proposal note); a zh screen reads
 * that, else every note as written. Pure.
 */
import type { Language } from './api-types/index.ts';

const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';

interface Primitive {
  extension?: { url?: string; extension?: { url?: string; valueCode?: string; valueString?: string }[] }[];
}

function zhOf(element: Primitive | undefined): string | undefined {
  for (const e of element?.extension ?? []) {
    if (e.url !== TRANSLATION) continue;
    const lang = e.extension?.find((x) => x.url === 'lang')?.valueCode ?? '';
    const content = e.extension?.find((x) => x.url === 'content')?.valueString;
    if (content && /^zh/i.test(lang)) return content;
  }
  return undefined;
}

export function noteText(
  notes: readonly { text?: string; _text?: Primitive }[] | undefined,
  lang: Language,
): string {
  return (notes ?? [])
    .map((n) => ((lang === 'zh-CN' ? zhOf(n._text) : undefined) ?? n.text)?.trim())
    .filter(Boolean)
    .join('\n');
}
