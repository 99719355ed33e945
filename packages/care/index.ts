/**
 * Full-process hypertension care (consultation → monitoring → diagnosis → prescription draft → management)
 * over the store, the engines, prescription review, the knowledge base, the guard and the gateway.
 * HTTP contract: API.md.
 */
export { createCareRoutes, CARE_OPENAPI, type CareRouteDeps } from './routes.ts';
export type { CareDeps } from './deps.ts';
/** The consultation service behind the /consultations routes (for callers that hold a CareDeps). */
export { startConsultation, postConsultationMessage, completeConsultation } from './consultation.ts';
export { SECOND_OPINION_MARKER } from './second-opinion.ts';
export {
  gatewayCareModel,
  readStream,
  NOT_CONFIGURED_MESSAGE,
  type CareModel,
  type ChatTurn,
} from './model.ts';
export { upsertCarePlan, getCarePlan, type CarePlanView, type PatientHome } from './management.ts';
export { patientHome } from './patient-home.ts';
export { carePanel } from './panel.ts';
export { dispatchReminders, type ReminderDispatch } from './reminders.ts';
export type { CareSettings } from './settings.ts';
export { citeSource } from './citations.ts';
export {
  INTAKE_STEPS,
  QUESTIONS,
  intakeResources,
  conditionsIn,
  medicationsIn,
  readingsIn,
  lifestyleIn,
} from './intake.ts';
/** The wire contract of this package's routes (type-only; the console imports it from `@qihuang/care/api-types`). */
export type * from './api-types/index.ts';
