import { describe, expect, it } from 'vitest';
import { adherence, monitoringPlan } from '@qihuang/engines/hypertension-care';
import { homeAdherence } from './home-adherence.ts';

// Daily plan started today; China (UTC+8); 08:00 local = 00:00Z, inside the morning window.
const plan = monitoringPlan('china-2018', 'diagnosis', '2026-03-10');
const NOW = '2026-03-10T00:00:00Z';
const run = (times: string[]) =>
  homeAdherence(
    plan,
    times.map((time) => ({ time })),
    NOW,
    480,
    '2026-03-10',
    '2026-03-10',
    adherence(
      plan,
      times.map((time) => ({ time })),
      '2026-03-10',
      '2026-03-10',
      480,
    ),
  );

describe('home adherence counts readings like the cards', () => {
  it('before any entry: today’s planned readings, 0 taken', () => {
    expect(run([])).toMatchObject({ plannedReadings: 4, takenReadings: 0, fraction: 0 });
  });
  it('one morning reading is 1 of 4 (never 100 % while a card shows 1 of 2)', () => {
    const a = run(['2026-03-09T23:50:00Z']);
    expect(a).toMatchObject({ plannedReadings: 4, takenReadings: 1, fraction: 0.25 });
  });
  it('extra readings in one window do not fill another', () => {
    const a = run(['2026-03-09T23:40:00Z', '2026-03-09T23:45:00Z', '2026-03-09T23:50:00Z']);
    expect(a).toMatchObject({ plannedReadings: 4, takenReadings: 2, fraction: 0.5 });
  });
});
