import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { summarizeHbpm } from './hbpm.ts';
import { classifyDipping, summarizeAbpm } from './abpm.ts';
import { variability } from './variability.ts';
import { classifyPhenotype } from './phenotype.ts';
import { thresholdsFor, isHigh } from './thresholds.ts';
import type { BpReading } from './types.ts';

const r = (id: string, time: string, sbp: number, dbp: number): BpReading => ({ id, time, sbp, dbp });

/** 7 days × morning/evening × 2 readings, +08:00; day 1 values are 200/120 to prove it is discarded. */
function week(base = { sbp: 128, dbp: 79 }): BpReading[] {
  const out: BpReading[] = [];
  for (let d = 1; d <= 7; d++) {
    for (const [h, k] of [
      ['07', 0],
      ['07', 1],
      ['21', 2],
      ['21', 3],
    ] as const) {
      const v = d === 1 ? { sbp: 200, dbp: 120 } : base;
      out.push(r(`d${d}-${k}`, `2026-01-0${d}T${h}:0${k}:00+08:00`, v.sbp, v.dbp));
    }
  }
  return out;
}

describe('HBPM protocol (REFERENCE §2.3) and OOB1', () => {
  it('drops day 1, averages days 2–7, morning/evening means', () => {
    const s = summarizeHbpm(week(), { guideline: 'esh-2023', utcOffsetMinutes: 480 });
    expect(s.discardedDay).toBe('2026-01-01');
    expect(s.readingsUsed).toBe(24);
    expect(s.daysUsed).toBe(6);
    expect(s.mean).toEqual({ sbp: 128, dbp: 79 });
    expect(s.morningMean).toEqual({ sbp: 128, dbp: 79 });
    expect(s.eveningMean).toEqual({ sbp: 128, dbp: 79 });
    expect(s.sufficient).toBe(true);
    expect(s.high).toBe(false);
  });
  it('insufficient data: fewer than 12 readings', () => {
    const s = summarizeHbpm(week().slice(0, 12), { guideline: 'esh-2023', utcOffsetMinutes: 480 });
    expect(s.sufficient).toBe(false);
    expect(s.high).toBeUndefined();
  });
  it('day assignment uses the UTC offset', () => {
    // In UTC, 07:0x+08:00 falls on the previous day: window Jan 1–7 UTC, Jan 1 (day-1 evening + day-2 morning) discarded.
    const s = summarizeHbpm(week(), { guideline: 'esh-2023', utcOffsetMinutes: 0 });
    expect(s.discardedDay).toBe('2026-01-01');
    expect(s.readingsUsed).toBe(22);
    expect(s.mean).toEqual({ sbp: 128, dbp: 79 });
  });
  it('home thresholds per guideline at the boundary', () => {
    expect(
      summarizeHbpm(week({ sbp: 135, dbp: 80 }), { guideline: 'esh-2023', utcOffsetMinutes: 480 }).high,
    ).toBe(true);
    expect(
      summarizeHbpm(week({ sbp: 134, dbp: 84 }), { guideline: 'china-2018', utcOffsetMinutes: 480 }).high,
    ).toBe(false);
    expect(
      summarizeHbpm(week({ sbp: 130, dbp: 70 }), { guideline: 'acc-aha-2017', utcOffsetMinutes: 480 }).high,
    ).toBe(true);
    expect(
      summarizeHbpm(week({ sbp: 129, dbp: 79 }), { guideline: 'acc-aha-2017', utcOffsetMinutes: 480 }).high,
    ).toBe(false);
  });
  it('property: averaging is independent of input order', () => {
    const readings = week();
    fc.assert(
      fc.property(
        fc.shuffledSubarray(readings, { minLength: readings.length, maxLength: readings.length }),
        (shuffled) => {
          const a = summarizeHbpm(readings, { guideline: 'china-2018', utcOffsetMinutes: 480 });
          const b = summarizeHbpm(shuffled, { guideline: 'china-2018', utcOffsetMinutes: 480 });
          return JSON.stringify(a) === JSON.stringify(b);
        },
      ),
    );
  });
});

describe('thresholds (REFERENCE §2.1, §2.2) at exact boundaries', () => {
  const cases: [
    'acc-aha-2017' | 'esh-2023' | 'china-2018',
    'home' | 'day' | 'night' | '24h',
    number,
    number,
  ][] = [
    ['acc-aha-2017', 'home', 130, 80],
    ['acc-aha-2017', 'day', 130, 80],
    ['acc-aha-2017', 'night', 110, 65],
    ['acc-aha-2017', '24h', 125, 75],
    ['esh-2023', 'home', 135, 85],
    ['esh-2023', 'day', 135, 85],
    ['esh-2023', 'night', 120, 70],
    ['esh-2023', '24h', 130, 80],
    ['china-2018', 'home', 135, 85],
    ['china-2018', 'day', 135, 85],
    ['china-2018', 'night', 120, 70],
    ['china-2018', '24h', 130, 80],
  ];
  it.each(cases)('%s %s %i/%i', (g, s, sbp, dbp) => {
    const t = thresholdsFor(g)[s];
    expect(t).toEqual({ sbp, dbp });
    expect(isHigh({ sbp, dbp: 0 }, t)).toBe(true);
    expect(isHigh({ sbp: 0, dbp }, t)).toBe(true);
    expect(isHigh({ sbp: sbp - 1, dbp: dbp - 1 }, t)).toBe(false);
  });
});

