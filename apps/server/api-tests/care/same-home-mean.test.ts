/**
 * Decision 0027 (issue 20): one current home average on every screen. The patient's home and BP tab
 * (`progress.lastSevenDays`), the clinician's BP page (`home.hbpm` of the assessment) and the care panel
 * (`homeMean`, `controlled`) give the same figure over the same window — the 7 local days ending today, the first
 * day with readings discarded (ESH 2023 / China 2018 home BP monitoring, REFERENCE §2.3) — each naming it, and the
 * figure as shown stays below the 135/85 home threshold (REFERENCE §2.2) it is classified below: 134.6, not 135.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { officeBp } from './care-test-support.ts';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z'); // 12:00 in Shanghai: today is 2026-03-10
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };

function homeBp(id: string, patientId: string, sbp: number, dbp: number, time: string) {
  const bp = officeBp(id, patientId, sbp, dbp, time) as Record<string, unknown>;
  delete bp.encounter;
  return bp;
}

type Shown = { sbp: string; dbp: string };
type Window = { from: string; to: string; label: { zh: string; en: string } };

describe.each(DATABASE_KINDS)('one current home average on every screen on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { timeZone: 'Asia/Shanghai' }, () => NOW);
    const id = 'hm-1';
    await t.repository.update(system, 'Patient', id, {
      resourceType: 'Patient',
      id,
      gender: 'male',
      birthDate: '1976-06-01',
    });
    const readings: [string, number, number][] = [
      ['2026-03-02', 190, 110], // 8 days ago: outside the 7-day window
      ['2026-03-04', 170, 100], // the window's first day with readings: discarded
      ['2026-03-05', 134, 84],
      ['2026-03-06', 135, 84],
      ['2026-03-07', 135, 84],
      ['2026-03-08', 134, 84],
      ['2026-03-09', 135, 84],
    ];
    for (const [day, sbp, dbp] of readings)
      await t.repository.update(
        system,
        'Observation',
        `${id}-${day}`,
        homeBp(`${id}-${day}`, id, sbp, dbp, `${day}T07:00:00+08:00`),
      );
    const plan = await t.request(`/api/care/patients/${id}/care-plan`, {
      method: 'PUT',
      json: { guideline: 'china-2018' },
    });
    expect(plan.status, await plan.clone().text()).toBe(200);
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('the home, the BP page and the panel: 134.6/84 of 5 readings, 03-04 – 03-10, day 1 excluded', async () => {
    const home = (await (await t.request('/api/care/patients/hm-1/home?guideline=china-2018')).json()) as {
      progress: {
        lastSevenDays?: Window & { shown: Shown; readings: number; discardedDay?: string; atTarget: boolean };
      };
    };
    const assessment = (await (
      await t.request('/api/bp/patients/hm-1/assessment?guideline=china-2018')
    ).json()) as {
      home: { hbpm: Window & { shown: Shown; readingsUsed: number; high: boolean; discardedDay: string } };
    };
    const panel = (await (await t.request('/api/care/panel')).json()) as {
      entries: {
        patientId: string;
        controlled?: boolean;
        homeMean?: Window & { shown: Shown; readings: number };
      }[];
    };
    const row = panel.entries.find((e) => e.patientId === 'hm-1');

    const last = home.progress.lastSevenDays!;
    const hbpm = assessment.home.hbpm;
    expect([last.from, last.to, last.discardedDay]).toEqual(['2026-03-04', '2026-03-10', '2026-03-04']);
    expect([hbpm.from, hbpm.to, hbpm.discardedDay]).toEqual(['2026-03-04', '2026-03-10', '2026-03-04']);
    expect([row?.homeMean?.from, row?.homeMean?.to]).toEqual(['2026-03-04', '2026-03-10']);
    expect(last.readings).toBe(5);
    expect(hbpm.readingsUsed).toBe(5);
    expect(row?.homeMean?.readings).toBe(5);
    // Below 135/85 (REFERENCE §2.2) and below the target: shown as 134.6, never "135", on all three.
    for (const shown of [last.shown, hbpm.shown, row?.homeMean?.shown])
      expect(shown).toEqual({ sbp: '134.6', dbp: '84' });
    expect(hbpm.high).toBe(false);
    expect(last.atTarget).toBe(true);
    expect(row?.controlled).toBe(true);
    for (const w of [last, hbpm, row!.homeMean!])
      expect(w.label).toEqual({ zh: '近7天（不含第1天）', en: 'last 7 days, day 1 excluded' });
  });
});
