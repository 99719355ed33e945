/**
 * Where a hook's missing prefetch data may come from (issue 15 item 7: no SSRF through `fhirServer`).
 *
 * - The platform's own FHIR base (this server's origin + its FHIR path) is always allowed and is read
 *   in-process with the caller's own credentials (the hook's `fhirAuthorization` is not used for it), so the
 *   caller sees exactly what a FHIR read would show them, audited the same way.
 * - Any other `fhirServer` must be on the hospital's allow-list (QIHUANG_CDS_FHIR_SERVERS): compared after URL
 *   normalisation; credentials, a query or a fragment in `fhirServer` never match. Anything else is refused with
 *   403 before a request is made.
 * - Remote fetches follow no redirect and time out; every failure (unreachable, timeout, an error status, a
 *   redirect, a body that is not JSON) gives the same answer, so the endpoint cannot be used to probe ports.
 */
import { QihuangError } from '@qihuang/contracts';

/** Reads a FHIR URL relative to the base (e.g. `Patient/p1`, `Condition?patient=p1`). */
export type FhirReader = (relativeUrl: string) => Promise<unknown>;

export interface OwnFhir {
  /** Path of the platform's FHIR API on this server, e.g. `/fhir/R4`. */
  path: string;
  /** In-process read with the caller's credentials (taken from the hook request). */
  read(relativeUrl: string, request: Request): Promise<Response>;
}

export interface FhirSourceOptions {
  /** Allow-listed remote FHIR base URLs. */
  allowed: readonly string[];
  fetch: typeof fetch;
  own?: OwnFhir;
  /** Per remote request (default 10 s). */
  timeoutMs?: number;
}

const UNAVAILABLE = 'The FHIR data for this hook could not be fetched from fhirServer';

/** `scheme://host[:port]/path` without a trailing slash; undefined for what can never be a base. */
export function normaliseBase(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password || url.search || url.hash) return undefined;
  if (/%2e|%2f|%5c/i.test(url.pathname)) return undefined;
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The reader for this hook call's `fhirServer`; throws 403 for a server that is neither this platform nor on
 * the allow-list (nothing is fetched).
 */
export function fhirSource(
  fhirServer: string,
  accessToken: string | undefined,
  request: Request,
  options: FhirSourceOptions,
): FhirReader {
  const base = normaliseBase(fhirServer);
  const own = options.own;
  if (base && own && base === normaliseBase(`${new URL(request.url).origin}${own.path}`)) {
    return async (relativeUrl) => {
      const response = await own.read(relativeUrl, request);
      if (response.status === 401 || response.status === 403)
        throw new QihuangError('forbidden', 'Not allowed to read the FHIR data this hook needs');
      if (!response.ok) throw new QihuangError('upstream-error', UNAVAILABLE);
      return response.json();
    };
  }
  const allowed = new Set(options.allowed.map(normaliseBase).filter(Boolean));
  if (!base || !allowed.has(base))
    throw new QihuangError('forbidden', 'fhirServer is not a FHIR server this service may contact');
  const timeoutMs = options.timeoutMs ?? 10_000;
  return async (relativeUrl) => {
    const url = `${base}/${relativeUrl}`;
    // The filled template must stay under the base (no `..` climbing out of it).
    if (!new URL(url).href.startsWith(`${base}/`)) throw new QihuangError('upstream-error', UNAVAILABLE);
    const headers: Record<string, string> = { accept: 'application/fhir+json' };
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    try {
      const response = await options.fetch(url, {
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error('not ok');
      return (await response.json()) as unknown;
    } catch (cause) {
      throw new QihuangError('upstream-error', UNAVAILABLE, { cause });
    }
  };
}
