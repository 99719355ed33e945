/**
 * Decision 0012 (one pair of windows): the literal the console labels its BP tab with (api-types HOME_WINDOWS) is
 * the HBPM engine's constant, which the care plan's sessions also read.
 */
import { describe, expect, it } from 'vitest';
import { HBPM_EVENING_WINDOW, HBPM_MORNING_WINDOW } from '@qihuang/engines/blood-pressure';
import { EVENING_WINDOW, MORNING_WINDOW } from '@qihuang/engines/hypertension-care';
import { HOME_WINDOWS } from './api-types/index.ts';

describe('HOME_WINDOWS (decision 0012)', () => {
  it("is the HBPM engine's pair, the one the care plan asks for", () => {
    expect(HOME_WINDOWS.morning).toEqual(HBPM_MORNING_WINDOW);
    expect(HOME_WINDOWS.evening).toEqual(HBPM_EVENING_WINDOW);
    expect(HOME_WINDOWS.morning).toEqual(MORNING_WINDOW);
    expect(HOME_WINDOWS.evening).toEqual(EVENING_WINDOW);
  });
});
