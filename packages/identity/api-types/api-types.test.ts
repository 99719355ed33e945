/** The request bodies of the contract are what the route schemas accept (a change on either side fails tsc). */
import type { z } from 'zod';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { NewApiKeySchema, NewUserSchema, UserPatchSchema } from '../schemas.ts';
import type { ApiKeys } from '../api-keys.ts';
import type { NewApiKey, NewUser, Role, UserPatch, CreatedApiKey } from './index.ts';
import { ROLES } from './index.ts';

describe('identity wire contract', () => {
  it('request bodies match the schemas', () => {
    expectTypeOf<z.input<typeof NewUserSchema>>().toEqualTypeOf<NewUser>();
    expectTypeOf<z.input<typeof UserPatchSchema>>().toEqualTypeOf<UserPatch>();
    expectTypeOf<z.input<typeof NewApiKeySchema>>().toEqualTypeOf<NewApiKey>();
  });
  it('ROLES lists every role of the Role union, and nothing else', () => {
    expectTypeOf<(typeof ROLES)[number]>().toEqualTypeOf<Role>();
    expect(new Set(ROLES).size).toBe(ROLES.length);
  });
  it('the created key is the contract answer', () => {
    expectTypeOf<Awaited<ReturnType<ApiKeys['createApiKey']>>>().toEqualTypeOf<CreatedApiKey>();
  });
});
