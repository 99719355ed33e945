/**
 * Findings of the patient/clinician tour (issue 17, issue 16): prediabetes is not diabetes for the target; an open
 * emergency leads the treatment proposal and the summary's urgency box (written for the clinician, never
 * downgraded); no answer is taken after the last intake question (never stored under an undefined step).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { saveAlerts } from '@qihuang/bp-monitoring';
import type { Alert } from '@qihuang/engines/blood-pressure';
import { sse, officeBp } from './care-test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
const STROKE_WORDS = '今天早上突然一侧手脚无力，说话不清楚';

describe.each(DATABASE_KINDS)('care safety findings on %s', (kind) => {
  let t: TestApp;
  const send = async (method: string, path: string, json?: unknown) => {
    const r = await t.request(
      path,
      json === undefined
        ? { method }
        : { method, body: JSON.stringify(json), headers: { 'content-type': 'application/json' } },
    );
    return { status: r.status, response: r };
  };
  const body = async (r: { response: Response }) => (await r.response.json()) as Record<string, unknown>;
  const patient = (id: string) =>
    t.repository.update(system, 'Patient', id, {
      resourceType: 'Patient',
      id,
      gender: 'male',
      birthDate: '1966-05-01',
      name: [{ text: id }],
    });
  const condition = (id: string, patientId: string, code: string, display: string) =>
    t.repository.update(system, 'Condition', id, {
      resourceType: 'Condition',
      id,
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
      },
      code: { coding: [{ system: 'http://snomed.info/sct', code, display }], text: display },
      subject: { reference: `Patient/${patientId}` },
    });
  const proposal = async (patientId: string) => {
    const r = await send('POST', `/api/care/patients/${patientId}/proposal`, {
      guideline: 'china-2018',
      language: 'en',
    });
    expect(r.status).toBe(201);
    return (await body(r)).proposal as {
      target: { sbp: number; dbp?: number };
      urgent?: { rule: string; display: { zh: string; en: string } };
      notes: { zh: string; en: string }[];
      followUpDays: number;
      orders: unknown[];
    };
  };
  const message = (cid: string, text: string) =>
    send('POST', `/api/care/consultations/${cid}/messages`, { text });
  const startIntake = async (patientId: string) => {
    const r = await send('POST', `/api/care/patients/${patientId}/consultations`, { language: 'zh' });
    expect(r.status).toBe(201);
    return (await body(r)).id as string;
  };

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
    for (const id of ['saf-pre', 'saf-dm', 'saf-stroke', 'saf-crisis', 'saf-intake']) await patient(id);
    await condition('saf-pre-c', 'saf-pre', '714628002', 'Prediabetes');
    await condition('saf-dm-c', 'saf-dm', '44054006', 'Diabetes mellitus type 2 (disorder)');
    for (const id of ['saf-pre', 'saf-dm', 'saf-stroke'])
      await t.repository.update(system, 'Observation', `${id}-bp`, officeBp(`${id}-bp`, id, 146, 92));
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('prediabetes (SNOMED 714628002) gets the ordinary target, type 2 diabetes the diabetes target', async () => {
    // China 2018 (REFERENCE §7.4): general <140/90, diabetes <130/80.
    expect((await proposal('saf-pre')).target).toMatchObject({ sbp: 140, dbp: 90 });
    expect((await proposal('saf-dm')).target).toMatchObject({ sbp: 130, dbp: 80 });
  });

  it('a reported emergency leads the proposal and makes the summary an emergency written for the clinician', async () => {
    const cid = await startIntake('saf-stroke');
    const events = await sse((await message(cid, STROKE_WORDS)).response);
    expect(events.find((e) => e.event === 'triage')?.data).toMatchObject({ level: 'emergency' });
    const p = await proposal('saf-stroke');
    expect(p.urgent?.rule).toMatch(/reported emergency/);
    expect(p.notes[0]).toEqual(p.urgent!.display);
    expect(p.followUpDays).toBe(0);
    const summary = await body(await send('GET', '/api/care/patients/saf-stroke/summary'));
    const triage = summary.triage as { level: string; instruction: { zh: string; en: string } };
    expect(triage.level).toBe('emergency');
    expect(triage.instruction.zh).not.toMatch(/您/);
    expect(triage.instruction.zh).toMatch(/联系患者/);
  });

  it('an open critical BP alert leads the proposal with "assess for hypertensive emergency first"', async () => {
    // Office BP 146/92 is not in the crisis range: the lead comes from the open critical Flag alone.
    await t.repository.update(
      system,
      'Observation',
      'saf-crisis-bp',
      officeBp('saf-crisis-bp', 'saf-crisis', 146, 92),
    );
    await saveAlerts(t.repository, system, 'saf-crisis', [
      {
        key: 'crisis-home-1',
        kind: 'crisis',
        severity: 'critical',
        raisedAt: '2026-03-09T23:00:00Z',
        readingIds: [],
        values: { sbp: 186, dbp: 124 },
        rule: 'SBP >180 or DBP >120',
        source: 'REFERENCE §1.5',
        display: { zh: '家庭血压 186/124 mmHg 达危象范围', en: 'Home BP 186/124 mmHg in the crisis range' },
      } as Alert,
    ]);
    const p = await proposal('saf-crisis');
    expect(p.urgent).toBeDefined();
    expect(p.notes[0]).toEqual(p.urgent!.display);
    expect(p.urgent!.display.en).toMatch(/^Assess for hypertensive emergency first \(Home BP 186\/124/);
    expect(p.followUpDays).toBe(0);
  });

  it('refuses answers after the last intake question (409), never storing them under "undefined"', async () => {
    const cid = await startIntake('saf-intake');
    for (const text of [
      '偶尔头晕',
      '高血压5年',
      '父亲有高血压',
      '氨氯地平 5mg 每日一次',
      '没有过敏',
      '不吸烟',
      '没有在家量',
    ]) {
      const r = await message(cid, text);
      expect(r.status).toBe(200);
      await r.response.text(); // the stream ends when the answer is stored
    }
    const extra = await message(cid, '还有一点想补充：最近睡得不好');
    expect(extra.status).toBe(409);
    expect(JSON.stringify(await body(extra))).toMatch(/问诊问题已经全部回答/);
    let c = await body(await send('GET', `/api/care/consultations/${cid}`));
    expect(Object.keys(c.answers as object)).not.toContain('undefined');
    expect(JSON.stringify(c.messages)).not.toContain('最近睡得不好');
    // An emergency typed afterwards is still triaged and stops the consultation.
    const events = await sse((await message(cid, STROKE_WORDS)).response);
    expect(events.find((e) => e.event === 'triage')?.data).toMatchObject({ level: 'emergency' });
    c = await body(await send('GET', `/api/care/consultations/${cid}`));
    expect(c.status).toBe('stopped');
    expect(Object.keys(c.answers as object)).not.toContain('undefined');
  });
});
