/**
 * The copilot with its model down (IT trial, issue 19: a `language: "zh"` request streamed "no target answered:
 * connect ECONNREFUSED 127.0.0.1:1" in English). The SSE error event says, in the request's language, that the
 * model did not answer; the technical cause stays in the server log, never on the clinician's screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { sse } from './care-test-support.ts';

describe('clinical copilot with the model down', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    t = await createTestApp('pglite', {
      model: { baseUrl: 'http://127.0.0.1:1/v1', name: 'down', location: 'on-premises' },
    });
    await t.repository.update({ requestId: 'seed', principal: SYSTEM_PRINCIPAL }, 'Patient', 'md-1', {
      resourceType: 'Patient',
      id: 'md-1',
      gender: 'male',
      birthDate: '1958-05-01',
    });
  }, 120_000);
  afterAll(async () => t?.closeAll());

  const ask = async (language: 'zh' | 'en') =>
    sse(
      await t.request('/api/care/patients/md-1/copilot', {
        method: 'POST',
        json: { messages: [{ role: 'user', content: '血压控制得怎么样？' }], language },
        headers: { 'content-type': 'application/json' },
      }),
    );

  it.each([
    ['zh', /模型/],
    ['en', /model/i],
  ] as const)(
    '%s: the error is in the request language, without the technical cause',
    async (language, words) => {
      const events = await ask(language);
      const error = events.find((e) => e.event === 'error')?.data as { code: string; message: string };
      expect(error, JSON.stringify(events)).toBeDefined();
      expect(error.message).toMatch(words);
      expect(error.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|no target answered/);
      if (language === 'zh') expect(error.message).not.toMatch(/[A-Za-z]{4,}/);
    },
    60_000,
  );
});
