/**
 * The proposal's default supply lasts to the plan's follow-up (issue 20 try: beside an open critical alert the
 * draft read '总量 7 片 · 7 天' while the plan's follow-up was in 28 days). The open alert still leads (follow-up
 * 'today'); the supply is the China 2018 follow-up after a start or change (4 weeks, REFERENCE §7.3) and the
 * quantity dose × frequency × days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { saveAlerts } from '@qihuang/bp-monitoring';
import type { Alert } from '@qihuang/engines/blood-pressure';
import { officeBp } from './care-test-support.ts';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };

describe.each(DATABASE_KINDS)('proposal supply days on %s', (kind) => {
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

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
    const id = 'sup-alert';
    await t.repository.update(system, 'Patient', id, {
      resourceType: 'Patient',
      id,
      gender: 'male',
      birthDate: '1970-01-01',
      name: [{ text: id }],
    });
    // Grade 2 now (China 2018): a start, follow-up 4 weeks after it; an older crisis alert still open.
    await t.repository.update(
      system,
      'Observation',
      `${id}-bp`,
      officeBp(`${id}-bp`, id, 162, 102, '2026-03-09T09:00:00+08:00'),
    );
    await saveAlerts(t.repository, system, id, [
      {
        key: 'crisis-office-old',
        kind: 'crisis',
        severity: 'critical',
        raisedAt: '2026-03-08T01:00:00Z',
        readingIds: [],
        values: { sbp: 190, dbp: 125 },
        rule: 'SBP >180 or DBP >120',
        source: 'ACC/AHA 2017 §11.2',
        display: { zh: '诊室血压 190/125 mmHg 达危象范围', en: 'Office BP 190/125 mmHg in the crisis range' },
      } as Alert,
    ]);
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it.each(['zh', 'en'] as const)(
    'an open alert leads, the supply lasts to the planned visit (%s)',
    async (lang) => {
      const r = await send('POST', '/api/care/patients/sup-alert/proposal', {
        guideline: 'china-2018',
        language: lang,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect((r.body.proposal as { followUpDays: number }).followUpDays).toBe(0);
      const drafts = (await send('GET', `/api/care/patients/sup-alert/drafts?lang=${lang}`)).body.drafts as {
        status: string;
        supply?: { days?: number; quantity?: string };
        edit?: { dose?: { value: number }; frequency?: string };
      }[];
      const unsigned = drafts.filter((d) => d.status === 'draft');
      expect(unsigned.length).toBeGreaterThan(0);
      for (const d of unsigned) {
        // China 2018: 每2–4周随访直至达标 → 28 days (REFERENCE §7.3).
        expect(d.supply?.days).toBe(28);
        expect(d.supply?.quantity).toMatch(lang === 'zh' ? /^\d+ 片$/ : /^\d+ tablets?$/);
        expect(Number.parseInt(d.supply!.quantity!, 10)).toBeGreaterThanOrEqual(28);
      }
    },
  );
});
