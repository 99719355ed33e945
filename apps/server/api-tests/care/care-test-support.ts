/** Test helpers shared by the care API tests. */

/** CSV device export rows (time, SBP, DBP), heart rate 72, one cuff. */
export function csv(rows: [string, number, number][]): string {
  return [
    'time,sbp,dbp,unit,heart_rate,device_id',
    ...rows.map(([t, s, d]) => `${t},${s},${d},mmHg,72,cuff-A`),
  ].join('\n');
}

/** Seven days of morning and evening duplicate readings ending the day before NOW. */
export function week(sbp: number, dbp: number): string {
  const rows: [string, number, number][] = [];
  for (let d = 3; d <= 9; d++) {
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

export interface SseEvent {
  event: string;
  data: unknown;
}

export async function sse(response: Response): Promise<SseEvent[]> {
  const text = await response.text();
  return text
    .split(/\n\n/)
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trimStart())
        .join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}

/** An office BP panel Observation (LOINC 85354-9 with SBP 8480-6 and DBP 8462-4 — REFERENCE §8.1), by default on 1 March 2026. */
export function officeBp(
  id: string,
  patientId: string,
  sbp: number,
  dbp: number,
  effectiveDateTime = '2026-03-01T09:00:00+08:00',
) {
  const q = (code: string, value: number) => ({
    code: { coding: [{ system: 'http://loinc.org', code }] },
    valueQuantity: { value, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
  });
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
        ],
      },
    ],
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
    subject: { reference: `Patient/${patientId}` },
    encounter: { reference: `Encounter/${id}-enc` },
    effectiveDateTime,
    component: [q('8480-6', sbp), q('8462-4', dbp)],
  };
}
