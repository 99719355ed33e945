/** Options, defaults and the shared state (database, clock, cache) of one identity service. */
import { type Kysely } from 'kysely';
import { identityDb, type AnyKysely, type IdentityTables } from './tables.ts';
import { cacheFor, type TokenCache } from './token-cache.ts';

export interface ThrottlePolicy {
  /** Failed sign-ins per account per window before 429. */
  accountLimit: number;
  /** Failed sign-ins per client address per window before 429. */
  addressLimit: number;
  windowSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { accountLimit: 5, addressLimit: 20, windowSeconds: 15 * 60 };
export const DEFAULT_TOKEN_TTL_SECONDS = 8 * 60 * 60;
export const DEFAULT_CACHE_TTL_MS = 5_000;

export interface IdentityOptions {
  db: AnyKysely;
  clock?: () => Date;
  tokenTtlSeconds?: number;
  /** How long a resolved token stays cached in this process (0 disables the cache). */
  cacheTtlMs?: number;
  throttle?: Partial<ThrottlePolicy>;
}

/** What the parts of the identity service share. */
export interface IdentityContext {
  /** The options' database, typed with the identity tables. */
  db: Kysely<IdentityTables>;
  /** The options' database as given (the default executor). */
  rawDb: AnyKysely;
  clock: () => Date;
  tokenTtlSeconds: number;
  cacheTtlMs: number;
  throttle: ThrottlePolicy;
  cache: TokenCache;
}

export function createContext(options: IdentityOptions): IdentityContext {
  return {
    db: identityDb(options.db),
    rawDb: options.db,
    clock: options.clock ?? (() => new Date()),
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    cacheTtlMs: options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS,
    throttle: { ...DEFAULT_THROTTLE, ...options.throttle },
    cache: cacheFor(options.db),
  };
}
