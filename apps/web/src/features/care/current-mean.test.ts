/**
 * Decision 0027 (issue 20): every screen shows the server's one current home average as the server shows it
 * (`shown`: 134.6 below 135/85, never "135") and names its window (近7天（不含第1天） / last 7 days, day 1 excluded).
 */
import { describe, expect, it } from 'vitest';
import type { PatientHome } from '../../api/care.ts';
import { recentSummary, windowLabel } from './care-model.ts';
import { patientBpSummary } from '../blood-pressure/patient-bp-summary.ts';

const label = { zh: '近7天（不含第1天）', en: 'last 7 days, day 1 excluded' };
const last = {
  from: '2026-12-01',
  to: '2026-12-07',
  sbp: 134.6,
  dbp: 84.5,
  shown: { sbp: '134.6', dbp: '84.5' },
  readings: 10,
  days: 5,
  discardedDay: '2026-12-01',
  label,
  atTarget: true,
};

describe('the current home average as the server shows it, with its window', () => {
  it('the patient home: 134.6/84.5, not 135/85 (below the 135/85 target)', () => {
    const r = recentSummary(last, { sbp: 135, dbp: 85 }, false)!;
    expect([r.sbp, r.dbp]).toEqual(['134.6', '84.5']);
    expect(r.atTarget).toBe(true);
    expect(r.window).toEqual(label);
  });

  it('the patient’s BP tab: the same figures and window', () => {
    const home = {
      progress: { target: { sbp: 135, dbp: 85 }, weeks: [], lastSevenDays: last },
      monitoring: { plan: { sessions: [] } },
    } as unknown as PatientHome;
    expect(patientBpSummary(home).lastSevenDays).toMatchObject({ sbp: '134.6', dbp: '84.5', window: label });
  });

  it('names the window in the screen’s language', () => {
    expect(windowLabel(label, 'zh-CN')).toBe('近7天（不含第1天）');
    expect(windowLabel(label, 'en')).toBe('last 7 days, day 1 excluded');
    expect(windowLabel(undefined, 'en')).toBe('last 7 days, day 1 excluded');
  });
});
