import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import type { AlertTimeliness } from '../../api/bp.ts';
import { actionFormProblems, lateUploadText, timelinessFigures as figuresOf } from './alert-timeliness.ts';

/** The answers below include older or extended shapes than the server's type: the reading is tolerant. */
const timelinessFigures = (answer: Record<string, unknown>) =>
  figuresOf(answer as unknown as AlertTimeliness);

const d = (median: number, within: number) => ({
  count: 1,
  medianMinutes: median,
  p90Minutes: median,
  withinTargetPercent: within,
});

describe('inbox timeliness headline (tester finding 4)', () => {
  it('leads with alert → acknowledgement, reading → alert beside it, never reading → closing', () => {
    const f = timelinessFigures({
      alerts: 1,
      closed: 1,
      targetMinutes: 15,
      openPastTarget: 0,
      readingToClose: d(5591.5, 0),
      alertToClose: d(2.2, 100),
      readingToAlert: d(5589.3, 0),
      alertToAcknowledge: d(2.2, 100),
    });
    expect(f.headline).toMatchObject({ medianMinutes: 2.2, withinTargetPercent: 100 });
    expect(f.readingToAlert).toMatchObject({ medianMinutes: 5589.3 });
  });

  it('with the older answer: alert → closing is the headline and no reading → alert is claimed', () => {
    const f = timelinessFigures({
      alerts: 2,
      closed: 1,
      targetMinutes: 15,
      openPastTarget: 1,
      headline: 'readingToClose',
      readingToClose: d(5591.5, 0),
      alertToClose: d(2.2, 100),
    });
    expect(f.headline?.medianMinutes).toBe(2.2);
    expect(f.readingToAlert).toBeUndefined();
    expect(f).toMatchObject({ alerts: 2, closed: 1, overdue: 1, targetMinutes: 15 });
  });
});

describe("the server's reading → alert and the close form's own checks (issue 17)", () => {
  it("takes the server's readingToAlert {count, median, p90} (no within-target share) as its own figure", () => {
    const f = timelinessFigures({
      alerts: 2,
      closed: 1,
      targetMinutes: 15,
      openPastTarget: 0,
      headline: 'alertToClose',
      alertToClose: d(10, 100),
      readingToClose: d(2217.3, 0),
      readingToAlert: { count: 2, medianMinutes: 2207.3, p90Minutes: 2207.3 },
    });
    expect(f.headline?.medianMinutes).toBe(10);
    expect(f.readingToAlert).toEqual({
      count: 2,
      medianMinutes: 2207.3,
      p90Minutes: 2207.3,
      withinTargetPercent: null,
    });
  });

  it('says an action of one character is too short, in the page language, like the server', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: 'en' });
    const form = { contactedBy: 'Nurse Li', action: 'x', reached: 'yes', contactedAt: new Date() };
    expect(actionFormProblems(form, i18n.t.bind(i18n) as never)).toEqual([
      'What was done: at least 2 characters.',
    ]);
    await i18n.changeLanguage('zh-CN');
    expect(actionFormProblems({ ...form, reached: '' }, i18n.t.bind(i18n) as never)).toEqual([
      '请选择是否联系到患者（或家属）。',
      '处置内容：至少 2 个字。',
    ]);
    expect(actionFormProblems({ ...form, action: 'Advised rest' }, i18n.t.bind(i18n) as never)).toEqual([]);
  });
});

describe('late uploads are counted apart from reading → alert (issue 20, demo "中位数 3688.8 分钟")', () => {
  const answer = {
    alerts: 4,
    closed: 1,
    targetMinutes: 15,
    openPastTarget: 0,
    headline: 'alertToClose',
    alertToClose: d(10, 100),
    readingToClose: d(12, 100),
    readingToAlert: { count: 1, medianMinutes: 2, p90Minutes: 2 },
    lateUploads: 3,
    lateUploadHours: 24,
  };

  it("takes the server's late-upload count and bound", () => {
    expect(timelinessFigures(answer)).toMatchObject({ lateUploads: 3, lateUploadHours: 24 });
    expect(timelinessFigures({ ...answer, lateUploads: undefined })).toMatchObject({ lateUploads: 0 });
  });

  it('says how many were late uploads in the page language, and nothing when none', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: 'zh-CN' });
    const t = i18n.t.bind(i18n) as never;
    expect(lateUploadText(timelinessFigures(answer), t)).toBe('3 条为迟传数据（测量后超过 24 小时才上传）');
    await i18n.changeLanguage('en');
    expect(lateUploadText(timelinessFigures(answer), t)).toBe(
      '3 late uploads (received > 24 h after measurement)',
    );
    expect(lateUploadText(timelinessFigures({ ...answer, lateUploads: 1 }), t)).toBe(
      '1 late upload (received > 24 h after measurement)',
    );
    expect(lateUploadText(timelinessFigures({ ...answer, lateUploads: 0 }), t)).toBeUndefined();
  });
});
