import type {
  ApiKeyView as ApiKey,
  CreatedApiKey,
  NewApiKey,
  NewUser,
  UserPatch,
  UserView as User,
} from '@qihuang/identity/api-types';
import { rawRequest, request, type RequestOptions } from './client.ts';

export type { ApiKey, CreatedApiKey, NewApiKey, NewUser, User, UserPatch };

export const admin = {
  users: () => request<User[]>('/admin/users'),
  createUser: (user: NewUser) => request<User>('/admin/users', { method: 'POST', body: user }),
  updateUser: (id: string, patch: UserPatch) =>
    request<User>(`/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
  apiKeys: () => request<ApiKey[]>('/admin/api-keys'),
  createApiKey: (key: NewApiKey) => request<CreatedApiKey>('/admin/api-keys', { method: 'POST', body: key }),
  revokeApiKey: (id: string) =>
    request<ApiKey>(`/admin/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  /** NDJSON export of the audit trail with the same filters as the AuditEvent search. */
  exportAudit: async (query: RequestOptions['query']): Promise<Blob> => {
    const response = await rawRequest('/admin/audit/export', { query, accept: 'application/x-ndjson' });
    return response.blob();
  },
};
