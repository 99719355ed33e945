/**
 * Reading → alert counts only readings that reached the server within 24 h of being measured (issue 20, demo
 * finding "测量至报警 中位数 3688.8 分钟"): a reading measured days before it was uploaded (a phone that synced
 * late, demo data loaded today) is counted apart as a late upload. When a reading was received is the home-reading
 * store's `received_at` (bp_reading, migration 0400), else its Observation's first version; a reading neither holds
 * keeps its place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database } from '@qihuang/store';
import { alertTimeliness } from './alert-timeliness.ts';

const NOW = '2026-12-07T12:00:00.000Z';
const ctx = { requestId: 'timeliness-late', principal: SYSTEM_PRINCIPAL };
const minutesBefore = (m: number) => new Date(Date.parse(NOW) - m * 60_000).toISOString();

describe.each(DATABASE_KINDS)('alert timeliness with late uploads on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;

  async function reading(patient: string, id: string, measured: string, received: string) {
    await sql`insert into bp_reading (patient_id, id, device_id, time, effective_at, sbp, dbp, heart_rate, version,
      pending, received_at) values (${patient}, ${id}, 'cuff', ${measured}, ${measured}::timestamptz, 190, 125,
      null, 1, false, ${received}::timestamptz)`.execute(repo.db);
  }
  async function notice(
    flag: string,
    patient: string,
    readingAt: string | null,
    raised: string,
    ack?: string,
  ) {
    await sql`insert into bp_alert_notice (flag_id, patient_id, kind, severity, reading_at, raised_at,
      acknowledged_at) values (${flag}, ${patient}, 'crisis', 'critical', ${readingAt}::timestamptz,
      ${raised}::timestamptz, ${ack ?? null}::timestamptz)`.execute(repo.db);
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, { clock: () => new Date(NOW) });
    // On time: measured 30 and 10 minutes before it was received; alert raised 2 minutes after receipt.
    await reading('p1', 'r1', minutesBefore(100), minutesBefore(70));
    await notice('f1', 'p1', minutesBefore(100), minutesBefore(68), minutesBefore(50));
    await reading('p2', 'r2', minutesBefore(60), minutesBefore(50));
    await notice('f2', 'p2', minutesBefore(60), minutesBefore(48));
    // Late: measured 3 days before the upload (the demo's readings, loaded today).
    await reading('p3', 'r3', minutesBefore(3 * 1440 + 100), minutesBefore(100));
    await notice('f3', 'p3', minutesBefore(3 * 1440 + 100), minutesBefore(98), minutesBefore(90));
    // A reading neither store holds: its reading time stands.
    await notice('f4', 'p4', minutesBefore(40), minutesBefore(20));
    // A reading written straight to FHIR (as the demo loader does): received when its first version was
    // written (the repository's clock, NOW), measured 2 days before — late.
    const measured = minutesBefore(2 * 1440);
    await repo.update(ctx, 'Observation', 'obs5', {
      resourceType: 'Observation',
      id: 'obs5',
      status: 'final',
      code: { text: 'Blood pressure panel' },
      subject: { reference: 'Patient/p5' },
      effectiveDateTime: measured,
    });
    await notice('f5', 'p5', measured, NOW);
  });
  afterAll(async () => database?.close());

  it('reports reading → alert over the timely readings and counts late uploads apart', async () => {
    const report = await alertTimeliness(repo, {
      from: minutesBefore(10 * 1440),
      to: new Date(Date.parse(NOW) + 60_000).toISOString(),
      targetMinutes: 30,
      now: NOW,
    });
    expect(report.alerts).toBe(5);
    expect(report.lateUploads).toBe(2);
    expect(report.lateUploadHours).toBe(24);
    // 32 (f1), 12 (f2), 20 (f4); neither late reading is among them.
    expect(report.readingToAlert).toEqual({ count: 3, medianMinutes: 20, p90Minutes: 32 });
    // Reading → close likewise leaves the late reading out (f1 only); alert → close keeps every closed alert.
    expect(report.readingToClose.count).toBe(1);
    expect(report.readingToClose.medianMinutes).toBe(50);
    expect(report.alertToClose.count).toBe(2);
  });
});
