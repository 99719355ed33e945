/**
 * Full-process hypertension care (consultation → monitoring → diagnosis → prescription draft → management)
 * over the store, the engines, prescription review, the knowledge base, the guard and the gateway.
 * HTTP contract: API.md.
 */
export { createCareRoutes, CARE_OPENAPI, type CareRouteDeps } from './routes.ts';
export type { CareDeps } from './deps.ts';
export {
  gatewayCareModel,
  readStream,
  NOT_CONFIGURED_MESSAGE,
  type CareModel,
  type ChatTurn,
} from './model.ts';
export {
  dispatchReminders,
  carePanel,
  upsertCarePlan,
  getCarePlan,
  patientHome,
  type ReminderDispatch,
  type CarePlanView,
  type PatientHome,
} from './management.ts';
export {
  INTAKE_STEPS,
  QUESTIONS,
  intakeResources,
  conditionsIn,
  medicationsIn,
  readingsIn,
  lifestyleIn,
} from './intake.ts';
