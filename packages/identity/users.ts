/**
 * Users: listing, creation, updates (role, password, disabling; never the last active admin) and the first admin.
 * createUser and updateUser check their input themselves — the schemas the /admin routes parse with (./schemas.ts)
 * and a patient link to a Patient that exists in the FHIR store — so every caller (the routes, `qihuang user`)
 * makes only accounts that work (issue 20).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { QihuangError } from '@qihuang/contracts';
import type { IdentityContext } from './context.ts';
import {
  passwordProblem,
  passwordRefusal,
  passwordRefusalIssue,
  wordPasswordRefusal,
} from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import type { StoreTables } from '@qihuang/store';
import { NewUserSchema, parseWith, UserPatchSchema, type NewUser, type UserPatch } from './schemas.ts';
import { identityDb, type AnyKysely, type IdentityTables } from './tables.ts';
import type { Tokens } from './tokens.ts';
import { USER_COLUMNS, userView, type UserView } from './views.ts';

export interface Users {
  getUser(id: string, executor?: AnyKysely): Promise<UserView | undefined>;
  listUsers(executor?: AnyKysely): Promise<UserView[]>;
  createUser(executor: AnyKysely, input: NewUser): Promise<UserView>;
  updateUser(executor: AnyKysely, id: string, patch: UserPatch): Promise<UserView>;
}

async function adminCount(executor: Kysely<IdentityTables>, exceptId: string): Promise<number> {
  const row = await executor
    .selectFrom('identity_user')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', false)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A patient account links to a Patient the FHIR store holds (not deleted); else 422 naming the field and the id. */
async function assertPatientExists(executor: AnyKysely, patientId: string): Promise<void> {
  const row = await (executor as Kysely<Pick<StoreTables, 'fhir_resource'>>)
    .selectFrom('fhir_resource')
    .select('id')
    .where('resource_type', '=', 'Patient')
    .where('id', '=', patientId)
    .where('deleted', '=', false)
    .executeTakeFirst();
  if (row) return;
  throw new QihuangError(
    'invalid-resource',
    `patientId: there is no Patient/${patientId}; link the account to an existing patient record`,
    {
      issues: [
        {
          severity: 'error',
          code: 'not-found',
          message: `no Patient/${patientId}`,
          expression: ['patientId'],
        },
      ],
    },
  );
}

