/** The intake's Observation drafts: smoking, weight and height from the lifestyle answer, home readings recalled. Pure. */
import type { FhirResource } from '@qihuang/store';
import type { IntakeStepId } from './api-types/index.ts';
import { lifestyleIn } from './intake-lifestyle.ts';
import { readingsIn } from './intake-mentions.ts';

/** FHIR's translation extension (http://hl7.org/fhir/StructureDefinition/translation) for a primitive, zh-CN. */
export function zhTranslation(content: string) {
  return {
    extension: [
      {
        url: 'http://hl7.org/fhir/StructureDefinition/translation',
        extension: [
          { url: 'lang', valueCode: 'zh-CN' },
          { url: 'content', valueString: content },
        ],
      },
    ],
  };
}

export function observationDrafts(input: {
  answers: Partial<Record<IntakeStepId, string>>;
  id: (suffix: string) => string;
  subject: { reference: string };
  meta: { tag: { system: string; code: string; display: string }[] };
  now: string;
}): FhirResource[] {
  const { answers, id, subject, meta, now } = input;
  const drafts: FhirResource[] = [];
  // The code's zh name rides along as FHIR's translation extension (issue 20: "Tobacco smoking status" on zh).
  const observation = (suffix: string, category: string, code: string, display: string, zh?: string) => ({
    resourceType: 'Observation',
    id: id(suffix),
    meta,
    status: 'preliminary',
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: category }] },
    ],
    code: {
      coding: [{ system: 'http://loinc.org', code, display, ...(zh ? { _display: zhTranslation(zh) } : {}) }],
    },
    subject,
    effectiveDateTime: now,
    performer: [subject],
  });
  const facts = lifestyleIn(answers.lifestyle ?? '');
  if (facts.smoker !== undefined) {
    drafts.push({
      // LOINC 72166-2 Tobacco smoking status; SNOMED 77176002 Smoker / 8517006 Ex-smoker / 266919005 Never smoked
      ...observation('smoking', 'social-history', '72166-2', 'Tobacco smoking status', '吸烟状况'),
      valueCodeableConcept: facts.smoker
        ? {
            coding: [
              {
                system: 'http://snomed.info/sct',
                code: '77176002',
                display: 'Smoker',
                _display: zhTranslation('吸烟'),
              },
            ],
          }
        : {
            coding: [
              {
                system: 'http://snomed.info/sct',
                code: '266919005',
                display: 'Never smoked tobacco',
                _display: zhTranslation('从不吸烟'),
              },
            ],
          },
    } as FhirResource);
  }
  if (facts.weightKg !== undefined) {
    drafts.push({
      ...observation('weight', 'vital-signs', '29463-7', 'Body weight', '体重'), // REFERENCE §8.1
      valueQuantity: { value: facts.weightKg, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
    } as FhirResource);
  }
  if (facts.heightCm !== undefined) {
    drafts.push({
      ...observation('height', 'vital-signs', '8302-2', 'Body height', '身高'), // LOINC body height
      valueQuantity: { value: facts.heightCm, unit: 'cm', system: 'http://unitsofmeasure.org', code: 'cm' },
    } as FhirResource);
  }

  for (const [index, r] of readingsIn(answers['home-readings'] ?? '', { includePast: true }).entries()) {
    drafts.push({
      // REFERENCE §8.1/§8.3: BP panel 85354-9 with 8480-6 / 8462-4 components
      ...observation(`bp-${index}`, 'vital-signs', '85354-9', 'Blood pressure panel', '血压'),
      note: [{ text: 'Reported by the patient from memory in the intake (time not known)' }],
      component: [
        {
          code: {
            coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' }],
          },
          valueQuantity: { value: r.sbp, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
        },
        {
          code: {
            coding: [{ system: 'http://loinc.org', code: '8462-4', display: 'Diastolic blood pressure' }],
          },
          valueQuantity: { value: r.dbp, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
        },
      ],
    } as FhirResource);
  }
  return drafts;
}
