/** Issue 20 (non-author try): "You acknowledged 1 critical finding(s)." — counted words, not "(s)". */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

describe('the sign dialog counts findings in words', () => {
  it('one and several, en and zh', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } } });
    expect(i18n.t('careSign.acknowledged', { count: 1 })).toBe('You acknowledged 1 critical finding.');
    expect(i18n.t('careSign.acknowledged', { count: 2 })).toBe('You acknowledged 2 critical findings.');
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('careSign.acknowledged', { count: 2 })).toBe('已确认 2 项严重审核问题。');
  });
});

describe('the line under the sign button counts critical findings in words', () => {
  it('one and several, en and zh (was "Acknowledge 1 critical finding(s) to sign.")', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } } });
    expect(i18n.t('care.clinician.ackRequired', { count: 1 })).toBe(
      'Acknowledge the critical finding to sign.',
    );
    expect(i18n.t('care.clinician.ackRequired', { count: 3 })).toBe(
      'Acknowledge the 3 critical findings to sign.',
    );
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('care.clinician.ackRequired', { count: 3 })).toBe('需确认 3 个严重问题后才能签署。');
  });
});