export function createUsers(
  ctx: IdentityContext,
  { revokeUserTokens, forget }: Pick<Tokens, 'revokeUserTokens' | 'forget'>,
): Users {
  const { clock } = ctx;
  return {
    async getUser(id, executor = ctx.rawDb) {
      const row = await identityDb(executor)
        .selectFrom('identity_user')
        .select(USER_COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? userView(row) : undefined;
    },

    async listUsers(executor = ctx.rawDb) {
      const rows = await identityDb(executor)
        .selectFrom('identity_user')
        .select(USER_COLUMNS)
        .orderBy('username')
        .execute();
      return rows.map(userView);
    },

    async createUser(executor, given) {
      const input = parseWith(NewUserSchema, given);
      assertPasswordAllowed(input.password, input);
      if (input.role === 'patient' && !input.patientId) {
        throw new QihuangError(
          'invalid-input',
          'patientId: a patient user must be linked to a Patient resource',
        );
      }
      if (input.role !== 'patient' && input.patientId) {
        throw new QihuangError(
          'invalid-input',
          'patientId: only patient users are linked to a Patient resource',
        );
      }
      if (input.patientId) await assertPatientExists(executor, input.patientId);
      const now = clock();
      const row = await identityDb(executor)
        .insertInto('identity_user')
        .values({
          id: randomUUID(),
          username: input.username,
          display_name: input.displayName ?? null,
          role: input.role,
          password_hash: await hashPassword(input.password),
          patient_id: input.patientId ?? null,
          disabled: false,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('username').doNothing())
        .returning(USER_COLUMNS)
        .executeTakeFirst();
      if (!row) throw new QihuangError('conflict', `A user named "${input.username}" already exists`);
      return userView(row);
    },

    async updateUser(executor, id, given) {
      const patch = parseWith(UserPatchSchema, given);
      const edb = identityDb(executor);
      const current = await edb
        .selectFrom('identity_user')
        .select(USER_COLUMNS)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw new QihuangError('not-found', `No user ${id}`);
      const role = patch.role ?? current.role;
      const patientId = patch.patientId === undefined ? current.patient_id : patch.patientId;
      if (role === 'patient' && !patientId) {
        throw new QihuangError(
          'invalid-input',
          'patientId: a patient user must be linked to a Patient resource',
        );
      }
      if (role !== 'patient' && patientId) {
        throw new QihuangError(
          'invalid-input',
          'patientId: only patient users are linked to a Patient resource',
        );
      }
      if (patch.password !== undefined)
        assertPasswordAllowed(patch.password, { username: current.username, role });
      if (patientId && patientId !== current.patient_id) await assertPatientExists(executor, patientId);
      const losesAdmin =
        current.role === 'admin' && !current.disabled && (role !== 'admin' || patch.disabled === true);
      if (losesAdmin && (await adminCount(edb, id)) === 0) {
        throw new QihuangError(
          'conflict',
          'This is the last active admin: create or enable another admin first',
        );
      }
      const row = await edb
        .updateTable('identity_user')
        .set({
          role,
          patient_id: patientId,
          ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
          ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
          ...(patch.password !== undefined ? { password_hash: await hashPassword(patch.password) } : {}),
          updated_at: clock(),
        })
        .where('id', '=', id)
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow();
      // A new password or a disabled account ends every session; a role change applies on the next lookup.
      if (patch.password !== undefined || patch.disabled === true) await revokeUserTokens(executor, id);
      forget(id);
      return userView(row);
    },
  };
}

export interface InitialAdminResult {
  created: boolean;
  username: string;
  /** Set only when a password was generated: print it once. */
  generatedPassword?: string;
}

/**
 * The password policy (./password-policy.ts) for this account: a refusal names the field, as the schemas do, and
 * its issue carries the reason id the console and the CLI word it from (issue 21).
 */
function assertPasswordAllowed(password: string, account: { username: string; role: string }): void {
  const refusal = passwordRefusal(password, account);
  if (refusal)
    throw new QihuangError('invalid-input', `password: ${wordPasswordRefusal(refusal)}`, {
      issues: [passwordRefusalIssue(refusal)],
    });
}

/**
 * First start of an empty database: create user `admin` with the given password (QIHUANG_ADMIN_PASSWORD) or a
 * generated one, returned so the server prints it once. Does nothing when any user exists. Safe when several
 * replicas start at once (the unique username decides).
 */
export async function ensureInitialAdmin(
  db: AnyKysely,
  options: { password?: string; clock?: () => Date } = {},
): Promise<InitialAdminResult> {
  const idb = identityDb(db);
  const any = await idb.selectFrom('identity_user').select('id').limit(1).executeTakeFirst();
  if (any) return { created: false, username: 'admin' };
  const problem =
    options.password === undefined
      ? undefined
      : passwordProblem(options.password, { username: 'admin', role: 'admin' });
  if (problem) throw new QihuangError('invalid-input', `QIHUANG_ADMIN_PASSWORD: ${problem}`);
  const generated = options.password === undefined ? randomBytes(18).toString('base64url') : undefined;
  const now = (options.clock ?? (() => new Date()))();
  const row = await idb
    .insertInto('identity_user')
    .values({
      id: randomUUID(),
      username: 'admin',
      display_name: 'Administrator',
      role: 'admin',
      password_hash: await hashPassword(options.password ?? generated!),
      patient_id: null,
      disabled: false,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return { created: false, username: 'admin' };
  return { created: true, username: 'admin', ...(generated ? { generatedPassword: generated } : {}) };
}
