/**
 * The dose-cap suggestion copies only what it changes, with the JSON of a deep clone changed in place.
 */
import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@qihuang/engines/prescription-review';
import { suggestionsFor } from './suggestions.ts';

const finding = (orderId: string): Finding => ({
  id: `simvastatin-amlodipine:${orderId}`,
  ruleId: 'simvastatin-amlodipine',
  type: 'interaction',
  severity: 'warning',
  summary: { en: 's', zh: 's' },
  detail: { en: 'd', zh: 'd' },
  drugs: ['simvastatin', 'amlodipine'],
  evidence: { orders: [{ id: orderId, text: 'Simvastatin 40 mg', draft: true }], facts: [] },
  source: { id: 'x', label: 'x', citation: 'x' },
});

/** What the suggestion held before: a structuredClone of the draft with its first dosage instruction set. */
function deepCloneReference(draft: Record<string, unknown>, mg: number): unknown {
  const updated = structuredClone(draft) as { dosageInstruction?: Record<string, unknown>[] };
  const di = (updated.dosageInstruction ??= [{}]);
  const first = (di[0] ??= {});
  first.text = `${mg} mg once daily`;
  first.doseAndRate = [
    { doseQuantity: { value: mg, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
  ];
  return updated;
}

describe('dose-cap suggestion (update action)', () => {
  const base = {
    resourceType: 'MedicationRequest',
    id: 'd1',
    status: 'draft',
    medicationCodeableConcept: { text: 'Simvastatin 40 MG Oral Tablet' },
    note: [{ text: 'keep' }],
  };
  it.each([
    [
      'one instruction with timing',
      { ...base, dosageInstruction: [{ text: '40 mg', timing: { code: 'QD' } }] },
    ],
    [
      'two instructions',
      {
        ...base,
        dosageInstruction: [
          { sequence: 1, text: '40 mg' },
          { sequence: 2, text: 'then 20 mg' },
        ],
      },
    ],
    ['no dosage', { ...base }],
    ['empty dosage list', { ...base, dosageInstruction: [] }],
    ['null dosage', { ...base, dosageInstruction: null }],
    ['dosage not a list', { ...base, dosageInstruction: { text: 'odd' } }],
  ])('%s: same JSON as a deep clone changed in place, draft untouched', (_name, draft) => {
    const before = JSON.stringify(draft);
    const byId = new Map([['MedicationRequest/d1', draft as unknown as Resource]]);
    const [update] = suggestionsFor(finding('MedicationRequest/d1'), byId, 'en', () => 'u');
    expect(update!.actions![0]!.type).toBe('update');
    expect(JSON.stringify(update!.actions![0]!.resource)).toBe(JSON.stringify(deepCloneReference(draft, 20)));
    expect(JSON.stringify(draft)).toBe(before);
  });
});
