/** Shared helpers for the CDS Hooks tests (imported by *.test.ts only). */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { createCdsHooksRoutes, type CdsCard, type CdsHooksDeps } from './index.ts';

export const kb = createDrugKnowledgeBase();
export const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
export const SHARED = new URL('../../../shared/data/cds-hooks-examples/', import.meta.url).pathname;
export const shared = (name: string) =>
  JSON.parse(readFileSync(`${SHARED}${name}`, 'utf8')) as Record<string, unknown>;
export const NOW = new Date('2026-11-26T00:00:00Z');

export function app(extra: Partial<CdsHooksDeps> = {}) {
  let n = 0;
  const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const noFetch = (() => Promise.reject(new Error('fetch must not be called'))) as typeof fetch;
  return createCdsHooksRoutes({ kb, uuid, now: () => NOW, fetch: noFetch, ...extra });
}
export const post = (a: ReturnType<typeof app>, path: string, body: unknown) =>
  a.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
export const SIGN = '/cds-services/qihuang-rx-review-order-sign';

/** CDS Hooks 2.0 card rules (REFERENCE §9.3). */
export function expectValidCard(card: CdsCard) {
  expect([...card.summary].length).toBeLessThan(140);
  expect(['info', 'warning', 'critical']).toContain(card.indicator);
  expect(card.source.label.length).toBeGreaterThan(0);
  expect(card.uuid).toMatch(/^[0-9a-f-]{36}$/);
  for (const r of card.overrideReasons ?? []) expect(r.display && r.code && r.system).toBeTruthy();
  if (card.suggestions) {
    expect(['at-most-one', 'any']).toContain(card.selectionBehavior);
    for (const s of card.suggestions) {
      expect(s.label.length).toBeGreaterThan(0);
      for (const a of s.actions ?? []) {
        expect(['create', 'update', 'delete']).toContain(a.type);
        expect(a.description.length).toBeGreaterThan(0);
        if (a.type === 'delete') expect(a.resourceId).toMatch(/^MedicationRequest\/.+/);
        else expect(a.resource?.resourceType).toBe('MedicationRequest');
      }
    }
  }
}
