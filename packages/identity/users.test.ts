/**
 * The identity service itself checks what it is given (issue 20, found by trying `qihuang user create`): the CLI
 * and the /admin routes call createUser / updateUser, so the rules live here — the same schema the /admin route
 * parses with (NewUserSchema / UserPatchSchema, exported), and a patient account links only to a Patient that
 * exists in the FHIR store (not deleted). On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type QihuangError } from '@qihuang/contracts';
import { FhirRepository, type Database } from '@qihuang/store';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import {
  createIdentity,
  ensureInitialAdmin,
  NewUserSchema,
  UserPatchSchema,
  type Identity,
} from './index.ts';

const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };

async function refusal(promise: Promise<unknown>): Promise<QihuangError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected a refusal').toBeDefined();
  return error as QihuangError;
}

describe('the /admin schemas are exported from the package', () => {
  it('NewUserSchema and UserPatchSchema: one rule for the API and the CLI', () => {
    expect(
      NewUserSchema.safeParse({ username: 'bad name!', password: 'long-enough-1', role: 'nurse' }).success,
    ).toBe(false);
    expect(UserPatchSchema.safeParse({ password: 'abc' }).success).toBe(false);
  });
});

describe.each(DATABASE_KINDS)('identity users on %s', (kind) => {
  let database: Database;
  let identity: Identity;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    identity = createIdentity({ db: database.db });
    const repository = new FhirRepository(database.db);
    await repository.update(system, 'Patient', 'pat-here', { resourceType: 'Patient', id: 'pat-here' });
    await repository.update(system, 'Patient', 'pat-gone', { resourceType: 'Patient', id: 'pat-gone' });
    await repository.delete(system, 'Patient', 'pat-gone');
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('createUser refuses a username that could never sign in and a short password (the /admin rules)', async () => {
    const name = await refusal(
      identity.createUser(database.db, { username: 'bad name!', password: 'long-enough-1', role: 'nurse' }),
    );
    expect(name.code).toBe('invalid-input');
    expect(name.message).toMatch(/^username: /);
    const short = await refusal(
      identity.createUser(database.db, { username: 'n.short', password: 'abc', role: 'nurse' }),
    );
    expect(short.code).toBe('invalid-input');
    expect(short.message).toBe('password: at least 8 characters');
    const users = (await identity.listUsers(database.db)).map((u) => u.username);
    expect(users).not.toContain('bad name!');
    expect(users).not.toContain('n.short');
  });

  it('createUser normalises the username as the route does', async () => {
    const user = await identity.createUser(database.db, {
      username: ' Nurse.Ma ',
      password: 'long-enough-1',
      role: 'nurse',
    });
    expect(user.username).toBe('nurse.ma');
    expect((await identity.login('nurse.ma', 'long-enough-1')).ok).toBe(true);
    const again = await refusal(
      identity.createUser(database.db, { username: 'NURSE.MA', password: 'long-enough-1', role: 'nurse' }),
    );
    expect(again.code).toBe('conflict');
  });

  it('a patient account links only to a Patient in the FHIR store (unknown and deleted refused)', async () => {
    for (const patientId of ['nope', 'pat-gone']) {
      const error = await refusal(
        identity.createUser(database.db, {
          username: `p.${patientId}`,
          password: 'long-enough-1',
          role: 'patient',
          patientId,
        }),
      );
      expect(error.code).toBe('invalid-resource');
      expect(error.message).toBe(
        `patientId: there is no Patient/${patientId}; link the account to an existing patient record`,
      );
    }
    const linked = await identity.createUser(database.db, {
      username: 'p.here',
      password: 'long-enough-1',
      role: 'patient',
      patientId: 'pat-here',
    });
    expect(linked.patientId).toBe('pat-here');
    const relink = await refusal(identity.updateUser(database.db, linked.id, { patientId: 'nope' }));
    expect(relink.code).toBe('invalid-resource');
    expect((await identity.getUser(linked.id))?.patientId).toBe('pat-here');
  });

  it('updateUser (a password reset) applies the password policy', async () => {
    const user = await identity.createUser(database.db, {
      username: 'dr.reset',
      password: 'long-enough-1',
      role: 'clinician',
    });
    const short = await refusal(identity.updateUser(database.db, user.id, { password: 'abc' }));
    expect(short.code).toBe('invalid-input');
    expect(short.message).toBe('password: at least 8 characters');
    expect((await identity.login('dr.reset', 'long-enough-1')).ok).toBe(true);
  });

  it('createUser and updateUser apply the password policy: common, context words, 15 for admin (issue 21)', async () => {
    const refused = async (promise: Promise<unknown>, message: string) => {
      const error = await refusal(promise);
      expect(error.code).toBe('invalid-input');
      expect(error.message).toBe(message);
    };
    const common = 'password: too common (on a list of frequently used passwords)';
    const context = 'password: too close to the username or the product name';
    await refused(
      identity.createUser(database.db, { username: 'n.p1', password: 'password', role: 'nurse' }),
      common,
    );
    await refused(
      identity.createUser(database.db, { username: 'n.p2', password: '12345678', role: 'nurse' }),
      common,
    );
    await refused(
      identity.createUser(database.db, { username: 'n.same12', password: 'n.same12', role: 'nurse' }),
      context,
    );
    await refused(
      identity.createUser(database.db, { username: 'n.p3', password: 'Qihuang2026', role: 'nurse' }),
      context,
    );
    await refused(
      identity.createUser(database.db, { username: 'boss', password: 'short-but-ok', role: 'admin' }),
      'password: at least 15 characters for an admin account',
    );
    const boss = await identity.createUser(database.db, {
      username: 'boss',
      password: 'a-much-longer-one',
      role: 'admin',
    });
    await refused(identity.updateUser(database.db, boss.id, { password: '12345678' }), common);
    await refused(
      identity.updateUser(database.db, boss.id, { password: 'short-but-ok' }),
      'password: at least 15 characters for an admin account',
    );
    await refused(identity.updateUser(database.db, boss.id, { password: 'boss-boss-boss-1' }), context);
    expect((await identity.login('boss', 'a-much-longer-one')).ok).toBe(true);
    const nurse = await identity.createUser(database.db, {
      username: 'n.ok',
      password: 'short-but-ok',
      role: 'nurse',
    });
    // Promoted with a new password in the same change: the admin minimum applies.
    await refused(
      identity.updateUser(database.db, nurse.id, { role: 'admin', password: 'other-but-ok' }),
      'password: at least 15 characters for an admin account',
    );
    const users = (await identity.listUsers(database.db)).map((u) => u.username);
    for (const name of ['n.p1', 'n.p2', 'n.same12', 'n.p3']) expect(users).not.toContain(name);
  });

  it('the first admin password (from the environment) meets the admin rule', async () => {
    const empty = await openTestDatabase(kind);
    try {
      for (const [password, why] of [
        ['12345678', 'too common'],
        ['just-short-1', 'at least 15 characters'],
        ['qihuang-admin-12', 'too close to the username or the product name'],
      ] as const)
        expect((await refusal(ensureInitialAdmin(empty.db, { password }))).message).toContain(why);
      expect(await ensureInitialAdmin(empty.db, { password: 'a-much-longer-one' })).toMatchObject({
        created: true,
      });
    } finally {
      await empty.close();
    }
  });
});
