import { describe, expect, it } from 'vitest';
import { statusKey, unitWord } from './chart-words.ts';

describe('chart words for a patient (one language per screen)', () => {
  it('maps FHIR status codes to message keys, unknown codes to none', () => {
    expect(statusKey('active')).toBe('chart.statusWord.active');
    expect(statusKey('stopped')).toBe('chart.statusWord.stopped');
    expect(statusKey('resolved')).toBe('chart.statusWord.resolved');
    expect(statusKey('finished')).toBe('chart.statusWord.finished');
    expect(statusKey('entered-in-error')).toBeUndefined();
    expect(statusKey(undefined)).toBeUndefined();
  });
  it('turns UCUM heart-rate units into the page language', () => {
    expect(unitWord('87 beats/minute', 'zh-CN')).toBe('87 次/分');
    expect(unitWord('87 /min', 'zh-CN')).toBe('87 次/分');
    expect(unitWord('87 beats/minute', 'en')).toBe('87 beats/min');
    expect(unitWord('120/80 mmHg', 'zh-CN')).toBe('120/80 mmHg');
  });
});
