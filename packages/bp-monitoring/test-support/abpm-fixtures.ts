/** Test fixtures: one synthetic 24-hour ABPM recording as CSV and as FHIR (issue 17 item 6). */

/** 24 h every 30 min from 12:00 China time, written in UTC (Z): day 146/92, night 120/74, else 135/85. */
export function abpmRows(): { time: string; sbp: number; dbp: number }[] {
  const start = Date.parse('2026-03-08T04:00:00Z');
  return Array.from({ length: 48 }, (_, i) => {
    const ms = start + i * 30 * 60_000;
    const hour = (new Date(ms).getUTCHours() + 8) % 24; // China local hour
    const [sbp, dbp] = hour >= 10 && hour < 20 ? [146, 92] : hour < 6 ? [120, 74] : [135, 85];
    return { time: new Date(ms).toISOString(), sbp, dbp };
  });
}

export function abpmCsv(): string {
  return [
    'time,sbp,dbp,unit,heart_rate,device_id',
    ...abpmRows().map((r) => `${r.time},${r.sbp},${r.dbp},mmHg,70,abpm-1`),
  ].join('\n');
}

export function abpmFhir(marked = true): string {
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'collection',
    entry: abpmRows().map((r, i) => ({
      resource: {
        resourceType: 'Observation',
        id: `a${i}`,
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
        ...(marked ? { method: { coding: [{ system: 'http://snomed.info/sct', code: '164783007' }] } } : {}),
        effectiveDateTime: r.time,
        component: [
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
            valueQuantity: {
              value: r.sbp,
              unit: 'mmHg',
              system: 'http://unitsofmeasure.org',
              code: 'mm[Hg]',
            },
          },
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
            valueQuantity: {
              value: r.dbp,
              unit: 'mmHg',
              system: 'http://unitsofmeasure.org',
              code: 'mm[Hg]',
            },
          },
        ],
      },
    })),
  });
}
