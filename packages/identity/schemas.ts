/** Input validation: usernames, the password policy, and the user and API-key request schemas. */
import { z } from 'zod';
import { QihuangError } from '@qihuang/contracts';
import { PASSWORD_MAX, PASSWORD_MIN } from './passwords.ts';
import { passwordRefusalIssue } from './password-policy.ts';
import { isValidScope, parseScope } from './scopes.ts';
import { USER_ROLES } from './views.ts';

export const USERNAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/;
export const normaliseUsername = (username: string): string => username.trim().toLowerCase();

/** A password's length refused by the schema, as the policy's refusal (its reason id for the console, issue 21). */
function passwordLengthIssue(issue: z.core.$ZodIssue) {
  if (issue.path.join('.') !== 'password') return undefined;
  if (issue.code === 'too_small') return passwordRefusalIssue({ code: 'too-short', n: PASSWORD_MIN });
  if (issue.code === 'too_big') return passwordRefusalIssue({ code: 'too-long', n: PASSWORD_MAX });
  return undefined;
}

export function invalidInput(error: z.ZodError): QihuangError {
  const issues = error.issues.map(
    (issue) =>
      passwordLengthIssue(issue) ?? {
        severity: 'error' as const,
        code: 'invalid',
        message: issue.message,
        expression: issue.path.length ? [issue.path.join('.')] : undefined,
      },
  );
  const first = error.issues[0];
  return new QihuangError(
    'invalid-input',
    first ? `${first.path.length ? `${first.path.join('.')}: ` : ''}${first.message}` : 'Invalid input',
    { issues },
  );
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}

// The lengths only; the rest of the password policy needs the account (username, role): users.ts applies it.
const password = z
  .string()
  .min(PASSWORD_MIN, `at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `at most ${PASSWORD_MAX} characters`);
const displayName = z.string().trim().min(1).max(200);
const patientId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'a FHIR id');

export const NewUserSchema = z.strictObject({
  username: z
    .string()
    .transform(normaliseUsername)
    .pipe(z.string().regex(USERNAME, 'letters, digits and . _ @ - (up to 64)')),
  password,
  role: z.enum(USER_ROLES),
  displayName: displayName.optional(),
  patientId: patientId.optional(),
});
export type NewUser = z.infer<typeof NewUserSchema>;

export const UserPatchSchema = z.strictObject({
  disabled: z.boolean().optional(),
  role: z.enum(USER_ROLES).optional(),
  password: password.optional(),
  displayName: displayName.nullable().optional(),
  patientId: patientId.nullable().optional(),
});
export type UserPatch = z.infer<typeof UserPatchSchema>;

export const NewApiKeySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(z.string().max(200))
    .max(100)
    .default([])
    .refine((scopes) => scopes.every((s) => isValidScope(s) && s !== 'admin'), {
      message: 'each scope must be a SMART scope like system/*.read or user/Observation.write',
    })
    .refine((scopes) => scopes.every((s) => parseScope(s)?.context !== 'patient'), {
      message: 'patient/ scopes need a patient context, which API keys do not have',
    }),
  allowedModels: z.union([z.literal('*'), z.array(z.string().min(1).max(200)).max(100)]).default([]),
  rateLimit: z.number().int().min(1).max(1_000_000).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type NewApiKey = z.input<typeof NewApiKeySchema>;
