import { extractReferenceRows } from './index-rows.ts';

/**
 * R4 Patient CompartmentDefinition (hl7.org/fhir/R4/compartmentdefinition-patient.html): for each type, the
 * search parameters whose Patient references put a resource in that patient's compartment.
 */
export const PATIENT_COMPARTMENT: Readonly<Record<string, readonly string[]>> = {
  Account: ['subject'],
  AdverseEvent: ['subject'],
  AllergyIntolerance: ['patient', 'recorder', 'asserter'],
  Appointment: ['actor'],
  AppointmentResponse: ['actor'],
  AuditEvent: ['patient'],
  Basic: ['patient', 'author'],
  BodyStructure: ['patient'],
  CarePlan: ['patient', 'performer'],
  CareTeam: ['patient', 'participant'],
  ChargeItem: ['subject'],
  Claim: ['patient', 'payee'],
  ClaimResponse: ['patient'],
  ClinicalImpression: ['subject'],
  Communication: ['subject', 'sender', 'recipient'],
  CommunicationRequest: ['subject', 'sender', 'recipient', 'requester'],
  Composition: ['subject', 'author', 'attester'],
  Condition: ['patient', 'asserter'],
  Consent: ['patient'],
  Coverage: ['policy-holder', 'subscriber', 'beneficiary', 'payor'],
  CoverageEligibilityRequest: ['patient'],
  CoverageEligibilityResponse: ['patient'],
  DetectedIssue: ['patient'],
  // Local addition (not in the R4 CompartmentDefinition): a patient's own cuff or watch (Device.patient) belongs
  // to their compartment, so they can register it with their home readings and see it.
  Device: ['patient'],
  DeviceRequest: ['subject', 'performer'],
  DeviceUseStatement: ['subject'],
  DiagnosticReport: ['subject'],
  DocumentManifest: ['subject', 'author', 'recipient'],
  DocumentReference: ['subject', 'author'],
  Encounter: ['subject'],
  EnrollmentRequest: ['subject'],
  EpisodeOfCare: ['patient'],
  ExplanationOfBenefit: ['patient', 'payee'],
  FamilyMemberHistory: ['patient'],
  Flag: ['patient'],
  Goal: ['patient'],
  Group: ['member'],
  ImagingStudy: ['patient'],
  Immunization: ['patient'],
  ImmunizationEvaluation: ['patient'],
  ImmunizationRecommendation: ['patient'],
  Invoice: ['subject', 'patient', 'recipient'],
  List: ['subject', 'source'],
  MeasureReport: ['patient'],
  Media: ['subject'],
  MedicationAdministration: ['patient', 'performer', 'subject'],
  MedicationDispense: ['subject', 'patient', 'receiver'],
  MedicationRequest: ['subject'],
  MedicationStatement: ['subject'],
  MolecularSequence: ['patient'],
  NutritionOrder: ['patient'],
  Observation: ['subject', 'performer'],
  Patient: ['link'],
  Person: ['patient'],
  Procedure: ['patient', 'performer'],
  Provenance: ['patient'],
  QuestionnaireResponse: ['subject', 'author'],
  RelatedPerson: ['patient'],
  RequestGroup: ['subject', 'participant'],
  ResearchSubject: ['individual'],
  RiskAssessment: ['subject'],
  Schedule: ['actor'],
  ServiceRequest: ['subject', 'performer'],
  Specimen: ['subject'],
  SupplyDelivery: ['patient'],
  SupplyRequest: ['subject'],
  Task: ['patient', 'focus'],
  VisionPrescription: ['patient'],
};

/**
 * Ids of the Patients whose compartment this resource belongs to (a Patient belongs to its own). References
 * that are not relative `Patient/id` — absolute URLs, urn:uuid, contained, logical — are ignored:
 * resolve them before calling this. Result is de-duplicated, in first-seen order.
 */
export function patientCompartmentIds(resource: { resourceType: string; id?: string }): string[] {
  const ids = new Set<string>();
  if (resource.resourceType === 'Patient' && resource.id) ids.add(resource.id);
  const params = PATIENT_COMPARTMENT[resource.resourceType];
  if (!params) return [...ids];
  for (const row of extractReferenceRows(resource, params)) {
    if (row.targetType === 'Patient' && row.targetId && !row.url.includes(':')) ids.add(row.targetId);
  }
  return [...ids];
}
