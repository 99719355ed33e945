export { ApiError, isApiError } from './api-error.ts';
export { onUnauthorized } from './client.ts';
export { tokenStore } from './token-store.ts';
export { ROLES, USER_ROLES, fetchMe, login, logout, type Me, type Role, type UserRole } from './auth.ts';
export { fhir, searchNext, type Page } from './fhir.ts';
export { admin, type ApiKey, type CreatedApiKey, type NewUser, type User } from './admin.ts';
export {
  bp,
  GUIDELINE_IDS,
  type BpAlert,
  type BpAssessment,
  type BilingualText,
  type GuidelineId,
} from './bp.ts';
