import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, startScriptedUpstream, type ScriptedUpstream } from '@qihuang/test-kit';
import type { Database } from '@qihuang/store';
import { detectDrift, liveRate, recordLiveSample, regradeLiveSamples } from './live-tracking.ts';
import { createGrader } from '../scoring/grader.ts';
import { createOpenAiChatClient } from '../targets/openai-chat-client.ts';

describe('after go-live tracking', () => {
  let database: Database;
  let upstream: ScriptedUpstream;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    upstream = await startScriptedUpstream({ models: ['grader'] });
  });
  afterAll(async () => {
    await upstream.close();
    await database.close();
  });

  it('re-grades sampled live answers; grader failures stay ungraded, never passed', async () => {
    const at = new Date('2026-11-20T08:00:00Z');
    const base = { model: 'm', scenario: 'rx-review', question: 'q', sampledAt: at };
    await recordLiveSample(database.db, { ...base, answer: 'good answer', reviewOverridden: false });
    await recordLiveSample(database.db, { ...base, answer: 'bad answer', reviewOverridden: true });
    await recordLiveSample(database.db, { ...base, answer: 'grader breaks', reviewOverridden: false });
    const text = (r: { body: { messages: unknown } }) => JSON.stringify(r.body.messages);
    upstream.when((r) => text(r).includes('good answer'), {
      content: '{"explanation":"ok","criteria_met":true}',
    });
    upstream.when((r) => text(r).includes('bad answer'), {
      content: '{"explanation":"wrong","criteria_met":false}',
    });
    upstream.setDefault({ status: 500 });
    const grader = createGrader({
      client: createOpenAiChatClient({ baseUrl: upstream.url, model: 'grader', maxRetries: 0 }),
      model: 'grader',
      maxAttempts: 2,
      backoffMs: 0,
    });
    expect(await regradeLiveSamples(database.db, grader)).toEqual({ graded: 2, errors: 1 });
    const window = { from: new Date('2026-11-20T00:00:00Z'), to: new Date('2026-11-21T00:00:00Z') };
    expect(await liveRate(database.db, 'm', undefined, 'grade-fail', window)).toEqual({
      hits: 1,
      n: 2,
      rate: 0.5,
    });
    expect(await liveRate(database.db, 'm', 'rx-review', 'review-override', window)).toEqual({
      hits: 1,
      n: 3,
      rate: 1 / 3,
    });
    // Too few samples for a drift verdict.
    const drift = await detectDrift(database.db, {
      model: 'm',
      metric: 'review-override',
      baseline: window,
      recent: window,
    });
    expect(drift).toMatchObject({ drift: false, pValue: null });
  });
});
