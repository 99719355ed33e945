/**
 * Issue 20 (IT try): an upload of which no record is accepted is refused with 422 and the per-record reasons,
 * and changes nothing (no reading, no Device, no alert, no audit of a stored upload); common device-export CSV
 * headers are read (systolic/diastolic, Date,Time,SYS,DIA, 收缩压/舒张压), and a header without blood-pressure
 * columns is told which columns are accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const PATIENT = 'bp-refused-1';

interface Refusal {
  error: {
    code: string;
    message: string;
    issues?: { code: string; message: string; expression?: string[] }[];
  };
}

describe.each(DATABASE_KINDS)('BP upload refusals and device-export CSV headers on %s', (kind) => {
  let t: TestApp;
  const post = (body: string, type = 'text/csv') =>
    t.request(`/api/bp/patients/${PATIENT}/readings`, {
      method: 'POST',
      body,
      headers: { 'content-type': type },
    });
  const count = async (type: string) =>
    (
      (await (await t.request(`/fhir/R4/${type}?patient=${PATIENT}&_summary=count`)).json()) as {
        total: number;
      }
    ).total;

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
    await t.request(`/fhir/R4/Patient/${PATIENT}`, {
      method: 'PUT',
      json: {
        resourceType: 'Patient',
        id: PATIENT,
        name: [{ family: 'Wu', given: ['Min'] }],
        birthDate: '1960-01-01',
      },
    });
  });
  afterAll(async () => t.closeAll());

  it('every record rejected (implausible, future, non-numeric) → 422 with each reason, nothing stored', async () => {
    const response = await post(
      [
        'time,sbp,dbp,device_id',
        '2026-03-09T07:00:00+08:00,400,90,cuff-Z',
        '2027-01-01T07:00:00+08:00,130,80,cuff-Z',
        '2026-03-09T08:00:00+08:00,abc,80,cuff-Z',
      ].join('\n'),
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as Refusal;
    expect(body.error.message).toMatch(/none of the 3 records/i);
    expect(body.error.message).toMatch(/nothing was stored/i);
    expect(body.error.issues?.map((i) => i.expression?.[0])).toEqual([
      'records[1]',
      'records[2]',
      'records[3]',
    ]);
    expect(body.error.issues?.[0]?.message).toMatch(/implausible.*SBP 400/);
    expect(body.error.issues?.[1]?.message).toMatch(/future-time/);
    expect(body.error.issues?.[2]?.message).toMatch(/malformed.*non-numeric/);
    expect(await count('Observation')).toBe(0);
    expect(await count('Device')).toBe(0);
    const readings = (await (await t.request(`/api/bp/patients/${PATIENT}/readings?days=366`)).json()) as {
      readings: unknown[];
    };
    expect(readings.readings).toHaveLength(0);
  });

  it('some accepted → 201 as before, the rejected listed', async () => {
    const response = await post(
      ['time,sbp,dbp', '2026-03-09T07:00:00+08:00,138,86', '2026-03-09T07:05:00+08:00,400,86'].join('\n'),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      stored: number;
      rejected: number;
      records: { status: string }[];
    };
    expect(body).toMatchObject({ stored: 1, rejected: 1 });
  });

  it('reads systolic/diastolic and Date,Time,SYS,DIA (local time in the patient’s zone) and 收缩压/舒张压', async () => {
    const a = await post('time,systolic,diastolic\n2026-03-08T07:00:00+08:00,141,88\n');
    expect(a.status).toBe(201);
    const b = await post('Date,Time,SYS,DIA,PUL\n2026/03/08,21:10,137,85,70\n');
    expect(b.status).toBe(201);
    const c = await post('测量时间,收缩压(mmHg),舒张压(mmHg)\n2026-03-07 07:30,133,84\n');
    expect(c.status).toBe(201);
    const readings = (await (await t.request(`/api/bp/patients/${PATIENT}/readings?days=30`)).json()) as {
      readings: { time: string; sbp: number }[];
    };
    const at = (sbp: number) => readings.readings.find((r) => r.sbp === sbp)?.time;
    expect(Date.parse(at(141)!)).toBe(Date.parse('2026-03-07T23:00:00Z'));
    // The hospital's zone (Asia/Shanghai by default): 21:10 local is 13:10 UTC.
    expect(Date.parse(at(137)!)).toBe(Date.parse('2026-03-08T13:10:00Z'));
    expect(Date.parse(at(133)!)).toBe(Date.parse('2026-03-06T23:30:00Z'));
  });

  it('a header without blood-pressure columns → 422 naming the accepted columns', async () => {
    const response = await post('when,high,low\n2026-03-09T07:00:00+08:00,138,88\n');
    expect(response.status).toBe(422);
    const body = (await response.json()) as Refusal;
    for (const name of ['sbp', 'systolic', 'SYS', '收缩压', 'dbp', 'diastolic', 'DIA', '舒张压'])
      expect(body.error.message).toContain(name);
  });
});
