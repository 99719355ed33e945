/**
 * Issue 20: the pharmacist's order-sign call (pregnant, eGFR 25, K⁺ 5.6, lisinopril 20 mg + ibuprofen, on
 * furosemide and losartan). The findings were right; these tests hold the cards' presentation: one language per
 * request, no internal ids or raw ISO times in the text a clinician reads, sources named by guideline/label, and
 * the date (and staleness) of the results a finding rests on.
 */
import { describe, expect, it } from 'vitest';
import { SOURCE_NAMES } from '@qihuang/drug-knowledge';
import type { CdsCard } from './index.ts';
import { app, expectValidCard, SIGN } from './testing.ts';
import { pregnantRenalCall } from './test-support/pregnant-renal-call.ts';

const HAN = /\p{Script=Han}/u;

async function sign(language: string | undefined, labsAt?: string, extra: Parameters<typeof app>[0] = {}) {
  const response = await app(extra).request(SIGN, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(language ? { 'accept-language': language } : {}) },
    body: JSON.stringify(pregnantRenalCall(labsAt)),
  });
  expect(response.status).toBe(200);
  const { cards } = (await response.json()) as { cards: CdsCard[] };
  for (const card of cards) expectValidCard(card);
  return cards;
}

const text = (card: CdsCard) => `${card.summary}\n${card.detail ?? ''}`;
const names = (lang: 'en' | 'zh') => new Set(Object.values(SOURCE_NAMES).map((n) => n[lang]));

describe('CDS cards speak the language of the request', () => {
  it('answers in English when Accept-Language asks for en: no Chinese anywhere a clinician reads', async () => {
    const cards = await sign('en-US,en;q=0.9');
    expect(cards.length).toBeGreaterThanOrEqual(5);
    for (const card of cards) {
      expect(text(card), text(card)).not.toMatch(HAN);
      expect(card.source.label).not.toMatch(HAN);
      expect(card.source.topic?.display).not.toMatch(HAN);
      for (const r of card.overrideReasons ?? []) expect(r.display).not.toMatch(HAN);
    }
  });

  it('answers in Chinese for zh-CN, without English fragments from the engine or the sources', async () => {
    const cards = await sign('zh-CN,zh;q=0.9,en;q=0.5');
    for (const card of cards) {
      const t = text(card);
      expect(t).not.toMatch(
        /\(reported\)|pregnancy paragraph|Drug Safety Communication|\bdraft\b|\bactive\b/,
      );
      expect(t).not.toMatch(/Lisinopril 20 MG|Ibuprofen 400 MG|Furosemide|Losartan 50 MG/);
      expect(card.source.label).toMatch(HAN);
    }
  });

  it('uses the configured locale when Accept-Language names neither en nor zh (default zh-CN)', async () => {
    expect((await sign(undefined))[0]!.summary).toMatch(HAN);
    expect((await sign('fr-FR'))[0]!.summary).toMatch(HAN);
    expect((await sign('fr-FR', undefined, { config: { locale: 'en' } }))[0]!.summary).not.toMatch(HAN);
  });

  it('names every source from the one user-facing source-name table, in the request language', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const cards = await sign(lang === 'en' ? 'en' : 'zh-CN');
      for (const card of cards) {
        expect(names(lang).has(card.source.label), card.source.label).toBe(true);
        expect(card.detail).toContain(card.source.label);
      }
    }
  });

  it('names the potassium rule by its labels and guideline, not "RAAS + K-sparing/K⁺"', async () => {
    const cards = await sign('en');
    const k = cards.find((c) => c.extension?.['qihuang-rule-id'] === 'raas-k-5.5')!;
    expect(k.source.label).not.toContain('K-sparing/K⁺');
    expect(k.source.label).toMatch(/label/i);
  });
});

describe('CDS cards keep internal ids in machine fields only', () => {
  it('no knowledge-entry ids, order ids or raw ISO times in summary/detail; orders named by drug and dose', async () => {
    for (const lang of ['en', 'zh-CN']) {
      const cards = await sign(lang);
      for (const card of cards) {
        const t = text(card);
        expect(t).not.toMatch(/pregnancy:lisinopril|renal:lisinopril|rule:raas|lab:potassium|interaction:/);
        expect(t).not.toMatch(/MedicationRequest\/|`/);
        expect(t).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
        expect(card.extension?.['qihuang-finding-id']).toBeTruthy();
      }
      const renal = cards.find((c) => c.extension?.['qihuang-rule-id'] === 'lisinopril-crcl30-start')!;
      expect(renal.detail).toMatch(
        lang === 'en' ? /lisinopril 20 mg once daily/i : /赖诺普利 20 mg，每日1次/,
      );
    }
  });

  it('formats times in the hospital time zone (08:00 UTC = 16:00 Asia/Shanghai)', async () => {
    const cards = await sign('en');
    const k = cards.find((c) => c.extension?.['qihuang-rule-id'] === 'raas-k-5.5')!;
    expect(k.detail).toContain('2026-11-20 16:00');
    const ny = await sign('en', undefined, { config: { timeZone: 'America/New_York' } });
    expect(ny.find((c) => c.extension?.['qihuang-rule-id'] === 'raas-k-5.5')!.detail).toContain(
      '2026-11-20 03:00',
    );
  });
});

describe('CDS cards date the results they rest on', () => {
  const renalAndK = (cards: CdsCard[]) =>
    cards.filter((c) =>
      ['lisinopril-crcl30-start', 'nsaid-egfr30', 'raas-k-5.5'].includes(
        String(c.extension?.['qihuang-rule-id']),
      ),
    );

  it('a recent result is dated and not called stale', async () => {
    const cards = renalAndK(await sign('en'));
    expect(cards).toHaveLength(3);
    for (const card of cards) {
      expect(card.detail).toMatch(/2026-11-20/);
      expect(card.detail).not.toMatch(/stale/i);
      expect(card.extension?.['qihuang-stale-results']).toBeUndefined();
    }
  });

  it('a 2019 eGFR/K⁺ still fires every safety card, dated, with a stale-result note (default 90 days)', async () => {
    const fresh = await sign('en');
    const old = await sign('en', '2019-03-04T08:00:00Z');
    expect(old.map((c) => c.extension?.['qihuang-finding-id'])).toEqual(
      fresh.map((c) => c.extension?.['qihuang-finding-id']),
    );
    for (const card of renalAndK(old)) {
      expect(card.detail).toMatch(/2019-03-04/);
      expect(card.detail).toMatch(/stale.*older than 90 days.*old result/is);
      expect(card.extension?.['qihuang-stale-results']).toBeTruthy();
    }
    for (const card of renalAndK(await sign('zh-CN', '2019-03-04T08:00:00Z')))
      expect(card.detail).toMatch(/2019-03-04.*超过 90 天.*旧结果/s);
  });

  it('the window is a setting: 120 days old is stale at 90, not at 180', async () => {
    const at = '2026-07-29T08:00:00Z'; // 120 days before NOW (2026-11-26)
    expect(renalAndK(await sign('en', at)).every((c) => /stale/i.test(c.detail!))).toBe(true);
    const wide = await sign('en', at, { config: { labWindowDays: 180 } });
    expect(renalAndK(wide).some((c) => /stale/i.test(c.detail!))).toBe(false);
  });
});
