/**
 * The hook call's body is read as bytes (routes.ts): the same answers as reading it as text, whether or not a
 * middleware (the server's input guard) read the body first.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { app, fixture, post, SIGN } from './testing.ts';

const request = fixture('order-sign-request.json');
const text = JSON.stringify(request);
const refused = { error: { code: 'invalid-input', message: 'request body is not valid JSON' } };

/** The CDS routes behind a middleware that reads the body first, as the server's input guard does. */
function behindGuard() {
  const outer = new Hono();
  outer.use('*', async (c, next) => {
    await c.req.arrayBuffer();
    await next();
  });
  outer.route('/', app());
  return outer;
}

const call = (a: { request: Hono['request'] }, body: BodyInit) =>
  a.request(SIGN, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('hook request body', () => {
  it('gives the same cards whether or not a middleware read the body first', async () => {
    const direct = await post(app(), SIGN, request);
    const guarded = await call(behindGuard(), text);
    expect(direct.status).toBe(200);
    expect(guarded.status).toBe(200);
    const cards = ((await direct.json()) as { cards: unknown[] }).cards;
    expect(cards.length).toBeGreaterThan(0);
    expect(await guarded.json()).toEqual({ cards });
  });

  it('accepts a UTF-8 byte order mark, as text() does', async () => {
    const res = await call(app(), new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    expect(res.status).toBe(200);
  });

  it.each([
    ['empty', ''],
    ['whitespace', '  \n'],
    ['not JSON', '{not json'],
    ['truncated', text.slice(0, 100)],
  ])('refuses a %s body in the CDS wording, also behind the guard', async (_name, body) => {
    for (const a of [app(), behindGuard()]) {
      const res = await call(a, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual(refused);
    }
  });

  it('reads invalid UTF-8 as text() does (replacement characters), so a string field can still parse', async () => {
    // {"x": "<0xff>"} is JSON once decoded with U+FFFD; it then fails validation (not JSON parsing).
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"hook":"'),
      0xff,
      ...new TextEncoder().encode('"}'),
    ]);
    const res = await call(app(), bytes);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).not.toBe(
      refused.error.message,
    );
  });
});
