/**
 * Who is calling. The identity/access-control package implements `GatewayAuth` for real users and keys;
 * `createStaticGatewayAuth` serves tests and the quick start (one admin-set key).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface Principal {
  id: string;
  /** `service`: an in-process caller of the platform itself (e.g. an evaluation run), never a bearer key. */
  kind: 'user' | 'key' | 'service';
  role?: string;
  /** Virtual models (or provider ids) this principal may call; '*' = all. Absent = all. */
  allowedModels?: readonly string[] | '*';
  rateLimit?: { rpm?: number; tpm?: number };
  /** Token budgets; exhausted → 429 until the period resets (UTC). */
  budget?: { tokensPerDay?: number; tokensPerMonth?: number };
  /** Strip reasoning from every answer to this principal (patient-facing apps). */
  stripReasoning?: boolean;
  /**
   * An evaluation run of the validation centre: exempt from `requireApprovedDossier`, because evaluating a
   * model is how the evidence for its dossier is gathered. Only in-process service principals set it.
   */
  evaluation?: boolean;
}

export interface GatewayAuth {
  authenticate(bearer: string | undefined): Promise<Principal | null>;
}

export interface StaticKey {
  key: string;
  principal: Principal;
}

const digest = (key: string) => createHash('sha256').update(key).digest();

/** In-memory keys, compared by SHA-256 digest in constant time. */
export class StaticGatewayAuth implements GatewayAuth {
  private readonly keys = new Map<string, { hash: Buffer; principal: Principal }>();

  constructor(keys: readonly StaticKey[] = []) {
    for (const entry of keys) this.set(entry.key, entry.principal);
  }

  set(key: string, principal: Principal): void {
    const hash = digest(key);
    this.keys.set(hash.toString('hex'), { hash, principal });
  }

  remove(key: string): void {
    this.keys.delete(digest(key).toString('hex'));
  }

  async authenticate(bearer: string | undefined): Promise<Principal | null> {
    if (!bearer) return null;
    const hash = digest(bearer);
    const entry = this.keys.get(hash.toString('hex'));
    return entry && timingSafeEqual(entry.hash, hash) ? entry.principal : null;
  }
}

export const createStaticGatewayAuth = (keys: readonly StaticKey[] = []) => new StaticGatewayAuth(keys);

export function isModelAllowed(principal: Principal, ...names: string[]): boolean {
  const allowed = principal.allowedModels;
  if (allowed === undefined || allowed === '*') return true;
  return names.some((name) => allowed.includes(name));
}

/**
 * Quick start before the identity package is wired: one admin-set key (e.g. from the server's Config) that
 * may call every model and administer the gateway. No key → nobody is admitted.
 */
export function quickStartGatewayAuth(adminKey: string | undefined): StaticGatewayAuth {
  return new StaticGatewayAuth(
    adminKey
      ? [
          {
            key: adminKey,
            principal: { id: 'quick-start-admin', kind: 'key', role: 'admin', allowedModels: '*' },
          },
        ]
      : [],
  );
}
