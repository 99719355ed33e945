/**
 * Who is calling and what they may do. Implemented by packages/identity (users, tokens, API keys, SMART
 * scopes); used by every route family. Designed so an OIDC token verifier can produce the same Principal.
 */
export type Role = 'admin' | 'clinician' | 'nurse' | 'pharmacist' | 'auditor' | 'patient' | 'service';

export interface Principal {
  /** user id or API-key id */
  id: string;
  kind: 'user' | 'key' | 'system';
  username: string;
  role: Role;
  /** SMART-on-FHIR-style scopes: patient/*.read, user/Observation.write, system/*.* … */
  scopes: string[];
  /** Set for role 'patient': the Patient resource this user is; limits FHIR access to that compartment. */
  patientId?: string;
  /** For API keys: the virtual models the key may call ('*' = all). */
  allowedModels?: string[] | '*';
}

/** The system itself (CLI import with direct database access, seeding). */
export const SYSTEM_PRINCIPAL: Principal = {
  id: 'system',
  kind: 'system',
  username: 'system',
  role: 'service',
  scopes: ['system/*.*'],
};

export interface RequestContext {
  requestId: string;
  principal: Principal;
  clientAddress?: string;
}

export type AuditAction =
  | 'read'
  | 'vread'
  | 'search'
  | 'history'
  | 'create'
  | 'update'
  | 'delete'
  | 'operation'
  | 'transaction'
  | 'login'
  | 'logout'
  | 'admin'
  | 'model-call'
  | 'export'
  | 'cds-feedback';

export interface AuditRecord {
  action: AuditAction;
  outcome: 'success' | 'failure';
  resourceType?: string;
  resourceId?: string;
  /** The query string of a search, the operation name … (never a request body). */
  query?: string;
  /** Patients whose data was touched. */
  patientIds: string[];
  /** Short machine-readable detail (HTTP status, error code, counts, model, tokens). */
  detail?: Record<string, unknown>;
}
