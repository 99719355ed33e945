/**
 * Issue 20 through the server: an order-sign call answers cards in the language of Accept-Language, with times in
 * the hospital's configured zone (QIHUANG_TIME_ZONE), no internal ids in the text, and stale results called stale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CdsCard } from '@qihuang/cds-hooks';
import { pregnantRenalCall } from '@qihuang/cds-hooks/test-support';
import { createTestApp, type TestApp } from '../../test-support.ts';

const HAN = /\p{Script=Han}/u;

describe('CDS cards through the server (issue 20)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { timeZone: 'America/New_York' });
  });
  afterAll(async () => t.closeAll());

  const sign = async (language: string | undefined, labsAt?: string) => {
    const response = await t.request('/cds-services/qihuang-rx-review-order-sign', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(language ? { 'accept-language': language } : {}) },
      body: JSON.stringify(pregnantRenalCall(labsAt)),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { cards: CdsCard[] }).cards;
  };
  const text = (c: CdsCard) => `${c.summary}\n${c.detail ?? ''}\n${c.source.label}`;

  it('answers in one language per request, ids only in machine fields, times in the hospital zone', async () => {
    const en = await sign('en-GB');
    const zh = await sign('zh-CN');
    expect(en.length).toBeGreaterThanOrEqual(5);
    expect(zh.map((c) => c.extension?.['qihuang-finding-id'])).toEqual(
      en.map((c) => c.extension?.['qihuang-finding-id']),
    );
    for (const c of en) expect(text(c)).not.toMatch(HAN);
    for (const c of zh) expect(c.summary).toMatch(HAN);
    for (const c of [...en, ...zh]) {
      expect(text(c)).not.toMatch(
        /MedicationRequest\/|\b(pregnancy|renal|rule|interaction|lab):\S|\d{4}-\d{2}-\d{2}T\d{2}/,
      );
      expect(c.extension?.['qihuang-rule-id']).toBeTruthy();
    }
    // 08:00 UTC is 03:00 in New York (the configured hospital zone).
    const k = en.find((c) => c.extension?.['qihuang-rule-id'] === 'raas-k-5.5')!;
    expect(k.detail).toContain('2026-11-20 03:00');
  });

  it('a 2019 potassium still fires its card, dated and called stale', async () => {
    const cards = await sign('en', '2019-03-04T08:00:00Z');
    const k = cards.find((c) => c.extension?.['qihuang-rule-id'] === 'raas-k-5.5')!;
    expect(k.indicator).toBe('warning');
    expect(k.detail).toMatch(/Potassium 5\.6 mmol\/L \(2019-03-04\): stale result, older than 90 days/);
  });
});
