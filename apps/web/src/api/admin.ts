import type { Role } from './auth.ts';
import { rawRequest, request, type RequestOptions } from './client.ts';

export interface User {
  id: string;
  username: string;
  role: Role;
  displayName?: string;
  patientId?: string;
  disabled: boolean;
  createdAt: string;
}

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  displayName?: string;
  patientId?: string;
}

export interface UserPatch {
  disabled?: boolean;
  role?: Role;
  password?: string;
}

export interface ApiKey {
  id: string;
  name: string;
  scopes: string[];
  expiresAt?: string;
  lastUsedAt?: string;
  revoked: boolean;
}

export interface NewApiKey {
  name: string;
  scopes: string[];
  expiresAt?: string;
}

/** The secret is in `key` and is returned only once, at creation. */
export interface CreatedApiKey extends Partial<ApiKey> {
  id: string;
  key: string;
}

export const admin = {
  users: () => request<User[]>('/admin/users'),
  createUser: (user: NewUser) => request<User>('/admin/users', { method: 'POST', body: user }),
  updateUser: (id: string, patch: UserPatch) =>
    request<User>(`/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
  apiKeys: () => request<ApiKey[]>('/admin/api-keys'),
  createApiKey: (key: NewApiKey) => request<CreatedApiKey>('/admin/api-keys', { method: 'POST', body: key }),
  revokeApiKey: (id: string) =>
    request<unknown>(`/admin/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  /** NDJSON export of the audit trail with the same filters as the AuditEvent search. */
  exportAudit: async (query: RequestOptions['query']): Promise<Blob> => {
    const response = await rawRequest('/admin/audit/export', { query, accept: 'application/x-ndjson' });
    return response.blob();
  },
};
