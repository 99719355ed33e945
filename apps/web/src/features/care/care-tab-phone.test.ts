import { describe, expect, it } from 'vitest';
import { unbrokenPhone } from './care-tab-phone.ts';

describe('the Care tab phone number is never split across lines (issue 20)', () => {
  it('non-breaking hyphens and spaces; the digits kept for the tel: link', () => {
    const shown = unbrokenPhone('+86 138-0013-8000')!;
    expect(shown).toBe('+86\u00a0138\u20110013\u20118000');
    expect(shown).not.toMatch(/[ -]/);
    expect(shown.replace(/[^\d+]/g, '')).toBe('+8613800138000');
  });
  it('no phone: none', () => {
    expect(unbrokenPhone(undefined)).toBeUndefined();
  });
});
