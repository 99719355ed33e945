import { describe, expect, it } from 'vitest';
import { readingsTakenKey } from './readings-taken.ts';

describe('a session card counts readings without "3 of 2" (issue 20 item 6)', () => {
  it('fewer than planned: "已测 1 / 2 次"; planned reached or passed: "已完成（3 次）"', () => {
    expect(readingsTakenKey(1, 2)).toBe('care.home.readingsTaken');
    expect(readingsTakenKey(2, 2)).toBe('care.home.readingsDone');
    expect(readingsTakenKey(3, 2)).toBe('care.home.readingsDone');
    expect(readingsTakenKey(0, 0)).toBe('care.home.readingsTaken');
  });
});
