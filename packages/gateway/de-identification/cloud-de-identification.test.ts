import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { startHarness, type Harness } from '../test-support/gateway-harness.ts';
import { clinicalNotes } from './fixtures/clinical-notes.ts';

describe('patient identifiers never reach a cloud model', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      upstreams: { cloud: { location: 'cloud', kind: 'deepseek' }, local: { location: 'on-premises' } },
      config: () => ({
        virtualModels: [
          { name: 'cloud-writer', targets: [{ provider: 'cloud' }] },
          { name: 'local-writer', targets: [{ provider: 'local' }] },
          {
            name: 'cloud-refused',
            targets: [{ provider: 'cloud' }],
            cloud: { mode: 'refuse', allowImages: false },
          },
          {
            name: 'cloud-then-local',
            targets: [{ provider: 'cloud' }, { provider: 'local' }],
            cloud: { mode: 'refuse', allowImages: false },
          },
          { name: 'embed-cloud', targets: [{ provider: 'cloud' }] },
        ],
      }),
    });
  });
  afterAll(() => h.close());
  afterEach(() => Object.values(h.upstreams).forEach((u) => u.reset()));

  const cloudText = () => JSON.stringify(h.upstreams.cloud!.modelRequests().map((r) => r.body));

  it.each(clinicalNotes.map((n) => [n.id, n] as const))(
    '%s: de-identified to the cloud, restored in the answer',
    async (_id, note) => {
      h.upstreams.cloud!.setDefault({ content: '摘要：', echo: true }); // the model repeats the placeholders it saw
      const answer = await h.client().chat.completions.create({
        model: 'cloud-writer',
        messages: [{ role: 'user', content: note.text }],
      });
      const sent = cloudText();
      for (const identifier of note.identifiers) expect(sent, identifier).not.toContain(identifier);
      for (const clinical of note.keep) expect(sent, clinical).toContain(clinical);
      expect(answer.choices[0]?.message.content).toBe(`摘要：${note.text}`);
    },
  );

  it.each(clinicalNotes.map((n) => [n.id, n] as const))(
    '%s: restored in a stream whose chunks split placeholders',
    async (_id, note) => {
      h.upstreams.cloud!.setDefault({ echo: true, reasoningContent: '', stream: { chunkSize: 3 } });
      const stream = await h.client().chat.completions.create({
        model: 'cloud-writer',
        messages: [{ role: 'user', content: note.text }],
        stream: true,
      });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      expect(text).toBe(note.text);
      for (const identifier of note.identifiers) expect(cloudText(), identifier).not.toContain(identifier);
    },
  );

  it('issue 18: the two identifiers that used to leak never reach the cloud; dates come back unshifted in a stream', async () => {
    const note =
      '门诊病历：陈志强，男，61岁，1961年3月5日出生。2025年5月12日初诊，2025年5月26日复诊。92岁的母亲同住。';
    h.upstreams.cloud!.setDefault({ echo: true, reasoningContent: '', stream: { chunkSize: 2 } });
    const stream = await h.client().chat.completions.create({
      model: 'cloud-writer',
      messages: [{ role: 'user', content: note }],
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(note);
    const sent = h.upstreams.cloud!.modelRequests()[0]!.body.messages[0].content as string;
    for (const leaked of ['陈志强', '1961年3月5日', '2025年5月12日', '92岁'])
      expect(sent).not.toContain(leaked);
    // one shift for the whole request: the 14-day interval survives, the years are kept
    const [first, second] = [...sent.matchAll(/2025年(\d+)月(\d+)日/g)].map(
      (m) => Date.UTC(2025, Number(m[1]) - 1, Number(m[2])) / 86_400_000,
    );
    expect(second! - first!).toBe(14);
    expect(sent).toMatch(/1961年\d+月\d+日出生/);
    expect(sent).toContain('90岁以上');
  });

  it('on-premises targets receive the original text', async () => {
    const note = clinicalNotes[0]!;
    await h
      .client()
      .chat.completions.create({ model: 'local-writer', messages: [{ role: 'user', content: note.text }] });
    expect(h.upstreams.local!.modelRequests()[0]!.body.messages[0].content).toBe(note.text);
  });

  it('restores identifiers inside tool-call arguments and reasoning', async () => {
    h.upstreams.cloud!.setDefault((request) => {
      const text: string = request.body.messages[0].content;
      const name = /\[PATIENT_NAME_\d+\]/.exec(text)![0];
      const phone = /\[PHONE_\d+\]/.exec(text)![0];
      return {
        reasoningContent: `需要为${name}预约`,
        toolCalls: [{ name: 'book_visit', arguments: JSON.stringify({ patient: name, phone }) }],
        stream: { chunkSize: 4 },
      };
    });
    const messages: OpenAI.ChatCompletionMessageParam[] = [
      { role: 'user', content: '患者赵敏，电话13766668888，请预约复诊。' },
    ];
    const answer = await h.client().chat.completions.create({ model: 'cloud-writer', messages });
    const message = answer.choices[0]!.message as OpenAI.ChatCompletionMessage & {
      reasoning_content?: string;
    };
    const call = message.tool_calls![0] as OpenAI.ChatCompletionMessageFunctionToolCall;
    expect(JSON.parse(call.function.arguments)).toEqual({ patient: '赵敏', phone: '13766668888' });
    expect(message.reasoning_content).toBe('需要为赵敏预约');

    const stream = await h
      .client()
      .chat.completions.create({ model: 'cloud-writer', messages, stream: true });
    let args = '';
    let reasoning = '';
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as {
        reasoning_content?: string;
        tool_calls?: { function?: { arguments?: string } }[];
      };
      args += delta?.tool_calls?.[0]?.function?.arguments ?? '';
      reasoning += delta?.reasoning_content ?? '';
    }
    expect(JSON.parse(args)).toEqual({ patient: '赵敏', phone: '13766668888' });
    expect(reasoning).toBe('需要为赵敏预约');
    expect(cloudText()).not.toContain('赵敏');
    expect(cloudText()).not.toContain('13766668888');
  });

  it('de-identifies names the caller supplies (header and request field) and audits the patient', async () => {
    await h
      .client(undefined, {
        defaultHeaders: {
          'x-qihuang-patient': 'Patient/778',
          'x-qihuang-patient-names': encodeURIComponent('孙悟空'),
        },
      })
      .chat.completions.create({
        model: 'cloud-writer',
        messages: [{ role: 'user', content: '孙悟空血压偏高；随访编号 FU-2024-0031。' }],
        // @ts-expect-error the gateway's request extension, removed before the upstream call
        qihuang: { identifiers: ['FU-2024-0031'] },
      });
    const sent = h.upstreams.cloud!.modelRequests()[0]!.body;
    expect(JSON.stringify(sent)).not.toContain('孙悟空');
    expect(JSON.stringify(sent)).not.toContain('FU-2024-0031');
    expect(sent).not.toHaveProperty('qihuang');
    await h.runtime.flush();
    const event = h.audit.events.at(-1)!;
    expect(event).toMatchObject({
      patient: 'Patient/778',
      location: 'cloud',
      deidentified: { PATIENT_NAME: 1, IDENTIFIER: 1 },
    });
    expect(JSON.stringify(event)).not.toContain('孙悟空'); // no prompt stored by default
  });

  it('de-identifies embedding input for a cloud target', async () => {
    await h.client().embeddings.create({
      model: 'embed-cloud',
      input: '患者张三，电话13812345678',
      encoding_format: 'float',
    });
    const input = h.upstreams.cloud!.modelRequests()[0]!.body.input as string;
    expect(input).toBe('患者[PATIENT_NAME_1]，电话[PHONE_1]');
  });

  it('a refuse policy never sends to the cloud: 403 without an on-premises target, else the local target', async () => {
    const error = (await h
      .client()
      .chat.completions.create({ model: 'cloud-refused', messages: [{ role: 'user', content: '患者张三' }] })
      .catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(error.status).toBe(403);
    expect(error.code).toBe('cloud_refused');
    const answer = await h.client().chat.completions.create({
      model: 'cloud-then-local',
      messages: [{ role: 'user', content: '患者张三' }],
    });
    expect(answer.choices[0]?.message.content).toBe('患者张三');
    expect(h.upstreams.cloud!.modelRequests()).toHaveLength(0);
  });

  it('does not send images to the cloud unless the policy allows it', async () => {
    const error = (await h
      .client()
      .chat.completions.create({
        model: 'cloud-writer',
        messages: [
          {
            role: 'user',
            content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }],
          },
        ],
      })
      .catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(error.status).toBe(403);
    expect(h.upstreams.cloud!.modelRequests()).toHaveLength(0);
  });
});
