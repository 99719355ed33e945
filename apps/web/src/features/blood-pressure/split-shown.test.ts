/**
 * Decision 0027 "Not yet" (issue 20): the BP page's morning/evening rows rounded the server's means with
 * Math.round — a morning mean of 134.6/84.6 read "135/85" beside "below home (135/85)". The rows show the server's
 * figure as shown (`morningShown` / `eveningShown`, never across the home threshold); whole mmHg when a server sends
 * none (the console's own split of the shown range, or an older server).
 */
import { describe, expect, it } from 'vitest';
import type { HbpmSummary } from '../../api/bp.ts';
import { THRESHOLDS } from './bp-readings.ts';
import { splitMeanText, splitView } from './split-view.ts';

const home = THRESHOLDS['china-2018'].home; // REFERENCE §2.2 China 2018 HBPM ≥135/85

const hbpm = {
  sufficient: true,
  readingsUsed: 10,
  daysUsed: 5,
  mean: { sbp: 134.8, dbp: 82.3 },
  morningMean: { sbp: 134.6, dbp: 84.6 },
  eveningMean: { sbp: 135, dbp: 80 },
  morningShown: { sbp: '134.6', dbp: '84.6' },
  eveningShown: { sbp: '135', dbp: '80' },
  threshold: { sbp: 135, dbp: 85 },
  readingIds: [],
} as unknown as HbpmSummary;

describe('morning/evening rows as the server shows them', () => {
  it('134.6/84.6 below 135/85 reads 134.6/84.6 and "below"; 135/80 reads 135/80 and "above"', () => {
    const v = splitView({ hbpm, all: [], shown: [], timeZone: 'Asia/Shanghai', homeThreshold: home })!;
    expect(v.source).toBe('server');
    expect(splitMeanText(v.morning)).toBe('134.6/84.6');
    expect(v.morning.high).toBe(false);
    expect(splitMeanText(v.evening)).toBe('135/80');
    expect(v.evening.high).toBe(true);
  });

  it('without a shown figure (older server): whole mmHg', () => {
    const old = { ...hbpm, morningShown: undefined, eveningShown: undefined } as unknown as HbpmSummary;
    const v = splitView({ hbpm: old, all: [], shown: [], timeZone: 'Asia/Shanghai', homeThreshold: home })!;
    expect(splitMeanText(v.morning)).toBe('135/85');
  });

  it('no mean: no figure', () => {
    expect(splitMeanText({ n: 0 })).toBeUndefined();
  });
});
