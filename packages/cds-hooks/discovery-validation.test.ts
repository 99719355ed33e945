import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { app, fixture, post, shared, SHARED, SIGN } from './testing.ts';

describe('discovery', () => {
  it('lists the three services built from the table', async () => {
    const res = await app().request('/cds-services');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { services: Record<string, unknown>[] };
    expect(body.services.map((s) => s.hook)).toEqual(['order-select', 'order-sign', 'patient-view']);
    for (const s of body.services) {
      expect(typeof s.id).toBe('string');
      expect(typeof s.description).toBe('string');
      expect(
        Object.values(s.prefetch as Record<string, string>).every(
          (t) => typeof t === 'string' && t.includes('{{context.patientId}}'),
        ),
      ).toBe(true);
    }
  });

  // Needs ../shared/data (absent in a fresh clone): the spec's own discovery example.
  describe.skipIf(!existsSync(SHARED))('against the specification example', () => {
    it('uses only fields the specification example uses, with the same types', async () => {
      const spec = shared('discovery-response.json') as { services: Record<string, unknown>[] };
      const allowed = new Set(spec.services.flatMap((s) => Object.keys(s)));
      const ours = (
        (await (await app().request('/cds-services')).json()) as { services: Record<string, unknown>[] }
      ).services;
      for (const s of ours) {
        for (const [k, v] of Object.entries(s)) {
          expect(allowed.has(k), k).toBe(true);
          const example = spec.services.find((x) => k in x)![k];
          expect(typeof v).toBe(typeof example);
        }
      }
    });
  });
});

describe('request validation', () => {
  it('bad JSON → 400 with a reason', async () => {
    const res = await post(app(), SIGN, '{not json');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'invalid-input', message: 'request body is not valid JSON' },
    });
  });

  it.each([
    ['missing context', (r: Record<string, unknown>) => delete r.context, /context/],
    [
      'missing draftOrders',
      (r: Record<string, unknown>) => delete (r.context as Record<string, unknown>).draftOrders,
      /draftOrders/,
    ],
    [
      'missing patientId',
      (r: Record<string, unknown>) => delete (r.context as Record<string, unknown>).patientId,
      /patientId/,
    ],
    ['wrong hook', (r: Record<string, unknown>) => (r.hook = 'patient-view'), /order-sign/],
    ['missing hookInstance', (r: Record<string, unknown>) => delete r.hookInstance, /hookInstance/],
    [
      'fhirAuthorization without fhirServer',
      (r: Record<string, unknown>) =>
        (r.fhirAuthorization = {
          access_token: 'x',
          token_type: 'Bearer',
          expires_in: 300,
          scope: 's',
          subject: 'c',
        }),
      /fhirServer/,
    ],
  ])('%s → 400', async (_name, mutate, message) => {
    const body = fixture('order-sign-request.json');
    mutate(body);
    const res = await post(app(), SIGN, body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe('invalid-input');
    expect(json.error.message).toMatch(message);
  });

  it('unknown service → 404', async () => {
    expect((await post(app(), '/cds-services/nope', fixture('order-sign-request.json'))).status).toBe(404);
  });

  it('no prefetch and no fhirServer → 412', async () => {
    const body = fixture('order-sign-request.json');
    delete body.prefetch;
    expect((await post(app(), SIGN, body)).status).toBe(412);
  });
});
