/**
 * Numbers and text are stored as sent or refused, never changed silently (independent review after issue 15,
 * item 4): a FHIR integer beyond 32 bits, a number a double cannot carry as written, and a body that is not
 * valid UTF-8 answer 400 and store nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../test-support.ts';

const reading = (value: string) =>
  `{"resourceType":"Observation","status":"final","code":{"text":"count"},"subject":{"reference":"Patient/pa"},${value}}`;

describe.each(DATABASE_KINDS)('exact input on %s', (kind) => {
  let t: TestApp;
  const post = (body: string | Uint8Array) =>
    t.request('/fhir/R4/Observation', {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
      body: typeof body === 'string' ? body : new Blob([body as Uint8Array<ArrayBuffer>]),
    });
  const stored = async () =>
    (await t.repository.search({ requestId: 't', principal: SYSTEM_PRINCIPAL }, 'Observation', [])).total;

  beforeAll(async () => {
    t = await createTestApp(kind);
    await t.repository.update({ requestId: 'seed', principal: SYSTEM_PRINCIPAL }, 'Patient', 'pa', {
      resourceType: 'Patient',
      id: 'pa',
    });
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('refuses integers beyond 32 bits and numbers that would lose digits; keeps what fits', async () => {
    // 400 at the edge (the number would change on parsing); 422 from validation (a valid JSON number, not a
    // valid R4 integer), as for every other datatype violation.
    for (const [value, status] of [
      ['"valueInteger":99999999999999999999999999', 400],
      ['"valueInteger":2147483648', 422],
      ['"valueInteger":-2147483649', 422],
      ['"valueQuantity":{"value":1.2345678901234567890123}', 400],
      ['"valueQuantity":{"value":12345678901234567}', 400],
    ] as const) {
      const response = await post(reading(value));
      expect(response.status, value).toBe(status);
      expect(((await response.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
    }
    expect(await stored()).toBe(0);
    for (const value of [
      '"valueInteger":2147483647',
      '"valueQuantity":{"value":0.1}',
      '"valueQuantity":{"value":3.141592653589793}',
      '"valueQuantity":{"value":1.50}',
    ])
      expect((await post(reading(value))).status, value).toBe(201);
  });

  it('refuses a body that is not valid UTF-8 instead of storing U+FFFD', async () => {
    const before = await stored();
    const text = new TextEncoder().encode(reading('"valueString":"caf\u00e9"'));
    const at = text.indexOf(0xc3); // é = C3 A9 → C3 followed by a stray byte
    const broken = new Uint8Array(text);
    broken[at + 1] = 0x28;
    const response = await post(broken);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/UTF-8/);
    expect(await stored()).toBe(before);
    expect((await post(text)).status).toBe(201);
  });
});
