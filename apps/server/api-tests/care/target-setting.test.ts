/**
 * Issue 20 item 7: a target never shows without its setting. The proposal says which BP (home or office) its
 * target is for, so the console writes "家庭血压目标" / "诊室血压目标" (home / office) wherever a target is shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { officeBp } from './care-test-support.ts';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };

describe.each(DATABASE_KINDS)('the proposal names its target setting on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
    await t.repository.update(system, 'Patient', 'ts-1', {
      resourceType: 'Patient',
      id: 'ts-1',
      gender: 'male',
      birthDate: '1970-01-01',
    });
    await t.repository.update(
      system,
      'Observation',
      'ts-1-bp',
      officeBp('ts-1-bp', 'ts-1', 168, 104, '2026-03-09T02:00:00Z'),
    );
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('an office reading: the target is the office target', async () => {
    const r = await t.request('/api/care/patients/ts-1/proposal', {
      method: 'POST',
      body: JSON.stringify({ guideline: 'china-2018', language: 'zh' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(201);
    const body = (await r.json()) as { targetSetting?: string };
    expect(body.targetSetting).toBe('office');
  });
});
