/**
 * The pharmacist's order-sign call of issue 20: a pregnant patient with eGFR 25 and K⁺ 5.6 mmol/L, lisinopril
 * 20 mg and ibuprofen 400 mg drafted, on furosemide and losartan. `labsAt` dates the eGFR and potassium results.
 */
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

function order(id: string, text: string, rxnorm: string, mg: number, status: 'draft' | 'active') {
  return {
    resourceType: 'MedicationRequest',
    id,
    status,
    intent: 'order',
    subject: { reference: 'Patient/p20' },
    medicationCodeableConcept: { text, coding: [{ system: RXNORM, code: rxnorm, display: text }] },
    dosageInstruction: [
      {
        text: `${mg} mg x1/day`,
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        doseAndRate: [
          { doseQuantity: { value: mg, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
        ],
      },
    ],
  };
}

function lab(id: string, loinc: string, value: number, unit: string, at: string) {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
    subject: { reference: 'Patient/p20' },
    effectiveDateTime: at,
    valueQuantity: { value, unit },
  };
}

export function pregnantRenalCall(labsAt = '2026-11-20T08:00:00Z') {
  const bundle = (resources: unknown[]) => ({
    resourceType: 'Bundle',
    type: 'searchset',
    entry: resources.map((resource) => ({ resource })),
  });
  return {
    hookInstance: 'issue-20-pharmacist',
    hook: 'order-sign',
    context: {
      userId: 'Practitioner/ph1',
      patientId: 'p20',
      draftOrders: {
        resourceType: 'Bundle',
        entry: [
          { resource: order('o1', 'Lisinopril 20 MG Oral Tablet', '29046', 20, 'draft') },
          { resource: order('o2', 'Ibuprofen 400 MG Oral Tablet', '5640', 400, 'draft') },
        ],
      },
    },
    prefetch: {
      patient: { resourceType: 'Patient', id: 'p20', gender: 'female', birthDate: '1994-03-02' },
      conditions: null,
      allergies: null,
      observations: bundle([
        lab('egfr', '33914-3', 25, 'mL/min/{1.73_m2}', labsAt),
        lab('k', '2823-3', 5.6, 'mmol/L', labsAt),
        {
          resourceType: 'Observation',
          id: 'preg',
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: '82810-3' }] },
          subject: { reference: 'Patient/p20' },
          effectiveDateTime: '2026-11-20T08:00:00Z',
          valueCodeableConcept: {
            coding: [{ system: 'http://snomed.info/sct', code: '77386006', display: 'Pregnant' }],
          },
        },
      ]),
      medicationRequests: bundle([
        order('m1', 'Furosemide 40 MG Oral Tablet', '4603', 40, 'active'),
        order('m2', 'Losartan 50 MG Oral Tablet', '52175', 50, 'active'),
      ]),
      medicationStatements: null,
    },
  };
}
