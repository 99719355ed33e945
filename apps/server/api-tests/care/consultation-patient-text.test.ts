/**
 * Patient-side consultation text (issue 20 tester findings 3 and 4, 375 px phone, no model):
 * - a very high home reading of the last 24 hours is told once per consultation (not after every answer),
 *   with its date and time in the patient's zone, as the patient's own reading (also when they write about
 *   someone else, e.g. "my mum …");
 * - server-written text (greeting, questions, notices) follows the language the client asks for, also for
 *   messages stored before the patient switched language (one language per screen).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { csv, sse } from './care-test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z'); // 12:00 in China (UTC+8)
const clock = () => NOW;
const CJK = /[\u4e00-\u9fff]/;

interface Msg {
  role: string;
  text: string;
  kind?: string;
}

describe('consultation text for the patient', () => {
  let t: TestApp;
  const post = (path: string, json: unknown) =>
    t.request(path, { method: 'POST', json, headers: { 'content-type': 'application/json' } });
  const start = async (patient: string, language: 'zh' | 'en') =>
    (
      (await (await post(`/api/care/patients/${patient}/consultations`, { language })).json()) as {
        id: string;
      }
    ).id;
  const say = async (id: string, text: string, language?: 'zh' | 'en') =>
    sse(await post(`/api/care/consultations/${id}/messages`, language ? { text, language } : { text }));

  beforeAll(async () => {
    t = await createTestApp('pglite', {}, clock, 'disabled');
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    for (const id of ['pt-1', 'pt-2'])
      await t.repository.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        gender: 'female',
        birthDate: '1960-01-01',
      });
    // Last night's very high home reading (crisis range, REFERENCE §1.5) of pt-1, no symptoms.
    const upload = await t.request('/api/bp/patients/pt-1/readings', {
      method: 'POST',
      body: csv([['2026-03-09T21:08:00+08:00', 192, 126]]),
      headers: { 'content-type': 'text/csv' },
    });
    expect(upload.status, await upload.clone().text()).toBeLessThan(300);
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('tells a stored very high reading once, with its date and time, as the patient’s own', async () => {
    const id = await start('pt-1', 'en');
    await say(id, 'My mum has a headache sometimes');
    await say(id, 'none');
    const events = await say(id, 'amlodipine');
    const done = events.find((e) => e.event === 'done')!.data as { messages: Msg[] };
    const notices = done.messages.filter((m) => m.role === 'system' && m.kind === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain('192/126');
    expect(notices[0]!.text).toContain('2026-03-09 21:08');
    expect(notices[0]!.text).toMatch(/your own/i);
    const zh = (await (await t.request(`/api/care/consultations/${id}?language=zh`)).json()) as {
      messages: Msg[];
    };
    const zhNotice = zh.messages.find((m) => m.role === 'system' && m.kind === 'notice')!;
    expect(zhNotice.text).toContain('您自己');
    expect(zhNotice.text).toContain('2026-03-09 21:08');
  });

  it('renders stored server text in the language asked for after a switch mid-consultation', async () => {
    const id = await start('pt-2', 'zh');
    await say(id, '没有');
    // The patient switches the page to English: the next answer says so.
    const events = await say(id, 'none', 'en');
    const done = events.find((e) => e.event === 'done')!.data as { language: string; messages: Msg[] };
    expect(done.language).toBe('en');
    const server = (m: Msg) => m.role !== 'patient';
    expect(done.messages.filter(server).every((m) => !CJK.test(m.text))).toBe(true);
    const read = (await (await t.request(`/api/care/consultations/${id}?language=en`)).json()) as {
      messages: Msg[];
      step: { question: { en: string } };
    };
    expect(read.messages.filter(server).length).toBeGreaterThanOrEqual(4);
    expect(read.messages.filter(server).every((m) => !CJK.test(m.text))).toBe(true);
    const back = (await (await t.request(`/api/care/consultations/${id}?language=zh`)).json()) as {
      messages: Msg[];
    };
    expect(back.messages.filter(server).every((m) => CJK.test(m.text))).toBe(true);
  });
});
