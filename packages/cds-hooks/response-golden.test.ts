/**
 * Pins whole CDS responses (issue 19: the order-sign path is made cheaper, never different): the bench's call and
 * the pharmacist's call of issue 20 (results fresh and stale), through order-sign, order-select and patient-view,
 * in both languages and two hospital zones — each response compared by hash with fixtures/response-golden.json,
 * recorded before the performance work. Regenerate only for an intended change:
 * UPDATE_GOLDEN=1 npx vitest run <this file>.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { app, fixture, NOW } from './testing.ts';
import { pregnantRenalCall } from './test-support/pregnant-renal-call.ts';

const GOLDEN = new URL('./fixtures/response-golden.json', import.meta.url);
const SERVICE = {
  'order-sign': '/cds-services/qihuang-rx-review-order-sign',
  'order-select': '/cds-services/qihuang-rx-review-order-select',
  'patient-view': '/cds-services/qihuang-rx-review-patient-view',
} as const;

/** The same call as another hook (order-select selects the first draft; patient-view drops the drafts). */
function asHook(call: Record<string, unknown>, hook: keyof typeof SERVICE): Record<string, unknown> {
  const context = { ...(call.context as Record<string, unknown>) };
  if (hook === 'order-select') {
    const drafts = context.draftOrders as { entry: { resource: { id: string } }[] };
    context.selections = [`MedicationRequest/${drafts.entry[0]!.resource.id}`];
  }
  if (hook === 'patient-view') delete context.draftOrders;
  return { ...call, hook, context };
}

const CALLS: Record<string, Record<string, unknown>> = {
  bench: fixture('order-sign-request.json'),
  pharmacistFresh: pregnantRenalCall(),
  pharmacistStale: pregnantRenalCall('2026-01-05T23:30:00Z'),
};
const LANGUAGES = { zh: 'zh-CN', en: 'en-US,en;q=0.9', none: undefined } as const;
const ZONES = ['Asia/Shanghai', 'America/New_York'];

async function responses(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [callName, call] of Object.entries(CALLS))
    for (const hook of Object.keys(SERVICE) as (keyof typeof SERVICE)[])
      for (const [lang, header] of Object.entries(LANGUAGES))
        for (const timeZone of ZONES) {
          const response = await app({ config: { timeZone }, now: () => NOW }).request(SERVICE[hook], {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(header ? { 'accept-language': header } : {}) },
            body: JSON.stringify(asHook(call, hook)),
          });
          out[`${callName}/${hook}/${lang}/${timeZone}`] = `${response.status} ${await response.text()}`;
        }
  return out;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

describe('CDS responses are pinned', () => {
  it('answers each call, hook, language and zone as recorded in fixtures/response-golden.json', async () => {
    const all = await responses();
    const actual = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, hash(v)]));
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 1)}\n`);
    expect(existsSync(GOLDEN), 'fixtures/response-golden.json is missing').toBe(true);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string>;
    const changed = Object.keys(golden).filter((k) => golden[k] !== actual[k]);
    // The first changed response in full, to see what changed.
    expect(changed, changed.length ? all[changed[0]!] : '').toEqual([]);
    expect(Object.keys(actual).sort()).toEqual(Object.keys(golden).sort());
  });

  it('records responses with cards (the golden is not a record of errors or empty answers)', async () => {
    const all = Object.values(await responses());
    expect(all.every((r) => r.startsWith('200 '))).toBe(true);
    expect(all.filter((r) => r.includes('"summary"')).length).toBeGreaterThan(all.length * 0.8);
  });
});
