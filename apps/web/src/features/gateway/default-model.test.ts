/**
 * Issue 20 (IT try-out): once a provider existed the "No model configured" guidance disappeared although the
 * clinical features' virtual model clinical-copilot still answered model_not_found; "Health checked for 1
 * providers".
 */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { DEFAULT_VIRTUAL_MODEL, defaultModelCannotRoute } from './default-model.ts';

const model = (id: string, status = 'up') => ({ id, qihuang: { status } });

describe('the default virtual model', () => {
  it('cannot route when /v1/models does not list it and there is no fallback', () => {
    expect(DEFAULT_VIRTUAL_MODEL).toBe('clinical-copilot');
    expect(defaultModelCannotRoute([model('local-llm')], undefined)).toBe(true);
    expect(defaultModelCannotRoute([model('local-llm'), model('clinical-copilot')], undefined)).toBe(false);
    expect(defaultModelCannotRoute([model('local-llm')], 'local-llm')).toBe(false);
    // /v1/models answered an error (nothing configured): the other notice covers it
    expect(defaultModelCannotRoute(undefined, undefined)).toBe(false);
  });

  it('"checked" is pluralised', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: 'en' });
    expect(i18n.t('gateway.checked', { count: 1 })).toBe('Health checked for 1 provider.');
    expect(i18n.t('gateway.checked', { count: 2 })).toBe('Health checked for 2 providers.');
    expect(i18n.getFixedT('zh-CN')('gateway.checked', { count: 1 })).toBe('已检查 1 个提供方的健康状态。');
  });
});
