/**
 * Clinician care tab findings (issue 20): two proposals made in the same millisecond get distinct draft ids (the
 * second used to reuse the first's id and fail with 400); an open crisis alert's proposal says "today / now"
 * instead of "follow up in 0 days", in both languages; a patient with no readings and a reading of exactly
 * 180/120 (not crisis under the strict ">180/120" of ACC/AHA 2017 §11.2 and China 2018) read sensibly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { saveAlerts } from '@qihuang/bp-monitoring';
import type { Alert } from '@qihuang/engines/blood-pressure';
import { officeBp as officeBpOn } from './care-test-support.ts';
import { createTestApp, type TestApp } from '../../test-support.ts';

/** A fixed clock: every request happens in the same millisecond. */
const NOW = new Date('2026-03-10T04:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
type Text = { zh: string; en: string };
interface Proposal {
  followUpDays: number;
  followUpText?: Text;
  urgent?: { display: Text };
  display: Text;
}

const officeBp = (id: string, patientId: string, sbp: number, dbp: number) =>
  officeBpOn(id, patientId, sbp, dbp, '2026-03-09T09:00:00+08:00');

describe.each(DATABASE_KINDS)('proposal ids and follow-up text on %s', (kind) => {
  let t: TestApp;
  const send = async (method: string, path: string, json?: unknown) => {
    const r = await t.request(
      path,
      json === undefined
        ? { method }
        : { method, body: JSON.stringify(json), headers: { 'content-type': 'application/json' } },
    );
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const propose = (patientId: string, language: 'zh' | 'en', guideline = 'china-2018') =>
    send('POST', `/api/care/patients/${patientId}/proposal`, { guideline, language });
  const seed = async (id: string, bp?: [number, number]) => {
    await t.repository.update(system, 'Patient', id, {
      resourceType: 'Patient',
      id,
      gender: 'male',
      birthDate: '1970-01-01',
      name: [{ text: id }],
    });
    if (bp) await t.repository.update(system, 'Observation', `${id}-bp`, officeBp(`${id}-bp`, id, ...bp));
  };

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
    await seed('pid-same', [168, 104]);
    await seed('pid-crisis', [190, 125]);
    await seed('pid-none');
    await seed('pid-180', [180, 120]);
    await saveAlerts(t.repository, system, 'pid-crisis', [
      {
        key: 'crisis-office-1',
        kind: 'crisis',
        severity: 'critical',
        raisedAt: '2026-03-10T01:00:00Z',
        readingIds: [],
        values: { sbp: 190, dbp: 125 },
        rule: 'SBP >180 or DBP >120',
        source: 'ACC/AHA 2017 §11.2',
        display: { zh: '诊室血压 190/125 mmHg 达危象范围', en: 'Office BP 190/125 mmHg in the crisis range' },
      } as Alert,
    ]);
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('two proposals in the same millisecond both succeed with distinct draft ids', async () => {
    const first = await propose('pid-same', 'en');
    expect(first.status).toBe(201);
    const second = await propose('pid-same', 'en');
    expect(second.status).toBe(201);
    const ids = (r: typeof first) => (r.body.drafts as { id: string }[]).map((d) => d.id);
    expect(ids(first).length).toBeGreaterThan(0);
    expect(ids(second).length).toBe(ids(first).length);
    for (const id of ids(second)) expect(ids(first)).not.toContain(id);
    // Only the latest proposal waits for signature; the earlier one was withdrawn.
    const drafts = await send('GET', '/api/care/patients/pid-same/drafts');
    expect((drafts.body.drafts as { id: string }[]).map((d) => d.id).sort()).toEqual([...ids(second)].sort());
  });

  it.each(['zh', 'en'] as const)(
    'an open crisis alert: follow-up says "now/today", never "0 days" (%s)',
    async (lang) => {
      const r = await propose('pid-crisis', lang);
      expect(r.status).toBe(201);
      const p = r.body.proposal as Proposal;
      expect(p.urgent).toBeDefined();
      expect(p.followUpDays).toBe(0);
      const text = p.followUpText![lang];
      expect(text).not.toMatch(/\b0\s*(?:天|days?)\b|(?:^|[^\d])0\s*天/);
      if (lang === 'zh') {
        expect(text).toMatch(/今天/);
        expect(text).toMatch(/立即转诊/);
        expect(text).not.toMatch(/[A-Za-z]{4,}/);
      } else {
        expect(text).toMatch(/\btoday\b/i);
        expect(text).toMatch(/immediate referral/);
        expect(text).not.toMatch(/\p{Script=Han}/u);
      }
      // The interval after an emergency is excluded is the engine's crisis interval (1 week, decision 0010).
      expect(text).toMatch(lang === 'zh' ? /7 天内复诊/ : /within 7 days/);
      expect(p.display[lang]).not.toMatch(/(?:^|[^\d])0\s*天|\b0 days\b/);
    },
  );

  it.each(['zh', 'en'] as const)(
    'a patient with no readings: a 400 that says why, drafts empty (%s)',
    async (lang) => {
      const r = await propose('pid-none', lang);
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body)).toMatch(
        lang === 'zh' ? /没有血压读数/ : /No blood-pressure readings to base a proposal on/,
      );
      const drafts = await send('GET', `/api/care/patients/pid-none/drafts?lang=${lang}`);
      expect(drafts.status).toBe(200);
      expect(drafts.body.drafts).toEqual([]);
    },
  );

  it.each([
    ['china-2018', 14, '14 天后随访', 'Follow up in 14 days'], // grade 3 (≥180/≥110), not crisis
    ['acc-aha-2017', 30, '30 天后随访', 'Follow up in 30 days'], // stage 2, Figure 4 "1 month"
  ] as const)(
    '180/120 exactly under %s is not crisis: no "assess first", %i days',
    async (g, days, zh, en) => {
      for (const lang of ['zh', 'en'] as const) {
        const r = await propose('pid-180', lang, g);
        expect(r.status).toBe(201);
        const p = r.body.proposal as Proposal;
        expect(p.urgent).toBeUndefined();
        expect(p.followUpDays).toBe(days);
        expect(p.followUpText).toEqual({ zh, en });
      }
    },
  );
});
