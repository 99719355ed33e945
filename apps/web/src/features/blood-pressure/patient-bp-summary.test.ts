import { describe, expect, it } from 'vitest';
import type { PatientHome } from '../../api/care.ts';
import { patientBpSummary } from './patient-bp-summary.ts';

const home = {
  progress: {
    target: { sbp: 135, dbp: 85 },
    weeks: [],
    lastSevenDays: {
      from: '2026-12-01',
      to: '2026-12-07',
      sbp: 158.4,
      dbp: 101.6,
      readings: 26,
      atTarget: false,
    },
  },
  monitoring: {
    plan: {
      sessions: [
        { name: 'morning', window: ['05:00', '11:00'], readings: 2, instruction: { zh: '早', en: 'M' } },
        { name: 'evening', window: ['18:00', '24:00'], readings: 2, instruction: { zh: '晚', en: 'E' } },
      ],
    },
  },
} as unknown as PatientHome;

describe('patientBpSummary: the BP tab for a patient reads the home page’s server numbers', () => {
  it('gives the same last-7-days mean, count, target and measuring windows as the home page', () => {
    expect(patientBpSummary(home)).toEqual({
      lastSevenDays: {
        sbp: '158',
        dbp: '102',
        readings: 26,
        from: '2026-12-01',
        to: '2026-12-07',
        window: { zh: '近7天（不含第1天）', en: 'last 7 days, day 1 excluded' },
      },
      target: { sbp: 135, dbp: 85 },
      atTarget: false,
      windows: [
        { name: 'morning', from: '05:00', to: '11:00' },
        { name: 'evening', from: '18:00', to: '24:00' },
      ],
    });
  });
  it('says nothing about a mean without readings', () => {
    const none = { ...home, progress: { ...home.progress, lastSevenDays: undefined } } as PatientHome;
    expect(patientBpSummary(none).lastSevenDays).toBeUndefined();
  });
});
