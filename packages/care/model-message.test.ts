/**
 * Issue 20: a clinician or patient told that no model is connected reads who can fix it in the screen's language,
 * never the setting's name (that is the IT team's: gateway page, README).
 */
import { describe, expect, it } from 'vitest';
import { NOT_CONFIGURED_MESSAGE, modelFailedMessage, notConfiguredMessage } from './model.ts';

describe('model messages on clinical screens', () => {
  it('name the IT team and the gateway, not environment variables, in one language', () => {
    const zh = notConfiguredMessage('zh');
    const en = notConfiguredMessage('en');
    expect(en).toBe(NOT_CONFIGURED_MESSAGE);
    for (const text of [zh, en, modelFailedMessage('zh'), modelFailedMessage('en')])
      expect(text).not.toMatch(/QIHUANG_|clinical-copilot|vLLM|Ollama/);
    expect(zh).toContain('信息科');
    expect(zh).not.toMatch(/[A-Za-z]{3,}/);
    expect(en).toContain('IT team');
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
