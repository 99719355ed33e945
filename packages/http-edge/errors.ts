/**
 * Error shaping at the HTTP edge. A route family picks one shaper (what the body looks like) and mounts
 * `errorHandler(shaper)` as its `onError`; handlers just throw QihuangError.
 * - `platformError`: `{"error":{"code","message","issues"?}}` — /api, /kb, /guard, /eval, /auth, /admin and
 *   (with its own internal message) /cds-services;
 * - the FHIR family shapes with `operationOutcome` (@qihuang/fhir), /v1 with `toOpenAiError` (@qihuang/gateway):
 *   both pass through `errorHandler` too.
 * A non-QihuangError is a 500 whose body says nothing about it (its message may quote patient data).
 */
import type { Context, ErrorHandler } from 'hono';
import { isQihuangError } from '@qihuang/contracts';

export interface ShapedError {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** Default `application/json`. */
  contentType?: string;
}

/** Shapes a thrown value; `c` lets one handler pick a family by path. */
export type ErrorShaper = (error: unknown, c: Context) => ShapedError;

export const INTERNAL_MESSAGE = 'Internal error; see the server log with this request id';

export interface PlatformErrorBody {
  error: { code: string; message: string; issues?: unknown };
}

/** `{"error":{"code","message","issues"?}}` with the QihuangError's status and headers (e.g. Retry-After). */
export function platformError(
  error: unknown,
  options: { internalMessage?: string } = {},
): ShapedError & { body: PlatformErrorBody } {
  if (isQihuangError(error)) {
    return {
      status: error.status,
      body: {
        error: {
          code: error.code,
          message: error.message,
          ...(error.issues.length ? { issues: error.issues } : {}),
        },
      },
      headers: error.headers,
    };
  }
  return {
    status: 500,
    body: { error: { code: 'internal', message: options.internalMessage ?? INTERNAL_MESSAGE } },
    headers: {},
  };
}

/** The Response for a shaped error. */
export function errorResponse(shaped: ShapedError): Response {
  return new Response(JSON.stringify(shaped.body), {
    status: shaped.status,
    headers: { 'content-type': shaped.contentType ?? 'application/json', ...shaped.headers },
  });
}

interface RequestLog {
  error(object: object, message: string): void;
  info(message: string): void;
}

/**
 * What a failed request leaves in the log: the error's class, code and stack frames, never its message, a
 * database error's detail or the body (they can quote patient data). A client that went away is noted, not
 * logged as a fault.
 */
export function logFailure(error: unknown, c: Context, label = 'request'): void {
  const log = (c.get as (key: string) => unknown)('log') as RequestLog | undefined;
  if (c.req.raw.signal.aborted) {
    log?.info(`${label} ended: the client went away`);
    return;
  }
  const summary = {
    name: error instanceof Error ? error.name : typeof error,
    ...(isQihuangError(error) ? { code: error.code } : {}),
    ...(error instanceof Error && error.stack
      ? {
          stack: error.stack
            .split('\n')
            .filter((line) => /^\s+at /.test(line))
            .slice(0, 8),
        }
      : {}),
  };
  if (log) log.error({ error: summary }, `${label} failed`);
  else console.error(`${label} failed:`, summary.name);
}

export interface ErrorHandlerOptions {
  /** Log line prefix for a 5xx (default "request"). */
  label?: string;
  /** Replaces the default 5xx logging (`logFailure`). */
  onServerError?: (error: unknown, c: Context) => void | Promise<void>;
}

/** An `app.onError` for a route family: logs a 5xx, answers the shaped error. */
export function errorHandler(
  shape: ErrorShaper = (error) => platformError(error),
  options: ErrorHandlerOptions = {},
): ErrorHandler {
  return async (error, c) => {
    const shaped = shape(error, c);
    if (shaped.status >= 500) {
      if (options.onServerError) await options.onServerError(error, c);
      else logFailure(error, c, options.label);
    }
    return errorResponse(shaped);
  };
}
