/** Shared bits of the eval HTTP edge: the env type, the error mapper, JSON body parsing with zod. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { isQihuangError, QihuangError } from '@qihuang/contracts';

export type EvalEnv = { Variables: { principal?: { username: string; role: string } } };

export function errorResponse(error: unknown, c: Context): Response {
  if (isQihuangError(error))
    return c.json({ error: { code: error.code, message: error.message } }, error.status as 400);
  console.error('eval route failed', error instanceof Error ? error.message : String(error));
  return c.json({ error: { code: 'internal', message: 'Internal error' } }, 500);
}

export async function body<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new QihuangError('invalid-input', 'The request body must be JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new QihuangError(
      'invalid-input',
      parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    );
  }
  return parsed.data;
}
