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
  it('before any entry: the open morning session is due, the evening one not yet', () => {
    expect(run([])).toMatchObject({ plannedReadings: 2, takenReadings: 0, fraction: 0 });
  });
  it('one morning reading is 1 of 2 (never 100 % while a card shows 1 of 2)', () => {
    const a = run(['2026-03-09T23:50:00Z']);
    expect(a).toMatchObject({ plannedReadings: 2, takenReadings: 1, fraction: 0.5 });
  });
  it('extra readings in one window do not fill another', () => {
    const a = run(['2026-03-09T23:40:00Z', '2026-03-09T23:45:00Z', '2026-03-09T23:50:00Z']);
    expect(a).toMatchObject({ plannedReadings: 2, takenReadings: 2, fraction: 1 });
  });
  it('at 03:00, before any window opens, nothing is due: no session counts as missed', () => {
    const at3 = '2026-03-09T19:00:00Z'; // 03:00 in UTC+8 on 2026-03-10
    const a = homeAdherence(
      plan,
      [],
      at3,
      480,
      '2026-03-10',
      '2026-03-10',
      adherence(plan, [], '2026-03-10', at3, 480),
    );
    expect(a).toMatchObject({ plannedReadings: 0, takenReadings: 0 });
  });
});