describe('white-coat / masked (REFERENCE §2.5, §10.2)', () => {
  it('OOB1 white-coat under ESH, China and ACC/AHA', () => {
    for (const g of ['esh-2023', 'china-2018', 'acc-aha-2017'] as const) {
      expect(
        classifyPhenotype({
          guideline: g,
          treated: false,
          office: { sbp: 146, dbp: 92 },
          home: { sbp: 128, dbp: 79 },
        }).phenotype,
      ).toBe('white-coat-hypertension');
    }
  });
  it('OOB2 masked (daytime ABPM)', () => {
    for (const g of ['esh-2023', 'china-2018', 'acc-aha-2017'] as const) {
      const p = classifyPhenotype({
        guideline: g,
        treated: false,
        office: { sbp: 128, dbp: 78 },
        day: { sbp: 138, dbp: 86 },
      });
      expect(p.phenotype).toBe('masked-hypertension');
      expect(p.highSettings).toEqual(['day']);
    }
  });
  it('OOB3 masked uncontrolled (treated)', () => {
    for (const g of ['esh-2023', 'acc-aha-2017'] as const) {
      expect(
        classifyPhenotype({
          guideline: g,
          treated: true,
          office: { sbp: 124, dbp: 76 },
          home: { sbp: 137, dbp: 84 },
        }).phenotype,
      ).toBe('masked-uncontrolled-hypertension');
    }
  });
  it('OOB4 24-h 127/77 is guideline-dependent', () => {
    expect(isHigh({ sbp: 127, dbp: 77 }, thresholdsFor('acc-aha-2017')['24h'])).toBe(true);
    expect(isHigh({ sbp: 127, dbp: 77 }, thresholdsFor('esh-2023')['24h'])).toBe(false);
  });
  it('treated matrix: white-coat effect and controlled', () => {
    expect(
      classifyPhenotype({
        guideline: 'china-2018',
        treated: true,
        office: { sbp: 150, dbp: 90 },
        home: { sbp: 125, dbp: 75 },
      }).phenotype,
    ).toBe('white-coat-effect');
    expect(
      classifyPhenotype({
        guideline: 'china-2018',
        treated: true,
        office: { sbp: 130, dbp: 80 },
        home: { sbp: 125, dbp: 75 },
      }).phenotype,
    ).toBe('controlled-hypertension');
  });
});

describe('dipping (REFERENCE §2.4, OOB5–OOB8)', () => {
  it.each([
    [140, 120, 14.29, 0.857, 'dipper'],
    [150, 140, 6.67, 0.933, 'non-dipper'],
    [130, 100, 23.08, 0.769, 'extreme-dipper'],
    [135, 142, -5.19, 1.052, 'reverse-dipper'],
  ] as const)('day %i night %i', (day, night, dip, ratio, cls) => {
    const d = classifyDipping(day, night);
    expect(d.dipPercent).toBeCloseTo(dip, 2);
    expect(d.nightDayRatio).toBeCloseTo(ratio, 3);
    expect(d.dippingClass).toBe(cls);
  });
  it('boundaries: exactly 10 % and 20 % are dipper, 0 % non-dipper', () => {
    expect(classifyDipping(100, 90).dippingClass).toBe('dipper');
    expect(classifyDipping(100, 80).dippingClass).toBe('dipper');
    expect(classifyDipping(100, 100).dippingClass).toBe('non-dipper');
  });
});

describe('variability (REFERENCE §2.6, OOB9)', () => {
  it('SD, CV, ARV', () => {
    const v = variability([140, 150, 130, 145]);
    expect(v.mean).toBe(141.25);
    expect(v.sd).toBeCloseTo(8.539, 3);
    expect(v.cv).toBeCloseTo(6.05, 2);
    expect(v.arv).toBe(15);
  });
});

describe('ABPM summary', () => {
  it('24-h, day, night means, dipping, surge, load, validity', () => {
    const rs: BpReading[] = [];
    for (let h = 0; h < 24; h++) {
      for (const m of ['00', '30']) {
        const night = h < 6;
        rs.push(
          r(
            `${h}-${m}`,
            `2026-01-01T${String(h).padStart(2, '0')}:${m}:00Z`,
            night ? 110 : h < 8 ? 135 : 130,
            night ? 65 : 80,
          ),
        );
      }
    }
    const s = summarizeAbpm(rs, { guideline: 'esh-2023' });
    expect(s.night.n).toBe(12);
    expect(s.day.n).toBe(20);
    expect(s.day.mean?.sbp).toBe(130);
    expect(s.night.mean?.sbp).toBe(110);
    expect(s.dipping?.dippingClass).toBe('dipper');
    expect(s.morningSurge).toBe(25); // 06:00–08:00 mean 135 − 04:00–06:00 mean 110
    expect(s.day.loadPercent).toBe(0);
    expect(s.valid).toBe(true);
    expect(s['24h'].n).toBe(48);
  });
});
