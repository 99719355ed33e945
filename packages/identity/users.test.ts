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
import { createIdentity, NewUserSchema, UserPatchSchema, type Identity } from './index.ts';

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
});
