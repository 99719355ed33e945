/**
 * The one input-hardening layer, run before authentication and every handler: the path and the query string
 * must be well-formed percent-encoded UTF-8 without NUL; `_count` and `_offset` must be integers the database
 * can hold; text bodies may not contain NUL; JSON bodies (and form bodies) are scanned — without parsing — for
 * nesting depth, array length, `\u0000` escapes and lone surrogates. A violation is a QihuangError (4xx) that
 * the app shapes per mount (OperationOutcome on /fhir, OpenAI error on /v1, `{error}` elsewhere).
 */
import type { MiddlewareHandler } from 'hono';
import { QihuangError } from '@qihuang/contracts';
import { assertExactNumbers, decodeUtf8 } from '@qihuang/http-edge';

export interface InputLimits {
  /** Deepest nesting of JSON objects and arrays (a FHIR resource needs far fewer than 100 levels). */
  maxJsonDepth: number;
  /** Most elements in one JSON array. */
  maxArrayLength: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = { maxJsonDepth: 100, maxArrayLength: 100_000 };

/** Query (and form) parameters that must be non-negative integers: the FHIR paging parameters. */
const INTEGER_PARAMS = new Set(['_count', '_offset']);
/** int4: well inside bigint, and far beyond any page a client can ask for. */
const MAX_INTEGER_PARAM = 2_147_483_647;

function bad(where: string, message: string, code = 'invalid', status?: number): QihuangError {
  return new QihuangError(status === 413 ? 'too-large' : 'invalid-input', `${where}: ${message}`, {
    issues: [{ severity: 'error', code, message: `${where}: ${message}` }],
  });
}

/** decodeURIComponent, or undefined for a malformed encoding (a stray `%`, truncated or invalid UTF-8). */
function decode(text: string): string | undefined {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Checks the raw URL path; throws on a malformed encoding or NUL. */
export function checkPath(rawPath: string): void {
  const path = decode(rawPath);
  if (path === undefined) throw bad('The URL path', 'malformed percent-encoding (expected %XX of UTF-8)');
  if (path.includes('\0')) throw bad('The URL path', 'contains a NUL character');
}

/**
 * Checks a raw `a=b&c=d` string (a query string or a form body): every name and value well-formed, no NUL,
 * paging parameters integers within bounds.
 */
export function checkParams(raw: string, where: string): void {
  if (!raw) return;
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawName = (eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' ');
    const rawValue = (eq < 0 ? '' : part.slice(eq + 1)).replace(/\+/g, ' ');
    const name = decode(rawName);
    const value = decode(rawValue);
    if (name === undefined || value === undefined)
      throw bad(where, 'malformed percent-encoding (expected %XX of UTF-8)');
    if (name.includes('\0') || value.includes('\0'))
      throw bad(where, `parameter "${name.replace(/\0/g, '')}" contains a NUL character`);
    if (INTEGER_PARAMS.has(name) && (!/^\d{1,10}$/.test(value) || Number(value) > MAX_INTEGER_PARAM))
      throw bad(where, `${name} must be an integer from 0 to ${MAX_INTEGER_PARAM}`, 'value');
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function hex4(text: string, at: number): number {
  if (at + 4 > text.length) return -1;
  const s = text.slice(at, at + 4);
  return /^[0-9a-fA-F]{4}$/.test(s) ? parseInt(s, 16) : -1;
}

/**
 * Scans JSON text without parsing it: nesting depth, array lengths, NUL (`\u0000` or raw) and lone surrogates
 * (escaped `\uD800` without its pair, or raw). Structure errors are left to JSON.parse in the handler.
 */
export function checkJsonText(text: string, limits: InputLimits = DEFAULT_INPUT_LIMITS): void {
  const where = 'The JSON body';
  // Per open container: -1 for an object, else the number of commas seen in the array so far.
  const stack: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x22) inString = false;
      else if (c === 0x5c) {
        if (text.charCodeAt(i + 1) === 0x75 /* u */) {
          const code = hex4(text, i + 2);
          if (code === 0) throw bad(where, 'a string contains a NUL character (\\u0000)');
          if (isHigh(code)) {
            const next =
              text.charCodeAt(i + 6) === 0x5c && text.charCodeAt(i + 7) === 0x75 ? hex4(text, i + 8) : -1;
            if (!isLow(next))
              throw bad(where, 'a string contains a lone surrogate (\\uD800–\\uDBFF without its pair)');
            i += 11;
            continue;
          }
          if (isLow(code))
            throw bad(where, 'a string contains a lone surrogate (\\uDC00–\\uDFFF without its pair)');
          i += 5;
        } else i++;
      } else if (c === 0) throw bad(where, 'a string contains a NUL character');
      else if (isHigh(c)) {
        if (!isLow(text.charCodeAt(i + 1))) throw bad(where, 'a string contains a lone surrogate');
        i++;
      } else if (isLow(c)) throw bad(where, 'a string contains a lone surrogate');
      continue;
    }
    switch (c) {
      case 0x22:
        inString = true;
        break;
      case 0x7b: // {
      case 0x5b: // [
        if (stack.length >= limits.maxJsonDepth)
          throw bad(where, `nested deeper than ${limits.maxJsonDepth} levels`, 'structure');
        stack.push(c === 0x7b ? -1 : 0);
        break;
      case 0x7d: // }
      case 0x5d: // ]
        stack.pop();
        break;
      case 0x2c: {
        // ,
        const top = stack.length - 1;
        if (top >= 0 && stack[top]! >= 0) {
          const commas = (stack[top] = stack[top]! + 1);
          if (commas >= limits.maxArrayLength)
            throw bad(where, `an array has more than ${limits.maxArrayLength} elements`, 'too-costly', 413);
        }
        break;
      }
      case 0:
        throw bad(where, 'contains a NUL character');
    }
  }
}

