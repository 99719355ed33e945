/**
 * Request bodies at the HTTP edge: read JSON once, check it with a zod schema, and refuse with one
 * QihuangError('invalid-input') whose message names each failing field (`path: message; …`). Route families
 * that answer in another shape (the /v1 gateway) pass `refuse` to throw their own error type.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { QihuangError, type Issue } from '@qihuang/contracts';

export const NOT_JSON = 'The request body must be JSON';
export const NOT_OBJECT = 'The request body must be a JSON object';

export interface ReadJsonOptions {
  /** The value of an empty (or all-whitespace) body; without it an empty body is "not JSON". */
  empty?: unknown;
  /** Refuse anything but a JSON object (arrays, strings, numbers, null). */
  object?: boolean;
  /** The error to throw; default QihuangError('invalid-input', message). */
  refuse?: (message: string, reason: 'not-json' | 'not-object') => Error;
}

const defaultRefuse = (message: string) => new QihuangError('invalid-input', message);

/** The body as JSON (Hono caches the text, so a middleware that read it first costs nothing). */
export async function readJson(c: Context, options: ReadJsonOptions = {}): Promise<unknown> {
  const refuse = options.refuse ?? defaultRefuse;
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    throw refuse(NOT_JSON, 'not-json');
  }
  let value: unknown;
  if (!text.trim() && 'empty' in options) value = options.empty;
  else {
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      throw refuse(NOT_JSON, 'not-json');
    }
  }
  if (options.object && (!value || typeof value !== 'object' || Array.isArray(value)))
    throw refuse(NOT_OBJECT, 'not-object');
  return value;
}

/** `path: message; …` for every zod issue (`body` for the root). */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

/** The zod issues as platform Issues (FHIRPath-like expression = the dotted path). */
export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({
    severity: 'error' as const,
    code: 'invalid',
    message: i.message,
    expression: [i.path.join('.')],
  }));
}

/** Checks a value with a schema: the parsed value, or QihuangError('invalid-input') naming every field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new QihuangError('invalid-input', describeIssues(parsed.error));
  return parsed.data as z.infer<S>;
}

/** Reads the JSON body and checks it with the schema. */
export async function readBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  options: Omit<ReadJsonOptions, 'refuse'> = {},
): Promise<z.infer<S>> {
  return parseInput(schema, await readJson(c, options));
}
