/**
 * The assessment's morning/evening split follows the hospital's time zone (QIHUANG_TIME_ZONE), not UTC or a fixed
 * UTC+8 (issue 17 item 4): readings at 13:00Z are mornings in New York (08:00) and evenings in Shanghai (21:00).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T18:00:00Z');
const CSV = [
  'time,sbp,dbp,unit',
  ...[4, 5, 6, 7, 8, 9].map((d) => `2026-03-0${d}T13:00:00Z,150,95,mmHg`),
].join('\n');

interface Report {
  home: { hbpm: { morningMean?: unknown; eveningMean?: unknown } };
}

describe.each(DATABASE_KINDS)('assessment time zone on %s', (kind) => {
  const apps: TestApp[] = [];
  const assess = async (timeZone: string | undefined, patientZone?: string): Promise<Report> => {
    const t = await createTestApp(kind, timeZone ? { timeZone } : {}, () => NOW);
    apps.push(t);
    await t.request('/fhir/R4/Patient/tz-p1', {
      method: 'PUT',
      json: {
        resourceType: 'Patient',
        id: 'tz-p1',
        gender: 'male',
        birthDate: '1960-01-01',
        ...(patientZone
          ? {
              extension: [
                { url: 'http://hl7.org/fhir/StructureDefinition/timezone', valueCode: patientZone },
              ],
            }
          : {}),
      },
    });
    const upload = await t.request('/api/bp/patients/tz-p1/readings', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: CSV,
    });
    expect(upload.status).toBe(201);
    return (await (await t.request('/api/bp/patients/tz-p1/assessment')).json()) as Report;
  };
  beforeAll(() => undefined);
  afterAll(async () => {
    for (const t of apps) await t.closeAll();
  });

  it('13:00Z readings are mornings in New York and evenings in Shanghai (the default)', async () => {
    const newYork = await assess('America/New_York');
    expect(newYork.home.hbpm.morningMean).toBeDefined();
    expect(newYork.home.hbpm.eveningMean).toBeUndefined();
    const shanghai = await assess(undefined);
    expect(shanghai.home.hbpm.morningMean).toBeUndefined();
    expect(shanghai.home.hbpm.eveningMean).toBeDefined();
  });

  it("the patient's own zone (FHIR timezone extension) wins over the hospital's", async () => {
    const newYorker = await assess(undefined, 'America/New_York');
    expect(newYorker.home.hbpm.morningMean).toBeDefined();
    expect(newYorker.home.hbpm.eveningMean).toBeUndefined();
  });
});
