/**
 * The model's second opinion on the consultation triage (issue 16 item 2), with the scripted upstream from
 * packages/test-kit (no real model): it can only raise the engine's level; the engine's emergency stands without
 * a model and when the model errors or times out; the answer says which level came from the engine and that a
 * model raised it; without a model there is no second opinion at all (never a made-up one). Reading the level
 * from the model's answer: packages/care/second-opinion.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type AuditRecord, type RequestContext } from '@qihuang/contracts';
import { startScriptedUpstream, type ReceivedRequest, type ScriptedUpstream } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import {
  postConsultationMessage,
  SECOND_OPINION_MARKER,
  startConsultation,
  type CareDeps,
  type Consultation,
  type ConsultationEvent,
} from '@qihuang/care';

const NOW = new Date('2026-03-10T04:00:00Z');
const clock = () => NOW;
const isChat = (r: ReceivedRequest) => r.path.endsWith('/chat/completions');
const isSecond = (r: ReceivedRequest) => isChat(r) && JSON.stringify(r.body).includes(SECOND_OPINION_MARKER);
const isPhrasing = (r: ReceivedRequest) => isChat(r) && !isSecond(r);
const ctx: RequestContext = { requestId: 'second-opinion', principal: SYSTEM_PRINCIPAL };

describe('triage second opinion from the model (only raises)', () => {
  let t: TestApp;
  let upstream: ScriptedUpstream;
  let audited: AuditRecord[] = [];
  const deps = (extra: Partial<CareDeps> = {}): CareDeps => ({
    ...t.care,
    audit: async (_: RequestContext, r: AuditRecord) => void audited.push(r),
    ...extra,
  });
  const say = async (text: string, d: CareDeps = deps(), language: 'zh' | 'en' = 'zh') => {
    const started = await startConsultation(d, ctx, 'so-1', language);
    const events: ConsultationEvent[] = [];
    const done = await postConsultationMessage(d, ctx, started.id, text, (e) => events.push(e));
    return { done, events };
  };
  const second = (events: ConsultationEvent[]) =>
    events.find((e) => e.event === 'second-opinion')?.data as Consultation['secondOpinion'];

  beforeAll(async () => {
    upstream = await startScriptedUpstream({ models: ['qwen-local'] });
    t = await createTestApp(
      'pglite',
      { model: { baseUrl: upstream.url, name: 'qwen-local', location: 'on-premises' } },
      clock,
      'required',
    );
    await t.repository.update({ requestId: 'seed', principal: SYSTEM_PRINCIPAL }, 'Patient', 'so-1', {
      resourceType: 'Patient',
      id: 'so-1',
      gender: 'female',
      birthDate: '1955-04-02',
    });
  }, 120_000);
  afterAll(async () => {
    await t?.closeAll();
    await upstream?.close();
  });
  const script = (secondReply: Parameters<ScriptedUpstream['when']>[1]) => {
    upstream.reset();
    audited = [];
    upstream.when(isSecond, secondReply);
    upstream.when(isPhrasing, { content: '好的。' });
  };

  it('raises the engine level none → emergency: stop, fixed instruction, care team alerted; the answer names both levels', async () => {
    script({ content: '{"level":"emergency"}' });
    const { done, events } = await say('头有点晕，人不太对劲');
    expect(done.secondOpinion).toMatchObject({
      engineLevel: 'none',
      modelLevel: 'emergency',
      level: 'emergency',
      raised: true,
      outcome: 'raised',
    });
    expect(done.status).toBe('stopped');
    expect(done.careTeamAlerted).toBe(true);
    expect(done.triage).toMatchObject({ level: 'emergency', stop: true, inputs: { engineLevel: 'none' } });
    expect(done.triage!.rule).toMatch(/^engine: none .*raised to emergency by the model's second opinion/);
    expect(events.map((e) => e.event).slice(0, 2)).toEqual(['second-opinion', 'triage']);
    const texts = done.messages.map((m) => m.text);
    expect(texts).toContain(
      '分诊引擎判断为“未发现紧急情况”；模型第二意见将其提高为“紧急”（模型只能提高、不能降低引擎的分级）。',
    );
    expect(done.messages.at(-1)).toMatchObject({ kind: 'emergency' });
    expect(done.messages.at(-1)!.text).toContain('120'); // the fixed instruction, never model text
    expect(upstream.modelRequests().filter(isPhrasing)).toHaveLength(0); // stopped: no further turn
    expect(audited).toContainEqual(
      expect.objectContaining({ query: 'care-triage-second-opinion', patientIds: ['so-1'] }),
    );
  });

  it('never lowers: a lower answer is ignored, and an engine emergency is not even sent to the model', async () => {
    script({ content: '{"level":"none"}' });
    const urgent = await say('血压200/110');
    expect(urgent.done.triage?.level).toBe('urgent');
    expect(urgent.done.secondOpinion).toMatchObject({
      engineLevel: 'urgent',
      modelLevel: 'none',
      level: 'urgent',
      raised: false,
      outcome: 'lower-ignored',
    });
    expect(urgent.done.status).toBe('active');

    script({ content: '{"level":"none"}' });
    const emergency = await say('胸口疼得厉害，说话也不清楚');
    expect(emergency.done.triage).toMatchObject({ level: 'emergency', stop: true });
    expect(emergency.done.secondOpinion).toBeUndefined();
    expect(upstream.modelRequests().filter(isChat)).toHaveLength(0);
  });

  it('the engine level stands when the model errors, times out or answers something unreadable', async () => {
    script({ status: 500, errorMessage: 'upstream down' });
    const failed = await say('血压195/100', deps(), 'en');
    expect(failed.done.secondOpinion).toMatchObject({ outcome: 'error', level: 'urgent', raised: false });
    expect(failed.done.triage?.level).toBe('urgent');

    script({ delayMs: 3_000, content: '{"level":"emergency"}' });
    const started = Date.now();
    const slow = await say('头有点晕', deps({ secondOpinion: { timeoutMs: 300 } }));
    expect(Date.now() - started).toBeLessThan(2_900);
    expect(second(slow.events)).toMatchObject({ outcome: 'timeout', level: 'none', raised: false });
    expect(slow.done.status).toBe('active');

    script({ content: 'I would say it is fine.' });
    const vague = await say('头有点晕');
    expect(vague.done.secondOpinion).toBeUndefined(); // level none: nothing stored …
    expect(second(vague.events)).toMatchObject({ outcome: 'unreadable', level: 'none' }); // … but reported
  });

  it('without a model, or turned off, there is no second opinion at all (never a made-up one)', async () => {
    script({ content: '{"level":"emergency"}' });
    const off = await say('头有点晕', deps({ secondOpinion: false }));
    expect(second(off.events)).toBeUndefined();
    expect(upstream.modelRequests().filter(isSecond)).toHaveLength(0);

    const noModel = deps({
      model: {
        name: 'clinical-copilot',
        configured: () => false,
        chat: () => Promise.reject(new Error('not configured')),
      },
    });
    const plain = await say('头有点晕', noModel);
    expect(second(plain.events)).toBeUndefined();
    const emergency = await say('my dad cannot lift his arm and his face droops', noModel, 'en');
    expect(emergency.done.triage).toMatchObject({ level: 'emergency', stop: true });
    expect(emergency.done.secondOpinion).toBeUndefined();
  });
});
