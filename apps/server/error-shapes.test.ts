/**
 * The JSON error shape of each route family, as clients see it through the whole app (issue 19: one HTTP-edge
 * kit replaced the per-package copies; these pins say the wire did not move):
 * - FHIR (/fhir/R4): an OperationOutcome, `application/fhir+json`;
 * - /v1 (model gateway): `{error:{message,type,code,param}}` (OpenAI);
 * - /cds-services: `{error:{code,message,issues?}}`;
 * - everything else (/api, /kb, /guard, /eval, /auth, /admin): `{error:{code,message}}`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-support.ts';

let app: TestApp;
let token = '';

beforeAll(async () => {
  app = await createTestApp('pglite', {}, undefined, 'required');
  token = await app.userToken({ username: 'dr.shape', password: 'correct horse battery 1', role: 'admin' });
});
afterAll(async () => {
  await app.closeAll();
});

async function send(path: string, body?: string, type = 'application/json') {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (body !== undefined) headers.set('content-type', type);
  const response = await app.app.request(`http://localhost${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

const apiError = (code: string, message: unknown) => ({ error: { code, message } });

describe('FHIR errors are OperationOutcomes', () => {
  it('malformed JSON → 400 structure', async () => {
    const r = await send('/fhir/R4/Patient', '{not json', 'application/fhir+json');
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/^application\/fhir\+json/);
    expect(r.body).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'structure',
          details: { text: 'malformed JSON' },
          diagnostics: 'malformed JSON',
        },
      ],
    });
  });
  it('unknown resource → 404 not-found; unknown FHIR route → 404 not-found', async () => {
    const r = await send('/fhir/R4/Patient/nope');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'not-found',
          details: { text: 'Patient/nope is not known' },
          diagnostics: 'Patient/nope is not known',
        },
      ],
    });
    const route = await send('/fhir/R4/nope/x/y/z');
    expect(route.status).toBe(404);
    expect(route.type).toMatch(/^application\/fhir\+json/);
    expect(route.body).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        { severity: 'error', code: 'not-found', diagnostics: 'No FHIR route for GET /fhir/R4/nope/x/y/z' },
      ],
    });
  });
});

describe('FHIR errors raised before the FHIR routes (authentication)', () => {
  it('no token → 401 OperationOutcome with issue code login', async () => {
    const response = await app.app.request('http://localhost/fhir/R4/Patient');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    const body = (await response.json()) as { resourceType: string; issue: Record<string, unknown>[] };
    expect(body.resourceType).toBe('OperationOutcome');
    expect(body.issue).toHaveLength(1);
    expect(body.issue[0]).toMatchObject({
      severity: 'error',
      code: 'login',
      diagnostics: expect.any(String),
    });
  });
});

describe('/v1 errors are OpenAI error objects', () => {
  it('a body that is not JSON, or not an object → 400 invalid_json', async () => {
    const r = await send('/v1/chat/completions', '{not json');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      error: {
        message: 'the request body is not valid JSON',
        type: 'invalid_request_error',
        code: 'invalid_json',
        param: null,
      },
    });
    const array = await send('/v1/chat/completions', '[]');
    expect(array.status).toBe(400);
    expect(array.body).toEqual({
      error: {
        message: 'the request body must be a JSON object',
        type: 'invalid_request_error',
        code: 'invalid_json',
        param: null,
      },
    });
  });
});

describe('CDS Hooks errors', () => {
  it('unknown service → 404; body not JSON → 400; invalid request → 400 with issues', async () => {
    const unknown = await send('/cds-services/nope', '{}');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(apiError('not-found', 'no CDS service "nope"'));
    const malformed = await send('/cds-services/qihuang-rx-review-order-sign', '{not json');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual(apiError('invalid-input', 'request body is not valid JSON'));
    const invalid = await send('/cds-services/qihuang-rx-review-order-sign', '{}');
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('invalid-input');
    expect(invalid.body.error.message).toMatch(/^invalid request: hook /);
    expect(invalid.body.error.issues).toContainEqual({
      severity: 'error',
      code: 'invalid',
      message: 'Invalid input: expected string, received undefined',
      expression: ['hook'],
    });
  });
});

describe('the platform API shape {error:{code,message}}', () => {
  const notJson = expect.stringMatching(/body must be JSON$/);
  it.each([
    ['/api/care/patients/p1/consultations'],
    ['/api/pharmacy/queue/x/approve'],
    ['/kb/search'],
    ['/guard/check'],
    ['/eval/runs'],
    ['/eval/dossiers'],
    ['/auth/login'],
    ['/admin/users'],
  ])('%s: a body that is not JSON → 400 invalid-input', async (path) => {
    const r = await send(path, '{not json');
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/^application\/json/);
    expect(r.body).toEqual(apiError('invalid-input', notJson));
  });
  it.each([
    ['/api/care/patients/p1/consultations', '{"language":"fr"}', /^language: /],
    ['/kb/search', '{}', /^query: /],
    ['/guard/check', '{}', /^answer: /],
    ['/eval/runs', '{}', /^suite: Invalid input; target: /],
    ['/api/pharmacy/queue/x/approve', '[1]', /body must be a JSON object$/],
  ])('%s: a body the schema refuses → 400 invalid-input naming the field', async (path, body, message) => {
    const r = await send(path, body);
    expect(r.status).toBe(400);
    expect(r.body).toEqual(apiError('invalid-input', expect.stringMatching(message)));
  });
  it('an unknown API path → 404 not-found', async () => {
    const r = await send('/api/nope');
    expect(r.status).toBe(404);
    expect(r.body).toEqual(apiError('not-found', 'No route for GET /api/nope'));
    const v1 = await send('/v1/nope');
    expect(v1.body).toEqual(apiError('not-found', 'No route for GET /v1/nope'));
  });
});
