/**
 * Issue 17 (tester): a late crisis reading says the day it was measured in the patient's zone, else the
 * hospital's (Asia/Shanghai), never the UTC day; the timeliness report has reading → alert beside alert → close
 * and reading → close, a reading uploaded more than 24 h after measurement counted apart as a late upload; the alert's text counts its readings in words
 * that agree with the card ("1 reading", not "1 reading(s)").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-12-05T12:00:00Z');
const READING = '2026-12-03T23:12:40Z'; // 2026-12-04 07:12 in Shanghai, 2026-12-03 18:12 in New York
const TZ_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/timezone';

describe.each(DATABASE_KINDS)('late crisis reading: local measured day and reading → alert on %s', (kind) => {
  let t: TestApp;
  let now = NOW;
  const summary = async (patientId: string) => {
    const list = (await (await t.request(`/api/bp/alerts?status=all&patient=${patientId}`)).json()) as {
      id: string;
      summary: { zh: string; en: string };
    }[];
    expect(list).toHaveLength(1);
    return list[0]!;
  };

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => now);
    for (const [id, zone] of [
      ['md-hospital', undefined],
      ['md-ny', 'America/New_York'],
    ] as const) {
      const put = await t.request(`/fhir/R4/Patient/${id}`, {
        method: 'PUT',
        json: {
          resourceType: 'Patient',
          id,
          gender: 'male',
          birthDate: '1950-01-01',
          ...(zone ? { extension: [{ url: TZ_EXTENSION, valueCode: zone }] } : {}),
        },
      });
      expect(put.status).toBeLessThan(300);
      const upload = await t.request(`/api/bp/patients/${id}/readings`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: `time,sbp,dbp,unit\n${READING},199,121,mmHg`,
      });
      expect(upload.status).toBe(201);
    }
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it("says the hospital's local day (2026-12-04 in Shanghai), not the UTC day", async () => {
    const { summary: text } = await summary('md-hospital');
    expect(text.zh).toContain('测量于 2026-12-04');
    expect(text.en).toContain('measured 2026-12-04');
    expect(text.en).toContain('(1 reading,');
    expect(text.en).not.toContain('reading(s)');
  });

  it("says the patient's own local day when the record carries a zone (New York: 2026-12-03)", async () => {
    expect((await summary('md-ny')).summary.en).toContain('measured 2026-12-03');
  });

  it('reports reading → alert separately from alert → close', async () => {
    const { id } = await summary('md-hospital');
    now = new Date(NOW.getTime() + 10 * 60_000);
    const closed = await t.request(`/api/bp/alerts/${id}/close`, {
      method: 'POST',
      json: {
        contactedBy: 'Nurse Li',
        contactedAt: new Date(now.getTime() - 60_000).toISOString(),
        method: 'phone',
        patientReached: true,
        action: 'Advised an emergency visit',
      },
    });
    expect(closed.status).toBe(200);
    const report = (await (
      await t.request(`/api/bp/alerts/timeliness?from=2026-12-01&to=2026-12-06`)
    ).json()) as {
      readingToAlert: { count: number; medianMinutes: number | null; p90Minutes: number | null };
      alertToClose: { count: number; medianMinutes: number };
      lateUploads: number;
    };
    // Two alerts, both raised at 12:00Z on 5 December from a reading measured 36 h 47 min 20 s earlier and
    // uploaded then: late uploads (> 24 h, issue 20), counted apart rather than as 2207.3 min reading → alert.
    expect(report.lateUploads).toBe(2);
    expect(report.readingToAlert).toEqual({ count: 0, medianMinutes: null, p90Minutes: null });
    expect(report.alertToClose).toMatchObject({ count: 1, medianMinutes: 10 });
  });
});
