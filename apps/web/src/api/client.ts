/** Same-origin HTTP client: bearer token from sessionStorage, one error type, 401 → back to sign-in. */
import { ApiError, errorFromBody } from './api-error.ts';
import { tokenStore } from './token-store.ts';

type UnauthorizedListener = () => void;
const listeners = new Set<UnauthorizedListener>();

/** The app subscribes once: on a 401 the token is dropped and the user is sent to sign-in. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | readonly string[] | undefined>;
  accept?: string;
  signal?: AbortSignal;
  /** Login itself answers 401 for a bad password: that must not bounce to sign-in. */
  skipUnauthorizedRedirect?: boolean;
  /** Create only: `If-None-Match: *` on a PUT, so an existing record is refused (409), not replaced. */
  createOnly?: boolean;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) params.append(key, v);
    else params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

/** A server link (e.g. Bundle.link next) made same-origin: keep path and query only. */
export function sameOriginPath(link: string): string {
  try {
    const url = new URL(link, window.location.origin);
    return `${url.pathname}${url.search}`;
  } catch {
    return link;
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function rawRequest(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
  const token = tokenStore.get();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.createOnly) headers['If-None-Match'] = '*';
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  if (!response.ok) {
    const parsed = await readBody(response);
    const err = errorFromBody(response.status, parsed, response.statusText || `HTTP ${response.status}`);
    if (response.status === 401 && !options.skipUnauthorizedRedirect) {
      tokenStore.clear();
      for (const listener of listeners) listener();
    }
    throw err;
  }
  // An API path answered by the console's SPA fallback means the route does not exist on this server.
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith('text/html') && !(options.accept ?? '').includes('html')) {
    throw new ApiError(404, 'not-found', `No API route for ${options.method ?? 'GET'} ${path}`);
  }
  return response;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await rawRequest(path, options);
  return (await readBody(response)) as T;
}
