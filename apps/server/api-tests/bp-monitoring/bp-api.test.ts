import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T12:00:00Z');

function csv(rows: [string, number | string, number | string, string?][]): string {
  return [
    'time,sbp,dbp,unit,heart_rate,device_id',
    ...rows.map(([t, s, d, unit]) => `${t},${s},${d},${unit ?? 'mmHg'},70,cuff-A`),
  ].join('\n');
}

/** Seven days of morning and evening duplicate readings ending the day before NOW, at a given level. */
function week(sbp: number, dbp: number): string {
  const rows: [string, number, number][] = [];
  for (let d = 2; d <= 8; d++) {
    const day = `2026-03-${String(d).padStart(2, '0')}`;
    rows.push(
      [`${day}T07:00:00+08:00`, sbp, dbp],
      [`${day}T07:02:00+08:00`, sbp - 2, dbp - 1],
      [`${day}T21:00:00+08:00`, sbp, dbp],
      [`${day}T21:02:00+08:00`, sbp - 2, dbp - 1],
    );
  }
  return csv(rows);
}

describe.each(DATABASE_KINDS)('blood-pressure API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
    await t.request('/fhir/R4/Patient/bp-p1', {
      method: 'PUT',
      json: {
        resourceType: 'Patient',
        id: 'bp-p1',
        name: [{ family: 'Chen', given: ['Li'] }],
        gender: 'male',
        birthDate: '1961-05-01',
      },
    });
  });
  afterAll(async () => t.closeAll());

  it('stores accepted readings with their device, rejects bad records with reasons, and is idempotent', async () => {
    const body = csv([
      ['2026-03-01T07:00:00+08:00', 138, 88],
      ['2026-03-01T21:00:00+08:00', 18.4, 11.6, 'kPa'],
      ['2026-03-01T21:05:00+08:00', 'abc', 86],
      ['2026-03-01T22:00:00+08:00', 80, 120],
      ['2027-01-01T07:00:00+08:00', 130, 80],
    ]);
    const response = await t.request('/api/bp/patients/bp-p1/readings', {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/csv' },
    });
    expect(response.status).toBe(201);
    const result = (await response.json()) as {
      stored: number;
      rejected: number;
      records: { status: string; code?: string; reason?: string }[];
      devices: string[];
    };
    expect(result.stored).toBe(2);
    expect(result.rejected).toBe(3);
    expect(result.records.filter((r) => r.status === 'rejected').every((r) => r.reason)).toBe(true);
    expect(result.devices).toHaveLength(1);
    const device = await t.request(`/fhir/R4/Device/${result.devices[0]}`);
    expect(device.status).toBe(200);
    const kpa = (await (
      await t.request('/fhir/R4/Observation?patient=bp-p1&component-code=8480-6&date=2026-03-01T13:00:00Z')
    ).json()) as {
      entry: {
        resource: { component: { valueQuantity: { value: number } }[]; device: { reference: string } };
      }[];
    };
    expect(kpa.entry[0]?.resource.component[0]?.valueQuantity.value).toBe(138); // 18.4 kPa × 7.50062 = 138 mmHg
    expect(kpa.entry[0]?.resource.device.reference).toBe(`Device/${result.devices[0]}`);
    const again = await t.request('/api/bp/patients/bp-p1/readings', {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/csv' },
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { stored: number; unchanged: number }).unchanged).toBe(2);
  });

  it('refuses an unreadable upload and an unknown patient without writing anything', async () => {
    const before = (
      (await (await t.request('/fhir/R4/Observation?_summary=count')).json()) as { total: number }
    ).total;
    expect(
      (await t.request('/api/bp/patients/bp-p1/readings', { method: 'POST', body: 'hello there' })).status,
    ).toBe(400);
    expect(
      (
        await t.request('/api/bp/patients/nobody/readings', {
          method: 'POST',
          body: week(150, 95),
          headers: { 'content-type': 'text/csv' },
        })
      ).status,
    ).toBe(404);
    const after = (
      (await (await t.request('/fhir/R4/Observation?_summary=count')).json()) as { total: number }
    ).total;
    expect(after).toBe(before);
  });

  it('assesses a week of home readings per guideline and raises alerts as Flags, once', async () => {
    await t.request('/api/bp/patients/bp-p1/readings', {
      method: 'POST',
      body: week(152, 96),
      headers: { 'content-type': 'text/csv' },
    });
    const response = await t.request(
      '/api/bp/patients/bp-p1/assessment?guideline=acc-aha-2017&from=2026-03-02',
    );
    expect(response.status).toBe(200);
    const report = (await response.json()) as {
      guideline: string;
      home: {
        hbpm: {
          mean: { sbp: number };
          sufficient: boolean;
          high: boolean;
          daysUsed: number;
          from: string;
          to: string;
          discardedDay: string;
          label: { zh: string };
        };
        alerts: { kind: string }[];
      };
      patient: { age: number };
      series: unknown[];
    };
    expect(report.guideline).toBe('acc-aha-2017');
    expect(report.patient.age).toBe(64);
    expect(report.home.hbpm.sufficient).toBe(true);
    // The one current home average (decision 0027): the 7 days ending today (03-04…03-10, the clock's day), the
    // first day with readings (03-04) discarded (REFERENCE §2.3) — readings 03-05…03-08 count.
    expect([report.home.hbpm.from, report.home.hbpm.to]).toEqual(['2026-03-04', '2026-03-10']);
    expect(report.home.hbpm.discardedDay).toBe('2026-03-04');
    expect(report.home.hbpm.daysUsed).toBe(4);
    expect(report.home.hbpm.label.zh).toBe('近7天（不含第1天）');
    expect(report.home.hbpm.mean.sbp).toBeCloseTo(151, 5);
    expect(report.home.hbpm.high).toBe(true);
    expect(report.home.alerts.map((a) => a.kind)).toContain('sustained-above-target');
    const alerts = (await (await t.request('/api/bp/alerts')).json()) as {
      id: string;
      kind: string;
      patientName: string;
      summary: { zh: string; en: string };
    }[];
    const sustained = alerts.filter((a) => a.kind === 'sustained-above-target');
    expect(sustained).toHaveLength(1);
    expect(sustained[0]?.patientName).toBe('Li Chen');
    expect(sustained[0]?.summary.zh.length).toBeGreaterThan(0);
    await t.request('/api/bp/patients/bp-p1/assessment?guideline=acc-aha-2017&from=2026-03-02');
    expect(
      ((await (await t.request('/api/bp/alerts')).json()) as { kind: string }[]).filter(
        (a) => a.kind === 'sustained-above-target',
      ),
    ).toHaveLength(1);
    // Acknowledging needs the action taken (issue 17 item 3): without it, 400 and nothing changes.
    const bare = await t.request(`/api/bp/alerts/${sustained[0]!.id}/acknowledge`, { method: 'POST' });
    expect(bare.status).toBe(400);
    const ack = await t.request(`/api/bp/alerts/${sustained[0]!.id}/acknowledge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        contactedBy: 'Nurse Wang',
        contactedAt: NOW.toISOString(),
        method: 'phone',
        patientReached: true,
        action: 'Reviewed home readings by phone; follow-up visit booked',
      }),
    });
    expect(((await ack.json()) as { status: string; acknowledged: { by: string } }).status).toBe('inactive');
    expect(
      ((await (await t.request('/api/bp/alerts')).json()) as { id: string }[]).map((a) => a.id),
    ).not.toContain(sustained[0]!.id);
    const flag = (await (await t.request(`/fhir/R4/Flag/${sustained[0]!.id}`)).json()) as {
      status: string;
      period: { end: string };
    };
    expect(flag.status).toBe('inactive');
    expect(flag.period.end).toBe(NOW.toISOString());
  });

  it('validates the guideline and dates', async () => {
    expect((await t.request('/api/bp/patients/bp-p1/assessment?guideline=who-1999')).status).toBe(400);
    expect((await t.request('/api/bp/patients/bp-p1/assessment?from=yesterday')).status).toBe(400);
  });

  it('explains why 10-year risk cannot be computed without lipids, and stores it as RiskAssessment when it can', async () => {
    const missing = await t.request('/api/bp/patients/bp-p1/risk', { method: 'POST' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(
      /total cholesterol/,
    );
    const lab = (id: string, code: string, value: number) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code }] },
      subject: { reference: 'Patient/bp-p1' },
      effectiveDateTime: '2026-02-01',
      valueQuantity: { value, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
    });
    await t.request('/fhir/R4/Observation/tc1', { method: 'PUT', json: lab('tc1', '2093-3', 213) });
    await t.request('/fhir/R4/Observation/hdl1', { method: 'PUT', json: lab('hdl1', '2085-9', 50) });
    const stored = await t.request('/api/bp/patients/bp-p1/risk', { method: 'POST' });
    expect(stored.status).toBe(201);
    const risk = (await stored.json()) as {
      resourceType: string;
      prediction: { probabilityDecimal: number }[];
    };
    expect(risk.resourceType).toBe('RiskAssessment');
    expect(risk.prediction[0]?.probabilityDecimal).toBeGreaterThan(0);
    expect(
      (
        (await (await t.request('/fhir/R4/RiskAssessment?patient=bp-p1&_summary=count')).json()) as {
          total: number;
        }
      ).total,
    ).toBe(1);
  });
});
