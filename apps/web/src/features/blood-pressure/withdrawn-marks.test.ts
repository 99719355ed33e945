/** The inbox marks a reading withdrawn as entered in error wherever it names it (issue 20, decision 0020). */
import { describe, expect, it } from 'vitest';
import type { BpAlert } from '../../api/bp.ts';
import { joinedItems, withdrawnValue } from './withdrawn-marks.ts';

const alert: BpAlert = {
  id: 'a',
  patientId: 'p',
  status: 'active',
  kind: 'crisis',
  severity: 'critical',
  summary: { zh: '血压重度升高 199/130 mmHg（1 次读数）', en: 'Severe BP 199/130 mmHg (1 reading)' },
  createdAt: '2026-12-07T22:00:00Z',
  readings: ['r1', 'r8', 'r9'],
  values: { sbp: 199, dbp: 130 },
  rule: '',
  source: '',
  joined: [
    { id: 'r8', time: '2026-12-07T22:08:00Z', sbp: 188, dbp: 121, joinedAt: '2026-12-07T22:10:00Z' },
    { id: 'r9', time: '2026-12-07T22:14:00Z', sbp: 185, dbp: 122, joinedAt: '2026-12-07T22:15:00Z' },
  ],
  withdrawn: [{ id: 'r9', at: '2026-12-07T22:16:00Z', by: 'patient', reason: '不是我的读数' }],
};

describe('withdrawn readings in the inbox card', () => {
  it('the joined line marks the withdrawn one (the try: 185/122 stood there as the newest)', () => {
    expect(joinedItems(alert)).toEqual([
      { value: '188/121', time: '2026-12-07T22:08:00Z', withdrawn: false },
      { value: '185/122', time: '2026-12-07T22:14:00Z', withdrawn: true },
    ]);
  });

  it('a joined reading the server could not find again: “—”, never “undefined”', () => {
    expect(joinedItems({ ...alert, joined: [{ id: 'rx', joinedAt: 'x' }], withdrawn: [] })).toEqual([
      { value: '—', withdrawn: false },
    ]);
  });

  it('the withdrawal note names the reading: a joined one by its values, the one raising reading by the alert’s', () => {
    expect(withdrawnValue(alert, 'r9')).toBe('185/122');
    expect(withdrawnValue(alert, 'r1')).toBe('199/130');
    // One of several raising readings: which values it had is not known.
    expect(withdrawnValue({ ...alert, readings: ['r1', 'r2'], joined: [] }, 'r1')).toBeUndefined();
    // An alert whose values are no blood pressure (a mean's rise).
    expect(withdrawnValue({ ...alert, values: { deltaSbp: 28.8 }, joined: [] }, 'r1')).toBeUndefined();
  });
});
