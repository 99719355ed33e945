import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { ADMIN_KEY, startHarness, type Harness } from '../test-support/gateway-harness.ts';

describe('OpenAI-compatible API through the official openai SDK', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      upstreams: {
        local: { location: 'on-premises' },
        r1: { location: 'on-premises', kind: 'deepseek' },
        qwen: { location: 'on-premises', kind: 'vllm' },
      },
      config: () => ({
        virtualModels: [
          { name: 'clinical-copilot', targets: [{ provider: 'local' }] },
          { name: 'record-writer', targets: [{ provider: 'r1' }] },
          { name: 'rx-explainer', targets: [{ provider: 'qwen' }] },
          { name: 'embed-zh', targets: [{ provider: 'local' }] },
        ],
      }),
    });
  });
  afterAll(() => h.close());
  afterEach(() => Object.values(h.upstreams).forEach((u) => u.reset()));

  it('answers a non-streaming chat completion and routes the virtual model to the upstream model', async () => {
    h.upstreams.local!.enqueue({
      content: '血压控制良好。',
      usage: { prompt_tokens: 12, completion_tokens: 7 },
    });
    const answer = await h.client().chat.completions.create({
      model: 'clinical-copilot',
      messages: [{ role: 'user', content: '血压 128/78 mmHg 如何？' }],
    });
    expect(answer.choices[0]?.message.content).toBe('血压控制良好。');
    expect(answer.usage?.total_tokens).toBe(19);
    const received = h.upstreams.local!.modelRequests()[0]!;
    expect(received.body.model).toBe('local-model');
    expect(received.headers.authorization).toBe('Bearer upstream-secret-for-LOCAL_KEY');
    expect(received.body.messages).toEqual([{ role: 'user', content: '血压 128/78 mmHg 如何？' }]);
  });

  it('streams a chat completion over SSE', async () => {
    h.upstreams.local!.enqueue({ content: '建议继续目前降压方案，定期复查。', stream: { chunkSize: 3 } });
    const stream = await h.client().chat.completions.create({
      model: 'clinical-copilot',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('建议继续目前降压方案，定期复查。');
    expect(usage?.completion_tokens).toBeGreaterThan(0);
    expect(h.upstreams.local!.modelRequests()[0]!.body.stream_options).toEqual({ include_usage: true });
  });

  it('asks the upstream for usage but does not pass it to a client that did not ask', async () => {
    h.upstreams.local!.enqueue({ content: 'ok' });
    const stream = await h.client().chat.completions.create({
      model: 'clinical-copilot',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.some((c) => c.usage)).toBe(false);
    await h.runtime.flush();
    const record = h.usage.records.at(-1)!;
    expect(record.completionTokens).toBeGreaterThan(0);
    expect(record.estimated).toBe(false);
  });

  it('passes tools through and returns tool calls (streamed too)', async () => {
    const tools: OpenAI.ChatCompletionTool[] = [
      {
        type: 'function',
        function: {
          name: 'lookup_drug',
          parameters: { type: 'object', properties: { name: { type: 'string' } } },
        },
      },
    ];
    h.upstreams.local!.enqueue({ toolCalls: [{ name: 'lookup_drug', arguments: '{"name":"氨氯地平"}' }] });
    const answer = await h.client().chat.completions.create({
      model: 'clinical-copilot',
      messages: [{ role: 'user', content: '氨氯地平的剂量？' }],
      tools,
    });
    const call = answer.choices[0]!.message.tool_calls![0]! as OpenAI.ChatCompletionMessageFunctionToolCall;
    expect(call.function).toEqual({ name: 'lookup_drug', arguments: '{"name":"氨氯地平"}' });
    expect(answer.choices[0]!.finish_reason).toBe('tool_calls');
    expect(h.upstreams.local!.modelRequests()[0]!.body.tools).toEqual(tools);

    h.upstreams.local!.enqueue({
      toolCalls: [{ name: 'lookup_drug', arguments: '{"name":"氨氯地平"}' }],
      stream: { chunkSize: 2 },
    });
    const stream = await h.client().chat.completions.create({
      model: 'clinical-copilot',
      messages: [{ role: 'user', content: '氨氯地平的剂量？' }],
      tools,
      stream: true,
    });
    let args = '';
    let name = '';
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta.tool_calls?.[0];
      args += delta?.function?.arguments ?? '';
      name += delta?.function?.name ?? '';
    }
    expect(name).toBe('lookup_drug');
    expect(JSON.parse(args)).toEqual({ name: '氨氯地平' });
  });

  it('passes image content to a vision model', async () => {
    h.upstreams.local!.enqueue({ content: '心电图示窦性心律。' });
    const content: OpenAI.ChatCompletionContentPart[] = [
      { type: 'text', text: '请读这张心电图' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
    ];
    const answer = await h
      .client()
      .chat.completions.create({ model: 'clinical-copilot', messages: [{ role: 'user', content }] });
    expect(answer.choices[0]?.message.content).toBe('心电图示窦性心律。');
    expect(h.upstreams.local!.modelRequests()[0]!.body.messages[0].content).toEqual(content);
  });

  it('creates embeddings (encoding_format float)', async () => {
    const result = await h
      .client()
      .embeddings.create({ model: 'embed-zh', input: ['高血压', '糖尿病'], encoding_format: 'float' });
    expect(result.data).toHaveLength(2);
    expect(result.data[0]!.embedding).toHaveLength(8);
    expect(h.upstreams.local!.modelRequests()[0]!.body.model).toBe('local-model');
  });

  it('lists virtual and configured models with target states', async () => {
    const models = [];
    for await (const model of h.client().models.list()) models.push(model);
    const ids = models.map((m) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining(['clinical-copilot', 'record-writer', 'embed-zh', 'local', 'r1']),
    );
    const copilot = models.find((m) => m.id === 'clinical-copilot') as unknown as {
      qihuang: { targets: { provider: string; status: string }[] };
    };
    expect(copilot.qihuang.targets[0]).toMatchObject({ provider: 'local', location: 'on-premises' });
  });

  it("caps max_tokens at the provider's maxOutputTokens", async () => {
    await h.runtime.setConfig({
      ...h.runtime.config,
      providers: h.runtime.config.providers.map((p) =>
        p.id === 'local' ? { ...p, limits: { maxOutputTokens: 256 } } : p,
      ),
    });
    const ask = (extra: object) =>
      h.client().chat.completions.create({
        model: 'clinical-copilot',
        messages: [{ role: 'user', content: 'x' }],
        ...extra,
      });
    await ask({});
    await ask({ max_tokens: 4096 });
    await ask({ max_completion_tokens: 100 });
    expect(
      h.upstreams.local!.modelRequests().map((r) => [r.body.max_tokens, r.body.max_completion_tokens]),
    ).toEqual([
      [256, undefined],
      [256, undefined],
      [undefined, 100],
    ]);
    await h.runtime.setConfig({
      ...h.runtime.config,
      providers: h.runtime.config.providers.map((p) => ({ ...p, limits: {} })),
    });
  });

  it('lets a client name a configured model (provider id or upstream model name)', async () => {
    h.upstreams.r1!.enqueue({ content: 'a' }, { content: 'b' });
    const byId = await h
      .client()
      .chat.completions.create({ model: 'r1', messages: [{ role: 'user', content: 'x' }] });
    const byName = await h
      .client()
      .chat.completions.create({ model: 'r1-model', messages: [{ role: 'user', content: 'x' }] });
    expect([byId.choices[0]?.message.content, byName.choices[0]?.message.content]).toEqual(['a', 'b']);
  });

  describe('reasoning', () => {
    it('keeps DeepSeek-R1 reasoning_content (non-streaming and streaming)', async () => {
      h.upstreams.r1!.enqueue({ reasoningContent: '先评估心血管风险。', content: '建议加用他汀。' });
      const answer = await h
        .client()
        .chat.completions.create({ model: 'record-writer', messages: [{ role: 'user', content: 'x' }] });
      const message = answer.choices[0]!.message as OpenAI.ChatCompletionMessage & {
        reasoning_content?: string;
      };
      expect(message.reasoning_content).toBe('先评估心血管风险。');
      expect(message.content).toBe('建议加用他汀。');

      h.upstreams.r1!.enqueue({
        reasoningContent: '先评估心血管风险。',
        content: '建议加用他汀。',
        stream: { chunkSize: 2 },
      });
      const stream = await h.client().chat.completions.create({
        model: 'record-writer',
        messages: [{ role: 'user', content: 'x' }],
        stream: true,
      });
      let reasoning = '';
      let content = '';
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta as { content?: string; reasoning_content?: string } | undefined;
        reasoning += delta?.reasoning_content ?? '';
        content += delta?.content ?? '';
      }
      expect({ reasoning, content }).toEqual({ reasoning: '先评估心血管风险。', content: '建议加用他汀。' });
    });

    it('normalises a `reasoning` field into reasoning_content', async () => {
      h.upstreams.qwen!.enqueue({
        reasoningContent: 'thinking',
        reasoningField: 'reasoning',
        content: 'done',
      });
      const answer = await h
        .client()
        .chat.completions.create({ model: 'rx-explainer', messages: [{ role: 'user', content: 'x' }] });
      expect(answer.choices[0]!.message).toMatchObject({ content: 'done', reasoning_content: 'thinking' });
      expect(answer.choices[0]!.message).not.toHaveProperty('reasoning');
    });

    it.each([1, 2, 3, 5, 7])(
      'splits Qwen <think> tags streamed in chunks of %i characters',
      async (chunkSize) => {
        h.upstreams.qwen!.enqueue({
          content: '<think>患者肾功能下降，需减量。</think>\n\n二甲双胍应减量。',
          stream: { chunkSize },
        });
        const stream = await h.client().chat.completions.create({
          model: 'rx-explainer',
          messages: [{ role: 'user', content: 'x' }],
          stream: true,
        });
        let reasoning = '';
        let content = '';
        for await (const chunk of stream) {
          const delta = chunk.choices[0]?.delta as
            { content?: string; reasoning_content?: string } | undefined;
          reasoning += delta?.reasoning_content ?? '';
          content += delta?.content ?? '';
        }
        expect(reasoning).toBe('患者肾功能下降，需减量。');
        expect(content).toBe('二甲双胍应减量。');
      },
    );

    it('hides R1 reasoning from a template-opened <think> block when the provider declares it', async () => {
      await h.runtime.setConfig({
        ...h.runtime.config,
        providers: h.runtime.config.providers.map((p) =>
          p.id === 'qwen' ? { ...p, thinkStartsOpen: true } : p,
        ),
      });
      h.upstreams.qwen!.enqueue({ content: '肌酐清除率低。</think>\n\n应减量。', stream: { chunkSize: 3 } });
      const stream = await h
        .client(undefined, { defaultHeaders: { 'x-qihuang-audience': 'patient' } })
        .chat.completions.create({
          model: 'rx-explainer',
          messages: [{ role: 'user', content: 'x' }],
          stream: true,
        });
      let raw = '';
      let content = '';
      for await (const chunk of stream) {
        raw += JSON.stringify(chunk);
        content += chunk.choices[0]?.delta.content ?? '';
      }
      expect(content).toBe('应减量。');
      expect(raw).not.toContain('肌酐');
      await h.runtime.setConfig({
        ...h.runtime.config,
        providers: h.runtime.config.providers.map((p) => ({ ...p, thinkStartsOpen: false })),
      });
    });

    it('splits <think> tags in a non-streaming answer', async () => {
      h.upstreams.qwen!.enqueue({ content: '<think>reason</think>answer' });
      const answer = await h
        .client()
        .chat.completions.create({ model: 'rx-explainer', messages: [{ role: 'user', content: 'x' }] });
      expect(answer.choices[0]!.message).toMatchObject({ content: 'answer', reasoning_content: 'reason' });
    });

    it('strips reasoning for patient-facing callers but keeps it in the audit record', async () => {
      const patientClient = h.client(undefined, {
        defaultHeaders: { 'x-qihuang-audience': 'patient', 'x-qihuang-patient': 'Patient/p-42' },
      });
      h.upstreams.qwen!.enqueue({ content: '<think>内部推理</think>请按时服药。', stream: { chunkSize: 3 } });
      const stream = await patientClient.chat.completions.create({
        model: 'rx-explainer',
        messages: [{ role: 'user', content: 'x' }],
        stream: true,
      });
      let raw = '';
      for await (const chunk of stream) raw += JSON.stringify(chunk);
      expect(raw).not.toContain('reasoning_content');
      expect(raw).not.toContain('内部推理');

      h.upstreams.r1!.enqueue({ reasoningContent: '内部推理二', content: '请按时服药。' });
      const answer = await patientClient.chat.completions.create({
        model: 'record-writer',
        messages: [{ role: 'user', content: 'x' }],
      });
      expect(answer.choices[0]!.message).not.toHaveProperty('reasoning_content');
      expect(answer.choices[0]!.message.content).toBe('请按时服药。');

      await h.runtime.flush();
      const events = h.audit.events.filter((e) => e.patient === 'Patient/p-42');
      expect(events.map((e) => e.reasoning)).toEqual(['内部推理', '内部推理二']);
      expect(events.every((e) => e.reasoningStripped)).toBe(true);
    });
  });

  describe('errors', () => {
    it('rejects a missing or wrong key with 401 in the OpenAI shape', async () => {
      const error = await h
        .client('sk-wrong')
        .models.list()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
      const response = await h.fetch('/v1/models', { key: '' });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: {
          message: expect.any(String),
          type: 'authentication_error',
          code: 'invalid_api_key',
          param: null,
        },
      });
    });

    it('answers 404 model_not_found for an unknown model', async () => {
      const error = (await h
        .client()
        .chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'x' }] })
        .catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
      expect(error).toBeInstanceOf(OpenAI.NotFoundError);
      expect(error.code).toBe('model_not_found');
    });

    it('answers 400 for invalid JSON and missing messages', async () => {
      const bad = await h.fetch('/v1/chat/completions', { method: 'POST', body: '{not json' });
      expect(bad.status).toBe(400);
      const missing = await h.fetch('/v1/chat/completions', {
        method: 'POST',
        body: JSON.stringify({ model: 'clinical-copilot' }),
      });
      expect(missing.status).toBe(400);
      expect(((await missing.json()) as { error: { param: string } }).error.param).toBe('messages');
    });

    it('passes an upstream 400 (e.g. context too long) to the client without failover', async () => {
      h.upstreams.local!.enqueue({ status: 400, errorMessage: 'maximum context length is 8192 tokens' });
      const error = (await h
        .client()
        .chat.completions.create({ model: 'clinical-copilot', messages: [{ role: 'user', content: 'x' }] })
        .catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
      expect(error.status).toBe(400);
      expect(error.message).toContain('maximum context length');
      expect(h.upstreams.local!.modelRequests()).toHaveLength(1);
    });
  });

  it('records usage per key, model, scenario and day, queryable through the admin API', async () => {
    h.upstreams.local!.enqueue({ content: 'x', usage: { prompt_tokens: 10, completion_tokens: 5 } });
    await h
      .client()
      .chat.completions.create({ model: 'clinical-copilot', messages: [{ role: 'user', content: 'x' }] });
    const response = await h.fetch('/admin/gateway/usage?groupBy=key,scenario,day', { key: ADMIN_KEY });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: { key: string; scenario: string; day: string; requests: number; totalTokens: number }[];
    };
    const row = body.data.find((r) => r.key === 'user-key' && r.scenario === 'clinical-copilot')!;
    expect(row.day).toBe(new Date().toISOString().slice(0, 10));
    expect(row.requests).toBeGreaterThanOrEqual(1);
    const forbidden = await h.fetch('/admin/gateway/usage?groupBy=key');
    expect(forbidden.status).toBe(403);
    const badGroup = await h.fetch('/admin/gateway/usage?groupBy=colour', { key: ADMIN_KEY });
    expect(badGroup.status).toBe(400);
  });
});
