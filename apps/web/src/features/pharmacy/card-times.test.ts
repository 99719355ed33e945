import { describe, expect, it } from 'vitest';
import { cardTimes, labDay } from './card-times.ts';

// 16:30 UTC on 1 June: 00:30 on 2 June in Shanghai (UTC+8), still 1 June in New York (EDT, UTC−4).
const item = {
  authoredOn: '2026-06-01T16:30:00Z',
  review: { state: 'approved' as const, at: '2026-06-01T23:05:00Z', findings: [] },
};

describe('review-queue card times', () => {
  it("shows the order's times in the hospital's zone, as the daily report counts the day", () => {
    const shown = cardTimes(item, 'Asia/Shanghai', 'en', 'America/New_York');
    expect(shown.written).toBe('2026-06-02 00:30 GMT+8');
    expect(shown.reviewed).toBe('2026-06-02 07:05 GMT+8');
    expect(cardTimes(item, 'Asia/Shanghai', 'zh-CN', 'UTC').written).toMatch(/^2026-06-02 00:30 GMT\+8$/);
  });

  it('needs no zone name when the browser is in the hospital zone', () => {
    expect(cardTimes(item, 'Asia/Shanghai', 'en', 'Asia/Shanghai').written).toBe('2026-06-02 00:30');
  });

  it('follows the configured hospital zone', () => {
    expect(cardTimes(item, 'America/New_York', 'en', 'Asia/Shanghai').written).toBe('2026-06-01 12:30 EDT');
  });

  it('leaves missing and date-only times alone', () => {
    const pending = { authoredOn: '2026-06-01', review: { state: 'pending' as const, findings: [] } };
    expect(cardTimes(pending, 'Asia/Shanghai', 'en', 'UTC')).toEqual({ written: '2026-06-01', reviewed: '' });
  });
});

describe('labDay', () => {
  it('shows a lab date as written and a date-time as the hospital’s day (issue 20)', () => {
    expect(labDay('2026-05-20', 'Asia/Shanghai')).toBe('2026-05-20');
    expect(labDay('2026-05-20T18:30:00Z', 'Asia/Shanghai')).toBe('2026-05-21');
    expect(labDay('2026-05-20T18:30:00Z', 'UTC')).toBe('2026-05-20');
    expect(labDay(undefined, 'UTC')).toBe('');
  });
});
