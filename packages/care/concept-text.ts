/**
 * A CodeableConcept's text as a patient reads it (issue 20: one language per screen): on a Chinese screen the
 * zh translation the record carries (FHIR's translation extension on `text` or a coding's `display`, as the demo
 * loader and the intake write it), else the record's own text. The console's codeText reads the same extension.
 * Pure.
 */
const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';

type Primitive = {
  extension?: { url?: string; extension?: { url?: string; valueCode?: string; valueString?: string }[] }[];
};
export interface TranslatableConcept {
  text?: string;
  _text?: Primitive;
  coding?: { display?: string; _display?: Primitive }[];
}

function zhOf(element: Primitive | undefined): string | undefined {
  for (const e of element?.extension ?? []) {
    if (e.url !== TRANSLATION) continue;
    const lang = e.extension?.find((x) => x.url === 'lang')?.valueCode ?? '';
    const content = e.extension?.find((x) => x.url === 'content')?.valueString;
    if (content && lang.toLowerCase().split('-')[0] === 'zh') return content;
  }
  return undefined;
}

export function conceptText(concept: TranslatableConcept | undefined, language: 'zh' | 'en'): string {
  if (!concept) return '';
  if (language === 'zh') {
    const zh = zhOf(concept._text) ?? concept.coding?.map((c) => zhOf(c._display)).find(Boolean);
    if (zh) return zh;
  }
  return concept.text ?? concept.coding?.find((c) => c.display)?.display ?? '';
}
