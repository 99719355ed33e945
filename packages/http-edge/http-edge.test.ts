import { describe, expect, it } from 'vitest';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { QihuangError } from '@qihuang/contracts';
import {
  errorHandler,
  INTERNAL_MESSAGE,
  NOT_JSON,
  NOT_OBJECT,
  platformError,
  readBody,
  readJson,
} from './index.ts';

function appWith(handler: (c: Context) => Response | Promise<Response>, onError = errorHandler()) {
  const app = new Hono();
  app.post('/', handler);
  app.onError(onError);
  return app;
}
const post = async (app: Hono, body?: string) => {
  const r = await app.request('/', { method: 'POST', ...(body === undefined ? {} : { body }) });
  return { status: r.status, headers: r.headers, body: (await r.json()) as unknown };
};

describe('platformError', () => {
  it('shapes a QihuangError with its status, issues (when any) and headers', () => {
    const error = new QihuangError('rate-limited', 'slow down', {
      headers: { 'Retry-After': '3' },
      issues: [{ severity: 'error', code: 'throttled', message: 'x' }],
    });
    expect(platformError(error)).toEqual({
      status: 429,
      headers: { 'Retry-After': '3' },
      body: {
        error: {
          code: 'rate-limited',
          message: 'slow down',
          issues: [{ severity: 'error', code: 'throttled', message: 'x' }],
        },
      },
    });
    expect(platformError(new QihuangError('not-found', 'no')).body).toEqual({
      error: { code: 'not-found', message: 'no' },
    });
  });
  it('says nothing about any other error', () => {
    const shaped = platformError(new Error('patient 张三 …'));
    expect(shaped).toEqual({
      status: 500,
      headers: {},
      body: { error: { code: 'internal', message: INTERNAL_MESSAGE } },
    });
    expect(platformError(new Error('x'), { internalMessage: 'internal error in CDS service' }).body).toEqual({
      error: { code: 'internal', message: 'internal error in CDS service' },
    });
  });
});

describe('errorHandler', () => {
  it('answers the shaped error as JSON with its headers, and logs a 5xx without its message', async () => {
    const logged: unknown[] = [];
    const app = new Hono<{ Variables: { log: unknown } }>();
    app.use('*', async (c, next) => {
      c.set('log', { error: (o: unknown, m: string) => logged.push([o, m]), info: () => undefined });
      await next();
    });
    app.post('/', () => {
      throw new QihuangError('rate-limited', 'wait', { headers: { 'Retry-After': '1' } });
    });
    app.get('/', () => {
      throw new Error('secret patient text');
    });
    app.onError(errorHandler(undefined, { label: 'test route' }));
    const limited = await app.request('/', { method: 'POST' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('content-type')).toBe('application/json');
    expect(await limited.json()).toEqual({ error: { code: 'rate-limited', message: 'wait' } });
    expect(logged).toEqual([]);
    const failed = await app.request('/');
    expect(failed.status).toBe(500);
    expect(JSON.stringify(logged)).not.toContain('secret');
    expect(logged[0]).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ name: 'Error' }) }),
      'test route failed',
    ]);
  });
  it('takes any shaper (the FHIR and /v1 families bring their own)', async () => {
    const app = appWith(
      () => {
        throw new QihuangError('forbidden', 'no');
      },
      errorHandler((e) => ({
        status: 403,
        body: { resourceType: 'OperationOutcome', issue: [{ diagnostics: (e as Error).message }] },
        headers: {},
        contentType: 'application/fhir+json',
      })),
    );
    const r = await app.request('/', { method: 'POST' });
    expect(r.headers.get('content-type')).toBe('application/fhir+json');
    expect(await r.json()).toEqual({ resourceType: 'OperationOutcome', issue: [{ diagnostics: 'no' }] });
  });
});

describe('readJson / readBody', () => {
  const schema = z.object({ name: z.string(), age: z.number().int().optional() });
  const echo = appWith(async (c) => c.json(await readBody(c, schema)));

  it('parses and checks the body', async () => {
    expect(await post(echo, '{"name":"x","age":3}')).toMatchObject({
      status: 200,
      body: { name: 'x', age: 3 },
    });
  });
  it('refuses a body that is not JSON (empty included, unless `empty` is given)', async () => {
    expect(await post(echo, '{oops')).toEqual(
      expect.objectContaining({ status: 400, body: { error: { code: 'invalid-input', message: NOT_JSON } } }),
    );
    expect((await post(echo)).body).toEqual({ error: { code: 'invalid-input', message: NOT_JSON } });
    const lenient = appWith(async (c) => c.json({ value: await readJson(c, { empty: {} }) }));
    expect((await post(lenient, '  ')).body).toEqual({ value: {} });
  });
  it('names every field the schema refuses', async () => {
    const r = await post(echo, '{"age":1.5}');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      error: {
        code: 'invalid-input',
        message: expect.stringMatching(/^name: .+; age: .+/),
      },
    });
  });
  it('object: refuses arrays and scalars', async () => {
    const objects = appWith(async (c) => c.json({ value: await readJson(c, { object: true }) }));
    for (const body of ['[]', '1', 'null', '"x"'])
      expect((await post(objects, body)).body).toEqual({
        error: { code: 'invalid-input', message: NOT_OBJECT },
      });
  });
  it('refuse: another family throws its own error type', async () => {
    class Other extends QihuangError {
      constructor(
        message: string,
        readonly reason: string,
      ) {
        super('invalid-input', message);
      }
    }
    let thrown: unknown;
    const app = appWith(async (c) => {
      try {
        await readJson(c, { object: true, refuse: (m, reason) => new Other(m.toLowerCase(), reason) });
      } catch (error) {
        thrown = error;
      }
      return c.json({});
    });
    await post(app, '[]');
    expect(thrown).toBeInstanceOf(Other);
    expect((thrown as Other).reason).toBe('not-object');
    expect((thrown as Other).message).toBe(NOT_OBJECT.toLowerCase());
  });
});
