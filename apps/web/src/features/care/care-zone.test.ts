/**
 * One clock on the care tab (issue 20): "drafted 07:26", "signed 07:28" were the UTC clock without a zone while
 * alerts beside them showed hospital time (GMT+8); every care-tab time now goes through the zone formatter.
 */
import { describe, expect, it } from 'vitest';
import { careTime } from './care-zone.tsx';

describe('careTime', () => {
  it('shows a UTC instant on the hospital clock (Asia/Shanghai), never the bare UTC clock', () => {
    const shown = careTime('2026-12-07T07:26:00.000Z', 'Asia/Shanghai');
    expect(shown).toMatch(/^2026-12-07 15:26/);
    expect(shown).not.toMatch(/07:26/);
  });
  it('keeps date-only values as written', () => {
    expect(careTime('2027-01-04', 'Asia/Shanghai', false)).toBe('2027-01-04');
  });
});
