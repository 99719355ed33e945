/**
 * The guard's wire types (verdicts, checked claims, the check result, the `POST /guard/check` body), type-only:
 * other packages' contracts and the console import them from `@qihuang/guard/api-types` without loading the
 * guard's code. The request body is the route schema's input type.
 */
import type { z } from 'zod';
import type { GuardRequestSchema } from '../routes.ts';

export type * from '../types.ts';

/** `POST /guard/check` body: the answer, its passages, optional patient facts, guideline and policy. */
export type GuardCheckRequest = z.input<typeof GuardRequestSchema>;
