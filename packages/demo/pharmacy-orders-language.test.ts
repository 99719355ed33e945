/**
 * Demo orders in both languages (issue 20 try: a zh chart listed 'Amlodipine 5 mg oral tablet' and the pharmacist's
 * zh card read '开方备注：Switch from hydrochlorothiazide: home BP above target.'): each order's medicine text and
 * its prescriber's note carry their Chinese as FHIR's translation extension, the medicine by the drug knowledge
 * base's zh name.
 */
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { DEMO_ORDERS, demoMedicationRequest } from './pharmacy-orders.ts';

const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';
interface Translated {
  text?: string;
  _text?: {
    extension?: { url: string; extension?: { url: string; valueCode?: string; valueString?: string }[] }[];
  };
}
const zhOf = (e: Translated | undefined) =>
  e?._text?.extension?.find((x) => x.url === TRANSLATION)?.extension?.find((x) => x.url === 'content')
    ?.valueString;

describe('demo orders in zh and en', () => {
  const drugs = createDrugKnowledgeBase();
  const now = new Date('2026-03-10T04:00:00Z');
  it.each(DEMO_ORDERS.map((o) => [o.id, o] as const))('%s names its medicine in Chinese', (_id, order) => {
    const mr = demoMedicationRequest(order, now) as unknown as {
      medicationCodeableConcept: Translated;
      note?: Translated[];
    };
    expect(mr.medicationCodeableConcept.text).toBe(order.text);
    const zh = zhOf(mr.medicationCodeableConcept)!;
    expect(zh.startsWith(drugs.getDrug(order.rxnorm.display)!.names.zh)).toBe(true);
    expect(zh).not.toMatch(/[A-Za-z]{3,}/);
    for (const note of mr.note ?? []) {
      expect(note.text).toMatch(/^[A-Z]/);
      expect(zhOf(note)).toMatch(/\p{Script=Han}/u);
      expect(zhOf(note)).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
  it('gives the chlorthalidone switch note in both languages', () => {
    const order = DEMO_ORDERS.find((o) => o.id === 'demo-rx-barrows-chlorthalidone')!;
    const note = (demoMedicationRequest(order, now) as unknown as { note: Translated[] }).note[0]!;
    expect(note.text).toBe('Switch from hydrochlorothiazide: home BP above target.');
    expect(zhOf(note)).toBe('由氢氯噻嗪换药：家庭血压高于目标。');
  });
});
