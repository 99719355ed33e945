/** Kysely table types of identity (migration 0100-identity). */
import type { ColumnType, Kysely } from 'kysely';
import type { Role } from '@qihuang/contracts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface IdentityUserTable {
  id: string;
  username: string;
  display_name: string | null;
  role: Role;
  /** argon2id PHC string. Never leaves this package. */
  password_hash: string;
  patient_id: string | null;
  disabled: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IdentityTokenTable {
  /** sha256 hex of the opaque bearer token. */
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface IdentityApiKeyTable {
  id: string;
  name: string;
  /** sha256 hex of the whole key (qh_…). */
  key_hash: string;
  /** First characters of the key, for recognising it in lists. */
  prefix: string;
  scopes: string[];
  /** Virtual models the key may call; ['*'] = all. */
  allowed_models: string[];
  rate_limit: number | null;
  created_by: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface IdentityLoginThrottleTable {
  /** 'account:<username>' or 'address:<client address>'. */
  key: string;
  failures: number;
  window_start: Timestamp;
}

export interface IdentityTables {
  identity_user: IdentityUserTable;
  identity_token: IdentityTokenTable;
  identity_api_key: IdentityApiKeyTable;
  identity_login_throttle: IdentityLoginThrottleTable;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers hold Kysely<StoreTables> or a transaction of it
export type AnyKysely = Kysely<any>;

/** View any database handle through the identity tables' types. */
export function identityDb(db: AnyKysely): Kysely<IdentityTables> {
  return db as unknown as Kysely<IdentityTables>;
}