type BodyKind = 'json' | 'form' | 'text' | 'other';

function bodyKind(contentType: string | undefined): BodyKind {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!type) return 'json'; // FHIR accepts a missing Content-Type as JSON; scanning plain text is harmless
  if (type.includes('json')) return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type.startsWith('text/')) return 'text';
  return 'other';
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The middleware. It reads a text body once (Hono caches it for `c.req.text()`/`c.req.json()`) and gives the
 * handler an equivalent unread Request as `c.req.raw` for handlers that read the raw request.
 */
export function inputGuard(limits: InputLimits = DEFAULT_INPUT_LIMITS): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    const start = url.indexOf('/', url.indexOf('//') + 2);
    const queryAt = url.indexOf('?', start);
    const hashAt = url.indexOf('#', start);
    const end = queryAt >= 0 ? queryAt : hashAt >= 0 ? hashAt : url.length;
    checkPath(start >= 0 ? url.slice(start, end) : '/');
    if (queryAt >= 0)
      checkParams(url.slice(queryAt + 1, hashAt > queryAt ? hashAt : url.length), 'The query string');

    const method = c.req.method;
    if (!WITH_BODY.has(method)) return next();
    const kind = bodyKind(c.req.header('content-type'));
    if (kind === 'other') return next();
    if (method === 'DELETE') {
      const length = c.req.header('content-length');
      const chunked = c.req.header('transfer-encoding') !== undefined;
      if (!chunked && (length === undefined || length === '0')) return next(); // DELETE without a body
    }
    const original = c.req.raw;
    // The one place every body is read first: invalid UTF-8 is refused here, never stored as U+FFFD, and a
    // JSON number that would change on parsing is refused (@qihuang/http-edge body-text.ts).
    const text = decodeUtf8(new Uint8Array(await c.req.arrayBuffer()));
    if (kind === 'form') checkParams(text, 'The form body');
    else if (kind === 'json' && /^\s*[[{"]/.test(text)) {
      checkJsonText(text, limits);
      assertExactNumbers(text);
    } else if (text.includes('\0')) throw bad('The body', 'contains a NUL character');
    // A string body would make the new Request default its Content-Type to text/plain; bytes do not.
    c.req.raw = new Request(original.url, {
      method,
      headers: original.headers,
      body: original.headers.has('content-type') ? text : new TextEncoder().encode(text),
      signal: original.signal,
    });
    return next();
  };
}
