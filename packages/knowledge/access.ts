/**
 * Who may search and who may manage knowledge collections.
 *
 * - Search: admins and the system always; an API key listed on the collection; otherwise the collection's roles.
 * - Manage (create a collection, upload or delete a document, delete a collection): an admin, the system, or an
 *   API key holding the explicit scope `system/Knowledge.write` (no wildcard grants it: identity's scope grammar
 *   lists `Knowledge` among the types `*` does not cover). The role `service` alone grants nothing — every API key
 *   has that role.
 * - The built-in grounding collections (the shipped guideline summary and drug monographs, which the guard and
 *   the care copilot cite) are changed only by an admin or the system, not by a key.
 */
import { QihuangError, type Principal } from '@qihuang/contracts';
import type { Collection } from './types.ts';

/** The API-key scope that lets a key manage knowledge collections other than the built-in ones. */
export const KNOWLEDGE_WRITE_SCOPE = 'system/Knowledge.write';

/** Names of the built-in grounding collections (packs/index.ts loads them). */
export const GUIDELINE_COLLECTION = 'guidelines';
export const DRUG_COLLECTION = 'drug-monographs';
export const BUILT_IN_COLLECTIONS: ReadonlySet<string> = new Set([GUIDELINE_COLLECTION, DRUG_COLLECTION]);

export function canSearch(
  collection: Pick<Collection, 'allowedRoles' | 'allowedKeys'>,
  principal: Principal,
): boolean {
  if (principal.kind === 'system' || principal.role === 'admin') return true;
  if (principal.kind === 'key' && collection.allowedKeys.includes(principal.id)) return true;
  return collection.allowedRoles.includes(principal.role);
}

const isAdmin = (principal: Principal) =>
  principal.kind === 'system' || (principal.kind === 'user' && principal.role === 'admin');

/**
 * Whether the principal may manage knowledge; with a collection name, whether it may change that collection
 * (built-in ones: admin or system only).
 */
export function canManage(principal: Principal, collectionName?: string): boolean {
  if (isAdmin(principal)) return true;
  if (collectionName !== undefined && BUILT_IN_COLLECTIONS.has(collectionName)) return false;
  return principal.kind === 'key' && principal.scopes.includes(KNOWLEDGE_WRITE_SCOPE);
}

export function requireManage(principal: Principal, collectionName?: string): void {
  if (canManage(principal, collectionName)) return;
  if (collectionName !== undefined && BUILT_IN_COLLECTIONS.has(collectionName) && canManage(principal)) {
    throw new QihuangError(
      'forbidden',
      `The built-in collection "${collectionName}" can be changed only by an admin`,
    );
  }
  throw new QihuangError(
    'forbidden',
    `Managing knowledge collections needs the admin role or an API key with the scope ${KNOWLEDGE_WRITE_SCOPE}`,
  );
}
