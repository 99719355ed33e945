import { ROLES, type MeAnswer, type TokenAnswer, type UserRole } from '@qihuang/identity/api-types';
import { request } from './client.ts';
import { tokenStore } from './token-store.ts';

export type { MeAnswer as Me, Role, UserRole } from '@qihuang/identity/api-types';
/** Every role (the server's list, from the identity contract). */
export { ROLES };

/** The roles a person's account can have (`service` is for API keys; the server refuses it for a user). */
export const USER_ROLES = ROLES.filter((r): r is UserRole => r !== 'service');

export async function login(username: string, password: string): Promise<void> {
  const token = await request<TokenAnswer>('/auth/login', {
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

export function fetchMe(): Promise<MeAnswer> {
  return request<MeAnswer>('/auth/me');
}
