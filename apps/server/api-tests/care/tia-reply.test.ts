/**
 * Issue 16 (safety, H12's try): a passing TIA reported in the consultation ("昨天右手没劲说话不清，十几分钟就好了")
 * is same-day care (decision 0021, NICE NG128 (2019) 1.1.5). With a stored crisis reading the reply showed only the
 * blood-pressure notice and moved on. Now the TIA is answered at once, in plain words (what they reported,
 * "yesterday", see a doctor today, 120 if it comes back or does not go away), before the blood-pressure notice —
 * also when that notice was told at an earlier answer — in Chinese and in English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import type { Consultation } from '@qihuang/care';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { csv, sse } from './care-test-support.ts';

const START = new Date('2026-03-10T13:11:00Z'); // 21:11 in Shanghai
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
const TIA = '昨天右手没劲说话不清，十几分钟就好了';
const PATIENTS = ['tr-first', 'tr-later', 'tr-en', 'tr-alone'];
const HAN = /\p{Script=Han}/u;

describe.each(DATABASE_KINDS)('a passing TIA is answered at once as same-day care, on %s', (kind) => {
  let t: TestApp;
  const now = START;
  const tokens: Record<string, string> = {};
  const send = async (who: string, method: string, path: string, body?: string, type = 'application/json') =>
    t.request(path, {
      method,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(body === undefined ? {} : { 'content-type': type }),
      },
      ...(body === undefined ? {} : { body }),
    });
  const start = async (who: string, language: 'zh' | 'en') => {
    const r = await send(
      who,
      'POST',
      `/api/care/patients/${who}/consultations`,
      JSON.stringify({ language }),
    );
    expect(r.status, await r.clone().text()).toBe(201);
    return ((await r.json()) as { id: string }).id;
  };
  const say = async (who: string, id: string, text: string) => {
    const r = await send(who, 'POST', `/api/care/consultations/${id}/messages`, JSON.stringify({ text }));
    expect(r.status, await r.clone().text()).toBe(200);
    return (await sse(r)).find((e) => e.event === 'done')?.data as Consultation;
  };
  /** The server's notices after the patient's last message, in order. */
  const replies = (c: Consultation) => {
    const last = c.messages.map((m) => m.role).lastIndexOf('patient');
    return c.messages.slice(last + 1).filter((m) => m.kind === 'notice');
  };
  const crisisReading = async (who: string) => {
    const r = await send(
      who,
      'POST',
      `/api/bp/patients/${who}/readings`,
      csv([['2026-03-10T20:50:00+08:00', 195, 132]]),
      'text/csv',
    );
    expect(r.status, await r.clone().text()).toBe(201);
  };

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => now, 'required');
    for (const id of PATIENTS) {
      await t.repository.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        name: [{ family: '王', given: ['芳'], text: '王芳' }],
        gender: 'female',
        birthDate: '1958-02-11',
      });
      tokens[id] = await t.userToken({
        username: id,
        password: `patient-password-${id}`,
        role: 'patient',
        patientId: id,
      });
    }
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('with a stored crisis reading: the TIA answer leads, in plain words with its day, then the BP notice', async () => {
    await crisisReading('tr-first');
    const c = await say('tr-first', await start('tr-first', 'zh'), TIA);
    const [first, second, ...rest] = replies(c);
    expect(rest).toHaveLength(0);
    expect(first!.code).toBe('urgent:tia');
    expect(first!.text).toBe(
      '您报告昨天右手没劲、说话不清，之后好转了——这可能是中风的先兆。即使现在已经好了，也请今天就去医院看医生（神经内科），或今天联系您的医疗团队。如果症状再次出现或没有消退，请立即拨打120。',
    );
    expect(first!.text).not.toContain('短暂性脑缺血');
    expect(second!.text).toContain('195/132 mmHg');
    expect(c.status).toBe('active');
  });

  it('the BP notice told at an earlier answer: the TIA reported later is still answered at once', async () => {
    await crisisReading('tr-later');
    const id = await start('tr-later', 'zh');
    const before = await say('tr-later', id, '没有不舒服');
    expect(replies(before).map((m) => m.text.includes('195/132'))).toEqual([true]);
    const after = await say('tr-later', id, TIA);
    expect(replies(after).map((m) => m.code)).toEqual(['urgent:tia']);
    expect(replies(after)[0]!.text).toContain('今天就去医院看医生');
    // Told once: the next answer does not repeat it.
    expect(replies(await say('tr-later', id, '没有'))).toHaveLength(0);
  });

  it('English: plain English words, yesterday, today, 120 if it comes back', async () => {
    await crisisReading('tr-en');
    const c = await say(
      'tr-en',
      await start('tr-en', 'en'),
      'Yesterday my right arm went weak and my speech was slurred for ten minutes, fine since.',
    );
    const [first, second] = replies(c);
    expect(first!.text).toBe(
      'You reported weakness or numbness on one side and slurred speech or trouble speaking yesterday, which then went away — this may be a warning sign of a stroke. Even though it has gone, see a doctor today: go to a hospital today (neurology) or contact your care team today. If it comes back or does not go away, call emergency services (120 in China / 911 in the US) now.',
    );
    expect(second!.text).toContain('195/132 mmHg');
    expect(
      replies(c)
        .map((m) => m.text)
        .join(' '),
    ).not.toMatch(HAN);
  });

  it('without a crisis reading: the TIA answer alone (not also the engine instruction with the medical name)', async () => {
    const c = await say('tr-alone', await start('tr-alone', 'zh'), TIA);
    expect(replies(c).map((m) => m.code)).toEqual(['urgent:tia']);
    expect(JSON.stringify(c.messages)).not.toContain('短暂性脑缺血');
    // The patient's consultation carries no stored episode internals.
    expect(JSON.stringify(c)).not.toContain('tiaEpisode');
  });
});
