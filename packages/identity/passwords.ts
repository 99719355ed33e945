/** argon2id password hashing (OWASP parameters: m = 19 MiB, t = 2, p = 1 — the library defaults). */
import { hash, verify, type Algorithm } from '@node-rs/argon2';

const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id (a const enum, not importable under isolatedModules)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The lengths are the password policy's (./password-policy.ts). */
export { PASSWORD_MAX, PASSWORD_MIN } from './password-policy.ts';

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Burn the same time as a real verification when the account does not exist, so response time does not
 * tell which usernames exist.
 */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummy ??= hashPassword('qihuang-dummy-password-for-timing');
  await verifyPassword(await dummy, password);
}
