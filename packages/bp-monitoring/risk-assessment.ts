/** A PCE result stored as a FHIR RiskAssessment, with the inputs and the source it was computed from. */
import type { RequestContext } from '@qihuang/contracts';
import type { PceResult } from '@qihuang/engines/cardiovascular-risk';
import type { FhirRepository, FhirResource } from '@qihuang/store';

export async function storeRiskAssessment(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
  pce: PceResult,
  now: string,
): Promise<FhirResource> {
  const resource = {
    resourceType: 'RiskAssessment',
    status: 'final',
    subject: { reference: `Patient/${patientId}` },
    occurrenceDateTime: now,
    method: { text: `2013 ACC/AHA Pooled Cohort Equations (${pce.group}); ${pce.source}` },
    code: { text: '10-year risk of hard ASCVD' },
    prediction: [
      {
        outcome: { text: 'Hard ASCVD event (coronary death, non-fatal MI, fatal or non-fatal stroke)' },
        probabilityDecimal: pce.tenYearRisk,
        qualitativeRisk: { text: pce.category },
        whenRange: { high: { value: 10, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' } },
      },
    ],
    note: [{ text: `Inputs: ${JSON.stringify(pce.inputs)}. Rule: ${pce.rule}` }],
  };
  return (await repo.create(ctx, resource)).resource;
}
