/**
 * A value the patient recorded and no clinician has confirmed, as one line of the Care tab's summary, in the
 * reader's language (issue 20 item 3: "Hypertensive disorder；Tobacco smoking status" on a zh screen). Names come
 * from the record's zh translation (FHIR translation extension, written by the intake and the demo loader) on a
 * Chinese screen, else the record's own display. Pure.
 */
import type { FhirResource } from '@qihuang/store';
import { conceptText, type TranslatableConcept } from './concept-text.ts';

export function unconfirmedText(resource: FhirResource, lang: 'zh' | 'en'): string {
  const r = resource as {
    code?: TranslatableConcept & { coding?: { code?: string }[] };
    valueQuantity?: { value?: number; unit?: string; code?: string };
    valueCodeableConcept?: TranslatableConcept;
    effectiveDateTime?: string;
  };
  const name = conceptText(r.code, lang) || r.code?.coding?.[0]?.code || resource.resourceType;
  const concept = conceptText(r.valueCodeableConcept, lang);
  const q = r.valueQuantity;
  const value = q?.value !== undefined ? ` ${q.value} ${q.unit ?? q.code ?? ''}`.trimEnd() : '';
  const day = r.effectiveDateTime?.slice(0, 10);
  if (lang === 'zh') return `${name}${concept ? `：${concept}` : ''}${value}${day ? `（${day}）` : ''}`;
  return `${name}${concept ? `: ${concept}` : ''}${value}${day ? ` (${day})` : ''}`;
}
