/**
 * A CodeableConcept's text as a patient reads it (issue 20: one language per screen): on a Chinese screen the
 * zh translation the record carries (FHIR's translation extension on `text` or a coding's `display`, as the demo
 * loader and the intake write it), else the record's own text. The console's codeText reads the same extension.
 * Pure.
 */
import { CONCEPTS_BY_ID, LEXICON } from '@qihuang/clinical-language';
import { conditionKeys } from './condition-match.ts';

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
  return withoutSemanticTag(concept.text ?? concept.coding?.find((c) => c.display)?.display ?? '');
}

/** A SNOMED CT semantic tag at the end of a display ("Essential hypertension (disorder)"): no words for a reader. */
const SEMANTIC_TAG =
  /\s*\((?:disorder|finding|procedure|situation|morphologic abnormality|observable entity|regime\/therapy|substance|product|medicinal product|clinical drug|event|body structure|qualifier value|person|navigational concept|record artifact|environment|physical object|attribute)\)\s*$/i;

/** A display without its SNOMED CT semantic tag. */
export function withoutSemanticTag(text: string): string {
  return text.replace(SEMANTIC_TAG, '');
}

const CJK = /\p{Script=Han}/u;

/**
 * A condition as the reader's screen names it (issue 20: "Essential hypertension (disorder)" on the en chart,
 * English condition names on a zh screen): the record's zh translation on a Chinese screen, else the concept
 * lexicon's zh name of the condition its codes or words stand for (condition-match.ts keys; SNOMED CT ids of the
 * lexicon), else the record's text; never the SNOMED semantic tag.
 */
export function conditionText(
  concept: (TranslatableConcept & { coding?: { system?: string; code?: string }[] }) | undefined,
  language: 'zh' | 'en',
): string {
  const text = conceptText(concept, language);
  if (!concept || (language === 'zh') === CJK.test(text)) return text;
  const codes = (concept.coding ?? []) as { system?: string; code?: string; display?: string }[];
  const byCode = LEXICON.find(
    (c) =>
      c.kind === 'condition' &&
      codes.some((x) => x.code && /snomed/i.test(x.system ?? '') && x.code === c.codes.snomed),
  );
  const keys = [...conditionKeys({ ...(concept.text ? { text: concept.text } : {}), codes })];
  const byKey = keys.map((k) => CONCEPTS_BY_ID.get(k)).find((c) => c?.kind === 'condition');
  const known = byCode ?? byKey;
  if (language === 'zh') return known?.display.zh ?? text;
  // An English screen and Chinese words (a patient's own, on a family-history item): the lexicon's English name,
  // else an English display of a coding.
  const en = known?.display.en ?? codes.map((c) => c.display).find((d) => d && !CJK.test(d));
  return en ? withoutSemanticTag(en.charAt(0).toUpperCase() + en.slice(1)) : text;
}
