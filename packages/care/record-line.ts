/**
 * One line naming a record the patient reported in a consultation, for the clinician's care tab (issue 20 item 3:
 * one language per screen): "Observation: 血压: 150/95 mmHg" on a Chinese screen, "Observation: Blood pressure:
 * 150/95 mmHg" on an English one. The leading resource type is a key the console translates (it drops it); the
 * rest is in `lang`: the codes the intake writes are named here in both languages, a concept's own zh
 * translation is used when it has one, and a medicine's name comes from the drug knowledge base. Pure.
 */
import type { FhirResource } from '@qihuang/store';
import { conceptText, conditionText, type TranslatableConcept } from './concept-text.ts';
import { drugIdOf, drugTextIn } from './drug-text.ts';
import { SUBSTANCES } from './intake-substances.ts';
import type { CareDeps } from './deps.ts';

type Lang = 'zh' | 'en';

/** The intake's observation codes (LOINC, REFERENCE §8.1) and answer codes (SNOMED CT), named in each language. */
const NAMES: Record<string, { zh: string; en: string }> = {
  '85354-9': { zh: '血压', en: 'Blood pressure' }, // LOINC BP panel
  '55284-4': { zh: '血压', en: 'Blood pressure' },
  '72166-2': { zh: '吸烟状况', en: 'Smoking status' }, // LOINC tobacco smoking status
  '29463-7': { zh: '体重', en: 'Body weight' }, // LOINC body weight
  '8302-2': { zh: '身高', en: 'Body height' }, // LOINC body height
  '77176002': { zh: '吸烟', en: 'Smoker' }, // SNOMED CT
  '8517006': { zh: '已戒烟', en: 'Ex-smoker' }, // SNOMED CT
  '266919005': { zh: '从不吸烟', en: 'Never smoked tobacco' }, // SNOMED CT
};

type Concept = TranslatableConcept & { coding?: { system?: string; code?: string }[] };

function named(concept: Concept | undefined, lang: Lang): string {
  const codings = (concept?.coding ?? []) as { code?: string }[];
  const known = codings.map((c) => NAMES[c.code ?? '']).find(Boolean);
  if (known) return known[lang];
  return conceptText(concept, lang);
}

export function recordLine(
  resource: FhirResource | undefined,
  lang: Lang,
  drugs: CareDeps['drugs'],
): string | undefined {
  if (!resource) return undefined;
  const r = resource as {
    code?: Concept;
    medicationCodeableConcept?: Concept;
    valueQuantity?: { value?: number; unit?: string };
    valueCodeableConcept?: Concept;
    component?: { valueQuantity?: { value?: number } }[];
  };
  const med = r.medicationCodeableConcept;
  if (resource.resourceType === 'Condition')
    return `Condition: ${conditionText(r.code, lang) || resource.resourceType}`;
  if (resource.resourceType === 'AllergyIntolerance')
    return `AllergyIntolerance: ${substanceText(r.code, lang, drugs) || resource.resourceType}`;
  if (resource.resourceType === 'FamilyMemberHistory')
    return `FamilyMemberHistory: ${familyLine(resource, lang)}`;
  if (med?.text)
    return `${resource.resourceType}: ${drugTextIn(conceptText(med, lang), lang, drugs, drugIdOf(med))}`;
  const name = named(r.code, lang) || resource.resourceType;
  if (r.component?.length === 2)
    return `${name}: ${r.component[0]!.valueQuantity?.value}/${r.component[1]!.valueQuantity?.value} mmHg`;
  if (r.valueQuantity) return `${name}: ${r.valueQuantity.value} ${r.valueQuantity.unit ?? ''}`.trim();
  if (r.valueCodeableConcept) return `${name}: ${named(r.valueCodeableConcept, lang)}`;
  return `${resource.resourceType}: ${name}`;
}

/** An allergy's substance in `lang`: its translation, else the intake's substance table, else the drug's name. */
function substanceText(concept: Concept | undefined, lang: Lang, drugs: CareDeps['drugs']): string {
  const text = conceptText(concept, lang);
  if (lang === 'en' || !text || /\p{Script=Han}/u.test(text)) return text;
  const lower = text.toLowerCase().trim();
  const known = SUBSTANCES.find((s) => s.name.en.toLowerCase() === lower || s.terms.includes(lower));
  return known ? known.name.zh : drugTextIn(text, lang, drugs, drugIdOf(concept));
}

/** HL7 v3 RoleCode relatives the intake writes (clinical-language relatives.ts), named in each language. */
const RELATIVES: Record<string, { zh: string; en: string }> = {
  PRN: { zh: '父母', en: 'Parent' },
  SIB: { zh: '兄弟姐妹', en: 'Sibling' },
  GRFTH: { zh: '祖父/外祖父', en: 'Grandfather' },
  GRMTH: { zh: '祖母/外祖母', en: 'Grandmother' },
  FTH: { zh: '父亲', en: 'Father' },
  MTH: { zh: '母亲', en: 'Mother' },
  BRO: { zh: '兄弟', en: 'Brother' },
  SIS: { zh: '姐妹', en: 'Sister' },
  SON: { zh: '儿子', en: 'Son' },
  DAU: { zh: '女儿', en: 'Daughter' },
  UNCLE: { zh: '叔伯/舅舅', en: 'Uncle' },
  AUNT: { zh: '姑姨', en: 'Aunt' },
  FAMMEMB: { zh: '家人', en: 'Family member' },
};

/** "父亲：高血压" / "Father: Hypertension". */
function familyLine(resource: FhirResource, lang: Lang): string {
  const r = resource as {
    relationship?: { coding?: { code?: string; display?: string }[] };
    condition?: { code?: Concept }[];
  };
  const code = r.relationship?.coding?.[0];
  const who = RELATIVES[code?.code ?? '']?.[lang] ?? code?.display ?? RELATIVES.FAMMEMB![lang];
  const what = (r.condition ?? []).map((c) => conditionText(c.code, lang)).filter(Boolean);
  return `${who}${lang === 'zh' ? '：' : ': '}${what.join(lang === 'zh' ? '、' : ', ')}`;
}
