/**
 * The app over real HTTP (@hono/node-server): CORS, the request id and the body limit behave as Hono's
 * middlewares do, on the fast path (lightweight request and response) as well as in-process.
 */
import { serve, type ServerType } from '@hono/node-server';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-support.ts';

const ALLOWED = 'http://console.example';
let app: TestApp;
let server: ServerType;
let base = '';

beforeAll(async () => {
  app = await createTestApp('pglite', { corsOrigins: [ALLOWED], bodyLimitBytes: 4096 });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await app.closeAll();
});

/** A POST whose body is sent chunked (no Content-Length), as Hono's body limit must then count it. */
function chunkedPost(path: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    for (let i = 0; i < body.length; i += 1000) req.write(body.slice(i, i + 1000));
    req.end();
  });
}

describe.each(['http', 'in-process'] as const)('app middlewares (%s)', (via) => {
  const call = (path: string, init?: RequestInit) =>
    via === 'http' ? fetch(`${base}${path}`, init) : app.app.request(`http://localhost${path}`, init);

  it('sets CORS headers for an allowed origin, Vary: Origin always, and a request id', async () => {
    const allowed = await call('/healthz', { headers: { origin: ALLOWED } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-expose-headers')).toBe(
      'ETag,Location,Last-Modified,X-Request-Id,X-Qihuang-Alert-Evaluation',
    );
    expect(allowed.headers.get('vary')).toBe('Origin');
    expect(allowed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(allowed.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const other = await call('/healthz', { headers: { origin: 'http://elsewhere.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-expose-headers')).toBe(
      'ETag,Location,Last-Modified,X-Request-Id,X-Qihuang-Alert-Evaluation',
    );
    expect(other.headers.get('vary')).toBe('Origin');
    const traced = await call('/cds-services', { headers: { 'x-request-id': 'trace-1' } });
    expect(traced.headers.get('x-request-id')).toBe('trace-1');
  });

  it('answers a CORS preflight', async () => {
    const res = await call('/fhir/R4/Patient', {
      method: 'OPTIONS',
      headers: { origin: ALLOWED, 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('refuses a body over the limit by its Content-Length (413), on FHIR as an OperationOutcome', async () => {
    const big = JSON.stringify({ resourceType: 'Patient', text: 'x'.repeat(5000) });
    const cds = await call('/cds-services/qihuang-rx-review-order-sign', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(cds.status).toBe(413);
    expect(((await cds.json()) as { error: { code: string } }).error.code).toBe('too-large');
    const fhir = await call('/fhir/R4/Patient', {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
      body: big,
    });
    expect(fhir.status).toBe(413);
    expect(((await fhir.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
    const small = await call('/cds-services/qihuang-rx-review-order-sign', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(small.status).toBe(400);
  });
});

describe('body limit without Content-Length (chunked)', () => {
  it('counts the streamed body: over the limit 413, under it read normally', async () => {
    const over = await chunkedPost('/cds-services/qihuang-rx-review-order-sign', 'x'.repeat(6000));
    expect(over.status).toBe(413);
    expect(over.text).toContain('too-large');
    const under = await chunkedPost('/cds-services/qihuang-rx-review-order-sign', '{');
    expect(under.status).toBe(400);
    expect(under.text).toContain('not valid JSON');
  });
});
