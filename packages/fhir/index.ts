/**
 * @qihuang/fhir — FHIR R4 without I/O: validation, search-parameter registry and index extraction, patient
 * compartment, search parsing, CapabilityStatement, OperationOutcome. See README.md for exact semantics.
 */
export type * from './types.ts';
export { RESOURCE_TYPES, RESOURCE_TYPE_LIST, isResourceType } from './resource-types.ts';
export {
  SEARCH_PARAMETERS,
  SEARCHABLE_TYPES,
  COMMON_SEARCH_PARAMETERS,
  getSearchParameter,
  type SearchParameterDefinition,
} from './search-parameters.ts';
export { extractIndexRows, emptyIndexRows, valuesAtPath } from './index-rows.ts';
export { PATIENT_COMPARTMENT, patientCompartmentIds } from './patient-compartment.ts';
export { parseSearch, splitEscaped, DEFAULT_COUNT, MAX_COUNT } from './parse-search.ts';
export {
  dateRangeCondition,
  dateMatchesPredicate,
  evaluateDateCondition,
  type DateCondition,
} from './date-conditions.ts';
export {
  dateRange,
  normaliseString,
  parseReference,
  NEG_INFINITY,
  POS_INFINITY,
  ID_RE,
} from './fhir-values.ts';
export { validateResource, assertValidResource, type ValidateOptions } from './validate-resource.ts';
export { loadFhirDefinitions, fhirDefinitionsLoadMs } from './definitions.ts';
export { expandValueSet } from './value-sets.ts';
export { capabilityStatement, type CapabilityOptions, type TypeInteraction } from './capability-statement.ts';
export { operationOutcome, informationOutcome, ISSUE_TYPES } from './operation-outcome.ts';
/** A person's name as people read it (Chinese family+given, Western given family, `text` as written). */
export { humanNameText, resourceName, type HumanNameLike } from './human-name.ts';
export {
  RECORDED_BY_SYSTEM,
  PATIENT_RECORDED_TAG,
  HOME_MONITORING_CODES,
  stampRecordedBy,
  isPatientRecorded,
  drivesClinicalCalculations,
} from './recorded-by.ts';
