import { describe, expect, it } from 'vitest';
import { latestReadings } from './latest-reading.ts';

describe('latestReadings (issue 20 item 2: the latest reading decides)', () => {
  it('a later 118/76 leaves the earlier 192/126 out', () => {
    const rs = [
      { id: 'high', time: '2026-03-09T21:08:00+08:00', sbp: 192, dbp: 126 },
      { id: 'normal', time: '2026-03-10T07:30:00+08:00', sbp: 118, dbp: 76 },
    ];
    expect(latestReadings(rs).map((r) => r.id)).toEqual(['normal']);
  });
  it('keeps every reading of the latest instant, compares instants across zones, skips unplaced times', () => {
    const rs = [
      { id: 'a', time: '2026-03-10T07:30:00+08:00' },
      { id: 'b', time: '2026-03-09T23:30:00Z' },
      { id: 'c', time: '2026-03-09T21:00:00+08:00' },
      { id: 'd', time: 'yesterday' },
      { id: 'e' },
    ];
    expect(latestReadings(rs).map((r) => r.id)).toEqual(['a', 'b']);
    expect(latestReadings([])).toEqual([]);
  });
});
