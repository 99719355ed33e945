import { request } from './client.ts';
import { tokenStore } from './token-store.ts';

export const ROLES = ['admin', 'clinician', 'nurse', 'pharmacist', 'auditor', 'patient', 'service'] as const;
export type Role = (typeof ROLES)[number];

export interface Me {
  id: string;
  username: string;
  role: Role;
  displayName?: string;
  patientId?: string;
  scopes: string[];
}

interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

export async function login(username: string, password: string): Promise<void> {
  const token = await request<TokenResponse>('/auth/login', {
    method: 'POST',
    body: { username, password },
    skipUnauthorizedRedirect: true,
  });
  tokenStore.set(token.access_token);
}

export async function logout(): Promise<void> {
  try {
    await request<unknown>('/auth/logout', { method: 'POST', skipUnauthorizedRedirect: true });
  } finally {
    tokenStore.clear();
  }
}

export function fetchMe(): Promise<Me> {
  return request<Me>('/auth/me');
}
