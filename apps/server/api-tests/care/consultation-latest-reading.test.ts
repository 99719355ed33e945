/**
 * Issue 20 item 2: the consultation's triage reads the patient's latest reading. A very high home reading
 * (192/126, crisis range — REFERENCE §1.5) followed by a later normal one (118/76) is not told as "very high,
 * sit down and measure again": the patient already did, and the latest reading decides. Without the later
 * reading the notice is still given (consultation-patient-text.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { csv, sse } from './care-test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z'); // 12:00 in China (UTC+8)

interface Msg {
  role: string;
  text: string;
  kind?: string;
}

describe('consultation triage: the latest reading decides', () => {
  let t: TestApp;
  const post = (path: string, json: unknown) =>
    t.request(path, { method: 'POST', json, headers: { 'content-type': 'application/json' } });
  const upload = async (patient: string, rows: [string, number, number][]) => {
    const res = await t.request(`/api/bp/patients/${patient}/readings`, {
      method: 'POST',
      body: csv(rows),
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
  };
  const consult = async (patient: string) => {
    const { id } = (await (
      await post(`/api/care/patients/${patient}/consultations`, { language: 'en' })
    ).json()) as { id: string };
    const events = await sse(await post(`/api/care/consultations/${id}/messages`, { text: 'none' }));
    return events;
  };

  beforeAll(async () => {
    t = await createTestApp('pglite', {}, () => NOW, 'disabled');
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    for (const id of ['pt-later-normal', 'pt-still-high'])
      await t.repository.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        gender: 'male',
        birthDate: '1958-05-01',
      });
    await upload('pt-later-normal', [
      ['2026-03-09T21:08:00+08:00', 192, 126],
      ['2026-03-10T07:30:00+08:00', 118, 76],
    ]);
    await upload('pt-still-high', [
      ['2026-03-09T21:08:00+08:00', 118, 76],
      ['2026-03-10T07:30:00+08:00', 192, 126],
    ]);
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('a later 118/76 supersedes a 192/126: no urgent notice, no "measure again"', async () => {
    const events = await consult('pt-later-normal');
    expect(events.some((e) => e.event === 'triage')).toBe(false);
    const done = events.find((e) => e.event === 'done')!.data as { messages: Msg[] };
    const system = done.messages.filter((m) => m.role === 'system');
    expect(system.some((m) => /192\/126|measure again/.test(m.text))).toBe(false);
  });

  it('a 192/126 that is the latest reading is still told, once', async () => {
    const events = await consult('pt-still-high');
    expect(events.some((e) => e.event === 'triage')).toBe(true);
    const done = events.find((e) => e.event === 'done')!.data as { messages: Msg[] };
    const notices = done.messages.filter((m) => m.role === 'system' && m.kind === 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain('192/126');
  });
});
