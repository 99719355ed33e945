import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-support.ts';

const fixtures = join(import.meta.dirname, '../../packages/cds-hooks/fixtures');

describe('CDS Hooks mounted in the server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => t.closeAll());

  it('serves discovery and answers an order-sign request with prefetch', async () => {
    const discovery = (await (await t.request('/cds-services')).json()) as {
      services: { id: string; hook: string }[];
    };
    const sign = discovery.services.find((s) => s.hook === 'order-sign');
    expect(sign).toBeDefined();
    const requestFile = ['order-sign-acei-arb.json', 'order-sign-request.json']
      .map((f) => join(fixtures, f))
      .find(existsSync);
    if (!requestFile) throw new Error(`no order-sign fixture in ${fixtures}`);
    const body = JSON.parse(readFileSync(requestFile, 'utf8')) as Record<string, unknown>;
    const response = await t.request(`/cds-services/${sign!.id}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
    const cards = (await response.json()) as { cards: { summary: string; indicator: string }[] };
    // The fixture drafts simvastatin 40 mg for a patient on amlodipine (REFERENCE §6: simvastatin ≤ 20 mg).
    expect(cards.cards.length).toBeGreaterThan(0);
    expect(cards.cards.some((card) => /simvastatin|辛伐他汀/i.test(card.summary))).toBe(true);
    expect(
      cards.cards.every(
        (card) => card.summary.length <= 140 && ['info', 'warning', 'critical'].includes(card.indicator),
      ),
    ).toBe(true);
    const openapi = (await (await t.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/cds-services', '/api/bp/alerts']));
  });
});
